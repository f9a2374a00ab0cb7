"""Small dialogs and the modal questions tests replace (``ask_save_path``, ``ask_revocation``).

Callers use them through the module (``dialogs.ask_save_path(...)``) so a test can monkeypatch
``ui.dialogs.ask_save_path`` instead of driving a native file dialog.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from kooperation_desktop.domain.rules import RuleViolation

from .widgets import DateEdit, ErrorLabel, fill, hint_label, ok_cancel_buttons

# German legal terms (Hilfen nach SGB VIII): saved with the case as typed and printed in the
# agreement, so they stay German in both UI languages.
HELP_TYPES: tuple[str, ...] = (
    "§ 27 SGB VIII – Hilfe zur Erziehung",
    "§ 30 SGB VIII – Erziehungsbeistand / Betreuungshelfer",
    "§ 31 SGB VIII – Sozialpädagogische Familienhilfe",
    "§ 35a SGB VIII – Eingliederungshilfe bei seelischer Behinderung",
)


def suggested_pdf_name(document_id: str, version: int) -> str:
    """A file name without client names (the file may end up anywhere)."""
    base = "".join(ch for ch in (document_id or "Kooperationsvereinbarung") if ch.isalnum() or ch in "-_")
    return f"{base}_Version{version}.pdf"


def default_pdf_dir() -> Path:
    docs = Path.home() / "Dokumente"
    if docs.is_dir():
        return docs
    docs = Path.home() / "Documents"
    return docs if docs.is_dir() else Path.home()


def ask_save_path(parent: QWidget | None, suggested: Path) -> Path | None:
    """Ask where to save a PDF; None when the user cancels."""
    name, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("Dialogs", "PDF speichern"), str(suggested),
        QCoreApplication.translate("Dialogs", "PDF-Dokumente (*.pdf)"),
    )
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    return path


def show_rule_violation(parent: QWidget | None, exc: RuleViolation, title: str = "") -> None:
    """A refused use case: its (German, from the core) messages in a warning box (never a traceback)."""
    messages = [p.message for p in exc.problems] or [str(exc)]
    QMessageBox.warning(parent, title or QCoreApplication.translate("Dialogs", "Nicht möglich"), "\n\n".join(messages))


def ask_discard(parent: QWidget | None, messages: list[str]) -> bool:
    """Closing with input that could not be saved: True = close anyway (drop it), False = stay."""
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("Dialogs", "Nicht gespeicherte Eingaben"),
                      fill(QCoreApplication.translate(
                          "Dialogs", "Diese Eingaben konnten nicht gespeichert werden:\n\n%1\n\n"
                          "Trotzdem schließen? Die Eingaben gehen dann verloren."),
                          "\n".join(f"• {m}" for m in messages)), parent=parent)
    stay = box.addButton(QCoreApplication.translate("Dialogs", "Weiter bearbeiten"),
                         QMessageBox.ButtonRole.RejectRole)
    box.addButton(QCoreApplication.translate("Dialogs", "Verwerfen und schließen"),
                  QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(stay)
    box.exec()
    return box.clickedButton() is not stay


def ask_new_version(parent: QWidget | None, version: int) -> bool:
    """The newest version is frozen: True = create a new draft version for changes."""
    box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("Dialogs", "Neue Version anlegen?"),
                      fill(QCoreApplication.translate(
                          "Dialogs", "Version %1 ist abgeschlossen und bleibt unverändert.\n\n"
                          "Für Änderungen wird eine neue Version (Entwurf) angelegt. Jetzt anlegen?"), version),
                      parent=parent)
    create = box.addButton(QCoreApplication.translate("Dialogs", "Neue Version anlegen"),
                           QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QCoreApplication.translate("Dialogs", "Abbrechen"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is create


def finalise_question(parent: QWidget | None, version: int) -> QMessageBox:
    """The question before „Vereinbarung abschließen“: what freezing means; buttons „Abschließen“ /
    „Noch nicht“ (the first is the default)."""
    box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("Dialogs", "Vereinbarung abschließen?"),
                      fill(QCoreApplication.translate(
                          "Dialogs", "Version %1 wird jetzt eingefroren:\n\n"
                          "• Sie kann danach nicht mehr geändert werden; sie bekommt eine Prüfsumme, an der "
                          "jede spätere Änderung zu erkennen ist.\n"
                          "• Danach wird sie gedruckt und von allen unterschrieben.\n"
                          "• Für spätere Änderungen wird eine neue Version angelegt; diese bleibt erhalten.\n\n"
                          "Jetzt abschließen?"), version), parent=parent)
    finalise = box.addButton(QCoreApplication.translate("Dialogs", "Abschließen"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("Dialogs", "Noch nicht"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(finalise)
    return box


def ask_finalise(parent: QWidget | None, version: int) -> bool:
    """„Vereinbarung abschließen“: True once the user confirmed that this version is frozen."""
    box = finalise_question(parent, version)
    box.exec()
    return box.clickedButton() is box.defaultButton()


def show_error(parent: QWidget | None, text: str, title: str = "") -> None:
    QMessageBox.warning(parent, title or QCoreApplication.translate("Dialogs", "Fehler"), text)


@dataclass(frozen=True, slots=True)
class Revocation:
    on: dt.date
    note: str


class RevocationDialog(QDialog):
    """Asks for the date (and an optional note) of a consent's revocation."""

    def __init__(self, parent: QWidget | None, what: str):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Einverständnis widerrufen"))
        layout = QVBoxLayout(self)
        intro = QLabel(fill(self.tr("Widerruf des Einverständnisses: %1"), what), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.date = DateEdit(self, accessible_name=self.tr("Widerrufen am"))
        self.date.setDate(dt.date.today())
        self.note = QLineEdit(self)
        self.note.setAccessibleName(self.tr("Bemerkung zum Widerruf"))
        self.note.setPlaceholderText(self.tr("z. B. telefonisch erklärt"))
        date_label = QLabel(self.tr("Widerrufen &am:"), self)
        date_label.setBuddy(self.date)
        note_label = QLabel(self.tr("&Bemerkung:"), self)
        note_label.setBuddy(self.note)
        form.addRow(date_label, self.date)
        form.addRow(note_label, self.note)
        layout.addLayout(form)
        layout.addWidget(hint_label(self.tr("Der Widerruf gilt ab diesem Tag. Aufgaben und Rollen dieser "
                                            "Stelle werden in der Vereinbarung markiert."), self))
        self.error = ErrorLabel(self)
        layout.addWidget(self.error)
        ok_cancel_buttons(self, layout, self.tr("Widerrufen"))

    def accept(self) -> None:
        if not self.date.is_valid() or self.date.date() is None:
            self.error.show_messages([self.date.error_text() or self.tr("Bitte das Datum des Widerrufs eintragen.")])
            self.date.setFocus()
            return
        super().accept()

    def value(self) -> Revocation:
        return Revocation(self.date.date() or dt.date.today(), self.note.text().strip())


def ask_revocation(parent: QWidget | None, what: str) -> Revocation | None:
    """Ask for the revocation date; None when the user cancels."""
    dialog = RevocationDialog(parent, what)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        return dialog.value()
    return None


@dataclass(frozen=True, slots=True)
class NewCase:
    title: str
    file_number: str
    help_type: str


class NewCaseDialog(QDialog):
    """"Neuer Fall": Bezeichnung, Aktenzeichen, Hilfeart. The name is required (error at the field)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Neuer Fall"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(self.tr("z. B. Familie Çelik"))
        self.title_edit.setAccessibleName(self.tr("Bezeichnung des Falls"))
        self.title_error = ErrorLabel(self)
        self.file_number_edit = QLineEdit(self)
        self.file_number_edit.setPlaceholderText(self.tr("z. B. 51.2-2026-0142"))
        self.file_number_edit.setAccessibleName(self.tr("Aktenzeichen"))
        self.help_type_combo = QComboBox(self)
        self.help_type_combo.setEditable(True)
        self.help_type_combo.addItems(HELP_TYPES)
        self.help_type_combo.setCurrentIndex(-1)
        help_type_edit = self.help_type_combo.lineEdit()
        assert help_type_edit is not None  # an editable combo box has one
        help_type_edit.setPlaceholderText(self.tr("Hilfeart wählen oder eintragen"))
        self.help_type_combo.setAccessibleName(self.tr("Hilfeart"))
        title_label = QLabel(self.tr("&Bezeichnung:"), self)
        title_label.setBuddy(self.title_edit)
        file_label = QLabel(self.tr("&Aktenzeichen:"), self)
        file_label.setBuddy(self.file_number_edit)
        help_label = QLabel(self.tr("&Hilfeart:"), self)
        help_label.setBuddy(self.help_type_combo)
        form.addRow(title_label, self.title_edit)
        form.addRow("", self.title_error)
        form.addRow(file_label, self.file_number_edit)
        form.addRow(help_label, self.help_type_combo)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Fall anlegen"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.title_edit.textChanged.connect(lambda _t: self.title_error.clear_messages())

    def accept(self) -> None:
        if not self.title_edit.text().strip():
            self.title_error.show_messages([self.tr("Bitte eine Bezeichnung eintragen, z. B. „Familie Çelik“.")])
            self.title_edit.setFocus()
            return
        super().accept()

    def value(self) -> NewCase:
        return NewCase(
            self.title_edit.text().strip(),
            self.file_number_edit.text().strip(),
            self.help_type_combo.currentText().strip(),
        )
