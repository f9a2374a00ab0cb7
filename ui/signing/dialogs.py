"""Dialogs of signing. Modal questions are module-level ``ask_*`` functions a test replaces."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kooperation_desktop.domain.labels import format_date
from kooperation_desktop.domain.model import AgreementStatus
from kooperation_desktop.domain.rules import RuleViolation
from kooperation_desktop.signing.errors import SealError
from kooperation_desktop.signing.model import SignatureMethod
from kooperation_desktop.signing.service import (
    SigningOverview,
    SigningService,
    Verification,
)

from .. import settings
from ..domain_labels import label as enum_label
from ..i18n import current_language
from ..screen import fit_to_screen, size_limit
from ..widgets import DateEdit, ErrorLabel, hint_label, ok_cancel_buttons, section_label
from .pad import SignaturePad, tr

# --- replaceable questions ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SealSetup:
    organisation: str
    password: str


class SealSetupDialog(QDialog):
    """First use: the organisation's name (once) and the seal password (twice)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Siegel der Organisation einrichten"))
        layout = QVBoxLayout(self)
        layout.addWidget(hint_label(
            tr("Abgeschlossene Vereinbarungen werden beim Speichern digital versiegelt. So ist jede spätere "
               "Änderung der PDF-Datei erkennbar. Dafür legt das Programm einmalig einen Schlüssel für Ihren "
               "Träger an. Das Passwort schützt diesen Schlüssel – bitte gut aufbewahren."), self))
        form = QFormLayout()
        self.organisation = QLineEdit(self)
        self.organisation.setPlaceholderText(tr("z. B. Familienhilfe Lindenhof e. V."))
        self.organisation.setMinimumWidth(300)  # the whole example stays readable
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(self)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(tr("&Name des Trägers:"), self.organisation)
        form.addRow(tr("Siegel-&Passwort:"), self.password)
        form.addRow(tr("Passwort &wiederholen:"), self.repeat)
        layout.addLayout(form)
        self.error = ErrorLabel(self)
        layout.addWidget(self.error)
        ok_cancel_buttons(self, layout, tr("Einrichten"))

    def accept(self) -> None:
        problems = []
        if not self.organisation.text().strip():
            problems.append(tr("Bitte den Namen des Trägers eingeben."))
        if len(self.password.text()) < 8:
            problems.append(tr("Das Passwort muss mindestens 8 Zeichen lang sein."))
        elif self.password.text() != self.repeat.text():
            problems.append(tr("Die beiden Passwörter stimmen nicht überein."))
        if problems:
            self.error.show_messages(problems)
            return
        super().accept()

    def value(self) -> SealSetup:
        return SealSetup(self.organisation.text().strip(), self.password.text())


def ask_seal_setup(parent: QWidget | None) -> SealSetup | None:
    dialog = SealSetupDialog(parent)
    return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_seal_password(parent: QWidget | None, retry: bool = False) -> str | None:
    text = tr("Siegel-Passwort des Trägers:") if not retry else tr("Das Passwort stimmt nicht. Bitte noch einmal:")
    value, ok = QInputDialog.getText(parent, tr("PDF versiegeln"), text, QLineEdit.EchoMode.Password)
    return value if ok else None


def ask_pdf_to_verify(parent: QWidget | None) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, tr("PDF prüfen"), str(Path.home()), tr("PDF-Dokumente (*.pdf)"))
    return Path(name) if name else None


def ask_pkcs12(parent: QWidget | None) -> tuple[bytes, str] | None:
    name, _ = QFileDialog.getOpenFileName(parent, tr("Zertifikat des Trägers importieren"), str(Path.home()),
                                          "PKCS#12 (*.p12 *.pfx)")
    if not name:
        return None
    password, ok = QInputDialog.getText(parent, tr("Zertifikat importieren"), tr("Passwort der PKCS#12-Datei:"),
                                        QLineEdit.EchoMode.Password)
    return (Path(name).read_bytes(), password) if ok else None


def open_externally(path: Path) -> bool:
    """Hand a PDF to the system's viewer (to print it there)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def ask_end_help(parent: QWidget | None, version: int) -> bool:
    """End the help: True = mark the version as ended (cannot be undone). Default: cancel."""
    box = QMessageBox(QMessageBox.Icon.Question, tr("Hilfe beenden"),
                      tr("Die Hilfe beenden?\n\nVersion {version} wird als „beendet“ markiert und kann danach "
                         "nicht mehr unterschrieben werden. Das lässt sich nicht rückgängig machen.")
                      .format(version=version), parent=parent)
    end = box.addButton(tr("Hilfe beenden"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(tr("Abbrechen"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is end


def unlock_seal(parent: QWidget | None, signing: SigningService) -> bool:
    """Make sure the seal can be used: set it up on first use, else ask for its password."""
    if signing.unlocked:
        return True
    try:
        if signing.seal_identity() is None:
            setup = ask_seal_setup(parent)
            if setup is None:
                return False
            signing.set_up_seal(setup.organisation, setup.password)
            return True
        retry = False
        while True:
            password = ask_seal_password(parent, retry)
            if password is None:
                return False
            try:
                signing.unlock(password)
                return True
            except SealError:
                retry = True
    except SealError as exc:
        QMessageBox.warning(parent, tr("Siegel"), str(exc))
        return False


# --- paper signature ------------------------------------------------------------------------


class PaperDialog(QDialog):
    """„Auf Papier unterschrieben am …“ for one party."""

    def __init__(self, parent: QWidget | None, who: str):
        super().__init__(parent)
        self.setWindowTitle(tr("Unterschrift auf Papier eintragen"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("<b>{who}</b> hat die ausgedruckte Vereinbarung auf Papier unterschrieben.")
                                .format(who=who), self))
        form = QFormLayout()
        self.date = DateEdit(self, accessible_name=tr("Unterschrieben am"))
        self.date.setDate(dt.date.today())
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(tr("z. B. Original liegt in der Akte"))
        form.addRow(tr("Unterschrieben &am:"), self.date)
        form.addRow(tr("&Notiz:"), self.note)
        layout.addLayout(form)
        self.error = ErrorLabel(self)
        layout.addWidget(self.error)
        ok_cancel_buttons(self, layout, tr("Eintragen"))

    def accept(self) -> None:
        if not self.date.is_valid() or self.date.date() is None:
            self.error.show_messages([self.date.error_text() or tr("Bitte das Datum eingeben (TT.MM.JJJJ).")])
            return
        super().accept()


def ask_paper_date(parent: QWidget | None, who: str) -> tuple[dt.date, str] | None:
    dialog = PaperDialog(parent, who)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    day = dialog.date.date()
    assert day is not None  # accept() lets no empty date through
    return day, dialog.note.text()


# --- signing --------------------------------------------------------------------------------


class SignDialog(QDialog):
    """Sign one final version: every party in a list, a pad for the selected one."""

    def __init__(self, signing: SigningService, agreement_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.signing = signing
        self.agreement_id = agreement_id
        self.setWindowTitle(tr("Vereinbarung unterschreiben"))
        # most of the screen: the pad is where people sign with a finger or a pen
        fit_to_screen(self, QSize(1400, 820))
        layout = QVBoxLayout(self)
        self.heading = section_label("", self)
        layout.addWidget(self.heading)
        layout.addWidget(hint_label(
            tr("Jede Person unterschreibt für sich. Wer nicht da ist, unterschreibt später auf Papier; "
               "das wird hier mit Datum eingetragen. Wer unterschreibt, wird vor dem Abschließen im "
               "Schritt „Überblick“ festgelegt."), self))
        row = QHBoxLayout()
        self.parties = QListWidget(self)
        self.parties.setAccessibleName(tr("Wer unterschreibt"))
        # 240 px beside the pad; narrower where the screen is small (e.g. 1366×768 at 150 %)
        self.parties.setFixedWidth(240 if size_limit(self).width() >= 240 + 900 + 60 else 200)
        self.parties.setWordWrap(True)
        self.parties.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.parties.setSpacing(2)
        row.addWidget(self.parties)
        right = QVBoxLayout()
        self.who = QLabel(self)
        self.who.setWordWrap(True)
        right.addWidget(self.who)
        self.pad = SignaturePad(self)
        self.pad.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        right.addWidget(self.pad, 1)
        form = QFormLayout()
        self.place = QLineEdit(settings.load().default_place, self)  # the settings' place, changeable
        self.place.setPlaceholderText(tr("z. B. Musterstadt"))
        self.place.setAccessibleName(tr("Ort"))
        form.addRow(tr("&Ort:"), self.place)
        right.addLayout(form)
        buttons = QHBoxLayout()
        self.clear_button = QPushButton(tr("&Löschen"), self)
        self.sign_button = QPushButton(tr("&Unterschrift speichern"), self)
        self.paper_button = QPushButton(tr("Auf &Papier unterschrieben…"), self)
        for b in (self.clear_button, self.sign_button, self.paper_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        right.addLayout(buttons)
        self.error = ErrorLabel(self)
        right.addWidget(self.error)
        row.addLayout(right, 1)
        layout.addLayout(row, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout.addWidget(close)

        self.parties.currentRowChanged.connect(lambda _r: self._show_party())
        self.clear_button.clicked.connect(self.pad.clear)
        self.sign_button.clicked.connect(self.sign)
        self.paper_button.clicked.connect(self.record_paper)
        self.pad.changed.connect(self._update_buttons)
        self.overview: SigningOverview | None = None
        self.reload()

    def reload(self, select: int | None = None) -> None:
        self.overview = self.signing.overview(self.agreement_id, current_language())
        ov = self.overview
        done = sum(p.signed for p in ov.parties)
        self.heading.setText(tr("Version {version} · {done} von {total} unterschrieben").format(
            version=ov.version, done=done, total=len(ov.parties)))
        row = self.parties.currentRow() if select is None else select
        self.parties.blockSignals(True)
        self.parties.clear()
        for p in ov.parties:
            if p.signature is None:
                state = tr("offen")
            elif p.signature.method == SignatureMethod.SCREEN:
                state = tr("unterschrieben am {date}").format(date=format_date(p.signature.signed_on))
            else:
                state = tr("auf Papier unterschrieben am {date}").format(date=format_date(p.signature.signed_on))
            item = QListWidgetItem(f"{p.name}\n{p.role_label}\n– {state}")
            item.setData(Qt.ItemDataRole.UserRole, p.key)
            self.parties.addItem(item)
        self.parties.blockSignals(False)
        if ov.parties:
            if row < 0 or row >= len(ov.parties):
                row = next((i for i, p in enumerate(ov.parties) if not p.signed), 0)
            self.parties.setCurrentRow(row)
        self._show_party()

    def current(self):  # -> PartyStatus | None
        row = self.parties.currentRow()
        if self.overview is None or not 0 <= row < len(self.overview.parties):
            return None
        return self.overview.parties[row]

    def select_party(self, key: str) -> None:
        assert self.overview is not None
        self.parties.setCurrentRow(next(i for i, p in enumerate(self.overview.parties) if p.key == key))

    def _show_party(self) -> None:
        party = self.current()
        self.pad.clear()
        self.error.clear_messages()
        if party is None:
            self.who.setText("")
        elif party.signed:
            self.who.setText(tr("<b>{name}</b> hat schon unterschrieben.").format(name=party.name))
        else:
            self.who.setText(tr("Unterschrift von <b>{name}</b> ({role}):").format(name=party.name,
                                                                                  role=party.role_label))
        self._update_buttons()

    def _update_buttons(self) -> None:
        party = self.current()
        open_ = party is not None and not party.signed
        self.pad.setEnabled(open_)
        self.sign_button.setEnabled(open_ and not self.pad.is_empty())
        self.clear_button.setEnabled(open_ and not self.pad.is_empty())
        self.paper_button.setEnabled(open_)

    def sign(self) -> bool:
        party = self.current()
        if party is None:
            return False
        try:
            self.signing.sign_on_screen(self.agreement_id, party.key, self.pad.strokes(), self.pad.pad_size(),
                                        self.place.text())
        except RuleViolation as exc:
            self.error.show_messages([p.message for p in exc.problems])
            return False
        self.reload(select=-1)
        return True

    def record_paper(self) -> bool:
        party = self.current()
        if party is None:
            return False
        answer = ask_paper_date(self, party.name)
        if answer is None:
            return False
        try:
            self.signing.record_paper(self.agreement_id, party.key, answer[0], answer[1])
        except RuleViolation as exc:
            self.error.show_messages([p.message for p in exc.problems])
            return False
        self.reload(select=-1)
        return True


# --- verify ---------------------------------------------------------------------------------


class VerifyDialog(QDialog):
    """The result of „PDF prüfen…“."""

    def __init__(self, path: Path, result: Verification, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("PDF prüfen"))
        fit_to_screen(self, QSize(640, 320))
        layout = QVBoxLayout(self)
        colour = "#1B5E20" if result.ok else "#B00020"
        self.verdict = QLabel(f"<span style='color:{colour}; font-size:14pt'><b>{result.verdict}</b></span>", self)
        self.verdict.setWordWrap(True)
        layout.addWidget(self.verdict)
        layout.addWidget(hint_label(tr("Datei: {name}").format(name=path.name), self))
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setPlainText("\n".join(result.lines()[1:]))
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.verification = result  # (not "result": that would hide QDialog.result())


# --- version history ------------------------------------------------------------------------


class HistoryDialog(QDialog):
    """Every version of a case with dates and signing state; what changed between two."""

    def __init__(self, signing: SigningService, case_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.signing = signing
        self.setWindowTitle(tr("Versionen der Vereinbarung"))
        fit_to_screen(self, QSize(860, 600))
        layout = QVBoxLayout(self)
        self.entries = signing.history(case_id)
        self.versions = QTableWidget(len(self.entries), 5, self)
        self.versions.setAccessibleName(tr("Versionen"))
        self.versions.setHorizontalHeaderLabels([tr("Version"), tr("Stand"), tr("Angelegt"), tr("Abgeschlossen"),
                                                 tr("Unterschriften")])
        self.versions.verticalHeader().setVisible(False)
        self.versions.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.versions.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for r, e in enumerate(self.entries):
            signed = "—" if not e.parties else tr("{done} von {total}").format(done=e.signatures, total=e.parties)
            if e.signed_on:
                signed += tr(" (vollständig am {date})").format(date=format_date(e.signed_on))
            cells = [str(e.version), enum_label(AgreementStatus(e.status)),
                     format_date(e.created_at.date() if e.created_at else None),
                     format_date(e.finalised_at.date() if e.finalised_at else None, "—"), signed]
            for c, text in enumerate(cells):
                self.versions.setItem(r, c, QTableWidgetItem(text))
        self.versions.resizeColumnsToContents()
        self.versions.horizontalHeader().setStretchLastSection(True)
        self.versions.setMaximumHeight(40 + 30 * min(len(self.entries), 5))
        layout.addWidget(QLabel(tr("<b>Versionen</b>"), self))
        layout.addWidget(self.versions)

        row = QHBoxLayout()
        self.old = QComboBox(self)
        self.new = QComboBox(self)
        for e in self.entries:
            label = tr("Version {version} ({status})").format(version=e.version,
                                                               status=enum_label(AgreementStatus(e.status)))
            self.old.addItem(label, e.agreement_id)
            self.new.addItem(label, e.agreement_id)
        self.old.setAccessibleName(tr("Ältere Version"))
        self.new.setAccessibleName(tr("Neuere Version"))
        if len(self.entries) > 1:
            self.old.setCurrentIndex(1)
        compare_label = QLabel(tr("&Vergleichen:"), self)
        compare_label.setBuddy(self.old)
        row.addWidget(compare_label)
        row.addWidget(self.old)
        row.addWidget(QLabel(tr("mit"), self))
        row.addWidget(self.new)
        row.addStretch(1)
        layout.addLayout(row)

        self.changes = QTableWidget(0, 4, self)
        self.changes.setAccessibleName(tr("Änderungen"))
        self.changes.setHorizontalHeaderLabels([tr("Bereich"), tr("Änderung"), tr("Was"), tr("Einzelheiten")])
        self.changes.verticalHeader().setVisible(False)
        self.changes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.changes.setWordWrap(True)
        self.changes.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.changes.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.changes, 1)
        self.summary = hint_label("", self)
        layout.addWidget(self.summary)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.old.currentIndexChanged.connect(lambda _i: self.compare())
        self.new.currentIndexChanged.connect(lambda _i: self.compare())
        self.compare()

    def compare(self) -> None:
        old, new = self.old.currentData(), self.new.currentData()
        changes = self.signing.compare(old, new) if old is not None and new is not None else []
        self.changes.setRowCount(len(changes))
        for r, c in enumerate(changes):
            for col, text in enumerate((c.area, c.kind, c.what, c.detail)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.changes.setItem(r, col, item)
        for col, width in enumerate((130, 100, 280)):
            self.changes.resizeColumnToContents(col)
            self.changes.setColumnWidth(col, min(self.changes.columnWidth(col), width))
        self.changes.resizeRowsToContents()
        if old == new:
            self.summary.setText(tr("Bitte zwei verschiedene Versionen wählen."))
        else:
            self.summary.setText(tr("{n} Änderung(en).").format(n=len(changes)) if changes else
                                 tr("Keine inhaltlichen Änderungen."))
