"""Dialog "Überprüfung erfassen": each indicator rated by the family and by the professional,
successes (3h), obstacles, next steps, who was present; the T-scores update while rating."""

from __future__ import annotations

import datetime as dt

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

from kooperation_desktop.domain.model import GAS_LEVELS, ScaleKind
from kooperation_desktop.followup.gas import WEIGHTING_NOTE, format_t
from kooperation_desktop.followup.model import IndicatorRating, Rater, Review
from kooperation_desktop.followup.service import FollowUpService

from ..domain_labels import gas_level
from ..widgets import hint_label, section_label
from .charts import core_text, tr
from .entry_dialog import EntryDialog, escaped


def level_choices(rating: IndicatorRating) -> list[tuple[str, int | None]]:
    """(text, value) for a rating combo box: open, then the scale's levels."""
    out: list[tuple[str, int | None]] = [(tr("– noch nicht eingeschätzt –"), None)]
    if rating.scale == ScaleKind.GAS:
        for level in GAS_LEVELS:
            text = rating.level_texts[level + 2].strip() if len(rating.level_texts) == 5 else ""
            name = gas_level(level)
            out.append((f"{name}: {text}" if text else name, level))
    else:
        out += [(tr("{value} von 10").format(value=v), v) for v in range(11)]
    return out


class RatingRow:
    """The widgets of one indicator: two combo boxes (family, professional) and a note."""

    def __init__(self, rating: IndicatorRating, parent: QWidget):
        self.rating = rating
        self.client = QComboBox(parent)
        self.professional = QComboBox(parent)
        for combo, who in ((self.client, tr("Familie")), (self.professional, tr("Fachkraft"))):
            for text, value in level_choices(rating):
                combo.addItem(text, value)
            combo.setAccessibleName(tr("Einschätzung {who}: {indicator}").format(
                who=who, indicator=rating.indicator_text[:60]))
            combo.setMinimumContentsLength(18)
        self._select(self.client, rating.client_value)
        self._select(self.professional, rating.professional_value)
        self.note = QLineEdit(rating.note, parent)
        self.note.setPlaceholderText(tr("Notiz (optional)"))
        self.note.setAccessibleName(tr("Notiz: {indicator}").format(indicator=rating.indicator_text[:60]))

    @staticmethod
    def _select(combo: QComboBox, value: int | None) -> None:
        index = combo.findData(value) if value is not None else 0
        combo.setCurrentIndex(max(index, 0))

    def set_values(self, client: int | None, professional: int | None) -> None:
        self._select(self.client, client)
        self._select(self.professional, professional)

    def apply(self) -> IndicatorRating:
        self.rating.client_value = self.client.currentData()
        self.rating.professional_value = self.professional.currentData()
        self.rating.note = self.note.text().strip()
        return self.rating


class ReviewDialog(EntryDialog):
    def __init__(self, follow: FollowUpService, case_id: int, parent: QWidget | None = None,
                 review: Review | None = None):
        super().__init__(tr("Überprüfung bearbeiten") if review is not None else tr("Überprüfung erfassen"),
                         QSize(860, 720), parent)
        self.follow = follow
        self.review = review or follow.new_review(case_id)
        self.saved: Review | None = None
        host, layout = self.host, self.body
        layout.addWidget(section_label(
            tr("Überprüfung der Vereinbarung {document}, Version {version}").format(
                document=self.review.document_id, version=self.review.agreement_version), host))
        self.add_date(tr("Datum der Überprüfung"), self.review.held_on)

        present_box = QGroupBox(tr("Wer war dabei?"), host)
        present_layout = QGridLayout(present_box)
        self.present_checks: list[QCheckBox] = []
        for i, person in enumerate(follow.participants(case_id)):
            check = QCheckBox(person.name, present_box)
            check.setChecked(person.name in self.review.present)
            present_layout.addWidget(check, i // 3, i % 3)
            self.present_checks.append(check)
        self.present_other = QLineEdit(present_box)
        self.present_other.setPlaceholderText(tr("weitere Anwesende, durch Komma getrennt"))
        self.present_other.setAccessibleName(tr("Weitere Anwesende"))
        known = {c.text() for c in self.present_checks}
        self.present_other.setText(", ".join(p for p in self.review.present if p not in known))
        present_layout.addWidget(self.present_other, (len(self.present_checks) + 2) // 3, 0, 1, 3)
        layout.addWidget(present_box)

        ratings_box = QGroupBox(tr("Einschätzung der Indikatoren – Familie und Fachkraft getrennt"), host)
        grid = QGridLayout(ratings_box)
        grid.addWidget(QLabel(tr("<b>Indikator</b>"), ratings_box), 0, 0)
        grid.addWidget(QLabel(tr("<b>Familie</b>"), ratings_box), 0, 1)
        grid.addWidget(QLabel(tr("<b>Fachkraft</b>"), ratings_box), 0, 2)
        self.rows: list[RatingRow] = []
        r = 1
        for rating in self.review.ratings:
            row = RatingRow(rating, ratings_box)
            text = QLabel(tr("<b>{indicator}</b><br/><span style='color:#555'>Ziel: {goal}</span>").format(
                indicator=escaped(rating.indicator_text), goal=escaped(rating.goal_title)), ratings_box)
            text.setWordWrap(True)
            text.setMinimumWidth(260)
            grid.addWidget(text, r, 0, 2, 1)
            grid.addWidget(row.client, r, 1)
            grid.addWidget(row.professional, r, 2)
            grid.addWidget(row.note, r + 1, 1, 1, 2)
            row.client.currentIndexChanged.connect(lambda _i: self.update_scores())
            row.professional.currentIndexChanged.connect(lambda _i: self.update_scores())
            self.rows.append(row)
            r += 2
        if not self.rows:
            grid.addWidget(hint_label(tr("Diese Vereinbarung hat keine Indikatoren."), ratings_box), 1, 0, 1, 3)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 2)
        layout.addWidget(ratings_box)

        self.t_label = QLabel(host)
        self.t_label.setAccessibleName(tr("T-Werte"))
        layout.addWidget(self.t_label)
        layout.addWidget(hint_label(core_text(WEIGHTING_NOTE), host))

        self.successes = self._text(host, layout, tr("Das ist &gelungen (Erfolge würdigen):"), self.review.successes,
                                    tr("z. B. Deniz war drei Wochen lang pünktlich in der Schule."))
        self.obstacles = self._text(host, layout, tr("Was war &im Weg?"), self.review.obstacles, "")
        self.next_steps = self._text(host, layout, tr("Wie geht es &weiter?"), self.review.next_steps, "")
        self.finish(tr("Überprüfung speichern"))
        self.update_scores()

    @staticmethod
    def _text(host: QWidget, layout: QVBoxLayout, label: str, value: str, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(value, host)
        edit.setPlaceholderText(placeholder)
        edit.setFixedHeight(64)
        edit.setAccessibleName(label.replace("&", "").rstrip(":"))
        lab = QLabel(label, host)
        lab.setBuddy(edit)
        layout.addWidget(lab)
        layout.addWidget(edit)
        return edit

    def current_review(self) -> Review:
        self.review.held_on = self.date.date()
        present = [c.text() for c in self.present_checks if c.isChecked()]
        present += [p.strip() for p in self.present_other.text().split(",") if p.strip()]
        self.review.present = present
        self.review.ratings = [row.apply() for row in self.rows]
        self.review.successes = self.successes.toPlainText().strip()
        self.review.obstacles = self.obstacles.toPlainText().strip()
        self.review.next_steps = self.next_steps.toPlainText().strip()
        return self.review

    def update_scores(self) -> None:
        scores = self.follow.t_scores(self.current_review())
        self.t_label.setText(tr("<b>T-Wert (Zielerreichung):</b> Familie {client} · Fachkraft {professional}").format(
            client=format_t(scores[Rater.CLIENT]), professional=format_t(scores[Rater.PROFESSIONAL])))

    def save(self) -> Review:
        return self.follow.save_review(self.current_review())


def today() -> dt.date:
    return dt.date.today()
