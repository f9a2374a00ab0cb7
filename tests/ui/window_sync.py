"""A sync started from the window's menu that the window reports as failed (team-mode GUI tests)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QMessageBox

from kooperation_desktop.services import Services
from ui.main_window import MainWindow
from ui.team import dialogs as team_dialogs


def failed_sync(qtbot: Any, monkeypatch: Any, services: Services) -> tuple[MainWindow, QMessageBox]:
    """Opens the window on ``services``, runs „Synchronisieren“ (the server password typed as
    „geheim“), checks the sync ended unsuccessfully with a visible message box and returns both."""
    monkeypatch.setattr(team_dialogs, "ask_server_password", lambda parent, identity, server: "geheim")
    window = MainWindow(services)
    qtbot.add_widget(window)
    window.show()
    assert window.team is not None
    with qtbot.wait_signal(window.team.sync_finished, timeout=60_000) as finished:
        window.team.sync_action.trigger()
    assert finished.args == [False]
    box = window.team.error_box
    assert box is not None and box.isVisible()
    return window, box
