"""Beteiligte: the family first, then who already helps (informal resources), then the professionals."""

from __future__ import annotations

from kooperation_desktop.domain.model import Partner, PartnerKind, Person
from kooperation_desktop.domain.wizard import Step

from ..widgets import Column, RowEditor, hint_label, section_label
from .base import StepPage

PARTNER_COLUMNS = (
    ("name", "Name", "Vor- und Nachname"),
    ("organisation", "Einrichtung", ""),
    ("function", "Funktion", ""),
    ("contact", "Kontakt", "Telefon, E-Mail"),
)

# (kind, heading, hint, add button, placeholders for organisation / function), in the order asked:
# the family's own resources come before professional ones (help is subsidiary).
PARTNER_SECTIONS = (
    (PartnerKind.RESOURCE_INFORMAL, "Wer hilft der Familie schon? (Verwandte, Nachbarn, Verein …)",
     "Menschen aus dem Umfeld der Familie. Mit ihnen arbeiten wir nur, wenn die Familie im nächsten "
     "Schritt einverstanden ist.", "&Helfende Person hinzufügen", "Verein (falls vorhanden)", "z. B. Oma, Nachbarin"),
    (PartnerKind.YOUTH_OFFICE, "Jugendamt",
     "Das Jugendamt, das die Hilfe beauftragt.", "&Jugendamt hinzufügen",
     "z. B. Jugendamt Musterstadt", "z. B. Fallführung ASD"),
    (PartnerKind.PROFESSIONAL, "Fachkraft",
     "Die Fachkraft des Trägers, die die Hilfe leistet.", "&Fachkraft hinzufügen",
     "Träger", "z. B. Familienhelferin"),
    (PartnerKind.RESOURCE_PROFESSIONAL, "Weitere Fachstellen (Schule, Kita, Ärztin, Beratung …)",
     "Auch für Fachstellen braucht es das Einverständnis der Familie.", "Weitere Fach&stelle hinzufügen",
     "z. B. Grundschule am Park", "z. B. Klassenlehrerin"),
)


class ParticipantsPage(StepPage):
    step = Step.PARTICIPANTS

    def build(self) -> None:
        self.content.addWidget(section_label("Familie", self.body))
        self.content.addWidget(hint_label(
            "Wer gehört zur Familie? Kinder, Eltern und alle, die im Haushalt leben.", self.body))
        self.persons = RowEditor(
            [
                Column("first_name", "Vorname", stretch=3),
                Column("last_name", "Nachname", stretch=3),
                Column("family_role", "Rolle in der Familie", placeholder="z. B. Mutter, Sohn", stretch=3),
                Column("birth_date", "Geburtsdatum", "date", stretch=2),
                Column("is_guardian", "Sorge-\nberechtigt", "check", stretch=0, tooltip="personensorgeberechtigt"),
            ],
            self._new_person,
            add_text="&Person hinzufügen",
            item_name="Person",
            empty_text="Noch keine Person eingetragen.",
            parent=self.body,
        )
        self._wire(self.persons)
        self.content.addWidget(self.persons)

        self.partner_editors: dict[PartnerKind, RowEditor] = {}
        for kind, heading, hint, add_text, org_ph, func_ph in PARTNER_SECTIONS:
            self.content.addSpacing(10)
            self.content.addWidget(section_label(heading, self.body))
            self.content.addWidget(hint_label(hint, self.body))
            placeholders = {"organisation": org_ph, "function": func_ph}
            editor = RowEditor(
                [Column(key, header, placeholder=placeholders.get(key, ph), stretch=3)
                 for key, header, ph in PARTNER_COLUMNS],
                lambda kind=kind: Partner(case_id=self.wiz().case_id, kind=kind),
                add_text=add_text,
                item_name=heading.split(" (")[0].rstrip("?"),
                empty_text="Noch niemand eingetragen.",
                parent=self.body,
            )
            self._wire(editor)
            self.partner_editors[kind] = editor
            self.content.addWidget(editor)

    @property
    def informal(self) -> RowEditor:
        return self.partner_editors[PartnerKind.RESOURCE_INFORMAL]

    @property
    def youth_office(self) -> RowEditor:
        return self.partner_editors[PartnerKind.YOUTH_OFFICE]

    @property
    def professional(self) -> RowEditor:
        return self.partner_editors[PartnerKind.PROFESSIONAL]

    @property
    def resources_professional(self) -> RowEditor:
        return self.partner_editors[PartnerKind.RESOURCE_PROFESSIONAL]

    def _new_person(self) -> Person:
        return Person(case_id=self.wiz().case_id)

    def _wire(self, editor: RowEditor) -> None:
        editor.edited.connect(self.mark_dirty)
        editor.removed.connect(self.delete_entity)

    def load(self) -> None:
        self.persons.set_entities(self.case.persons)
        if not self.case.persons:
            self.persons.add_row()  # an empty first row to type into; saved once something is typed
        for kind, editor in self.partner_editors.items():
            editor.set_entities([p for p in self.case.partners if p.kind == kind])
            if kind in (PartnerKind.YOUTH_OFFICE, PartnerKind.PROFESSIONAL) and not editor.row_count():
                editor.add_row()
        self.persons.widget(0, "first_name").setFocus()
