"""Dialog "Übergang planen" (seed part 4): further offers, partners the family keeps, what the family
now does alone."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kooperation_desktop.domain.labels import format_date
from kooperation_desktop.domain.rules import RuleViolation
from kooperation_desktop.followup.model import TransitionPlan
from kooperation_desktop.followup.service import FollowUpService

from ..screen import fit_to_screen
from ..widgets import DateEdit, ErrorLabel, hint_label, section_label
from .charts import tr


class TransitionDialog(QDialog):
    def __init__(self, follow: FollowUpService, case_id: int, parent: QWidget | None = None,
                 planned_end: dt.date | None = None):
        super().__init__(parent)
        self.follow = follow
        self.plan = follow.transition(case_id)
        self.saved: TransitionPlan | None = None
        self.setWindowTitle(tr("Übergang planen"))
        fit_to_screen(self, QSize(640, 560))
        layout = QVBoxLayout(self)
        layout.addWidget(section_label(tr("Wie geht es nach der Hilfe weiter?"), self))
        end = tr(" Die Hilfe endet am {date}.").format(date=format_date(planned_end)) if planned_end else ""
        layout.addWidget(hint_label(
            tr("Die Hilfe ist zeitlich begrenzt. Ziel ist, dass die Familie an weitere Angebote und Partner "
               "angebunden ist und selbstständig mit ihnen zusammenarbeiten kann.") + end, self))
        self.offers = self._text(tr("&Anschlussangebote (z. B. Elterncafé, Beratungsstelle):"), self.plan.offers)
        self.partners = self._text(tr("&Partner, die bleiben:"), self.plan.partners_kept)
        self.alone = self._text(tr("Das schafft die Familie jetzt &allein:"), self.plan.client_alone)
        self.date = DateEdit(self, accessible_name=tr("Besprochen am"))
        self.date.setDate(self.plan.agreed_on or dt.date.today())
        date_label = QLabel(tr("&Besprochen am:"), self)
        date_label.setBuddy(self.date)
        layout.addWidget(date_label)
        layout.addWidget(self.date)
        self.error = ErrorLabel(self)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr("Übergang speichern"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Abbrechen"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _text(self, label: str, value: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(value, self)
        edit.setAccessibleName(label.replace("&", "").rstrip(":"))
        edit.setFixedHeight(80)
        lab = QLabel(label, self)
        lab.setBuddy(edit)
        layout = self.layout()
        assert layout is not None  # set in __init__
        layout.addWidget(lab)
        layout.addWidget(edit)
        return edit

    def accept(self) -> None:
        if not self.date.is_valid():
            self.error.show_messages([self.date.error_text()])
            return
        self.plan.offers = self.offers.toPlainText().strip()
        self.plan.partners_kept = self.partners.toPlainText().strip()
        self.plan.client_alone = self.alone.toPlainText().strip()
        self.plan.agreed_on = self.date.date()
        try:
            self.saved = self.follow.save_transition(self.plan)
        except RuleViolation as exc:
            self.error.show_messages([p.message for p in exc.problems])
            return
        super().accept()
