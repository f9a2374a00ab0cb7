"""Read-only view of one case: persons, partners, consents and agreement versions."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kooperation_desktop.domain.labels import format_date
from kooperation_desktop.domain.model import AgreementStatus, AgreementSummary, Case, Consent

from .domain_labels import agreement_status, consent_form, info_category, partner_kind
from .widgets import fill, hint_label, section_label


def consent_party(case: Case, consent: Consent) -> str:
    if consent.partner_id is None:
        return QCoreApplication.translate("CaseView", "Hilfe und Zusammenarbeit (allgemein)")
    partner = case.partner(consent.partner_id)
    return partner.display_name if partner else "?"


def consent_rows(case: Case) -> list[list[str]]:
    rows = []
    for c in case.consents:
        person = case.person(c.person_id)
        rows.append([
            person.display_name if person else "",
            consent_party(case, c),
            format_date(c.given_on),
            consent_form(c.form),
            format_date(c.revoked_on, "—"),
            ", ".join(info_category(x) for x in c.categories) or "—",
        ])
    return rows


MAX_COLUMN_WIDTH = 200

CONSENT_HEADERS = (
    QT_TRANSLATE_NOOP("CaseView", "Wer"),
    QT_TRANSLATE_NOOP("CaseView", "Für wen"),
    QT_TRANSLATE_NOOP("CaseView", "Seit"),
    QT_TRANSLATE_NOOP("CaseView", "Form"),
    QT_TRANSLATE_NOOP("CaseView", "Widerrufen"),
    QT_TRANSLATE_NOOP("CaseView", "Welche Informationen"),
)


PERSON_HEADERS = (
    QT_TRANSLATE_NOOP("CaseView", "Name"),
    QT_TRANSLATE_NOOP("CaseView", "Rolle in der Familie"),
    QT_TRANSLATE_NOOP("CaseView", "Geburtsdatum"),
    QT_TRANSLATE_NOOP("CaseView", "Personensorge"),
)
PARTNER_HEADERS = (
    QT_TRANSLATE_NOOP("CaseView", "Name"),
    QT_TRANSLATE_NOOP("CaseView", "Art"),
    QT_TRANSLATE_NOOP("CaseView", "Einrichtung"),
    QT_TRANSLATE_NOOP("CaseView", "Funktion"),
    QT_TRANSLATE_NOOP("CaseView", "Kontakt"),
)
AGREEMENT_HEADERS = (
    QT_TRANSLATE_NOOP("CaseView", "Version"),
    QT_TRANSLATE_NOOP("CaseView", "Status"),
    QT_TRANSLATE_NOOP("CaseView", "Datum"),
    QT_TRANSLATE_NOOP("CaseView", "Dokument"),
    QT_TRANSLATE_NOOP("CaseView", "Prüfsumme"),
)


def consent_headers() -> list[str]:
    """The consent table's column headers in the UI language."""
    return [QCoreApplication.translate("CaseView", h) for h in CONSENT_HEADERS]


def make_table(headers: Sequence[str], parent: QWidget | None = None, name: str = "") -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)  # Tab leaves the table (no keyboard trap); arrows move in it
    table.verticalHeader().setVisible(False)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    if name:
        table.setAccessibleName(name)
    return table


def fill_table(table: QTableWidget, rows: Sequence[Sequence[str]], max_visible: int = 6) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    for c in range(table.columnCount() - 1):
        table.setColumnWidth(c, min(table.columnWidth(c), MAX_COLUMN_WIDTH))
    table.resizeRowsToContents()
    header_h = table.horizontalHeader().sizeHint().height()
    rows_h = sum(table.rowHeight(r) for r in range(min(len(rows), max_visible))) or 26
    scroll_h = table.horizontalScrollBar().sizeHint().height()  # room for it when columns are wide
    table.setFixedHeight(header_h + rows_h + scroll_h + 2 * table.frameWidth() + 2)


class CaseView(QScrollArea):
    """The right-hand side of the main window."""

    case_shown = Signal(object)  # the Case (or None) just shown; feature sections follow it

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        host = QWidget(self)
        layout = QVBoxLayout(host)
        self.title = section_label(self.tr("Kein Fall ausgewählt"), host)
        self.details = hint_label(self.tr("Links einen Fall auswählen oder mit „Neuer Fall…“ anlegen."), host)
        layout.addWidget(self.title)
        layout.addWidget(self.details)

        def headers(texts: Sequence[str]) -> list[str]:
            return [self.tr(t) for t in texts]

        self.persons = make_table(headers(PERSON_HEADERS), host, self.tr("Personen"))
        self.partners = make_table(headers(PARTNER_HEADERS), host, self.tr("Kooperationspartner"))
        self.consents = make_table(consent_headers(), host, self.tr("Einverständnisse"))
        self.agreements = make_table(headers(AGREEMENT_HEADERS), host, self.tr("Vereinbarungen"))
        self.headings: list[QLabel] = []
        for heading, table in ((self.tr("Familie"), self.persons),
                               (self.tr("Kooperationspartner"), self.partners),
                               (self.tr("Einverständnisse"), self.consents),
                               (self.tr("Vereinbarungen"), self.agreements)):
            label = QLabel(f"<b>{heading}</b>", host)
            self.headings.append(label)
            label.setBuddy(table)
            layout.addWidget(label)
            layout.addWidget(table)
        layout.addStretch(1)
        self._sections = layout
        self.setWidget(host)
        self.case: Case | None = None
        self.show_case(None)

    def insert_section(self, widget: QWidget, after: QWidget | None = None) -> None:
        """Place a feature's widget (signing, follow-up) right under ``after``, or last (before
        the closing stretch)."""
        at = self._sections.indexOf(after) + 1 if after is not None else self._sections.count() - 1
        self._sections.insertWidget(at, widget)

    def agreement_to_print(self) -> AgreementSummary | None:
        """The selected version, else the newest finalised or signed one, else the draft."""
        if self.case is None or not self.case.agreements:
            return None
        frozen = [a for a in self.case.agreements if a.status in (AgreementStatus.FINAL, AgreementStatus.SIGNED)]
        return self.selected_agreement() or (frozen[0] if frozen else self.case.agreements[0])

    def selected_agreement(self) -> AgreementSummary | None:
        """The version selected in the "Vereinbarungen" table (None: nothing selected)."""
        rows = self.agreements.selectionModel().selectedRows() if self.agreements.selectionModel() else []
        if self.case is None or not rows or rows[0].row() >= len(self.case.agreements):
            return None
        return self.case.agreements[rows[0].row()]

    def show_case(self, case: Case | None) -> None:
        self.case = case
        self.case_shown.emit(case)
        if case is None:
            self.title.setText(self.tr("Kein Fall ausgewählt"))
            self.details.setText(self.tr("Links einen Fall auswählen oder mit „Neuer Fall…“ anlegen."))
            for table in (self.persons, self.partners, self.consents, self.agreements):
                fill_table(table, [])
            return
        self.title.setText(case.title)
        details = [x for x in (
            fill(self.tr("Aktenzeichen: %1"), case.file_number) if case.file_number else "",
            case.help_type,
        ) if x]
        self.details.setText(" · ".join(details) or self.tr("Ohne Aktenzeichen und Hilfeart"))
        fill_table(self.persons, [
            [p.display_name, p.family_role, format_date(p.birth_date),
             self.tr("ja") if p.is_guardian else self.tr("nein")]
            for p in case.persons
        ])
        fill_table(self.partners, [
            [p.name, partner_kind(p.kind), p.organisation, p.function, p.contact]
            for p in case.partners
        ])
        fill_table(self.consents, consent_rows(case))
        fill_table(self.agreements, [
            [
                str(a.version),
                agreement_status(a.status),
                format_date((a.finalised_at or a.created_at).date() if (a.finalised_at or a.created_at) else None),
                a.document_id,
                a.content_hash[:12] + "…" if a.content_hash else "—",
            ]
            for a in case.agreements
        ])
