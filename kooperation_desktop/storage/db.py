"""The SQLite engine (WAL, foreign keys, synchronous=FULL) and Alembic migration to head.

With a ``key`` the engine opens an SQLCipher 4 database (``sqlcipher3``; the raw 256-bit key is
given as ``PRAGMA key = "x'…'"``, see :mod:`kooperation_desktop.protection.keys`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

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
        # deleted rows (a case past retention) are overwritten, not left in free pages
        cursor.execute("PRAGMA secure_delete=ON")
    finally:
        cursor.close()


def cipher_connect(db_path: Path, key: bytes) -> Any:
    """A raw sqlcipher3 connection on ``db_path`` keyed with ``key`` (32 bytes), SQLCipher's own
    log silenced (a wrong key would print to stderr)."""
    import sqlcipher3

    conn = sqlcipher3.connect(str(db_path), check_same_thread=False)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn


def make_engine(db_path: Path, key: bytes | Callable[[], bytes] | None = None) -> Engine:
    """An engine on ``db_path`` with the pragmas set on every new connection.

    ``key``: the SQLCipher database key (or a function returning the current one, so a re-key
    takes effect for new connections); None opens a plain SQLite file."""
    if key is None:
        engine = create_engine(f"sqlite:///{db_path}")
    else:
        import sqlcipher3

        current = key if callable(key) else (lambda: key)
        # the plain pysqlite dialect with sqlcipher3 as its DB-API module (the pysqlcipher
        # dialect would run a second, empty "PRAGMA key" from the URL)
        engine = create_engine("sqlite://", module=sqlcipher3, poolclass=QueuePool,
                               creator=lambda: cipher_connect(db_path, current()))
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
