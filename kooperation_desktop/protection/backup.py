"""Backup and restore: one encrypted file with everything.

File layout (``.kdsich``)::

    b"KOOPERATION-BACKUP\\n"            magic
    4 bytes big-endian: header length
    header (JSON, no client data): format version, creation time, SHA-256 and size of the
        database part, the key file (the wrapped database key: password entry and recovery seal)
    the database: an SQLCipher copy (sqlcipher_export), encrypted with the database key

So the backup opens with the password that was valid when it was made, or with the recovery key.
It is written atomically (temporary file in the target folder, fsync, rename) and verified before
the rename: read back, checksum, decrypted, ``PRAGMA integrity_check`` and the row count of every
table compared with the live database.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import secrets
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..storage.db import cipher_connect
from .folder import FolderLock
from .keys import KeyFile, ProtectionError, fsync_dir, read_key_file, write_key_file
from .vault import _table_counts, db_path, export_encrypted

if TYPE_CHECKING:
    from ..services import Services

MAGIC = b"KOOPERATION-BACKUP\n"
FORMAT_VERSION = 1
SUFFIX = ".kdsich"


class BackupError(ProtectionError):
    """The backup file cannot be written, read or verified (German message)."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created_at: dt.datetime
    table_counts: dict[str, int]


def suggested_name(today: dt.date | None = None) -> str:
    """A file name without client data, e.g. ``kooperation-sicherung-2026-11-26.kdsich``."""
    return f"kooperation-sicherung-{(today or dt.date.today()).isoformat()}{SUFFIX}"


def _read(path: Path) -> tuple[dict[str, Any], bytes]:
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise BackupError(f"Die Sicherungsdatei „{path}“ gibt es nicht.") from None
    if not data.startswith(MAGIC) or len(data) < len(MAGIC) + 4:
        raise BackupError(f"„{Path(path).name}“ ist keine Datensicherung von Kooperation Desktop.")
    (length,) = struct.unpack(">I", data[len(MAGIC):len(MAGIC) + 4])
    start = len(MAGIC) + 4
    try:
        header = json.loads(data[start:start + length].decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise BackupError("Die Sicherungsdatei ist beschädigt (Kopfdaten unlesbar).") from None
    body = data[start + length:]
    if header.get("version") != FORMAT_VERSION:
        raise BackupError("Diese Sicherungsdatei stammt aus einer neueren Programmversion.")
    if len(body) != header.get("db_size") or hashlib.sha256(body).hexdigest() != header.get("db_sha256"):
        raise BackupError("Die Sicherungsdatei ist beschädigt oder unvollständig (Prüfsumme falsch).")
    return header, body


def _verify_db_bytes(body: bytes, key: bytes, folder: Path) -> dict[str, int]:
    tmp = folder / f".kooperation-verify-{secrets.token_hex(4)}.tmp"  # encrypted bytes only
    try:
        tmp.write_bytes(body)
        conn = cipher_connect(tmp, key)
        try:
            if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise BackupError("Die gesicherte Datenbank ist beschädigt.")
            return _table_counts(conn)
        finally:
            conn.close()
    except BackupError:
        raise
    except Exception as exc:
        raise BackupError("Die gesicherte Datenbank ließ sich nicht entschlüsseln.") from exc
    finally:
        tmp.unlink(missing_ok=True)


def create_backup(services: Services, out: Path) -> BackupInfo:
    """Write the backup of everything to ``out`` (atomically, verified)."""
    from . import audit

    out = Path(out)
    if out.is_dir():
        raise BackupError(f"„{out}“ ist ein Ordner. Bitte einen Dateinamen angeben, z. B. {out / suggested_name()}.")
    if not out.parent.is_dir():
        raise BackupError(f"Den Ordner „{out.parent}“ gibt es nicht.")
    state = services.key_state
    data_dir = Path(services.data_dir)
    # record first, so the backup contains its own audit entry
    audit.AuditService(services).record(audit.BACKUP, "database")
    db_copy = data_dir / f".kooperation-backup-{secrets.token_hex(4)}.tmp"
    tmp = out.with_name(f".{out.name}.{secrets.token_hex(4)}.tmp")
    try:
        counts = export_encrypted(db_path(data_dir), state.db_key, db_copy, state.db_key)
        body = db_copy.read_bytes()
        created = dt.datetime.now(dt.UTC).replace(microsecond=0)
        header = json.dumps({
            "format": "kooperation-desktop-backup", "version": FORMAT_VERSION,
            "created_at": created.isoformat(), "db_size": len(body),
            "db_sha256": hashlib.sha256(body).hexdigest(),
            "keys": json.loads(read_key_file(data_dir).to_json()),
        }).encode("utf-8")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(MAGIC + struct.pack(">I", len(header)) + header + body)
            f.flush()
            os.fsync(f.fileno())
        _header, read_back = _read(tmp)
        if _verify_db_bytes(read_back, state.db_key, data_dir) != counts:
            raise BackupError("Die Datensicherung ließ sich nach dem Schreiben nicht bestätigen.")
        os.replace(tmp, out)
        fsync_dir(out.parent)
    finally:
        db_copy.unlink(missing_ok=True)
        tmp.unlink(missing_ok=True)
    return BackupInfo(out, created, counts)


def restore_backup(backup: Path, data_dir: Path, passphrase: str) -> BackupInfo:
    """Restore ``backup`` into the empty ``data_dir``; ``passphrase``: the password valid when
    the backup was made, or the recovery key. Afterwards ``Services.open(data_dir, passphrase)``."""
    data_dir = Path(data_dir)
    header, body = _read(Path(backup))
    if db_path(data_dir).exists() or (data_dir / "kooperation.keys").exists():
        raise BackupError(f"Im Datenordner „{data_dir}“ liegen schon Daten. Eine Sicherung wird nur in einen "
                          "leeren Datenordner wiederhergestellt.")
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    kf = KeyFile.from_json(json.dumps(header["keys"]))
    found = kf.unwrap(passphrase)  # WrongPassphrase
    tmp = data_dir / f".kooperation-restore-{secrets.token_hex(4)}.tmp"
    try:
        for index, key in found:
            try:
                counts = _verify_db_bytes(body, key, data_dir)
            except BackupError:
                continue
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as f:
                f.write(body)
                f.flush()
                os.fsync(f.fileno())
            kf.entries = [kf.entries[index]]
            write_key_file(data_dir, kf)
            os.replace(tmp, db_path(data_dir))
            fsync_dir(data_dir)
            created = dt.datetime.fromisoformat(header["created_at"])
            return BackupInfo(Path(backup), created, counts)
    finally:
        tmp.unlink(missing_ok=True)
    raise BackupError("Die gesicherte Datenbank ließ sich mit diesem Passwort nicht entschlüsseln.")


def restore_and_record(backup: Path, data_dir: Path, passphrase: str, lock: FolderLock | None = None) -> BackupInfo:
    """Restore, open once and record the restore in the audit trail; the data folder is locked
    throughout (``lock``: one the caller holds and keeps on failure)."""
    from ..services import Services
    from . import audit

    held = lock
    if held is None:
        Path(data_dir).mkdir(mode=0o700, parents=True, exist_ok=True)
        held = FolderLock(data_dir).acquire()
    try:
        info = restore_backup(backup, data_dir, passphrase)
        with Services.open(data_dir, passphrase, lock=held) as services:
            audit.AuditService(services).record(audit.RESTORE, "database")
    finally:
        if lock is None:
            held.release()
    return info


def restore_replacing(services: Services, backup: Path, passphrase: str) -> Path:
    """Restore ``backup`` in place of the data of the open ``services`` (which gets closed).

    The current database and key file are moved (still encrypted) into a sub-folder
    ``vor-wiederherstellung-JJJJMMTT-HHMMSS`` of the data folder first, and moved back if the
    restore fails. Returns that folder. The app must open the data folder again afterwards."""
    _read(Path(backup))  # a damaged or foreign file is refused before anything moves
    data_dir = Path(services.data_dir)
    lock = services.handover_lock()  # nobody else opens the folder while its files are moved
    services.close()
    try:
        return _restore_in_place(data_dir, Path(backup), passphrase, lock)
    finally:
        if lock is not None:
            lock.release()


def _restore_in_place(data_dir: Path, backup: Path, passphrase: str, lock: FolderLock | None) -> Path:
    aside = data_dir / f"vor-wiederherstellung-{dt.datetime.now().strftime('%Y%m%d-%H%M%S')}"
    aside.mkdir(mode=0o700)
    moved = []
    for name in ("kooperation.sqlite", "kooperation.sqlite-wal", "kooperation.sqlite-shm", "kooperation.keys"):
        if (data_dir / name).exists():
            os.replace(data_dir / name, aside / name)
            moved.append(name)
    try:
        restore_and_record(backup, data_dir, passphrase, lock)
    except BaseException:
        for name in ("kooperation.sqlite", "kooperation.keys"):
            (data_dir / name).unlink(missing_ok=True)
        for name in moved:
            os.replace(aside / name, data_dir / name)
        aside.rmdir()
        raise
    return aside
