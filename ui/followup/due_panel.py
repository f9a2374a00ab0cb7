"""The "Heute fällig / überfällig" panel of the start screen (main window)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kooperation_desktop.domain.labels import format_date
from kooperation_desktop.followup.model import DUE_KIND_LABEL, DueItem, DueKind
from kooperation_desktop.followup.service import FollowUpService

OVERDUE_COLOR = QColor("#a4000f")
TODAY_COLOR = QColor("#5c3b00")
SOON_COLOR = QColor("#555555")
MANY_STALE = 50  # more cases to compute than this: the panel says so and shows a wait cursor
SHOWN_LIMIT = 100  # rows in the panel; a provider with thousands of cases gets the counts and the oldest


def today() -> dt.date:
    """The date the panel works with (tests replace it)."""
    return dt.date.today()


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def core_text(text: str) -> str:
    """One of the core's German texts listed below (context "DuePanel")."""
    return QCoreApplication.translate("DuePanel", text)


# the core's German labels, for pyside6-lupdate (translated where they are shown)
_CORE_TEXTS = (
    QT_TRANSLATE_NOOP("DuePanel", "Überprüfung / Hilfeplangespräch"),
    QT_TRANSLATE_NOOP("DuePanel", "Treffen"),
    QT_TRANSLATE_NOOP("DuePanel", "Bericht"),
    QT_TRANSLATE_NOOP("DuePanel", "Rückmeldung"),
    QT_TRANSLATE_NOOP("DuePanel", "Aufgabe"),
    QT_TRANSLATE_NOOP("DuePanel", "Geplantes Ende der Hilfe"),
    QT_TRANSLATE_NOOP("DuePanel", "Übergang planen"),
    QT_TRANSLATE_NOOP("DuePanel", "Überprüfung der Ziele und Indikatoren (Hilfeplangespräch)"),
    QT_TRANSLATE_NOOP("DuePanel", "Die Hilfe endet wie geplant."),
)


def days_text(item: DueItem, on: dt.date) -> str:
    days = (item.due_on - on).days
    if days == 0:
        return tr("heute")
    if days == -1:
        return tr("seit gestern")
    if days < 0:
        return tr("seit {n} Tagen").format(n=-days)
    return tr("morgen") if days == 1 else tr("in {n} Tagen").format(n=days)


def item_text(item: DueItem, on: dt.date) -> str:
    state = item.state(on)
    if state == "überfällig":
        when = tr("überfällig ({days})").format(days=days_text(item, on))
    elif state == "heute fällig":
        when = tr("heute fällig")
    else:
        when = f"{format_date(item.due_on)} ({days_text(item, on)})"
    what = core_text(item.what) if item.kind in (DueKind.REVIEW, DueKind.PLANNED_END) else item.what
    return f"{when} · {item.case_title} · {core_text(DUE_KIND_LABEL[item.kind])}: {what}"


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
        self.title = QLabel("<b>" + tr("Heute fällig / überfällig") + "</b>", self)
        layout.addWidget(self.title)
        self.list = QListWidget(self)
        self.list.setAccessibleName(tr("Heute fällig und überfällig"))
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        layout.addWidget(self.list)
        self.title.setBuddy(self.list)
        row = QHBoxLayout()
        self.open_button = QPushButton(tr("&Zum Fall"), self)
        self.done_button = QPushButton(tr("&Erledigt"), self)
        self.done_button.setToolTip(tr("Als erledigt markieren; bei einem Rhythmus erscheint der nächste Termin."))
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
        stale = self.follow.stale_due_cases()
        if len(stale) > MANY_STALE:
            # once after an update (or an import of many cases): every case is computed again
            self.title.setText("<b>" + tr("Fälligkeiten werden einmalig neu berechnet …") + "</b>")
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            QApplication.processEvents()
            try:
                self.follow.update_due_index(stale=stale)
            finally:
                QApplication.restoreOverrideCursor()
        else:
            self.follow.update_due_index(stale=stale)  # the case just edited, if any
        # the first SHOWN_LIMIT by date (the oldest first); the counts cover all of them
        self.items = self.follow.due_items(on, limit=SHOWN_LIMIT, update=False)
        urgent, soon = self.follow.due_counts(on, update=False)
        self.list.clear()
        for item in self.items:
            entry = QListWidgetItem(item_text(item, on))
            state = item.state(on)
            entry.setForeground(QBrush(OVERDUE_COLOR if state == "überfällig"
                                       else TODAY_COLOR if state == "heute fällig" else SOON_COLOR))
            entry.setData(Qt.ItemDataRole.UserRole, item.case_id)
            self.list.addItem(entry)
        if not self.items:
            self.list.addItem(QListWidgetItem(tr("Heute ist nichts fällig. In den nächsten 14 Tagen auch nicht.")))
        elif urgent + soon > len(self.items):
            more = QListWidgetItem(tr("… und {more} weitere (gezeigt werden die {shown} ältesten)").format(
                more=urgent + soon - len(self.items), shown=len(self.items)))
            more.setForeground(QBrush(SOON_COLOR))
            more.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(more)
        self._fit_height()
        self.title.setText("<b>" + tr("Heute fällig / überfällig: {n}").format(n=urgent) + "</b>"
                           + (" <span style='color:#555'>· " + tr("demnächst (14 Tage): {n}").format(n=soon)
                              + "</span>" if soon else ""))
        self._update_buttons()

    def _fit_height(self) -> None:
        """As tall as the (wrapped) rows need, at most 160 px; again when the width changes."""
        self.list.doItemsLayout()
        # the laid-out rows (sizeHintForRow ignores word wrap)
        rows_h = sum(max(self.list.visualItemRect(self.list.item(r)).height(), 20)
                     for r in range(min(self.list.count(), 12)))
        self.list.setFixedHeight(min(160, rows_h + 2 * self.list.frameWidth() + 4))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._fit_height()

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
