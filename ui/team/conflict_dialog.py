"""„Konfliktliste“: the fields changed both on this laptop and on the server, each with both values
side by side (who changed them, when), and the choice: keep one side, or type the value
(„Bearbeiten…“). The entries that are not two edits of one field (a deletion here of rows changed on
the server, a signature given twice, a row added to a version finalised or to a case deleted
meanwhile) each have a header of their own. The decisions are the core's
(:mod:`kooperation_desktop.team.conflict_choice`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kooperation_desktop.team import conflict_choice
from kooperation_desktop.team.conflict_choice import ConflictChoiceError, ConflictItem

from ..screen import fit_to_screen
from ..widgets import ERROR_STYLE, HINT_STYLE
from . import dialogs
from .dialogs import tr

if TYPE_CHECKING:
    from kooperation_desktop.services import Services

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole


def _who_when(by: str, at: dt.datetime | None, recorded: bool = False) -> str:
    if recorded:  # a signature: who recorded it on which laptop
        if at is None:
            return tr("erfasst von {who}").format(who=by or tr("unbekannt"))
        return tr("erfasst von {who} am {when}").format(who=by or tr("unbekannt"),
                                                        when=conflict_choice.value_text(at))
    if at is None:
        return tr("geändert von {who}").format(who=by or tr("unbekannt"))
    return tr("geändert von {who} am {when}").format(who=by or tr("unbekannt"),
                                                      when=conflict_choice.value_text(at))


def header_text(kind: str) -> str:
    """What happened to one entry of the Konfliktliste, in plain words (the dialog's header)."""
    if kind == conflict_choice.DELETION:
        return tr("Sie haben das auf diesem Laptop gelöscht; auf dem Server wurde es inzwischen geändert. "
                  "Bis zur Entscheidung bleiben die Einträge vom Server erhalten: trotzdem löschen oder behalten.")
    if kind == conflict_choice.SIGNATURE:
        return tr("Für dieselbe Person wurde zu dieser Version zweimal eine Unterschrift erfasst: auf diesem "
                  "Laptop und auf einem anderen. Es zählt nur eine: die vom Server, die zuerst übertragen wurde.")
    if kind == conflict_choice.NEW_IN_FROZEN:
        return tr("Sie haben das auf diesem Laptop neu eingetragen, die Version der Vereinbarung wurde aber "
                  "inzwischen abgeschlossen. Sie bleibt, wie sie unterschrieben wurde; was Sie eingegeben "
                  "haben, steht hier zum Übernehmen in eine neue Version.")
    if kind == conflict_choice.NEW_IN_DELETED:
        return tr("Sie haben das auf diesem Laptop neu eingetragen, auf dem Server wurde aber inzwischen "
                  "gelöscht, wozu es gehört (der Fall oder ein übergeordneter Eintrag). Es wurde nicht "
                  "übernommen; was Sie eingegeben haben, steht hier zum Nachlesen.")
    if kind == conflict_choice.FIELD_GONE:
        return tr("Sie haben das auf diesem Laptop geändert, auf dem Server wurde der Eintrag aber inzwischen "
                  "gelöscht. Ihr Wert kann nicht mehr übernommen werden; er steht hier zum Nachlesen.")
    return tr("Dieses Feld wurde auf diesem Laptop und auf dem Server verschieden geändert. Bis zur "
              "Entscheidung gilt der Wert vom Server; der Wert von diesem Laptop bleibt hier in der Liste.")


class _Side(QGroupBox):
    """One side of a conflict: its value (read-only, wrapped, scrollable), who and when, the button."""

    def __init__(self, title: str, button_text: str, accessible: str, parent: QWidget):
        super().__init__(title, parent)
        layout = QVBoxLayout(self)
        self.value = QPlainTextEdit(self)
        self.value.setReadOnly(True)
        self.value.setTabChangesFocus(True)
        self.value.setAccessibleName(title)
        self.value.setMinimumHeight(80)
        self.who = QLabel(self)
        self.who.setWordWrap(True)
        self.who.setStyleSheet(HINT_STYLE)
        self.keep = QPushButton(button_text, self)
        self.keep.setAccessibleName(accessible)
        self._button = (button_text, accessible)  # (a deletion's entry names the choice otherwise)
        layout.addWidget(self.value, 1)
        layout.addWidget(self.who)
        layout.addWidget(self.keep, 0, Qt.AlignmentFlag.AlignLeft)

    def show_value(self, text: str, by: str, at: dt.datetime | None, recorded: bool = False) -> None:
        self.value.setPlainText(text)
        self.who.setText(_who_when(by, at, recorded))

    def name_button(self, other: tuple[str, str] | None) -> None:
        """The button's text and accessible name: ``other``, or (None) the usual ones."""
        text, accessible = other or self._button
        self.keep.setText(text)
        self.keep.setAccessibleName(accessible)


class ConflictDialog(QDialog):
    """The open conflicts of this laptop; ``decided`` after each decision (data changed)."""

    decided = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = services.db
        self.setWindowTitle(tr("Konfliktliste"))
        self._items: dict[int, ConflictItem] = {}
        layout = QVBoxLayout(self)
        self.header = QLabel(self)  # what happened to the selected entry (:func:`header_text`)
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.header)
        list_label = QLabel(tr("&Konflikte:"), self)
        self.list = QListWidget(self)
        self.list.setAccessibleName(tr("Konflikte"))
        self.list.setWordWrap(True)
        self.list.setMinimumHeight(90)
        list_label.setBuddy(self.list)
        layout.addWidget(list_label)
        layout.addWidget(self.list, 1)

        self.detail = QWidget(self)
        grid = QGridLayout(self.detail)
        grid.setContentsMargins(0, 0, 0, 0)
        self.what = QLabel(self.detail)
        self.what.setWordWrap(True)
        self.what.setTextFormat(Qt.TextFormat.PlainText)
        grid.addWidget(self.what, 0, 0, 1, 2)
        self.local = _Side(tr("Auf diesem Laptop"), tr("Diesen Wert &behalten"),
                           tr("Wert von diesem Laptop behalten"), self.detail)
        self.server = _Side(tr("Auf dem Server"), tr("Diesen &Wert behalten"),
                            tr("Wert vom Server behalten"), self.detail)
        grid.addWidget(self.local, 1, 0)
        grid.addWidget(self.server, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        row = QHBoxLayout()
        self.edit_button = QPushButton(tr("B&earbeiten…"), self.detail)
        self.edit_button.setAccessibleName(tr("Wert selbst eingeben"))
        row.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignLeft)
        # why keeping this laptop's side is off (a signature on the server stands): in the place of
        # „Bearbeiten…“ (nothing of a signature is typed), across both sides
        self.note = QLabel(self.detail)
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setStyleSheet(HINT_STYLE)
        self.note.hide()
        row.addWidget(self.note, 1)
        grid.addLayout(row, 2, 0, 1, 2)
        layout.addWidget(self.detail, 2)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        layout.addWidget(self.message)
        self.empty = QLabel(tr("Keine offenen Konflikte."), self)
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Schließen"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        self.local.keep.clicked.connect(lambda: self._decide("local"))
        self.server.keep.clicked.connect(lambda: self._decide("server"))
        self.edit_button.clicked.connect(self._edit)
        self.setTabOrder(self.list, self.local.value)
        self.setTabOrder(self.local.value, self.local.keep)
        self.setTabOrder(self.local.keep, self.server.value)
        self.setTabOrder(self.server.value, self.server.keep)
        self.setTabOrder(self.server.keep, self.edit_button)
        fit_to_screen(self, QSize(820, 560), QSize(560, 420))
        self.reload()

    # --- content -----------------------------------------------------------------------------
    def reload(self, select_row: int = 0) -> None:
        items = conflict_choice.open_items(self.db)
        self._items = {item.id: item for item in items}
        self.list.clear()
        for item in items:
            title = item.case_title or tr("(Fall nicht mehr auf diesem Laptop)")
            entry = QListWidgetItem(tr("{case} – {what}").format(case=title, what=item.what), self.list)
            entry.setData(ITEM_ID_ROLE, item.id)
        self.empty.setVisible(not items)
        self.header.setVisible(bool(items))
        self.detail.setVisible(bool(items))
        self.list.setVisible(bool(items))
        if items:
            self.list.setCurrentRow(min(select_row, len(items) - 1))
            self.list.setFocus()
        self._show_current()

    def current(self) -> ConflictItem | None:
        entry = self.list.currentItem()
        return self._items.get(entry.data(ITEM_ID_ROLE)) if entry is not None else None

    def _show_current(self) -> None:
        item = self.current()
        if item is None:
            return
        self.header.setText(header_text(item.kind))
        if item.case_title and item.case_file_number:
            self.what.setText(tr("Fall „{case}“ (Az. {number}) · {what}").format(
                case=item.case_title, number=item.case_file_number, what=item.what))
        else:
            self.what.setText(tr("Fall „{case}“ · {what}").format(case=item.case_title, what=item.what)
                              if item.case_title else
                              tr("Fall nicht mehr auf diesem Laptop · {what}").format(what=item.what))
        self.local.show_value(item.local_text, item.local_by, item.local_at, item.signature)
        self.server.show_value(item.server_text, item.server_by, item.server_at, item.signature)
        # a signature on the server stands for good (append-only): this laptop's stays in the list
        self.local.keep.setEnabled(not item.row_deleted and not item.signature)
        self.note.setText(tr("Eine Unterschrift auf dem Server kann nicht ersetzt werden. Die Unterschrift dieses "
                             "Laptops bleibt in der Konfliktliste festgehalten, auch nach dem Schließen (anzeigen "
                             "mit „kooperation-desktop conflicts --alle“).") if item.signature else "")
        self.note.setVisible(item.signature)
        self.edit_button.setVisible(not item.signature)
        # deleted here, changed on the server: delete anyway, or keep the server's rows
        self.local.name_button((tr("Trotzdem &löschen"), tr("Auf diesem Laptop gelöscht: trotzdem löschen"))
                               if item.deletion else None)
        self.server.name_button((tr("Einträge &behalten"), tr("Die Einträge vom Server behalten"))
                                if item.deletion else None)
        self.edit_button.setEnabled(item.editable)

    # --- decisions ---------------------------------------------------------------------------
    def _decide(self, side: str) -> None:
        item = self.current()
        if item is None:
            return
        self._done(lambda: conflict_choice.keep(self.db, item.id, "local" if side == "local" else "server"))

    def _edit(self) -> None:
        item = self.current()
        if item is None or not item.editable:
            return
        current = "" if item.local_value is None else item.local_text
        typed = dialogs.ask_value(self, item.what, current)
        if typed is not None:
            self._done(lambda: conflict_choice.keep_typed(self.db, item.id, typed))

    def _done(self, decide: Callable[[], None]) -> None:
        row = self.list.currentRow()
        try:
            decide()
        except ConflictChoiceError as exc:
            self.message.setText(str(exc))
            self.message.show()
            return
        self.message.hide()
        self.reload(select_row=row)
        self.decided.emit()
