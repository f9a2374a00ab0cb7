"""Team mode on a real PostgreSQL (issue 14): "finalised versions, signatures, consents' history and the
audit log are append-only", enforced by the database, not only by the app. A worker of the case's own
team types SQL by hand (psql with her own login) and is refused, in German, to change or remove a
finalised version, its goals, a signature, a consent an agreement rests on, a sent report; the same on a
draft works; the program's own work (finalise, sign, a new version, the retention deletion by the lead)
still lands. And nobody records authorship (``sync_pushed``) for a case of another team."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from helpers import build_complete_case
from pg_server import PgServer
from sqlalchemy import Engine, create_engine, select
from sync_helpers import laptop

from kooperation_desktop.protection.retention import RetentionService
from kooperation_desktop.services import Services
from kooperation_desktop.signing.service import SigningService
from kooperation_desktop.storage.rows import ConsentRow
from kooperation_desktop.storage.team_append_only import CONSENT, FROZEN_VERSION, SENT_REPORT, SIGNATURE
from kooperation_desktop.team import sync
from kooperation_desktop.team.connection import ServerAddress
from kooperation_desktop.team.server import add_team, add_user, init_server


@dataclass
class Agency:
    server: PgServer
    db: str
    sina: str  # worker of Team Süd: the case is her team's
    lea: str  # lead of Team Süd
    anna: str  # worker of Team Nord
    laptop: Services  # Sina's
    engine: Engine  # Sina's login on the server
    final: str  # uuid of the finalised (and signed) version
    draft: str  # uuid of the next version, a draft

    def connect(self, role: str) -> psycopg.Connection:
        return psycopg.connect(self.server.dsn(self.db, user=role), autocommit=True)

    def admin(self, sql: str, params: tuple = ()) -> list[tuple]:
        with psycopg.connect(self.server.dsn(self.db), autocommit=True) as conn:
            cursor = conn.execute(sql, params)
            return cursor.fetchall() if cursor.description else []


def _version_uuid(services: Services, agreement_id: int) -> str:
    with services.db.engine.connect() as c:
        return str(c.exec_driver_sql("SELECT uuid FROM agreements WHERE id = ?", (agreement_id,)).scalar_one())


@pytest.fixture
def agency(pg_server: PgServer, tmp_path: Path) -> Iterator[Agency]:
    db = pg_server.create_database()
    address = ServerAddress(pg_server.url(db), allow_plain=True)
    init_server(address)
    tag = uuid.uuid4().hex[:6]
    sina, lea, anna = f"sina_{tag}", f"lea_{tag}", f"anna_{tag}"
    add_team(address, "Team Nord")
    add_team(address, "Team Süd")
    add_user(address, sina, "pw-sina", "Team Süd")
    add_user(address, lea, "pw-lea", "Team Süd", lead=True)
    add_user(address, anna, "pw-anna", "Team Nord")
    services = laptop(tmp_path, sina)
    engine = create_engine(pg_server.url(db, user=sina))
    try:
        _case_id, agreement_id = build_complete_case(services)
        services.agreements.finalise(agreement_id)
        signing = SigningService(services.db)
        party = signing.overview(agreement_id).parties[0].key
        signing.record_paper(agreement_id, party, dt.date.today(), note="im Büro")
        draft = services.agreements.new_version(agreement_id)
        assert draft.id is not None
        sync.sync(services.db, engine)
        agency = Agency(pg_server, db, sina, lea, anna, services, engine,
                        _version_uuid(services, agreement_id), _version_uuid(services, draft.id))
        # a report sent to the Jugendamt (written by the administrator: the laptop's report flow is not the point)
        agency.admin("INSERT INTO reports (case_id, agreement_id, document_id, status, sections, goal_categories, "
                     "copies, checked_by, checked_how, sent_on, sent_to, frozen_content, content_hash, uuid) "
                     "SELECT v.case_id, v.id, 'EB-1', 'sent', '{}', '{}', '[]', 'Lea', '', current_date, "
                     "'Jugendamt', '{}', 'abc', gen_random_uuid()::text FROM agreements v WHERE v.uuid = %s",
                     (agency.final,))
        yield agency
    finally:
        services.close()
        engine.dispose()


def _refused(conn: psycopg.Connection, sql: str, params: tuple, message: str) -> None:
    with pytest.raises(psycopg.errors.RaiseException) as caught:
        conn.execute(sql, params)
    assert caught.value.diag.sqlstate == "P0001"
    assert caught.value.diag.message_primary == message


def test_a_worker_of_the_team_cannot_change_a_finalised_version_by_hand(agency: Agency) -> None:
    with agency.connect(agency.sina) as sina:
        goal = "SELECT g.id FROM goals g JOIN agreements v ON v.id = g.agreement_id WHERE v.uuid = %s LIMIT 1"
        indicator = f"SELECT i.id FROM indicators i WHERE i.goal_id = ({goal})"
        final = (agency.final,)
        _refused(sina, f"UPDATE goals SET client_words = 'anders' WHERE id = ({goal})", final, FROZEN_VERSION)
        _refused(sina, f"DELETE FROM goals WHERE id = ({goal})", final, FROZEN_VERSION)
        _refused(sina, f"UPDATE indicators SET target = 2 WHERE id = ({indicator} LIMIT 1)", final, FROZEN_VERSION)
        _refused(sina, f"DELETE FROM indicators WHERE id = ({indicator} LIMIT 1)", final, FROZEN_VERSION)
        _refused(sina, "INSERT INTO goals (agreement_id, position, client_words, professional_wording, weight) "
                       "SELECT id, 9, 'neu', '', 1 FROM agreements WHERE uuid = %s", final, FROZEN_VERSION)
        for table in ("tasks", "roles", "communication_rules"):
            _refused(sina, f"DELETE FROM {table} WHERE agreement_id = (SELECT id FROM agreements WHERE uuid = %s)",
                     final, FROZEN_VERSION)
        _refused(sina, "UPDATE tasks SET what = 'nichts' WHERE agreement_id = "
                       "(SELECT id FROM agreements WHERE uuid = %s)", final, FROZEN_VERSION)
        # moving a goal of the draft into the finalised version is adding to it
        _refused(sina, f"UPDATE goals SET agreement_id = (SELECT id FROM agreements WHERE uuid = %s) "
                       f"WHERE id = ({goal})", (agency.final, agency.draft), FROZEN_VERSION)
        # the version itself: its text, back to draft, removing it
        _refused(sina, "UPDATE agreements SET mandate = 'anders' WHERE uuid = %s", final, FROZEN_VERSION)
        _refused(sina, "UPDATE agreements SET status = 'draft' WHERE uuid = %s", final, FROZEN_VERSION)
        _refused(sina, "DELETE FROM agreements WHERE uuid = %s", final, FROZEN_VERSION)
        # a signature, a consent the version rests on, a sent report
        signature = "(SELECT s.id FROM signatures s JOIN agreements v ON v.id = s.agreement_id WHERE v.uuid = %s)"
        _refused(sina, f"UPDATE signatures SET place = 'anderswo' WHERE id = {signature}", final, SIGNATURE)
        _refused(sina, f"DELETE FROM signatures WHERE id = {signature}", final, SIGNATURE)
        consent = "(SELECT min(id) FROM consents)"
        _refused(sina, f"UPDATE consents SET text = 'anders' WHERE id = {consent}", (), CONSENT)
        _refused(sina, f"DELETE FROM consents WHERE id = {consent}", (), CONSENT)
        _refused(sina, "UPDATE reports SET sent_to = 'niemand' WHERE status = 'sent'", (), SENT_REPORT)
        _refused(sina, "DELETE FROM reports WHERE status = 'sent'", (), SENT_REPORT)
        # in one transaction: removing the signature is refused at the commit all the same
        with pytest.raises(psycopg.errors.RaiseException, match="Unterschrift"), sina.transaction():
            sina.execute(f"DELETE FROM signatures WHERE id = {signature}", final)
        # what the program may still do: the status onward, a revocation, the consent's note
        sina.execute("UPDATE agreements SET status = 'ended' WHERE uuid = %s", final)
        sina.execute(f"UPDATE consents SET revoked_on = current_date, revocation_note = 'mündlich' "
                     f"WHERE id = {consent}")
        sina.execute(f"UPDATE consents SET note = 'Notiz' WHERE id = {consent}")
        _refused(sina, f"UPDATE consents SET revoked_on = NULL WHERE id = {consent}", (), CONSENT)
    # nothing of it changed
    assert agency.admin("SELECT count(*) FROM signatures") == [(1,)]
    assert agency.admin("SELECT status FROM reports") == [("sent",)]


def test_the_same_on_a_draft_works(agency: Agency) -> None:
    draft = (agency.draft,)
    goal = "(SELECT g.id FROM goals g JOIN agreements v ON v.id = g.agreement_id WHERE v.uuid = %s LIMIT 1)"
    with agency.connect(agency.sina) as sina:
        sina.execute(f"UPDATE goals SET client_words = 'anders' WHERE id = {goal}", draft)
        sina.execute("UPDATE agreements SET mandate = 'anders' WHERE uuid = %s", draft)
        sina.execute("INSERT INTO goals (agreement_id, position, client_words, professional_wording, weight) "
                     "SELECT id, 9, 'neu', '', 1 FROM agreements WHERE uuid = %s", draft)
        sina.execute(f"DELETE FROM goals WHERE id = {goal}", draft)
        sina.execute("DELETE FROM agreements WHERE uuid = %s", draft)
        # the administrator may do anything (repairs)
    agency.admin("UPDATE agreements SET mandate = 'Reparatur' WHERE uuid = %s", (agency.final,))


def test_the_programs_own_work_still_lands(agency: Agency) -> None:
    services, engine = agency.laptop, agency.engine
    case = services.cases.list()[0]
    assert case.id is not None
    [summary] = [a for a in services.cases.get(case.id).agreements if a.status == "draft"]
    assert summary.id is not None
    draft = services.agreements.get(summary.id)
    assert draft.id is not None
    # offline: a goal of the draft changed, then the draft finalised and signed, then a new version
    goal = draft.goals[0]
    goal.client_words = "Jeden Morgen pünktlich"
    services.parties.save(goal)
    draft = services.agreements.get(draft.id)
    draft.mandate = "Auftrag des Jugendamts, neu gefasst"
    services.agreements.update(draft)
    services.agreements.finalise(draft.id)
    signing = SigningService(services.db)
    party = signing.overview(draft.id).parties[0].key
    signing.record_paper(draft.id, party, dt.date.today())
    third = services.agreements.new_version(draft.id)
    result = sync.sync(services.db, engine)
    assert result.conflicts == 0
    assert agency.admin("SELECT status FROM agreements ORDER BY version") == [
        ("superseded",), ("final",), ("draft",)]
    assert agency.admin("SELECT count(*) FROM signatures") == [(2,)]
    assert ("Jeden Morgen pünktlich",) in agency.admin("SELECT client_words FROM goals")
    assert agency.admin("SELECT mandate FROM agreements WHERE status = 'final'") == [
        ("Auftrag des Jugendamts, neu gefasst",)]
    assert third.id is not None


def test_the_retention_deletion_by_the_lead_lands(agency: Agency, tmp_path: Path) -> None:
    lead = laptop(tmp_path, agency.lea)
    lead_engine = create_engine(agency.server.url(agency.db, user=agency.lea))
    try:
        sync.sync(lead.db, lead_engine)
        [case] = lead.cases.list()
        assert case.id is not None
        RetentionService(lead.db).close_case(case.id)
        RetentionService(lead.db).delete_case(case.id)  # one deletion per row, children first
        result = sync.sync(lead.db, lead_engine)
        assert result.conflicts == 0
        for table in ("cases", "agreements", "goals", "signatures", "consents", "reports"):
            assert agency.admin(f"SELECT count(*) FROM {table}") == [(0,)], table
    finally:
        lead.close()
        lead_engine.dispose()


def test_a_whole_case_deleted_by_hand_takes_its_finalised_versions_with_it(agency: Agency) -> None:
    with agency.connect(agency.sina) as sina:
        sina.execute("DELETE FROM cases")
    assert agency.admin("SELECT count(*) FROM signatures") == [(0,)]
    assert agency.admin("SELECT count(*) FROM agreements") == [(0,)]


def test_no_authorship_is_recorded_for_another_teams_case(agency: Agency) -> None:
    [(case_uuid,)] = agency.admin("SELECT uuid FROM cases")
    entry = ("INSERT INTO sync_pushed (entry_uuid, client_id, row_uuid, case_uuid, fields, who, at) "
             "VALUES (gen_random_uuid()::text, 'x', %s, %s, '[\"title\"]', current_user, now())")
    with agency.connect(agency.anna) as anna:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            anna.execute(entry, (case_uuid, case_uuid))
        anna.execute(entry, (str(uuid.uuid4()), None))  # an entry of no case: only she reads it
    with agency.connect(agency.sina) as sina:
        sina.execute(entry, (case_uuid, case_uuid))  # her own team's case
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            sina.execute(entry.replace("current_user", f"'{agency.lea}'"), (case_uuid, case_uuid))


def test_a_removal_the_server_refuses_rolls_back_that_case_alone(agency: Agency, tmp_path: Path) -> None:
    lead = laptop(tmp_path, agency.lea)
    lead_engine = create_engine(agency.server.url(agency.db, user=agency.lea))
    try:
        sync.sync(lead.db, lead_engine)
        # a consent the finalised version rests on, removed past the program's rule (e.g. offline, before
        # a colleague's finalised version arrived), and a new case in the same push
        with lead.db.transaction() as s:
            s.delete(s.scalars(select(ConsentRow).order_by(ConsentRow.id)).first())
        lead.cases.create("Familie Neu", "AZ N-1")
        with pytest.raises(sync.PushRefused) as refused:
            sync.sync(lead.db, lead_engine)
        assert CONSENT.rstrip(".") in str(refused.value)  # the one German line quotes it in brackets
        assert agency.admin("SELECT count(*) FROM consents") == [(2,)]
        assert ("Familie Neu",) in agency.admin("SELECT title FROM cases")
    finally:
        lead.close()
        lead_engine.dispose()
