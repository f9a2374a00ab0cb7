"""Team mode, synchronisation: two laptops (two local data folders) and one real PostgreSQL server.

What travels arrives whole on the other laptop; different fields edited on two laptops merge; the same
field edited on both is one entry of the second syncer's Konfliktliste (server value kept until
resolved); signatures never conflict; a deleted case is deleted everywhere; a sync run twice changes
nothing; a sync killed (kill -9) at any of its commit points loses and duplicates nothing.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import build_complete_case
from pg_server import PgServer
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.exc import OperationalError
from sync_helpers import dump_laptop, dump_server, laptop, server_engine

from kooperation_desktop.cli import main
from kooperation_desktop.domain.model import Person
from kooperation_desktop.services import Services
from kooperation_desktop.signing.service import SigningService
from kooperation_desktop.storage.rows_audit import AuditRow
from kooperation_desktop.storage.rows_sync import OutboxRow
from kooperation_desktop.team import conflicts, outbox, sync

ROOT = Path(__file__).resolve().parents[1]


def _case_id(services: Services, title: str) -> int:
    found = [c.id for c in services.cases.list() if c.title == title]
    assert len(found) == 1, found
    return found[0]


def test_a_complete_case_made_on_one_laptop_arrives_whole_on_the_other(team) -> None:
    a, b, server = team
    case_id, agreement_id = build_complete_case(a)
    a.agreements.finalise(agreement_id)
    sync.sync(a.db, server)
    result = sync.sync(b.db, server)
    assert result.pulled > 20 and result.conflicts == 0
    assert dump_laptop(a) == dump_server(server) == dump_laptop(b)
    on_b = b.cases.get(_case_id(b, "Familie Çelik"))
    assert {p.first_name for p in on_b.persons} == {p.first_name for p in a.cases.get(case_id).persons}
    agreement_b = b.agreements.get(on_b.agreements[0].id)
    agreement_a = a.agreements.get(agreement_id)
    assert agreement_b.document_id == agreement_a.document_id  # the numbers users see stay as they are
    assert [g.client_words for g in agreement_b.goals] == [g.client_words for g in agreement_a.goals]
    assert b.agreements.verify_stored(agreement_b.id)  # the frozen content still matches on B
    assert b.cases.count("Çelik") == 1  # found by the search on B too


def test_different_fields_edited_on_two_laptops_merge(team) -> None:
    a, b, server = team
    a.cases.create("Familie Berg", "AZ 1")
    sync.sync(a.db, server)
    sync.sync(b.db, server)
    case_a = a.cases.get(_case_id(a, "Familie Berg"))
    case_b = b.cases.get(_case_id(b, "Familie Berg"))
    case_a.title = "Familie Berg-Yilmaz"
    a.cases.update(case_a)
    case_b.file_number = "AZ 2"
    b.cases.update(case_b)
    assert sync.sync(a.db, server).conflicts == 0
    assert sync.sync(b.db, server).conflicts == 0
    sync.sync(a.db, server)
    for services in (a, b):
        merged = services.cases.get(_case_id(services, "Familie Berg-Yilmaz"))
        assert (merged.title, merged.file_number) == ("Familie Berg-Yilmaz", "AZ 2")
    assert dump_laptop(a) == dump_server(server) == dump_laptop(b)
    assert conflicts.list_conflicts(a.db) == conflicts.list_conflicts(b.db) == []


def test_the_same_field_edited_on_both_is_one_conflict_of_the_second_syncer(team) -> None:
    a, b, server = team
    a.cases.create("Familie Kaya")
    sync.sync(a.db, server)
    sync.sync(b.db, server)
    case_a, case_b = a.cases.get(_case_id(a, "Familie Kaya")), b.cases.get(_case_id(b, "Familie Kaya"))
    case_a.title = "Familie Kaya (Anna)"
    a.cases.update(case_a)
    case_b.title = "Familie Kaya (Ben)"
    b.cases.update(case_b)
    assert sync.sync(a.db, server).conflicts == 0
    assert sync.sync(b.db, server).conflicts == 1
    assert sync.sync(a.db, server).conflicts == 0
    assert sync.sync(b.db, server).conflicts == 0  # listed once, not again at the next sync
    [clash] = conflicts.list_conflicts(b.db)
    assert (clash.table, clash.field) == ("cases", "title")
    assert (clash.local_value, clash.local_by) == ("Familie Kaya (Ben)", "ben")
    assert (clash.server_value, clash.server_by) == ("Familie Kaya (Anna)", "anna")
    assert clash.local_at is not None and clash.server_at is not None
    assert clash.case_title == "Familie Kaya (Anna)"
    # until Ben decides, the server value is kept on his laptop
    assert b.cases.get(case_b.id).title == "Familie Kaya (Anna)"
    assert conflicts.list_conflicts(a.db) == []

    conflicts.resolve(b.db, clash.id, "local")
    assert conflicts.list_conflicts(b.db) == []
    assert b.cases.get(case_b.id).title == "Familie Kaya (Ben)"
    assert sync.sync(b.db, server).conflicts == 0
    sync.sync(a.db, server)
    assert a.cases.get(case_a.id).title == "Familie Kaya (Ben)"
    assert dump_laptop(a) == dump_server(server) == dump_laptop(b)
    with pytest.raises(conflicts.ConflictError, match="schon entschieden"):
        conflicts.resolve(b.db, clash.id, "server")


def test_keeping_the_server_value_closes_the_entry_and_changes_nothing(team) -> None:
    a, b, server = team
    a.cases.create("Familie Roth", "AZ 7")
    sync.sync(a.db, server)
    sync.sync(b.db, server)
    for services, number in ((a, "AZ 7-A"), (b, "AZ 7-B")):
        case = services.cases.get(_case_id(services, "Familie Roth"))
        case.file_number = number
        services.cases.update(case)
    sync.sync(a.db, server)
    sync.sync(b.db, server)
    [clash] = conflicts.list_conflicts(b.db)
    conflicts.resolve(b.db, clash.id, "server")
    assert sync.sync(b.db, server).pushed == 0
    assert b.cases.get(_case_id(b, "Familie Roth")).file_number == "AZ 7-A"
    assert [c.resolution for c in conflicts.list_conflicts(b.db, include_resolved=True)] == ["server"]


def test_signatures_of_a_finalised_version_never_conflict(team) -> None:
    a, b, server = team
    _case, agreement_id = build_complete_case(a)
    a.agreements.finalise(agreement_id)
    sync.sync(a.db, server)
    sync.sync(b.db, server)
    agreement_b = _case_id(b, "Familie Çelik")
    agreement_b = b.cases.get(agreement_b).agreements[0].id
    parties = [p.key for p in SigningService(a.db).overview(agreement_id).parties]
    SigningService(a.db).record_paper(agreement_id, parties[0], dt.date.today())
    SigningService(b.db).record_paper(agreement_b, parties[1], dt.date.today())
    results = [sync.sync(a.db, server), sync.sync(b.db, server), sync.sync(a.db, server)]
    assert [r.conflicts for r in results] == [0, 0, 0]
    for services, agreement in ((a, agreement_id), (b, agreement_b)):
        assert {s.party_key for s in SigningService(services.db).signatures(agreement)} == set(parties[:2])
    assert dump_laptop(a) == dump_server(server) == dump_laptop(b)


def test_a_deleted_case_is_deleted_on_the_server_and_the_other_laptop(team) -> None:
    a, b, server = team
    case_id, _agreement = build_complete_case(a)
    a.cases.create("Familie bleibt")
    sync.sync(a.db, server)
    sync.sync(b.db, server)
    a.cases.delete(case_id)
    sync.sync(a.db, server)
    result = sync.sync(b.db, server)
    assert result.deleted >= 1
    assert [c.title for c in b.cases.list()] == ["Familie bleibt"]
    assert dump_laptop(a) == dump_server(server) == dump_laptop(b)
    assert all(not rows for name, rows in dump_laptop(b).items() if name != "cases")


def test_an_edit_of_a_case_deleted_on_the_server_is_listed_not_lost(team) -> None:
    a, b, server = team
    a.cases.create("Familie Ende")
    sync.sync(a.db, server)
    sync.sync(b.db, server)
    a.cases.delete(_case_id(a, "Familie Ende"))
    case_b = b.cases.get(_case_id(b, "Familie Ende"))
    case_b.title = "Familie Ende (neu)"
    b.cases.update(case_b)
    sync.sync(a.db, server)
    assert sync.sync(b.db, server).conflicts == 1
    [clash] = conflicts.list_conflicts(b.db)
    assert clash.row_deleted and clash.local_value == "Familie Ende (neu)"
    assert b.cases.list() == []
    with pytest.raises(conflicts.ConflictError, match="gelöscht"):
        conflicts.resolve(b.db, clash.id, "local")


def test_a_sync_run_twice_changes_nothing(team) -> None:
    a, b, server = team
    build_complete_case(a)
    sync.sync(a.db, server)
    sync.sync(b.db, server)
    before = (dump_laptop(a), dump_server(server), dump_laptop(b))
    for services in (a, b):
        again = sync.sync(services.db, server)
        assert (again.pushed, again.pulled, again.deleted, again.conflicts) == (0, 0, 0, 0)
    assert (dump_laptop(a), dump_server(server), dump_laptop(b)) == before


def test_a_sync_leaves_the_cycle_collector_as_it_was_even_when_it_fails(team) -> None:
    """Push and pull pause Python's cycle collector (their rows would set off collections over every
    object of the window); afterwards it runs again, also after a failed sync, and stays off where
    the caller had switched it off."""
    a, _b, server = team
    build_complete_case(a)
    states = []
    sync.sync(a.db, server, marker=lambda _point: states.append(gc.isenabled()))
    assert states and not any(states) and gc.isenabled()
    stopped = create_engine(server.url.set(port=1), connect_args={"connect_timeout": 2})
    with pytest.raises(OperationalError):  # (the command line and the window say it in German)
        sync.sync(a.db, stopped)
    assert gc.isenabled()
    gc.disable()
    try:
        sync.sync(a.db, server)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_audit_log_records_each_sync_without_content(team) -> None:
    a, _b, server = team
    a.cases.create("Familie Geheim")
    sync.sync(a.db, server)
    with a.db.engine.connect() as c:
        entries = c.execute(select(AuditRow).where(AuditRow.action == sync.SYNC_ACTION)).all()
    assert len(entries) == 1
    assert entries[0].entity_type == "sync +1 -1 !0" and entries[0].user
    assert "Geheim" not in repr(entries)


def test_the_single_laptop_mode_writes_no_outbox(tmp_path: Path) -> None:
    with Services.open(tmp_path / "allein") as services:
        case = services.cases.create("Familie Allein")
        services.parties.save(Person(case_id=case.id, first_name="Ida", last_name="Allein"))
        services.cases.delete(case.id)
        with services.db.engine.connect() as c:
            assert c.execute(select(func.count()).select_from(OutboxRow)).scalar_one() == 0
            assert outbox.state_of(c) is None
        assert not services.db.sessionmaker.kw.get("info", {}).get("_sync_outbox_attached")


def test_local_changes_of_every_kind_go_to_the_outbox_in_the_same_transaction(team) -> None:
    a, _b, _server = team
    case = a.cases.create("Familie Neu")
    person = a.parties.save(Person(case_id=case.id, first_name="Eva", last_name="Neu"))
    person.first_name = "Eva-Maria"
    a.parties.save(person)
    a.parties.delete(person)
    with a.db.sessionmaker() as s:
        entries = [(e.table_name, e.op, sorted(e.fields)) for e in s.scalars(select(OutboxRow).order_by(OutboxRow.id))]
    assert ("cases", "insert", []) in entries
    assert ("persons", "insert", []) in entries
    assert ("persons", "update", ["first_name", "row_version"]) in entries
    assert ("persons", "delete", []) in entries


# --- the command line ---------------------------------------------------------------------------


def test_sync_and_conflicts_on_the_command_line(pg_server: PgServer, tmp_path: Path, capsys, monkeypatch) -> None:
    engine, name = server_engine(pg_server)
    engine.dispose()
    url = pg_server.dsn(name)
    folder = tmp_path / "laptop"
    with Services.open(folder) as services:
        services.cases.create("Familie Kommando")
    monkeypatch.setenv("KOOPERATION_SERVER_PASSWORD", "egal")
    assert main(["sync", "--data-dir", str(folder)]) == 1
    assert "mit keinem Server verbunden" in capsys.readouterr().err
    assert main(["sync", "--url", url, "--ohne-tls", "--data-dir", str(folder)]) == 0
    assert "1 Zeile gesendet" in capsys.readouterr().out
    assert main(["sync", "--data-dir", str(folder)]) == 0  # the server is remembered
    assert "0 Zeilen gesendet, 0 empfangen" in capsys.readouterr().out
    assert main(["conflicts", "--data-dir", str(folder)]) == 0
    assert "Keine offenen Konflikte" in capsys.readouterr().out
    assert main(["conflicts", "--resolve", "7", "--keep", "local", "--data-dir", str(folder)]) == 1
    assert "Konflikt Nr. 7 gibt es nicht" in capsys.readouterr().err
    assert main(["conflicts", "--resolve", "7", "--data-dir", str(folder)]) == 2
    capsys.readouterr()


def test_sync_command_line_errors_are_one_german_line(pg_server: PgServer, tmp_path: Path, capsys,
                                                       monkeypatch) -> None:
    folder = tmp_path / "laptop"
    Services.open(folder).close()
    monkeypatch.setenv("KOOPERATION_SERVER_PASSWORD", "egal")
    closed_port = f"postgresql://anna@127.0.0.1:{pg_server.port + 1}/kooperation"
    assert main(["sync", "--url", closed_port, "--ohne-tls", "--data-dir", str(folder)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Fehler: Der Server 127.0.0.1") and "nicht erreichbar" in err and err.count("\n") == 1
    assert main(["sync", "--url", "mysql://x@y/z", "--data-dir", str(folder)]) == 1
    assert "muss mit postgresql:// beginnen" in capsys.readouterr().err
    no_tls_server = pg_server.dsn("postgres")
    assert main(["sync", "--url", no_tls_server, "--data-dir", str(folder)]) == 1  # TLS is the default
    assert "keine verschlüsselte Verbindung" in capsys.readouterr().err
    monkeypatch.delenv("KOOPERATION_SERVER_PASSWORD")
    with open(os.devnull) as no_terminal:  # no terminal to ask on
        monkeypatch.setattr(sys, "stdin", no_terminal)
        assert main(["sync", "--url", closed_port, "--ohne-tls", "--data-dir", str(folder)]) == 1
    assert "KOOPERATION_SERVER_PASSWORD" in capsys.readouterr().err


# --- kill -9 during a sync ------------------------------------------------------------------------

# the points of the sync below: per case (4) "server-apply" (its server transaction still open) and
# "server-commit", then "local-commit" (the pushed entries removed here), "pulled" and "pull-commit"
KILL_POINTS = range(1, 12)


@pytest.mark.parametrize("kill_at", KILL_POINTS)
def test_a_sync_killed_at_any_point_loses_and_duplicates_nothing(pg_server: PgServer, tmp_path: Path,
                                                                  kill_at: int) -> None:
    engine, name = server_engine(pg_server)
    url = pg_server.dsn(name)
    a = laptop(tmp_path, "anna", server_url=url, plain=True)
    b = laptop(tmp_path, "ben", server_url=url, plain=True)
    try:
        existing = a.cases.create("Familie Alt")
        sync.sync(a.db, engine)
        sync.sync(b.db, engine)
        for n in range(3):  # offline work: three new cases with two persons each, one edit
            case = a.cases.create(f"Familie Neu {n}")
            for first in ("Ada", "Bo"):
                a.parties.save(Person(case_id=case.id, first_name=first, last_name=f"Neu {n}"))
        existing.title = "Familie Alt (geändert)"
        a.cases.update(existing)
        expected = dump_laptop(a)
    finally:
        a.close()
    env = {**os.environ, "KOOPERATION_SERVER_PASSWORD": "egal", "KOOPERATION_SYNC_MARKERS": "1",
           "KOOPERATION_SYNC_PAUSE_AT": str(kill_at)}
    proc = subprocess.Popen([sys.executable, "-m", "kooperation_desktop", "sync", "--data-dir",
                             str(tmp_path / "anna")], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, cwd=ROOT)
    assert proc.stdout is not None
    seen = []
    for line in proc.stdout:
        if line.startswith("SYNC-PUNKT"):
            seen.append(line.split()[2])
            if len(seen) == kill_at:
                break
    assert len(seen) == kill_at, (seen, proc.stderr.read() if proc.stderr else "")
    proc.kill()  # SIGKILL
    proc.communicate()
    with Services.open(tmp_path / "anna") as again:
        sync.sync(again.db, engine)
        assert sync.sync(again.db, engine).pushed == 0
        after = dump_laptop(again)
    try:
        sync.sync(b.db, engine)
        server_rows = dump_server(engine)
        assert after == server_rows == dump_laptop(b)
        titles = sorted(dict(row)["title"] for row in server_rows["cases"])
        assert titles == ["Familie Alt (geändert)", "Familie Neu 0", "Familie Neu 1", "Familie Neu 2"]
        assert len(server_rows["persons"]) == 6
        # nothing lost: every row of A's offline work is on the server as A had it (row versions aside)
        def strip(rows: dict) -> dict:
            return {t: sorted(tuple(kv for kv in row if kv[0] != "row_version") for row in r) for t, r in rows.items()}
        assert strip(expected) == strip(server_rows)
        assert conflicts.list_conflicts(b.db) == []
    finally:
        b.close()
        engine.dispose()


# --- as workers of an initialised server (roles, row-level security) -------------------------------


def test_workers_sync_through_row_level_security_and_see_only_their_teams_cases(pg_server: PgServer,
                                                                                  tmp_path: Path) -> None:
    import uuid

    from kooperation_desktop.team.connection import ServerAddress
    from kooperation_desktop.team.server import add_team, add_user, init_server

    db = pg_server.create_database()
    address = ServerAddress(pg_server.url(db), allow_plain=True)
    init_server(address)
    tag = uuid.uuid4().hex[:6]
    anna, ben, carl = f"anna_{tag}", f"ben_{tag}", f"carl_{tag}"
    add_team(address, "Team Nord")
    add_team(address, "Team Süd")
    add_user(address, anna, "pw-anna", "Team Nord")
    add_user(address, ben, "pw-ben", "Team Nord")
    add_user(address, carl, "pw-carl", "Team Süd")
    engines = {name: create_engine(pg_server.url(db, user=name)) for name in (anna, ben, carl)}
    laptops = {name: laptop(tmp_path, name) for name in (anna, ben, carl)}
    try:
        build_complete_case(laptops[anna])
        assert sync.sync(laptops[anna].db, engines[anna]).conflicts == 0
        case_b = laptops[ben].cases  # Ben (same team) gets the case; Carl (other team) nothing
        sync.sync(laptops[ben].db, engines[ben])
        sync.sync(laptops[carl].db, engines[carl])
        assert [c.title for c in case_b.list()] == ["Familie Çelik"]
        assert laptops[carl].cases.list() == []
        # Ben edits, Anna gets it, and sees who changed it when she clashes
        case = case_b.get(case_b.list()[0].id)
        case.file_number = "AZ Ben"
        case_b.update(case)
        sync.sync(laptops[ben].db, engines[ben])
        mine = laptops[anna].cases.get(laptops[anna].cases.list()[0].id)
        mine.file_number = "AZ Anna"
        laptops[anna].cases.update(mine)
        assert sync.sync(laptops[anna].db, engines[anna]).conflicts == 1
        [clash] = conflicts.list_conflicts(laptops[anna].db)
        assert (clash.server_value, clash.server_by, clash.local_by) == ("AZ Ben", ben, anna)
        sync.sync(laptops[ben].db, engines[ben])
        assert dump_laptop(laptops[anna]) == dump_laptop(laptops[ben])
        # Carl's own case stays in Team Süd
        laptops[carl].cases.create("Familie Süd")
        sync.sync(laptops[carl].db, engines[carl])
        sync.sync(laptops[anna].db, engines[anna])
        assert [c.title for c in laptops[anna].cases.list()] == ["Familie Çelik"]
        # holiday cover: the case of Team Süd is assigned to Anna; her next sync brings all of it
        south = laptops[carl].cases.list()[0].id
        laptops[carl].parties.save(Person(case_id=south, first_name="Sina", last_name="Süd"))
        sync.sync(laptops[carl].db, engines[carl])
        sync.sync(laptops[anna].db, engines[anna])  # Anna's sync passes Sina's change unseen
        admin = create_engine(pg_server.url(db))
        try:
            with admin.begin() as conn:
                conn.execute(text("UPDATE cases SET assigned_to = :anna WHERE title = 'Familie Süd'"), {"anna": anna})
        finally:
            admin.dispose()
        sync.sync(laptops[anna].db, engines[anna])
        covered = [c for c in laptops[anna].cases.list() if c.title == "Familie Süd"]
        assert len(covered) == 1
        assert [p.first_name for p in laptops[anna].cases.get(covered[0].id).persons] == ["Sina"]
    finally:
        for services in laptops.values():
            services.close()
        for engine in engines.values():
            engine.dispose()


def test_a_reopened_team_folder_keeps_writing_the_outbox(team, tmp_path: Path) -> None:
    a, _b, _server = team
    a.close()
    with Services.open(tmp_path / "anna") as again:
        again.cases.create("Familie Wieder")
        with again.db.engine.connect() as c:
            assert outbox.pending_count(c) == 1
