"""Backup and restore: one encrypted file with everything needed to carry on on another laptop.

File layout (``.kdsich``, format 2)::

    b"KOOPERATION-BACKUP-2\\n"          magic
    4 bytes big-endian: header length
    header (JSON, no client data): format version, creation time, size of the database part
        and of the sealed part, the names of the seal files, the key file (the wrapped database
        key: password entry and recovery seal)
    the database: an SQLCipher copy (sqlcipher_export), encrypted with the database key
    the sealed part: 12-byte nonce + AES-256-GCM (key derived from the database key) of the seal
        files (``siegel/``: the PKCS#12, itself encrypted with the seal password, and the
        certificates); associated data: the SHA-256 of every byte before it (magic, length, header,
        database) — so the GCM tag, keyed by the database key, authenticates all of them
    32 bytes: SHA-256 of everything before

Every byte counts: a damaged file is recognised by the last SHA-256 before any key is derived
("Die Sicherung ist beschädigt"); an intact file whose key entry does not open with the given
password is a wrong password; a file altered on purpose (with a new checksum) fails the GCM tag.

So the backup opens with the password that was valid when it was made, or with the recovery key.
It is written atomically beside the target (never into the data folder, which may be on a full
disk) and verified before it is put in place: the database copy by ``PRAGMA integrity_check`` and
the row counts of every table, the written file by reading it back as a restore would.

Format 1 (magic ``KOOPERATION-BACKUP\\n``, no seal files, header not authenticated) still restores.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import hashlib
import json
import os
import secrets
import shutil
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from ..atomic import write_bytes, write_rendered
from ..paths import guard_target
from ..storage import sqlcipher
from ..storage.db import cipher_connect
from . import audit
from .folder import INFO_FILENAME, LOCK_FILENAME, FolderLock
from .keys import KeyFile, KeyFileDamaged, ProtectionError, fsync_dir, read_key_file, write_key_file
from .opener import open_database
from .space import MB, is_disk_full, require_free
from .vault import db_path, export_encrypted

if TYPE_CHECKING:
    from ..services import Services

MAGIC = b"KOOPERATION-BACKUP-2\n"
MAGIC_V1 = b"KOOPERATION-BACKUP\n"
_MAGIC_STEM = b"KOOPERATION-BACKUP"
FORMAT_VERSION = 2
SUFFIX = ".kdsich"
_TRAILER = 32
_NONCE = 12
_MAX_HEADER = 16 * MB
_HKDF_INFO = b"kooperation-desktop/backup/v2/sealed"
_CHUNK = 1 << 20
NOT_IN_AUDIT_TRAIL = ("Die Sicherung steht nicht im Protokoll, weil auf dem Datenträger der Daten kein Platz "
                      "mehr frei ist. Bitte dort Platz schaffen.")
SEAL_FOLDER = "siegel"  # kooperation_desktop.signing.certs.SEAL_FOLDER (not imported: heavy)


class BackupError(ProtectionError):
    """The backup file cannot be written, read or verified (German message)."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created_at: dt.datetime
    table_counts: dict[str, int]
    notes: tuple[str, ...] = ()  # German hints for the user (the backup itself is fine)


@dataclass
class _Backup:
    """A backup file whose bytes were checked (not yet decrypted)."""

    path: Path
    version: int
    header: dict[str, Any]
    db_offset: int
    db_size: int
    aad: bytes = b""  # SHA-256 of magic, length, header and database (format 2)
    sealed: bytes = b""  # nonce + AES-GCM ciphertext (format 2)
    files: dict[str, bytes] = field(default_factory=dict)  # set once decrypted

    @property
    def seal_files(self) -> list[str]:
        return list(self.header.get("files", []))


def suggested_name(today: dt.date | None = None) -> str:
    """A file name without client data, e.g. ``kooperation-sicherung-2026-11-26.kdsich``."""
    return f"kooperation-sicherung-{(today or dt.date.today()).isoformat()}{SUFFIX}"


def _damaged(what: str) -> BackupError:
    return BackupError(f"Die Sicherung ist beschädigt ({what}); sie lässt sich nicht wiederherstellen. "
                       "Bitte eine andere Sicherung nehmen.")


def _sealed_key(db_key: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_HKDF_INFO).derive(db_key)


def _copy(src: BinaryIO, size: int, *sinks: Any) -> None:
    """Feed ``size`` bytes of ``src`` to each sink's ``update`` or ``write``."""
    left = size
    while left > 0:
        chunk = src.read(min(_CHUNK, left))
        if not chunk:
            raise _damaged("die Datei ist zu kurz")
        for sink in sinks:
            (getattr(sink, "update", None) or sink.write)(chunk)
        left -= len(chunk)


def _near_magic(head: bytes) -> bool:
    """The start of a damaged backup (at most two bytes of the magic differ)?"""
    return any(sum(a != b for a, b in zip(head[:len(m)], m, strict=False)) <= 2 and len(head) >= len(m)
               for m in (MAGIC, MAGIC_V1))


def _inspect(path: Path) -> _Backup:
    """Check every byte of the backup at ``path`` (before any key is derived)."""
    path = Path(path)
    try:
        f = open(path, "rb")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        raise BackupError(f"Die Sicherungsdatei „{path}“ gibt es nicht.") from None
    except IsADirectoryError:
        raise BackupError(f"„{path}“ ist ein Ordner, keine Sicherungsdatei.") from None
    with f:
        size = os.fstat(f.fileno()).st_size
        head = f.read(len(MAGIC) + 4)
        if head.startswith(MAGIC_V1):
            return _inspect_v1(path, f, size)
        if not head.startswith(MAGIC):
            if not _near_magic(head) and not head.startswith(_MAGIC_STEM):
                raise BackupError(f"„{path.name}“ ist keine Datensicherung von Kooperation Desktop.")
            if head.startswith(_MAGIC_STEM + b"-") and size > _TRAILER and _trailer_ok(f, size):
                raise BackupError("Diese Sicherungsdatei stammt aus einer neueren Programmversion.")
            raise _damaged("Dateikennung")
        if size < len(head) + _TRAILER:
            raise _damaged("die Datei ist zu kurz")
        (length,) = struct.unpack(">I", head[len(MAGIC):])
        if length > min(_MAX_HEADER, size):
            raise _damaged("Kopfdaten")
        header_bytes = f.read(length)
        try:
            header = json.loads(header_bytes.decode("utf-8"))
            db_size, sealed_size = int(header["db_size"]), int(header["sealed_size"])
        except (UnicodeDecodeError, ValueError, KeyError, TypeError):
            raise _damaged("Kopfdaten") from None
        db_offset = len(head) + length
        if min(db_size, sealed_size) < 0 or db_offset + db_size + sealed_size + _TRAILER != size:
            raise _damaged("die Länge stimmt nicht")
        whole = hashlib.sha256(head + header_bytes)
        _copy(f, db_size, whole)
        aad = whole.digest()
        sealed = f.read(sealed_size)
        whole.update(sealed)
        if f.read(_TRAILER) != whole.digest():
            raise _damaged("die Prüfsumme stimmt nicht")
        if header.get("version") != FORMAT_VERSION:
            raise BackupError("Diese Sicherungsdatei stammt aus einer neueren Programmversion.")
        return _Backup(path, FORMAT_VERSION, header, db_offset, db_size, aad=aad, sealed=sealed)


def _trailer_ok(f: BinaryIO, size: int) -> bool:
    f.seek(0)
    whole = hashlib.sha256()
    _copy(f, size - _TRAILER, whole)
    return f.read(_TRAILER) == whole.digest()


def _inspect_v1(path: Path, f: BinaryIO, size: int) -> _Backup:
    """Format 1: magic, length, header, database (checksum of the database part only)."""
    f.seek(len(MAGIC_V1))
    raw = f.read(4)
    length = struct.unpack(">I", raw)[0] if len(raw) == 4 else size
    if length > min(_MAX_HEADER, size):
        raise _damaged("Kopfdaten")
    try:
        header = json.loads(f.read(length).decode("utf-8"))
        db_size, db_sha256 = int(header["db_size"]), str(header["db_sha256"])
    except (UnicodeDecodeError, ValueError, KeyError, TypeError):
        raise _damaged("Kopfdaten") from None
    if header.get("version") != 1:
        raise _damaged("Kopfdaten")
    db_offset = len(MAGIC_V1) + 4 + length
    if db_offset + db_size != size:
        raise _damaged("die Länge stimmt nicht")
    db_hash = hashlib.sha256()
    _copy(f, db_size, db_hash)
    if db_hash.hexdigest() != db_sha256:
        raise _damaged("die Prüfsumme stimmt nicht")
    return _Backup(path, 1, header, db_offset, db_size)


def _key_file(backup: _Backup) -> KeyFile:
    try:
        return KeyFile.from_json(json.dumps(backup.header["keys"]))
    except (KeyError, KeyFileDamaged):
        raise _damaged("Schlüsseldaten") from None


def _open_sealed(backup: _Backup, db_key: bytes) -> dict[str, bytes] | None:
    """The seal files of a format-2 backup, or None when ``db_key`` does not authenticate it."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce, ct = backup.sealed[:_NONCE], backup.sealed[_NONCE:]
    try:
        payload = json.loads(AESGCM(_sealed_key(db_key)).decrypt(nonce, ct, backup.aad))
    except (InvalidTag, ValueError):
        return None
    files = {name: base64.b64decode(data) for name, data in payload["files"].items()}
    if sorted(files) != sorted(backup.seal_files):
        return None
    return files


def _seal(files: dict[str, bytes], db_key: bytes, aad: bytes) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    payload = json.dumps({"files": {n: base64.b64encode(d).decode("ascii") for n, d in files.items()}}).encode()
    nonce = secrets.token_bytes(_NONCE)
    return nonce + AESGCM(_sealed_key(db_key)).encrypt(nonce, payload, aad)


def _sealed_size(files: dict[str, bytes]) -> int:
    payload = json.dumps({"files": {n: base64.b64encode(d).decode("ascii") for n, d in files.items()}}).encode()
    return _NONCE + len(payload) + 16


def _seal_files(data_dir: Path) -> dict[str, bytes]:
    """The files of the organisation's seal (``siegel/``), as they are on disk."""
    folder = seal_dir(data_dir)
    if not folder.is_dir():
        return {}
    return {f"{SEAL_FOLDER}/{p.name}": p.read_bytes() for p in sorted(folder.iterdir())
            if p.is_file() and not p.name.startswith(".")}


def seal_dir(data_dir: Path) -> Path:
    return Path(data_dir) / SEAL_FOLDER


def _safe_name(name: str) -> str:
    folder, _, base = name.partition("/")
    if folder != SEAL_FOLDER or not base or "/" in base or "\\" in base or base.startswith("."):
        raise _damaged("Dateiname im Siegel-Teil")
    return base


def _unlock(backup: _Backup, passphrase: str) -> tuple[KeyFile, int, bytes]:
    """(key file, entry index, database key) for ``passphrase``; for format 2 the sealed part is
    decrypted into ``backup.files`` (which authenticates the whole file)."""
    kf = _key_file(backup)
    found = kf.unwrap(passphrase)  # WrongPassphrase: the file is intact, so it is the password
    if backup.version == 1:
        return kf, found[0][0], found[0][1]  # the database itself tells which key (see _restore_db)
    for index, key in found:
        files = _open_sealed(backup, key)
        if files is not None:
            backup.files = files
            return kf, index, key
    raise BackupError("Die Sicherung ist beschädigt oder wurde verändert (die Echtheitsprüfung schlägt fehl); "
                      "sie lässt sich nicht wiederherstellen. Bitte eine andere Sicherung nehmen.")


def _check_db(path: Path, key: bytes) -> dict[str, int] | None:
    """Row counts of the SQLCipher file ``path`` if it opens with ``key`` and is intact, else None."""
    try:
        conn = cipher_connect(path, key)
        try:
            if not sqlcipher.integrity_ok(conn):
                return None
            return sqlcipher.table_counts(conn)
        finally:
            conn.close()
    except Exception:  # noqa: BLE001 - any failure means: not this key / not intact
        return None


def create_backup(services: Services, out: Path) -> BackupInfo:
    """Write the backup of everything (database, key file, seal) to ``out`` (atomically, verified).

    Nothing is written into the data folder: the temporary copy of the database lies beside ``out``."""

    out = Path(out)
    if out.is_dir():
        raise BackupError(f"„{out}“ ist ein Ordner. Bitte einen Dateinamen angeben, z. B. {out / suggested_name()}.")
    if not out.parent.is_dir():
        raise BackupError(f"Den Ordner „{out.parent}“ gibt es nicht.")
    guard_target(out, services.data_dir)  # never over a file of the data folder
    state = services.key_state
    data_dir = Path(services.data_dir)
    db = db_path(data_dir)
    live = sum(p.stat().st_size for p in (db, Path(f"{db}-wal")) if p.exists())
    require_free(out.parent, 2 * live + MB)  # the copy and the backup itself
    notes: tuple[str, ...] = ()
    try:  # record first, so the backup contains its own audit entry
        audit.AuditService(services.db).record(audit.BACKUP, "database")
    except Exception as exc:
        if not is_disk_full(exc):
            raise
        # the data disk is full: the backup elsewhere is what rescues the data, so it goes on
        notes = (NOT_IN_AUDIT_TRAIL,)
    db_copy = out.with_name(f".{out.name}.{secrets.token_hex(4)}.db.tmp")  # encrypted bytes only
    try:
        counts = export_encrypted(db, state.db_key, db_copy, state.db_key)
        files = _seal_files(data_dir)
        created = dt.datetime.now(dt.UTC).replace(microsecond=0)
        header = json.dumps({
            "format": "kooperation-desktop-backup", "version": FORMAT_VERSION,
            "created_at": created.isoformat(), "db_size": db_copy.stat().st_size,
            "sealed_size": _sealed_size(files), "files": sorted(files),
            "keys": json.loads(read_key_file(data_dir).to_json()),
        }).encode("utf-8")
        head = MAGIC + struct.pack(">I", len(header)) + header

        def render(tmp: Path) -> None:
            with open(tmp, "wb") as f, open(db_copy, "rb") as src:
                whole = hashlib.sha256(head)
                f.write(head)
                _copy(src, db_copy.stat().st_size, f, whole)
                sealed = _seal(files, state.db_key, whole.digest())
                whole.update(sealed)
                f.write(sealed + whole.digest())
                f.flush()
                os.fsync(f.fileno())
            check = _inspect(tmp)  # read back: every byte as a restore checks it
            if _open_sealed(check, state.db_key) != files:
                raise BackupError("Die Datensicherung ließ sich nach dem Schreiben nicht bestätigen.")

        write_rendered(out, render)
    finally:
        db_copy.unlink(missing_ok=True)
    return BackupInfo(out, created, counts, notes)


def _has_data(data_dir: Path, seal_files: list[str]) -> bool:
    if db_path(data_dir).exists() or (data_dir / "kooperation.keys").exists():
        return True
    return any((data_dir / SEAL_FOLDER / _safe_name(n)).exists() for n in seal_files)


def restore_backup(backup: Path, data_dir: Path, passphrase: str) -> BackupInfo:
    """Restore ``backup`` into the empty ``data_dir``; ``passphrase``: the password valid when
    the backup was made, or the recovery key. Afterwards ``Services.open(data_dir, passphrase)``.

    A damaged file, a wrong password or a failure on the way leave ``data_dir`` as it was."""
    data_dir = Path(data_dir)
    found = _inspect(Path(backup))  # every byte checked, before any key is derived
    if _has_data(data_dir, found.seal_files):
        raise BackupError(f"Im Datenordner „{data_dir}“ liegen schon Daten. Eine Sicherung wird nur in einen "
                          "leeren Datenordner wiederhergestellt.")
    kf, index, key = _unlock(found, passphrase)  # WrongPassphrase; format 2: authenticated now
    require_free(data_dir, found.db_size + sum(len(d) for d in found.files.values()) + MB)
    created_dir = not data_dir.exists()
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    seal_existed = seal_dir(data_dir).exists()
    tmp = data_dir / f".kooperation-restore-{secrets.token_hex(4)}.tmp"
    written: list[Path] = []
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f, open(found.path, "rb") as src:
            src.seek(found.db_offset)
            _copy(src, found.db_size, f)
            f.flush()
            os.fsync(f.fileno())
        candidates = [(index, key)] if found.version > 1 else kf.unwrap(passphrase)
        for candidate in candidates:
            counts = _check_db(tmp, candidate[1])
            if counts is not None:
                index, key = candidate
                break
        else:
            if found.version > 1:
                raise _damaged("die Datenbank lässt sich nicht lesen")
            raise BackupError("Die gesicherte Datenbank ließ sich mit diesem Passwort nicht entschlüsseln.")
        if found.files:
            seal_dir(data_dir).mkdir(mode=0o700, exist_ok=True)
            for name, data in sorted(found.files.items()):
                target = seal_dir(data_dir) / _safe_name(name)
                written.append(write_bytes(target, data))
        kf.entries = [kf.entries[index]]
        write_key_file(data_dir, kf)
        written.append(data_dir / "kooperation.keys")
        os.replace(tmp, db_path(data_dir))
        fsync_dir(data_dir)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        if not seal_existed and seal_dir(data_dir).is_dir() and not any(seal_dir(data_dir).iterdir()):
            seal_dir(data_dir).rmdir()
        tmp.unlink(missing_ok=True)
        if created_dir and not any(data_dir.iterdir()):
            data_dir.rmdir()
        raise
    created = dt.datetime.fromisoformat(found.header["created_at"])
    return BackupInfo(Path(backup), created, counts)


def restore_and_record(backup: Path, data_dir: Path, passphrase: str, lock: FolderLock | None = None) -> BackupInfo:
    """Restore, open once and record the restore in the audit trail; the data folder is locked
    throughout (``lock``: one the caller holds and keeps on failure)."""

    held = lock
    created_dir = not Path(data_dir).exists()
    if held is None:
        Path(data_dir).mkdir(mode=0o700, parents=True, exist_ok=True)
        held = FolderLock(data_dir).acquire()
    try:
        info = restore_backup(backup, data_dir, passphrase)
        with open_database(data_dir, passphrase, lock=held) as db:
            audit.AuditService(db).record(audit.RESTORE, "database")
    except BaseException:
        if lock is None:
            held.release()
            if created_dir:  # a refused restore leaves no folder behind (only the lock's own files)
                for name in (LOCK_FILENAME, INFO_FILENAME):
                    (Path(data_dir) / name).unlink(missing_ok=True)
                with contextlib.suppress(OSError):
                    Path(data_dir).rmdir()
        raise
    if lock is None:
        held.release()
    return info


def restore_replacing(services: Services, backup: Path, passphrase: str) -> Path:
    """Restore ``backup`` in place of the data of the open ``services`` (which gets closed).

    The current database and key file (and the seal, when the backup holds one) are moved (still
    encrypted) into a sub-folder ``vor-wiederherstellung-JJJJMMTT-HHMMSS`` of the data folder
    first, and moved back if the restore fails. Returns that folder. The app must open the data
    folder again afterwards."""
    found = _inspect(Path(backup))  # a damaged or foreign file is refused before anything moves
    data_dir = Path(services.data_dir)
    lock = services.db.handover_lock()  # nobody else opens the folder while its files are moved
    services.close()
    try:
        return _restore_in_place(data_dir, Path(backup), passphrase, lock, found)
    finally:
        if lock is not None:
            lock.release()


def _restore_in_place(data_dir: Path, backup: Path, passphrase: str, lock: FolderLock | None,
                      found: _Backup) -> Path:
    aside = data_dir / f"vor-wiederherstellung-{dt.datetime.now().strftime('%Y%m%d-%H%M%S')}"
    aside.mkdir(mode=0o700)
    names = ["kooperation.sqlite", "kooperation.sqlite-wal", "kooperation.sqlite-shm", "kooperation.keys"]
    if found.seal_files:
        names.append(SEAL_FOLDER)
    moved = []
    for name in names:
        if (data_dir / name).exists():
            os.replace(data_dir / name, aside / name)
            moved.append(name)
    try:
        restore_and_record(backup, data_dir, passphrase, lock)
    except BaseException:
        for name in ("kooperation.sqlite", "kooperation.keys"):
            (data_dir / name).unlink(missing_ok=True)
        if SEAL_FOLDER in moved:
            shutil.rmtree(data_dir / SEAL_FOLDER, ignore_errors=True)  # the restored one, if any
        for name in moved:
            os.replace(aside / name, data_dir / name)
        aside.rmdir()
        raise
    return aside
