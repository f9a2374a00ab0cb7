"""The first window at start: set a password (first start, or a plain database of an earlier
version) or unlock the database.

Light on purpose: only Qt widgets, the password dialogs and the Qt-free key handling are loaded
before this window is on the screen; SQLAlchemy, the services and the main window are loaded while
the user types (the caller's ``preload``), not before.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from kooperation_desktop.protection import ProtectionError, vault

from . import dialogs
from .dialogs import tr

if TYPE_CHECKING:
    from kooperation_desktop.protection.folder import FolderLock
    from kooperation_desktop.services import Services


def show_error(parent: QWidget | None, text: str, title: str = "") -> None:
    QMessageBox.warning(parent, title or tr("Datenschutz"), text)


def open_services(
    data_dir: Path, parent: QWidget | None = None, preload: Callable[[], None] | None = None
) -> Services | None:
    """Before the main window: set a password (first start, or a plain database of an earlier
    version) or unlock. Returns the open Services, or None when the user cancels or the data are
    open elsewhere (another window or command: a message says by whom and since when).

    ``preload`` runs once the password dialog is on the screen: the caller imports what comes next
    (the main window) while the user types, so "Entsperren" does not wait for it.

    The data folder is locked first, so a second window says so before asking for the password."""
    from kooperation_desktop.protection.folder import FolderInUse, FolderLock

    data_dir = Path(data_dir)
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        lock = FolderLock(data_dir).acquire()
    except FolderInUse as exc:
        show_error(parent, str(exc), "Kooperation Desktop")
        return None
    try:
        services = _open_locked(data_dir, parent, lock, preload)
    except BaseException:
        lock.release()
        raise
    if services is None:
        lock.release()
        return None
    if services.folder_warning:
        show_error(parent, services.folder_warning, "Kooperation Desktop")
    key = services.key_state.new_recovery_key
    if key:  # a new key file, or the last recovery key was never confirmed as noted
        services.key_state.new_recovery_key = None
        if dialogs.show_recovery_key(parent, key):
            vault.confirm_recovery_key(data_dir)
    return services


def _open_locked(
    data_dir: Path, parent: QWidget | None, lock: FolderLock, preload: Callable[[], None] | None
) -> Services | None:
    try:
        state = vault.database_state(data_dir)
    except ProtectionError as exc:
        show_error(parent, str(exc), "Kooperation Desktop")
        return None
    if preload is not None:
        QTimer.singleShot(0, preload)  # runs once the dialog below is on the screen
    if state in ("new", "plain"):
        password = dialogs.ask_new_password(parent, migrating=state == "plain")
        if password is None:
            return None
        from kooperation_desktop.services import Services

        try:
            return Services.open(data_dir, password, lock=lock)
        except ProtectionError as exc:
            show_error(parent, str(exc), "Kooperation Desktop")
            return None
    opened: list[Services] = []

    def attempt(text: str) -> str | None:
        from kooperation_desktop.services import Services

        try:
            opened.append(Services.open(data_dir, text, lock=lock))
        except ProtectionError as exc:
            return str(exc)
        return None

    if not dialogs.ask_unlock(parent, attempt) or not opened:
        return None
    return opened[0]
