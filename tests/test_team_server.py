"""Team mode on a real PostgreSQL (issue 14): ``server init`` makes the schema, roles and row-level
security; access is enforced by the database. The attacks below are hand-typed SQL over a plain psycopg
connection as the worker's own login role, not the program's code."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import psycopg
import pytest
from pg_server import PgServer
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

from kooperation_desktop.storage.rows import AgreementRow, CaseRow, GoalRow, PersonRow
from kooperation_desktop.team.connection import ServerAddress
from kooperation_desktop.team.server import (
    TeamError,
    add_team,
    add_user,
    case_data_policies,
    init_server,
    status,
)


@dataclass
class Agency:
    server: PgServer
    db: str
    address: ServerAddress
    anna: str  # worker, team Nord
    ben: str  # worker, team Süd
    lena: str  # lead of team Nord
    nord: int
    sued: int
    case_a: int  # Nord, Anna's
    case_b: int  # Süd, Ben's
    agreement_b: int

    def connect(self, role: str) -> psycopg.Connection:
        # the test server trusts local connections: the role is who we say (passwords: test_team_tls)
        return psycopg.connect(self.server.dsn(self.db, user=role), autocommit=True)

    def admin(self, sql: str) -> list[tuple]:
        with psycopg.connect(self.server.dsn(self.db), autocommit=True) as conn:
            cursor = conn.execute(sql)
            return cursor.fetchall() if cursor.description else []


def _case(s: Session, title: str, team: int) -> tuple[int, int]:
    case = CaseRow(title=title, team_id=team)
    case.persons.append(PersonRow(first_name="Kim", last_name=title.split()[-1], family_role="Mutter"))
    s.add(case)
    s.flush()
    agreement = AgreementRow(case_id=case.id, document_id=f"KV-{uuid.uuid4().hex[:8]}", title="Vereinbarung")
    s.add(agreement)
    s.flush()
    s.add(GoalRow(agreement_id=agreement.id, client_words="Pünktlich in der Schule"))
    s.flush()
    return case.id, agreement.id


@pytest.fixture
def agency(pg_server: PgServer) -> Iterator[Agency]:
    db = pg_server.create_database()
    address = ServerAddress(pg_server.url(db), allow_plain=True)
    init_server(address)
    tag = uuid.uuid4().hex[:6]  # roles belong to the whole server (shared by the tests of this session)
    anna, ben, lena = f"anna_{tag}", f"ben_{tag}", f"lena_{tag}"
    nord, _ = add_team(address, "Team Nord")
    sued, _ = add_team(address, "Team Süd")
    add_user(address, anna, "pw-anna", "Team Nord")
    add_user(address, ben, "pw-ben", "Team Süd")
    add_user(address, lena, "pw-lena", "Team Nord", lead=True)
    engine = create_engine(pg_server.url(db))
    try:
        with Session(engine) as s, s.begin():
            case_a, _ = _case(s, "Familie Albers", nord)
            case_b, agreement_b = _case(s, "Familie Brandt", sued)
            s.execute(text("INSERT INTO audit_log (at, \"user\", action, entity_type, case_id) "
                           "VALUES (now(), 'x', 'created', 'cases', :a), (now(), 'x', 'created', 'cases', :b)"),
                      {"a": case_a, "b": case_b})
    finally:
        engine.dispose()
    yield Agency(pg_server, db, address, anna, ben, lena, nord, sued, case_a, case_b, agreement_b)


def test_a_worker_can_neither_read_nor_change_nor_create_another_teams_cases(agency: Agency) -> None:
    a, b = agency.case_a, agency.case_b
    before = agency.admin(f"SELECT title, row_version FROM cases WHERE id = {b}")
    with agency.connect(agency.anna) as conn:
        # reading: only the own team's case, and only its rows in every child table
        assert conn.execute("SELECT id FROM cases").fetchall() == [(a,)]
        assert conn.execute("SELECT count(*) FROM cases WHERE id = %s", (b,)).fetchone() == (0,)
        assert conn.execute("SELECT DISTINCT case_id FROM persons").fetchall() == [(a,)]
        assert conn.execute("SELECT DISTINCT case_id FROM agreements").fetchall() == [(a,)]
        assert conn.execute("SELECT count(*) FROM goals WHERE agreement_id = %s",
                            (agency.agreement_b,)).fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM goals").fetchone() == (1,)
        assert conn.execute("SELECT case_id FROM audit_log").fetchall() == [(a,)]
        # changing: nothing of team Süd is hit
        assert conn.execute("UPDATE cases SET title = 'weg' WHERE id = %s", (b,)).rowcount == 0
        assert conn.execute("UPDATE persons SET first_name = 'weg' WHERE case_id = %s", (b,)).rowcount == 0
        assert conn.execute("UPDATE goals SET client_words = 'weg'").rowcount == 1  # only the own one
        assert conn.execute("DELETE FROM persons WHERE case_id = %s", (b,)).rowcount == 0
        assert conn.execute("DELETE FROM agreements WHERE case_id = %s", (b,)).rowcount == 0
        assert conn.execute("DELETE FROM cases WHERE id = %s", (b,)).rowcount == 0
        # creating for team Süd or inside its case: refused by the policy
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute("INSERT INTO cases (title, file_number, help_type, status, search_text, team_id) "
                         "VALUES ('fremd', '', '', 'open', '', %s)", (agency.sued,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute("INSERT INTO persons (case_id, first_name, last_name, family_role, is_guardian) "
                         "VALUES (%s, 'Eve', 'X', 'Tante', false)", (b,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute("INSERT INTO cases (title, file_number, help_type, status, search_text, team_id) "
                         "VALUES ('ohne Team', '', '', 'open', '', NULL)")
        # moving the own case to team Süd, or assigning it: only a lead
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="Teamleitung"):
            conn.execute("UPDATE cases SET team_id = %s WHERE id = %s", (agency.sued, a))
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="Teamleitung"):
            conn.execute("UPDATE cases SET assigned_to = %s WHERE id = %s", (agency.anna, a))
        # the audit log: append-only for her too, and no entry for another team's case
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM audit_log")
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute("INSERT INTO audit_log (at, \"user\", action, entity_type, case_id) "
                         "VALUES (now(), 'x', 'viewed', 'cases', %s)", (b,))
        # no way around it: she cannot switch the policies off or take another role
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("ALTER TABLE cases DISABLE ROW LEVEL SECURITY")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(f"SET ROLE {agency.ben}")
        # her own work goes through
        assert conn.execute("UPDATE cases SET title = 'Familie Albers-Kern' WHERE id = %s", (a,)).rowcount == 1
        conn.execute("INSERT INTO persons (case_id, first_name, last_name, family_role, is_guardian) "
                     "VALUES (%s, 'Jonas', 'Albers', 'Sohn', false)", (a,))
        assert conn.execute("DELETE FROM persons WHERE case_id = %s AND first_name = 'Jonas'", (a,)).rowcount == 1
        new = conn.execute("INSERT INTO cases (title, file_number, help_type, status, search_text, team_id) "
                           "VALUES ('Familie Neu', '', '', 'open', '', %s) RETURNING id", (agency.nord,)).fetchone()
        assert new is not None
    assert agency.admin(f"SELECT title, row_version FROM cases WHERE id = {b}") == before
    assert agency.admin(f"SELECT count(*) FROM persons WHERE case_id = {b}") == [(1,)]
    assert agency.admin(f"SELECT count(*) FROM agreements WHERE case_id = {b}") == [(1,)]
    assert agency.admin(f"SELECT title FROM cases WHERE id = {a}") == [("Familie Albers-Kern",)]


def test_the_lead_sees_the_whole_team_and_assigns_a_case_for_holiday_cover(agency: Agency) -> None:
    a, b = agency.case_a, agency.case_b
    with agency.connect(agency.anna) as conn:
        other = conn.execute("INSERT INTO cases (title, file_number, help_type, status, search_text, team_id) "
                             "VALUES ('Familie Christ', '', '', 'open', '', %s) RETURNING id",
                             (agency.nord,)).fetchone()
    assert other is not None
    with agency.connect(agency.lena) as conn:
        assert sorted(r[0] for r in conn.execute("SELECT id FROM cases")) == sorted([a, other[0]])
        assert conn.execute("SELECT DISTINCT case_id FROM persons").fetchall() == [(a,)]
        # another team's case stays out of reach for the lead too
        assert conn.execute("UPDATE cases SET assigned_to = %s WHERE id = %s", (agency.lena, b)).rowcount == 0
        # only to someone with access to the server
        with pytest.raises(psycopg.errors.ForeignKeyViolation, match="Zuweisen nur an"):
            conn.execute("UPDATE cases SET assigned_to = 'niemand_da' WHERE id = %s", (a,))
        # holiday cover: Ben (team Süd) takes over Anna's case
        assert conn.execute("UPDATE cases SET assigned_to = %s WHERE id = %s", (agency.ben, a)).rowcount == 1
    with agency.connect(agency.ben) as conn:
        assert sorted(r[0] for r in conn.execute("SELECT id FROM cases")) == sorted([a, b])
        assert conn.execute("SELECT count(*) FROM persons WHERE case_id = %s", (a,)).fetchone() == (1,)
        assert conn.execute("SELECT count(*) FROM goals").fetchone() == (2,)
        assert conn.execute("UPDATE persons SET first_name = 'Kira' WHERE case_id = %s", (a,)).rowcount == 1
        # working on it, but neither deleting it nor handing it on
        assert conn.execute("DELETE FROM cases WHERE id = %s", (a,)).rowcount == 0
        # nor any of its rows: the owning team's case stays whole (a retention deletion goes children first)
        assert conn.execute("DELETE FROM persons WHERE case_id = %s", (a,)).rowcount == 0
        assert conn.execute("DELETE FROM goals").rowcount == 1  # only the goal of his own team's case
        assert conn.execute("DELETE FROM agreements WHERE case_id = %s", (a,)).rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="Teamleitung"):
            conn.execute("UPDATE cases SET assigned_to = NULL WHERE id = %s", (a,))
        # nor the other case of team Nord
        assert conn.execute("SELECT count(*) FROM cases WHERE id = %s", (other[0],)).fetchone() == (0,)
    assert agency.admin(f"SELECT first_name FROM persons WHERE case_id = {a}") == [("Kira",)]
    assert agency.admin(f"SELECT count(*) FROM goals g JOIN agreements ag ON ag.id = g.agreement_id "
                        f"WHERE ag.case_id = {a}") == [(1,)]
    with agency.connect(agency.lena) as conn:  # back from holiday
        assert conn.execute("UPDATE cases SET assigned_to = NULL WHERE id = %s", (a,)).rowcount == 1
    with agency.connect(agency.ben) as conn:
        assert conn.execute("SELECT id FROM cases").fetchall() == [(b,)]


def _visible(agency: Agency, role: str) -> list[int]:
    with agency.connect(role) as conn:
        return sorted(r[0] for r in conn.execute("SELECT id FROM cases"))


def _in_lead_group(agency: Agency, role: str) -> bool:
    return agency.admin("SELECT count(*) FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
                        f"JOIN pg_roles u ON u.oid = m.member WHERE g.rolname = 'kd_lead' AND u.rolname = '{role}'"
                        ) == [(1,)]


def test_a_demoted_lead_can_no_longer_assign_and_reads_only_what_a_worker_reads(agency: Agency) -> None:
    a, b = agency.case_a, agency.case_b
    assert _in_lead_group(agency, agency.lena)
    # add-user without the lead flag sets exactly that: Lena stays in team Nord, no longer its lead
    demoted = add_user(agency.address, agency.lena, None, "Team Nord")
    assert (demoted.created, demoted.joined, demoted.was_lead, demoted.lead) == (False, False, True, False)
    assert not _in_lead_group(agency, agency.lena)
    with agency.connect(agency.lena) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="Teamleitung"):
            conn.execute("UPDATE cases SET assigned_to = %s WHERE id = %s", (agency.ben, a))
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="Teamleitung"):
            conn.execute("UPDATE cases SET team_id = %s WHERE id = %s", (agency.sued, a))
        assert conn.execute("SELECT count(*) FROM cases WHERE id = %s", (b,)).fetchone() == (0,)
    assert _visible(agency, agency.lena) == _visible(agency, agency.anna) == [a]
    assert agency.admin(f"SELECT assigned_to, team_id FROM cases WHERE id = {a}") == [(None, agency.nord)]

    # lead again, then moved to team Süd: Nord's cases and its lead are gone with the move
    assert add_user(agency.address, agency.lena, None, "Team Nord", lead=True).lead
    assert _in_lead_group(agency, agency.lena)
    moved = add_user(agency.address, agency.lena, None, "Team Süd", move=True)
    assert (moved.joined, moved.lead) == (True, False)
    assert [(m.team, m.lead) for m in moved.left] == [("Team Nord", True)]
    assert not _in_lead_group(agency, agency.lena)
    assert _visible(agency, agency.lena) == _visible(agency, agency.ben) == [b]
    with agency.connect(agency.lena) as conn:
        assert conn.execute("SELECT count(*) FROM persons WHERE case_id = %s", (a,)).fetchone() == (0,)
        assert conn.execute("UPDATE cases SET assigned_to = %s WHERE id = %s", (agency.lena, a)).rowcount == 0
        assert conn.execute("UPDATE cases SET title = 'weg' WHERE id = %s", (a,)).rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="Teamleitung"):
            conn.execute("UPDATE cases SET assigned_to = %s WHERE id = %s", (agency.lena, b))
    assert agency.admin(f"SELECT team_id, is_lead FROM team_members WHERE role_name = '{agency.lena}'") == \
        [(agency.sued, False)]
    # without the move she joins a second team; she leads exactly the one given with the lead flag
    both = add_user(agency.address, agency.lena, None, "Team Nord", lead=True)
    assert both.joined and both.left == () and _in_lead_group(agency, agency.lena)
    assert _visible(agency, agency.lena) == sorted([a, b])
    again = add_user(agency.address, agency.lena, None, "Team Nord", lead=True)
    assert not again.changed


def test_every_table_with_case_data_is_under_row_level_security(agency: Agency) -> None:
    guarded = {name for name, enabled, forced in agency.admin(
        "SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class "
        "WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace") if enabled and forced}
    assert {"cases", "persons", "agreements", "goals", "indicators", "tasks", "roles", "consents", "signatures",
            "followup_reviews", "followup_review_ratings", "audit_log", "team_members"} <= guarded
    # sync_pushed (team/sync.py): a worker's own pushed entries and those of the cases it sees
    assert set(case_data_policies()) | {"cases", "team_members", "sync_pushed"} == guarded


def test_init_again_takes_deleting_from_the_cover_on_a_server_set_up_before(agency: Agency) -> None:
    # a server set up by an older version: one policy for every command on each child table
    for table, condition in case_data_policies().items():
        for policy in ("kd_read", "kd_insert", "kd_update", "kd_delete"):
            agency.admin(f"DROP POLICY {policy} ON {table}")
        agency.admin(f"CREATE POLICY kd_rows ON {table} TO kd_worker USING ({condition}) WITH CHECK ({condition})")
    agency.admin(f"UPDATE cases SET assigned_to = '{agency.ben}' WHERE id = {agency.case_a}")
    init_server(agency.address)  # the upgrade
    assert agency.admin("SELECT count(*) FROM pg_policies WHERE policyname = 'kd_rows' "
                        "AND tablename <> 'sync_pushed'") == [(0,)]
    with agency.connect(agency.ben) as conn:
        assert conn.execute("DELETE FROM persons WHERE case_id = %s", (agency.case_a,)).rowcount == 0
        assert conn.execute("UPDATE persons SET first_name = 'Kira' WHERE case_id = %s",
                            (agency.case_a,)).rowcount == 1  # editing as before
    with agency.connect(agency.anna) as conn:  # the owning team still deletes
        assert conn.execute("DELETE FROM persons WHERE case_id = %s", (agency.case_a,)).rowcount == 1


def test_init_is_idempotent_and_status_counts_teams_members_and_cases(agency: Agency) -> None:
    init_server(agency.address)  # again: nothing breaks, nothing doubles
    assert add_team(agency.address, "Team Nord") == (agency.nord, False)
    again = add_user(agency.address, agency.anna, None, "Team Nord")
    assert not again.created
    state = status(agency.address)
    assert state.current and state.initialised and state.schema_version
    by_name = {t.name: t for t in state.teams}
    assert set(by_name) == {"Team Nord", "Team Süd"}
    assert by_name["Team Nord"].members == tuple(sorted([(agency.anna, False), (agency.lena, True)]))
    assert by_name["Team Nord"].cases == 1 and by_name["Team Süd"].cases == 1
    assert agency.admin("SELECT count(*) FROM team_members") == [(3,)]
    with pytest.raises(TeamError, match="gibt es nicht"):
        add_user(agency.address, "neu_x", "pw", "Team West")
    with pytest.raises(TeamError, match="Passwort"):
        add_user(agency.address, f"neu_{uuid.uuid4().hex[:6]}", None, "Team Nord")
    with pytest.raises(TeamError, match="Benutzername"):
        add_user(agency.address, "Robert'); DROP TABLE cases; --", "pw", "Team Nord")


def test_only_an_administrator_sets_up_and_no_other_role_is_taken_over(agency: Agency) -> None:
    as_worker = ServerAddress(agency.server.url(agency.db, user=agency.anna), allow_plain=True)
    with pytest.raises(TeamError, match=f"„{agency.anna}“ darf den Server nicht einrichten"):
        init_server(as_worker)
    other = f"backup_{uuid.uuid4().hex[:6]}"  # a role of the server that is no social worker
    agency.admin(f"CREATE ROLE {other} LOGIN PASSWORD 'alt'")
    before = agency.admin(f"SELECT rolpassword FROM pg_authid WHERE rolname = '{other}'")
    with pytest.raises(TeamError, match="nicht als Fachkraft"):
        add_user(agency.address, other, "neu", "Team Nord")
    assert agency.admin(f"SELECT rolpassword FROM pg_authid WHERE rolname = '{other}'") == before
    assert agency.admin(f"SELECT count(*) FROM team_members WHERE role_name = '{other}'") == [(0,)]
