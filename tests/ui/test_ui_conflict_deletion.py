"""The Konfliktliste shows a deletion made on this laptop on an older state: "auf diesem Laptop
gelöscht" against the colleague's newer values, and names the choice: delete anyway, or keep the
entries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conflict_readable import unreadable
from pg_server import PgServer
from PySide6.QtCore import Qt
from team_helpers import laptop, server_database

from kooperation_desktop.domain.model import Person
from kooperation_desktop.team.status import run_sync
from ui.team.conflict_dialog import ConflictDialog

pytestmark = pytest.mark.gui


def test_a_stale_deletion_is_shown_and_can_be_made_anyway(qtbot, pg_server: PgServer, tmp_path: Path) -> None:
    url = pg_server.url(server_database(pg_server)).replace("postgresql+psycopg://", "postgresql://")
    other = laptop(tmp_path / "other", url, "anna_berg")
    mine = laptop(tmp_path / "mine", url, "ben_kraus")
    try:
        case = other.cases.create("Familie Korrektur")
        other.parties.save(Person(case_id=case.id, first_name="Mia", last_name="Korrektur"))
        run_sync(other.db, "")
        run_sync(mine.db, "")
        [person] = other.cases.get(case.id).persons
        person.birth_date = dt.date(2012, 7, 1)
        other.parties.save(person)
        run_sync(other.db, "")
        [summary] = mine.cases.list()
        [mia] = mine.cases.get(summary.id).persons
        mine.parties.delete(mia)  # on the older state
        assert run_sync(mine.db, "").conflicts == 1
        assert len(mine.cases.get(summary.id).persons) == 1  # the server's row is back

        dialog = ConflictDialog(mine)
        qtbot.add_widget(dialog)
        dialog.show()
        qtbot.wait_exposed(dialog)
        assert dialog.list.item(0).text() == (
            "Familie Korrektur – Person „Mia Korrektur“ (hier gelöscht, auf dem Server inzwischen geändert)")
        assert dialog.header.text().startswith(
            "Sie haben das auf diesem Laptop gelöscht; auf dem Server wurde es inzwischen geändert.")
        assert dialog.local.value.toPlainText() == "auf diesem Laptop gelöscht"
        assert "Geburtsdatum: 01.07.2012" in dialog.server.value.toPlainText()
        assert unreadable(dialog) == {}  # no raw field names or values (ids, True, ISO dates …)
        assert dialog.server.who.text().startswith("geändert von anna_berg am ")
        assert dialog.local.keep.text() == "Trotzdem &löschen" and dialog.local.keep.isEnabled()
        assert dialog.server.keep.text() == "Einträge &behalten"
        qtbot.mouseClick(dialog.local.keep, Qt.MouseButton.LeftButton)
        assert dialog.list.count() == 0
        assert mine.cases.get(summary.id).persons == []  # deleted again, sent at the next sync
    finally:
        other.close()
        mine.close()
