"""Team mode, holiday cover ended: a case the server no longer shows a worker leaves her laptop.

Against a real server with roles and row-level security: the team lead assigns a case of her team to a
colleague of another team (cover), the colleague pulls it; the lead ends the cover and the colleague's
next sync removes the case with all its rows from her laptop, audited without content, and says so.
Unsent work is never deleted: changes the server no longer accepts keep the case on the laptop (and
say so) until the lead shares it again; then they are sent and the case is brought up to date.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pg_server import PgServer
from sqlalchemy import Engine, func, select
from sync_helpers import laptop, two_teams

from kooperation_desktop.cli import main
from kooperation_desktop.domain.model import Person
from kooperation_desktop.protection.model import UNSHARED
from kooperation_desktop.services import Services
from kooperation_desktop.storage.rows_audit import AuditRow
from kooperation_desktop.storage.rows_sync import OutboxRow
from kooperation_desktop.team import outbox, sync
from kooperation_desktop.team.teamview import assign_case

TEXT = "1 Fall ist nicht mehr für Sie freigegeben und wurde von diesem Laptop entfernt."


@dataclass
class Agency:
    lead: Services  # Lea, lead of Team Süd, owns the case
    anna: Services  # Anna, Team Nord: covers Lea's case for a while
    lead_server: Engine
    anna_server: Engine
    anna_role: str
    case_uuid: str
    anna_dsn: str  # Anna's login on the server, for the command line
    folder: Path  # Anna's data folder


@pytest.fixture
def agency(pg_server: PgServer, tmp_path: Path) -> Iterator[Agency]:
    db, lea, anna, *servers = two_teams(pg_server)
    engines = list(servers)
    lead, covering = laptop(tmp_path, lea), laptop(tmp_path, anna)
    try:
        case = lead.cases.create("Familie Süd", "AZ S-1")
        assert case.id is not None
        lead.parties.save(Person(case_id=case.id, first_name="Sina", last_name="Süd"))
        sync.sync(lead.db, engines[0])
        yield Agency(lead, covering, engines[0], engines[1], anna, _uuid_of(lead, case.id),
                     pg_server.dsn(db, user=anna), tmp_path / anna)
    finally:
        lead.close()
        covering.close()
        for engine in engines:
            engine.dispose()


def _uuid_of(services: Services, case_id: int) -> str:
    cases = outbox.table_named("cases")
    with services.db.engine.connect() as c:
        return str(c.scalar(select(cases.c.uuid).where(cases.c.id == case_id)))


def _travelling_rows(services: Services) -> int:
    with services.db.engine.connect() as c:
        return sum(int(c.scalar(select(func.count()).select_from(t)) or 0) for t in outbox.travelling_tables())


def _waiting(services: Services) -> int:
    with services.db.engine.connect() as c:
        return int(c.scalar(select(func.count()).select_from(OutboxRow)) or 0)


def _titles(services: Services) -> list[str]:
    return [c.title for c in services.cases.list()]


def _covered_case(agency: Agency) -> int:
    [case] = agency.anna.cases.list()
    assert case.id is not None
    return case.id


def test_a_case_whose_cover_ended_is_removed_from_the_colleagues_laptop(agency: Agency) -> None:
    assign_case(agency.lead_server, agency.case_uuid, agency.anna_role)
    first = sync.sync(agency.anna.db, agency.anna_server)
    assert _titles(agency.anna) == ["Familie Süd"] and first.notes() == []
    assert [p.first_name for p in agency.anna.cases.get(_covered_case(agency)).persons] == ["Sina"]
    local_id = _covered_case(agency)

    assign_case(agency.lead_server, agency.case_uuid, "")  # the cover ends
    result = sync.sync(agency.anna.db, agency.anna_server)
    assert (result.unshared, result.withheld) == (1, 0)
    assert result.notes() == [TEXT]
    assert _titles(agency.anna) == []
    assert _travelling_rows(agency.anna) == 0  # the persons, the draft agreement … all of it
    with agency.anna.db.engine.connect() as c:
        [entry] = c.execute(select(AuditRow.action, AuditRow.entity_type, AuditRow.entity_id, AuditRow.case_id)
                            .where(AuditRow.action == UNSHARED)).all()
    assert tuple(entry) == (UNSHARED, "cases", local_id, local_id)  # no title, no name
    # nothing went to the server as a deletion: the case is whole there
    sync.sync(agency.lead.db, agency.lead_server)
    assert _titles(agency.lead) == ["Familie Süd"]
    assert sync.sync(agency.anna.db, agency.anna_server).notes() == []  # said once


def test_unsent_changes_keep_the_case_until_they_can_be_sent(agency: Agency) -> None:
    assign_case(agency.lead_server, agency.case_uuid, agency.anna_role)
    sync.sync(agency.anna.db, agency.anna_server)
    covered = _covered_case(agency)
    agency.anna.parties.save(Person(case_id=covered, first_name="Tim", last_name="Süd"))  # offline
    assign_case(agency.lead_server, agency.case_uuid, "")

    result = sync.sync(agency.anna.db, agency.anna_server)
    assert (result.unshared, result.withheld) == (0, 1)
    assert "nicht übertragene Änderungen" in result.notes()[0]
    assert sorted(p.first_name for p in agency.anna.cases.get(covered).persons) == ["Sina", "Tim"]
    waiting = _waiting(agency.anna)
    assert waiting > 0
    assert sync.sync(agency.anna.db, agency.anna_server).withheld == 1  # still there, still said
    assert _waiting(agency.anna) == waiting

    # meanwhile the lead renames the case; then she shares it again
    lead_case = agency.lead.cases.get(agency.lead.cases.list()[0].id)
    lead_case.title = "Familie Süd-Ost"
    agency.lead.cases.update(lead_case)
    sync.sync(agency.lead.db, agency.lead_server)
    assign_case(agency.lead_server, agency.case_uuid, agency.anna_role)
    result = sync.sync(agency.anna.db, agency.anna_server)
    assert (result.unshared, result.withheld, result.conflicts) == (0, 0, 0)
    assert _waiting(agency.anna) == 0
    assert _titles(agency.anna) == ["Familie Süd-Ost"]  # the change made while it was not shown
    sync.sync(agency.lead.db, agency.lead_server)
    [on_lead] = agency.lead.cases.list()
    assert on_lead.id is not None
    assert sorted(p.first_name for p in agency.lead.cases.get(on_lead.id).persons) == ["Sina", "Tim"]

    assign_case(agency.lead_server, agency.case_uuid, "")
    assert sync.sync(agency.anna.db, agency.anna_server).notes() == [TEXT]
    assert _titles(agency.anna) == [] and _waiting(agency.anna) == 0


def test_a_case_made_on_the_laptop_and_not_yet_sent_is_never_removed(agency: Agency) -> None:
    # a push that fails for this case (here: nothing pushed at all) must not make the pull remove it
    agency.anna.cases.create("Familie Neu")
    sync.pull(agency.anna.db, agency.anna_server)
    assert _titles(agency.anna) == ["Familie Neu"]
    assert sync.sync(agency.anna.db, agency.anna_server).notes() == []
    assert _titles(agency.anna) == ["Familie Neu"] and _waiting(agency.anna) == 0


def test_the_command_line_says_so(agency: Agency, capsys, monkeypatch) -> None:
    assign_case(agency.lead_server, agency.case_uuid, agency.anna_role)
    agency.anna.close()
    monkeypatch.setenv("KOOPERATION_SERVER_PASSWORD", "pw-anna")
    command = ["sync", "--url", agency.anna_dsn, "--ohne-tls", "--data-dir", str(agency.folder)]
    assert main(command) == 0
    assert TEXT not in capsys.readouterr().out
    assign_case(agency.lead_server, agency.case_uuid, "")
    assert main(command) == 0
    assert capsys.readouterr().out.splitlines()[-1] == TEXT
