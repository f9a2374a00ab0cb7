"""UI language: German (default) or English, chosen in the settings (applies at the next start).

* :func:`install_language` loads the translators once, before any window is built: for German
  Qt's own ``qtbase_de`` (QWizard's „Weiter“, „Zurück“ …); for English the app's
  ``resources/translations/kooperation_en.qm`` (built from ``kooperation_en.ts``).
* Modules that own their texts wrap them in ``QCoreApplication.translate(context, text)``
  (family view, settings, preview: a module-level ``tr()``, which ``pyside6-lupdate`` files under
  the empty context). The main window's texts are not wrapped in its
  source; they are listed below with ``QT_TRANSLATE_NOOP`` (so ``pyside6-lupdate`` extracts them)
  and :func:`translate_widget_tree` swaps them on the built window (menus, buttons, labels,
  placeholders, accessible names, window title). Texts made later (status messages, dialogs of
  other modules) come from their own modules' translations (``kooperation_<area>_en.qm``).
  The PDF does not follow the UI language but the agreement's own language (German by default,
  chosen in the wizard).

Update the translations after changing texts::

    pyside6-lupdate ui/*.py -ts resources/translations/kooperation_en.ts
    (translate the new entries, e.g. with pyside6-linguist)
    pyside6-lrelease resources/translations/kooperation_en.ts -qm resources/translations/kooperation_en.qm

Each area keeps its own file next to it (``kooperation_<area>_en.ts`` from that area's sources, e.g.
``pyside6-lupdate ui/wizard/*.py -ts resources/translations/kooperation_wizard_en.ts``); all
``kooperation*_en.qm`` files are loaded.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QWidget

from kooperation_desktop import assets

MAIN_CONTEXT = "MainWindow"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # Qt's name: pyside6-lupdate collects the texts by it
    """Mark ``text`` for translation in ``context`` and return it unchanged, like PySide6's own marker,
    whose stub returns ``object``; this one keeps the ``str`` for the type checker."""
    return text


# the main window's own texts (ui/main_window.py, ui/case_view.py): extracted by pyside6-lupdate
MAIN_WINDOW_TEXTS = (
    QT_TRANSLATE_NOOP("MainWindow", "Kooperation Desktop – Kooperationsvereinbarungen"),
    QT_TRANSLATE_NOOP("MainWindow", "&Suchen:"),
    QT_TRANSLATE_NOOP("MainWindow", "Suchen: Name, Aktenzeichen …"),
    QT_TRANSLATE_NOOP("MainWindow", "Fälle suchen"),
    QT_TRANSLATE_NOOP("MainWindow", "Keine Treffer"),
    QT_TRANSLATE_NOOP("MainWindow", "Fälle"),
    QT_TRANSLATE_NOOP("MainWindow", "&Neuer Fall…"),
    QT_TRANSLATE_NOOP("MainWindow", "Neuer Fall"),
    QT_TRANSLATE_NOOP("MainWindow", "&Vereinbarung bearbeiten…"),
    QT_TRANSLATE_NOOP("MainWindow", "Vereinbarung bearbeiten"),
    QT_TRANSLATE_NOOP("MainWindow", "&PDF exportieren…"),
    QT_TRANSLATE_NOOP("MainWindow", "PDF exportieren"),
    QT_TRANSLATE_NOOP("MainWindow", "&Beenden"),
    QT_TRANSLATE_NOOP("MainWindow", "&Fall"),
    QT_TRANSLATE_NOOP("MainWindow", "Alle Daten bleiben auf diesem Gerät."),
    QT_TRANSLATE_NOOP("MainWindow", "Einverständnisse"),
    QT_TRANSLATE_NOOP("MainWindow", "Beteiligte"),
    QT_TRANSLATE_NOOP("MainWindow", "Vereinbarungen"),
)

LANGUAGES = ("de", "en")


def qm_path(language: str) -> str:
    return str(assets.path("translations", f"kooperation_{language}.qm"))


def qm_paths(language: str) -> list[str]:
    """The main translation file first, then one file per area (``kooperation_<area>_<language>.qm``,
    e.g. the wizard's), so each area's ``.ts`` file is kept on its own."""
    folder = assets.path("translations")
    extra = sorted(str(p) for p in folder.glob(f"kooperation_*_{language}.qm"))
    return [qm_path(language), *extra]


def install_german_qt_texts(app: QApplication) -> list[QTranslator]:
    """Load Qt's own German translation so QWizard says "Weiter", "Zurück", "Abbrechen", "Fertig"."""
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    directory = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    installed = []
    for name in ("qtbase_de",):
        translator = QTranslator(app)
        if translator.load(name, directory):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def install_language(app: QApplication, language: str | None = None) -> list[QTranslator]:
    """Install the translators for ``language`` ("de"/"en"; None: from the settings)."""
    from .settings import load

    language = language or load().language
    if language != "en":
        return install_german_qt_texts(app)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    translators: list[QTranslator] = []
    for path in qm_paths("en"):
        translator = QTranslator(app)
        if translator.load(path):
            app.installTranslator(translator)
            translators.append(translator)
    if not translators:
        return []  # a missing file: the German texts stay, nothing breaks
    app.setProperty("kooperation_language", "en")
    return translators


def current_language() -> str:
    app = QCoreApplication.instance()
    value = app.property("kooperation_language") if app is not None else None
    return "en" if value == "en" else "de"


def _t(text: str, context: str) -> str:
    if not text:
        return text
    return QCoreApplication.translate(context, text)


def translate_widget_tree(root: QWidget, context: str = MAIN_CONTEXT) -> int:
    """Swap the German texts of an already built widget tree for their translations (only when
    English is installed); returns how many texts changed."""
    if current_language() == "de":
        return 0
    from PySide6.QtGui import QAction  # here: the first window (before any translated tree) does not need them
    from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QMenu

    changed = 0

    def swap(getter, setter) -> None:
        nonlocal changed
        old = getter()
        new = _t(old, context)
        if new != old:
            setter(new)
            changed += 1

    swap(root.windowTitle, root.setWindowTitle)
    for w in [root, *root.findChildren(QWidget)]:
        swap(w.accessibleName, w.setAccessibleName)
        if isinstance(w, (QLabel, QAbstractButton)):
            swap(w.text, w.setText)
        if isinstance(w, QLineEdit):
            swap(w.placeholderText, w.setPlaceholderText)
        if isinstance(w, QMenu):
            swap(w.title, w.setTitle)
    for action in root.findChildren(QAction):
        swap(action.text, action.setText)
    return changed
