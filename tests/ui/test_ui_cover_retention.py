"""Team mode in the window (issue 14): a case this worker only covers (holiday cover) is not offered for
deletion after its retention period, its own team deletes it; the retention list says why it is missing,
and a sync whose deletions the server did not take says so in the status bar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import update
from team_helpers import laptop

from kooperation_desktop.protection.retention import RetentionService
from kooperation_desktop.storage.rows import CaseRow
from kooperation_desktop.team.sync import SyncResult
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def test_the_retention_list_does_not_offer_a_covered_case_and_says_why(qtbot, tmp_path: Path) -> None:
    services = laptop(tmp_path / "data", "postgresql://anna@127.0.0.1:1/kd", "anna")
    try:
        own = services.cases.create("Familie Eigen", "AZ 1")
        covered = services.cases.create("Familie Vertretung", "AZ 2")
        retention = RetentionService(services.db)
        retention.set_retention_years(1)
        for case in (own, covered):
            assert case.id is not None
            retention.close_case(case.id)
        with services.db.transaction() as s:  # closed two years ago; the second one covered for a colleague
            s.execute(update(CaseRow).values(updated_at=dt.datetime.now(dt.UTC) - dt.timedelta(days=800)))
            s.execute(update(CaseRow).where(CaseRow.id == covered.id).values(assigned_to="anna"))
        window = MainWindow(services)
        qtbot.add_widget(window)
        dialog = window.protection.show_retention()
        qtbot.add_widget(dialog)
        assert dialog.table.rowCount() == 1 and dialog.table.item(0, 0).text() == "Familie Eigen"
        assert "1 Fall über der Frist wird hier nicht angeboten: Sie vertreten ihn nur" in dialog.info.text()
        dialog.close()
        window.close()
    finally:
        services.close()


def test_the_status_bar_says_a_deletion_the_server_did_not_take(qtbot, tmp_path: Path) -> None:
    services = laptop(tmp_path / "data", "postgresql://anna@127.0.0.1:1/kd", "anna")
    try:
        window = MainWindow(services)
        qtbot.add_widget(window)
        assert window.team is not None
        with qtbot.wait_signal(window.team.sync_finished):
            window.team._signals.done.emit(SyncResult(pulled=3, not_deleted=1))  # what the sync's thread reports
        assert window.statusBar().currentMessage().endswith(
            "Bei 1 Fall hat der Server das Löschen nicht angenommen: löschen kann nur das Team, dem der Fall "
            "gehört (Sie vertreten ihn). Was Sie gelöscht hatten, ist wieder auf diesem Laptop.")
        window.close()
    finally:
        services.close()
