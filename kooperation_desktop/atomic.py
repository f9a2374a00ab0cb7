"""Files written so that a crash, a dead battery or a full disk never leaves half a file behind:
the data goes to a temporary owner-only file in the same folder, is flushed to the disk, then
renamed over the target, and the folder is synced. The old file stays until the new one is complete."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (no-op on Windows, which has no directory handles)."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_rendered(out: Path, render: Callable[[Path], object], durable: bool = True) -> Path:
    """Let ``render(path)`` write a temporary file beside ``out``, then put it in place; returns ``out``.

    ``durable=False``: still whole or not at all, but not flushed to the disk (for a note that is
    worthless after a crash anyway, e.g. who holds the data folder's lock: no wait for the disk)."""
    out = Path(out)
    tmp = out.with_name(f".{out.name}.{os.urandom(4).hex()}.tmp")
    os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        render(tmp)
        if durable:
            fd = os.open(tmp, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if durable:
        fsync_dir(out.parent)
    return out


def write_bytes(path: Path, data: bytes, durable: bool = True) -> Path:
    """Write ``data`` to ``path`` atomically (owner-only); returns ``path``."""
    return write_rendered(path, lambda tmp: tmp.write_bytes(data), durable)
