"""Beteiligte: the family first, then who already helps (informal resources), then the professionals."""

from __future__ import annotations

from functools import partial

from kooperation_desktop.domain.model import Partner, PartnerKind, Person
from kooperation_desktop.domain.wizard import Step

from ..i18n import QT_TRANSLATE_NOOP
from ..widgets import Column, RowEditor, hint_label, section_label
from .base import StepPage

# texts in German; translated at display time (context "ParticipantsPage")
PARTNER_COLUMNS = (
    ("name", QT_TRANSLATE_NOOP("ParticipantsPage", "Name"),
     QT_TRANSLATE_NOOP("ParticipantsPage", "Vor- und Nachname")),
    ("organisation", QT_TRANSLATE_NOOP("ParticipantsPage", "Einrichtung"), ""),
    ("function", QT_TRANSLATE_NOOP("ParticipantsPage", "Funktion"), ""),
    ("contact", QT_TRANSLATE_NOOP("ParticipantsPage", "Kontakt"),
     QT_TRANSLATE_NOOP("ParticipantsPage", "Telefon, E-Mail")),
)

# (kind, heading, hint, add button, placeholders for organisation / function, name of one row), in the
# order asked: the family's own resources come before professional ones (help is subsidiary).
PARTNER_SECTIONS = (
    (PartnerKind.RESOURCE_INFORMAL,
     QT_TRANSLATE_NOOP("ParticipantsPage", "Wer hilft der Familie schon? (Verwandte, Nachbarn, Verein …)"),
     QT_TRANSLATE_NOOP("ParticipantsPage",
                       "Menschen aus dem Umfeld der Familie. Mit ihnen arbeiten wir nur, wenn die Familie im nächsten "
                       "Schritt einverstanden ist."),
     QT_TRANSLATE_NOOP("ParticipantsPage", "&Helfende Person hinzufügen"),
     QT_TRANSLATE_NOOP("ParticipantsPage", "Verein (falls vorhanden)"),
     QT_TRANSLATE_NOOP("ParticipantsPage", "z. B. Oma, Nachbarin"),
     QT_TRANSLATE_NOOP("ParticipantsPage", "Wer hilft der Familie schon")),
    (PartnerKind.YOUTH_OFFICE, QT_TRANSLATE_NOOP("ParticipantsPage", "Jugendamt"),
     QT_TRANSLATE_NOOP("ParticipantsPage", "Das Jugendamt, das die Hilfe beauftragt."),
     QT_TRANSLATE_NOOP("ParticipantsPage", "&Jugendamt hinzufügen"),
     QT_TRANSLATE_NOOP("ParticipantsPage", "z. B. Jugendamt Musterstadt"),
     QT_TRANSLATE_NOOP("ParticipantsPage", "z. B. Fallführung ASD"),
     QT_TRANSLATE_NOOP("ParticipantsPage", "Jugendamt")),
    (PartnerKind.PROFESSIONAL, QT_TRANSLATE_NOOP("ParticipantsPage", "Fachkraft"),
     QT_TRANSLATE_NOOP("ParticipantsPage", "Die Fachkraft des Trägers, die die Hilfe leistet."),
     QT_TRANSLATE_NOOP("ParticipantsPage", "&Fachkraft hinzufügen"),
     QT_TRANSLATE_NOOP("ParticipantsPage", "Träger"),
     QT_TRANSLATE_NOOP("ParticipantsPage", "z. B. Familienhelferin"),
     QT_TRANSLATE_NOOP("ParticipantsPage", "Fachkraft")),
    (PartnerKind.RESOURCE_PROFESSIONAL,
     QT_TRANSLATE_NOOP("ParticipantsPage", "Weitere Fachstellen (Schule, Kita, Ärztin, Beratung …)"),
     QT_TRANSLATE_NOOP("ParticipantsPage", "Auch für Fachstellen braucht es das Einverständnis der Familie."),
     QT_TRANSLATE_NOOP("ParticipantsPage", "Weitere Fach&stelle hinzufügen"),
     QT_TRANSLATE_NOOP("ParticipantsPage", "z. B. Grundschule am Park"),
     QT_TRANSLATE_NOOP("ParticipantsPage", "z. B. Klassenlehrerin"),
     QT_TRANSLATE_NOOP("ParticipantsPage", "Weitere Fachstellen")),
)


class ParticipantsPage(StepPage):
    step = Step.PARTICIPANTS

    def build(self) -> None:
        self.content.addWidget(section_label(self.tr("Familie"), self.body))
        self.content.addWidget(hint_label(
            self.tr("Wer gehört zur Familie? Kinder, Eltern und alle, die im Haushalt leben."), self.body))
        self.persons = RowEditor(
            [
                Column("first_name", self.tr("Vorname"), stretch=3),
                Column("last_name", self.tr("Nachname"), stretch=3),
                Column("family_role", self.tr("Rolle in der Familie"), "grow",
                       placeholder=self.tr("z. B. Mutter, Sohn"), stretch=4),
                Column("birth_date", self.tr("Geburtsdatum"), "date", stretch=2),
                Column("is_guardian", self.tr("Sorge-\nberechtigt"), "check", stretch=0,
                       tooltip=self.tr("personensorgeberechtigt")),
            ],
            self._new_person,
            add_text=self.tr("&Person hinzufügen"),
            item_name=self.tr("Person"),
            empty_text=self.tr("Noch keine Person eingetragen."),
            parent=self.body,
        )
        self._wire(self.persons)
        self.content.addWidget(self.persons)

        self.partner_editors: dict[PartnerKind, RowEditor] = {}
        tr = self.tr
        for kind, heading, hint, add_text, org_ph, func_ph, item_name in PARTNER_SECTIONS:
            self.content.addSpacing(10)
            self.content.addWidget(section_label(tr(heading), self.body))
            self.content.addWidget(hint_label(tr(hint), self.body))
            placeholders = {"organisation": org_ph, "function": func_ph}
            editor = RowEditor(
                [Column(key, tr(header), "text" if key == "name" else "grow",
                        placeholder=tr(placeholders.get(key, ph)), stretch=3)
                 for key, header, ph in PARTNER_COLUMNS],
                partial(self._new_partner, kind),
                add_text=tr(add_text),
                item_name=tr(item_name),
                empty_text=self.tr("Noch niemand eingetragen."),
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

    def _new_partner(self, kind: PartnerKind) -> Partner:
        return Partner(case_id=self.wiz().case_id, kind=kind)

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
