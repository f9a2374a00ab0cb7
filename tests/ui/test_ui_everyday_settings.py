"""The settings dialog and the typed settings accessor (QSettings in a temporary folder only)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from ui import settings
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def temporary_settings(qapp, tmp_path: Path) -> Path:
    """Point QSettings (INI, user scope) at a temporary folder: the real settings stay untouched."""
    folder = tmp_path / "config"
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return folder


def test_defaults_round_trip_and_file_location(temporary_settings: Path) -> None:
    assert settings.load() == settings.AppSettings("", "", 15, "de", 5)  # issue 4: lock after 15 idle minutes
    values = settings.AppSettings("Familienhilfe Lindenhof e. V.", "Musterstadt", 20, "en", 7)
    settings.save(values)
    assert settings.load() == values
    assert settings.idle_lock_minutes() == 20 and settings.retention_years() == 7 and settings.language() == "en"
    ini = temporary_settings / "Kooperation Desktop" / "Kooperation Desktop.ini"
    assert ini.is_file() and "idle_lock_minutes=20" in ini.read_text(encoding="utf-8")


def test_broken_values_fall_back_to_defaults() -> None:
    qs = settings.open_qsettings()
    qs.setValue(settings.KEY_IDLE_LOCK_MINUTES, "zehn")
    qs.setValue(settings.KEY_RETENTION_YEARS, 500)
    qs.setValue(settings.KEY_LANGUAGE, "xx")
    qs.sync()
    loaded = settings.load()
    assert loaded.idle_lock_minutes == 15
    assert loaded.retention_years == settings.RETENTION_RANGE[1]
    assert loaded.language == "de"


def test_dialog_by_keyboard(qtbot) -> None:
    dialog = settings.SettingsDialog(settings.load())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    # Alt+T jumps to the organisation field (label buddy), Tab moves through the form
    qtbot.keyClick(dialog, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    assert dialog.focusWidget() is dialog.organisation
    qtbot.keyClicks(dialog.organisation, "Familienhilfe Lindenhof")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.focusWidget(), "Musterstadt")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.idle
    qtbot.keyClick(dialog.idle, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.idle, "0")
    qtbot.keyClick(dialog.idle, Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Down)  # Deutsch -> English
    assert dialog.language.currentText() == "English"
    for w in (dialog.organisation, dialog.place, dialog.idle, dialog.language, dialog.retention):
        assert w.accessibleName()
    assert dialog.idle.text() == "nie sperren"
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert dialog.value() == settings.AppSettings("Familienhilfe Lindenhof", "Musterstadt", 0, "en", 5)


def test_main_window_menu_stores_settings(qtbot, services, monkeypatch) -> None:
    window = MainWindow(services)
    qtbot.addWidget(window)
    chosen = settings.AppSettings("Träger X", "Ort Y", 20, "en", 3)
    seen: list[settings.AppSettings] = []

    def fake_ask(_parent, values):
        seen.append(values)
        return chosen

    monkeypatch.setattr(settings, "ask_settings", fake_ask)
    window.settings_action.trigger()
    assert seen == [settings.AppSettings()]  # the dialog was filled with the stored values
    assert settings.load() == chosen
    assert "Die neue Sprache gilt ab dem nächsten Start." in window.statusBar().currentMessage()

    monkeypatch.setattr(settings, "ask_settings", lambda _p, _v: None)  # cancelled: nothing changes
    window.settings_action.trigger()
    assert settings.load() == chosen
