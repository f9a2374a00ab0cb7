"""The team view's use cases (cases and due items across the team, „Fall übernehmen“) on a real
PostgreSQL set up by ``server init``: row-level security decides what each login sees, the server's
trigger lets only the team's lead assign a case."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers import build_complete_case
from pg_server import PgServer
from sqlalchemy import Engine, create_engine
from team_helpers import agency_server, case_uuid, laptop

from kooperation_desktop.followup.model import DueKind
from kooperation_desktop.team.connection import ServerError
from kooperation_desktop.team.status import run_sync
from kooperation_desktop.team.teamview import assign_case, team_overview


@dataclass
class Agency:
    pg: PgServer
    db: str
    lena: str  # lead of Team Nord
    anna: str  # worker in Team Nord
    ben: str  # worker in Team Süd
    case_uuid: str  # the Çelik case (Team Nord, with a finalised agreement)
    start: dt.date  # the agreement's start (its review is due 90 days later)

    def engine(self, role: str) -> Engine:
        return create_engine(self.pg.url(self.db, user=role))


@pytest.fixture
def agency(pg_server: PgServer, tmp_path: Path) -> Iterator[Agency]:
    db, names, teams = agency_server(pg_server)
    lena, anna, ben = names
    url = pg_server.url(db).replace("postgresql+psycopg://", "postgresql://")
    services = laptop(tmp_path / "admin", url, pg_server.superuser)  # the agency's office laptop
    try:
        case_id, agreement_id = build_complete_case(services)
        agreement = services.agreements.finalise(agreement_id)
        assert agreement.start_date is not None
        run_sync(services.db, "")
        the_case = case_uuid(services, case_id)
    finally:
        services.close()
    pg_server.psql(f"UPDATE cases SET team_id = {teams['Team Nord']} WHERE uuid = '{the_case}'", db)
    other = uuid.uuid4().hex
    pg_server.psql(f"INSERT INTO cases (uuid, title, file_number, help_type, status, team_id, created_at, updated_at, "
                   f"row_version, search_text) SELECT '{other}', 'Familie Süd', 'AZ-S', '', status, "
                   f"{teams['Team Süd']}, created_at, updated_at, 1, '' FROM cases WHERE uuid = '{the_case}'", db)
    yield Agency(pg_server, db, lena, anna, ben, the_case, agreement.start_date)


def test_the_lead_sees_the_teams_cases_and_their_due_items(agency: Agency) -> None:
    engine = agency.engine(agency.lena)
    try:
        view = team_overview(engine, today=agency.start + dt.timedelta(days=91))
    finally:
        engine.dispose()
    assert view.is_lead and view.lead_of == ("Team Nord",) and view.login == agency.lena
    assert [(c.title, c.team, c.assigned_to) for c in view.cases] == [("Familie Çelik", "Team Nord", "")]
    [case] = view.cases
    assert DueKind.REVIEW in {item.kind for item in case.due}
    assert min(item.due_on for item in case.due) <= agency.start + dt.timedelta(days=90)


def test_the_lead_gives_a_case_to_a_colleague_of_another_team(agency: Agency) -> None:
    ben = agency.engine(agency.ben)
    lena = agency.engine(agency.lena)
    try:
        assert [c.title for c in team_overview(ben).cases] == ["Familie Süd"]
        assign_case(lena, agency.case_uuid, agency.ben)
        assert [(c.title, c.assigned_to) for c in team_overview(ben).cases] == [
            ("Familie Süd", ""), ("Familie Çelik", agency.ben)]
        assign_case(lena, agency.case_uuid, "")  # the cover ends
        assert [c.title for c in team_overview(ben).cases] == ["Familie Süd"]
    finally:
        ben.dispose()
        lena.dispose()


def test_only_the_lead_assigns(agency: Agency) -> None:
    anna = agency.engine(agency.anna)
    try:
        assert not team_overview(anna).is_lead
        with pytest.raises(ServerError, match="Nur die Teamleitung kann einen Fall zuweisen"):
            assign_case(anna, agency.case_uuid, agency.ben)
        with pytest.raises(ServerError, match="Benutzername|Rolle|Name"):
            assign_case(anna, agency.case_uuid, "Robert'); DROP TABLE cases; --")
    finally:
        anna.dispose()


def test_the_covering_colleague_gets_the_whole_case_at_his_next_sync(agency: Agency, tmp_path: Path) -> None:
    url = agency.pg.url(agency.db, user=agency.ben).replace("postgresql+psycopg://", "postgresql://")
    ben = laptop(tmp_path / "ben", url, agency.ben)
    lena = agency.engine(agency.lena)
    try:
        run_sync(ben.db, "")
        assert [c.title for c in ben.cases.list("")] == ["Familie Süd"]
        assign_case(lena, agency.case_uuid, agency.ben)
        run_sync(ben.db, "")
        covered = next(c for c in ben.cases.list("") if c.title == "Familie Çelik")
        case = ben.cases.get(covered.id)
        assert {p.last_name for p in case.persons} >= {"Çelik"}  # not only the case row: its family too
        assert case.agreements and case.agreements[0].version == 1
    finally:
        ben.close()
        lena.dispose()
