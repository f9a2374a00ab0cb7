"""Password dialogs: set a password (with strength feedback), unlock (with retry delay), change
the password, show the recovery key (text and QR code, printable once).

Modal questions go through module-level ``ask_*`` functions a test can monkeypatch.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kooperation_desktop.protection import keys

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintDevice, QPixmap

# The unlock dialog is the first window: what it does not need before it takes keys (the namespace
# ``Qt`` with its hundred enum types, fonts, painting) is imported where it is used.

STRENGTH_COLOURS = ("#b00020", "#d35400", "#b7950b", "#2e7d32", "#1b5e20")

CORE_CONTEXT = "ProtectionCore"
# German messages of kooperation_desktop.protection shown in these dialogs (listed so that
# pyside6-lupdate extracts them; core_text() looks them up, unknown ones stay German)
CORE_TEXTS = (
    QT_TRANSLATE_NOOP("ProtectionCore", "Bitte ein Passwort eingeben."),
    QT_TRANSLATE_NOOP("ProtectionCore", "Zu kurz oder zu einfach (mindestens 10 Zeichen)."),
    QT_TRANSLATE_NOOP("ProtectionCore", "Schwach: länger machen oder Zahlen und Sonderzeichen mischen."),
    QT_TRANSLATE_NOOP("ProtectionCore", "Mittel: ein paar Zeichen mehr machen es deutlich sicherer."),
    QT_TRANSLATE_NOOP("ProtectionCore", "Gut."),
    QT_TRANSLATE_NOOP("ProtectionCore", "Sehr gut."),
    QT_TRANSLATE_NOOP("ProtectionCore", "Das Passwort muss mindestens 10 Zeichen lang sein."),
    QT_TRANSLATE_NOOP("ProtectionCore", "Das Passwort darf nicht mit einem Leerzeichen beginnen oder enden."),
    QT_TRANSLATE_NOOP("ProtectionCore", "Das Passwort ist falsch. Bitte noch einmal versuchen "
                                        "(auf Groß- und Kleinschreibung achten)."),
)


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def core_text(text: str) -> str:
    """A German message of the core in the UI language (when it is one of CORE_TEXTS)."""
    return QCoreApplication.translate(CORE_CONTEXT, text) if text else text


def _password_edit(parent: QWidget, name: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setAccessibleName(name)
    edit.setMinimumWidth(280)
    return edit


class StrengthMeter(QWidget):
    """A bar (0–4) and a sentence about the password typed."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 4)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(10)
        self.bar.setAccessibleName(tr("Stärke des Passworts"))
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.label)
        self.update_for("")

    def update_for(self, password: str) -> int:
        score, text = keys.password_strength(password)
        self.bar.setValue(score)
        self.bar.setStyleSheet(f"QProgressBar::chunk {{ background: {STRENGTH_COLOURS[score]}; }}")
        self.label.setText(core_text(text))
        return score


class SetPasswordDialog(QDialog):
    """First start (or a plain database of an earlier version): choose the password."""

    def __init__(self, parent: QWidget | None = None, *, migrating: bool = False, title: str = ""):
        super().__init__(parent)
        self.setWindowTitle(title or tr("Passwort festlegen – Kooperation Desktop"))
        self.intro = intro = QLabel(
            (tr("Die vorhandenen Daten werden jetzt verschlüsselt. ") if migrating else
             tr("Die Daten der Familien werden auf diesem Gerät verschlüsselt gespeichert. "))
            + tr("Bitte ein Passwort festlegen, das nur Sie kennen (mindestens "
                 "{n} Zeichen; ein Satz aus mehreren Wörtern ist gut zu merken). "
                 "Danach erhalten Sie einen Wiederherstellungsschlüssel für das Büro.").format(
                n=keys.MIN_PASSWORD_LENGTH), self)
        intro.setWordWrap(True)
        self.password_edit = _password_edit(self, tr("Neues Passwort"))
        self.repeat_edit = _password_edit(self, tr("Passwort wiederholen"))
        self.meter = StrengthMeter(self)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.form = form = QFormLayout()
        form.addRow(tr("&Passwort:"), self.password_edit)
        form.addRow("", self.meter)
        form.addRow(tr("Passwort &wiederholen:"), self.repeat_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("Passwort &festlegen"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("&Abbrechen"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.password_edit.textChanged.connect(self._changed)
        self.repeat_edit.textChanged.connect(self._changed)
        self._changed()

    def _changed(self) -> None:
        self.meter.update_for(self.password_edit.text())
        self.error.clear()
        self.ok_button.setEnabled(bool(self.password_edit.text()) and bool(self.repeat_edit.text()))

    def problems(self) -> list[str]:
        problems = [core_text(p) for p in keys.password_problems(self.password_edit.text())]
        if not problems and self.password_edit.text() != self.repeat_edit.text():
            problems.append(tr("Die beiden Passwörter stimmen nicht überein."))
        return problems

    def _accept(self) -> None:
        problems = self.problems()
        if problems:
            self.error.setText(" ".join(problems))
            return
        self.accept()

    def password(self) -> str:
        return self.password_edit.text()


class _Attempt(QObject):
    """``try_unlock(text)`` in a thread; ``done`` (message or None, exception or None) arrives in
    the dialog's thread."""

    done = Signal(object, object)

    def __init__(self, try_unlock: Callable[[str], str | None], text: str) -> None:
        super().__init__()
        self._try = try_unlock
        self._text = text

    def start(self) -> None:
        threading.Thread(target=self._run, name="unlock", daemon=True).start()

    def _run(self) -> None:
        try:
            message = self._try(self._text)
        except BaseException as exc:  # noqa: BLE001 - handed to the dialog's thread, raised there
            self.done.emit(None, exc)
            return
        self.done.emit(message, None)


class UnlockDialog(QDialog):
    """Ask for the password (or recovery key); ``try_unlock(text)`` returns None on success or a
    German message (shown in the UI language when known). After wrong passwords the button waits
    (RetryThrottle). ``title``/``text`` default to the start-up texts in the UI language.

    ``background``: ``try_unlock`` runs in a thread (the key derivation takes a while); meanwhile
    the dialog says it is opening and stays responsive (it repaints, it cannot be closed)."""

    def __init__(self, try_unlock: Callable[[str], str | None], parent: QWidget | None = None, *,
                 title: str = "", text: str = "",
                 throttle: keys.RetryThrottle | None = None, allow_cancel: bool = True,
                 background: bool = False):
        super().__init__(parent)
        self.setWindowTitle(title or tr("Entsperren – Kooperation Desktop"))
        self._try = try_unlock
        self._background = background
        self._running: _Attempt | None = None
        self.throttle = throttle or keys.RetryThrottle()
        text = text or tr("Die Daten sind verschlüsselt. Bitte Ihr Passwort eingeben.")
        label = QLabel(text + tr(" Wer das Passwort vergessen hat, gibt den Wiederherstellungsschlüssel "
                                 "aus dem Büro ein."), self)
        label.setWordWrap(True)
        self.password_edit = _password_edit(self, tr("Passwort"))
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.setAccessibleName(tr("Meldung"))
        self.error.hide()  # shown with a message; the dialog then grows to fit it (_fit_text)
        label.setMinimumWidth(360)
        buttons = QDialogButtonBox(parent=self)  # by keyword: (self) makes the namespace Qt to pick the overload
        self.ok_button = buttons.addButton(tr("&Entsperren"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        self.cancel_button = None
        if allow_cancel:
            self.cancel_button = buttons.addButton(tr("&Beenden"), QDialogButtonBox.ButtonRole.RejectRole)
            self.cancel_button.clicked.connect(self.reject)
        self.ok_button.clicked.connect(self.attempt)
        form = QFormLayout()
        form.addRow(tr("&Passwort:"), self.password_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.wait_timer = QTimer(self)
        self.wait_timer.setInterval(250)
        self.wait_timer.timeout.connect(self._tick)
        self._allow_cancel = allow_cancel

    def busy(self) -> bool:
        """True while a password is being tried in the background."""
        return self._running is not None

    def attempt(self) -> bool:
        """Try the password typed; True once it opened (in the background: False, the result
        comes later and the dialog closes itself on success)."""
        if self.throttle.remaining() > 0 or self._running is not None:
            return False
        if not self._background:
            return self._attempted(self._try(self.password_edit.text()))
        self._running = _Attempt(self._try, self.password_edit.text())
        self._running.done.connect(self._background_done)
        self.password_edit.setEnabled(False)
        self.ok_button.setEnabled(False)
        if self.cancel_button is not None:
            self.cancel_button.setEnabled(False)
        self.ok_button.setText(tr("Wird geöffnet …"))
        from PySide6.QtCore import Qt

        self.setCursor(Qt.CursorShape.BusyCursor)
        self._running.start()
        return False

    def _background_done(self, message: str | None, error: BaseException | None) -> None:
        self._running = None
        self.unsetCursor()
        self.password_edit.setEnabled(True)
        self.ok_button.setEnabled(True)
        if self.cancel_button is not None:
            self.cancel_button.setEnabled(True)
        self.ok_button.setText(tr("&Entsperren"))
        if error is not None:
            raise error
        if not self._attempted(message) and self.password_edit.isEnabled():
            self.password_edit.setFocus()

    def _attempted(self, message: str | None) -> bool:
        if message is None:
            self.throttle.succeeded()
            self.password_edit.clear()
            self.accept()
            return True
        self.password_edit.clear()
        delay = self.throttle.failed()
        self.error.setText(core_text(message))
        self.error.show()
        self._fit_text()
        if delay > 0:
            self.ok_button.setEnabled(False)
            self.password_edit.setEnabled(False)
            self.wait_timer.start()
            self._tick()
        return False

    def _fit_text(self) -> None:
        """Grow the dialog to the height its wrapped texts need (a message came up, a button
        text changed): nothing of it is cut, at any scaling."""
        layout = self.layout()
        assert layout is not None  # set in __init__
        layout.activate()
        need = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        need = max(need, layout.totalMinimumSize().height(), self.sizeHint().height())
        if need > self.height():
            self.resize(self.width(), need)

    def _tick(self) -> None:
        remaining = self.throttle.remaining()
        if remaining <= 0:
            self.wait_timer.stop()
            self.ok_button.setEnabled(True)
            self.password_edit.setEnabled(True)
            self.password_edit.setFocus()
            self.ok_button.setText(tr("&Entsperren"))
            return
        self.ok_button.setText(tr("Bitte {s} s warten").format(s=int(remaining) + 1))
        self._fit_text()

    def reject(self) -> None:
        if self._allow_cancel and self._running is None:
            super().reject()


class ChangePasswordDialog(SetPasswordDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, title=tr("Passwort ändern – Kooperation Desktop"))
        self.old_edit = _password_edit(self, tr("Bisheriges Passwort"))
        self.form.insertRow(0, tr("&Bisheriges Passwort (oder Wiederherstellungsschlüssel):"), self.old_edit)
        self.intro.setText(
            tr("Die Datenbank bekommt dabei einen neuen Schlüssel. Der Wiederherstellungsschlüssel des Büros "
               "bleibt gültig."))
        self.ok_button.setText(tr("Passwort &ändern"))

    def old_password(self) -> str:
        return self.old_edit.text()


def recovery_qr_pixmap(recovery_key: str, scale: int = 6) -> QPixmap:
    import segno
    from PySide6.QtGui import QPixmap

    buffer = io.BytesIO()
    segno.make(recovery_key, error="m").save(buffer, kind="png", scale=scale, border=2)
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap


class RecoveryKeyDialog(QDialog):
    """Shows the recovery key once, as text and QR code, with a print button."""

    def __init__(self, recovery_key: str, parent: QWidget | None = None):
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QFont

        super().__init__(parent)
        self.setWindowTitle(tr("Wiederherstellungsschlüssel – einmalig angezeigt"))
        self.recovery_key = recovery_key
        info = QLabel(
            tr("Mit diesem Schlüssel lassen sich die Daten öffnen, wenn das Passwort vergessen wurde. "
               "Bitte jetzt ausdrucken oder notieren, im Büro verschlossen aufbewahren und dann bestätigen. "
               "Ohne Bestätigung wird beim nächsten Start ein <b>neuer</b> Schlüssel angezeigt, und dieser hier "
               "gilt nicht mehr. Nicht auf dem Laptop speichern."), self)
        info.setWordWrap(True)
        self.key_label = QLabel(recovery_key, self)
        font = QFont("DejaVu Sans Mono")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(15)
        self.key_label.setFont(font)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setAccessibleName(tr("Wiederherstellungsschlüssel"))
        self.qr_label = QLabel(self)
        self.qr_label.setPixmap(recovery_qr_pixmap(recovery_key))
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_label.setAccessibleName(tr("QR-Code des Wiederherstellungsschlüssels"))
        self.print_button = QPushButton(tr("&Drucken…"), self)
        self.print_button.clicked.connect(lambda: ask_print_recovery(self, recovery_key))
        self.done_button = QPushButton(tr("Ich habe ihn ausgedruckt / &notiert"), self)
        self.done_button.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addStretch(1)
        row.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(self.key_label)
        layout.addWidget(self.qr_label)
        layout.addLayout(row)


def print_recovery_key(printer: QPaintDevice, recovery_key: str) -> None:
    """Paint the recovery sheet (title, key, QR code) on a QPrinter."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFont, QPainter

    painter = QPainter(printer)
    try:
        page = painter.viewport()
        font = QFont("DejaVu Sans", 14)
        painter.setFont(font)
        painter.drawText(page.adjusted(40, 40, -40, 0), Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                         tr("Kooperation Desktop – Wiederherstellungsschlüssel\n\nVerschlossen im Büro aufbewahren. "
                            "Öffnet die verschlüsselten Daten dieses Laptops, wenn das Passwort vergessen wurde."))
        mono = QFont("DejaVu Sans Mono", 18)
        painter.setFont(mono)
        painter.drawText(page.adjusted(40, page.height() // 4, -40, 0), Qt.AlignmentFlag.AlignTop, recovery_key)
        pixmap = recovery_qr_pixmap(recovery_key, scale=12)
        painter.drawPixmap(40, page.height() // 3, pixmap)
    finally:
        painter.end()


def ask_print_recovery(parent: QWidget, recovery_key: str) -> bool:
    """Print dialog for the recovery sheet; True if printed."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    print_recovery_key(printer, recovery_key)
    return True


# --- module-level questions (tests monkeypatch these) -------------------------------------------
def ask_new_password(parent: QWidget | None, migrating: bool = False) -> str | None:
    dialog = SetPasswordDialog(parent, migrating=migrating)
    return dialog.password() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_unlock(parent: QWidget | None, try_unlock: Callable[[str], str | None]) -> bool:
    """The password at start; ``try_unlock`` runs in a thread (see :class:`UnlockDialog`)."""
    return UnlockDialog(try_unlock, parent, background=True).exec() == QDialog.DialogCode.Accepted


def show_recovery_key(parent: QWidget | None, recovery_key: str) -> bool:
    """Show the key; True once the user confirmed it was printed / noted (else it is renewed and
    shown again at the next start)."""
    return RecoveryKeyDialog(recovery_key, parent).exec() == QDialog.DialogCode.Accepted


def ask_change_password(parent: QWidget | None) -> tuple[str, str] | None:
    dialog = ChangePasswordDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.old_password(), dialog.password()
