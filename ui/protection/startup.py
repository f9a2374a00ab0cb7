"""The first window at start: set a password (first start, or a plain database of an earlier
version) or unlock the database.

Light on purpose: only Qt widgets, the password dialogs and the Qt-free key handling are loaded
before this window is on the screen; SQLAlchemy, the services and the main window are loaded while
the user types (:func:`preload`, in a thread once the dialog has painted), not before. The
key derivation runs in a thread too: the dialog stays responsive and says it is opening.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from kooperation_desktop.protection import ProtectionError, vault

from . import dialogs
from .dialogs import tr

if TYPE_CHECKING:
    from kooperation_desktop.protection.folder import FolderLock
    from kooperation_desktop.services import Services


def show_error(parent: QWidget | None, text: str, title: str = "") -> None:
    from PySide6.QtWidgets import QMessageBox  # here: not needed for the password dialog

    QMessageBox.warning(parent, title or tr("Datenschutz"), text)


def preload() -> None:
    """Import what the main window needs (about half a second) and set up the ORM's mappers while
    the password dialog waits for the user, so "Entsperren" does not wait for it. The main window's
    own module is the caller's (``open_services(load_window=…)``): this module does not import it."""
    from kooperation_desktop.protection import opener

    opener.prepare()  # else the first query does it, after "Entsperren"
    import kooperation_desktop.services  # noqa: F401 - imported for the module cache only

    _prime_qt_types()


def _prime_qt_types() -> None:
    """PySide makes a Qt class's Python type (and its enums) on first use; the main window's first
    widget handed back by Qt (a table's viewport) makes it create about 130 of them at once, after
    "Entsperren". Made here instead, while the user types."""
    import importlib

    for name in ("QtCore", "QtGui", "QtWidgets", "QtDBus"):
        try:
            module = importlib.import_module(f"PySide6.{name}")
        except ImportError:  # QtDBus: Linux only
            continue
        for attr in dir(module):
            getattr(module, attr)


class _Preload(QObject):
    """Runs :func:`preload` in a thread named "preload" once the first window has painted (a zero
    timer queued before the dialog's ``exec()`` would run before its first paint and hold it back).

    A thread, not the event loop: an import is one long step (SQLAlchemy alone is a third of a
    second) and would hold back the keys the user types; the thread gives the interpreter back
    every few milliseconds."""

    def __init__(self, load_window: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.load_window = load_window
        app = QCoreApplication.instance()
        assert app is not None
        self.app = app
        self.worker: threading.Thread | None = None
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.app.removeEventFilter(self)
            QTimer.singleShot(0, self.start)  # after the rest of this paint
        return False

    def start(self) -> None:
        if self.worker is None:
            self.worker = threading.Thread(target=self._run, name="preload", daemon=True)
            self.worker.start()

    def _run(self) -> None:
        with contextlib.suppress(Exception):  # the main thread imports again and reports the error itself
            preload()
            if self.load_window is not None:
                self.load_window()

    def wait(self) -> None:
        """Before importing the heavy modules elsewhere: let the preload finish first (two threads
        importing the same modules in different order could dead-lock on the import locks)."""
        if self.worker is not None and self.worker is not threading.current_thread():
            self.worker.join()

    def stop_waiting_for_paint(self) -> None:
        self.app.removeEventFilter(self)


def open_services(data_dir: Path, parent: QWidget | None = None,
                  load_window: Callable[[], None] | None = None) -> Services | None:
    """Before the main window: set a password (first start, or a plain database of an earlier
    version) or unlock. Returns the open Services, or None when the user cancels or the data are
    open elsewhere (another window or command: a message says by whom and since when).

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
        services = _open_locked(data_dir, parent, lock, load_window)
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


def _open_locked(data_dir: Path, parent: QWidget | None, lock: FolderLock,
                 load_window: Callable[[], None] | None) -> Services | None:
    try:
        state = vault.database_state(data_dir)
    except ProtectionError as exc:
        show_error(parent, str(exc), "Kooperation Desktop")
        return None
    loading = _Preload(load_window)  # the heavy modules load once the dialog below is on the screen
    try:
        return _ask(data_dir, parent, lock, state, loading)
    finally:
        loading.stop_waiting_for_paint()


def _ask(data_dir: Path, parent: QWidget | None, lock: FolderLock, state: str,
         loading: _Preload) -> Services | None:
    if state in ("new", "plain"):
        password = dialogs.ask_new_password(parent, migrating=state == "plain")
        if password is None:
            return None
        loading.wait()
        from kooperation_desktop.services import Services

        try:
            return Services.open(data_dir, password, lock=lock)
        except ProtectionError as exc:
            show_error(parent, str(exc), "Kooperation Desktop")
            return None
    opened: list[Services] = []

    def attempt(text: str) -> str | None:  # in a thread of the dialog: scrypt takes a while
        try:
            # the key first, with the light modules only: scrypt lets the interpreter go, so it runs
            # beside a preload that has not finished yet (and a wrong password says so at once)
            key_state = vault.unlock(data_dir, text)
            loading.wait()
            from kooperation_desktop.protection import opener
            from kooperation_desktop.services import Services

            opened.append(Services(opener.open_database(data_dir, lock=lock, key_state=key_state)))
        except ProtectionError as exc:
            return str(exc)
        return None

    if not dialogs.ask_unlock(parent, attempt) or not opened:
        return None
    return opened[0]
