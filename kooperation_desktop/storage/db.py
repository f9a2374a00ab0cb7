"""The SQLite engine (WAL, foreign keys, synchronous=FULL) and Alembic migration to head.

With a ``key`` the engine opens an SQLCipher 4 database (``sqlcipher3``; the raw 256-bit key is
given as ``PRAGMA key = "x'…'"``, see :mod:`kooperation_desktop.protection.keys`)."""

from __future__ import annotations

import ast
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.pool import QueuePool

# re-exported: the file name and the engine's raw connection
from .files import DB_FILENAME as DB_FILENAME
from .files import cipher_connect as cipher_connect

if TYPE_CHECKING:
    from alembic.config import Config

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
        # 32 MiB of decrypted pages (SQLCipher's default: 8): at 50,000 cases a search as you type reads the
        # search-text index (~8 MiB) and the trigram index on every keystroke; with the smaller cache each
        # keystroke decrypted them again (benchmarks/bench_search.py: a one-letter keystroke 27 → 8 ms CPU)
        cursor.execute("PRAGMA cache_size=-32768")
    finally:
        cursor.close()


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


# tables the database keeps beside the rows, not described by them: the trigram search index of the cases
# (migration 0018: an FTS5 table and its shadow tables), written only by triggers
NOT_MODELLED_PREFIX = "cases_search"


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic's filter for comparing the models with a database: the index tables are not rows."""
    return not (type_ == "table" and (name or "").startswith(NOT_MODELLED_PREFIX))


def alembic_config() -> Config:
    """Alembic configuration built in code (no alembic.ini), migrations inside the package."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", SCRIPT_LOCATION)
    return cfg


VERSIONS_DIR = Path(__file__).parent / "migrations" / "versions"


@cache
def head_revisions() -> frozenset[str]:
    """The revisions no other migration builds on, read from the migration files themselves
    (without importing Alembic, which costs a quarter of a second at every start)."""
    revisions, parents = _revision_graph()
    return revisions - parents


@cache
def known_revisions() -> frozenset[str]:
    """Every revision of this program's migration files (a database at another one was migrated by
    a newer version of the program)."""
    return _revision_graph()[0]


@cache
def _revision_graph() -> tuple[frozenset[str], frozenset[str]]:
    """(the migration files' revisions, the revisions another one builds on)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in VERSIONS_DIR.glob("*.py"):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not isinstance(node, (ast.Assign, ast.AnnAssign)) or node.value is None:
                continue
            target = node.target if isinstance(node, ast.AnnAssign) else (
                node.targets[0] if len(node.targets) == 1 else None)
            if not isinstance(target, ast.Name):
                continue
            if target.id == "revision":
                revisions.add(ast.literal_eval(node.value))
            elif target.id == "down_revision":
                down = ast.literal_eval(node.value)
                parents.update([down] if isinstance(down, str) else (down or ()))
    return frozenset(revisions), frozenset(parents)


def schema_is_current(engine: Engine) -> bool:
    """True when the database is already at every head revision (nothing to migrate)."""
    try:
        with engine.connect() as connection:
            stored = {row[0] for row in connection.execute(text("SELECT version_num FROM alembic_version"))}
    except (OperationalError, ProgrammingError):  # a new, empty database has no alembic_version table yet
        return False
    heads = head_revisions()
    return bool(heads) and stored == heads


def upgrade_to_head(engine: Engine) -> None:
    """Create or upgrade the schema to the newest migration (Alembic is only loaded when there
    is something to do)."""
    if schema_is_current(engine):
        return
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        # "heads": feature branches of the migration tree (each with down_revision on the
        # last shared revision) are all applied; a merge revision joins them later.
        command.upgrade(cfg, "heads")
