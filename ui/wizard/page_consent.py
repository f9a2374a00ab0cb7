"""Einverständnis: the consent text, the family's general consent, one consent per resource, revocation."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kooperation_desktop.domain.labels import CONSENT_FORM, INFO_CATEGORY, format_date
from kooperation_desktop.domain.model import Consent, ConsentForm, InfoCategory, Partner
from kooperation_desktop.domain.rules import RuleViolation
from kooperation_desktop.domain.wizard import Step

from .. import dialogs
from ..case_view import consent_headers, consent_party, consent_rows, fill_table, make_table
from ..domain_labels import consent_form, info_category, partner_kind_short
from ..widgets import WARNING_STYLE, DateEdit, ErrorLabel, WrappingCheckBox, chain_before, fill, hint_label
from .base import StepPage

DEFAULT_CATEGORIES = (InfoCategory.CONTACT, InfoCategory.AGREEMENT)


class PartnerConsentRow(QWidget):
    """"Einverständnis für <Partner>" with the categories of information it covers."""

    def __init__(self, partner: Partner, active: Consent | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.partner = partner
        self.active = active
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        label = fill(self.tr("Einverständnis für %1 (%2)"), partner.display_name or self.tr("ohne Namen"),
                     partner_kind_short(partner.kind))
        if active is not None:
            label += fill(self.tr(" – liegt vor seit %1"), format_date(active.given_on))
        self.check = WrappingCheckBox(label, self)
        self.check.setAccessibleName(fill(self.tr("Einverständnis für %1"), partner.display_name))
        layout.addWidget(self.check)
        grid = QGridLayout()
        grid.setContentsMargins(24, 0, 0, 0)
        self.categories: dict[InfoCategory, QCheckBox] = {}
        for i, cat in enumerate(INFO_CATEGORY):
            text = info_category(cat)
            box = WrappingCheckBox(text, self)
            box.setAccessibleName(f"{text} ({partner.display_name})")
            box.setChecked(cat in (active.categories if active else DEFAULT_CATEGORIES))
            self.categories[cat] = box
            grid.addWidget(box, i // 2, i % 2)
        layout.addLayout(grid)
        if active is not None:
            self.check.setChecked(True)
            self.check.setEnabled(False)
            for category_box in self.categories.values():
                category_box.setEnabled(False)

    def pending(self) -> bool:
        return self.active is None and self.check.isChecked()

    def selected_categories(self) -> list[InfoCategory]:
        return [cat for cat, box in self.categories.items() if box.isChecked()]


class ConsentPage(StepPage):
    step = Step.CONSENT

    def build(self) -> None:
        text_label = QLabel(self.tr("&Text der Einverständniserklärung (bitte mit der Familie lesen):"), self.body)
        self.text_box = QPlainTextEdit(self.body)
        self.text_box.setReadOnly(True)
        self.text_version = QLabel("", self.body)
        self.text_box.setFixedHeight(130)
        self.text_box.setAccessibleName(self.tr("Text der Einverständniserklärung"))
        text_label.setBuddy(self.text_box)
        self.content.addWidget(text_label)
        self.content.addWidget(self.text_box)
        self.content.addWidget(self.text_version)

        declaration = QGroupBox(self.tr("Wer erklärt das Einverständnis – wann und wie?"), self.body)
        form = QFormLayout(declaration)
        self.person_combo = QComboBox(declaration)
        self.person_combo.setAccessibleName(self.tr("Wer erklärt das Einverständnis"))
        self.person_combo.setMinimumWidth(320)
        self.date_edit = DateEdit(declaration, accessible_name=self.tr("Datum des Einverständnisses"))
        self.date_edit.setMaximumWidth(160)
        self.form_combo = QComboBox(declaration)
        self.form_combo.setAccessibleName(self.tr("Form des Einverständnisses"))
        self.form_combo.addItem(self.tr("– bitte wählen –"), None)  # no default: the form is part of the proof
        for form_value in CONSENT_FORM:
            self.form_combo.addItem(consent_form(form_value), form_value.value)
        for text, widget in ((self.tr("Erklärt &von:"), self.person_combo), (self.tr("&Datum:"), self.date_edit),
                             (self.tr("F&orm:"), self.form_combo)):
            label = QLabel(text, declaration)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.content.addWidget(declaration)

        general = QGroupBox(self.tr("Einverständnis zur Hilfe und zur Zusammenarbeit"), self.body)
        general_layout = QVBoxLayout(general)
        self.general_check = WrappingCheckBox(self.tr(
            "Die Familie ist mit der Hilfe und der Zusammenarbeit von Jugendamt und Fachkraft einverstanden."), general)
        self.general_check.setAccessibleName(self.tr("Allgemeines Einverständnis"))
        general_layout.addWidget(self.general_check)
        self.general_status = hint_label("", general)
        general_layout.addWidget(self.general_status)
        self.content.addWidget(general)

        partners = QGroupBox(
            self.tr("Einverständnis für weitere Personen und Stellen (Schweigepflichtentbindung)"), self.body)
        self.partners_layout = QVBoxLayout(partners)
        self.partners_layout.addWidget(hint_label(self.tr(
            "Nur wer hier angekreuzt ist, bekommt Aufgaben oder Informationen. Ohne „Inhalte dieser "
            "Vereinbarung“ erscheint die Stelle nicht in der Vereinbarung."), partners))
        self.partner_rows_host = QWidget(partners)
        self.partner_rows = QVBoxLayout(self.partner_rows_host)
        self.partner_rows.setContentsMargins(0, 0, 0, 0)
        self.partners_layout.addWidget(self.partner_rows_host)
        self.no_partners = QLabel(self.tr("Es sind keine weiteren Personen oder Stellen eingetragen "
                                          "(Schritt „Beteiligte“)."), partners)
        self.partners_layout.addWidget(self.no_partners)
        self.content.addWidget(partners)
        self.rows: list[PartnerConsentRow] = []

        buttons = QHBoxLayout()
        self.record_button = QPushButton(self.tr("Einverständnis &erfassen"), self.body)
        self.record_button.setAccessibleName(self.tr("Einverständnis erfassen"))
        self.record_button.clicked.connect(self.record_pending)
        buttons.addWidget(self.record_button)
        buttons.addStretch(1)
        self.content.addLayout(buttons)

        recorded_heading = self.tr("Bereits erfasst")
        recorded_label = QLabel(f"<b>{recorded_heading}</b>", self.body)
        self.recorded = make_table(consent_headers(), self.body, self.tr("Bereits erfasste Einverständnisse"))
        recorded_label.setBuddy(self.recorded)
        self.content.addWidget(recorded_label)
        self.content.addWidget(self.recorded)
        revoke_row = QHBoxLayout()
        self.revoke_button = QPushButton(self.tr("Widerr&ufen…"), self.body)
        self.revoke_button.setAccessibleName(self.tr("Ausgewähltes Einverständnis widerrufen"))
        self.revoke_button.clicked.connect(self.revoke_selected)
        revoke_row.addWidget(self.revoke_button)
        revoke_row.addStretch(1)
        self.content.addLayout(revoke_row)
        self.revoke_warning = ErrorLabel(self.body, style=WARNING_STYLE)
        self.content.addWidget(self.revoke_warning)


    # --- loading ---------------------------------------------------------------------------
    def load(self) -> None:
        version, text = self.services.consent.text()
        self.text_box.setPlainText(text)
        self.text_version.setText(fill(self.tr("Fassung %1"), version) if version else "")
        case = self.case
        today = dt.date.today()
        self.person_combo.clear()
        persons = sorted(case.persons, key=lambda p: not p.is_guardian)
        for p in persons:
            self.person_combo.addItem(p.display_name + (self.tr(" (sorgeberechtigt)") if p.is_guardian else ""), p.id)
        general = next((c for c in case.consents if c.partner_id is None and c.is_active(today)), None)
        self.general_check.setChecked(general is not None)
        self.general_check.setEnabled(general is None)
        if general is not None:
            person = case.person(general.person_id)
            self.general_status.setText(fill(
                self.tr("Liegt vor seit %1, erklärt von %2 (%3)."), format_date(general.given_on),
                person.display_name if person else "?", consent_form(general.form, "")))
        else:
            self.general_status.setText(self.tr("Noch nicht erfasst."))
        if not self.date_edit.text():
            self.date_edit.setDate(today)

        for row in self.rows:
            row.hide()
            row.deleteLater()
        self.rows = []
        for partner in case.partners:
            if not partner.kind.is_resource:
                continue
            active = next((c for c in case.consents
                           if c.partner_id == partner.id and c.is_active(today)), None)
            row = PartnerConsentRow(partner, active, self.partner_rows_host)
            self.partner_rows.addWidget(row)
            self.rows.append(row)
        self.no_partners.setVisible(not self.rows)
        if self.rows:
            chain_before(self.record_button, [w for row in self.rows for w in (row.check, *row.categories.values())])
        fill_table(self.recorded, consent_rows(case))
        self.revoke_button.setEnabled(bool(case.consents))
        if general is None and self.form_combo.currentData() is None:
            self.focus_on_entry(self.form_combo)  # who and when are filled in already: the form comes first

    def row_for(self, partner_name: str) -> PartnerConsentRow:
        return next(r for r in self.rows if partner_name in r.partner.display_name)

    # --- recording -------------------------------------------------------------------------
    def pending(self) -> bool:
        return (self.general_check.isEnabled() and self.general_check.isChecked()) or any(
            r.pending() for r in self.rows)

    def unsaved(self) -> list[str]:
        """Ticked consents are recorded only with „Einverständnis erfassen“ (never by leaving the page)."""
        messages = super().unsaved()
        if self.pending():
            messages.append(self.tr("Angekreuzte Einverständnisse sind noch nicht erfasst: bitte „Einverständnis "
                                    "erfassen“ klicken oder das Häkchen entfernen."))
        return messages

    def record_pending(self) -> list[str]:
        """Record the ticked, not yet recorded consents (general and per partner)."""
        if not self.pending():
            msg = self.tr("Bitte zuerst ankreuzen, womit die Familie einverstanden ist.")
            self.problems.show_messages([msg])
            return [msg]
        person_id = self.person_combo.currentData()
        if person_id is None:
            msg = self.tr("Bitte zuerst im Schritt „Beteiligte“ eine Person der Familie eintragen.")
            self.problems.show_messages([msg])
            return [msg]
        if not self.date_edit.is_valid() or self.date_edit.date() is None:
            msg = self.date_edit.error_text() or self.tr("Bitte das Datum des Einverständnisses eintragen.")
            self.problems.show_messages([msg])
            return [msg]
        given_on = self.date_edit.date()
        if self.form_combo.currentData() is None:
            msg = self.tr("Bitte angeben, in welcher Form die Familie ihr Einverständnis gegeben hat.")
            self.problems.show_messages([msg])
            self.form_combo.setFocus()
            return [msg]
        form = ConsentForm(self.form_combo.currentData())
        consents: list[Consent] = []
        if self.general_check.isEnabled() and self.general_check.isChecked():
            consents.append(Consent(case_id=self.case.id, person_id=person_id, partner_id=None,
                                    categories=[], given_on=given_on, form=form))
        for row in self.rows:
            if row.pending():
                consents.append(Consent(case_id=self.case.id, person_id=person_id, partner_id=row.partner.id,
                                        categories=row.selected_categories(), given_on=given_on, form=form))
        errors: list[str] = []
        for consent in consents:
            try:
                self.services.consent.record(consent)
            except RuleViolation as exc:
                errors += [p.message for p in exc.problems]
        self.refill()
        if errors:
            self.problems.show_messages(errors)
        else:
            self.problems.clear_messages()
        return errors

    def revoke_selected(self) -> None:
        rows = self.recorded.selectionModel().selectedRows()
        if not rows:
            self.revoke_warning.show_messages(
                [self.tr("Bitte in der Liste das Einverständnis auswählen, das widerrufen wird.")])
            return
        consent = self.case.consents[rows[0].row()]
        if consent.revoked_on is not None:
            self.revoke_warning.show_messages([self.tr("Dieses Einverständnis ist bereits widerrufen.")])
            return
        answer = dialogs.ask_revocation(self, consent_party(self.case, consent))
        if answer is None:
            return
        assert consent.id is not None  # read from the database
        try:
            problems = self.services.consent.revoke(consent.id, answer.on, answer.note)
        except RuleViolation as exc:
            self.revoke_warning.show_messages([self.tr("Nicht widerrufen: ") + p.message for p in exc.problems])
            return
        self.reload_page()
        messages = [fill(self.tr("Einverständnis widerrufen am %1."), format_date(answer.on))]
        messages += [p.message for p in problems]
        self.revoke_warning.show_messages(messages)
