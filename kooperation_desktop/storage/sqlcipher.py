"""The SQL of the database file's protection on a raw DB-API connection (sqlcipher3 or sqlite3):
integrity check, row counts, WAL checkpoint, encrypted copy (``sqlcipher_export``) and re-key.

What is done when (and what a failure means to the user) stays in
:mod:`kooperation_desktop.protection`. Light to import (no SQLAlchemy): the unlock at start uses it.
Keys go into the SQL as hex only (``"x'…'"``) and are never logged."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol


class Rows(Protocol):
    """A DB-API cursor as sqlite3 and sqlcipher3 return it (a row's values are whatever SQLite holds)."""

    def __iter__(self) -> Iterator[tuple[Any, ...]]: ...

    def fetchone(self) -> tuple[Any, ...]: ...


class Connection(Protocol):
    def execute(self, sql: str, parameters: tuple[Any, ...] = ..., /) -> Rows: ...


def plain_connect(db_path: Path) -> Any:
    """A raw sqlcipher3 connection on the unencrypted file ``db_path``, SQLCipher's own log silenced."""
    import sqlcipher3

    conn = sqlcipher3.connect(str(db_path))
    conn.execute("PRAGMA cipher_log_level = NONE")
    return conn


def count_schema_entries(conn: Connection) -> int:
    """Reads the schema: the first access to the file, raises ``sqlcipher3.DatabaseError``
    (SQLITE_NOTADB) when the key does not fit."""
    return int(conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])


def table_counts(conn: Connection) -> dict[str, int]:
    """The number of rows of every table (SQLite's own tables left out)."""
    names: list[str] = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
    return {n: int(conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0]) for n in names}


def integrity_ok(conn: Connection) -> bool:
    """SQLite's ``PRAGMA integrity_check`` says "ok"."""
    return bool(conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok")


def checkpoint(conn: Connection) -> None:
    """Fold the write-ahead log into the database file and empty it."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def export_to(conn: Connection, target: Path, key: bytes) -> None:
    """Copy the database of ``conn`` into the new SQLCipher file ``target`` encrypted with ``key``
    (``sqlcipher_export``), its schema version (``user_version``) included."""
    user_version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.execute(f"ATTACH DATABASE ? AS target KEY \"x'{key.hex()}'\"", (str(target),))
    conn.execute("SELECT sqlcipher_export('target')")
    conn.execute(f"PRAGMA target.user_version = {int(user_version)}")
    conn.execute("DETACH DATABASE target")


def use_rollback_journal(conn: Connection) -> None:
    """Journal mode DELETE: the file stands alone (no -wal/-shm beside it)."""
    conn.execute("PRAGMA journal_mode=DELETE")


def rekey(conn: Connection, key: bytes) -> None:
    """Re-encrypt the whole file with ``key`` (``PRAGMA rekey``, one transaction)."""
    conn.execute(f"PRAGMA rekey = \"x'{key.hex()}'\"")
