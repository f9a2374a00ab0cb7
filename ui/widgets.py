"""Small shared widgets: a TT.MM.JJJJ date field, an inline error label and a row editor."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kooperation_desktop.domain.labels import format_date, parse_date

ERROR_STYLE = "color: #a4000f; font-weight: 600;"
WARNING_STYLE = (
    "color: #5c3b00; background: #fff4d6; border: 1px solid #e0b84a; border-radius: 3px; padding: 4px;"
)
HINT_STYLE = "color: #555555;"


def fill(text: str, *args: object) -> str:
    """Put ``args`` into a translated text's ``%1``, ``%2`` … (Qt's placeholders, so a translation
    may reorder them). One pass: a ``%1`` inside an argument stays as typed."""

    def arg(match: re.Match[str]) -> str:
        i = int(match.group(1))
        return str(args[i - 1]) if 1 <= i <= len(args) else match.group(0)

    return re.sub(r"%(\d)", arg, text)


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


def chain_before(anchor: QWidget, widgets: Iterable[QWidget]) -> None:
    """Put ``widgets`` (created later, so last in the tab chain) right before ``anchor``."""
    targets = [focus_target(w) for w in widgets]
    prev = anchor.previousInFocusChain()
    # Qt ignores setTabOrder() with a widget that takes no focus: start at one that does
    while prev is not anchor and (prev.focusPolicy() == Qt.FocusPolicy.NoFocus or prev in targets):
        prev = prev.previousInFocusChain()
    if prev is anchor:
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

    def __init__(self, columns: Sequence[Column], factory: Callable[[], Any], *,
                 add_text: str = "", item_name: str = "",
                 empty_text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        add_text = add_text or self.tr("Hinzufügen")
        item_name = item_name or self.tr("Eintrag")
        empty_text = empty_text or self.tr("Noch keine Einträge.")
        self.columns = list(columns)
        self.factory = factory
        self.item_name = item_name
        self._entities: list[Any] = []
        self._widgets: list[dict[str, QWidget]] = []
        self._remove_buttons: list[QPushButton] = []
        self._combo_values: dict[int, list[Any]] = {}

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
        self.add_button.clicked.connect(self.add_row)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        for i, col in enumerate(self.columns):
            self.grid.setColumnStretch(i, col.stretch)
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

    def add_row(self) -> Any:
        entity = self.factory()
        self._entities.append(entity)
        self._rebuild()
        first = self._widgets[-1][self.columns[0].key]
        first.setFocus(Qt.FocusReason.OtherFocusReason)
        self.added.emit(entity)
        return entity

    def remove_row(self, row: int) -> None:
        entity = self._entities.pop(row)
        self._rebuild()
        self.removed.emit(entity)

    def refresh(self) -> None:
        """Rebuild the widgets (e.g. after the combo choices changed)."""
        self._rebuild()

    # internals --------------------------------------------------------------------------
    def _clear(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            w = item.widget()
            if w is not None:
                w.hide()
                w.deleteLater()
        self._widgets = []
        self._remove_buttons = []
        self._combo_values = {}

    def _rebuild(self) -> None:
        self._clear()
        has_rows = bool(self._entities)
        self.empty_label.setVisible(not has_rows)
        self.grid_host.setVisible(has_rows)
        if not has_rows:
            return
        for c, col in enumerate(self.columns):
            header = QLabel(col.header, self.grid_host)
            header.setToolTip(col.name)
            font = QFont(header.font())
            font.setBold(True)
            header.setFont(font)
            self.grid.addWidget(header, 0, c, Qt.AlignmentFlag.AlignBottom)
        for r, entity in enumerate(self._entities):
            widgets: dict[str, QWidget] = {}
            for c, col in enumerate(self.columns):
                w = self._make_widget(col, entity, r)
                widgets[col.key] = w
                align = Qt.AlignmentFlag.AlignTop
                if col.kind == "check":
                    align |= Qt.AlignmentFlag.AlignHCenter
                self.grid.addWidget(w, r + 1, c, align)
            remove = QPushButton(self.tr("Entfernen"), self.grid_host)
            remove_name = fill(self.tr("%1 %2 entfernen"), self.item_name, r + 1)
            remove.setAccessibleName(remove_name)
            remove.setToolTip(remove_name)
            remove.clicked.connect(lambda _=False, row=r: self.remove_row(row))
            self.grid.addWidget(remove, r + 1, len(self.columns), Qt.AlignmentFlag.AlignTop)
            self._remove_buttons.append(remove)
            self._widgets.append(widgets)
        chain_before(self.add_button, [w for r, row in enumerate(self._widgets)
                                       for w in [*row.values(), self._remove_buttons[r]]])

    def _make_widget(self, col: Column, entity: Any, row: int) -> QWidget:
        name = f"{col.name} ({self.item_name} {row + 1})"
        value = col.value(entity)
        parent = self.grid_host

        def changed(new_value: Any) -> None:
            col.assign(entity, new_value)
            self.edited.emit(entity)

        if col.kind == "text":
            w = QLineEdit(parent)
            w.setText(value or "")
            w.setCursorPosition(0)  # show the beginning of a long text
            w.setPlaceholderText(col.placeholder)
            w.textChanged.connect(changed)
        elif col.kind == "multiline":
            w = QPlainTextEdit(parent)
            w.setPlainText(value or "")
            w.setPlaceholderText(col.placeholder)
            w.setTabChangesFocus(True)
            w.setFixedHeight(84)
            w.textChanged.connect(lambda w=w: changed(w.toPlainText()))
        elif col.kind == "date":
            w = DateEdit(parent, empty_text=col.placeholder)
            w.setDate(value)
            w.setMaximumWidth(120)
            w.dateChanged.connect(changed)
        elif col.kind == "check":
            w = QCheckBox(parent)
            w.setChecked(bool(value))
            w.toggled.connect(changed)
        elif col.kind == "combo":
            w = QComboBox(parent)
            choices = list(col.choices() if col.choices else [])
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
