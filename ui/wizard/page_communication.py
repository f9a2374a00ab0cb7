"""Kommunikation & Berichte: meetings, feedback, reports and contact persons (3e)."""

from __future__ import annotations

from kooperation_desktop.domain.labels import COMMUNICATION_KIND
from kooperation_desktop.domain.model import CommunicationKind, CommunicationRule
from kooperation_desktop.domain.wizard import Step

from ..domain_labels import communication_kind
from ..widgets import Column, RowEditor, hint_label
from .base import StepPage


class CommunicationPage(StepPage):
    step = Step.COMMUNICATION

    def build(self) -> None:
        self.content.addWidget(hint_label(self.tr(
            "Wann treffen wir uns? Wer gibt wem Rückmeldung? Wer schreibt welchen Bericht an wen?"), self.body))
        self.rules = RowEditor(
            [
                Column("kind", self.tr("Art"), "combo", stretch=0,
                       choices=lambda: [(communication_kind(kind), kind) for kind in COMMUNICATION_KIND]),
                Column("what", self.tr("Was"), "grow", placeholder=self.tr("Was? z. B. Gemeinsames Treffen"),
                       own_line=True),
                Column("who", self.tr("Wer"), "grow", placeholder=self.tr("z. B. Familie, Fachkraft"), stretch=3),
                Column("to_whom", self.tr("An wen"), "grow", placeholder=self.tr("z. B. Jugendamt"), stretch=3),
                Column("rhythm", self.tr("Rhythmus"), "grow", placeholder=self.tr("z. B. alle zwei Wochen"), stretch=3),
                Column("next_date", self.tr("Nächster Termin"), "date", stretch=0),
            ],
            self._new_rule,
            add_text=self.tr("&Absprache hinzufügen"),
            item_name=self.tr("Absprache"),
            empty_text=self.tr("Noch keine Absprache."),
            parent=self.body,
            reflow=True,  # a narrow window: each agreement a card, one field under the other
        )
        self.rules.edited.connect(self.mark_dirty)
        self.rules.removed.connect(self.delete_entity)
        self.content.addWidget(self.rules)

    def _new_rule(self) -> CommunicationRule:
        position = max((r.position for r in self.rules.entities()), default=-1) + 1
        return CommunicationRule(agreement_id=self.agreement.id, position=position, kind=CommunicationKind.MEETING)

    def load(self) -> None:
        self.rules.set_entities(self.agreement.communication)
        if not self.agreement.communication:
            self.rules.add_row()
            self.focus_on_entry(self.rules.widget(0, "what"))  # the kind is chosen already (a meeting)
