"""Kommunikation & Berichte: meetings, feedback, reports and contact persons (3e)."""

from __future__ import annotations

from kooperation_desktop.domain.labels import COMMUNICATION_KIND
from kooperation_desktop.domain.model import CommunicationKind, CommunicationRule
from kooperation_desktop.domain.wizard import Step

from ..widgets import Column, RowEditor, hint_label
from .base import StepPage


class CommunicationPage(StepPage):
    step = Step.COMMUNICATION

    def build(self) -> None:
        self.content.addWidget(hint_label(
            "Wann treffen wir uns? Wer gibt wem Rückmeldung? Wer schreibt welchen Bericht an wen?", self.body))
        self.rules = RowEditor(
            [
                Column("kind", "Art", "combo", stretch=1,
                       choices=lambda: [(text, kind) for kind, text in COMMUNICATION_KIND.items()]),
                Column("what", "Was", placeholder="z. B. Gemeinsames Treffen", stretch=5),
                Column("who", "Wer", placeholder="z. B. Familie, Fachkraft", stretch=2),
                Column("to_whom", "An wen", placeholder="z. B. Jugendamt", stretch=2),
                Column("rhythm", "Rhythmus", placeholder="z. B. alle zwei Wochen", stretch=3),
                Column("next_date", "Nächster Termin", "date", stretch=2),
            ],
            self._new_rule,
            add_text="&Absprache hinzufügen",
            item_name="Absprache",
            empty_text="Noch keine Absprache.",
            parent=self.body,
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
