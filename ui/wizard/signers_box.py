"""Wer unterschreibt? One checkbox per family member on the overview step (issue 13).

By default everyone with custody or a task signs (:func:`rules.family_signers`); a child who signs
"unterschreibt mit". A tick changes the person's choice (``Person.signs``); finalising freezes it.
The PDF's signature lines and the signing dialog follow it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from kooperation_desktop.domain import rules
from kooperation_desktop.domain.model import Agreement, Case, Person
from kooperation_desktop.domain.rules import RuleViolation
from kooperation_desktop.services import Services
from kooperation_desktop.signing.parties import signs_along

from ..widgets import ErrorLabel, WrappingCheckBox, fill, hint_label, section_label


class SignersBox(QWidget):
    """The family members who sign this version; editable while it is a draft."""

    changed = Signal()  # a choice was saved

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(section_label(self.tr("Wer unterschreibt?"), self))
        self.hint = hint_label(self.tr(
            "Vorgeschlagen: alle, die sorgeberechtigt sind oder eine Aufgabe übernommen haben. Kinder "
            "unterschreiben mit. Die Partner mit Einverständnis unterschreiben immer."), self)
        layout.addWidget(self.hint)
        self.rows = QVBoxLayout()
        layout.addLayout(self.rows)
        self.error = ErrorLabel(self)
        layout.addWidget(self.error)
        self.boxes: dict[int, QCheckBox] = {}
        self._persons: dict[int, Person] = {}

    def load(self, case: Case, agreement: Agreement) -> None:
        """Show who signs ``agreement`` (a finalised version: as it was frozen, not changeable)."""
        if not agreement.is_editable and agreement.id is not None:
            case, agreement = self.services.agreements.document(agreement.id)
        for box in self.boxes.values():
            self.rows.removeWidget(box)
            box.hide()  # gone at once, not only when the deferred delete runs
            box.deleteLater()
        self.boxes.clear()
        self.error.clear_messages()
        self._persons = {p.id: p for p in case.persons if p.id is not None}
        signing = {p.id for p in rules.family_signers(case, agreement)}
        for p in case.persons:
            if p.id is None:
                continue
            name = p.display_name or self.tr("(ohne Namen)")
            if p.family_role.strip():
                name = f"{name} ({p.family_role.strip()})"
            text = self.tr("%1 unterschreibt mit") if signs_along(p, agreement) else self.tr("%1 unterschreibt")
            box = WrappingCheckBox(fill(text, name), self)  # a long role wraps
            box.setAccessibleName(fill(text, name))
            box.setChecked(p.id in signing)
            box.setEnabled(agreement.is_editable)
            box.toggled.connect(lambda checked, pid=p.id: self._choose(pid, checked))
            self.rows.addWidget(box)
            self.boxes[p.id] = box
        self.setVisible(bool(self.boxes))

    def _choose(self, person_id: int, checked: bool) -> None:
        person = self._persons.get(person_id)
        if person is None:
            return
        before = person.signs
        person.signs = checked
        try:
            self.services.parties.save(person)
        except RuleViolation as exc:
            person.signs = before
            self.error.show_messages([p.message for p in exc.problems])
            return
        self.error.clear_messages()
        self.changed.emit()
