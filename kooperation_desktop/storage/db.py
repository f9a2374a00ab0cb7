"""The SQLite engine (WAL, foreign keys, synchronous=FULL) and Alembic migration to head."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event

DB_FILENAME = "kooperation.sqlite"
SCRIPT_LOCATION = "kooperation_desktop.storage:migrations"


def _set_pragmas(dbapi_connection: Any, connection_record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        # FULL: a laptop may lose power at the kitchen table; a committed edit must survive.
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA busy_timeout=5000")
    finally:
        cursor.close()


def make_engine(db_path: Path) -> Engine:
    """An engine on ``db_path`` with the pragmas set on every new connection."""
    engine = create_engine(f"sqlite:///{db_path}")
    event.listen(engine, "connect", _set_pragmas)
    return engine


def alembic_config() -> Config:
    """Alembic configuration built in code (no alembic.ini), migrations inside the package."""
    cfg = Config()
    cfg.set_main_option("script_location", SCRIPT_LOCATION)
    return cfg


def upgrade_to_head(engine: Engine) -> None:
    """Create or upgrade the schema to the newest migration."""
    cfg = alembic_config()
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        # "heads": feature branches of the migration tree (each with down_revision on the
        # last shared revision) are all applied; a merge revision joins them later.
        command.upgrade(cfg, "heads")
