"""Überblick: what is still missing, finalise the version, save the PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QListWidget, QPushButton

from kooperation_desktop.domain.labels import format_date
from kooperation_desktop.domain.rules import RuleViolation
from kooperation_desktop.domain.wizard import Step
from kooperation_desktop.signing.errors import SealError

from .. import dialogs
from ..domain_labels import agreement_status
from ..widgets import ERROR_STYLE, ErrorLabel, fill, hint_label, section_label
from .base import StepPage

OK_STYLE = "color: #1b5e20; font-weight: 600;"


class OverviewPage(StepPage):
    step = Step.OVERVIEW

    def build(self) -> None:
        self.summary = section_label("", self.body)
        self.content.addWidget(self.summary)
        self.missing_label = section_label(self.tr("Was noch fehlt"), self.body)
        self.content.addWidget(self.missing_label)
        self.missing = QListWidget(self.body)
        self.missing.setAccessibleName(self.tr("Was noch fehlt"))
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet(ERROR_STYLE)
        self.missing.setMinimumHeight(200)
        self.content.addWidget(self.missing)
        self.complete_label = hint_label("", self.body)
        self.complete_label.setStyleSheet(OK_STYLE)
        self.content.addWidget(self.complete_label)
        self.content.addWidget(hint_label(self.tr(
            "Mit „Vereinbarung abschließen“ wird diese Version eingefroren: Sie bekommt eine Prüfsumme und "
            "kann nicht mehr geändert werden. Änderungen ergeben später eine neue Version."), self.body))
        buttons = QHBoxLayout()
        self.finalise_button = QPushButton(self.tr("Vereinbarung &abschließen"), self.body)
        self.finalise_button.setAccessibleName(self.tr("Vereinbarung abschließen"))
        self.export_button = QPushButton(self.tr("&PDF speichern…"), self.body)
        self.export_button.setAccessibleName(self.tr("PDF speichern"))
        buttons.addWidget(self.finalise_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        self.content.addLayout(buttons)
        self.result = hint_label("", self.body)
        self.result.setStyleSheet(OK_STYLE)
        self.content.addWidget(self.result)
        self.action_error = ErrorLabel(self.body)
        self.content.addWidget(self.action_error)
        self.finalise_button.clicked.connect(self.finalise)
        self.export_button.clicked.connect(self.export_pdf)

    def load(self) -> None:
        a = self.agreement
        parts = [fill(self.tr("Version %1"), a.version), agreement_status(a.status)]
        if a.document_id:
            parts.append(fill(self.tr("Dokument %1"), a.document_id))
        if a.finalised_at:
            parts.append(fill(self.tr("abgeschlossen am %1"), format_date(a.finalised_at.date())))
        self.summary.setText(" · ".join(parts))
        problems = self.services.check(a.id) if a.is_editable else []
        self.missing.clear()
        for p in problems:
            self.missing.addItem(p.message)
        self.missing.setVisible(bool(problems))
        self.missing_label.setVisible(bool(problems))
        if not a.is_editable:
            self.complete_label.setText(
                fill(self.tr("Diese Version ist abgeschlossen. Prüfsumme (SHA-256): %1…"), a.content_hash[:16]))
        elif problems:
            self.complete_label.setText("")
        else:
            self.complete_label.setText(
                self.tr("Alles Nötige ist eingetragen. Die Vereinbarung kann abgeschlossen werden."))
        self.complete_label.setVisible(bool(self.complete_label.text()))
        self.finalise_button.setEnabled(a.is_editable and not problems)
        self.finalise_button.setToolTip(
            self.tr("Erst möglich, wenn nichts mehr fehlt.") if problems else self.tr("Diese Version einfrieren."))

    def isComplete(self) -> bool:  # "Fertig" just closes; everything is saved already
        return True

    def _reload_page(self) -> None:
        self.wiz().reload()
        self._loading = True
        try:
            self.load()
        finally:
            self._loading = False

    def finalise(self) -> None:
        self.action_error.clear_messages()
        try:
            agreement = self.services.finalise(self.agreement.id)
        except RuleViolation as exc:
            self.action_error.show_messages([p.message for p in exc.problems])
            self._reload_page()
            return
        self._reload_page()
        self.result.setText(fill(self.tr("Version %1 ist abgeschlossen. Prüfsumme: %2…"),
                                 agreement.version, agreement.content_hash[:16]))

    def export_pdf(self) -> Path | None:
        self.action_error.clear_messages()
        a = self.agreement
        path = dialogs.ask_save_path(self,
                                     dialogs.default_pdf_dir() / dialogs.suggested_pdf_name(a.document_id, a.version))
        if path is None:
            return None
        try:
            result = self.wiz().pdf_export.save(self, a.id, path)  # a finalised version is saved sealed
        except RuleViolation as exc:
            self.action_error.show_messages([p.message for p in exc.problems])
            return None
        except SealError as exc:
            self.action_error.show_messages([str(exc)])
            return None
        except OSError as exc:
            self.action_error.show_messages(
                [fill(self.tr("Die Datei konnte nicht gespeichert werden: %1"), exc.strerror or exc)])
            return None
        if result is None:
            return None
        self.result.setText(fill(self.tr("PDF gespeichert: %1"), result.path))
        return result.path
