"""The case list as a read-only table model over ``services.cases.list`` results.

The model knows how many cases match (``count_cases``) and loads the rows a view asks for page by
page (``list_cases(filter, limit, offset)``), keeping a few pages: tens of thousands of cases cost
one count and the visible page, not a Python object per case. A search of one letter matches nearly
every case: its count stops at the first thousand (:data:`~kooperation_desktop.domain.limits.COUNTED_HITS`)
and the list grows as it is scrolled to its end (Qt's ``canFetchMore``/``fetchMore``), counting on.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from kooperation_desktop.domain.labels import format_date
from kooperation_desktop.domain.model import CaseSummary

from .domain_labels import agreement_status
from .i18n import QT_TRANSLATE_NOOP

__all__ = ["CASE_ID_ROLE", "PAGE_SIZE", "CaseListModel"]

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1

HEADERS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("CaseList", "Fall"),
    QT_TRANSLATE_NOOP("CaseList", "Aktenzeichen"),
    QT_TRANSLATE_NOOP("CaseList", "Hilfeart"),
    QT_TRANSLATE_NOOP("CaseList", "Personen"),
    QT_TRANSLATE_NOOP("CaseList", "Vereinbarung"),
    QT_TRANSLATE_NOOP("CaseList", "Zuletzt geändert"),
)

Index = QModelIndex | QPersistentModelIndex
_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, CASE_ID_ROLE)


def agreement_label(summary: CaseSummary) -> str:
    if summary.latest_status is None:
        return QCoreApplication.translate("CaseList", "keine")
    label = agreement_status(summary.latest_status, str(summary.latest_status))
    if summary.latest_version is not None:
        return QCoreApplication.translate("CaseList", "{status}, Version {version}").format(
            status=label, version=summary.latest_version)
    return label


def summary_tooltip(case: CaseSummary) -> str:
    """Everything the list knows of a case, one line each: the title, then "Header: text"."""
    lines = [case.title]
    values = (case.file_number, case.help_type, case.person_names, agreement_label(case),
              format_date(case.updated_at.date() if case.updated_at else None))
    for header, value in zip(HEADERS[1:], values, strict=True):
        if value:
            lines.append(f"{QCoreApplication.translate('CaseList', header)}: {value}")
    return "\n".join(lines)


PAGE_SIZE = 100
PAGES_KEPT = 20

Fetch = Callable[[int, int], list[CaseSummary]]  # (offset, limit) -> that page of the list
Locate = Callable[[int], int | None]  # case id -> its row (None: not in the list)
CountOn = Callable[[int], int]  # at_most -> how many cases the list has, counted up to at_most

GROW_ROWS = 1_000  # a list whose count stopped early grows by this many rows when scrolled to its end


class CaseListModel(QAbstractTableModel):
    counted = Signal()  # the number of rows or whether the list is complete changed (set_source, growing)

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._total = 0
        self._fetch: Fetch = lambda _offset, _limit: []
        self._locate: Locate | None = None
        self._count_on: CountOn | None = None
        self._pages: OrderedDict[int, list[CaseSummary]] = OrderedDict()

    def set_source(self, total: int, fetch: Fetch, locate: Locate | None = None,
                   first_page: list[CaseSummary] | None = None, *, count_on: CountOn | None = None) -> None:
        """Show ``total`` cases, loaded on demand with ``fetch(offset, limit)``; ``locate`` finds
        the row of a case that is not loaded (e.g. to keep the selection); ``first_page`` is page 0
        when the caller has it already. ``count_on``: the list has more than ``total`` cases (the
        count stopped there); it grows when scrolled to its end, counted on with ``count_on(at_most)``."""
        self.beginResetModel()
        self._total, self._fetch, self._locate, self._count_on = total, fetch, locate, count_on
        self._pages.clear()
        if first_page is not None:
            self._pages[0] = list(first_page)
        self.endResetModel()
        self.counted.emit()

    def complete(self) -> bool:
        """True: :meth:`rowCount` is every case of the list; False: there are more (not counted yet)."""
        return self._count_on is None

    def _grow(self, rows: int) -> None:
        """Count on up to ``rows`` cases (one more tells whether the list goes on) and show them."""
        if self._count_on is None:
            return
        counted = self._count_on(rows + 1)
        if counted <= rows:
            self._count_on = None
        new_total = min(counted, rows)
        if new_total > self._total:
            self.beginInsertRows(QModelIndex(), self._total, new_total - 1)
            self._total = new_total
            self.endInsertRows()
        self.counted.emit()

    def set_cases(self, cases: list[CaseSummary]) -> None:
        """Show exactly these cases (all in memory)."""
        rows = list(cases)
        self.set_source(len(rows), lambda offset, limit: rows[offset:offset + limit])

    def loaded_rows(self) -> int:
        """How many rows are held in memory now."""
        return sum(len(p) for p in self._pages.values())

    def _page(self, number: int) -> list[CaseSummary]:
        page = self._pages.get(number)
        if page is None:
            page = self._fetch(number * PAGE_SIZE, PAGE_SIZE)
            self._pages[number] = page
            while len(self._pages) > PAGES_KEPT:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page

    def case_at(self, row: int) -> CaseSummary | None:
        if not 0 <= row < self._total:
            return None
        page = self._page(row // PAGE_SIZE)
        i = row % PAGE_SIZE
        return page[i] if i < len(page) else None

    def row_of(self, case_id: int) -> int:
        for number, page in self._pages.items():
            for i, c in enumerate(page):
                if c.id == case_id:
                    return number * PAGE_SIZE + i
        if self._locate is not None:
            row = self._locate(case_id)
            if row is not None and row >= self._total:  # beyond the rows counted so far: count on to it
                self._grow(max(row + 1, self._total + GROW_ROWS))
            return row if row is not None and 0 <= row < self._total else -1
        for row in range(self._total):  # a plain list (set_cases): look through it
            found = self.case_at(row)
            if found is not None and found.id == case_id:
                return row
        return -1

    # Qt model API -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own default, never mutated
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own default, never mutated
        return 0 if parent.isValid() else len(HEADERS)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's own default, never mutated
        return not parent.isValid() and self._count_on is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt's own default, never mutated
        if not parent.isValid():
            self._grow(self._total + GROW_ROWS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in _ROLES:
            return None
        case = self.case_at(index.row())
        if case is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole and col == 2:
            return case.help_type.split(" – ")[0]  # "§ 31 SGB VIII"; the full text is the tool tip
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            return summary_tooltip(case)  # a narrow list hides columns: the title's tooltip has them all
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == 0:
                return case.title
            if col == 1:
                return case.file_number
            if col == 2:
                return case.help_type
            if col == 3:
                return case.person_names
            if col == 4:
                return agreement_label(case)
            if col == 5:
                return format_date(case.updated_at.date() if case.updated_at else None)
            return None
        if role == CASE_ID_ROLE:
            return case.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS):
            return QCoreApplication.translate("CaseList", HEADERS[section])
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
