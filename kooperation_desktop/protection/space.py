"""Free space on the disk: an honest message when a disk is full, instead of a misleading one
(a full data disk must never look like a wrong password).

:func:`require_free` is called before writes that need room (backup, restore); :func:`is_disk_full`
recognises a full disk in an error that already happened (SQLite's SQLITE_FULL, ``ENOSPC``)."""

from __future__ import annotations

import errno
import math
import shutil
from pathlib import Path

from .keys import ProtectionError

MB = 1_000_000
# what opening the database needs at least: the shared-memory index (-shm, 32 KiB) and room for
# the write-ahead log (-wal), which grows to about 1,000 pages (4 MB) before it is folded back
OPEN_NEEDS = 5 * MB


class DiskFull(ProtectionError):
    """Not enough free space on a disk (German message with how much is needed)."""

    def __init__(self, needed: int, folder: Path | None = None):
        self.needed = needed
        self.folder = folder
        where = f" („{folder}“)" if folder is not None else ""
        super().__init__(f"Auf dem Datenträger{where} ist nicht genug Platz frei "
                         f"(mindestens {max(1, math.ceil(needed / MB))} MB werden gebraucht).")


def _existing(folder: Path) -> Path:
    folder = Path(folder).absolute()
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    return folder


def free_bytes(folder: Path) -> int:
    """Free bytes for an ordinary user on the disk holding ``folder`` (or its nearest existing parent)."""
    return shutil.disk_usage(_existing(folder)).free


def require_free(folder: Path, needed: int) -> None:
    """Raise :class:`DiskFull` when the disk holding ``folder`` has less than ``needed`` bytes free."""
    if free_bytes(folder) < needed:
        raise DiskFull(needed, Path(folder))


def is_disk_full(exc: BaseException) -> bool:
    """True when ``exc`` (or the error it wraps) says that a disk is full."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, DiskFull):
            return True
        if isinstance(current, OSError) and current.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return True
        if getattr(current, "sqlite_errorname", "") == "SQLITE_FULL" or "database or disk is full" in str(current):
            return True
        current = getattr(current, "orig", None) or current.__cause__ or current.__context__
    return False
