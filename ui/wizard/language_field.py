"""„Sprache der Vereinbarung (PDF)“: Deutsch or English, on the page "Zeitrahmen & Übergang".

The agreement's PDF (family summary and full text) is printed in this language; German is the
default (the youth office's copy stays German by choosing German). The core decides what changes
(:func:`kooperation_desktop.pdf.texts.apply_language`: the shipped goodwill text, if unchanged,
is swapped for the one in the new language); this widget only shows the choice and saves it
through the page's own save path (``mark_agreement_dirty`` → ``services.agreements.update``).

Added to a page with one line in its ``build()``: ``self.language = LanguageField(self)``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from kooperation_desktop.domain.model import AGREEMENT_LANGUAGES
from kooperation_desktop.pdf.texts import LANGUAGE_NAMES, apply_language, language_of

if TYPE_CHECKING:
    from .base import StepPage


class LanguageField(QWidget):
    """Label, combo box (Deutsch / English) and a short hint, added to ``page.content``."""

    def __init__(self, page: StepPage):
        super().__init__(page.body)
        self.page = page
        self._loading = False
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 10, 0, 0)
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
        page.content.addWidget(self)

    def load(self) -> None:
        """Show the agreement's language (called whenever the page is shown)."""
        wizard = self.page.wizard()
        if wizard is None or getattr(wizard, "agreement", None) is None:
            return
        self._loading = True
        try:
            self.combo.setCurrentIndex(max(0, self.combo.findData(language_of(self.page.agreement))))
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
