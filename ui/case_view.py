"""Read-only view of one case: persons, partners, consents and agreement versions."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QResizeEvent,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionHeader,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kooperation_desktop.domain.labels import format_date
from kooperation_desktop.domain.model import (
    AgreementStatus,
    AgreementSummary,
    Case,
    Consent,
)

from .domain_labels import agreement_status, consent_form, info_category, partner_kind
from .i18n import QT_TRANSLATE_NOOP
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
)


def consent_headers() -> list[str]:
    """The consent table's column headers in the UI language."""
    return [QCoreApplication.translate("CaseView", h) for h in CONSENT_HEADERS]


CELL_PADDING = 12  # left + right margin of a cell's text (the style's item margins and a little air)
MAX_WORD_WIDTH = 160  # a longer word (an e-mail address) may break inside a narrow column


def _wrap_option() -> QTextOption:
    option = QTextOption(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)  # inside a word only if it must
    return option


def text_height(font: QFont, text: str, width: float) -> int:
    """Height of ``text`` laid out (wrapped as a cell wraps it) in ``width`` pixels."""
    layout = QTextLayout(text or " ", font)
    layout.setTextOption(_wrap_option())
    layout.beginLayout()
    height = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(width, 1.0))
        line.setPosition(QPointF(0, height))
        height += line.height()
    layout.endLayout()
    return math.ceil(height)


def needed_height(font: QFont, text: str, column_width: int) -> int:
    """Row height a cell needs to show ``text`` whole in a column ``column_width`` pixels wide."""
    return text_height(font, text, column_width - 1 - CELL_PADDING) + 6


class WrapDelegate(QStyledItemDelegate):
    """Draws a cell's whole text, wrapped at word boundaries (inside a word only when it is wider
    than the column), never elided; its size hint is the height the wrapped text needs."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(opt.palette.color(role))
        painter.setFont(opt.font)
        rect = QRectF(opt.rect).adjusted(CELL_PADDING / 2, 3, -CELL_PADDING / 2, -3)
        painter.drawText(rect, text, _wrap_option())
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        text = str(index.data() or "")
        width = option.rect.width() if option.rect.width() > 0 else 10_000
        natural = QFontMetrics(option.font).horizontalAdvance(text) + CELL_PADDING + 2
        return QSize(natural, needed_height(option.font, text, width))


class WrapHeader(QHeaderView):
    """A horizontal header whose labels wrap (at word boundaries) when their column is narrow."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(False)

    def label(self, logical: int) -> str:
        return str(self.model().headerData(logical, Qt.Orientation.Horizontal) or "") if self.model() else ""

    def needed_height(self, logical: int, width: int) -> int:
        return text_height(self.font(), self.label(logical), width - 1 - CELL_PADDING) + 8

    def paintSection(self, painter: QPainter, rect: QRect, logical: int) -> None:
        opt = QStyleOptionHeader()
        self.initStyleOption(opt)
        opt.rect = rect
        opt.section = logical
        opt.text = ""
        painter.save()
        self.style().drawControl(QStyle.ControlElement.CE_Header, opt, painter, self)
        painter.setPen(opt.palette.color(QPalette.ColorRole.ButtonText))
        painter.setFont(self.font())
        inner = QRectF(rect).adjusted(CELL_PADDING / 2, 4, -CELL_PADDING / 2, -4)
        painter.drawText(inner, self.label(logical), _wrap_option())
        painter.restore()


class WrapTable(QTableWidget):
    """A read-only table that never scrolls sideways: its columns share the width it has (each
    at least as wide as its header and its longest word, up to :data:`MAX_WORD_WIDTH`), cells
    wrap their text and rows are as tall as their text needs. ``visible_rows`` rows are shown
    without scrolling (None: all)."""

    def __init__(self, rows: int, columns: int, parent: QWidget | None = None):
        super().__init__(rows, columns, parent)
        self.visible_rows: int | None = None
        self.setHorizontalHeader(WrapHeader(self))
        self.setItemDelegate(WrapDelegate(self))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(120)

    def _text_widths(self, column: int) -> tuple[int, int]:
        """(natural, minimum) width of a column: its longest line, its longest word (or header)."""
        fm = QFontMetrics(self.font())
        label = self.horizontalHeader().model().headerData(column, Qt.Orientation.Horizontal) or ""
        head_fm = QFontMetrics(self.horizontalHeader().font())
        natural = head_fm.horizontalAdvance(str(label)) + CELL_PADDING + 2
        minimum = max((head_fm.horizontalAdvance(w) for w in str(label).split()), default=0) + CELL_PADDING + 2
        for r in range(self.rowCount()):
            item = self.item(r, column)
            text = item.text() if item is not None else ""
            natural = max(natural, fm.horizontalAdvance(text) + CELL_PADDING + 2)
            longest = max((fm.horizontalAdvance(w) for w in text.split()), default=0)
            minimum = max(minimum, min(longest, MAX_WORD_WIDTH) + CELL_PADDING + 2)
        return natural, max(minimum, 24)

    def fit(self) -> None:
        """Share the visible width among the columns, then size the rows and the table: a column
        whose text fits in an equal share keeps its natural width, the others share the rest
        (never narrower than their longest word)."""
        columns = self.columnCount()
        available = self.viewport().width()
        if columns and available > 0:
            widths = [self._text_widths(c) for c in range(columns)]
            chosen = [0] * columns
            open_ = list(range(columns))
            remaining = available
            while open_:
                share = remaining / len(open_)
                fitting = [c for c in open_ if widths[c][0] <= share]
                if not fitting:
                    break
                for c in fitting:
                    chosen[c] = widths[c][0]
                    remaining -= widths[c][0]
                    open_.remove(c)
            if open_:
                share = remaining / len(open_)
                for c in open_:
                    chosen[c] = max(widths[c][1], int(share))
            if sum(chosen) > available:  # the longest words do not fit side by side: only the
                chosen = _capped(chosen, available)  # widest columns break inside a word
            chosen[-1] += max(available - sum(chosen), 0)  # the last column takes what is left
            for c, w in enumerate(chosen):
                self.setColumnWidth(c, max(w, 1))
        header = self.horizontalHeader()
        if isinstance(header, WrapHeader) and columns:
            header.setFixedHeight(max(header.needed_height(c, self.columnWidth(c)) for c in range(columns)))
        self.resizeRowsToContents()
        shown = self.rowCount() if self.visible_rows is None else min(self.rowCount(), self.visible_rows)
        rows_h = sum(self.rowHeight(r) for r in range(shown)) or 26
        header_h = self.horizontalHeader().height() if isinstance(header, WrapHeader) else header.sizeHint().height()
        self.setFixedHeight(header_h + rows_h + 2 * self.frameWidth() + 2)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit()


def _capped(widths: list[int], available: int) -> list[int]:
    """``widths`` with the largest ones lowered to one common cap so that they sum to ``available``
    (the narrow columns keep their width)."""
    order = sorted(widths, reverse=True)
    rest = sum(order)
    for i, w in enumerate(order):  # cap between order[i+1] and w: the i+1 widest are capped
        rest -= w
        cap = (available - rest) / (i + 1)
        if i + 1 == len(order) or cap >= order[i + 1]:
            return [max(min(w, int(cap)), 24) for w in widths]
    return widths


def make_table(headers: Sequence[str], parent: QWidget | None = None, name: str = "") -> WrapTable:
    table = WrapTable(0, len(headers), parent)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)  # Tab leaves the table (no keyboard trap); arrows move in it
    table.verticalHeader().setVisible(False)
    table.setWordWrap(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.horizontalHeader().setStretchLastSection(False)
    table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    if name:
        table.setAccessibleName(name)
    return table


def fill_table(table: QTableWidget, rows: Sequence[Sequence[str]], max_visible: int | None = 6) -> None:
    """Show ``rows``; the first ``max_visible`` of them without scrolling (None: all)."""
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(r, c, item)
    if isinstance(table, WrapTable):
        table.visible_rows = max_visible
        table.fit()
        return
    table.resizeColumnsToContents()
    table.resizeRowsToContents()


class CaseView(QWidget):
    """The right-hand side of the main window: the case's title, then four pages (tabs) –
    Familie · Partner & Einverständnisse · Vereinbarung · Verlauf – each scrolling only
    vertically. Parts of the window put their widgets in with :meth:`insert_section`."""

    case_shown = Signal(object)  # the Case (or None) just shown; feature sections follow it

    FAMILY, PARTNERS, AGREEMENT, HISTORY = range(4)  # the pages, for insert_section(page=…)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 0)
        self.title = section_label(self.tr("Kein Fall ausgewählt"), self)
        self.title.setWordWrap(True)
        self.details = hint_label(self.tr("Links einen Fall auswählen oder mit „Neuer Fall…“ anlegen."), self)
        outer.addWidget(self.title)
        outer.addWidget(self.details)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        # every tab's title in full (no scroll arrows hiding „Verlauf“): the tab bar's whole width is the
        # view's minimum, so a narrow window takes the room from the case list (which hides columns)
        self.tabs.setUsesScrollButtons(False)
        self.tabs.setElideMode(Qt.TextElideMode.ElideNone)
        self.tabs.setAccessibleName(self.tr("Bereiche des Falls"))
        outer.addWidget(self.tabs, 1)
        self._pages: list[QVBoxLayout] = []
        self.page_scrolls: list[QScrollArea] = []
        for title in (self.tr("Familie"), self.tr("Partner && Einverständnisse"), self.tr("Vereinbarung"),
                      self.tr("Verlauf")):
            scroll = QScrollArea(self.tabs)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            host = QWidget(scroll)
            layout = QVBoxLayout(host)
            layout.addStretch(1)
            scroll.setWidget(host)
            self.tabs.addTab(scroll, title)
            self._pages.append(layout)
            self.page_scrolls.append(scroll)

        def headers(texts: Sequence[str]) -> list[str]:
            return [self.tr(t) for t in texts]

        self.persons = make_table(headers(PERSON_HEADERS), self, self.tr("Personen"))
        self.partners = make_table(headers(PARTNER_HEADERS), self, self.tr("Kooperationspartner"))
        self.consents = make_table(consent_headers(), self, self.tr("Einverständnisse"))
        self.agreements = make_table(headers(AGREEMENT_HEADERS), self, self.tr("Vereinbarungen"))
        self.empty_labels: dict[QTableWidget, QLabel] = {}
        self.headings: list[QLabel] = []
        for page, heading, table, empty in (
                (self.FAMILY, self.tr("Familie"), self.persons, self.tr("Noch niemand aus der Familie erfasst – "
                                                                        "das geht im Schritt „Beteiligte“ der "
                                                                        "Vereinbarung.")),
                (self.PARTNERS, self.tr("Kooperationspartner"), self.partners,
                 self.tr("Noch keine Kooperationspartner – sie werden im Schritt „Beteiligte“ erfasst.")),
                (self.PARTNERS, self.tr("Einverständnisse"), self.consents,
                 self.tr("Noch keine Einverständnisse – sie werden im Schritt „Einverständnis“ erfasst.")),
                (self.AGREEMENT, self.tr("Vereinbarungen"), self.agreements,
                 self.tr("Noch keine Vereinbarung – mit „Vereinbarung bearbeiten…“ beginnen."))):
            page_host = self._pages[page].parentWidget()
            label = QLabel(f"<b>{heading}</b>", page_host)
            self.headings.append(label)
            label.setBuddy(table)
            table.setParent(page_host)
            note = hint_label(empty, page_host)
            self.empty_labels[table] = note
            for w in (label, note, table):
                self._pages[page].insertWidget(self._pages[page].count() - 1, w)
        # the checksum is for checking a printout, not for reading: behind „Details…“ (and a tooltip)
        self.details_row = QWidget(self._pages[self.AGREEMENT].parentWidget())
        row = QHBoxLayout(self.details_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.details_button = QPushButton(self.tr("De&tails…"), self.details_row)
        self.details_button.setAccessibleName(self.tr("Details der Version"))
        self.details_button.setToolTip(self.tr("Dokumentnummer und Prüfsumme der ausgewählten Version"))
        self.details_button.clicked.connect(self.show_details)
        row.addWidget(self.details_button)
        row.addStretch(1)
        self._pages[self.AGREEMENT].insertWidget(self._pages[self.AGREEMENT].count() - 1, self.details_row)
        self.details_box: QMessageBox | None = None
        self.case: Case | None = None
        self.show_case(None)

    def insert_section(self, widget: QWidget, after: QWidget | None = None, page: int | None = None) -> None:
        """Place a feature's widget (signing, follow-up) right under ``after`` (on its page), or
        last on ``page`` (default: the last page, „Verlauf“)."""
        if after is not None:
            for layout in self._pages:
                if layout.indexOf(after) >= 0:
                    layout.insertWidget(layout.indexOf(after) + 1, widget)
                    return
        layout = self._pages[self.HISTORY if page is None else page]
        layout.insertWidget(layout.count() - 1, widget)

    def show_page(self, page: int) -> None:
        self.tabs.setCurrentIndex(page)

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

    def details_text(self) -> str:
        """What „Details…“ shows for the chosen version: document number and full checksum."""
        chosen = self.agreement_to_print()
        if chosen is None:
            return ""
        return fill(self.tr("Version %1 · Dokument %2\nPrüfsumme (SHA-256) des Inhalts:\n%3"),
                    str(chosen.version), chosen.document_id, chosen.content_hash or "—")

    def show_details(self) -> QMessageBox | None:
        text = self.details_text()
        if not text:
            return None
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Details der Version"), text,
                          QMessageBox.StandardButton.Close, self)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.button(QMessageBox.StandardButton.Close).setText(self.tr("Schließen"))
        box.finished.connect(box.deleteLater)
        self.details_box = box
        box.open()
        return box

    def _fill(self, table: QTableWidget, rows: list[list[str]]) -> None:
        fill_table(table, rows, max_visible=None)
        table.setVisible(bool(rows))
        self.empty_labels[table].setVisible(not rows and self.case is not None)

    def show_case(self, case: Case | None) -> None:
        self.case = case
        self.case_shown.emit(case)
        self.tabs.setVisible(case is not None)
        if case is None:
            self.title.setText(self.tr("Kein Fall ausgewählt"))
            self.details.setText(self.tr("Links einen Fall auswählen oder mit „Neuer Fall…“ anlegen."))
            for table in (self.persons, self.partners, self.consents, self.agreements):
                self._fill(table, [])
            self.details_button.setEnabled(False)
            return
        self.title.setText(case.title)
        details = [x for x in (
            fill(self.tr("Aktenzeichen: %1"), case.file_number) if case.file_number else "",
            case.help_type,
        ) if x]
        self.details.setText(" · ".join(details) or self.tr("Ohne Aktenzeichen und Hilfeart"))
        self._fill(self.persons, [
            [p.display_name, p.family_role, format_date(p.birth_date),
             self.tr("ja") if p.is_guardian else self.tr("nein")]
            for p in case.persons
        ])
        self._fill(self.partners, [
            [p.name, partner_kind(p.kind), p.organisation, p.function, p.contact]
            for p in case.partners
        ])
        self._fill(self.consents, consent_rows(case))
        self._fill(self.agreements, [
            [
                str(a.version),
                agreement_status(a.status),
                format_date(when.date() if (when := a.finalised_at or a.created_at) else None),
                a.document_id,
            ]
            for a in case.agreements
        ])
        for r, a in enumerate(case.agreements):
            for c in range(self.agreements.columnCount()):
                item = self.agreements.item(r, c)
                if item is not None and a.content_hash:
                    item.setToolTip(fill(self.tr("Prüfsumme: %1"), a.content_hash))
        self.details_button.setEnabled(bool(case.agreements))
