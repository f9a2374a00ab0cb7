"""„Team-Übersicht“: the cases and due items across the team, read from the server as the user's own
login (the server decides what is visible), and „Fall übernehmen…“ for holiday cover (a lead gives a
case to a colleague). The reading and assigning are the core's (:mod:`kooperation_desktop.team.teamview`)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kooperation_desktop.domain.labels import format_date
from kooperation_desktop.team.connection import LoginRefused, ServerError
from kooperation_desktop.team.status import connect
from kooperation_desktop.team.teamview import TeamOverview, assign_case, team_overview

from ..screen import fit_to_screen
from ..widgets import ERROR_STYLE, HINT_STYLE
from . import dialogs
from .dialogs import tr

if TYPE_CHECKING:
    from kooperation_desktop.services import Services

UUID_ROLE = Qt.ItemDataRole.UserRole


class TeamViewDialog(QDialog):
    """The team's cases from the server; ``login_refused`` when the server refused the password."""

    login_refused = Signal()
    assigned = Signal()

    def __init__(self, services: Services, password: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = services.db
        self.password = password
        self.overview: TeamOverview | None = None
        self.setWindowTitle(tr("Team-Übersicht"))
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        label = QLabel(tr("&Fälle im Team:"), self)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels([tr("Fall"), tr("Aktenzeichen"), tr("Team"), tr("Vertretung"),
                                              tr("Fällig")])
        self.table.setAccessibleName(tr("Fälle im Team"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # the short columns fit their content; the case and its due item share the rest and wrap:
        # the table never needs a sideways scroll bar (150 %, small screens)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (0, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        label.setBuddy(self.table)
        layout.addWidget(label)
        layout.addWidget(self.table, 1)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        layout.addWidget(self.message)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(HINT_STYLE)
        layout.addWidget(self.hint)
        row = QHBoxLayout()
        self.assign_button = QPushButton(tr("Fall &übernehmen…"), self)
        self.assign_button.setAccessibleName(tr("Fall einer Kollegin oder einem Kollegen zur Vertretung geben"))
        self.reload_button = QPushButton(tr("&Neu laden"), self)
        row.addWidget(self.assign_button)
        row.addWidget(self.reload_button)
        row.addStretch(1)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Schließen"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.assign_button.clicked.connect(self.assign_selected)
        self.reload_button.clicked.connect(self.load)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        fit_to_screen(self, QSize(900, 560), QSize(600, 400))
        self._update_buttons()

    # --- reading -----------------------------------------------------------------------------
    def _fail(self, exc: ServerError) -> None:
        self.message.setText(str(exc))
        self.message.show()
        if isinstance(exc, LoginRefused):
            self.login_refused.emit()

    def load(self) -> bool:
        """Read the team's cases from the server (a short read; False with the reason shown)."""
        try:
            engine = connect(self.db, self.password)
            try:
                overview = team_overview(engine)
            finally:
                engine.dispose()
        except ServerError as exc:
            self._fail(exc)
            return False
        self.message.hide()
        self.overview = overview
        if overview.is_lead:
            self.intro.setText(tr("Angemeldet als {login}, Teamleitung von {teams}. Es sind alle Fälle der Teams "
                                  "zu sehen.").format(login=overview.login, teams=", ".join(overview.lead_of)))
            self.hint.setText(tr("„Fall übernehmen…“ gibt den gewählten Fall einer Kollegin oder einem Kollegen "
                                 "zur Vertretung; bei deren nächstem Synchronisieren kommt er auf ihren Laptop."))
        else:
            self.intro.setText(tr("Angemeldet als {login}. Zu sehen sind die Fälle Ihrer Teams und die Ihnen zur "
                                  "Vertretung gegebenen.").format(login=overview.login))
            self.hint.setText(tr("Fälle zur Vertretung gibt die Teamleitung. Ein Ihnen gegebener Fall kommt beim "
                                 "nächsten Synchronisieren auf diesen Laptop."))
        today = dt.date.today()
        self.table.setRowCount(len(overview.cases))
        for row, case in enumerate(overview.cases):
            if case.due:
                first = case.due[0]
                due = tr("{date} ({state}): {what}").format(date=format_date(first.due_on), state=first.state(today),
                                                             what=first.what)
                if len(case.due) > 1:
                    due += " " + tr("(+{n} weitere)").format(n=len(case.due) - 1)
            else:
                due = tr("nichts fällig")
            cells = [case.title, case.file_number, case.team or "–", case.assigned_to or "–", due]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == 0:
                    item.setData(UUID_ROLE, case.uuid)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        if overview.cases:
            self.table.selectRow(0)
        self.table.setFocus()
        self._update_buttons()
        return True

    def _update_buttons(self) -> None:
        lead = self.overview is not None and self.overview.is_lead
        self.assign_button.setEnabled(lead and self.selected_uuid() is not None)

    def selected_uuid(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return item.data(UUID_ROLE) if item is not None else None

    # --- assigning ---------------------------------------------------------------------------
    def assign_selected(self) -> bool:
        """„Fall übernehmen…“: ask who covers the selected case (empty: the cover ends), then assign."""
        case_uuid = self.selected_uuid()
        if case_uuid is None or self.overview is None:
            return False
        case = next(c for c in self.overview.cases if c.uuid == case_uuid)
        colleague = dialogs.ask_colleague(self, case.title, case.assigned_to)
        if colleague is None:
            return False
        try:
            engine = connect(self.db, self.password)
            try:
                assign_case(engine, case_uuid, colleague)
            finally:
                engine.dispose()
        except ServerError as exc:
            self._fail(exc)
            return False
        self.load()
        self.assigned.emit()
        return True
