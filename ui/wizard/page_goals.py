"""Ziele: each goal in the family's own words beside the professional wording."""

from __future__ import annotations

from kooperation_desktop.domain.model import Goal
from kooperation_desktop.domain.wizard import Step

from ..widgets import Column, RowEditor, hint_label
from .base import StepPage


class GoalsPage(StepPage):
    step = Step.GOALS

    def build(self) -> None:
        self.content.addWidget(hint_label(self.tr(
            "Links steht, was die Familie sagt – so, wie sie es sagt. Rechts die fachliche Formulierung "
            "für Hilfeplan und Jugendamt."), self.body))
        self.goals = RowEditor(
            [
                Column("client_words", self.tr("In den Worten der Familie"), "multiline",
                       placeholder=self.tr("z. B. „Wir wollen morgens ohne Streit aus dem Haus kommen.“"),
                       readability=True),
                Column("professional_wording", self.tr("Fachlich formuliert"), "multiline",
                       placeholder=self.tr("z. B. Die Familie hat eine verlässliche Morgenroutine.")),
            ],
            self._new_goal,
            add_text=self.tr("Ziel &hinzufügen"),
            item_name=self.tr("Ziel"),
            empty_text=self.tr("Noch kein Ziel formuliert."),
            parent=self.body,
        )
        self.goals.edited.connect(self.mark_dirty)
        self.goals.removed.connect(self.delete_entity)
        self.content.addWidget(self.goals)

    def _new_goal(self) -> Goal:
        position = max((g.position for g in self.goals.entities()), default=-1) + 1
        return Goal(agreement_id=self.agreement.id, position=position)

    def load(self) -> None:
        self.goals.set_entities(self.agreement.goals)
        if not self.agreement.goals:
            self.goals.add_row()
        self.goals.widget(0, "client_words").setFocus()
