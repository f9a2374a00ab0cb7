"""Indikatoren: per goal, observable indicators with a scale (GAS −2…+2 or 0–10), baseline and target."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kooperation_desktop.domain.labels import SCALE_KIND
from kooperation_desktop.domain.model import GAS_LEVELS, Goal, Indicator, ScaleKind
from kooperation_desktop.domain.wizard import Step

from ..domain_labels import gas_level, scale_kind
from ..widgets import GrowingTextEdit, chain_before, fill, hint_label
from .base import StepPage

NO_VALUE = "–"


def scale_range(scale: ScaleKind) -> tuple[int, int]:
    return (-2, 2) if scale == ScaleKind.GAS else (0, 10)


class ValueSpin(QSpinBox):
    """A spin box for a scale value; its lowest position means "not set" (shown as –)."""

    def set_scale(self, scale: ScaleKind) -> None:
        low, high = scale_range(scale)
        self.blockSignals(True)
        self.setRange(low - 1, high)
        self.setSpecialValueText(NO_VALUE)
        self.blockSignals(False)

    def value_or_none(self) -> int | None:
        return None if self.value() == self.minimum() else self.value()

    def set_value_or_none(self, value: int | None) -> None:
        self.blockSignals(True)
        low, high = self.minimum() + 1, self.maximum()
        self.setValue(self.minimum() if value is None or not low <= value <= high else value)
        self.blockSignals(False)


class IndicatorBox(QGroupBox):
    """All fields of one indicator."""

    changed = Signal(object)
    remove_requested = Signal(object)

    def __init__(self, indicator: Indicator, number: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(fill(self.tr("Indikator %1"), number))
        self.indicator = indicator
        form = QFormLayout(self)
        self.description = GrowingTextEdit(self, min_lines=2)
        self.description.setPlaceholderText(
            self.tr("Was kann man beobachten? z. B. „Lena ist an 4 von 5 Tagen pünktlich in der Schule.“"))
        self.description.setPlainText(indicator.description)
        self.description.setAccessibleName(fill(self.tr("Beschreibung, Indikator %1"), number))
        self.scale = QComboBox(self)
        for kind in SCALE_KIND:
            self.scale.addItem(scale_kind(kind), kind.value)
        self.scale.setCurrentIndex(self.scale.findData(indicator.scale.value))
        self.scale.setAccessibleName(fill(self.tr("Skala, Indikator %1"), number))
        self.levels_box = QWidget(self)
        levels = QFormLayout(self.levels_box)
        levels.setContentsMargins(0, 0, 0, 0)
        self.level_edits: list[GrowingTextEdit] = []
        for i, level in enumerate(GAS_LEVELS):
            edit = GrowingTextEdit(self.levels_box)
            edit.setText(indicator.level_texts[i] if i < len(indicator.level_texts) else "")
            edit.setAccessibleName(fill(self.tr("Stufe %1, Indikator %2"), gas_level(level), number))
            edit.setPlaceholderText(self.tr("Wie sieht das aus?"))
            label = QLabel(gas_level(level), self.levels_box)
            label.setBuddy(edit)
            levels.addRow(label, edit)
            edit.textChanged.connect(self._levels_changed)
            self.level_edits.append(edit)
        values = QHBoxLayout()
        self.baseline = ValueSpin(self)
        self.baseline.setAccessibleName(fill(self.tr("Ausgangswert, Indikator %1"), number))
        self.target = ValueSpin(self)
        self.target.setAccessibleName(fill(self.tr("Zielwert, Indikator %1"), number))
        for spin in (self.baseline, self.target):
            spin.set_scale(indicator.scale)
            spin.setMinimumWidth(70)
        self.baseline.set_value_or_none(indicator.baseline)
        self.target.set_value_or_none(indicator.target)
        baseline_label = QLabel(self.tr("&Ausgangswert (heute):"), self)
        baseline_label.setBuddy(self.baseline)
        target_label = QLabel(self.tr("Zielwer&t:"), self)
        target_label.setBuddy(self.target)
        values.addWidget(baseline_label)
        values.addWidget(self.baseline)
        values.addSpacing(20)
        values.addWidget(target_label)
        values.addWidget(self.target)
        values.addStretch(1)
        self.remove_button = QPushButton(self.tr("Indikator entfernen"), self)
        self.remove_button.setAccessibleName(fill(self.tr("Indikator %1 entfernen"), number))
        values.addWidget(self.remove_button)

        description_label = QLabel(self.tr("&Beschreibung (beobachtbar):"), self)
        description_label.setBuddy(self.description)
        scale_label = QLabel(self.tr("&Skala:"), self)
        scale_label.setBuddy(self.scale)
        form.addRow(description_label, self.description)
        form.addRow(scale_label, self.scale)
        self.levels_label = QLabel(self.tr("Stufen:"), self)
        form.addRow(self.levels_label, self.levels_box)
        form.addRow(values)
        self._show_levels()

        self.description.textChanged.connect(self._description_changed)
        self.scale.currentIndexChanged.connect(self._scale_changed)
        self.baseline.valueChanged.connect(self._values_changed)
        self.target.valueChanged.connect(self._values_changed)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self.indicator))

    def _show_levels(self) -> None:
        gas = self.indicator.scale == ScaleKind.GAS
        self.levels_box.setVisible(gas)
        self.levels_label.setVisible(gas)

    def _description_changed(self) -> None:
        self.indicator.description = self.description.toPlainText()
        self.changed.emit(self.indicator)

    def _levels_changed(self) -> None:
        self.indicator.level_texts = [e.text() for e in self.level_edits]
        self.changed.emit(self.indicator)

    def _scale_changed(self) -> None:
        self.indicator.scale = ScaleKind(self.scale.currentData())
        for spin in (self.baseline, self.target):
            keep = spin.value_or_none()
            spin.set_scale(self.indicator.scale)
            spin.set_value_or_none(keep)
        self._show_levels()
        self._values_changed()

    def _values_changed(self) -> None:
        self.indicator.baseline = self.baseline.value_or_none()
        self.indicator.target = self.target.value_or_none()
        self.changed.emit(self.indicator)


class IndicatorsPage(StepPage):
    step = Step.INDICATORS

    def build(self) -> None:
        self.content.addWidget(hint_label(self.tr(
            "Woran merken alle, dass es besser wird? Beschreiben Sie etwas, das man sehen oder zählen kann, "
            "und wo die Familie heute steht (Ausgangswert)."), self.body))
        row = QHBoxLayout()
        goal_label = QLabel(self.tr("Zi&el:"), self.body)
        self.goal_combo = QComboBox(self.body)
        self.goal_combo.setAccessibleName(self.tr("Ziel auswählen"))
        goal_label.setBuddy(self.goal_combo)
        row.addWidget(goal_label)
        self.goal_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.goal_combo.setMinimumContentsLength(30)
        row.addWidget(self.goal_combo, 1)
        self.content.addLayout(row)
        self.professional_label = hint_label("", self.body)
        self.content.addWidget(self.professional_label)
        self.boxes_host = QWidget(self.body)
        self.boxes_layout = QVBoxLayout(self.boxes_host)
        self.boxes_layout.setContentsMargins(0, 0, 0, 0)
        self.content.addWidget(self.boxes_host)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Indikator hinzufügen"), self.body)
        self.add_button.setAccessibleName(self.tr("Indikator hinzufügen"))
        self.add_button.clicked.connect(self.add_indicator)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        self.content.addLayout(buttons)
        self.boxes: list[IndicatorBox] = []
        self.goal_combo.currentIndexChanged.connect(self._goal_selected)

    def load(self) -> None:
        self.goal_combo.blockSignals(True)
        self.goal_combo.clear()
        for i, goal in enumerate(self.agreement.goals):
            title = goal.title or self.tr("(ohne Text)")
            short = title if len(title) <= 50 else title[:49].rstrip() + "…"  # in full in the tooltip
            self.goal_combo.addItem(fill(self.tr("Ziel %1: %2"), i + 1, short))
            self.goal_combo.setItemData(i, title, Qt.ItemDataRole.ToolTipRole)
        self.goal_combo.setCurrentIndex(0 if self.agreement.goals else -1)
        self.goal_combo.blockSignals(False)
        self._show_goal(self.current_goal())

    def current_goal(self) -> Goal | None:
        i = self.goal_combo.currentIndex()
        goals = self.agreement.goals
        return goals[i] if 0 <= i < len(goals) else None

    def _goal_selected(self, _index: int) -> None:
        self.flush()
        self.wiz().reload()
        self._show_goal(self.current_goal())

    def _show_goal(self, goal: Goal | None) -> None:
        for box in self.boxes:
            box.hide()
            box.deleteLater()
        self.boxes = []
        self.add_button.setEnabled(goal is not None)
        if goal is None:
            self.professional_label.setText(self.tr("Bitte zuerst im Schritt „Ziele“ ein Ziel formulieren."))
            return
        words = [fill(self.tr("In den Worten der Familie: %1"), goal.client_words)] if goal.client_words else []
        if goal.professional_wording:
            words.append(fill(self.tr("Fachlich: %1"), goal.professional_wording))
        self.professional_label.setText("\n".join(words))
        self.goal = goal
        for indicator in goal.indicators:
            self._add_box(indicator)
        if not goal.indicators:
            self._add_box(self._new_indicator(goal))

    def _new_indicator(self, goal: Goal) -> Indicator:
        position = max((b.indicator.position for b in self.boxes), default=-1) + 1
        return Indicator(goal_id=goal.id, position=position, scale=ScaleKind.GAS)

    def _add_box(self, indicator: Indicator) -> IndicatorBox:
        box = IndicatorBox(indicator, len(self.boxes) + 1, self.boxes_host)
        box.changed.connect(self.mark_dirty)
        box.remove_requested.connect(self.remove_indicator)
        if self.removal_refused:  # a covered case (see StepPage.initializePage)
            box.remove_button.setEnabled(False)
            box.remove_button.setToolTip(self.removal_refused)
            box.remove_button.setAccessibleDescription(self.removal_refused)
        self.boxes_layout.addWidget(box)
        self.boxes.append(box)
        chain_before(self.add_button, [box.description, box.scale, *box.level_edits, box.baseline, box.target,
                                       box.remove_button])
        return box

    def add_indicator(self) -> IndicatorBox | None:
        goal = self.current_goal()
        if goal is None:
            return None
        box = self._add_box(self._new_indicator(goal))
        box.description.setFocus()
        return box

    def remove_indicator(self, indicator: Indicator) -> None:
        self.delete_entity(indicator)
        self.flush()
        self.wiz().reload()
        self._show_goal(self.current_goal())
