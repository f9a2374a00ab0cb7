"""What the follow-up entry dialogs (review, reflection) share: a scrolled form with its date, an
error line and Save/Cancel. Save checks the date, saves through the service and keeps the core's
problems in the dialog; the lowest-rated conditions of a reflection as one text."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from kooperation_desktop.domain.rules import RuleViolation
from kooperation_desktop.followup.reflection import LowCondition, format_mean

from ..domain_labels import reflection_condition
from ..screen import fit_to_screen
from ..widgets import DateEdit, ErrorLabel
from .charts import tr


def escaped(text: str) -> str:
    """Plain text for a rich-text label (``&``, ``<``, ``>`` escaped)."""
    return html.escape(text or "", quote=False)


def low_conditions_html(heading: str, low: Sequence[LowCondition]) -> str:
    """The lowest-rated conditions under ``heading``: each with the seed's wording and a suggestion."""
    parts = [heading]
    for x in low:
        parts.append(tr("<b>{key}. {seed}</b> – im Mittel {mean}<br/>Vorschlag: {suggestion}").format(
            key=x.condition.key, seed=escaped(reflection_condition(x.condition.key).seed), mean=format_mean(x.mean),
            suggestion=escaped(reflection_condition(x.condition.key).suggestion)))
    return "<br/>".join(parts)


class EntryDialog(QDialog):
    """The frame of an entry dialog; a subclass fills :attr:`host` (layout :attr:`body`), then calls
    :meth:`finish`, and saves in :meth:`save`."""

    def __init__(self, title: str, size: QSize, parent: QWidget | None = None):
        super().__init__(parent)
        self.saved: Any = None
        self.setWindowTitle(title)
        fit_to_screen(self, size)
        self.outer = QVBoxLayout(self)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.host = QWidget(self.scroll_area)
        self.body = QVBoxLayout(self.host)

    def add_date(self, accessible_name: str, value: dt.date | None) -> DateEdit:
        """The entry's date field ("Datum:") at the top of the form."""
        form = QFormLayout()
        self.date = DateEdit(self.host, accessible_name=accessible_name)
        self.date.setDate(value)
        date_label = QLabel(tr("&Datum:"), self.host)
        date_label.setBuddy(self.date)
        form.addRow(date_label, self.date)
        self.body.addLayout(form)
        return self.date

    def finish(self, save_text: str) -> None:
        """Put the form, the error line and Save/Cancel (Save labelled ``save_text``) in place."""
        self.scroll_area.setWidget(self.host)
        self.outer.addWidget(self.scroll_area, 1)
        self.error = ErrorLabel(self)
        self.outer.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(save_text)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Abbrechen"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.outer.addWidget(buttons)

    def save(self) -> Any:
        """Save the entry through the service (raises RuleViolation); returns what was saved."""
        raise NotImplementedError

    def accept(self) -> None:
        if not self.date.is_valid():
            self.error.show_messages([self.date.error_text()])
            return
        try:
            self.saved = self.save()
        except RuleViolation as exc:
            self.error.show_messages([p.message for p in exc.problems])
            return
        super().accept()
