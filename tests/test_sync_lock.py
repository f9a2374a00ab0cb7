"""The writers' lock of the server's change sequence (issue 14): a writer holds it (shared) from before
its first change number until its commit, so a puller's bound never passes a running write. Since
revision 0022 a statement-level trigger takes it once per statement (not once per row, a push of 1,000
rows was 1,000 lock calls), before the row triggers take their numbers: also for the deletions and
updates a foreign key's ``ON DELETE`` makes on the children."""

from __future__ import annotations

import psycopg
from alembic import command
from pg_server import PgServer
from sqlalchemy import Engine, create_engine, text

from kooperation_desktop.domain.model import Person
from kooperation_desktop.storage.db import alembic_config, upgrade_to_head
from kooperation_desktop.storage.team_changes import LOCK_KEY, synced_tables
from kooperation_desktop.storage.travelling import travelling_tables
from kooperation_desktop.team import sync


def _bound_free(pg: PgServer, db: str) -> bool:
    """A puller could read its bound now (nobody holds the writers' lock)."""
    with psycopg.connect(pg.dsn(db), autocommit=True) as other:
        return bool(other.execute(f"SELECT pg_try_advisory_lock({LOCK_KEY})").fetchone()[0]) and bool(
            other.execute(f"SELECT pg_advisory_unlock({LOCK_KEY})").fetchone()[0])


def _database(engine: Engine) -> str:
    name = engine.url.database
    assert name is not None
    return name


def test_every_kind_of_write_holds_the_writers_lock_until_its_commit(team, pg_server: PgServer) -> None:
    a, _b, server = team
    case = a.cases.create("Familie Lang")
    for n in range(3):
        a.parties.save(Person(case_id=case.id, first_name="Kind", last_name=str(n)))
    sync.sync(a.db, server)
    db = _database(server)
    with server.connect() as conn:
        last = int(conn.execute(text("SELECT max(change_seq) FROM persons")).scalar_one())
    writes = [
        "UPDATE persons SET first_name = 'Kim'",
        "INSERT INTO persons (case_id, first_name, last_name, family_role, is_guardian, row_version) "
        "SELECT id, 'Neu', 'Neu', '', false, 1 FROM cases",
        "DELETE FROM cases",  # the persons go with it (ON DELETE CASCADE): their tombstones
    ]
    for write in writes:
        assert _bound_free(pg_server, db)
        with server.begin() as conn:
            conn.execute(text(write))
            assert not _bound_free(pg_server, db), write  # the puller's bound waits for this commit
        assert _bound_free(pg_server, db)
    with server.connect() as conn:
        tombstones = conn.execute(text(
            "SELECT table_name, count(*), min(seq) FROM sync_tombstones GROUP BY table_name ORDER BY 1")).all()
    assert [(t, n) for t, n, _first in tombstones] == [("cases", 1), ("persons", 4)]
    assert all(first > last for _t, _n, first in tombstones)
    # the other laptop's pull after all of it: the case is gone there too
    sync.sync(a.db, server)
    assert a.cases.list() == []


_OLD_STAMP = f"""
    CREATE OR REPLACE FUNCTION sync_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM pg_advisory_xact_lock_shared({LOCK_KEY});
        NEW.change_seq := nextval('sync_change_seq');
        IF NEW.uuid IS NULL THEN
            NEW.uuid := gen_random_uuid()::text;
        END IF;
        RETURN NEW;
    END $$"""


def test_a_server_at_the_revision_before_takes_the_lock_once_per_statement_after_the_upgrade(
        pg_server: PgServer) -> None:
    db = pg_server.create_database()
    engine = create_engine(pg_server.url(db))
    try:
        config = alembic_config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "0021")
            # what the code before revision 0022 installed: the lock taken by each row
            conn.execute(text(_OLD_STAMP))
            conn.execute(text("DROP FUNCTION sync_lock() CASCADE"))  # (its triggers with it)
        upgrade_to_head(engine)
        with engine.connect() as conn:
            tables = synced_tables(conn)
            assert tables == sorted(t.name for t in travelling_tables())
            locked = set(conn.scalars(text(
                "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE t.tgname = 'sync_lock' AND t.tgtype & 1 = 0")))  # (bit 1 clear: per statement)
            assert locked == set(tables)
            for function in ("sync_stamp", "sync_tombstone"):  # the row triggers only take their numbers
                assert "advisory" not in conn.execute(
                    text(f"SELECT pg_get_functiondef('{function}'::regproc)")).scalar_one()
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO cases (row_version, title, file_number, help_type, status, search_text) "
                              "VALUES (1, 'Fall', 'AZ 1', '', 'open', '')"))
            assert not _bound_free(pg_server, db)
    finally:
        engine.dispose()
