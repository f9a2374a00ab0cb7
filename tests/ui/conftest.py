"""Set-up of the UI tests (every test here is marked ``gui``; the core tests in tests/ never import Qt).

Qt runs headless (offscreen, set in tests/conftest.py before Qt is imported). Shared builders:
``from helpers import build_complete_case``; the fixtures ``services`` and ``complete_case`` come from
tests/conftest.py."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

_DIALOG_MODULES = ("ui.dialogs", "ui.signing.dialogs", "ui.protection.menu", "ui.protection.startup",
                   "ui.protection.dialogs",
                   "ui.protection.views", "ui.settings", "ui.preview", "ui.followup.case_section",
                   "ui.team.dialogs")


@pytest.fixture(autouse=True)
def _no_unanswered_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog nobody answers would hang the run. Every ``ask_*``/``show_*`` dialog function
    of the UI fails the test instead, unless the test answers it (monkeypatches it itself).
    Closing a wizard with unsaved input (``ask_discard``) drops it, as "Verwerfen" would, so a
    failing test cannot hang at teardown."""
    import importlib

    for name in _DIALOG_MODULES:
        module = importlib.import_module(name)
        for attr, value in list(vars(module).items()):
            if callable(value) and attr.startswith(("ask_", "show_")) and getattr(value, "__module__", "") == name:
                def unanswered(*_args, _what=f"{name}.{attr}", **_kw):
                    raise AssertionError(f"unerwarteter Dialog im Test: {_what}")
                monkeypatch.setattr(module, attr, unanswered)
    from ui import dialogs

    monkeypatch.setattr(dialogs, "ask_discard", lambda parent, messages: True)


@pytest.fixture(autouse=True)
def _closed_widgets_are_deleted() -> Iterator[None]:
    """pytest-qt closes a test's widgets and asks Qt to delete them (``deleteLater``), but that waits
    for an event loop, which never runs between tests: a closed main window lived on with its lock
    timer and its event filter, and what it had opened stayed on screen — the lock's password dialog
    (application-modal, left by a test that unlocked directly) blocked the shortcuts of the worker's
    next tests (xdist order). Everything closed is deleted after each test."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def _temporary_qsettings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Every test writes its settings (QSettings, INI) into a temporary folder: the user's real
    settings are never read or touched by a test."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("config")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


@pytest.fixture
def german(qapp) -> Iterator[None]:
    """The UI as started in German: Qt's own German texts too (QWizard's „&Weiter >“ …)."""
    from ui.i18n import install_german_qt_texts

    translators = install_german_qt_texts(qapp)
    try:
        yield
    finally:
        for t in translators:
            qapp.removeTranslator(t)
            t.setParent(None)


@pytest.fixture
def english(qapp) -> Iterator[None]:
    """The UI as started with English chosen in the settings: only the English translators (Qt's
    German ``qtbase_de`` left by other tests is taken out meanwhile); everything restored after."""
    from PySide6.QtCore import QLocale, QTranslator

    from ui import i18n

    earlier = [t for t in qapp.findChildren(QTranslator) if not t.language().startswith("en")]
    for t in earlier:
        qapp.removeTranslator(t)
    locale = QLocale()
    translators = i18n.install_language(qapp, "en")
    assert translators, "no English .qm loaded"
    try:
        yield
    finally:
        for t in translators:
            qapp.removeTranslator(t)
            t.setParent(None)
        qapp.setProperty("kooperation_language", None)
        QLocale.setDefault(locale)
        for t in earlier:
            qapp.installTranslator(t)
