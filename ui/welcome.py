"""First start: the welcome panel („Willkommen“), the offline help and the menu „Hilfe“.

:class:`WelcomeController` is one part of the main window: built with the services, it offers the
:attr:`~WelcomeController.panel` (the window shows it instead of the case view while there are no
cases, and when chosen from the menu) and the :attr:`~WelcomeController.menu` „Hilfe“. The example
family comes from the core's :mod:`kooperation_desktop.demo` (invented, marked „Beispiel
(erfunden)“); „Beispiel entfernen“ deletes exactly the example case(s) through the core.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kooperation_desktop import assets, demo
from kooperation_desktop.domain.rules import RuleViolation
from kooperation_desktop.services import Services

from . import dialogs
from .i18n import current_language
from .screen import fit_to_screen


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def help_html(language: str | None = None) -> str:
    """The offline help page (resources/help/hilfe_<de|en>.html) in the UI language."""
    language = language or current_language()
    return assets.text("help", f"hilfe_{'en' if language == 'en' else 'de'}.html")


class HelpDialog(QDialog):
    """The help page in a :class:`QTextBrowser` (no links leave the program)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Hilfe"))
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(False)
        self.browser.setAccessibleName(tr("Hilfe"))
        self.browser.setHtml(help_html())
        layout.addWidget(self.browser, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Schließen"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(760, 640))


class WelcomePanel(QWidget):
    """What the window shows when there is no case yet: three ways to start."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        self.heading = QLabel(tr("<h2>Willkommen bei Kooperation Desktop</h2>"), self)
        self.heading.setWordWrap(True)
        self.intro = QLabel(tr("Hier schreiben Sie mit einer Familie ihre Kooperationsvereinbarung: Ziele in "
                               "ihren Worten, woran alle den Fortschritt merken und wer was bis wann tut. "
                               "Alle Daten bleiben verschlüsselt auf diesem Gerät."), self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addSpacing(12)

        def entry(button: QPushButton, text: str) -> None:
            button.setMinimumHeight(36)
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
            note = QLabel(text, self)
            note.setWordWrap(True)
            note.setStyleSheet("color: #555555;")
            row = QHBoxLayout()
            row.addWidget(button)
            row.addWidget(note, 1)
            layout.addLayout(row)

        self.new_button = QPushButton(tr("Neuen Fall &anlegen…"), self)
        self.demo_button = QPushButton(tr("&Beispiel ansehen"), self)
        self.remove_demo_button = QPushButton(tr("Beispiel entfe&rnen"), self)
        self.help_button = QPushButton(tr("Hilfe &lesen"), self)
        width = max(b.sizeHint().width() for b in (self.new_button, self.demo_button, self.remove_demo_button,
                                                    self.help_button))
        for b in (self.new_button, self.demo_button, self.remove_demo_button, self.help_button):
            b.setMinimumWidth(width)
        entry(self.new_button, tr("Name der Familie, Aktenzeichen und Hilfeart – danach führt das Programm "
                                  "Schritt für Schritt durch die Vereinbarung."))
        entry(self.demo_button, tr("Legt eine erfundene Familie mit einer fertigen Vereinbarung an, "
                                   "zum Ausprobieren. Sie ist als „Beispiel (erfunden)“ gekennzeichnet."))
        entry(self.remove_demo_button, tr("Löscht das Beispiel wieder – nur das Beispiel, keinen echten Fall."))
        entry(self.help_button, tr("Wie eine Vereinbarung entsteht, die zehn Bedingungen gelingender "
                                   "Kooperation, Drucken und Unterschreiben, Datenschutz."))
        layout.addStretch(1)


class WelcomeController(QObject):
    """The welcome panel and the menu „Hilfe“ („Willkommen“, „Hilfe…“ F1) of one main window."""

    new_case_requested = Signal()  # „Neuen Fall anlegen…“
    show_requested = Signal()  # the user asked for the welcome panel (menu „Hilfe → Willkommen“)
    cases_changed = Signal(object)  # the example was added (its case id) or removed (None)
    status_message = Signal(str)

    def __init__(self, services: Services, parent: QWidget):
        super().__init__(parent)
        self.services = services
        self.dialog_parent = parent
        self.help_dialog: HelpDialog | None = None
        self.panel = WelcomePanel(parent)
        self.help_action = QAction(tr("&Hilfe lesen…"), parent)
        self.help_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.welcome_action = QAction(tr("&Willkommen und erste Schritte"), parent)
        self.demo_action = QAction(tr("&Beispiel ansehen"), parent)
        self.remove_demo_action = QAction(tr("Beispiel entfe&rnen"), parent)
        self.menu = QMenu(tr("&Hilfe"), parent)
        for action in (self.welcome_action, self.help_action, self.demo_action, self.remove_demo_action):
            self.menu.addAction(action)
        self.help_action.triggered.connect(lambda _checked=False: self.show_help())
        self.welcome_action.triggered.connect(lambda _checked=False: self.show_requested.emit())
        self.demo_action.triggered.connect(lambda _checked=False: self.show_demo())
        self.remove_demo_action.triggered.connect(lambda _checked=False: self.remove_demo())
        self.panel.new_button.clicked.connect(self.new_case_requested)
        self.panel.demo_button.clicked.connect(lambda: self.show_demo())
        self.panel.remove_demo_button.clicked.connect(lambda: self.remove_demo())
        self.panel.help_button.clicked.connect(lambda: self.show_help())
        # „Beispiel entfernen“ is enabled by refresh(), which the window calls after loading its list
        # (the start asks the database once, not twice)

    def refresh(self) -> None:
        """Enable „Beispiel entfernen“ only while an example exists."""
        has_demo = demo.find_demo(self.services) is not None
        for w in (self.panel.remove_demo_button, self.remove_demo_action):
            w.setEnabled(has_demo)

    def show_demo(self) -> int | None:
        """Create the example family (once) and show it; returns its case id."""
        try:
            result = demo.create_demo(self.services)
        except RuleViolation as exc:
            dialogs.show_rule_violation(self.dialog_parent, exc, tr("Beispiel ansehen"))
            return None
        self.refresh()
        self.cases_changed.emit(result.case_id)
        self.status_message.emit(tr("Beispiel „{title}“ angelegt – alle Angaben sind erfunden.").format(
            title=demo.DEMO_TITLE) if result.created else tr("Das Beispiel ist schon da."))
        return result.case_id

    def remove_demo(self) -> list[int]:
        """Delete exactly the example case(s) (one click: it holds no real data)."""
        removed = demo.remove_demo(self.services)
        self.refresh()
        if removed:
            self.cases_changed.emit(None)
            self.status_message.emit(tr("Beispiel entfernt."))
        return removed

    def show_help(self) -> HelpDialog:
        dialog = HelpDialog(self.dialog_parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.help_dialog = dialog
        dialog.open()
        return dialog
