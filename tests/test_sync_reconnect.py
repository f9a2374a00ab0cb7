"""Another server (issue 14, "nothing lost"): a data folder in team mode notices when the server it
synchronises with is not the one it knows (another database, one set up anew, one restored from a
backup). A plain ``sync`` then refuses in German and transfers nothing; ``sync --neu-verbinden`` (or
``--url``) sends everything the laptop holds as at a first sync: what the server lacks is inserted, what
it holds is not doubled, and a field the server holds differently goes to the Konfliktliste."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from helpers import build_complete_case
from pg_server import PgServer
from sqlalchemy import Engine, create_engine
from sync_helpers import dump_laptop, dump_server, server_database, server_engine

from kooperation_desktop.cli import main
from kooperation_desktop.services import Services
from kooperation_desktop.team import conflicts, outbox, reconnect, sync
from kooperation_desktop.team.reconnect import ServerChanged


def _titles(engine: Engine) -> list[str]:
    return sorted(dict(row)["title"] for row in dump_server(engine)["cases"])


def _case_id(services: Services, title: str) -> int:
    return next(c.id for c in services.cases.list() if c.title == title)


def _team_laptop(folder: Path, engine: Engine) -> Services:
    services = Services.open(folder)
    outbox.configure(services.db, server_url=engine.url.render_as_string(), identity="anna", plain=True)
    return services


def test_a_server_set_up_anew_at_the_known_address_is_refused_until_reconnected(
        pg_server: PgServer, tmp_path: Path, capsys, monkeypatch) -> None:
    engine, name = server_engine(pg_server)
    engine.dispose()
    folder = tmp_path / "laptop"
    with Services.open(folder) as services:
        services.cases.create("Familie Eins")
    monkeypatch.setenv("KOOPERATION_SERVER_PASSWORD", "egal")
    assert main(["sync", "--url", pg_server.dsn(name), "--ohne-tls", "--data-dir", str(folder)]) == 0
    # the administrator sets the server up anew under the same name (an empty database)
    fresh = server_database(pg_server)
    with psycopg.connect(pg_server.dsn(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        conn.execute(f'ALTER DATABASE "{fresh}" RENAME TO "{name}"')
    capsys.readouterr()

    assert main(["sync", "--data-dir", str(folder)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Fehler: Der Server „") and "--neu-verbinden" in err and len(err.strip().splitlines()) == 1
    server = create_engine(pg_server.url(name))
    try:
        assert _titles(server) == []  # nothing transferred

        assert main(["sync", "--neu-verbinden", "--data-dir", str(folder)]) == 0
        assert "Neuer Server" in capsys.readouterr().out
        assert _titles(server) == ["Familie Eins"]
        assert main(["sync", "--data-dir", str(folder)]) == 0  # known from now on
        assert "0 Zeilen gesendet" in capsys.readouterr().out
        assert _titles(server) == ["Familie Eins"]
    finally:
        server.dispose()


def test_a_change_number_gone_back_is_a_restored_server(pg_server: PgServer, tmp_path: Path) -> None:
    server, name = server_engine(pg_server)
    try:
        with _team_laptop(tmp_path / "laptop", server) as laptop:
            laptop.cases.create("Familie Eins")
            sync.sync(laptop.db, server)
            pg_server.psql("SELECT setval('sync_change_seq', 1, false)", name)
            with pytest.raises(ServerChanged, match="aus einer Sicherung zurückgespielt"):
                sync.sync(laptop.db, server)
            with laptop.db.engine.connect() as c:
                assert outbox.pending_count(c) == 0  # nothing queued by the refusal
    finally:
        server.dispose()


def test_the_same_server_named_again_sends_nothing_again(pg_server: PgServer, tmp_path: Path) -> None:
    server, _name = server_engine(pg_server)
    try:
        with _team_laptop(tmp_path / "laptop", server) as laptop:
            laptop.cases.create("Familie Eins")
            assert sync.sync(laptop.db, server).pushed == 1
            again = sync.sync(laptop.db, server, reconnect=True)
            assert (again.reconnected, again.pushed, again.pulled) == (False, 0, 0)
    finally:
        server.dispose()


def test_a_restored_backup_gets_what_only_the_laptop_has_and_lists_what_differs(
        pg_server: PgServer, tmp_path: Path) -> None:
    server, name = server_engine(pg_server)
    backup_name = f"{name}_sicherung"
    backup: Engine | None = None
    try:
        with _team_laptop(tmp_path / "laptop", server) as laptop:
            laptop.cases.create("Familie Eins", "AZ 1")
            sync.sync(laptop.db, server)
            server.dispose()
            with psycopg.connect(pg_server.dsn(), autocommit=True) as conn:  # the night's backup
                conn.execute(f'CREATE DATABASE "{backup_name}" TEMPLATE "{name}"')
            case = laptop.cases.get(_case_id(laptop, "Familie Eins"))
            case.title = "Familie Eins-Berg"
            laptop.cases.update(case)
            laptop.cases.create("Familie Zwei")
            sync.sync(laptop.db, server)
            # the server is lost; the agency restores the backup
            backup = create_engine(pg_server.url(backup_name))
            with pytest.raises(ServerChanged):
                sync.sync(laptop.db, backup)

            result = sync.sync(laptop.db, backup, reconnect=True)
            assert result.reconnected and result.conflicts == 1
            assert _titles(backup) == ["Familie Eins", "Familie Zwei"]  # nothing doubled, the new case arrived
            [clash] = conflicts.list_conflicts(laptop.db)  # the rename is not lost: listed, the server's stands
            assert (clash.table, clash.field, clash.local_value, clash.server_value) == (
                "cases", "title", "Familie Eins-Berg", "Familie Eins")
            assert dump_laptop(laptop) == dump_server(backup)
            again = sync.sync(laptop.db, backup)
            assert (again.pushed, again.conflicts) == (0, 0)

            conflicts.resolve(laptop.db, clash.id, "local")
            sync.sync(laptop.db, backup)
            assert _titles(backup) == ["Familie Eins-Berg", "Familie Zwei"]
    finally:
        server.dispose()
        if backup is not None:
            backup.dispose()


def test_a_reconnect_cut_off_half_way_goes_on_at_the_next_plain_sync(pg_server: PgServer, tmp_path: Path) -> None:
    first, _first_name = server_engine(pg_server)
    second, _second_name = server_engine(pg_server)
    try:
        with _team_laptop(tmp_path / "laptop", first) as laptop:
            laptop.cases.create("Familie Eins")
            sync.sync(laptop.db, first)
            case = laptop.cases.get(_case_id(laptop, "Familie Eins"))
            case.title = "Familie Eins-Berg"  # waits in the outbox as a change of a row the new server lacks
            laptop.cases.update(case)

            assert reconnect.check_server(laptop.db, second, reconnect=True)  # queued; the laptop dies here
            assert reconnect.resolve_resends(laptop.db, second) == 0  # decided; dies again
            result = sync.sync(laptop.db, second)  # a plain sync goes on: the server is known now
            assert (result.pushed, result.conflicts) == (1, 0)
            assert _titles(second) == ["Familie Eins-Berg"]
            assert conflicts.list_conflicts(laptop.db) == []
            assert dump_laptop(laptop) == dump_server(second)
            assert sync.sync(laptop.db, second).pushed == 0
            assert _titles(first) == ["Familie Eins"]  # the old server got nothing more
    finally:
        first.dispose()
        second.dispose()


def test_a_complete_case_reaches_an_empty_new_server_whole_and_a_moved_one_unchanged(
        pg_server: PgServer, tmp_path: Path) -> None:
    first, first_name = server_engine(pg_server)
    second, _second_name = server_engine(pg_server)
    moved: Engine | None = None
    try:
        with _team_laptop(tmp_path / "laptop", first) as laptop:
            build_complete_case(laptop)
            _case, final = build_complete_case(laptop)
            laptop.agreements.finalise(final)
            sync.sync(laptop.db, first)
            first.dispose()
            with psycopg.connect(pg_server.dsn(), autocommit=True) as conn:  # the agency moves its database
                conn.execute(f'CREATE DATABASE "{first_name}_neu" TEMPLATE "{first_name}"')
            moved = create_engine(pg_server.url(f"{first_name}_neu"))

            assert sync.sync(laptop.db, second, reconnect=True).reconnected
            assert dump_laptop(laptop) == dump_server(second) == dump_server(first)
            result = sync.sync(laptop.db, moved, reconnect=True)  # every row there already, equal
            assert (result.reconnected, result.pushed, result.conflicts) == (True, 0, 0)
            assert dump_laptop(laptop) == dump_server(moved) == dump_server(first)
            assert conflicts.list_conflicts(laptop.db) == []
    finally:
        first.dispose()
        second.dispose()
        if moved is not None:
            moved.dispose()
