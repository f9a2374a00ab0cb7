"""The small modal questions of team mode: the server password (asked once per session, never
stored) and a value typed to settle a conflict. Module-level ``ask_*`` functions tests monkeypatch."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def _ok_cancel(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    """The dialog's two buttons: ``ok_text`` accepts, „Abbrechen“ rejects."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Abbrechen"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class PasswordDialog(QDialog):
    """„Anmeldung am Server“: the password of the user's server login."""

    def __init__(self, identity: str, server: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Anmeldung am Server"))
        layout = QVBoxLayout(self)
        intro = QLabel(tr("Zum Synchronisieren mit {server} bitte das Passwort der Anmeldung „{identity}“ "
                          "eingeben. Es bleibt nur bis zum Schließen des Programms im Speicher.")
                       .format(server=server, identity=identity), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        label = QLabel(tr("&Passwort:"), self)
        self.edit = QLineEdit(self)
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setAccessibleName(tr("Passwort der Server-Anmeldung"))
        self.edit.setMinimumWidth(300)
        label.setBuddy(self.edit)
        layout.addWidget(label)
        layout.addWidget(self.edit)
        layout.addWidget(_ok_cancel(self, tr("Anmelden")))


def ask_server_password(parent: QWidget, identity: str, server: str) -> str | None:
    """The password typed, or None when cancelled."""
    dialog = PasswordDialog(identity, server, parent)
    return dialog.edit.text() if dialog.exec() == QDialog.DialogCode.Accepted else None


class ValueDialog(QDialog):
    """„Wert bearbeiten“: type the value a conflict ends with (prefilled with this laptop's)."""

    def __init__(self, what: str, current: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Wert bearbeiten"))
        layout = QVBoxLayout(self)
        label = QLabel(tr("&Neuer Wert für „{what}“:").format(what=what), self)
        label.setWordWrap(True)
        self.edit = QPlainTextEdit(current, self)
        self.edit.setTabChangesFocus(True)
        self.edit.setAccessibleName(tr("Neuer Wert"))
        self.edit.setMinimumSize(360, 90)
        label.setBuddy(self.edit)
        layout.addWidget(label)
        layout.addWidget(self.edit, 1)
        layout.addWidget(_ok_cancel(self, tr("Übernehmen")))


def ask_value(parent: QWidget, what: str, current: str) -> str | None:
    """The value typed, or None when cancelled."""
    dialog = ValueDialog(what, current, parent)
    return dialog.edit.toPlainText() if dialog.exec() == QDialog.DialogCode.Accepted else None


class ColleagueDialog(QDialog):
    """„Fall übernehmen“: the server login of the colleague who covers the case."""

    def __init__(self, case_title: str, current: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Fall übernehmen"))
        layout = QVBoxLayout(self)
        intro = QLabel(tr("Wer vertritt den Fall „{case}“? Bitte den Benutzernamen der Server-Anmeldung der "
                          "Kollegin oder des Kollegen eingeben (z. B. anna_berg). Leer lassen beendet die "
                          "Vertretung.").format(case=case_title), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        label = QLabel(tr("&Benutzername:"), self)
        self.edit = QLineEdit(current, self)
        self.edit.setAccessibleName(tr("Benutzername der Vertretung"))
        self.edit.setMinimumWidth(300)
        label.setBuddy(self.edit)
        layout.addWidget(label)
        layout.addWidget(self.edit)
        layout.addWidget(_ok_cancel(self, tr("Übernehmen lassen")))


def ask_colleague(parent: QWidget, case_title: str, current: str) -> str | None:
    """The colleague's login ("" ends the cover), or None when cancelled."""
    dialog = ColleagueDialog(case_title, current, parent)
    return dialog.edit.text().strip() if dialog.exec() == QDialog.DialogCode.Accepted else None
