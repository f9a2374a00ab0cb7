"""Signing in the main window: the menu „Unterschriften“ and the signing panel of the case view.

:class:`SigningController` is one part of the main window: built with the services, the window's
:class:`SigningService` and :class:`~.export.PdfExport` and the case view it follows; it offers a
menu and a panel the window places, and signals the window connects.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kooperation_desktop.domain.model import AgreementStatus, AgreementSummary, Case
from kooperation_desktop.domain.rules import RuleViolation
from kooperation_desktop.services import Services
from kooperation_desktop.signing.errors import SealError
from kooperation_desktop.signing.service import SigningService

from .. import dialogs as app_dialogs
from ..case_view import CaseView
from . import dialogs
from .export import PdfExport
from .pad import tr

_SIGNABLE = (AgreementStatus.FINAL, AgreementStatus.SIGNED)


def _signable(case: Case) -> int | None:
    return next((a.id for a in case.agreements if a.status in _SIGNABLE), None)


class SigningPanel(QWidget):
    """In the case view: the signing state of the version to sign, and the entry points."""

    def __init__(self, signing: SigningService, parent: QWidget | None = None):
        super().__init__(parent)
        self.signing = signing
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        row = QHBoxLayout()
        self.sign_button = QPushButton(tr("Unte&rschreiben…"), self)  # Alt+U: the menu „Unterschriften“
        self.history_button = QPushButton(tr("Versionen ver&gleichen…"), self)
        self.end_button = QPushButton(tr("Hilfe &beenden…"), self)
        self.end_button.setToolTip(tr("Die Hilfe ist vorbei: die abgeschlossene oder unterschriebene Version als "
                                      "„beendet“ markieren"))
        row.addWidget(self.sign_button)
        row.addWidget(self.history_button)
        row.addWidget(self.end_button)
        row.addStretch(1)
        layout.addLayout(row)

    def show_case(self, case: Case | None) -> None:
        agreement_id = _signable(case) if case else None
        self.history_button.setEnabled(bool(case and case.agreements))
        self.sign_button.setEnabled(agreement_id is not None)
        if agreement_id is None:
            ended = next((a for a in case.agreements if a.status == AgreementStatus.ENDED), None) if case else None
            if ended is not None:
                self.state.setText(tr("<b>Unterschriften:</b> Die Hilfe ist beendet (Version {version}).")
                                   .format(version=ended.version))
            else:
                self.state.setText(tr("<b>Unterschriften:</b> noch keine abgeschlossene Version") if case else "")
            return
        try:
            ov = self.signing.overview(agreement_id)
        except RuleViolation:
            self.state.setText("")
            return
        done = sum(p.signed for p in ov.parties)
        text = tr("<b>Unterschriften (Version {version}):</b> {done} von {total}").format(
            version=ov.version, done=done, total=len(ov.parties))
        if ov.complete:
            text += tr(" – vollständig unterschrieben")
        self.state.setText(text)




class SigningController(QObject):
    """The signing part of the main window: the menu „Unterschriften“ (:attr:`menu`) and the
    :attr:`panel` under the case view's versions, following the case the ``case_view`` shows."""

    case_changed = Signal(int)  # a case's data changed: the window reloads and selects it
    status_message = Signal(str)  # a note for the status bar

    def __init__(self, services: Services, signing: SigningService, pdf_export: PdfExport,
                 case_view: CaseView, parent: QWidget):
        super().__init__(parent)
        self.services = services
        self.signing = signing
        self.pdf_export = pdf_export
        self.case_view = case_view
        self.dialog_parent = parent
        self.sign_dialog: dialogs.SignDialog | None = None
        self.history_dialog: dialogs.HistoryDialog | None = None
        self.verify_dialog: dialogs.VerifyDialog | None = None

        def action(text: str, shortcut: str, slot: Callable[[], object]) -> QAction:
            made = QAction(text, parent)
            if shortcut:
                made.setShortcut(QKeySequence(shortcut))
            made.triggered.connect(lambda _checked=False: slot())
            return made

        self.sign_action = action(tr("&Unterschreiben…"), "Ctrl+U", self.open_sign_dialog)
        self.history_action = action(tr("Versionen ver&gleichen…"), "", self.open_history)
        self.print_action = action(tr("Zum Unterschreiben &drucken…"), "", self.print_for_signing)
        self.verify_action = action(tr("&PDF prüfen…"), "Ctrl+Shift+V", self.verify_pdf)
        self.import_action = action(tr("Zertifikat des Trägers &importieren…"), "", self.import_certificate)
        self.end_help_action = action(tr("Hilfe &beenden…"), "", self.end_help)
        self.menu = QMenu(tr("&Unterschriften"), parent)
        self.menu.addActions([self.sign_action, self.history_action, self.print_action, self.verify_action,
                              self.import_action])
        self.menu.addSeparator()  # ending the help cannot be undone: set apart from the rest
        self.menu.addAction(self.end_help_action)

        self.panel = SigningPanel(signing, parent)
        self.panel.sign_button.clicked.connect(lambda: self.open_sign_dialog())
        self.panel.history_button.clicked.connect(lambda: self.open_history())
        self.panel.end_button.clicked.connect(lambda: self.end_help())
        case_view.case_shown.connect(self.show_case)
        # choosing another version in the table changes what "Hilfe beenden…" would end
        case_view.agreements.itemSelectionChanged.connect(self.update_end_help)
        self.show_case(case_view.case)

    def show_case(self, case: Case | None) -> None:
        self.panel.show_case(case)
        self.update_end_help()

    def _current_case(self) -> tuple[int, Case] | None:
        """The case the case view shows, read again (its id and the case)."""
        shown = self.case_view.case
        if shown is None or shown.id is None:
            return None
        return shown.id, self.services.cases.get(shown.id)

    # --- use cases -------------------------------------------------------------------------
    def open_sign_dialog(self) -> dialogs.SignDialog | None:
        current = self._current_case()
        if current is None:
            return None
        case_id, case = current
        agreement_id = _signable(case)
        if agreement_id is None:
            app_dialogs.show_error(self.dialog_parent, tr(
                "Es gibt noch keine abgeschlossene Version zum Unterschreiben. Bitte die "
                "Vereinbarung zuerst abschließen."), tr("Unterschreiben"))
            return None
        dialog = dialogs.SignDialog(self.signing, agreement_id, self.dialog_parent)
        dialog.finished.connect(lambda _r: self.case_changed.emit(case_id))
        self.sign_dialog = dialog
        dialog.open()
        return dialog

    def open_history(self) -> dialogs.HistoryDialog | None:
        current = self._current_case()
        if current is None or not current[1].agreements:
            return None
        dialog = dialogs.HistoryDialog(self.signing, current[0], self.dialog_parent)
        self.history_dialog = dialog
        dialog.open()
        return dialog

    def verify_pdf(self) -> dialogs.VerifyDialog | None:
        path = dialogs.ask_pdf_to_verify(self.dialog_parent)
        if path is None:
            return None
        try:
            result = self.signing.verify_file(path)
        except OSError as exc:
            app_dialogs.show_error(self.dialog_parent, tr("Die Datei konnte nicht gelesen werden:\n{reason}").format(
                reason=exc.strerror or exc), tr("PDF prüfen"))
            return None
        dialog = dialogs.VerifyDialog(path, result, self.dialog_parent)
        self.verify_dialog = dialog
        dialog.open()
        return dialog

    def import_certificate(self) -> bool:
        parent = self.dialog_parent
        answer = dialogs.ask_pkcs12(parent)
        if answer is None:
            return False
        replace = self.signing.seal_identity() is not None
        if replace and QMessageBox.question(
                parent, tr("Zertifikat importieren"),
                tr("Es ist schon ein Siegel eingerichtet. Soll es durch das importierte Zertifikat ersetzt werden? "
                   "Früher versiegelte PDFs lassen sich danach nur noch mit „unbekannter Aussteller“ prüfen.")) \
                != QMessageBox.StandardButton.Yes:
            return False
        try:
            ident = self.signing.import_seal(answer[0], answer[1], replace=replace)
        except SealError as exc:
            app_dialogs.show_error(parent, str(exc), tr("Zertifikat importieren"))
            return False
        self.status_message.emit(tr("Siegel von „{name}“ eingerichtet.").format(name=ident.organisation))
        return True

    def print_for_signing(self) -> Path | None:
        """Save the version to sign (sealed) and hand it to the system's PDF viewer to print."""
        current = self._current_case()
        if current is None:
            return None
        case = current[1]
        agreement_id = _signable(case)
        if agreement_id is None:
            app_dialogs.show_error(self.dialog_parent, tr("Es gibt noch keine abgeschlossene Version zum "
                                                          "Unterschreiben."), tr("Drucken"))
            return None
        summary = next(a for a in case.agreements if a.id == agreement_id)
        path = self.pdf_export.save_as(self.dialog_parent, agreement_id, app_dialogs.suggested_pdf_name(
            summary.document_id, summary.version))
        if path is not None and not dialogs.open_externally(path):
            app_dialogs.show_error(self.dialog_parent, tr(
                "Die Datei wurde gespeichert ({path}), aber kein PDF-Programm konnte sie öffnen. Bitte dort "
                "drucken.").format(path=path), tr("Drucken"))
        return path

    def _to_end(self) -> AgreementSummary | None:
        """The version "Hilfe beenden…" ends: the one shown/selected for printing, if final or signed."""
        chosen = self.case_view.agreement_to_print()
        return chosen if chosen is not None and chosen.status in _SIGNABLE else None

    def update_end_help(self) -> None:
        """Enable "Hilfe beenden…" (menu and panel button) only for a final or signed version."""
        enabled = self._to_end() is not None
        self.end_help_action.setEnabled(enabled)
        self.panel.end_button.setEnabled(enabled)

    def end_help(self) -> bool:
        """The help is over: after asking, mark the version shown/selected for printing as ended."""
        case = self.case_view.case
        if case is None or case.id is None:
            return False
        parent = self.dialog_parent
        summary = self._to_end()
        if summary is None:
            app_dialogs.show_error(parent, tr("Beenden lässt sich nur eine abgeschlossene oder unterschriebene "
                                              "Version. Bitte diese Version in der Liste auswählen."),
                                   tr("Hilfe beenden"))
            return False
        if not dialogs.ask_end_help(parent, summary.version):
            return False
        try:
            self.signing.end(summary.id)
        except RuleViolation as exc:
            app_dialogs.show_rule_violation(parent, exc, tr("Hilfe beenden"))
            self.case_changed.emit(case.id)  # show the state the core refused from
            return False
        self.case_changed.emit(case.id)
        self.status_message.emit(
            tr("Hilfe beendet: Version {version} ist jetzt als „beendet“ markiert.").format(version=summary.version))
        return True
