"""Dialog "Reflexion der Zusammenarbeit": the ten conditions a–j in plain German, each rated 1–5 by
each participant present, with a note; the lowest-rated are shown with the seed's wording and a
suggestion what to agree on."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kooperation_desktop.followup.model import Participant, Reflection, ReflectionRating
from kooperation_desktop.followup.reflection import (
    CONDITIONS,
    SCALE_LABELS,
    lowest_conditions,
)
from kooperation_desktop.followup.service import FollowUpService

from ..domain_labels import reflection_condition
from ..widgets import WARNING_STYLE, hint_label, section_label
from .charts import core_text, tr
from .entry_dialog import EntryDialog, escaped, low_conditions_html


class ReflectionDialog(EntryDialog):
    def __init__(self, follow: FollowUpService, case_id: int, parent: QWidget | None = None):
        super().__init__(tr("Reflexion der Zusammenarbeit"), QSize(980, 760), parent)
        self.follow = follow
        self.reflection = follow.new_reflection(case_id)
        self.people: list[Participant] = follow.participants(case_id)
        self.saved: Reflection | None = None
        host, layout = self.host, self.body
        layout.addWidget(section_label(tr("Wie gut klappt unsere Zusammenarbeit?"), host))
        layout.addWidget(hint_label(
            tr("Alle, die dabei sind, bewerten jede Aussage selbst: 1 = trifft gar nicht zu … 5 = trifft voll zu. "
               "Es gibt kein Richtig oder Falsch; unterschiedliche Sichtweisen sind wichtig."), host))
        self.add_date(tr("Datum der Reflexion"), self.reflection.held_on)

        who = QGroupBox(tr("Wer ist dabei?"), host)
        who_layout = QGridLayout(who)
        self.checks: list[QCheckBox] = []
        for i, person in enumerate(self.people):
            check = QCheckBox(person.name, who)
            check.toggled.connect(lambda _on: self._update_columns())
            who_layout.addWidget(check, i // 3, i % 3)
            self.checks.append(check)
        layout.addWidget(who)
        # until someone is ticked, the ratings' columns are hidden: say so
        self.present_hint = hint_label(
            tr("Bitte zuerst ankreuzen, wer dabei war – dann erscheinen die Bewertungen."), host)
        self.present_hint.setAccessibleName(tr("Hinweis zu den Bewertungen"))
        layout.addWidget(self.present_hint)

        box = QGroupBox(tr("Die zehn Bedingungen gelingender Zusammenarbeit"), host)
        self.grid = QGridLayout(box)
        self.headers: list[QLabel] = []
        for j, person in enumerate(self.people):
            head = QLabel(f"<b>{escaped(person.name)}</b>", box)
            head.setWordWrap(True)
            self.grid.addWidget(head, 0, 1 + j)
            self.headers.append(head)
        # cells[condition key][participant index] = (combo, note)
        self.cells: dict[str, list[tuple[QComboBox, QLineEdit]]] = {}
        for i, c in enumerate(CONDITIONS, start=1):
            texts = reflection_condition(c.key)  # in the UI language
            label = QLabel(f"<b>{c.key}</b> {escaped(texts.statement)}", box)
            label.setWordWrap(True)
            label.setMinimumWidth(280)
            label.setToolTip(f"{c.key}. {texts.seed}")
            self.grid.addWidget(label, i, 0)
            row: list[tuple[QComboBox, QLineEdit]] = []
            for j, person in enumerate(self.people):
                cell = QWidget(box)
                cell_layout = QVBoxLayout(cell)
                cell_layout.setContentsMargins(0, 0, 0, 0)
                cell_layout.setSpacing(2)
                combo = QComboBox(cell)
                combo.addItem("–", None)
                for value, text in SCALE_LABELS.items():
                    combo.addItem(core_text(text), value)
                combo.setAccessibleName(tr("{key}: Bewertung von {name}").format(key=c.key, name=person.name))
                combo.currentIndexChanged.connect(lambda _i: self._update_low())
                note = QLineEdit(cell)
                note.setPlaceholderText(tr("Notiz"))
                note.setAccessibleName(tr("{key}: Notiz von {name}").format(key=c.key, name=person.name))
                cell_layout.addWidget(combo)
                cell_layout.addWidget(note)
                self.grid.addWidget(cell, i, 1 + j)
                row.append((combo, note))
            self.cells[c.key] = row
        self.grid.setColumnStretch(0, 3)
        layout.addWidget(box)

        self.low_label = QLabel(host)
        self.low_label.setWordWrap(True)
        self.low_label.setStyleSheet(WARNING_STYLE)
        self.low_label.setAccessibleName(tr("Niedrig bewertete Bedingungen"))
        layout.addWidget(self.low_label)
        self.note = QPlainTextEdit(host)
        self.note.setPlaceholderText(tr("Was wir vereinbaren (optional)"))
        self.note.setFixedHeight(60)
        self.note.setAccessibleName(tr("Vereinbarungen aus der Reflexion"))
        note_label = QLabel(tr("&Vereinbart:"), host)
        note_label.setBuddy(self.note)
        layout.addWidget(note_label)
        layout.addWidget(self.note)
        self.finish(tr("Reflexion speichern"))
        self._update_columns()

    def set_present(self, *names: str) -> None:
        for check in self.checks:
            check.setChecked(check.text() in names)

    def set_rating(self, key: str, name: str, value: int | None, note: str = "") -> None:
        j = next(i for i, p in enumerate(self.people) if p.name == name)
        combo, edit = self.cells[key][j]
        combo.setCurrentIndex(max(combo.findData(value), 0) if value is not None else 0)
        edit.setText(note)

    def _present_indices(self) -> list[int]:
        return [j for j, c in enumerate(self.checks) if c.isChecked()]

    def _update_columns(self) -> None:
        present = set(self._present_indices())
        for j, head in enumerate(self.headers):
            head.setVisible(j in present)
            for key in self.cells:
                combo, _note = self.cells[key][j]
                cell = combo.parentWidget()
                assert cell is not None  # each combo box sits in its own cell widget
                cell.setVisible(j in present)
        self.present_hint.setVisible(not present)
        self._update_low()

    def current_reflection(self) -> Reflection:
        r = self.reflection
        r.held_on = self.date.date()
        present = self._present_indices()
        r.participants = [self.people[j] for j in present]
        r.ratings = []
        for key, row in self.cells.items():
            for j in present:
                combo, note = row[j]
                if combo.currentData() is not None or note.text().strip():
                    person = self.people[j]
                    r.ratings.append(ReflectionRating(key, person.name, person.kind, combo.currentData(),
                                                      note.text().strip()))
        r.note = self.note.toPlainText().strip()
        return r

    def _update_low(self) -> None:
        low = lowest_conditions(self.current_reflection())
        if not low:
            self.low_label.hide()
            return
        self.low_label.setText(low_conditions_html(tr("<b>Darüber sollten wir sprechen:</b>"), low))
        self.low_label.show()

    def save(self) -> Reflection:
        return self.follow.save_reflection(self.current_reflection())
