"""Opening the encrypted database: first set-up, unlock, migration of a plain database from an
earlier version, change of password (a real re-key of the file) and the recovery key.

Used by :func:`kooperation_desktop.protection.opener.open_database`; the UI and the command line
call :func:`database_state` to decide between "set a password" and "unlock". Light to import (no
SQLAlchemy): the start needs it before the first window is on the screen.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from ..storage import sqlcipher
from ..storage.files import DB_FILENAME, KeyState, cipher_connect
from . import keys
from .keys import (
    ENV_PASSPHRASE,
    KeyFile,
    KeyFileDamaged,
    PassphraseRequired,
    ProtectionError,
    WrongPassphrase,
    fsync_dir,
    key_path,
    new_key_file,
    password_problems,
    read_key_file,
    write_key_file,
)

if TYPE_CHECKING:
    from ..storage.database import Database

State = Literal["new", "plain", "encrypted"]
_SQLITE_HEADER = b"SQLite format 3\x00"


def db_path(data_dir: Path) -> Path:
    return Path(data_dir) / DB_FILENAME


def _is_plain(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(16) == _SQLITE_HEADER
    except FileNotFoundError:
        return False


def database_state(data_dir: Path) -> State:
    """"new" (nothing there yet: set a password), "plain" (an unencrypted database of an earlier
    version: set a password, it gets encrypted) or "encrypted" (unlock)."""
    data_dir = Path(data_dir)
    if key_path(data_dir).exists():
        return "encrypted"
    db = db_path(data_dir)
    if db.exists() and db.stat().st_size > 0:
        if _is_plain(db):
            return "plain"
        raise KeyFileDamaged(
            f"Die Datenbank ist verschlüsselt, aber die Schlüsseldatei „{key_path(data_dir).name}“ fehlt. "
            "Bitte aus einer Datensicherung wiederherstellen oder die IT-Betreuung fragen.")
    return "new"


def resolve_passphrase(passphrase: str | None) -> str | None:
    if passphrase is not None:
        return passphrase
    return os.environ.get(ENV_PASSPHRASE) or None


def unlock(data_dir: Path, passphrase: str | None) -> KeyState:
    """The key of the database in ``data_dir``: set up a new encrypted one, encrypt a plain one,
    or unlock with the password or the recovery key. ``passphrase`` None: the environment
    variable KOOPERATION_PASSPHRASE (for scripts and the command line)."""
    data_dir = Path(data_dir)
    state = database_state(data_dir)
    passphrase = resolve_passphrase(passphrase)
    if passphrase is None:
        if state == "encrypted":
            raise PassphraseRequired("Die Daten sind verschlüsselt. Bitte das Passwort eingeben "
                                     f"(für Skripte: Umgebungsvariable {ENV_PASSPHRASE}).")
        raise PassphraseRequired("Bitte zuerst ein Passwort festlegen, mit dem die Daten verschlüsselt werden "
                                 f"(für Skripte: Umgebungsvariable {ENV_PASSPHRASE}).")
    if state in ("new", "plain"):
        kf, db_key, recovery = new_key_file(passphrase)
        if state == "plain":
            _encrypt_plain(data_dir, kf, db_key)
        else:
            write_key_file(data_dir, kf)
        return KeyState(data_dir, db_key, new_recovery_key=recovery, migrated_from_plain=state == "plain")
    kf = read_key_file(data_dir)
    found = kf.unwrap(passphrase)
    db = db_path(data_dir)
    migrated = False
    if not db.exists() or db.stat().st_size == 0:
        index, key = found[0]
    elif _is_plain(db):  # a crash after writing the key file, before the encrypted copy replaced it
        index, key = found[0]
        _encrypt_plain(data_dir, kf, key)
        migrated = True
    else:
        for candidate in found:
            if _opens(db, candidate[1]):
                index, key = candidate
                break
        else:
            raise WrongPassphrase("Mit diesem Passwort lässt sich die Datenbank nicht öffnen. Bitte das aktuelle "
                                  "Passwort oder den Wiederherstellungsschlüssel eingeben.")
    return KeyState(data_dir, key, new_recovery_key=_settle_key_file(data_dir, kf, index, key, passphrase),
                    migrated_from_plain=migrated)


def _settle_key_file(data_dir: Path, kf: KeyFile, index: int, key: bytes, passphrase: str) -> str | None:
    """After a successful unlock: finish an interrupted change of password (keep the entry that
    opened the database), re-wrap a password entry made with a lower scrypt cost, and renew a
    recovery key nobody confirmed to have noted (it may never have been shown: a crash right
    after the key file was written). Returns that new recovery key, to be shown."""
    changed = False
    if len(kf.entries) > 1:
        kf.entries = [kf.entries[index]]
        changed = True
    via_recovery = kf.is_recovery_key(passphrase)
    if kf.below_cost() and not via_recovery:
        kf.kdf = {"n": keys.SCRYPT_N, "r": keys.SCRYPT_R, "p": keys.SCRYPT_P}
        kf.entries = [kf.wrap(key, passphrase)]
        changed = True
    recovery = None
    if not kf.recovery_confirmed:
        if via_recovery:  # whoever typed it has it
            kf.recovery_confirmed = True
        else:
            recovery = kf.set_recovery_key(key)
        changed = True
    if changed:
        write_key_file(data_dir, kf)
    return recovery


def confirm_recovery_key(data_dir: Path) -> None:
    """The user confirmed that the recovery key shown last was noted (printed): it is not
    renewed at the next start any more."""
    kf = read_key_file(data_dir)
    if not kf.recovery_confirmed:
        kf.recovery_confirmed = True
        write_key_file(data_dir, kf)


def check_passphrase(data_dir: Path, passphrase: str) -> bool:
    """True if ``passphrase`` (password or recovery key) unlocks the data (e.g. on the lock screen)."""
    try:
        read_key_file(data_dir).unwrap(passphrase)
    except WrongPassphrase:
        return False
    return True


def _opens(db: Path, key: bytes) -> bool:
    import sqlcipher3

    conn = cipher_connect(db, key)
    try:
        sqlcipher.count_schema_entries(conn)
        return True
    except sqlcipher3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorname", "SQLITE_NOTADB") == "SQLITE_NOTADB":
            return False  # a wrong key: SQLCipher's check of the first page failed
        _raise_open_problem(db, exc)
        raise
    finally:
        conn.close()


def _raise_open_problem(db: Path, exc: BaseException) -> None:
    """Opening failed for another reason than a wrong key: a full disk (the -wal/-shm files
    cannot be made) or a damaged, unreadable file — never reported as a wrong password."""
    from .space import OPEN_NEEDS, DiskFull, free_bytes, is_disk_full

    if is_disk_full(exc) or free_bytes(db.parent) < OPEN_NEEDS:
        raise DiskFull(OPEN_NEEDS, db.parent) from exc
    raise ProtectionError(f"Die Datenbank „{db}“ lässt sich nicht lesen ({exc}). Bitte die IT-Betreuung "
                          "fragen oder eine Datensicherung wiederherstellen.") from exc


def export_encrypted(source: Path, source_key: bytes | None, target: Path, target_key: bytes) -> dict[str, int]:
    """Copy the database ``source`` (plain if ``source_key`` is None) into a new SQLCipher file
    ``target`` encrypted with ``target_key`` (sqlcipher_export), verify it (integrity check and
    row counts of every table) and return the row counts."""
    target.unlink(missing_ok=True)
    src = sqlcipher.plain_connect(source) if source_key is None else cipher_connect(source, source_key)
    try:
        sqlcipher.checkpoint(src)
        counts = sqlcipher.table_counts(src)
        sqlcipher.export_to(src, target, target_key)
    finally:
        src.close()
    check = cipher_connect(target, target_key)
    try:
        if not sqlcipher.integrity_ok(check) or sqlcipher.table_counts(check) != counts:
            raise ProtectionError("Die verschlüsselte Kopie der Datenbank ließ sich nicht prüfen; "
                                  "es wurde nichts verändert.")
        sqlcipher.use_rollback_journal(check)  # one self-contained file
    finally:
        check.close()
    with open(target, "rb+") as f:
        os.fsync(f.fileno())
    return counts


def _encrypt_plain(data_dir: Path, kf: KeyFile, db_key: bytes) -> None:
    """Replace the plain database by an encrypted copy with the same content.

    Order (crash-safe): encrypted copy written and verified → key file written → copy renamed over
    the plain file. A crash before the rename leaves key file + plain database, which the next
    unlock encrypts again. The plain file's bytes are overwritten with zeros afterwards (POSIX)."""
    import sqlite3  # here: the password dialog at start does not need it

    db = db_path(data_dir)
    with sqlite3.connect(db) as plain:  # fold a WAL of the earlier version into the file
        sqlcipher.checkpoint(plain)
    plain.close()
    tmp = db.with_name(f".{db.name}.{os.urandom(4).hex()}.encrypting")
    try:
        export_encrypted(db, None, tmp, db_key)
        write_key_file(data_dir, kf)
        for suffix in ("-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        old_fd = os.open(db, os.O_RDWR) if os.name != "nt" else None
        try:
            os.replace(tmp, db)
            fsync_dir(db.parent)
            if old_fd is not None:  # the plain file's inode, now unlinked: overwrite what it held
                size = os.fstat(old_fd).st_size
                os.lseek(old_fd, 0, os.SEEK_SET)
                for start in range(0, size, 1 << 20):
                    os.write(old_fd, b"\0" * min(1 << 20, size - start))
                os.fsync(old_fd)
        finally:
            if old_fd is not None:
                os.close(old_fd)
    finally:
        tmp.unlink(missing_ok=True)


def _key_state(db: Database) -> KeyState:
    if db.key_state is None:
        raise ProtectionError("Diese Datenbank ist nicht verschlüsselt geöffnet.")
    return db.key_state


def change_password(db: Database, old: str, new: str) -> None:
    """Re-key the database: a new random database key, wrapped by the ``new`` password and sealed
    for the (unchanged) recovery key. ``old`` may be the current password or the recovery key.

    Crash-safe: the key file first holds the old and the new entry, then the file is re-keyed
    (PRAGMA rekey, one transaction), then the old entry is dropped."""
    state = _key_state(db)
    problems = password_problems(new)
    if problems:
        raise ProtectionError(" ".join(problems))
    kf = read_key_file(state.data_dir)
    kf.unwrap(old)  # WrongPassphrase if wrong
    new_key = os.urandom(32)
    entry = kf.wrap(new_key, new)
    kf.entries = [*kf.entries, entry]
    write_key_file(state.data_dir, kf)
    db.engine.dispose()  # no pooled connection keeps the old key
    conn = cipher_connect(db_path(state.data_dir), state.db_key)
    try:
        sqlcipher.rekey(conn, new_key)
    finally:
        conn.close()
    state.db_key = new_key
    kf.entries = [entry]
    write_key_file(state.data_dir, kf)


def renew_recovery_key(db: Database, passphrase: str) -> str:
    """A new recovery key (the old one stops working); ``passphrase``: the current password or
    recovery key. Returns the new key, to be shown; it counts as not noted (and is renewed at the
    next start) until :func:`confirm_recovery_key`."""
    state = _key_state(db)
    kf = read_key_file(state.data_dir)
    kf.unwrap(passphrase)  # WrongPassphrase if wrong
    recovery = kf.set_recovery_key(state.db_key)
    write_key_file(state.data_dir, kf)
    return recovery
