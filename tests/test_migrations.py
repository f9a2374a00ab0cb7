"""The Alembic migrations and the ORM rows describe the same schema, and an empty folder is
migrated to head at start."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect

from kooperation_desktop.services import Services
from kooperation_desktop.storage.db import alembic_config, include_name, make_engine, upgrade_to_head
from kooperation_desktop.storage.rows import Base


def test_upgrade_from_empty_creates_every_table(tmp_path: Path):
    engine = make_engine(tmp_path / "empty.sqlite")
    try:
        upgrade_to_head(engine)
        tables = set(inspect(engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
        heads = set(ScriptDirectory.from_config(alembic_config()).get_heads())
        with engine.connect() as conn:
            assert set(MigrationContext.configure(conn).get_current_heads()) == heads
    finally:
        engine.dispose()


def test_models_and_migrations_agree(tmp_path: Path):
    engine = make_engine(tmp_path / "schema.sqlite")
    try:
        upgrade_to_head(engine)
        with engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"compare_type": True, "render_as_batch": True,
                                                               "include_name": include_name})
            assert compare_metadata(ctx, Base.metadata) == []
    finally:
        engine.dispose()


def test_open_migrates_and_second_open_is_harmless(tmp_path: Path):
    data = tmp_path / "neu" / "daten"
    with Services.open(data) as services:
        services.cases.create("Familie Erst")
    assert (data / "kooperation.sqlite").exists()
    with Services.open(data) as services:
        assert [c.title for c in services.cases.list()] == ["Familie Erst"]


@pytest.mark.slow  # new Pythons, each opening a folder
def test_start_skips_alembic_only_when_the_schema_is_at_every_head(tmp_path) -> None:
    """Opening an up-to-date database must not load Alembic (a quarter second at every start),
    but a database one migration behind must still be upgraded."""
    import subprocess
    import sys

    from kooperation_desktop.storage.db import head_revisions, schema_is_current

    assert head_revisions() == frozenset(ScriptDirectory.from_config(alembic_config()).get_heads())
    engine = make_engine(tmp_path / "k.sqlite")
    try:
        assert not schema_is_current(engine)  # empty file
        upgrade_to_head(engine)
        assert schema_is_current(engine)
        with engine.begin() as conn:  # pretend one head is missing: the next start must migrate
            one = sorted(head_revisions())[0]
            conn.exec_driver_sql("DELETE FROM alembic_version WHERE version_num = ?", (one,))
        assert not schema_is_current(engine)
    finally:
        engine.dispose()
    probe = ("import sys; from pathlib import Path; from kooperation_desktop.storage.db import make_engine, "
             "upgrade_to_head; e = make_engine(Path(sys.argv[1])); upgrade_to_head(e); "
             "print('alembic' in sys.modules)")
    fresh = tmp_path / "fresh.sqlite"
    first = subprocess.run([sys.executable, "-c", probe, str(fresh)], capture_output=True, text=True, check=True)
    again = subprocess.run([sys.executable, "-c", probe, str(fresh)], capture_output=True, text=True, check=True)
    assert (first.stdout.strip(), again.stdout.strip()) == ("True", "False")


# --- the same migrations on PostgreSQL (team mode: the agency's server) ---


def test_postgresql_upgraded_to_head_has_the_models_tables_and_columns(pg_server) -> None:
    engine = create_engine(pg_server.url(pg_server.create_database()))
    try:
        upgrade_to_head(engine)
        assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())
        with engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(ctx, Base.metadata) == []
            heads = set(ScriptDirectory.from_config(alembic_config()).get_heads())
            assert set(MigrationContext.configure(conn).get_current_heads()) == heads
        upgrade_to_head(engine)  # a second run is harmless
    finally:
        engine.dispose()


def test_postgresql_audit_log_refuses_update_delete_and_truncate(pg_server) -> None:
    name = pg_server.create_database()
    engine = create_engine(pg_server.url(name))
    try:
        upgrade_to_head(engine)
    finally:
        engine.dispose()
    with psycopg.connect(pg_server.dsn(name), autocommit=True) as conn:
        conn.execute("""INSERT INTO audit_log (at, "user", action, entity_type, entity_id, case_id)
                        VALUES (now(), 'a', 'create', 'case', 1, 1)""")
        for sql in ("UPDATE audit_log SET action = 'x'", "DELETE FROM audit_log", "TRUNCATE audit_log"):
            with pytest.raises(psycopg.errors.RaiseException, match="append-only"):
                conn.execute(sql)
        assert conn.execute("SELECT action FROM audit_log").fetchall() == [("create",)]
