"""Signing in the main window: menu „Unterschriften“, a signing panel in the case view, and the
PDF export that seals every finalised version. ``install(main_window)`` wires it all."""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
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
from . import dialogs
from .pad import tr

if TYPE_CHECKING:
    from ..main_window import MainWindow

_SIGNABLE = (AgreementStatus.FINAL, AgreementStatus.SIGNED)


_BY_SERVICES: weakref.WeakKeyDictionary[Services, SigningService] = weakref.WeakKeyDictionary()


def signing_for(services: Services) -> SigningService:
    """One SigningService per open database, so the seal is unlocked once per session for every
    window (main window, wizard, preview)."""
    service = _BY_SERVICES.get(services)
    if service is None:
        service = _BY_SERVICES[services] = SigningService(services)
    return service


def signing_of(window: MainWindow) -> SigningService:
    service = signing_for(window.services)
    window.signing = service  # type: ignore[attr-defined]
    return service


def save_pdf(parent: QWidget | None, services: Services, agreement_id: int, path: Path) -> Path | None:
    """Save an agreement PDF the way every save does: a draft unsealed (ENTWURF), a finalised or
    signed version sealed. None when the user cancels unlocking the seal. Raises RuleViolation,
    SealError or OSError (German messages) for the caller to show."""
    signing = signing_for(services)
    if signing.needs_seal(agreement_id) and not dialogs.unlock_seal(parent, signing):
        return None
    return signing.export(agreement_id, path).path


def _selected_case(window: MainWindow) -> Case | None:
    case_id = window.selected_case_id()
    return window.services.get_case(case_id) if case_id is not None else None


def _signable(case: Case) -> int | None:
    return next((a.id for a in case.agreements if a.status in _SIGNABLE), None)


def open_sign_dialog(window: MainWindow) -> dialogs.SignDialog | None:
    case = _selected_case(window)
    if case is None:
        return None
    agreement_id = _signable(case)
    if agreement_id is None:
        app_dialogs.show_error(window, tr("Es gibt noch keine abgeschlossene Version zum Unterschreiben. Bitte die "
                                          "Vereinbarung zuerst abschließen."), tr("Unterschreiben"))
        return None
    dialog = dialogs.SignDialog(signing_of(window), agreement_id, window)
    dialog.finished.connect(lambda _r: window.refresh(select_id=case.id))
    window.sign_dialog = dialog  # type: ignore[attr-defined]
    dialog.open()
    return dialog


def open_history(window: MainWindow) -> dialogs.HistoryDialog | None:
    case = _selected_case(window)
    if case is None or not case.agreements:
        return None
    dialog = dialogs.HistoryDialog(signing_of(window), case.id, window)  # type: ignore[arg-type]
    window.history_dialog = dialog  # type: ignore[attr-defined]
    dialog.open()
    return dialog


def verify_pdf(window: MainWindow) -> dialogs.VerifyDialog | None:
    path = dialogs.ask_pdf_to_verify(window)
    if path is None:
        return None
    try:
        result = signing_of(window).verify_file(path)
    except OSError as exc:
        app_dialogs.show_error(window, tr("Die Datei konnte nicht gelesen werden:\n{reason}").format(
            reason=exc.strerror or exc), tr("PDF prüfen"))
        return None
    dialog = dialogs.VerifyDialog(path, result, window)
    window.verify_dialog = dialog  # type: ignore[attr-defined]
    dialog.open()
    return dialog


def import_certificate(window: MainWindow) -> bool:
    answer = dialogs.ask_pkcs12(window)
    if answer is None:
        return False
    signing = signing_of(window)
    replace = signing.seal_identity() is not None
    if replace and QMessageBox.question(
            window, tr("Zertifikat importieren"),
            tr("Es ist schon ein Siegel eingerichtet. Soll es durch das importierte Zertifikat ersetzt werden? "
               "Früher versiegelte PDFs lassen sich danach nur noch mit „unbekannter Aussteller“ prüfen.")) \
            != QMessageBox.StandardButton.Yes:
        return False
    try:
        ident = signing.import_seal(answer[0], answer[1], replace=replace)
    except SealError as exc:
        app_dialogs.show_error(window, str(exc), tr("Zertifikat importieren"))
        return False
    window.statusBar().showMessage(tr("Siegel von „{name}“ eingerichtet.").format(name=ident.organisation), 8000)
    return True


def export_sealed(window: MainWindow, agreement_id: int | None = None, path: Path | None = None) -> Path | None:
    """Save the chosen version as PDF: a draft unsealed (ENTWURF), every other version sealed."""
    case = _selected_case(window)
    if case is None:
        return None
    if not case.agreements:
        app_dialogs.show_error(window, tr("Für diesen Fall gibt es noch keine Vereinbarung."), tr("PDF exportieren"))
        return None
    if agreement_id is None:
        chosen = getattr(window.case_view, "agreement_to_print", lambda: None)()
        agreement_id = (chosen or case.agreements[0]).id
    summary = next(a for a in case.agreements if a.id == agreement_id)
    if path is None:
        path = app_dialogs.ask_save_path(
            window, app_dialogs.default_pdf_dir() / app_dialogs.suggested_pdf_name(summary.document_id, summary.version))
        if path is None:
            return None
    signing = signing_of(window)
    if signing.needs_seal(agreement_id) and not dialogs.unlock_seal(window, signing):
        return None
    try:
        result = signing.export(agreement_id, path)
    except (RuleViolation, SealError) as exc:
        text = "\n".join(p.message for p in exc.problems) if isinstance(exc, RuleViolation) else str(exc)
        app_dialogs.show_error(window, text, tr("PDF exportieren"))
        return None
    except OSError as exc:
        app_dialogs.show_error(window, tr("Die Datei konnte nicht gespeichert werden:\n{reason}").format(
            reason=exc.strerror or exc), tr("PDF exportieren"))
        return None
    window.statusBar().showMessage(
        (tr("PDF gespeichert und versiegelt: {path}") if result.sealed else tr("PDF gespeichert: {path}"))
        .format(path=result.path), 8000)
    return result.path


def print_for_signing(window: MainWindow) -> Path | None:
    """Save the version to sign (sealed) and hand it to the system's PDF viewer to print."""
    case = _selected_case(window)
    if case is None:
        return None
    agreement_id = _signable(case)
    if agreement_id is None:
        app_dialogs.show_error(window, tr("Es gibt noch keine abgeschlossene Version zum Unterschreiben."),
                               tr("Drucken"))
        return None
    path = export_sealed(window, agreement_id)
    if path is not None and not dialogs.open_externally(path):
        app_dialogs.show_error(window, tr("Die Datei wurde gespeichert ({path}), aber kein PDF-Programm "
                                          "konnte sie öffnen. Bitte dort drucken.").format(path=path), tr("Drucken"))
    return path


def _to_end(window: MainWindow) -> AgreementSummary | None:
    """The version "Hilfe beenden…" ends: the one shown/selected for printing, if final or signed."""
    chosen = window.case_view.agreement_to_print()
    return chosen if chosen is not None and chosen.status in _SIGNABLE else None


def update_end_help(window: MainWindow) -> None:
    """Enable "Hilfe beenden…" (menu and panel button) only for a final or signed version."""
    enabled = _to_end(window) is not None
    for widget in (getattr(window, "end_help_action", None), getattr(window, "signing_panel", None)):
        if isinstance(widget, SigningPanel):
            widget = widget.end_button
        if widget is not None:
            widget.setEnabled(enabled)


def end_help(window: MainWindow) -> bool:
    """The help is over: after asking, mark the version shown/selected for printing as ended."""
    case = window.case_view.case
    if case is None:
        return False
    summary = _to_end(window)
    if summary is None:
        app_dialogs.show_error(window, tr("Beenden lässt sich nur eine abgeschlossene oder unterschriebene "
                                          "Version. Bitte diese Version in der Liste auswählen."), tr("Hilfe beenden"))
        return False
    if not dialogs.ask_end_help(window, summary.version):
        return False
    try:
        signing_of(window).end(summary.id)
    except RuleViolation as exc:
        app_dialogs.show_rule_violation(window, exc, tr("Hilfe beenden"))
        window.refresh(select_id=case.id)  # show the state the core refused from
        return False
    window.refresh(select_id=case.id)
    window.statusBar().showMessage(
        tr("Hilfe beendet: Version {version} ist jetzt als „beendet“ markiert.").format(version=summary.version), 8000)
    return True


class SigningPanel(QWidget):
    """In the case view: the signing state of the version to sign, and the entry points."""

    def __init__(self, window: MainWindow, parent: QWidget | None = None):
        super().__init__(parent)
        self.window_ = window
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        row = QHBoxLayout()
        self.sign_button = QPushButton(tr("&Unterschreiben…"), self)
        self.history_button = QPushButton(tr("&Versionen vergleichen…"), self)
        self.end_button = QPushButton(tr("Hilfe &beenden…"), self)
        self.end_button.setToolTip(tr("Die Hilfe ist vorbei: die abgeschlossene oder unterschriebene Version als "
                                      "„beendet“ markieren"))
        row.addWidget(self.sign_button)
        row.addWidget(self.history_button)
        row.addWidget(self.end_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.sign_button.clicked.connect(lambda: open_sign_dialog(window))
        self.history_button.clicked.connect(lambda: open_history(window))
        self.end_button.clicked.connect(lambda: end_help(window))

    def show_case(self, case: Case | None) -> None:
        agreement_id = _signable(case) if case else None
        self.history_button.setEnabled(bool(case and case.agreements))
        self.sign_button.setEnabled(agreement_id is not None)
        update_end_help(self.window_)
        if agreement_id is None:
            ended = next((a for a in case.agreements if a.status == AgreementStatus.ENDED), None) if case else None
            if ended is not None:
                self.state.setText(tr("<b>Unterschriften:</b> Die Hilfe ist beendet (Version {version}).")
                                   .format(version=ended.version))
            else:
                self.state.setText(tr("<b>Unterschriften:</b> noch keine abgeschlossene Version") if case else "")
            return
        try:
            ov = signing_of(self.window_).overview(agreement_id)
        except RuleViolation:
            self.state.setText("")
            return
        done = sum(p.signed for p in ov.parties)
        text = tr("<b>Unterschriften (Version {version}):</b> {done} von {total}").format(
            version=ov.version, done=done, total=len(ov.parties))
        if ov.complete:
            text += tr(" – vollständig unterschrieben")
        self.state.setText(text)


def install(window: MainWindow) -> None:
    """Menu „Unterschriften“, the signing panel in the case view, sealed PDF export."""
    signing_of(window)
    menu = window.menuBar().addMenu(tr("&Unterschriften"))
    actions = [
        (tr("&Unterschreiben…"), "Ctrl+U", lambda: open_sign_dialog(window)),
        (tr("&Versionen vergleichen…"), "", lambda: open_history(window)),
        (tr("Zum Unterschreiben &drucken…"), "", lambda: print_for_signing(window)),
        (tr("&PDF prüfen…"), "Ctrl+Shift+V", lambda: verify_pdf(window)),
        (tr("Zertifikat des Trägers &importieren…"), "", lambda: import_certificate(window)),
        (tr("Hilfe &beenden…"), "", lambda: end_help(window)),
    ]
    for text, shortcut, slot in actions:
        action = QAction(text, window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
    window.signing_menu = menu  # type: ignore[attr-defined]
    window.end_help_action = action  # type: ignore[attr-defined]  (the last one: "Hilfe beenden…")
    menu.insertSeparator(action)  # ending the help cannot be undone: set apart from the rest

    # every exported PDF of a finalised version is sealed: the export button/action use export_sealed
    original = window.export_pdf
    for signal in (window.export_action.triggered, window.export_button.clicked):
        try:
            signal.disconnect(original)
        except (RuntimeError, TypeError):
            pass
        signal.connect(lambda *_: export_sealed(window))
    window.export_pdf = lambda: export_sealed(window)  # type: ignore[method-assign]

    # the signing panel in the case view, kept up to date with the shown case
    view = window.case_view
    panel = SigningPanel(window, view.widget())
    layout = view.widget().layout()
    at = layout.indexOf(view.agreements)  # right under the table of versions
    layout.insertWidget(at + 1 if at >= 0 else max(layout.count() - 1, 0), panel)
    window.signing_panel = panel  # type: ignore[attr-defined]
    view.case_shown.connect(panel.show_case)
    # choosing another version in the table changes what "Hilfe beenden…" would end
    view.agreements.itemSelectionChanged.connect(lambda: update_end_help(window))
    panel.show_case(view.case)
