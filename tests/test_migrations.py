"""The Alembic migrations and the ORM rows describe the same schema, and an empty folder is
migrated to head at start."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from kooperation_desktop.services import Services
from kooperation_desktop.storage.db import alembic_config, make_engine, upgrade_to_head
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
            ctx = MigrationContext.configure(conn, opts={"compare_type": True, "render_as_batch": True})
            assert compare_metadata(ctx, Base.metadata) == []
    finally:
        engine.dispose()


def test_open_migrates_and_second_open_is_harmless(tmp_path: Path):
    data = tmp_path / "neu" / "daten"
    with Services.open(data) as services:
        services.create_case("Familie Erst")
    assert (data / "kooperation.sqlite").exists()
    with Services.open(data) as services:
        assert [c.title for c in services.list_cases()] == ["Familie Erst"]
