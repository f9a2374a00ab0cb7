"""The case list as a read-only table model over ``Services.list_cases`` results."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from kooperation_desktop.domain.labels import AGREEMENT_STATUS, format_date
from kooperation_desktop.domain.model import CaseSummary

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1

HEADERS: tuple[str, ...] = ("Fall", "Aktenzeichen", "Hilfeart", "Personen", "Vereinbarung", "Zuletzt geändert")

Index = QModelIndex | QPersistentModelIndex


def agreement_label(summary: CaseSummary) -> str:
    if summary.latest_status is None:
        return "keine"
    label = AGREEMENT_STATUS.get(summary.latest_status, str(summary.latest_status))
    if summary.latest_version is not None:
        return f"{label}, Version {summary.latest_version}"
    return label


class CaseListModel(QAbstractTableModel):
    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._rows: list[CaseSummary] = []

    def set_cases(self, cases: list[CaseSummary]) -> None:
        self.beginResetModel()
        self._rows = list(cases)
        self.endResetModel()

    def case_at(self, row: int) -> CaseSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, case_id: int) -> int:
        return next((i for i, c in enumerate(self._rows) if c.id == case_id), -1)

    # Qt model API -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        case = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole and col == 2:
            return case.help_type.split(" – ")[0]  # "§ 31 SGB VIII"; the full text is the tool tip
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

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS):
            return HEADERS[section]
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
