"""The "Heute fällig / überfällig" panel of the start screen (main window)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kooperation_desktop.domain.labels import format_date
from kooperation_desktop.followup.model import DUE_KIND_LABEL, DueItem
from kooperation_desktop.followup.service import FollowUpService

OVERDUE_COLOR = QColor("#a4000f")
TODAY_COLOR = QColor("#5c3b00")
SOON_COLOR = QColor("#555555")


def today() -> dt.date:
    """The date the panel works with (tests replace it)."""
    return dt.date.today()


def item_text(item: DueItem, on: dt.date) -> str:
    state = item.state(on)
    when = {"überfällig": f"überfällig ({item.days_text(on)})", "heute fällig": "heute fällig"}.get(
        state, f"{format_date(item.due_on)} ({item.days_text(on)})")
    return f"{when} · {item.case_title} · {DUE_KIND_LABEL[item.kind]}: {item.what}"


class DuePanel(QWidget):
    """Due and overdue items of all open cases; the next 14 days below in grey."""

    case_requested = Signal(int)

    def __init__(self, follow: FollowUpService, parent: QWidget | None = None,
                 today_fn: Callable[[], dt.date] | None = None):
        super().__init__(parent)
        self.follow = follow
        self._today = today_fn or (lambda: today())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        self.title = QLabel("<b>Heute fällig / überfällig</b>", self)
        layout.addWidget(self.title)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Heute fällig und überfällig")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        layout.addWidget(self.list)
        self.title.setBuddy(self.list)
        row = QHBoxLayout()
        self.open_button = QPushButton("Zum &Fall", self)
        self.done_button = QPushButton("&Erledigt", self)
        self.done_button.setToolTip("Als erledigt markieren; bei einem Rhythmus erscheint der nächste Termin.")
        row.addWidget(self.open_button)
        row.addWidget(self.done_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.items: list[DueItem] = []
        self.open_button.clicked.connect(self._open_selected)
        self.done_button.clicked.connect(self._done_selected)
        self.list.itemActivated.connect(lambda _i: self._open_selected())
        self.list.currentRowChanged.connect(lambda _r: self._update_buttons())
        # filled by refresh(): the main window calls it once at start (cases_reloaded), not twice

    def refresh(self) -> None:
        on = self._today()
        self.items = self.follow.due_items(on)
        self.list.clear()
        urgent = sum(1 for i in self.items if i.due_on <= on)
        for item in self.items:
            entry = QListWidgetItem(item_text(item, on))
            state = item.state(on)
            entry.setForeground(QBrush(OVERDUE_COLOR if state == "überfällig"
                                       else TODAY_COLOR if state == "heute fällig" else SOON_COLOR))
            entry.setData(Qt.ItemDataRole.UserRole, item.case_id)
            self.list.addItem(entry)
        if not self.items:
            self.list.addItem(QListWidgetItem("Heute ist nichts fällig. In den nächsten 14 Tagen auch nicht."))
        self.list.doItemsLayout()
        rows_h = sum(max(self.list.sizeHintForRow(r), 20) for r in range(self.list.count()))
        self.list.setFixedHeight(min(160, rows_h + 2 * self.list.frameWidth() + 4))
        soon = len(self.items) - urgent
        self.title.setText(f"<b>Heute fällig / überfällig: {urgent}</b>"
                           + (f" <span style='color:#555'>· demnächst (14 Tage): {soon}</span>" if soon else ""))
        self._update_buttons()

    def selected_item(self) -> DueItem | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _update_buttons(self) -> None:
        has = self.selected_item() is not None
        self.open_button.setEnabled(has)
        self.done_button.setEnabled(has)

    def _open_selected(self) -> None:
        item = self.selected_item()
        if item is not None:
            self.case_requested.emit(item.case_id)

    def _done_selected(self) -> None:
        item = self.selected_item()
        if item is not None:
            self.follow.mark_done(item, self._today())
            self.refresh()
