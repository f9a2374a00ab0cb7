"""Zeitrahmen & Übergang: start, planned end, next review; what comes after; the family's view; goodwill."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from kooperation_desktop import assets
from kooperation_desktop.domain.wizard import Step

from ..i18n import QT_TRANSLATE_NOOP
from ..readability import ReadabilityIndicator
from ..widgets import DateEdit, GrowingTextEdit, hint_label, section_label
from .base import StepPage
from .language_field import LanguageField

# texts in German; translated at display time (context "TimeframePage")
DATE_FIELDS = (
    ("start_date", QT_TRANSLATE_NOOP("TimeframePage", "&Beginn der Hilfe:")),
    ("planned_end", QT_TRANSLATE_NOOP("TimeframePage", "&Geplantes Ende:")),
    ("next_review", QT_TRANSLATE_NOOP("TimeframePage", "&Nächste Überprüfung:")),
)

TEXT_FIELDS = (
    ("transition_offers", QT_TRANSLATE_NOOP("TimeframePage", "&Anschlussangebote"),
     QT_TRANSLATE_NOOP("TimeframePage", "Was kann nach der Hilfe helfen? z. B. Erziehungsberatung, Sportverein")),
    ("transition_partners", QT_TRANSLATE_NOOP("TimeframePage", "Wer b&leibt an der Seite der Familie?"),
     QT_TRANSLATE_NOOP("TimeframePage", "z. B. Oma Fatma, Klassenlehrerin")),
    ("transition_self", QT_TRANSLATE_NOOP("TimeframePage", "Was übernimmt die Familie &selbst?"),
     QT_TRANSLATE_NOOP("TimeframePage", "z. B. Termine selbst vereinbaren")),
    ("client_view", QT_TRANSLATE_NOOP("TimeframePage", "S&icht der Familie"),
     QT_TRANSLATE_NOOP("TimeframePage", "Was sagt die Familie zu dieser Vereinbarung? In ihren Worten.")),
)


def default_goodwill() -> str:
    return assets.text("texts", "goodwill_de.txt").strip()


class TimeframePage(StepPage):
    step = Step.TIMEFRAME

    def build(self) -> None:
        self.content.addWidget(section_label(self.tr("Zeitrahmen"), self.body))
        self.content.addWidget(hint_label(
            self.tr("Die Hilfe ist zeitlich begrenzt. Wann beginnt sie, wann soll sie enden?"), self.body))
        dates = QGridLayout()
        self.dates: dict[str, DateEdit] = {}
        edit: QWidget  # a date field in the first loop, a text field in the second
        for c, (key, german) in enumerate(DATE_FIELDS):
            text = self.tr(german)
            edit = DateEdit(self.body, accessible_name=text.replace("&", "").rstrip(":"))
            edit.setMaximumWidth(160)
            label = QLabel(text, self.body)
            label.setBuddy(edit)
            dates.addWidget(label, 0, c)
            dates.addWidget(edit, 1, c)
            edit.dateChanged.connect(lambda value, key=key: self._set(key, value))
            self.dates[key] = edit
        dates.setColumnStretch(len(DATE_FIELDS), 1)
        self.content.addLayout(dates)
        self.start_date, self.planned_end, self.next_review = (self.dates[k] for k, _ in DATE_FIELDS)

        self.content.addSpacing(10)
        self.content.addWidget(section_label(self.tr("Übergang"), self.body))
        grid = QGridLayout()
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.texts: dict[str, GrowingTextEdit] = {}
        for i, (key, german, placeholder) in enumerate(TEXT_FIELDS):
            text = self.tr(german)
            edit = GrowingTextEdit(self.body, min_lines=2, max_lines=10)
            edit.setPlaceholderText(self.tr(placeholder))
            edit.setAccessibleName(text.replace("&", ""))
            label = QLabel(text if text.endswith("?") else text + ":", self.body)
            label.setWordWrap(True)
            label.setBuddy(edit)
            row, col = divmod(i, 2)
            grid.addWidget(label, row * 2, col)
            grid.addWidget(edit, row * 2 + 1, col)
            edit.textChanged.connect(lambda key=key, edit=edit: self._set(key, edit.toPlainText()))
            self.texts[key] = edit
        self.content.addLayout(grid)

        self.content.addSpacing(10)
        goodwill_label = section_label(self.tr("Wie wir zusammenarbeiten (Wohlw&ollen)"), self.body)
        self.goodwill = GrowingTextEdit(self.body, min_lines=3, max_lines=14)
        self.goodwill.setAccessibleName(self.tr("Wie wir zusammenarbeiten"))
        goodwill_label.setBuddy(self.goodwill)
        self.goodwill.textChanged.connect(lambda: self._set("goodwill", self.goodwill.toPlainText()))
        self.content.addWidget(goodwill_label)
        self.content.addWidget(self.goodwill)
        self.goodwill_readability = ReadabilityIndicator(self.body)  # the family reads and signs it
        self.goodwill_readability.watch(self.goodwill)
        self.content.addWidget(self.goodwill_readability, 0, Qt.AlignmentFlag.AlignRight)
        self.language = LanguageField(self)  # the PDF's language

    def _set(self, key: str, value: object) -> None:
        if self._loading:
            return
        setattr(self.agreement, key, value)
        self.mark_agreement_dirty()

    def load(self) -> None:
        a = self.agreement
        edit: QWidget  # a date field in the first loop, a text field in the second
        for key, edit in self.dates.items():
            edit.setDate(getattr(a, key))
        for key, edit in self.texts.items():
            edit.setPlainText(getattr(a, key))
        self.goodwill.setPlainText(a.goodwill)
        if a.planned_end is None and a.is_editable:
            self.focus_on_entry(self.planned_end)  # the start is today already; the end is what is missing
        if not a.goodwill.strip() and a.is_editable:
            a.goodwill = default_goodwill()
            self.goodwill.setPlainText(a.goodwill)
            self._agreement_dirty = True  # saved with the next change or when leaving the page
