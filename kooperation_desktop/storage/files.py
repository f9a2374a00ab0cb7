"""The database file and its raw SQLCipher connection, without SQLAlchemy.

Kept apart from :mod:`.db` so the start (is there a database? is it encrypted? unlock it) does not
load SQLAlchemy before the first window is on the screen."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DB_FILENAME = "kooperation.sqlite"


@dataclass
class KeyState:
    """The unlocked database key of an open database (only in memory, while the app runs)."""

    data_dir: Path
    db_key: bytes = field(repr=False)
    # set when this opening made a recovery key (new key file, or the last one was never confirmed
    # as noted): to be shown, then confirm_recovery_key() once the user has noted it
    new_recovery_key: str | None = field(default=None, repr=False)
    migrated_from_plain: bool = False

    def current_key(self) -> bytes:
        return self.db_key


def cipher_connect(db_path: Path, key: bytes) -> Any:
    """A raw sqlcipher3 connection on ``db_path`` keyed with ``key`` (32 bytes), SQLCipher's own
    log silenced (a wrong key would print to stderr)."""
    import sqlcipher3

    conn = sqlcipher3.connect(str(db_path), check_same_thread=False)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn


def integrity(db_path: Path, key: bytes) -> str:
    """SQLite's ``PRAGMA integrity_check`` of the database file ("ok" when intact)."""
    conn = cipher_connect(db_path, key)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()
