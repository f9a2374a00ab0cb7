"""The data folder while a process has it open: one opener at a time, owner-only files, no
leftovers of an interrupted encryption.

- :class:`FolderLock` — an OS file lock on ``.kooperation.lock`` in the data folder (``flock`` on
  POSIX; ``filelock`` on Windows and where the file system has no ``flock``: it uses the same
  ``flock`` where there is one, so both kinds see each other's lock), taken before anything in the
  folder is read or written and held until the services are closed.
  The kernel releases it when the process dies, so the lock of a crashed or killed process is
  taken over without asking. Beside it ``.kooperation.lock.info`` says who holds it (user, host,
  process, since when); it is only informational, for the German message a second opener shows.
- :func:`tighten` — the folder 0700 and the app's files 0600 (POSIX); while a folder is open the
  process umask is 0o077, so SQLite's ``-wal``/``-shm`` files and every other new file are
  owner-only from the start.
- :func:`remove_orphans` — temporary files of an encryption or backup that a crash left behind.
"""

from __future__ import annotations

import contextlib
import errno
import getpass
import json
import os
import stat
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from ..atomic import write_bytes
from .keys import ProtectionError

if TYPE_CHECKING:
    from filelock import FileLock

LOCK_FILENAME = ".kooperation.lock"
INFO_FILENAME = ".kooperation.lock.info"

# the app's own files and folders in a data folder (tightened on open)
_OWN_FILES = ("kooperation.sqlite", "kooperation.sqlite-wal", "kooperation.sqlite-shm",
              "kooperation.sqlite-journal", "kooperation.keys", LOCK_FILENAME, INFO_FILENAME)
_OWN_FOLDERS = ("siegel",)
# temporary files of an interrupted encryption (vault._encrypt_plain, with SQLite's journal of
# it), of the atomic writer and of a backup/restore: nobody else writes in the folder while we
# hold the lock, so after a successful unlock they are leftovers of a crash
_ORPHAN_PATTERNS = (".kooperation.sqlite.*.encrypting", ".kooperation.sqlite.*.encrypting-journal",
                    ".kooperation.sqlite.*.encrypting-wal", ".kooperation.sqlite.*.encrypting-shm",
                    ".kooperation.keys.*.tmp", ".kooperation-backup-*.tmp", ".kooperation-verify-*.tmp",
                    ".kooperation-restore-*.tmp")


class FolderInUse(ProtectionError):
    """Another program window or command has this data folder open (German message)."""


def _info_text(data_dir: Path) -> str:
    """" (von USER auf HOST seit TT.MM.JJJJ HH:MM)" from the info file, or "" if unreadable."""
    import datetime as dt  # here: only a second opener reads the note

    try:
        info = json.loads((Path(data_dir) / INFO_FILENAME).read_text(encoding="utf-8"))
        since = dt.datetime.fromisoformat(info["since"]).astimezone().strftime("%d.%m.%Y %H:%M")
        return f" (von {info['user']} auf {info['host']} seit {since}, Prozess {int(info['pid'])})"
    except (OSError, ValueError, KeyError, TypeError):
        return ""


def in_use_message(data_dir: Path) -> str:
    return (f"Die Daten in „{data_dir}“ sind bereits geöffnet{_info_text(data_dir)}. Bitte dort weiterarbeiten "
            "oder das andere Programmfenster bzw. den anderen Befehl zuerst beenden.")


def _host_name() -> str:
    """The computer's name (as ``socket.gethostname()``; POSIX without importing socket: the window's
    start takes this lock before its first window)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


# the process umask is 0o077 while at least one data folder is open
_umask_lock = threading.Lock()
_umask_holders = 0
_saved_umask = 0o022


def _umask_enter() -> None:
    global _umask_holders, _saved_umask
    with _umask_lock:
        before = os.umask(0o077)  # (again, should anything have changed it meanwhile)
        if _umask_holders == 0:
            _saved_umask = before
        _umask_holders += 1


def _umask_leave() -> None:
    global _umask_holders
    with _umask_lock:
        _umask_holders -= 1
        if _umask_holders == 0:
            os.umask(_saved_umask)


class FolderLock:
    """The lock of one data folder (not re-entrant: a second FolderLock on the same folder, in
    this process or another, raises :class:`FolderInUse`). The folder must exist."""

    def __init__(self, data_dir: Path):
        self.data_dir = Path(data_dir)
        self._path = str(self.data_dir / LOCK_FILENAME)
        self._fd: int | None = None  # POSIX: the open lock file holding the flock
        self._lock: FileLock | None = None  # else (Windows, no flock): filelock's
        self.held = False

    def _take(self) -> bool:
        """The OS lock, without waiting; False when another opener holds it.

        On POSIX ``flock`` directly: the ``filelock`` package costs the window's start a tenth of
        its time to import (it comes only where ``flock`` is missing)."""
        if os.name == "posix":
            import fcntl

            try:
                fd, created = os.open(self._path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600), True
            except FileExistsError:
                fd, created = os.open(self._path, os.O_RDWR), False
            try:
                with contextlib.suppress(PermissionError):
                    os.fchmod(fd, 0o600)
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                os.close(fd)
                if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                    return False
                if exc.errno not in (errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP):
                    raise
                if created:  # no flock here: filelock's soft lock, for which the file's presence is the lock
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(self._path)
            else:
                self._fd = fd
                return True
        from filelock import FileLock, Timeout

        self._lock = FileLock(self._path, mode=0o600, thread_local=False)
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            self._lock = None
            return False
        return True

    def _give_back(self) -> None:
        if self._fd is not None:
            import fcntl

            fd, self._fd = self._fd, None
            try:
                fcntl.flock(fd, fcntl.LOCK_UN)  # also for a forked child that shares the descriptor
            finally:
                os.close(fd)
        elif self._lock is not None:
            lock, self._lock = self._lock, None
            lock.release()

    def acquire(self) -> FolderLock:
        if not self._take():
            for _ in range(10):  # the holder may be starting: give it a moment to say who it is
                if _info_text(self.data_dir):
                    break
                time.sleep(0.05)
            raise FolderInUse(in_use_message(self.data_dir)) from None
        self.held = True
        _umask_enter()
        try:
            try:
                user = getpass.getuser()
            except Exception:  # noqa: BLE001 - no user name in the environment: the info stays vague
                user = "?"
            info = {"user": user, "host": _host_name(), "pid": os.getpid(),
                    # UTC, as datetime's isoformat() writes it (datetime is not loaded before the first window)
                    "since": time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime())}
            # only a note for a second opener's message: not worth waiting for the disk before the first window
            write_bytes(self.data_dir / INFO_FILENAME, json.dumps(info).encode("utf-8"), durable=False)
        except BaseException:
            self.release()
            raise
        return self

    def release(self) -> None:
        """Give the folder free (a second call does nothing)."""
        if not self.held:
            return
        self.held = False
        try:
            (self.data_dir / INFO_FILENAME).unlink(missing_ok=True)
        finally:
            self._give_back()
            _umask_leave()


def tighten(data_dir: Path) -> str | None:
    """Owner-only access (POSIX): the data folder 0700, the app's files in it 0600, its seal
    folder 0700. Returns a German warning when the folder itself cannot be tightened, else None."""
    if os.name == "nt":
        return None
    data_dir = Path(data_dir)
    warning = None
    try:
        if stat.S_IMODE(data_dir.stat().st_mode) & 0o077:
            data_dir.chmod(0o700)
    except OSError:
        warning = (f"Achtung: Auf den Datenordner „{data_dir}“ können auch andere Benutzer zugreifen, und die "
                   "Rechte ließen sich nicht einschränken. Bitte die IT-Betreuung fragen.")
    paths = [data_dir / name for name in _OWN_FILES]
    for name in _OWN_FOLDERS:
        folder = data_dir / name
        if folder.is_dir() and not folder.is_symlink():
            paths.append(folder)
            paths.extend(p for p in folder.iterdir() if p.is_file() and not p.is_symlink())
    for path in paths:
        try:
            mode = path.lstat().st_mode
            if stat.S_ISLNK(mode):
                continue
            wanted = 0o700 if stat.S_ISDIR(mode) else 0o600
            if stat.S_IMODE(mode) & ~wanted:
                path.chmod(wanted)
        except OSError:
            continue
    return warning


def remove_orphans(data_dir: Path) -> list[str]:
    """Remove temporary files a crash left in ``data_dir`` (call with the lock held, after the
    unlock finished any interrupted encryption). Returns the names removed."""
    removed = []
    for pattern in _ORPHAN_PATTERNS:
        for path in Path(data_dir).glob(pattern):
            try:
                path.unlink()
                removed.append(path.name)
            except OSError:
                continue
    return sorted(removed)
