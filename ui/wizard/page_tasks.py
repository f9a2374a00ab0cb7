"""Arbeitsteilung & Rollen: who does what until when, each party's role, the youth office's mandate.

Only family members and partners with the family's consent can be chosen; which partners those
are is asked from the core (:func:`kooperation_desktop.domain.rules.consented_partners`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from kooperation_desktop.domain.model import Partner, Role, Task
from kooperation_desktop.domain.rules import consented_partners
from kooperation_desktop.domain.wizard import Step

from ..domain_labels import partner_kind_short
from ..widgets import (
    Column,
    GrowingTextEdit,
    RowEditor,
    chain_before,
    clear_layout,
    fill,
    hint_label,
    section_label,
)
from .base import StepPage

Party = tuple[str, int | None]


def partner_label(partner: Partner) -> str:
    return f"{partner.display_name} – {partner_kind_short(partner.kind)}"


def task_party(task: Task) -> Party | None:
    if task.person_id is not None:
        return ("person", task.person_id)
    if task.partner_id is not None:
        return ("partner", task.partner_id)
    return None


def set_task_party(task: Task, party: Party | None) -> None:
    task.person_id = party[1] if party and party[0] == "person" else None
    task.partner_id = party[1] if party and party[0] == "partner" else None


class TasksPage(StepPage):
    step = Step.TASKS

    def build(self) -> None:
        self.content.addWidget(section_label(self.tr("Wer macht was bis wann?"), self.body))
        self.content.addWidget(hint_label(self.tr(
            "Auch die Familie übernimmt eigene Aufgaben. Personen und Stellen ohne Einverständnis der "
            "Familie können keine Aufgaben bekommen und stehen deshalb nicht zur Auswahl."), self.body))
        self.tasks = RowEditor(
            [
                Column("who", self.tr("Wer"), "combo", choices=self.party_choices, get=task_party,
                       set=set_task_party, stretch=5),
                Column("what", self.tr("Was"), "grow", placeholder=self.tr("Was? z. B. Lena morgens wecken"),
                       own_line=True, readability=True),
                Column("due_date", self.tr("Bis wann"), "date", placeholder=self.tr("laufend"), stretch=2),
            ],
            self._new_task,
            add_text=self.tr("&Aufgabe hinzufügen"),
            item_name=self.tr("Aufgabe"),
            empty_text=self.tr("Noch keine Aufgabe."),
            parent=self.body,
            reflow=True,  # a narrow window: each task a card, „Entfernen“ beside „Wer“
        )
        self.tasks.edited.connect(self.mark_dirty)
        self.tasks.removed.connect(self.delete_entity)
        self.content.addWidget(self.tasks)

        self.content.addSpacing(10)
        self.content.addWidget(section_label(self.tr("Rollen"), self.body))
        self.content.addWidget(hint_label(self.tr("Welche Rolle hat wer in der Zusammenarbeit?"), self.body))
        self.roles_host = QWidget(self.body)
        self.roles_grid = QGridLayout(self.roles_host)
        self.roles_grid.setContentsMargins(0, 0, 0, 0)
        self.roles_grid.setColumnStretch(1, 1)
        self.content.addWidget(self.roles_host)
        self.role_edits: dict[Party, GrowingTextEdit] = {}

        self.content.addSpacing(10)
        mandate_label = section_label(self.tr("Auftrag des &Jugendamts"), self.body)
        self.mandate = GrowingTextEdit(self.body, min_lines=3, max_lines=12)
        self.mandate.setPlaceholderText(self.tr("Was hat das Jugendamt beauftragt? z. B. aus dem Hilfeplan vom …"))
        self.mandate.setAccessibleName(self.tr("Auftrag des Jugendamts"))
        mandate_label.setBuddy(self.mandate)
        self.content.addWidget(mandate_label)
        self.content.addWidget(self.mandate)
        self.mandate.textChanged.connect(self._mandate_changed)

    # --- choices ---------------------------------------------------------------------------
    def party_choices(self) -> list[tuple[str, Party]]:
        case = self.case
        choices: list[tuple[str, Party]] = [
            (fill(self.tr("%1 (Familie)"), p.display_name), ("person", p.id)) for p in case.persons if p.id is not None
        ]
        choices += [
            (partner_label(p), ("partner", p.id)) for p in consented_partners(case)
        ]
        return choices

    def _new_task(self) -> Task:
        position = max((t.position for t in self.tasks.entities()), default=-1) + 1
        task = Task(agreement_id=self.agreement.id, position=position)
        choices = self.party_choices()
        if choices:
            set_task_party(task, choices[0][1])
        return task

    # --- loading ---------------------------------------------------------------------------
    def load(self) -> None:
        self.tasks.set_entities(self.agreement.tasks)
        if not self.agreement.tasks:
            self.tasks.add_row()
            self.focus_on_entry(self.tasks.widget(0, "what"))  # "who" is chosen already (the first person)
        self._load_roles()
        self.mandate.setPlainText(self.agreement.mandate)

    def _load_roles(self) -> None:
        clear_layout(self.roles_grid)
        self.role_edits = {}
        case = self.case
        parties: list[tuple[str, Party]] = [
            (fill(self.tr("%1 (Familie)"), p.display_name), ("person", p.id)) for p in case.persons
        ]
        allowed = consented_partners(case)
        parties += [(partner_label(p), ("partner", p.id)) for p in allowed]
        allowed_ids = {p.id for p in allowed}
        for role in self.agreement.roles:  # roles of partners whose consent was revoked stay visible
            if role.partner_id is not None and role.partner_id not in allowed_ids:
                partner = case.partner(role.partner_id)
                name = partner.display_name if partner else "?"
                parties.append((fill(self.tr("%1 – kein Einverständnis"), name), ("partner", role.partner_id)))
        for r, (label_text, party) in enumerate(parties):
            label = QLabel(label_text, self.roles_host)
            label.setWordWrap(True)
            edit = GrowingTextEdit(self.roles_host)  # wraps: the role reads from its beginning
            edit.setAccessibleName(fill(self.tr("Rolle von %1"), label_text))
            edit.setPlaceholderText(self.tr("z. B. begleitet, erinnert, berichtet …"))
            label.setBuddy(edit)
            existing = self._role_for(party)
            edit.setText(existing.description if existing else "")
            edit.textChanged.connect(lambda party=party, edit=edit: self._role_changed(party, edit.toPlainText()))
            self.roles_grid.addWidget(label, r, 0, Qt.AlignmentFlag.AlignTop)
            self.roles_grid.addWidget(edit, r, 1)
            self.role_edits[party] = edit
        if self.role_edits:
            chain_before(self.mandate, list(self.role_edits.values()))

    def _role_for(self, party: Party) -> Role | None:
        kind, pid = party
        return next((r for r in self.agreement.roles
                     if (r.person_id if kind == "person" else r.partner_id) == pid), None)

    def role_edit(self, name: str) -> GrowingTextEdit:
        """The role field of the party whose label contains ``name`` (for tests)."""
        for edit in self.role_edits.values():
            if name in edit.accessibleName():
                return edit
        raise KeyError(name)

    # --- changes ---------------------------------------------------------------------------
    def _role_changed(self, party: Party, text: str) -> None:
        if self._loading:
            return
        role = self._role_for(party)
        if role is None:
            kind, pid = party
            role = Role(agreement_id=self.agreement.id,
                        person_id=pid if kind == "person" else None,
                        partner_id=pid if kind == "partner" else None)
            self.agreement.roles.append(role)
        role.description = text
        self.mark_dirty(role)

    def _mandate_changed(self) -> None:
        if self._loading:
            return
        self.agreement.mandate = self.mandate.toPlainText()
        self.mark_agreement_dirty()
