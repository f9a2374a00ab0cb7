"""A small readability indicator beside a text the family will read (issue 16): a coloured dot and
"leicht" / "mittel" / "schwer"; on hover the hardest sentence and why it is hard.

Never blocking: it takes no focus, changes nothing in the text, and measures only after a short
pause in typing (:data:`DELAY_MS`, a single-shot QTimer restarted by every change). The one-time
loading of the hyphenation dictionary runs in a background thread; until it is done the indicator
waits (shows what it showed before) instead of freezing the window. An empty text
shows nothing. The figures and the hint's reasons come from the core
(:mod:`kooperation_desktop.domain.readability`); the words are the UI's (translated).
"""

from __future__ import annotations

from types import MappingProxyType

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QSizePolicy, QWidget

from kooperation_desktop.domain import readability
from kooperation_desktop.domain.readability import Level, Readability, analyse

from .textfill import fill

DELAY_MS = 400  # measure after this pause in typing

COLOURS = MappingProxyType({Level.EASY: "#2e7d32", Level.MEDIUM: "#b26a00", Level.HARD: "#c62828"})
MAX_SENTENCE_CHARS = 300  # a very long sentence is shortened in the tooltip


class ReadabilityIndicator(QWidget):
    """Dot + word for the text of one field (:meth:`watch`) or a text set with :meth:`set_text`."""

    def __init__(self, parent: QWidget | None = None, *, delay_ms: int = DELAY_MS):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.dot = QLabel(self)
        self.dot.setFixedSize(10, 10)
        self.word = QLabel(self)
        font = self.word.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        self.word.setFont(font)
        self.word.setStyleSheet("color: #444444;")
        for label in (self.dot, self.word):
            policy = label.sizePolicy()
            policy.setRetainSizeWhenHidden(True)  # no jump in the layout when a text gets empty
            label.setSizePolicy(policy)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.dot, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.word, 0, Qt.AlignmentFlag.AlignVCenter)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.word.setText(self._level_word(Level.MEDIUM))  # room for the longest word from the start
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.update_now)
        self._text = ""
        self._field: QPlainTextEdit | QLineEdit | None = None
        self.result: Readability | None = None
        self._show(None)
        readability.start_warm_up()  # the dictionary loads in the background while the page is read

    # --- public API --------------------------------------------------------------------------
    def watch(self, field: QPlainTextEdit | QLineEdit) -> None:
        """Follow ``field``: measured now, and again after each pause in typing."""
        self._field = field
        if isinstance(field, QPlainTextEdit):
            field.textChanged.connect(lambda: self.set_text(field.toPlainText()))
            self._text = field.toPlainText()
        else:
            field.textChanged.connect(self.set_text)
            self._text = field.text()
        self.update_now()

    def set_text(self, text: str) -> None:
        """A new text: measured after :data:`DELAY_MS` without further changes."""
        self._text = text
        self.timer.start()

    def update_now(self) -> None:
        self.timer.stop()
        if self._text.strip() and not readability.is_ready():  # never wait for the one-time loading
            readability.start_warm_up()
            self.timer.start()  # try again after the next pause
            return
        self.result = analyse(self._text) if self._text.strip() else None
        self._show(self.result)

    def level(self) -> Level | None:
        return self.result.level if self.result else None

    def text(self) -> str:
        """The word shown ("" when the text is empty)."""
        return self.word.text() if self.word.isVisibleTo(self) else ""

    # --- internals ---------------------------------------------------------------------------
    def _level_word(self, level: Level) -> str:
        return {Level.EASY: self.tr("leicht"), Level.MEDIUM: self.tr("mittel"), Level.HARD: self.tr("schwer")}[level]

    def _show(self, result: Readability | None) -> None:
        if result is None:
            self.dot.hide()
            self.word.hide()
            self.setToolTip("")
            self.setAccessibleName("")
            self.setAccessibleDescription("")
            if self._field is not None:
                self._field.setAccessibleDescription("")
            return
        word = self._level_word(result.level)
        self.word.setText(word)
        self.dot.setStyleSheet(f"background: {COLOURS[result.level]}; border-radius: 5px;")
        self.dot.show()
        self.word.show()
        name = fill(self.tr("Lesbarkeit: %1"), word)
        tip = self.tooltip_text(result)
        self.setToolTip(tip)
        self.setAccessibleName(name)
        self.setAccessibleDescription(tip)
        if self._field is not None:  # a screen reader hears it with the field (the dot takes no focus)
            self._field.setAccessibleDescription(name)

    def tooltip_text(self, result: Readability) -> str:
        headline = {
            Level.EASY: self.tr("Leicht zu lesen."),
            Level.MEDIUM: self.tr("Mittelschwer zu lesen."),
            Level.HARD: self.tr("Schwer zu lesen."),
        }[result.level]
        score = max(0, min(100, round(result.reading_ease)))
        wiener = f"{result.wiener:.1f}".replace(".", self.locale().decimalPoint())
        figures = self.tr("Lesbarkeit nach Amstad: %1 von 100 (ab 70 leicht); Wiener Sachtextformel: %2.")
        lines = [headline, fill(figures, score, wiener)]
        if result.short:
            lines.append(self.tr("Kurzer Text: Die Stufe folgt den Hinweisen, nicht der Zahl."))
        hardest = result.hardest
        if hardest is not None and (hardest.has_hint or result.level != Level.EASY) and result.sentences > 0:
            sentence = hardest.text
            if len(sentence) > MAX_SENTENCE_CHARS:
                sentence = sentence[:MAX_SENTENCE_CHARS].rsplit(" ", 1)[0] + " …"
            lines.append(fill(self.tr("Schwierigster Satz: „%1“"), sentence))
            hints = []
            if hardest.long_sentence:
                hints.append(fill(self.tr("Langer Satz: %1 Wörter. Besser kürzere Sätze."), hardest.words))
            if hardest.long_words:
                words = ", ".join(fill(self.tr("„%1“"), w) for w, _ in hardest.long_words)
                hints.append(fill(self.tr("Lange Wörter: %1. Kürzere Wörter sind leichter."), words))
            if hardest.passive:
                hints.append(self.tr("Passiv: Besser sagen, wer etwas tut."))
            lines += hints
        return "\n".join(lines)
