"""The Konfliktliste says what happened to each entry in a header of its own: not „verschieden
geändert“ for entries that are not two edits of one field — a field changed here of a case deleted on
the server, a row added here to a case deleted meanwhile, a goal added here to a draft finalised
meanwhile. (Two edits, a deletion and a signature twice: test_ui_team, test_ui_conflict_deletion,
test_ui_conflict_signature.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import build_complete_case
from pg_server import PgServer
from team_helpers import laptop, server_database

from kooperation_desktop.domain.model import Goal, Person
from kooperation_desktop.team.status import run_sync
from ui.team.conflict_dialog import ConflictDialog

pytestmark = pytest.mark.gui

FIELD_GONE = ("Sie haben das auf diesem Laptop geändert, auf dem Server wurde der Eintrag aber inzwischen "
              "gelöscht. Ihr Wert kann nicht mehr übernommen werden; er steht hier zum Nachlesen.")
NEW_IN_DELETED = ("Sie haben das auf diesem Laptop neu eingetragen, auf dem Server wurde aber inzwischen "
                  "gelöscht, wozu es gehört (der Fall oder ein übergeordneter Eintrag). Es wurde nicht "
                  "übernommen; was Sie eingegeben haben, steht hier zum Nachlesen.")
NEW_IN_FROZEN = ("Sie haben das auf diesem Laptop neu eingetragen, die Version der Vereinbarung wurde aber "
                 "inzwischen abgeschlossen. Sie bleibt, wie sie unterschrieben wurde; was Sie eingegeben "
                 "haben, steht hier zum Übernehmen in eine neue Version.")


def test_each_kind_of_entry_has_its_own_header(qtbot, pg_server: PgServer, tmp_path: Path) -> None:
    url = pg_server.url(server_database(pg_server)).replace("postgresql+psycopg://", "postgresql://")
    other = laptop(tmp_path / "other", url, "anna_berg")
    mine = laptop(tmp_path / "mine", url, "ben_kraus")
    try:
        gone = other.cases.create("Familie Weg")
        _case, agreement = build_complete_case(other)
        run_sync(other.db, "")
        run_sync(mine.db, "")
        my_gone = next(c.id for c in mine.cases.list() if c.title == "Familie Weg")
        my_case = next(c.id for c in mine.cases.list() if c.title == "Familie Çelik")
        # offline on this laptop: the case renamed and a person added, a goal added to the draft
        renamed = mine.cases.get(my_gone)
        renamed.title = "Familie Weg (neu)"
        mine.cases.update(renamed)
        mine.parties.save(Person(case_id=my_gone, first_name="Lotta", last_name="Weg"))
        my_agreement = mine.cases.get(my_case).agreements[0].id
        assert my_agreement is not None
        goals = mine.agreements.get(my_agreement).goals
        mine.parties.save(Goal(agreement_id=my_agreement, position=len(goals),
                               client_words="Wir gehen jeden Sonntag zusammen spazieren."))
        # meanwhile on the server: the case deleted, the draft finalised
        assert gone.id is not None
        other.cases.delete(gone.id)
        other.agreements.finalise(agreement)
        run_sync(other.db, "")
        run_sync(mine.db, "")

        dialog = ConflictDialog(mine)
        qtbot.add_widget(dialog)
        dialog.show()
        qtbot.wait_exposed(dialog)
        headers = {}
        for row in range(dialog.list.count()):
            dialog.list.setCurrentRow(row)
            headers[dialog.list.item(row).text()] = dialog.header.text()
        assert headers[
            "(Fall nicht mehr auf diesem Laptop) – Fall: Name des Falls"] == FIELD_GONE
        assert headers["(Fall nicht mehr auf diesem Laptop) – Person (auf dem Server gelöscht)"] == NEW_IN_DELETED
        assert headers[
            "Familie Çelik – Ziel (hier neu, die Version ist inzwischen abgeschlossen)"] == NEW_IN_FROZEN
        assert all("verschieden geändert" not in text for text in headers.values())
    finally:
        other.close()
        mine.close()
