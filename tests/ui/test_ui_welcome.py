"""First start (issue 13, point 7): the welcome panel while there is no case (and from „Hilfe“),
the invented example (marked, removable in one click: exactly the example), the offline help,
the shortcuts Ctrl+P (print, through the preview), Ctrl+E (export), Ctrl+B (edit), F11 (family
view, from anywhere) and the one settings dialog with the lock and the retention period."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QMenu

from kooperation_desktop import demo
from kooperation_desktop.protection.retention import RetentionService
from kooperation_desktop.services import Services
from ui import settings
from ui import welcome as ui_welcome
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _own_settings(tmp_path):
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "einstellungen"))


def _window(qtbot, services: Services) -> MainWindow:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def test_first_start_offers_new_case_example_and_help(qtbot, services: Services) -> None:
    window = _window(qtbot, services)
    assert window.welcome_shown() and window.welcome_panel.isVisible()
    panel = window.welcome_panel
    assert [b.text() for b in (panel.new_button, panel.demo_button, panel.remove_demo_button, panel.help_button)] \
        == ["Neuen Fall &anlegen…", "&Beispiel ansehen", "Beispiel entfe&rnen", "Hilfe &lesen"]
    assert not panel.remove_demo_button.isEnabled()  # nothing to remove yet

    def mnemonic(text: str) -> str:
        i = text.replace("&&", "").find("&")
        return text.replace("&&", "")[i + 1].lower() if i >= 0 else ""

    mine = [mnemonic(b.text()) for b in panel.findChildren(QAbstractButton)]
    others = [mnemonic(b.text()) for b in window.findChildren(QAbstractButton)
              if b.isVisible() and b.window() is window and not panel.isAncestorOf(b)]
    others += [mnemonic(a.text()) for a in window.menuBar().actions()]
    assert len(set(mine)) == 4 and not set(mine) & set(others), (mine, others)  # Alt+letter stays unique

    # a real case next to the example: removing the example leaves it alone
    real = services.cases.create("Familie Nowak", "AZ 51-0001", "§ 31 SGB VIII")
    window.refresh()
    assert not window.welcome_shown()  # there is a case: the case view
    window.show_welcome()  # Hilfe → Willkommen und erste Schritte
    assert window.welcome_shown()
    assert window.welcome.welcome_action in window.welcome.menu.actions()

    qtbot.mouseClick(panel.demo_button, Qt.MouseButton.LeftButton)
    example = demo.find_demo(services)
    assert example is not None and not window.welcome_shown()
    assert window.selected_case_id() == example
    assert window.case_view.title.text().startswith("Beispiel (erfunden)")
    titles = [window.model.index(r, 0).data() for r in range(window.model.rowCount())]
    assert "Beispiel (erfunden): Familie Çelik-Wróbel" in titles
    window.welcome.demo_action.trigger()  # a second time: still one example
    assert len(demo.demo_case_ids(services)) == 1

    window.show_welcome()
    assert panel.remove_demo_button.isEnabled()
    qtbot.mouseClick(panel.remove_demo_button, Qt.MouseButton.LeftButton)  # one click
    assert [c.id for c in services.cases.list()] == [real.id]
    assert not panel.remove_demo_button.isEnabled()

    # the last case gone: the welcome panel again
    services.cases.delete(real.id)
    window.refresh()
    assert window.welcome_shown()

    qtbot.mouseClick(panel.help_button, Qt.MouseButton.LeftButton)
    dialog = window.welcome.help_dialog
    assert dialog is not None and dialog.isVisible()
    text = dialog.browser.toPlainText()
    for expected in ("So entsteht eine Vereinbarung", "Drucken und unterschreiben", "Datenschutz",
                     "Strg+P", "Strg+E", "F11"):
        assert expected in text, expected
    conditions = dialog.browser.document().toHtml()
    assert conditions.count("<li") >= 10 + 5  # the ten conditions a–j and the five steps
    for word in ("Einverständnis", "Gemeinsames Ziel", "Wer macht was", "Auf Augenhöhe", "Klare Rollen"):
        assert word in text, word
    dialog.close()
    assert "cooperation agreement" in ui_welcome.help_html("en") and "ten conditions" in ui_welcome.help_html("en")


def test_shortcuts_print_export_edit_and_family_view(qtbot, complete_case, monkeypatch) -> None:
    services, case_id, agreement_id = complete_case
    services.agreements.finalise(agreement_id)
    window = _window(qtbot, services)
    window.open_case(case_id)
    assert window.preview_action.shortcut() == QKeySequence("Ctrl+P")
    assert window.export_action.shortcut() == QKeySequence("Ctrl+E")
    assert window.edit_action.shortcut() == QKeySequence("Ctrl+B")
    assert QKeySequence("F11") in window.family_view_action.shortcuts()
    keys = [s.toString() for a in window.findChildren(type(window.edit_action)) for s in a.shortcuts()]
    assert len(keys) == len(set(keys)), sorted(keys)  # every shortcut once

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # Ctrl+P: the preview
    preview = window.preview.dialog
    assert preview is not None and preview.isVisible()
    printed: list[bool] = []
    from ui import preview as ui_preview

    monkeypatch.setattr(ui_preview, "ask_print", lambda _parent, _printer: printed.append(True) or False)
    preview.activateWindow()
    qtbot.waitUntil(preview.isActiveWindow)
    qtbot.keyClick(preview, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # Ctrl+P again: print
    assert printed == [True]
    preview.close()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    qtbot.keyClick(window, Qt.Key.Key_F11)  # F11: the family view
    view = window.family.view
    assert view is not None and view.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_F11)  # in the family view F11 still toggles full screen
    assert view.isFullScreen() and window.family.view is view
    view.close()


def test_lock_and_retention_live_in_one_settings_dialog(qtbot, services: Services, monkeypatch) -> None:
    window = _window(qtbot, services)
    menus = [a.menu() for a in window.menuBar().actions() if isinstance(a.menu(), QMenu)]
    found = [m.title() for m in menus if window.settings_action in m.actions()]
    assert found == ["E&xtras", "&Datenschutz"]  # the same one dialog from both menus
    assert not [a for m in menus for a in m.actions() if "zum Datenschutz" in a.text()]
    RetentionService(services.db).set_retention_years(7)

    seen = []

    def fill_in(parent, values):
        dialog = settings.SettingsDialog(values, parent)
        qtbot.addWidget(dialog)
        seen.append(dialog.retention.value())
        dialog.idle.setValue(5)
        dialog.retention.setValue(8)
        return dialog.value()

    monkeypatch.setattr(settings, "ask_settings", fill_in)
    window.settings_action.trigger()
    assert seen == [7]  # the dialog shows the data folder's retention period
    from ui.protection.lock import idle_minutes

    assert window.protection.lock.idle_minutes == 5 and idle_minutes() == 5  # applies at once
    assert RetentionService(services.db).retention_years() == 8
    assert not [b for b in window.findChildren(QAbstractButton) if b.text() == "&Einstellungen zum Datenschutz…"]
    QApplication.processEvents()


def test_welcome_help_and_case_view_in_english(qtbot, english, services: Services) -> None:
    from ui.i18n import translate_widget_tree

    window = _window(qtbot, services)
    translate_widget_tree(window)
    panel = window.welcome_panel
    assert panel.heading.text() == "<h2>Welcome to Kooperation Desktop</h2>"
    assert [b.text() for b in (panel.new_button, panel.demo_button, panel.remove_demo_button, panel.help_button)] \
        == ["Create a ne&w case…", "See an e&xample", "&Remove the example", "Read the he&lp"]
    assert window.welcome.menu.title() == "&Help"
    dialog = window.welcome.show_help()
    text = dialog.browser.toPlainText()
    assert dialog.windowTitle() == "Help" and "The ten conditions of successful cooperation" in text
    assert "So entsteht" not in text and "Bedingungen" not in text
    dialog.close()
    qtbot.mouseClick(panel.demo_button, Qt.MouseButton.LeftButton)
    view = window.case_view
    assert [view.tabs.tabText(i) for i in range(view.tabs.count())] == [
        "Family", "Partners && consents", "Agreement", "Progress"]
    assert window.followup_section.t_label.text() == (
        "No review yet – it is recorded after the next care-planning meeting.")
    assert view.details_button.text() == "Det&ails…" and "Checksum (SHA-256)" in view.details_text()
