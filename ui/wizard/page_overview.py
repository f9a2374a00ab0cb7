"""Überblick: what is still missing (each item jumps to its field), finalise the version after a
confirmation, then the next steps: preview & print, sign; save the PDF."""

from __future__ import annotations

import re
from pathlib import Path
from types import MappingProxyType

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from kooperation_desktop.domain.labels import format_date
from kooperation_desktop.domain.rules import RuleViolation
from kooperation_desktop.domain.wizard import Step
from kooperation_desktop.signing.errors import SealError

from .. import dialogs
from ..domain_labels import agreement_status
from ..widgets import (
    ErrorLabel,
    RowEditor,
    fill,
    focus_target,
    hint_label,
    section_label,
)
from .base import StepPage
from .signers_box import SignersBox

OK_STYLE = "color: #1b5e20; font-weight: 600;"
LINK_STYLE = "QListWidget { color: #0b57d0; }"
FIELD_ROLE = Qt.ItemDataRole.UserRole  # a missing item's field key (the core's Problem.field)

# the step of a missing item, by the first part of the core's field key ("goals[0].indicators[1].target")
FIELD_STEPS = MappingProxyType({
    "persons": Step.PARTICIPANTS, "partners": Step.PARTICIPANTS, "consents": Step.CONSENT,
    "goals": Step.GOALS, "tasks": Step.TASKS, "roles": Step.TASKS, "mandate": Step.TASKS,
    "communication": Step.COMMUNICATION, "start_date": Step.TIMEFRAME, "planned_end": Step.TIMEFRAME,
    "transition": Step.TIMEFRAME, "client_view": Step.TIMEFRAME, "goodwill": Step.TIMEFRAME,
    "language": Step.TIMEFRAME,
})
FIELD_KEY = r"(\w+)(?:\[(\d+)\])?(?:\.(\w+)(?:\[(\d+)\])?(?:\.(\w+))?)?"


class OverviewPage(StepPage):
    step = Step.OVERVIEW
    next_step_requested = Signal(str)  # "preview" / "sign": the main window closes the wizard and opens it

    def build(self) -> None:
        self.summary = section_label("", self.body)
        self.content.addWidget(self.summary)
        self.missing_label = section_label(self.tr("Was noch fehlt"), self.body)
        self.content.addWidget(self.missing_label)
        self.missing_hint = hint_label(self.tr(
            "Ein Klick (oder Enter) auf einen Punkt führt zum Schritt und Feld, wo er fehlt."), self.body)
        self.content.addWidget(self.missing_hint)
        self.missing = QListWidget(self.body)
        self.missing.setAccessibleName(self.tr("Was noch fehlt"))
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet(LINK_STYLE)
        self.missing.setCursor(Qt.CursorShape.PointingHandCursor)
        self.missing.setMinimumHeight(200)
        self.missing.itemClicked.connect(self._missing_chosen)
        self.missing.itemActivated.connect(self._missing_chosen)
        self.content.addWidget(self.missing)
        self.complete_label = hint_label("", self.body)
        self.complete_label.setStyleSheet(OK_STYLE)
        self.content.addWidget(self.complete_label)
        self.signers = SignersBox(self.services, self.body)  # who signs: frozen with the version
        self.content.addWidget(self.signers)
        self.finalise_hint = hint_label(self.tr(
            "Mit „Vereinbarung abschließen“ wird diese Version eingefroren: Sie bekommt eine Prüfsumme und "
            "kann nicht mehr geändert werden. Änderungen ergeben später eine neue Version."), self.body)
        self.content.addWidget(self.finalise_hint)
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

        # after finalising: what comes next
        self.next_steps = QWidget(self.body)
        steps = QHBoxLayout(self.next_steps)
        steps.setContentsMargins(0, 8, 0, 0)
        steps.addWidget(section_label(self.tr("Nächste Schritte:"), self.next_steps))
        self.preview_button = QPushButton(self.tr("1. &Vorschau && drucken…"), self.next_steps)
        self.preview_button.setAccessibleName(self.tr("Vorschau und drucken"))
        arrow = section_label("→", self.next_steps)
        arrow.setWordWrap(False)
        self.sign_button = QPushButton(self.tr("2. &Unterschreiben…"), self.next_steps)
        self.sign_button.setAccessibleName(self.tr("Unterschreiben"))
        for widget in (self.preview_button, arrow, self.sign_button):
            steps.addWidget(widget)
        steps.addStretch(1)
        self.content.addWidget(self.next_steps)
        self.preview_button.clicked.connect(lambda: self.next_step_requested.emit("preview"))
        self.sign_button.clicked.connect(lambda: self.next_step_requested.emit("sign"))
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
        assert a.id is not None  # the wizard edits a stored agreement (current_draft)
        problems = self.services.agreements.check(a.id) if a.is_editable else []
        self.missing.clear()
        link_font = QFont(self.missing.font())
        link_font.setUnderline(True)
        for p in problems:
            item = QListWidgetItem(p.message, self.missing)
            item.setData(FIELD_ROLE, p.field)
            item.setFont(link_font)
            item.setToolTip(self.tr("Zum Feld springen"))
        for widget in (self.missing, self.missing_label, self.missing_hint):
            widget.setVisible(bool(problems))
        self.finalise_hint.setVisible(a.is_editable)
        self.next_steps.setVisible(not a.is_editable)
        if not a.is_editable:  # the checksum once, here
            self.complete_label.setText(
                fill(self.tr("Diese Version ist abgeschlossen. Prüfsumme (SHA-256): %1…"), a.content_hash[:16]))
        elif problems:
            self.complete_label.setText("")
        else:
            self.complete_label.setText(
                self.tr("Alles Nötige ist eingetragen. Die Vereinbarung kann abgeschlossen werden."))
        self.complete_label.setVisible(bool(self.complete_label.text()))
        self.signers.load(self.case, a)
        self.finalise_button.setEnabled(a.is_editable and not problems)
        self.finalise_button.setVisible(a.is_editable)  # once frozen, the next steps below take its place
        self.finalise_button.setToolTip(
            self.tr("Erst möglich, wenn nichts mehr fehlt.") if problems else self.tr("Diese Version einfrieren."))

    def isComplete(self) -> bool:  # "Fertig" just closes; everything is saved already
        return True

    def finalise(self) -> None:
        self.action_error.clear_messages()
        if not dialogs.ask_finalise(self, self.agreement.version):
            return
        agreement_id = self.agreement.id
        assert agreement_id is not None  # the wizard edits a stored agreement (current_draft)
        try:
            self.services.agreements.finalise(agreement_id)
        except RuleViolation as exc:
            self.action_error.show_messages([p.message for p in exc.problems])
            self.refill()
            return
        self.refill()
        self.result.setText("")  # the summary and the checksum line above say it; the next steps follow
        self.preview_button.setFocus()

    def export_pdf(self) -> Path | None:
        self.action_error.clear_messages()
        a = self.agreement
        path = dialogs.ask_save_path(self,
                                     dialogs.default_pdf_dir() / dialogs.suggested_pdf_name(a.document_id, a.version))
        if path is None:
            return None
        assert a.id is not None  # the wizard edits a stored agreement (current_draft)
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

    # --- missing items: jump to their step and field ----------------------------------------
    def _missing_chosen(self, item: QListWidgetItem) -> None:
        self.jump_to(str(item.data(FIELD_ROLE) or ""))

    def jump_to(self, field: str) -> QWidget | None:
        """Go to the step of the core's field key (``goals[1].indicators[0].target``) and put the
        focus into its field; returns the focused widget (None: the step only)."""
        match = re.fullmatch(FIELD_KEY, field)
        step = FIELD_STEPS.get(match.group(1)) if match else None
        if match is None or step is None:
            return None
        wizard = self.wiz()
        wizard.go_to_step(step)
        page = wizard.pages[step]
        widget = field_widget(page, match.group(1), int(match.group(2) or 0), match.group(3),
                              int(match.group(4) or 0), match.group(5))
        if widget is None:
            return None
        widget = focus_target(widget)
        page.scroll_area.ensureWidgetVisible(widget)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return widget


def _row_or_add(editor: RowEditor, row: int, key: str) -> QWidget:
    return editor.widget(row, key) if row < editor.row_count() else editor.add_button


def field_widget(page, name: str, i: int, sub: str | None, j: int, leaf: str | None) -> QWidget | None:
    """The widget of a missing item on its page (the page is shown already)."""
    if name == "persons":
        return _row_or_add(page.persons, 0, "first_name")
    if name == "partners":
        return _row_or_add(page.youth_office, 0, "name")
    if name == "consents":
        return page.general_check if page.general_check.isEnabled() else page.record_button
    if name == "goals":
        if sub == "indicators":  # the indicators step, the goal chosen
            indicators = page.wiz().pages[Step.INDICATORS]
            page.wiz().go_to_step(Step.INDICATORS)
            if indicators.goal_combo.currentIndex() != i and i < indicators.goal_combo.count():
                indicators.goal_combo.setCurrentIndex(i)
            if j < len(indicators.boxes):
                box = indicators.boxes[j]
                return {"baseline": box.baseline, "target": box.target}.get(leaf or "", box.description)
            return indicators.add_button
        return _row_or_add(page.goals, i, sub if sub in ("client_words", "professional_wording") else "client_words")
    if name == "tasks":
        return _row_or_add(page.tasks, i, "what")
    if name == "roles":
        empty = [e for e in page.role_edits.values() if not e.toPlainText().strip()]
        edits = list(page.role_edits.values())
        return (empty or edits or [page.mandate])[0]
    if name == "mandate":
        return page.mandate
    if name == "communication":
        return _row_or_add(page.rules, i, "what")
    if name in ("start_date", "planned_end"):
        return page.dates[name]
    if name == "transition":
        return page.texts["transition_offers"]
    if name == "client_view":
        return page.texts["client_view"]
    if name == "goodwill":
        return page.goodwill
    if name == "language":
        return page.language.combo
    return None
