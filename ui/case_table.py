"""The case list's table: it fits its width, never scrolls sideways (issue 13).

The case title („Familie Çelik-Wróbel“) gets the room: it stretches over what the other columns
leave (at least what the first rows' titles need). Each other column is as wide as its header and
a typical long entry need (fixed samples: no measuring per keystroke); when the list is too narrow
for all of them, the least needed columns are hidden (first „Personen“, then „Zuletzt geändert“,
„Hilfeart“, „Aktenzeichen“) – their texts stay in the title's tooltip. What is still too long for
its cell is elided („…“), never cut."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QWidget

from kooperation_desktop.domain.model import AgreementStatus, CaseStatus, CaseSummary

from .case_list_model import agreement_label

TITLE, FILE_NUMBER, HELP_TYPE, PERSONS, AGREEMENT, CHANGED = 0, 1, 2, 3, 4, 5
HIDE_FIRST = (PERSONS, CHANGED, HELP_TYPE, FILE_NUMBER)  # hidden in this order when narrow
TITLE_CHARS = 30  # the title keeps room for up to this many characters before other columns are hidden
TITLES_MEASURED = 30  # the titles of the first rows (a screenful) decide that room; longer ones are elided
PERSONS_CHARS = 16  # the names elided after about this many characters (all in the tooltip)


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

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is None:
            return
        model.modelReset.connect(self.fit_columns)  # a search shows other titles
        self.fit_columns()

    def _padding(self) -> int:
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1
        return 2 * margin + 6

    def _text_width(self, text: str) -> int:
        return self.fontMetrics().horizontalAdvance(text) + self._padding()

    def column_need(self, column: int) -> int:
        """The width ``column`` needs for its header and a typical long entry (longer entries are
        elided, whole in the tooltip). Fixed samples, not the rows: the columns do not jump while
        the user types a search, and a keystroke costs no measuring."""
        header = self.horizontalHeader().sectionSizeFromContents(column).width()
        metrics = self.fontMetrics()
        if column == TITLE:  # the titles of the first rows, as far as they are usual lengths
            model = self.model()
            titles = [str(model.index(r, TITLE).data() or "") for r in range(min(model.rowCount(), TITLES_MEASURED))]
            widest = max((self._text_width(t) for t in titles), default=0)
            return min(widest, metrics.averageCharWidth() * TITLE_CHARS + self._padding())
        if column == PERSONS:
            return max(header, metrics.averageCharWidth() * PERSONS_CHARS + self._padding())
        return max(header, max(self._text_width(sample) for sample in self._samples(column)))

    @staticmethod
    def _samples(column: int) -> list[str]:
        if column == FILE_NUMBER:
            return ["AZ 51-0815/2027"]
        if column == HELP_TYPE:
            return ["§ 35a SGB VIII"]
        if column == CHANGED:
            return ["30.12.2026"]
        # AGREEMENT: the longest state with a two-digit version
        return [agreement_label(CaseSummary(id=0, title="", file_number="", help_type="", status=CaseStatus.OPEN,
                                            person_names="", latest_status=status, latest_version=10,
                                            updated_at=None))
                for status in AgreementStatus]

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

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.LanguageChange):
            self.fit_columns()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()
