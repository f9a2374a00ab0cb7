"""Team mode in the main window: :class:`TeamController`, built by the window only when the data
folder is connected with the agency's server (in single-laptop mode nothing of it exists).

It offers the menu „Team“ (Synchronisieren F5, Konfliktliste, Team-Übersicht), the status line for the
status bar („zuletzt synchronisiert 14:32 · 3 Änderungen warten · 1 Konflikt“) and the signals
``cases_changed`` (a sync or a decision changed data: reload the list) and ``status_message``.

A sync runs in a worker thread (the window stays usable); the server password is asked once per
session and kept only in memory (forgotten again when the server refuses it). Errors show as one
German sentence in a message box, never a traceback. While a password is known, the controller tries
again every :data:`AUTO_SYNC_MINUTES` minutes on its own; a failure then only shows in the status line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QMessageBox, QWidget

from kooperation_desktop.team.connection import LoginRefused, ServerError
from kooperation_desktop.team.status import TeamStatus, run_sync, team_status, when_text

from . import dialogs
from .dialogs import tr

if TYPE_CHECKING:
    from kooperation_desktop.services import Services
    from kooperation_desktop.team.sync import SyncResult

    from .conflict_dialog import ConflictDialog
    from .team_view import TeamViewDialog

AUTO_SYNC_MINUTES = 10
SEPARATOR = " · "


def status_text(status: TeamStatus, running: bool = False, problem: str = "") -> str:
    """The status line's text (in the UI language)."""
    if running:
        parts = [tr("synchronisiere …")]
    elif status.last_sync_at is None:
        parts = [tr("noch nicht synchronisiert")]
    else:
        parts = [tr("zuletzt synchronisiert {when}").format(when=when_text(status.last_sync_at))]
    if problem:
        parts.append(problem)
    if status.pending == 0:
        parts.append(tr("keine Änderungen warten"))
    elif status.pending == 1:
        parts.append(tr("1 Änderung wartet"))
    else:
        parts.append(tr("{n} Änderungen warten").format(n=status.pending))
    if status.conflicts == 1:
        parts.append(tr("1 Konflikt"))
    elif status.conflicts > 1:
        parts.append(tr("{n} Konflikte").format(n=status.conflicts))
    return SEPARATOR.join(parts)


class _JobSignals(QObject):
    done = Signal(object)  # SyncResult
    failed = Signal(str, bool)  # German message, the login was refused


class _SyncJob(QRunnable):
    """One sync in a worker thread; the outcome is emitted (queued to the window's thread)."""

    def __init__(self, services: Services, password: str, signals: _JobSignals):
        super().__init__()
        self.services = services
        self.password = password
        self.signals = signals

    def run(self) -> None:
        try:
            result = run_sync(self.services.db, self.password)
        except ServerError as exc:
            self.signals.failed.emit(str(exc), isinstance(exc, LoginRefused))
        except Exception as exc:  # noqa: BLE001 - the user gets one sentence, never a traceback
            first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            self.signals.failed.emit(tr("Das Synchronisieren ist fehlgeschlagen: {reason}").format(reason=first),
                                     False)
        else:
            self.signals.done.emit(result)


class TeamController(QObject):
    """The team-mode part of the main window (see the module text)."""

    cases_changed = Signal()
    status_message = Signal(str)
    sync_finished = Signal(bool)  # True: the sync went through

    @staticmethod
    def available(services: Services) -> bool:
        """Is the data folder in team mode (connected with a server)?"""
        return team_status(services.db) is not None

    def __init__(self, services: Services, parent: QWidget):
        super().__init__(parent)
        self.services = services
        self.window = parent
        self._password: str | None = None
        self._running = False
        self._auto = False
        self._problem = ""
        self.error_box: QMessageBox | None = None
        self.conflict_dialog: ConflictDialog | None = None
        self.team_view: TeamViewDialog | None = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _JobSignals(self)
        self._signals.done.connect(self._sync_done)
        self._signals.failed.connect(self._sync_failed)

        self.status_label = QLabel(parent)
        self.status_label.setAccessibleName(tr("Stand der Synchronisation"))
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.sync_action = QAction(tr("&Synchronisieren"), self)
        self.sync_action.setShortcuts([QKeySequence("F5"), QKeySequence("Ctrl+Shift+S")])
        self.sync_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.conflicts_action = QAction(tr("&Konfliktliste…"), self)
        self.team_view_action = QAction(tr("&Team-Übersicht…"), self)
        self.team_view_action.setShortcut(QKeySequence("Ctrl+Shift+T"))
        self.menu = QMenu(tr("&Team"), parent)
        for action in (self.sync_action, self.conflicts_action, self.team_view_action):
            self.menu.addAction(action)
        self.sync_action.triggered.connect(self.synchronise)
        self.conflicts_action.triggered.connect(self.open_conflicts)
        self.team_view_action.triggered.connect(self.open_team_view)
        self.timer = QTimer(self)
        self.timer.setInterval(AUTO_SYNC_MINUTES * 60_000)
        self.timer.timeout.connect(self._auto_sync)
        self.refresh_status()

    # --- status line -------------------------------------------------------------------------
    def status(self) -> TeamStatus | None:
        return team_status(self.services.db)

    def refresh_status(self) -> None:
        status = self.status()
        if status is None:
            return
        self.status_label.setText(status_text(status, self._running, self._problem))
        self.status_label.setToolTip(tr("Server: {server}, Anmeldung: {identity}").format(
            server=status.server, identity=status.identity))

    # --- sync --------------------------------------------------------------------------------
    def is_running(self) -> bool:
        return self._running

    def synchronise(self) -> bool:
        """„Synchronisieren“: ask the password (once per session), then sync in the background.
        False when nothing was started (cancelled, or a sync is running)."""
        if self._running:
            self.status_message.emit(tr("Die Synchronisation läuft schon."))
            return False
        status = self.status()
        if status is None:
            return False
        if self._password is None:
            password = dialogs.ask_server_password(self.window, status.identity, status.server)
            if password is None:
                return False
            self._password = password
        self._start(auto=False)
        return True

    def _auto_sync(self) -> None:
        if self._password is not None and not self._running:
            self._start(auto=True)

    def _start(self, *, auto: bool) -> None:
        assert self._password is not None
        self._running = True
        self._auto = auto
        self.sync_action.setEnabled(False)
        self.refresh_status()
        self._pool.start(_SyncJob(self.services, self._password, self._signals))

    def _finish(self) -> None:
        self._running = False
        self.sync_action.setEnabled(True)

    def _sync_done(self, result: SyncResult) -> None:
        self._finish()
        self._problem = ""
        self.timer.start()
        self.refresh_status()
        message = tr("Synchronisiert: {pushed} gesendet, {pulled} empfangen.").format(
            pushed=result.pushed, pulled=result.pulled + result.deleted)
        if result.conflicts:
            message += " " + (tr("1 neuer Konflikt: siehe Team → Konfliktliste.") if result.conflicts == 1 else
                              tr("{n} neue Konflikte: siehe Team → Konfliktliste.").format(n=result.conflicts))
        if result.unshared:
            message += " " + (
                tr("1 Fall ist nicht mehr für Sie freigegeben und wurde von diesem Laptop entfernt.")
                if result.unshared == 1 else
                tr("{n} Fälle sind nicht mehr für Sie freigegeben und wurden von diesem Laptop entfernt.")
                .format(n=result.unshared))
        if result.withheld:
            message += " " + (
                tr("1 Fall ist nicht mehr für Sie freigegeben, hat aber noch nicht übertragene Änderungen: "
                   "er bleibt auf diesem Laptop. Bitte mit der Teamleitung klären.")
                if result.withheld == 1 else
                tr("{n} Fälle sind nicht mehr für Sie freigegeben, haben aber noch nicht übertragene Änderungen: "
                   "sie bleiben auf diesem Laptop. Bitte mit der Teamleitung klären.").format(n=result.withheld))
        if result.not_deleted:
            message += " " + (
                tr("Bei 1 Fall hat der Server das Löschen nicht angenommen: löschen kann nur das Team, dem der "
                   "Fall gehört (Sie vertreten ihn). Was Sie gelöscht hatten, ist wieder auf diesem Laptop.")
                if result.not_deleted == 1 else
                tr("Bei {n} Fällen hat der Server das Löschen nicht angenommen: löschen kann nur das Team, dem ein "
                   "Fall gehört (Sie vertreten sie). Was Sie gelöscht hatten, ist wieder auf diesem Laptop.")
                .format(n=result.not_deleted))
        self.status_message.emit(message)
        self.cases_changed.emit()
        self.sync_finished.emit(True)

    def _sync_failed(self, message: str, login_refused: bool) -> None:
        self._finish()
        if login_refused:
            self._password = None  # asked again next time
            self.timer.stop()
        self._problem = tr("nicht synchronisiert")
        self.refresh_status()
        if not self._auto:
            self.show_error(message)
        self.status_message.emit(message)
        self.sync_finished.emit(False)

    def show_error(self, message: str) -> None:
        """The message in a box over the window (not blocking: the window stays usable)."""
        if self.error_box is not None:
            self.error_box.close()
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Synchronisieren"), message,
                          QMessageBox.StandardButton.Ok, self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(lambda *_: setattr(self, "error_box", None))
        self.error_box = box
        box.open()

    def shutdown(self) -> None:
        """Wait for a running sync (the window closes)."""
        self.timer.stop()
        self._pool.waitForDone()

    # --- dialogs -----------------------------------------------------------------------------
    def open_conflicts(self) -> ConflictDialog:
        from .conflict_dialog import ConflictDialog

        dialog = ConflictDialog(self.services, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.decided.connect(self._decided)
        self.conflict_dialog = dialog
        dialog.open()
        return dialog

    def _decided(self) -> None:
        self.refresh_status()
        self.cases_changed.emit()

    def open_team_view(self) -> TeamViewDialog | None:
        from .team_view import TeamViewDialog

        if self._password is None:
            status = self.status()
            if status is None:
                return None
            password = dialogs.ask_server_password(self.window, status.identity, status.server)
            if password is None:
                return None
            self._password = password
        dialog = TeamViewDialog(self.services, self._password, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.login_refused.connect(self._forget_password)
        self.team_view = dialog
        dialog.open()
        dialog.load()
        return dialog

    def _forget_password(self) -> None:
        self._password = None
