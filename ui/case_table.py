"""The case list's table: it fits its width, never scrolls sideways (issue 13).

The case title („Familie Çelik-Wróbel“) gets the room: it stretches over what the other columns
leave. Each other column is as wide as its header and the texts of the first rows need; when the
list is too narrow for all of them, the least needed columns are hidden (first „Personen“, then
„Zuletzt geändert“, „Hilfeart“, „Aktenzeichen“) – their texts stay in the title's tooltip. What is
still too long for its cell is elided („…“), never cut."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QWidget

TITLE, FILE_NUMBER, HELP_TYPE, PERSONS, AGREEMENT, CHANGED = range(6)
HIDE_FIRST = (PERSONS, CHANGED, HELP_TYPE, FILE_NUMBER)  # hidden in this order when narrow
TITLE_CHARS = 28  # the title column needs at most this many average characters (longer: elided)
PERSONS_CHARS = 24
ROWS_MEASURED = 40  # the first rows' texts decide the widths (a screenful; the list may hold 50,000)


class CaseTable(QTableView):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setTabKeyNavigation(False)  # Tab leaves the list; arrows move inside it
        self.horizontalHeader().setStretchLastSection(False)
        self.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self._needs: dict[int, int] = {}

    def setModel(self, model: QAbstractItemModel | None) -> None:  # noqa: N802 - Qt's name
        super().setModel(model)
        if model is None:
            return
        model.modelReset.connect(self.fit_columns)
        model.layoutChanged.connect(self.fit_columns)
        self.fit_columns()

    def _padding(self) -> int:
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1
        return 2 * margin + 6

    def _text_width(self, text: str) -> int:
        return self.fontMetrics().horizontalAdvance(text) + self._padding()

    def column_need(self, column: int) -> int:
        """The width ``column`` needs for its header and the first rows' texts (capped for the
        title and the persons: longer texts are elided)."""
        model = self.model()
        header = self.horizontalHeader().sectionSizeFromContents(column).width()
        rows = min(model.rowCount(), ROWS_MEASURED)
        widest = max((self._text_width(str(model.index(r, column).data() or "")) for r in range(rows)), default=0)
        cap = {TITLE: TITLE_CHARS, PERSONS: PERSONS_CHARS}.get(column)
        if cap is not None:
            widest = min(widest, self.fontMetrics().averageCharWidth() * cap + self._padding())
        return max(header if column != TITLE else 0, widest)

    def fit_columns(self) -> None:
        """Show the columns that fit beside the title; the title stretches over the rest."""
        model = self.model()
        if model is None or model.columnCount() == 0:
            return
        header = self.horizontalHeader()
        self._needs = {c: self.column_need(c) for c in range(model.columnCount())}
        title_need = max(self._needs[TITLE], header.sectionSizeFromContents(TITLE).width())
        room = self.viewport().width()
        shown = [c for c in range(model.columnCount()) if c != TITLE]
        for column in HIDE_FIRST:
            if title_need + sum(self._needs[c] for c in shown) <= room:
                break
            shown.remove(column)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for column in range(model.columnCount()):
            if column == TITLE:
                continue
            self.setColumnHidden(column, column not in shown)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            if column in shown:
                self.setColumnWidth(column, self._needs[column])

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.fit_columns()
