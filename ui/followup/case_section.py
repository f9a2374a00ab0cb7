"""The follow-up section of the case view: "Verlauf der Hilfe" with reviews, T-score chart,
progress per indicator, reflection radar, transition and the PDFs."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from kooperation_desktop.domain.labels import format_date
from kooperation_desktop.domain.model import Case, ScaleKind
from kooperation_desktop.domain.rules import RuleViolation
from kooperation_desktop.followup.gas import (
    WEIGHTING_NOTE,
    baseline_t_score,
    format_t,
    review_t_score,
)
from kooperation_desktop.followup.gas import (
    format_level as _gas,  # not pdf.render: no reportlab at start
)
from kooperation_desktop.followup.model import Rater, Reflection, Review
from kooperation_desktop.followup.reflection import lowest_conditions
from kooperation_desktop.followup.service import FollowUpService
from kooperation_desktop.usecases.cases import CaseService

from .. import dialogs
from ..case_view import fill_table, make_table
from ..domain_labels import reflection_condition
from ..widgets import WARNING_STYLE, hint_label
from . import due_panel
from .charts import (
    BASE_COLOR,
    CLIENT_COLOR,
    PRO_COLOR,
    ChartSeries,
    LineChart,
    RadarChart,
    core_text,
    tr,
)
from .entry_dialog import escaped, low_conditions_html
from .reflection_dialog import ReflectionDialog
from .review_dialog import ReviewDialog
from .transition_dialog import TransitionDialog


def ask_delete_entry(parent: QWidget, what: str) -> bool:
    """Ask before a review or reflection is deleted (tests replace this function)."""
    answer = QMessageBox.question(
        parent, tr("Eintrag löschen"),
        tr("{what} endgültig löschen? Das kann nicht rückgängig gemacht werden.").format(what=what),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def no_review_yet() -> str:
    """The one sentence the follow-up shows before the first review (in the UI language)."""
    return tr("Noch keine Überprüfung – sie wird nach dem nächsten Hilfeplangespräch erfasst.")


def _key(goal_title: str, text: str) -> tuple[str, str]:
    return (" ".join(goal_title.split()), " ".join(text.split()))


class FollowUpSection(QWidget):
    changed = Signal()  # something was recorded (the due panel refreshes)

    def __init__(self, follow: FollowUpService, parent: QWidget | None = None):
        super().__init__(parent)
        self.follow = follow
        self.case: Case | None = None
        self.covered = False  # a case this worker only covers (team mode): the server takes no deletion
        self.reviews: list[Review] = []
        self.reflections: list[Reflection] = []
        self.review_dialog: ReviewDialog | None = None
        self.reflection_dialog: ReflectionDialog | None = None
        self.transition_dialog: TransitionDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(QLabel(tr("<b>Verlauf der Hilfe</b>"), self))
        self.transition_label = QLabel(self)
        self.transition_label.setWordWrap(True)
        self.transition_label.setStyleSheet(WARNING_STYLE)
        self.transition_label.setAccessibleName(tr("Übergang"))
        layout.addWidget(self.transition_label)
        self.hint = hint_label("", self)
        layout.addWidget(self.hint)

        buttons = QGridLayout()
        self.review_button = QPushButton(tr("Überprüfun&g erfassen…"), self)
        self.reflection_button = QPushButton(tr("&Reflexion erfassen…"), self)
        self.transition_button = QPushButton(tr("Übergang p&lanen…"), self)
        self.review_pdf_button = QPushButton(tr("Überprüfung als PDF…"), self)
        self.closing_button = QPushButton(tr("Abschlussbericht als PDF…"), self)
        for i, b in enumerate((self.review_button, self.reflection_button, self.transition_button,
                               self.review_pdf_button, self.closing_button)):
            b.setAccessibleName(b.text().replace("&", "").rstrip("…"))
            buttons.addWidget(b, i // 2, i % 2)  # two per row: room at 150 % too
        layout.addLayout(buttons)

        t_row = QHBoxLayout()
        self.t_label = QLabel(self)
        self.t_label.setAccessibleName(tr("T-Wert der letzten Überprüfung"))
        self.t_label.setWordWrap(True)
        t_row.addWidget(self.t_label, 1)
        # how the T-score is computed (Kiresuk & Sherman): behind a help button, not as visible text
        self.method_button = QToolButton(self)
        self.method_button.setText("?")
        self.method_button.setAccessibleName(tr("Wie der T-Wert berechnet wird"))
        self.method_button.setToolTip(f"<p>{escaped(core_text(WEIGHTING_NOTE))}</p>")
        self.method_button.clicked.connect(
            lambda: QToolTip.showText(self.method_button.mapToGlobal(self.method_button.rect().bottomLeft()),
                                      self.method_button.toolTip(), self.method_button))
        t_row.addWidget(self.method_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(t_row)
        self.t_chart = LineChart(self, tr("Zielerreichung (T-Wert) im Verlauf"))
        layout.addWidget(self.t_chart)

        self.indicator_row = QWidget(self)
        row = QHBoxLayout(self.indicator_row)
        row.setContentsMargins(0, 0, 0, 0)
        label = QLabel(tr("&Indikator:"), self.indicator_row)
        self.indicator_combo = QComboBox(self.indicator_row)
        self.indicator_combo.setAccessibleName(tr("Indikator für den Verlauf"))
        self.indicator_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.indicator_combo.setMinimumContentsLength(20)
        label.setBuddy(self.indicator_combo)
        row.addWidget(label)
        row.addWidget(self.indicator_combo, 1)
        layout.addWidget(self.indicator_row)
        self.indicator_chart = LineChart(self, tr("Verlauf des Indikators"))
        layout.addWidget(self.indicator_chart)

        layout.addWidget(QLabel(tr("<b>Reflexion der Zusammenarbeit</b>"), self))
        self.radar = RadarChart(self)
        layout.addWidget(self.radar)
        self.reflection_empty = hint_label(
            tr("Noch keine Reflexion – sie wird gemeinsam mit der Familie erfasst, "
               "z. B. nach einem Hilfeplangespräch."), self)
        layout.addWidget(self.reflection_empty)
        self.low_label = QLabel(self)
        self.low_label.setWordWrap(True)
        self.low_label.setAccessibleName(tr("Niedrig bewertete Bedingungen"))
        layout.addWidget(self.low_label)

        self.table = make_table([tr("Datum"), tr("Art"), tr("Familie"), tr("Fachkraft"), tr("Erfolge / Anmerkung")],
                                self, tr("Überprüfungen und Reflexionen"))
        layout.addWidget(self.table)
        self.entries: list[Review | Reflection] = []  # what each table row shows
        entry_row = QHBoxLayout()
        self.edit_button = QPushButton(tr("Bearbeiten…"), self)
        self.edit_button.setAccessibleName(tr("Ausgewählte Überprüfung bearbeiten"))
        self.edit_button.setToolTip(tr("Die ausgewählte Überprüfung ändern (auch mit Doppelklick)"))
        self.delete_button = QPushButton(tr("Löschen…"), self)
        self.delete_button.setAccessibleName(tr("Ausgewählten Eintrag löschen"))
        entry_row.addWidget(self.edit_button)
        entry_row.addWidget(self.delete_button)
        entry_row.addStretch(1)
        layout.addLayout(entry_row)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.itemSelectionChanged.connect(self._update_entry_buttons)
        self.table.cellDoubleClicked.connect(lambda _r, _c: self.edit_selected())

        self.review_button.clicked.connect(self.record_review)
        self.reflection_button.clicked.connect(self.record_reflection)
        self.transition_button.clicked.connect(self.plan_transition)
        self.review_pdf_button.clicked.connect(self.export_review_pdf)
        self.closing_button.clicked.connect(self.export_closing_report)
        self.indicator_combo.currentIndexChanged.connect(lambda _i: self._show_indicator())
        self.indicator_combo.currentTextChanged.connect(self.indicator_combo.setToolTip)
        self.show_case(None)

    # --- showing ------------------------------------------------------------------------------
    def show_case(self, case: Case | None) -> None:
        self.case = case
        self.covered = case is not None and case.id is not None and CaseService(self.follow.db).is_covered(case.id)
        agreement = self.follow.current_agreement(case.id) if case is not None and case.id is not None else None
        self.setVisible(case is not None)
        self.reviews = self.follow.reviews(case.id) if case is not None and case.id is not None else []
        self.reflections = self.follow.reflections(case.id) if case is not None and case.id is not None else []
        has_agreement = agreement is not None
        for b in (self.review_button, self.reflection_button, self.transition_button, self.closing_button):
            b.setEnabled(has_agreement)
        self.review_pdf_button.setEnabled(bool(self.reviews))
        self.hint.setText("" if has_agreement else
                          tr("Überprüfungen und Reflexionen beziehen sich auf eine abgeschlossene Vereinbarung."))
        self.hint.setVisible(not has_agreement)
        needed = case is not None and case.id is not None and has_agreement and \
            self.follow.transition_needed(case.id, due_panel.today())
        if needed and agreement is not None and agreement.planned_end is not None:
            self.transition_label.setText(
                tr("Die Hilfe endet am {date}. Bitte den Übergang planen: "
                   "Anschlussangebote, Partner, die bleiben, und was die Familie jetzt allein schafft.").format(
                    date=format_date(agreement.planned_end)))
        self.transition_label.setVisible(bool(needed))
        self._show_t()
        self._fill_indicators()
        self._show_reflection()
        self._fill_table()

    def _show_t(self) -> None:
        dated = [r for r in self.reviews if r.held_on is not None]
        for w in (self.t_chart, self.indicator_row, self.indicator_chart, self.method_button):
            w.setVisible(bool(dated))  # one sentence instead of empty charts
        if not dated:
            self.t_label.setText(no_review_yet())
            self.t_chart.set_data([], [], 30, 70, [], empty_text=no_review_yet())
            return
        last = dated[-1]
        client, pro = review_t_score(last, Rater.CLIENT), review_t_score(last, Rater.PROFESSIONAL)
        self.t_label.setText(tr("<b>T-Wert der letzten Überprüfung ({date}):</b> "
                                "Familie {client} · Fachkraft {professional}").format(
            date=format_date(last.held_on), client=format_t(client), professional=format_t(pro)))
        base = baseline_t_score(last.ratings)
        series = [ChartSeries(tr("Familie"), CLIENT_COLOR, [base] + [review_t_score(r, Rater.CLIENT) for r in dated]),
                  ChartSeries(tr("Fachkraft"), PRO_COLOR,
                              [base] + [review_t_score(r, Rater.PROFESSIONAL) for r in dated])]
        values = [v for s in series for v in s.values if v is not None] + [30.0, 70.0]
        lo, hi = math.floor(min(values) / 10) * 10, math.ceil(max(values) / 10) * 10
        self.t_chart.set_data([tr("Beginn")] + [format_date(r.held_on) for r in dated], series, lo, hi,
                              list(range(int(lo), int(hi) + 1, 10)), reference=50, fmt=lambda v: f"{v:.0f}")

    def _fill_indicators(self) -> None:
        self.indicator_combo.blockSignals(True)
        current = self.indicator_combo.currentData()
        self.indicator_combo.clear()
        seen: list[tuple[str, str]] = []
        for r in self.reviews:
            for x in r.ratings:
                k = _key(x.goal_title, x.indicator_text)
                if k not in seen:
                    seen.append(k)
                    self.indicator_combo.addItem(x.indicator_text, k)
        index = self.indicator_combo.findData(current) if current is not None else 0
        self.indicator_combo.setCurrentIndex(max(index, 0))
        self.indicator_combo.setEnabled(bool(seen))
        self.indicator_combo.setToolTip(self.indicator_combo.currentText())  # a long indicator: whole here
        self.indicator_combo.blockSignals(False)
        self._show_indicator()

    def _show_indicator(self) -> None:
        k = self.indicator_combo.currentData()
        dated = [r for r in self.reviews if r.held_on is not None]
        if k is None or not dated:
            self.indicator_chart.set_data([], [], 0, 1, [], empty_text=no_review_yet())
            return
        by = [{_key(x.goal_title, x.indicator_text): x for x in r.ratings}.get(k) for r in dated]
        ref = next(x for x in reversed(by) if x is not None)
        gas = ref.scale == ScaleKind.GAS
        series = [ChartSeries(tr("Ausgang"), BASE_COLOR, [ref.baseline] + [None] * len(dated)),
                  ChartSeries(tr("Familie"), CLIENT_COLOR, [None, *(x.client_value if x else None for x in by)]),
                  ChartSeries(tr("Fachkraft"), PRO_COLOR, [None, *(x.professional_value if x else None for x in by)])]
        self.indicator_chart.set_data(
            [tr("Beginn")] + [format_date(r.held_on) for r in dated], series, -2 if gas else 0, 2 if gas else 10,
            [-2, -1, 0, 1, 2] if gas else [0, 2, 4, 6, 8, 10], reference=ref.target,
            fmt=(lambda v: _gas(int(v))) if gas else (lambda v: f"{v:.0f}"))

    def _show_reflection(self) -> None:
        sessions = [r for r in self.reflections if r.held_on is not None and r.ratings]
        self.radar.set_sessions([(format_date(r.held_on), r.means()) for r in sessions])
        self.radar.setVisible(bool(sessions))
        self.reflection_empty.setVisible(not sessions)
        low = lowest_conditions(sessions[-1]) if sessions else []
        if not low:
            self.low_label.setText("")
            self.low_label.hide()
            return
        self.low_label.setText(low_conditions_html(
            tr("<b>Darüber sollten wir sprechen</b> (letzte Reflexion, am niedrigsten bewertet):"), low))
        self.low_label.show()

    def _fill_table(self) -> None:
        rows: list[tuple[dt.date, list[str]]] = []
        for r in self.reviews:
            rows.append((r.held_on or dt.date.min, [
                format_date(r.held_on), tr("Überprüfung"), format_t(review_t_score(r, Rater.CLIENT)),
                format_t(review_t_score(r, Rater.PROFESSIONAL)), " ".join(r.successes.split())]))
        for reflection in self.reflections:
            low = lowest_conditions(reflection, count=1)
            rows.append((reflection.held_on or dt.date.min, [
                format_date(reflection.held_on), tr("Reflexion"), "", "",
                tr("am niedrigsten: {key}. {short}").format(key=low[0].condition.key,
                                                          short=reflection_condition(low[0].condition.key).short)
                if low else reflection.note]))
        entries: list[Review | Reflection] = [*self.reviews, *self.reflections]
        order = sorted(range(len(rows)), key=lambda i: rows[i][0], reverse=True)  # newest first (stable)
        self.entries = [entries[i] for i in order]
        fill_table(self.table, [rows[i][1] for i in order], max_visible=None)
        for w in (self.table, self.edit_button, self.delete_button):
            w.setVisible(bool(rows))
        self._update_entry_buttons()

    def selected_entry(self) -> Review | Reflection | None:
        rows = self.table.selectionModel().selectedRows()
        return self.entries[rows[0].row()] if rows and rows[0].row() < len(self.entries) else None

    def select_entry(self, entry_id: int, kind: type[Review | Reflection] = Review) -> None:
        row = next(i for i, e in enumerate(self.entries) if isinstance(e, kind) and e.id == entry_id)
        self.table.selectRow(row)

    def _update_entry_buttons(self) -> None:
        entry = self.selected_entry()
        self.edit_button.setEnabled(isinstance(entry, Review))
        self.delete_button.setEnabled(entry is not None and not self.covered)
        self.delete_button.setToolTip(tr("Als Vertretung können Sie hier nichts entfernen; das darf die "
                                         "zuständige Fachkraft.") if self.covered else "")

    # --- use cases -------------------------------------------------------------------------------
    def _refresh(self) -> None:
        if self.case is not None and self.case.id is not None:
            self.show_case(self.follow.case(self.case.id))
        self.changed.emit()

    def record_review(self) -> ReviewDialog | None:
        if self.case is None or self.case.id is None:
            return None
        try:
            dialog = ReviewDialog(self.follow, self.case.id, self)
        except RuleViolation as exc:
            dialogs.show_rule_violation(self, exc, tr("Überprüfung"))
            return None
        dialog.accepted.connect(self._refresh)
        self.review_dialog = dialog
        dialog.open()
        return dialog

    def edit_selected(self) -> ReviewDialog | None:
        """Open the selected review for changes (reflections are recorded anew)."""
        entry = self.selected_entry()
        if self.case is None or self.case.id is None or not isinstance(entry, Review) or entry.id is None:
            return None
        dialog = ReviewDialog(self.follow, self.case.id, self, review=self.follow.get_review(entry.id))
        dialog.accepted.connect(self._refresh)
        self.review_dialog = dialog
        dialog.open()
        return dialog

    def delete_selected(self) -> bool:
        entry = self.selected_entry()
        if entry is None or entry.id is None or self.covered:
            return False
        kind = tr("Die Überprüfung") if isinstance(entry, Review) else tr("Die Reflexion")
        what = tr("{kind} vom {date}").format(kind=kind, date=format_date(entry.held_on))
        if not ask_delete_entry(self, what):
            return False
        try:
            if isinstance(entry, Review):
                self.follow.delete_review(entry.id)
            else:
                self.follow.delete_reflection(entry.id)
        except RuleViolation as exc:
            dialogs.show_rule_violation(self, exc, tr("Löschen"))
            return False
        self._refresh()
        return True

    def record_reflection(self) -> ReflectionDialog | None:
        if self.case is None or self.case.id is None:
            return None
        dialog = ReflectionDialog(self.follow, self.case.id, self)
        dialog.accepted.connect(self._refresh)
        self.reflection_dialog = dialog
        dialog.open()
        return dialog

    def plan_transition(self) -> TransitionDialog | None:
        if self.case is None or self.case.id is None:
            return None
        agreement = self.follow.current_agreement(self.case.id)
        dialog = TransitionDialog(self.follow, self.case.id, self, agreement.planned_end if agreement else None)
        dialog.accepted.connect(self._refresh)
        self.transition_dialog = dialog
        dialog.open()
        return dialog

    def _save(self, suggested: str, export) -> Path | None:
        path = dialogs.ask_save_path(self, dialogs.default_pdf_dir() / suggested)
        if path is None:
            return None
        try:
            out = export(path)
        except RuleViolation as exc:
            dialogs.show_rule_violation(self, exc, tr("PDF speichern"))
            return None
        except OSError as exc:
            dialogs.show_error(self, tr("Die Datei konnte nicht gespeichert werden:\n{reason}").format(
                reason=exc.strerror or exc), tr("PDF speichern"))
            return None
        return out

    def export_review_pdf(self) -> Path | None:
        """The selected review as PDF, else the newest."""
        if not self.reviews:
            return None
        selected = self.selected_entry()
        last = selected if isinstance(selected, Review) else self.reviews[-1]
        name = f"Ueberpruefung_{last.document_id}_{(last.held_on or dt.date.today()):%Y-%m-%d}.pdf"
        review_id = last.id
        assert review_id is not None  # read from the database
        return self._save(name, lambda p: self.follow.export_review_pdf(review_id, p))

    def export_closing_report(self) -> Path | None:
        if self.case is None or self.case.id is None:
            return None
        agreement = self.follow.current_agreement(self.case.id)
        name = f"Abschlussbericht_{agreement.document_id if agreement else 'Hilfe'}.pdf"
        case_id = self.case.id
        return self._save(name, lambda p: self.follow.export_closing_report(case_id, p))


