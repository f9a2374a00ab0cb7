"""Team mode in the window: after a sync that removed a case no longer shared with this login (a holiday
cover ended), or kept one for its unsent changes, the status bar says so in plain German."""

from __future__ import annotations

from pathlib import Path

import pytest
from team_helpers import laptop

from kooperation_desktop.team.sync import SyncResult
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.mark.parametrize(("result", "said"), [
    (SyncResult(pulled=3, unshared=1),
     "1 Fall ist nicht mehr für Sie freigegeben und wurde von diesem Laptop entfernt."),
    (SyncResult(unshared=2), "2 Fälle sind nicht mehr für Sie freigegeben und wurden von diesem Laptop entfernt."),
    (SyncResult(withheld=1), "1 Fall ist nicht mehr für Sie freigegeben, hat aber noch nicht übertragene "
                             "Änderungen: er bleibt auf diesem Laptop. Bitte mit der Teamleitung klären."),
])
def test_the_status_bar_says_which_cases_left_the_laptop(qtbot, tmp_path: Path, result: SyncResult,
                                                         said: str) -> None:
    services = laptop(tmp_path / "data", "postgresql://anna@127.0.0.1:1/kd", "anna")
    try:
        window = MainWindow(services)
        qtbot.add_widget(window)
        assert window.team is not None
        with qtbot.wait_signal(window.team.sync_finished):
            window.team._signals.done.emit(result)  # what the sync's worker thread reports
        assert window.statusBar().currentMessage().endswith(said)
        window.close()
    finally:
        services.close()
