"""Review (issue 14), row-level security: the covering colleague does not delete the case.

The policy on ``cases`` lets only the case's own team delete it ("die Vertretung löscht nicht",
docs/team-mode.md), but the policies of its child tables (``EXISTS … cases parent …``, the same for every
command) let every role that sees the case delete their rows. Deleting a case after its retention
period (the window's only way to delete a case: RetentionService.delete_case, children first) pushes
one deletion per row: on the server every person, agreement … of the case goes, only the empty case
row stays (its own DELETE silently matches no row under the policy). The team owning the case loses
its content, and nobody is told (no refusal, no Konfliktliste entry); the covering laptop gets the
empty case back at once.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pg_server import PgServer
from sqlalchemy import Engine
from sync_helpers import laptop, two_teams

from kooperation_desktop.domain.model import Person
from kooperation_desktop.domain.rules import RuleViolation
from kooperation_desktop.protection.retention import RetentionService
from kooperation_desktop.services import Services
from kooperation_desktop.storage.retention import delete_case_rows
from kooperation_desktop.team import sync
from kooperation_desktop.team.teamview import assign_case


@dataclass
class Cover:
    lead: Services  # Lea, lead of Team Süd: the case is her team's
    anna: Services  # Anna, Team Nord: covers it
    lead_server: Engine
    anna_server: Engine
    covered: int  # the case's id on Anna's laptop


@pytest.fixture
def cover(pg_server: PgServer, tmp_path: Path) -> Iterator[Cover]:
    db, lea, anna, lead_server, anna_server = two_teams(pg_server)
    lead, covering = laptop(tmp_path, lea), laptop(tmp_path, anna)
    try:
        case = lead.cases.create("Familie Süd", "AZ S-1")
        assert case.id is not None
        lead.parties.save(Person(case_id=case.id, first_name="Sina", last_name="Süd"))
        lead.parties.save(Person(case_id=case.id, first_name="Tom", last_name="Süd"))
        RetentionService(lead.db).close_case(case.id)  # archived (all the cases of a colleague are covered)
        sync.sync(lead.db, lead_server)
        with lead.db.engine.connect() as c:
            case_uuid = c.exec_driver_sql("SELECT uuid FROM cases").scalar_one()
        assign_case(lead_server, case_uuid, anna)
        sync.sync(covering.db, anna_server)
        [covered] = covering.cases.list()
        assert covered.id is not None
        yield Cover(lead, covering, lead_server, anna_server, covered.id)
    finally:
        lead.close()
        covering.close()
        lead_server.dispose()
        anna_server.dispose()


def test_a_covering_colleague_deleting_the_case_does_not_empty_it_on_the_server(cover: Cover) -> None:
    retention = RetentionService(cover.anna.db)
    later = dt.date.today() + dt.timedelta(days=366 * 6)
    # not offered for deletion: the case's own team deletes it after its retention period
    assert retention.due_for_deletion(later) == []
    assert [e.case_id for e in retention.covered_due(later)] == [cover.covered]
    with pytest.raises(RuleViolation, match="vertreten Sie nur"):
        retention.delete_case(cover.covered)
    # deleted anyway (as the retention deletion does it, children first; e.g. by an older version)
    with cover.anna.db.transaction() as s:
        delete_case_rows(s, cover.covered)
    assert cover.anna.cases.list() == []
    with contextlib.suppress(sync.SyncError):  # refusing the deletion (and saying so) is a right answer
        sync.sync(cover.anna.db, cover.anna_server)

    sync.sync(cover.lead.db, cover.lead_server)
    [on_lead] = cover.lead.cases.list()
    assert on_lead.id is not None
    # the owning team's case is still whole: the covering colleague did not delete its persons
    assert sorted(p.first_name for p in cover.lead.cases.get(on_lead.id).persons) == ["Sina", "Tom"]
    # and its own team is offered to delete it
    assert [e.case_id for e in RetentionService(cover.lead.db).due_for_deletion(later)] == [on_lead.id]


def test_a_deletion_the_server_does_not_take_is_said_not_silently_undone(cover: Cover) -> None:
    cover.anna.cases.delete(cover.covered)
    try:
        result = sync.sync(cover.anna.db, cover.anna_server)
    except sync.SyncError:
        return  # refused and said: right
    back = [c.title for c in cover.anna.cases.list()]
    # the case deleted here is back after the sync: then the user must be told why
    assert back == [] or result.notes() != [], (back, result)


def test_the_case_a_cover_deleted_comes_back_whole_and_the_user_is_told(cover: Cover) -> None:
    cover.anna.cases.delete(cover.covered)
    result = sync.sync(cover.anna.db, cover.anna_server)
    assert any("Löschen nicht angenommen" in note and "Sie vertreten" in note for note in result.notes())
    [back] = cover.anna.cases.list()
    assert back.id is not None
    assert sorted(p.first_name for p in cover.anna.cases.get(back.id).persons) == ["Sina", "Tom"]
    again = sync.sync(cover.anna.db, cover.anna_server)  # said once, not at every sync
    assert again.notes() == []


class _Killed(Exception):
    pass


def test_a_person_the_cover_removed_comes_back_even_after_a_sync_killed_past_the_servers_commit(
        cover: Cover) -> None:
    RetentionService(cover.anna.db).reopen_case(cover.covered)  # working on it during the cover
    [sina] = [p for p in cover.anna.cases.get(cover.covered).persons if p.first_name == "Sina"]
    cover.anna.parties.delete(sina)

    def kill(point: str) -> None:
        if point == "server-commit":
            raise _Killed(point)

    with pytest.raises(_Killed):
        sync.sync(cover.anna.db, cover.anna_server, marker=kill)
    result = sync.sync(cover.anna.db, cover.anna_server)  # the server replays the entry's result
    assert [n for n in result.notes() if "Löschen nicht angenommen" in n]
    assert sorted(p.first_name for p in cover.anna.cases.get(cover.covered).persons) == ["Sina", "Tom"]
    sync.sync(cover.lead.db, cover.lead_server)
    [on_lead] = cover.lead.cases.list()
    assert on_lead.id is not None
    assert sorted(p.first_name for p in cover.lead.cases.get(on_lead.id).persons) == ["Sina", "Tom"]
