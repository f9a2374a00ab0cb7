"""„Sprache der Vereinbarung (PDF)“: Deutsch or English, on the page "Zeitrahmen & Übergang".

The agreement's PDF (family summary and full text) is printed in this language; German is the
default (the youth office's copy stays German by choosing German). The core decides what changes
(:func:`kooperation_desktop.pdf.texts.apply_language`: the shipped goodwill text, if unchanged,
is swapped for the one in the new language); this widget only shows the choice and saves it
through the page's own save path (``mark_agreement_dirty`` → ``services.agreements.update``).

Below it „Zusätzlich für die Familie“: none (German only) or one of the family languages
(:data:`kooperation_desktop.domain.model.FAMILY_LANGUAGES`, each named in its own words): the
fixed texts the family reads are then shown in German and in that language
(:attr:`Agreement.family_language`, :mod:`kooperation_desktop.family_texts`).

Added to a page with one line in its ``build()``: ``self.language = LanguageField(self)``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kooperation_desktop.domain.model import AGREEMENT_LANGUAGES, FAMILY_LANGUAGES
from kooperation_desktop.family_texts import LANGUAGE_NAMES as FAMILY_LANGUAGE_NAMES
from kooperation_desktop.pdf.texts import LANGUAGE_NAMES, apply_language, language_of

if TYPE_CHECKING:
    from .base import StepPage


class LanguageField(QWidget):
    """Label, combo box (Deutsch / English) and a short hint, added to ``page.content``; below
    them the family's language (label, combo box, hint)."""

    def __init__(self, page: StepPage):
        super().__init__(page.body)
        self.page = page
        self._loading = False
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 10, 0, 0)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        rows.addLayout(row)
        self.label = QLabel(self.tr("S&prache der Vereinbarung (PDF):"), self)
        self.combo = QComboBox(self)
        for code in AGREEMENT_LANGUAGES:
            self.combo.addItem(LANGUAGE_NAMES[code], code)  # each language in its own words
        self.combo.setAccessibleName(self.tr("Sprache der Vereinbarung (PDF)"))
        self.combo.setToolTip(self.tr(
            "In dieser Sprache werden die Zusammenfassung und der Text der Vereinbarung gedruckt. "
            "Was Sie eingeben, bleibt so, wie Sie es schreiben."))
        self.label.setBuddy(self.combo)
        self.hint = QLabel(self.tr("Für das Jugendamt: Deutsch."), self)
        self.hint.setStyleSheet("color: #555555;")
        row.addWidget(self.label)
        row.addWidget(self.combo)
        row.addSpacing(8)
        row.addWidget(self.hint, 1)
        self.combo.currentIndexChanged.connect(self._changed)

        family_row = QHBoxLayout()
        family_row.setContentsMargins(0, 0, 0, 0)
        rows.addLayout(family_row)
        self.family_label = QLabel(self.tr("Zusätzlich für die &Familie:"), self)
        self.family_combo = QComboBox(self)
        self.family_combo.addItem(self.tr("keine (nur Deutsch)"), None)
        for code in FAMILY_LANGUAGES:
            self.family_combo.addItem(FAMILY_LANGUAGE_NAMES[code], code)  # each language in its own words
        self.family_combo.setAccessibleName(self.tr("Zweite Sprache für die Familie"))
        self.family_combo.setToolTip(self.tr(
            "Die festen Texte, die die Familie liest, stehen dann auf Deutsch und darunter in dieser Sprache: "
            "die Kurzfassung, der Text zum Einverständnis, die Erklärungen bei den Unterschriften und die "
            "Ansicht für die Familie. Was Sie eingeben, wird nicht übersetzt."))
        self.family_label.setBuddy(self.family_combo)
        self.family_hint = QLabel(self.tr("Verbindlich ist die deutsche Fassung."), self)
        self.family_hint.setStyleSheet("color: #555555;")
        family_row.addWidget(self.family_label)
        family_row.addWidget(self.family_combo)
        family_row.addSpacing(8)
        family_row.addWidget(self.family_hint, 1)
        self.family_combo.currentIndexChanged.connect(self._family_changed)
        page.content.addWidget(self)

    def load(self) -> None:
        """Show the agreement's language (called whenever the page is shown)."""
        wizard = self.page.wizard()
        if wizard is None or getattr(wizard, "agreement", None) is None:
            return
        self._loading = True
        try:
            self.combo.setCurrentIndex(max(0, self.combo.findData(language_of(self.page.agreement))))
            family = self.page.agreement.family_language
            self.family_combo.setCurrentIndex(max(0, self.family_combo.findData(family)) if family else 0)
        finally:
            self._loading = False

    def showEvent(self, event: QShowEvent) -> None:
        self.load()  # the page has loaded its agreement (initializePage) before it is shown
        super().showEvent(event)

    def _changed(self, index: int) -> None:
        if self._loading or self.page._loading:  # the page's own "filling widgets" flag
            return
        agreement = self.page.agreement
        code = self.combo.itemData(index)
        if not agreement.is_editable or code == agreement.language:
            return
        if apply_language(agreement, code):
            goodwill = getattr(self.page, "goodwill", None)  # the page's goodwill text field
            if goodwill is not None:
                goodwill.setPlainText(agreement.goodwill)
        self.page.mark_agreement_dirty()

    def _family_changed(self, index: int) -> None:
        if self._loading or self.page._loading:
            return
        agreement = self.page.agreement
        code = self.family_combo.itemData(index)
        code = code if code in FAMILY_LANGUAGES else None
        if not agreement.is_editable or code == agreement.family_language:
            return
        agreement.family_language = code
        self.page.mark_agreement_dirty()
