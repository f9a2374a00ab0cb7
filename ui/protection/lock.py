"""Locking the window: Ctrl+L, after an idle time (default 15 minutes, setting), when the machine
was suspended, and when the OS session locks where Qt can tell.

What is detected:

- **Ctrl+L** and the menu entry „Sperren“;
- **idle time**: no key, mouse, wheel or touch input in any window of the app for N minutes;
- **suspend / hibernate (all systems)**: the wall clock jumped while the app's timer did not run
  (checked every few seconds) — the window is locked right after waking up;
- **Linux**: systemd-logind's ``PrepareForSleep`` (system bus) and the desktop screen saver's
  ``ActiveChanged`` (``org.freedesktop.ScreenSaver``, session bus: the session was locked);
- **Windows**: ``WM_WTSSESSION_CHANGE`` / ``WTS_SESSION_LOCK`` (after
  ``WTSRegisterSessionNotification``) and ``WM_POWERBROADCAST`` / ``PBT_APMSUSPEND``;
- Qt's ``applicationStateChanged`` to *Suspended* (mobile-style platforms).

While locked, every window of the app (the main window and any open dialog or wizard) is covered
by an opaque overlay and its title is neutral; a modal lock dialog asks for the password (or the
recovery key). Nothing is closed: edits in progress stay as they were.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QAbstractNativeEventFilter,
    QEvent,
    QObject,
    QSettings,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from kooperation_desktop.protection import keys, vault

from .dialogs import UnlockDialog, tr

SETTINGS_IDLE_KEY = "protection/idle_minutes"
DEFAULT_IDLE_MINUTES = 15
CHECK_INTERVAL_MS = 5000
SUSPEND_GAP_S = 30.0

_INPUT_EVENTS = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                           QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TabletPress})


def _idle_key() -> str:
    try:
        from ..settings import (
            KEY_IDLE_LOCK_MINUTES,  # shared with the app's settings dialog
        )
    except ImportError:
        return SETTINGS_IDLE_KEY
    return KEY_IDLE_LOCK_MINUTES


def idle_minutes() -> int:
    """The idle time setting in minutes, 0 = off (QSettings holds only this number, no client data)."""
    value = _qsettings().value(_idle_key(), DEFAULT_IDLE_MINUTES)
    try:
        minutes = int(str(value))  # the INI file gives a text, the default is a number
    except (TypeError, ValueError):
        return DEFAULT_IDLE_MINUTES
    return minutes if 0 <= minutes <= 240 else DEFAULT_IDLE_MINUTES


def set_idle_minutes(minutes: int) -> None:
    qs = _qsettings()
    qs.setValue(_idle_key(), int(minutes))
    qs.sync()


def _qsettings() -> QSettings:
    try:
        from ..settings import open_qsettings  # the app's INI settings file
    except ImportError:
        return QSettings()
    return open_qsettings()


class LockOverlay(QWidget):
    """Opaque cover over one window's whole content."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setObjectName("lock_overlay")
        self.setAutoFillBackground(True)
        self.setStyleSheet("#lock_overlay { background: #37474f; }")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        label = QLabel(tr("Gesperrt"), self)
        label.setStyleSheet("color: white; font-size: 22pt;")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and isinstance(watched, QWidget) and event.type() in (
                QEvent.Type.Resize, QEvent.Type.ChildAdded):
            self.setGeometry(watched.rect())
            self.raise_()
        return False


class _WindowsEvents(QAbstractNativeEventFilter):
    WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK = 0x02B1, 0x7
    WM_POWERBROADCAST, PBT_APMSUSPEND = 0x0218, 0x4

    def __init__(self, on_lock: Callable[[], None]):
        super().__init__()
        self.on_lock = on_lock

    def nativeEventFilter(self, event_type, message):
        if event_type == b"windows_generic_MSG":
            import ctypes.wintypes

            msg = ctypes.wintypes.MSG.from_address(int(message))
            if (msg.message == self.WM_WTSSESSION_CHANGE and msg.wParam == self.WTS_SESSION_LOCK) or (
                    msg.message == self.WM_POWERBROADCAST and msg.wParam == self.PBT_APMSUSPEND):
                self.on_lock()
        return False, 0


class _DBusEvents(QObject):
    """Linux: logind PrepareForSleep and the screen saver's ActiveChanged."""

    def __init__(self, on_lock: Callable[[], None], parent: QObject):
        super().__init__(parent)
        self.on_lock = on_lock
        self.connected: list[str] = []
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:
            return
        system, session = QDBusConnection.systemBus(), QDBusConnection.sessionBus()
        # the stubs type the slot as bytes, but the binding takes only a str (bytes: ValueError)
        if system.isConnected() and system.connect(  # type: ignore[call-overload]  # slot: see above
                "org.freedesktop.login1", "/org/freedesktop/login1", "org.freedesktop.login1.Manager",
                "PrepareForSleep", self, "sleeping(bool)"):
            self.connected.append("PrepareForSleep")
        if session.isConnected() and session.connect(  # type: ignore[call-overload]  # slot: see above
                "", "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver",
                "ActiveChanged", self, "screensaver(bool)"):
            self.connected.append("ScreenSaver")

    def sleeping(self, starting: bool) -> None:
        if starting:
            self.on_lock()

    def screensaver(self, active: bool) -> None:
        if active:
            self.on_lock()


class LockController(QObject):
    """Locks and unlocks all windows of the app for one open database."""

    def __init__(self, main_window: QWidget, data_dir: Path,
                 check_passphrase: Callable[[str], bool] | None = None):
        super().__init__(main_window)
        self.main_window = main_window
        self.data_dir = data_dir
        self._check = check_passphrase or (lambda text: vault.check_passphrase(data_dir, text))
        self.locked = False
        self.overlays: list[LockOverlay] = []
        self.titles: dict[QWidget, str] = {}
        self.dialog: UnlockDialog | None = None
        self.throttle = keys.RetryThrottle()
        self.idle_minutes = idle_minutes()
        self.last_input = time.monotonic()
        self._last_tick_wall = time.time()
        self.lock_reasons: list[str] = []

        self.action = QAction(tr("&Sperren"), main_window)
        self.action.setShortcut(QKeySequence("Ctrl+L"))
        self.action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.action.triggered.connect(lambda: self.lock("Tastenkürzel"))
        main_window.addAction(self.action)

        app = QApplication.instance()
        assert isinstance(app, QApplication)  # the window exists, so the QApplication does
        app.installEventFilter(self)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        app.applicationStateChanged.connect(self._app_state)
        self.dbus = _DBusEvents(lambda: self.lock("Sitzung"), self)
        self._native = None
        if sys.platform == "win32":
            self._native = _WindowsEvents(lambda: self.lock("Sitzung"))
            app.installNativeEventFilter(self._native)
            try:
                import ctypes

                ctypes.windll.wtsapi32.WTSRegisterSessionNotification(int(main_window.winId()), 0)
            except (OSError, AttributeError):
                pass

    # --- detection ---------------------------------------------------------------------------

    def set_idle_minutes(self, minutes: int) -> None:
        """A new idle time (0: never) applies at once (the settings dialog has stored it)."""
        self.idle_minutes = max(int(minutes), 0)
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS and not self.locked:
            self.last_input = time.monotonic()
            # Ctrl+L also while a modal dialog or the wizard blocks the main window's shortcut
            if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                    and event.key() == Qt.Key.Key_L
                    and event.modifiers() == Qt.KeyboardModifier.ControlModifier):
                self.lock("Tastenkürzel")
                return True
        return False

    def _app_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self.lock("Ruhezustand")

    def check(self, now_wall: float | None = None, now_mono: float | None = None) -> None:
        """Timer tick: lock after the idle time or after a suspend (wall clock jumped)."""
        now_wall = time.time() if now_wall is None else now_wall
        now_mono = time.monotonic() if now_mono is None else now_mono
        gap = now_wall - self._last_tick_wall
        self._last_tick_wall = now_wall
        if self.locked:
            return
        if gap > CHECK_INTERVAL_MS / 1000 + SUSPEND_GAP_S:
            self.lock("Ruhezustand")
        elif self.idle_minutes > 0 and now_mono - self.last_input >= self.idle_minutes * 60:
            self.lock("Untätigkeit")

    # --- lock / unlock -----------------------------------------------------------------------
    def lock(self, reason: str = "") -> None:
        if self.locked:
            return
        self.locked = True
        self.lock_reasons.append(reason)
        for window in QApplication.topLevelWidgets():
            if window.isVisible() and not isinstance(window, LockOverlay) and window is not self.dialog:
                self.overlays.append(LockOverlay(window))
                self.titles[window] = window.windowTitle()
                window.setWindowTitle(tr("Kooperation Desktop – gesperrt"))
        self.dialog = UnlockDialog(self._try_unlock, self.main_window, title=tr("Gesperrt – Kooperation Desktop"),
                                   text=tr("Das Programm ist gesperrt. Ihre Eingaben sind erhalten; zum "
                                           "Weiterarbeiten bitte das Passwort eingeben."),
                                   throttle=self.throttle, allow_cancel=False)
        self.dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.dialog.accepted.connect(self.unlock)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()

    def _try_unlock(self, text: str) -> str | None:
        if self._check(text):
            return None
        return tr("Das Passwort ist falsch.")

    def unlock(self) -> None:
        for overlay in self.overlays:
            parent = overlay.parentWidget()
            if parent is not None:
                parent.removeEventFilter(overlay)
            overlay.hide()
            overlay.deleteLater()
        self.overlays.clear()
        for window, title in self.titles.items():
            window.setWindowTitle(title)
        self.titles.clear()
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
        self.locked = False
        self.last_input = time.monotonic()

    def covered(self, window: QWidget) -> bool:
        """Whether ``window``'s content is hidden behind a lock overlay."""
        return any(o.parentWidget() is window and o.isVisible() for o in self.overlays)

