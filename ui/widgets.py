"""Small shared widgets: a TT.MM.JJJJ date field, an inline error label and a row editor."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStyleOptionFocusRect,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)

from kooperation_desktop.domain.labels import format_date, parse_date

from .readability import ReadabilityIndicator
from .textfill import fill

__all__ = ["fill"]  # (moved to ui.textfill; imported from here by most modules)

ERROR_STYLE = "color: #a4000f; font-weight: 600;"
WARNING_STYLE = (
    "color: #5c3b00; background: #fff4d6; border: 1px solid #e0b84a; border-radius: 3px; padding: 4px;"
)
HINT_STYLE = "color: #555555;"


def date_placeholder() -> str:
    """ "TT.MM.JJJJ" (English: "DD.MM.YYYY"): the input format is the same in both languages."""
    return QCoreApplication.translate("DateEdit", "TT.MM.JJJJ")


class ErrorLabel(QLabel):
    """A red, word-wrapped label under a field or on a page; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None, style: str = ERROR_STYLE):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(style)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName(self.tr("Hinweis"))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.hide()

    def show_messages(self, messages: Iterable[str]) -> None:
        messages = [m for m in messages if m]
        if not messages:
            self.clear_messages()
            return
        if len(messages) == 1:
            self.setText(messages[0])
        else:
            self.setText("\n".join(f"• {m}" for m in messages))
        self.show()

    def clear_messages(self) -> None:
        self.setText("")
        self.hide()

    def messages(self) -> list[str]:
        return [line.removeprefix("• ") for line in self.text().splitlines() if line]


class GrowingTextEdit(QPlainTextEdit):
    """A text field for a sentence: it wraps at its width and grows with its text (``min_lines`` to
    ``max_lines`` lines; beyond that it scrolls). Tab moves the focus, as in a one-line field.

    ``enter_pressed`` (optional): called on Enter instead of starting a new line (Shift+Enter still
    starts one) — for fields in a list where Enter adds the next row.
    """

    def __init__(self, parent: QWidget | None = None, *, min_lines: int = 1, max_lines: int = 8,
                 enter_pressed: Callable[[], bool] | None = None):
        super().__init__(parent)
        self.min_lines = min_lines
        self.max_lines = max_lines
        self.enter_pressed = enter_pressed
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(lambda _s: self._fit())
        self._fit()

    def on_enter(self, action: Callable[[], bool] | None) -> None:
        """Enter calls ``action`` (True: handled, no new line); Shift+Enter still starts a new line."""
        self.enter_pressed = action

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        self.setPlainText(text)

    def sizeHint(self) -> QSize:
        return QSize(160, self.height_for_lines(min(max(self.line_count(), self.min_lines), self.max_lines)))

    def minimumSizeHint(self) -> QSize:
        return QSize(60, self.sizeHint().height())

    def line_count(self) -> int:
        """Lines the text takes at the current width (wrapped lines counted)."""
        lines = 0
        block = self.document().begin()
        while block.isValid():
            layout = block.layout()
            lines += max(1, layout.lineCount() if layout is not None else 1)
            block = block.next()
        return lines

    def height_for_lines(self, lines: int) -> int:
        margins = self.contentsMargins()
        doc_margin = self.document().documentMargin()
        return int(lines * self.fontMetrics().lineSpacing() + 2 * doc_margin
                   + margins.top() + margins.bottom() + 2)

    def text_height(self) -> int:
        """Height of the laid-out text (all blocks, wrapped lines included), in pixels."""
        total = 0.0
        block = self.document().begin()
        while block.isValid():
            total += self.blockBoundingRect(block).height()
            block = block.next()
        return int(total + 0.999)

    def _fit(self) -> None:
        lines = self.line_count()
        if lines > self.max_lines:
            height = self.height_for_lines(self.max_lines)
        else:
            margins = self.contentsMargins()
            exact = int(self.text_height() + 2 * self.document().documentMargin()
                        + margins.top() + margins.bottom() + 2)
            height = max(exact, self.height_for_lines(max(lines, self.min_lines)))
        if height != self.height() or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (event.Type.FontChange, event.Type.StyleChange):
            self._fit()

    def keyPressEvent(self, event) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        if enter and self.enter_pressed is not None and not shift and self.enter_pressed():
            return
        super().keyPressEvent(event)


def hint_label(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


def section_label(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def focus_target(widget: QWidget) -> QWidget:
    """The widget that really takes focus (a DateEdit's line edit)."""
    return widget.line if isinstance(widget, DateEdit) else widget


def ok_cancel_buttons(dialog: QDialog, layout: QLayout, ok_text: str) -> QDialogButtonBox:
    """OK (saying ``ok_text``) and Cancel added to ``layout``, wired to the dialog's accept and reject."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return buttons


def discard(widgets: Iterable[QWidget]) -> None:
    """Hide the widgets at once and delete them when the event loop comes round."""
    for widget in list(widgets):
        widget.hide()  # gone at once, not only when the deferred delete runs
        widget.deleteLater()


def clear_layout(layout: QLayout) -> None:
    """Take every item out of ``layout``; its widgets are discarded (:func:`discard`)."""
    widgets = []
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widgets.append(widget)
    discard(widgets)


def chain_before(anchor: QWidget, widgets: Iterable[QWidget]) -> None:
    """Put ``widgets`` (created later, so last in the tab chain) right before ``anchor``."""
    targets = [focus_target(w) for w in widgets]
    prev = anchor.previousInFocusChain()
    # Qt ignores setTabOrder() with a widget that takes no focus: start at one that does
    while prev is not None and prev is not anchor and (prev.focusPolicy() == Qt.FocusPolicy.NoFocus or prev in targets):
        prev = prev.previousInFocusChain()
    if prev is None or prev is anchor:  # None: not in practice (the chain is a ring), but the type allows it
        return
    for w in targets:
        if w.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        QWidget.setTabOrder(prev, w)
        prev = w
    QWidget.setTabOrder(prev, anchor)


class DateEdit(QWidget):
    """A date typed as TT.MM.JJJJ; empty means "no date". Shows a German error under the field.

    ``dateChanged`` is emitted with a ``datetime.date`` or ``None`` whenever the text becomes a
    valid date or empty; an invalid text keeps the last valid value and shows the error once the
    user leaves the field.
    """

    dateChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, empty_text: str = "",
                 accessible_name: str = ""):
        super().__init__(parent)
        self.line = QLineEdit(self)
        self.line.setPlaceholderText(empty_text or date_placeholder())
        self.line.setMaxLength(10)
        self.line.setToolTip(self.tr("Datum als TT.MM.JJJJ, z. B. 01.03.2027; leer lassen, wenn es keins gibt."))
        if accessible_name:
            self.line.setAccessibleName(accessible_name)
        self.error = ErrorLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line)
        layout.addWidget(self.error)
        self.setFocusProxy(self.line)
        self._date: dt.date | None = None
        self._error = ""
        self.line.textChanged.connect(self._on_text_changed)
        self.line.editingFinished.connect(self._on_editing_finished)

    # public API -------------------------------------------------------------------------
    def date(self) -> dt.date | None:
        """The last valid date (None: empty)."""
        return self._date

    def setDate(self, value: dt.date | None) -> None:
        self._date = value
        self._error = ""
        self.line.blockSignals(True)
        self.line.setText(format_date(value))
        self.line.blockSignals(False)
        self.error.clear_messages()

    def is_valid(self) -> bool:
        return not self._error

    def error_text(self) -> str:
        return self._error

    def text(self) -> str:
        return self.line.text()

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.line.setAccessibleName(name)

    # internals --------------------------------------------------------------------------
    def _on_text_changed(self, text: str) -> None:
        if not text.strip():
            self._set_valid(None)
            return
        try:
            value = parse_date(text)
        except ValueError:  # the core's message, in the UI language
            self._error = fill(
                self.tr("„%1“ ist kein gültiges Datum. Bitte als TT.MM.JJJJ eingeben, z. B. 01.03.2027."), text.strip())
            return
        self._set_valid(value)

    def _set_valid(self, value: dt.date | None) -> None:
        self._error = ""
        self.error.clear_messages()
        if value != self._date:
            self._date = value
            self.dateChanged.emit(value)

    def _on_editing_finished(self) -> None:
        if self._error:
            self.error.show_messages([self._error])


# --- a simple editor of a list of entities, one row of real widgets per entity ---------------


@dataclass
class Column:
    """One column of a :class:`RowEditor`.

    ``kind``: ``text`` (QLineEdit), ``multiline`` (QPlainTextEdit), ``date`` (DateEdit),
    ``check`` (QCheckBox) or ``combo`` (QComboBox with ``choices()`` → [(label, value)]).
    ``get``/``set`` default to the entity's attribute ``key``.
    """

    key: str
    header: str
    kind: str = "text"
    placeholder: str = ""
    choices: Callable[[], Sequence[tuple[str, Any]]] | None = None
    get: Callable[[Any], Any] | None = None
    set: Callable[[Any, Any], None] | None = None
    stretch: int = 1
    tooltip: str = ""
    own_line: bool = False  # on a line of its own under the row, as wide as the row (a card)
    readability: bool = False  # a text the family reads: a readability indicator under it (ui/readability.py)

    @property
    def name(self) -> str:
        """The header as one line (for accessible names)."""
        return self.tooltip or self.header.replace("-\n", "").replace("\n", " ")

    def value(self, entity: Any) -> Any:
        return self.get(entity) if self.get else getattr(entity, self.key)

    def assign(self, entity: Any, value: Any) -> None:
        if self.set:
            self.set(entity, value)
        else:
            setattr(entity, self.key, value)


class RowEditor(QWidget):
    """Rows of input widgets over a list of domain objects, with "add" and per-row "remove".

    The editor changes the objects in place and tells the page through signals; the page saves
    them through the services (``edited`` → save, ``removed`` → delete).
    """

    edited = Signal(object)
    removed = Signal(object)
    added = Signal(object)
    ENTER_ADDS_ROW = True  # Enter in a filled last row adds the next row (keyboard walk, issue 13)
    TEXT_CHARS = 14  # a text field side by side with others needs room for this many characters

    def __init__(self, columns: Sequence[Column], factory: Callable[[], Any], *,
                 add_text: str = "", item_name: str = "",
                 empty_text: str = "", parent: QWidget | None = None, reflow: bool = False):
        """``reflow``: when the editor is too narrow for a row's fields side by side (each text
        field with room for about :attr:`TEXT_CHARS` characters, each choice with its whole text),
        every row becomes a card: one field under the other, each with its name before it, the
        „Entfernen“ button on the first line – never a sideways scroll bar."""
        super().__init__(parent)
        self.reflow = reflow
        self.stacked = False  # the rows shown as cards (see ``reflow``)
        self._headers: list[QLabel] = []
        self._card_labels: list[dict[str, QLabel]] = []
        add_text = add_text or self.tr("Hinzufügen")
        item_name = item_name or self.tr("Eintrag")
        empty_text = empty_text or self.tr("Noch keine Einträge.")
        self.columns = list(columns)
        self.factory = factory
        self.item_name = item_name
        self._entities: list[Any] = []
        self._widgets: list[dict[str, QWidget]] = []
        self._cells: list[dict[str, QWidget]] = []
        self._remove_buttons: list[QPushButton] = []
        self._combo_values: dict[int, list[Any]] = {}
        self._removal_refused = ""  # why „Entfernen“ is off (see refuse_removal)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.grid_host = QWidget(self)
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(4)
        outer.addWidget(self.grid_host)
        self.empty_label = hint_label(empty_text, self)
        outer.addWidget(self.empty_label)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(add_text, self)
        self.add_button.setAccessibleName(add_text.replace("&", ""))
        self.add_button.clicked.connect(self.add_or_focus_empty)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        self._rebuild()

    # public API -------------------------------------------------------------------------
    def set_entities(self, entities: Iterable[Any]) -> None:
        self._entities = list(entities)
        self._rebuild()

    def entities(self) -> list[Any]:
        return list(self._entities)

    def row_count(self) -> int:
        return len(self._entities)

    def widget(self, row: int, key: str) -> QWidget:
        return self._widgets[row][key]

    def remove_button(self, row: int) -> QPushButton:
        return self._remove_buttons[row]

    def refuse_removal(self, reason: str) -> None:
        """With a (German) ``reason`` every row's „Entfernen“ is disabled and its tooltip says why
        (e.g. a case this worker only covers: the server takes none of its deletions); "" allows it
        again. Kept for rows added or rebuilt later."""
        self._removal_refused = reason
        for button in self._remove_buttons:
            self._apply_refusal(button)

    def _apply_refusal(self, button: QPushButton) -> None:
        button.setEnabled(not self._removal_refused)
        button.setToolTip(self._removal_refused or button.accessibleName())
        button.setAccessibleDescription(self._removal_refused)

    def readability(self, row: int, key: str) -> QWidget | None:
        """The readability indicator under a field (a column with ``readability``), else None."""
        cell = self._cells[row][key]
        return cell.findChild(ReadabilityIndicator) if cell is not self._widgets[row][key] else None

    def add_row(self) -> Any:
        entity = self.factory()
        self._entities.append(entity)
        self._rebuild()
        first = self._widgets[-1][self.columns[0].key]
        first.setFocus(Qt.FocusReason.OtherFocusReason)
        self.added.emit(entity)
        return entity

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in a one-line field of a row: the next row (see :meth:`_enter_in_row`)."""
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
                and isinstance(watched, QWidget) and self._enter_in_row(watched)):
            return True
        return super().eventFilter(watched, event)

    def _row_enter(self, widget: QWidget) -> Callable[[], bool]:
        return lambda: self._enter_in_row(widget)

    def _row_of(self, widget: QWidget) -> int:
        for r, row in enumerate(self._widgets):
            if any(focus_target(w) is widget for w in row.values()):
                return r
        return -1

    def _enter_in_row(self, widget: QWidget) -> bool:
        """Enter in row r: to the next row's first field; in the last row, a new row — unless the
        last row is still empty (then Enter does what it does elsewhere, e.g. „Weiter“)."""
        r = self._row_of(widget)
        if r < 0:
            return False
        if r + 1 < len(self._widgets):
            focus_target(self._widgets[r + 1][self.columns[0].key]).setFocus(Qt.FocusReason.TabFocusReason)
            return True
        if not self._row_has_text(r):
            return False
        self.add_row()
        return True

    def _row_has_text(self, row: int) -> bool:
        for w in self._widgets[row].values():
            if isinstance(w, QPlainTextEdit):
                text = w.toPlainText()
            elif isinstance(w, QLineEdit | DateEdit):
                text = w.text()
            else:
                continue
            if text.strip():
                return True
        return False

    def add_or_focus_empty(self) -> Any:
        """The add button: into the last row if it is still empty (no second empty row), else a new row."""
        if self._widgets and not self._row_has_text(len(self._widgets) - 1):
            focus_target(self._widgets[-1][self.columns[0].key]).setFocus(Qt.FocusReason.ShortcutFocusReason)
            return self._entities[-1]
        return self.add_row()

    def remove_row(self, row: int) -> None:
        entity = self._entities.pop(row)
        self._rebuild()
        self.removed.emit(entity)

    def refresh(self) -> None:
        """Rebuild the widgets (e.g. after the combo choices changed)."""
        self._rebuild()

    # internals --------------------------------------------------------------------------
    def _clear(self) -> None:
        clear_layout(self.grid)
        discard([*self._headers, *(label for row in self._card_labels for label in row.values())])
        self._widgets = []
        self._cells = []
        self._remove_buttons = []
        self._combo_values = {}
        self._headers = []
        self._card_labels = []

    def _rebuild(self) -> None:
        self._clear()
        has_rows = bool(self._entities)
        self.empty_label.setVisible(not has_rows)
        self.grid_host.setVisible(has_rows)
        if not has_rows:
            return
        row_columns = self._row_columns()
        for col in row_columns:
            header = QLabel(col.header, self.grid_host)
            header.setToolTip(col.name)
            font = QFont(header.font())
            font.setBold(True)
            header.setFont(font)
            self._headers.append(header)
        for r, entity in enumerate(self._entities):
            widgets: dict[str, QWidget] = {}
            cells: dict[str, QWidget] = {}  # what goes into the grid: the field, or the field with its indicator
            labels: dict[str, QLabel] = {}
            for col in self.columns:  # in column order: that is the tab order
                widgets[col.key] = self._make_widget(col, entity, r)
                cells[col.key] = self._with_readability(widgets[col.key]) if col.readability else widgets[col.key]
                if self.reflow and not col.own_line:  # the field's name on a card
                    label = QLabel(col.header.replace("-\n", "").replace("\n", " "), self.grid_host)
                    label.setBuddy(focus_target(widgets[col.key]))
                    label.hide()
                    labels[col.key] = label
            remove = QPushButton(self.tr("Entfernen"), self.grid_host)
            remove_name = fill(self.tr("%1 %2 entfernen"), self.item_name, r + 1)
            remove.setAccessibleName(remove_name)
            remove.setToolTip(remove_name)
            remove.clicked.connect(lambda _=False, row=r: self.remove_row(row))
            if self._removal_refused:
                self._apply_refusal(remove)
            self._remove_buttons.append(remove)
            self._widgets.append(widgets)
            self._cells.append(cells)
            self._card_labels.append(labels)
        self.stacked = self._too_narrow(self.width()) if self.reflow and self.isVisible() else False
        self._place()
        for w in [*(w for row in self._cells for w in row.values()),
                  *(w for row in self._widgets for w in row.values()), *self._remove_buttons]:
            w.show()  # at once (not queued by the layout): a new row's first field takes the focus
        chain_before(self.add_button, [w for r, row in enumerate(self._widgets)
                                       for w in [*row.values(), self._remove_buttons[r]]])

    def _place(self) -> None:
        """Put the rows' widgets into the grid: side by side under the headers, or as cards."""
        while self.grid.count():
            self.grid.takeAt(0)
        for i in range(self.grid.rowCount()):
            self.grid.setRowMinimumHeight(i, 0)
        row_columns = self._row_columns()
        lines = [col for col in self.columns if col.own_line]
        for i in range(max(self.grid.columnCount(), len(row_columns) + 1)):
            self.grid.setColumnStretch(i, 0)
        if self.stacked:
            self._place_cards(row_columns, lines)
            return
        for i, col in enumerate(row_columns):
            self.grid.setColumnStretch(i, col.stretch)
        for c, header in enumerate(self._headers):
            header.show()
            self.grid.addWidget(header, 0, c, Qt.AlignmentFlag.AlignBottom)
        for r, widgets in enumerate(self._cells):
            for label in self._card_labels[r].values():
                label.hide()
            top = 1 + r * (2 + len(lines)) if lines else 1 + r
            if lines:  # a little room between two cards
                self.grid.setRowMinimumHeight(top + 1 + len(lines), 10)
            for col in self.columns:
                w = widgets[col.key]
                if col.own_line:
                    self.grid.addWidget(w, top + 1 + lines.index(col), 0, 1, len(row_columns))
                else:
                    align = Qt.AlignmentFlag.AlignTop
                    if col.kind == "check":
                        align |= Qt.AlignmentFlag.AlignHCenter
                    self.grid.addWidget(w, top, row_columns.index(col), align)
            self.grid.addWidget(self._remove_buttons[r], top, len(row_columns), Qt.AlignmentFlag.AlignTop)

    def _place_cards(self, row_columns: list[Column], lines: list[Column]) -> None:
        """Each row a card: „name: field“ one under the other, the text lines full width."""
        for header in self._headers:
            header.hide()
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 0)
        top = 0
        for r, widgets in enumerate(self._cells):
            last = top + len(self.columns) - 1  # the card's last line ends with „Entfernen“
            self.grid.addWidget(self._remove_buttons[r], last, 2,
                                Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
            for col in self.columns:
                w = widgets[col.key]
                if col.own_line:
                    self.grid.addWidget(w, top, 0, 1, 2 if top == last else 3)
                else:
                    label = self._card_labels[r][col.key]
                    label.show()
                    beside_a_line = col.kind in ("combo", "date", "check", "text")
                    self.grid.addWidget(label, top, 0, Qt.AlignmentFlag.AlignVCenter if beside_a_line
                                        else Qt.AlignmentFlag.AlignTop)
                    # a date keeps its width at the left (its maximum must not narrow the column)
                    self.grid.addWidget(w, top, 1, 1, 1 if top == last else 2,
                                        Qt.AlignmentFlag.AlignLeft if col.kind in ("date", "check")
                                        else Qt.AlignmentFlag(0))
                top += 1
            self.grid.setRowMinimumHeight(top, 10)  # a little room between two cards
            top += 1

    def _comfortable_width(self, col: Column) -> int:
        """The width a row's field of ``col`` needs side by side with the others."""
        metrics = self.fontMetrics()
        widest = 0
        for widgets in self._widgets:
            w = widgets[col.key]
            if col.kind in ("text", "grow", "multiline"):
                need = metrics.averageCharWidth() * self.TEXT_CHARS + 16
            elif isinstance(w, QComboBox):
                need = metrics.horizontalAdvance(w.currentText()) + 48  # frame and arrow
            else:
                need = w.minimumSizeHint().width()
            widest = max(widest, need, w.minimumSizeHint().width())
        return widest

    def _too_narrow(self, width: int) -> bool:
        if not self._widgets:
            return False
        row_columns = self._row_columns()
        spacing = self.grid.horizontalSpacing() * len(row_columns)
        needed = sum(self._comfortable_width(col) for col in row_columns) + spacing \
            + max(b.sizeHint().width() for b in self._remove_buttons)
        return width < needed

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.reflow and self._widgets:
            stacked = self._too_narrow(event.size().width())
            if stacked != self.stacked:
                self.stacked = stacked
                self._place()

    def _with_readability(self, field: QWidget) -> QWidget:
        """``field`` with a readability indicator under it, right-aligned (found by :meth:`readability`)."""
        cell = QWidget(self.grid_host)
        layout = QVBoxLayout(cell)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        indicator = ReadabilityIndicator(cell)
        if isinstance(field, QPlainTextEdit | QLineEdit):
            indicator.watch(field)
        layout.addWidget(indicator, 0, Qt.AlignmentFlag.AlignRight)
        return cell

    def _row_columns(self) -> list[Column]:
        return [col for col in self.columns if not col.own_line]

    def _make_widget(self, col: Column, entity: Any, row: int) -> QWidget:
        name = f"{col.name} ({self.item_name} {row + 1})"
        value = col.value(entity)
        parent = self.grid_host

        def changed(new_value: Any) -> None:
            col.assign(entity, new_value)
            self.edited.emit(entity)

        w: QWidget  # each branch below narrows it to the editor it makes
        if col.kind == "text":
            w = QLineEdit(parent)
            w.setText(value or "")
            w.setCursorPosition(0)  # show the beginning of a long text
            w.setPlaceholderText(col.placeholder)
            w.textChanged.connect(changed)
            w.installEventFilter(self)
        elif col.kind in ("multiline", "grow"):
            # "grow": a sentence (one line to start with, Enter adds the next row);
            # "multiline": a longer text (three lines to start with, Enter starts a new line)
            w = GrowingTextEdit(parent, min_lines=3 if col.kind == "multiline" else 1)
            w.setPlainText(value or "")
            w.setPlaceholderText(col.placeholder)
            if col.kind == "grow":
                w.on_enter(self._row_enter(w))
            w.textChanged.connect(lambda w=w: changed(w.toPlainText()))
        elif col.kind == "date":
            w = DateEdit(parent, empty_text=col.placeholder)
            w.setDate(value)
            w.setMaximumWidth(120)
            w.dateChanged.connect(changed)
            w.line.installEventFilter(self)
        elif col.kind == "check":
            w = QCheckBox(parent)
            w.setChecked(bool(value))
            w.toggled.connect(changed)
        elif col.kind == "combo":
            w = QComboBox(parent)
            # as wide as its column, not as its longest entry: the text beside it gets the width
            w.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            choices = list(col.choices() if col.choices else [])
            w.setMinimumContentsLength(min(max((len(label) for label, _ in choices), default=8), 28))
            values = [v for _, v in choices]
            if value not in values:
                choices.append((self.tr("(bitte wählen)") if value is None else self.tr("? (nicht mehr verfügbar)"),
                                value))
                values.append(value)
            for label, _ in choices:
                w.addItem(label)
            w.setCurrentIndex(values.index(value))
            self._combo_values[id(w)] = values
            w.currentIndexChanged.connect(lambda i, vals=values: changed(vals[i]) if 0 <= i < len(vals) else None)
        else:  # pragma: no cover - programming error
            raise ValueError(col.kind)
        w.setAccessibleName(name)
        w.setToolTip(col.name)
        return w


class WrappingCheckBox(QCheckBox):
    """A check box whose text wraps onto further lines when its row is narrow (a long sentence –
    „Ağrı Çelik (Mutter, lebt mit Mia …) unterschreibt“ – never cut and never pushing the page
    sideways). Text, shortcuts, clicking and keyboard behave as in a QCheckBox."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        # as tall as its text needs at its current width (not height-for-width: not every layout
        # and scroll area asks for that); a new width asks the layout again (resizeEvent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._laid_out_width = 0

    def _indicator(self) -> tuple[int, int]:
        style = self.style()
        return (style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, self),
                style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing, None, self))

    def _text_rect_width(self, width: int) -> int:
        indicator, spacing = self._indicator()
        return max(1, width - indicator - spacing - 2)

    def _flags(self) -> int:
        return int(Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextShowMnemonic | Qt.AlignmentFlag.AlignLeft)

    def height_for(self, width: int) -> int:
        """The height the wrapped text needs at ``width``."""
        text = self.fontMetrics().boundingRect(QRect(0, 0, self._text_rect_width(width), 100000),
                                               self._flags(), self.text())
        return max(super().sizeHint().height(), text.height() + 4)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        width = self.width() if self._laid_out_width else hint.width()
        return QSize(hint.width(), self.height_for(min(width, hint.width())))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != self._laid_out_width:
            self._laid_out_width = event.size().width()
            if self.height() != self.height_for(self.width()):
                self.updateGeometry()  # the layout asks sizeHint() again: the height for this width

    def minimumSizeHint(self) -> QSize:
        indicator, spacing = self._indicator()
        width = indicator + spacing + self.fontMetrics().averageCharWidth() * 16
        return QSize(width, super().minimumSizeHint().height())

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = ""
        indicator, spacing = self._indicator()
        option.rect = QRect(0, 0, indicator + spacing, super().sizeHint().height())
        painter.drawControl(QStyle.ControlElement.CE_CheckBox, option)
        text_rect = QRect(indicator + spacing, 2, self._text_rect_width(self.width()), self.height() - 2)
        self.style().drawItemText(painter, text_rect, self._flags(), self.palette(), self.isEnabled(), self.text(),
                                  QPalette.ColorRole.WindowText)
        if self.hasFocus():
            focus = QStyleOptionFocusRect()
            focus.initFrom(self)
            focus.rect = self.fontMetrics().boundingRect(text_rect, self._flags(), self.text()).adjusted(-1, 0, 1, 1)
            painter.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, focus)
