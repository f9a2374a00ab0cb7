"""Where Kooperation Desktop keeps its data by default (the user's data folder)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

APP_NAME = "Kooperation Desktop"


def default_data_dir(create: bool = True) -> Path:
    """The per-user data folder, e.g. ``~/.local/share/Kooperation Desktop`` on Linux or
    ``%LOCALAPPDATA%\\Kooperation Desktop`` on Windows; created if missing unless ``create`` is
    False (a command that only reads)."""
    from platformdirs import user_data_dir  # here: a start with --data-dir does not need it

    path = Path(user_data_dir(APP_NAME, appauthor=False))
    if create:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)  # social data: owner only
    return path


class ProtectedTargetError(OSError):
    """An export was pointed at the data folder (or a file of it, also through a symbolic or hard
    link): refused with a German message, before anything is written. An ``OSError`` so that every
    caller that already shows "Datei konnte nicht gespeichert werden" shows this message too."""

    def __init__(self, message: str, target: Path) -> None:
        super().__init__(errno.EPERM, message, str(target))
        self.message = message

    def __str__(self) -> str:
        return self.message


def _identity(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _inside(path: str, folder: str) -> bool:
    path, folder = os.path.normcase(path), os.path.normcase(folder)
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def guard_target(out: Path | str, data_dir: Path | str) -> Path:
    """The one check every export runs before it writes ``out`` (PDF, case file, backup, GDPR
    export ...): returns ``Path(out)`` or raises :class:`ProtectedTargetError`.

    Refused: a folder as target, and any target inside the data folder ``data_dir`` — the database,
    its -wal/-shm/-journal files, the key file, lock files, the seal files, temporary files of a
    backup: every file there is the program's own, whatever its name. The rule holds through
    symbolic links (of the target, of a folder on its way, or of the data folder itself), through
    another name of the same folder (e.g. case-insensitive names, bind mounts) and through hard
    links (an existing target that is the same file as one in the data folder).
    """
    out = Path(out)
    if out.is_dir():
        raise ProtectedTargetError(f"„{out}“ ist ein Ordner. Bitte einen Dateinamen angeben.", out)
    folder = os.path.realpath(data_dir)
    real = os.path.realpath(out)
    folder_id = _identity(folder)
    inside = _inside(real, folder)
    if not inside and folder_id is not None:
        # another name for the same folder: compare each existing ancestor by device and inode
        ancestor = os.path.dirname(real)
        while True:
            if _identity(ancestor) == folder_id:
                inside = True
                break
            parent = os.path.dirname(ancestor)
            if parent == ancestor:
                break
            ancestor = parent
    if not inside and folder_id is not None and os.path.isfile(real) and os.stat(real).st_nlink > 1:
        target_id = _identity(real)
        for root, _dirs, files in os.walk(folder):
            if any(_identity(os.path.join(root, name)) == target_id for name in files):
                inside = True
                break
    if not inside:
        return out
    if os.path.lexists(out):
        raise ProtectedTargetError(f"„{out}“ ist eine Datei des Datenordners und wird nicht überschrieben. "
                                   "Bitte einen anderen Dateinamen wählen.", out)
    raise ProtectedTargetError(f"„{out}“ liegt im Datenordner; dort speichert das Programm nur seine eigenen "
                               "Dateien. Bitte einen Ort außerhalb des Datenordners wählen.", out)


def read_password_file(path: Path, error: type[Exception]) -> str:
    """The first line of a password file ("" when it has none); a missing, unreadable or binary file
    raises ``error`` with a German message."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise error(f"Die Passwort-Datei „{path}“ gibt es nicht.") from None
    except UnicodeDecodeError:
        raise error(f"Die Passwort-Datei „{path}“ ist keine Textdatei (UTF-8).") from None
    except IsADirectoryError:
        raise error(f"„{path}“ ist ein Ordner, keine Passwort-Datei.") from None
    return lines[0] if lines else ""
