"""Data protection in the window: set password, unlock with retry delay, lock screen (Ctrl+L, idle,
suspend) over every window with edits kept, audit view, retention list, backup from the menu."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from helpers import MOTHER
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from kooperation_desktop.protection import audit, keys
from kooperation_desktop.protection.retention import RetentionService
from kooperation_desktop.storage.rows import CaseRow
from ui.main_window import MainWindow
from ui.protection import dialogs, open_services
from ui.protection import menu as ui_protection
from ui.protection.lock import LockOverlay

pytestmark = pytest.mark.gui
PASSWORD = "test-passwort-Kooperation-2026"
SHOTS = Path("/tmp/protection-helper")


@pytest.fixture(autouse=True)
def temporary_settings(qapp, tmp_path: Path) -> None:
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "config"))


def _shot(widget, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    widget.grab().save(str(SHOTS / name))


def test_set_password_dialog_gives_strength_feedback_and_checks_repeat(qtbot):
    dialog = dialogs.SetPasswordDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.password_edit, "kurz")
    assert dialog.meter.bar.value() == 0 and "Zu kurz" in dialog.meter.label.text()
    dialog.password_edit.clear()
    qtbot.keyClicks(dialog.password_edit, "Kaffee&Kuchen-am-Montag 7")
    assert dialog.meter.bar.value() == 4 and dialog.meter.label.text() == "Sehr gut."
    qtbot.keyClicks(dialog.repeat_edit, "Kaffee&Kuchen-am-Montag")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "stimmen nicht überein" in dialog.error.text()
    qtbot.keyClicks(dialog.repeat_edit, " 7")
    _shot(dialog, "set_password.png")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.password() == "Kaffee&Kuchen-am-Montag 7"


def test_unlock_dialog_waits_after_wrong_passwords(qtbot):
    tries: list[str] = []

    def try_unlock(text: str) -> str | None:
        tries.append(text)
        return None if text == "richtiges-Passwort" else "Das Passwort ist falsch."

    # the wait runs on a clock of the test's own: on a busy machine the 2 s could pass before the
    # asserts below look (then the third wrong password would seem to have been no wait at all)
    now = [1000.0]
    dialog = dialogs.UnlockDialog(try_unlock, throttle=keys.RetryThrottle(clock=lambda: now[0]))
    qtbot.addWidget(dialog)
    dialog.show()
    for _ in range(2):
        qtbot.keyClicks(dialog.password_edit, "falsch")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.ok_button.isEnabled() and "falsch" in dialog.error.text()
    qtbot.keyClicks(dialog.password_edit, "falsch")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.ok_button.isEnabled() and "warten" in dialog.ok_button.text()
    assert not dialog.password_edit.isEnabled()
    _shot(dialog, "unlock_wait.png")
    assert dialog.attempt() is False and len(tries) == 3  # nothing tried while waiting
    now[0] += 1.5
    qtbot.waitUntil(lambda: dialog.ok_button.text() == "Bitte 1 s warten", timeout=10_000)  # counts down
    assert not dialog.ok_button.isEnabled() and not dialog.password_edit.isEnabled()
    assert dialog.attempt() is False and len(tries) == 3
    now[0] += 0.5
    qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=10_000)
    qtbot.keyClicks(dialog.password_edit, "richtiges-Passwort")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def test_first_start_sets_password_shows_recovery_key_then_unlocks(qtbot, tmp_path, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "ask_new_password", lambda _p, migrating=False: "mein-Passwort-2026")
    monkeypatch.setattr(dialogs, "show_recovery_key", lambda _p, key: shown.append(key))
    services = open_services(tmp_path / "data")
    assert services is not None and len(shown) == 1 and len(shown[0]) == 39
    services.cases.create("Familie Erst")
    services.close()

    def ask_unlock(_parent, attempt):
        assert "falsch" in attempt("nicht-das-Passwort")
        assert attempt(shown[0]) is None  # the recovery key opens too
        return True

    monkeypatch.setattr(dialogs, "ask_unlock", ask_unlock)
    again = open_services(tmp_path / "data")
    assert again is not None and [c.title for c in again.cases.list()] == ["Familie Erst"]
    again.close()


def test_recovery_key_dialog_shows_text_and_qr_code(qtbot):
    dialog = dialogs.RecoveryKeyDialog("ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.key_label.text() == "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567"
    pixmap = dialog.qr_label.pixmap()
    assert not pixmap.isNull() and pixmap.width() > 100
    _shot(dialog, "recovery_key.png")


def _window(qtbot, services) -> MainWindow:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    return window


def _uniform(widget) -> bool:
    """Only the lock colour (and white) outside the centred „Gesperrt“ (whose anti-aliased edges
    have other colours), so nothing of the window shows through."""
    image = widget.grab().toImage()
    cx, cy = image.width() // 2, image.height() // 2
    colours = {image.pixelColor(x, y).name() for x in range(5, image.width() - 5, 37)
               for y in range(40, image.height() - 40, 29)
               if not (abs(x - cx) < 120 and abs(y - cy) < 30)}
    return colours <= {"#37474f", "#ffffff"} and "#37474f" in colours


def test_ctrl_l_hides_every_window_and_keeps_the_edit(qtbot, complete_case, monkeypatch):
    services, cid, _aid = complete_case
    window = _window(qtbot, services)
    window.refresh(select_id=cid)
    wizard = window.edit_agreement()
    assert wizard is not None
    qtbot.waitExposed(wizard)
    edit = wizard.findChildren(QLineEdit)[0]
    edit.setText(edit.text() + " ungespeichert")
    typed = edit.text()
    lock = window.protection.lock

    wizard.activateWindow()
    qtbot.keyClick(edit, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # typed in the wizard
    assert lock.locked and lock.lock_reasons[-1] == "Tastenkürzel"
    assert lock.covered(window) and lock.covered(wizard)
    assert window.windowTitle() == "Kooperation Desktop – gesperrt"
    overlay = next(o for o in lock.overlays if o.parentWidget() is window)
    assert overlay.geometry() == window.rect()
    _shot(window, "locked_main_window.png")
    _shot(lock.dialog, "lock_dialog.png")
    assert _uniform(window), "content visible behind the lock"
    assert lock.dialog.isVisible() and lock.dialog.isModal()

    qtbot.keyClicks(lock.dialog.password_edit, "falsch-falsch")
    qtbot.mouseClick(lock.dialog.ok_button, Qt.MouseButton.LeftButton)
    assert lock.locked and "falsch" in lock.dialog.error.text()
    qtbot.keyClicks(lock.dialog.password_edit, PASSWORD)
    qtbot.mouseClick(lock.dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not lock.locked and not lock.covered(window) and not lock.covered(wizard)
    assert wizard.isVisible() and edit.text() == typed
    assert window.windowTitle().startswith("Kooperation Desktop")
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, LockOverlay)]
    wizard.close()


def test_idle_time_and_suspend_lock_the_window(qtbot, services):
    window = _window(qtbot, services)
    lock = window.protection.lock
    assert lock.idle_minutes == 15  # default
    lock.idle_minutes = 1
    lock.check(now_mono=time.monotonic() + 30)
    assert not lock.locked
    lock.check(now_mono=lock.last_input + 61)
    assert lock.locked and lock.lock_reasons[-1] == "Untätigkeit"
    lock.dialog._try = lambda _t: None
    lock.dialog.attempt()
    assert not lock.locked
    lock.check(now_wall=time.time() + 3600)  # the clock jumped: the laptop was asleep
    assert lock.locked and lock.lock_reasons[-1] == "Ruhezustand"
    lock.unlock()


def test_audit_view_lists_changes_without_content(qtbot, complete_case):
    services, cid, _aid = complete_case
    window = _window(qtbot, services)
    window.refresh(select_id=cid)
    dialog = window.protection.show_audit()
    qtbot.addWidget(dialog)
    table = dialog.table
    cells = [table.item(r, c).text() for r in range(table.rowCount()) for c in range(table.columnCount())]
    assert table.rowCount() == len(audit.AuditService(services.db).for_case(cid))
    assert "Person" in cells and "angelegt" in cells and "Fall" in cells
    assert not any(MOTHER[1] in c for c in cells)
    assert table.item(0, 0).text()[2] == "." and table.item(0, 0).text()[5] == "."  # TT.MM.JJJJ
    _shot(dialog, "audit.png")


def test_retention_list_deletes_an_expired_case(qtbot, complete_case, monkeypatch):
    services, cid, _aid = complete_case
    window = _window(qtbot, services)
    retention = RetentionService(services.db)
    retention.set_retention_years(1)
    retention.close_case(cid)
    from sqlalchemy import update

    with services.db.transaction() as s:  # closed two years ago
        s.execute(update(CaseRow).where(CaseRow.id == cid).values(
            updated_at=dt.datetime.now(dt.UTC) - dt.timedelta(days=800)))
    dialog = window.protection.show_retention()
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 0).text() == "Familie Çelik"
    assert dialog.info.text().startswith("Abgeschlossene Fälle werden 1 Jahr aufbewahrt")  # not „1 Jahre“
    _shot(dialog, "retention.png")
    monkeypatch.setattr("ui.protection.views.ask_delete_case", lambda _p, _t: True)
    assert dialog.delete_selected()
    assert dialog.table.rowCount() == 0 and not dialog.delete_button.isEnabled()
    assert services.cases.list() == [] and window.model.rowCount() == 0


def test_backup_from_the_menu_and_settings(qtbot, services, tmp_path, monkeypatch):
    window = _window(qtbot, services)
    target = tmp_path / "sicherung"
    monkeypatch.setattr(ui_protection, "ask_backup_target", lambda _p: target.with_suffix(".kdsich"))
    written = window.protection.create_backup()
    assert written is not None and written.exists() and written.read_bytes().startswith(b"KOOPERATION-BACKUP")
    titles = [a.text().replace("&", "") for a in window.protection.menu.actions()]
    assert "Datensicherung erstellen…" in titles and "Datensicherung wiederherstellen…" in titles
    # the lock and retention settings: the one settings dialog, also in this menu (issue 13)
    assert window.settings_action in window.protection.menu.actions()
    from ui import settings as ui_settings

    shown: list[ui_settings.SettingsDialog] = []

    def fill_in(parent, values):
        settings = ui_settings.SettingsDialog(values, parent)
        qtbot.addWidget(settings)
        settings.idle.setValue(5)
        settings.retention.setValue(8)
        shown.append(settings)
        return settings.value()

    monkeypatch.setattr(ui_settings, "ask_settings", fill_in)
    window.settings_action.trigger()
    assert window.protection.lock.idle_minutes == 5 and RetentionService(services.db).retention_years() == 8
    from ui.protection.lock import idle_minutes

    assert idle_minutes() == 5
    _shot(shown[0], "settings.png")
