"""The family's copy in the PDF: each fixed text the family reads in German first, then in the
family's language (:attr:`Agreement.family_language`, catalogues in :mod:`kooperation_desktop.family_texts`).

Only fixed texts are translated; what was typed prints as typed. Arabic and Persian:

* the text is shaped (arabic-reshaper: the joined letter forms) in logical order, then broken into
  lines by reportlab by measured width, and only then each printed line is put in reading order
  (:class:`.usertext.Paragraph` reorders per line after wrapping: reordering a whole paragraph
  before wrapping would put its lines in the wrong order); the paragraph is right-aligned;
* numbers, dates and Latin words (a document number, "Jugendamt") stay left to right inside;
* letters are printed in Noto Sans Arabic, everything that font lacks (Latin letters, brackets,
  the dash) in DejaVu Sans, so no character is a missing-glyph box; the zero-width non-joiner of
  Persian (already used by the shaping) too, as Noto Sans Arabic draws it as a visible bar.
"""

from __future__ import annotations

import unicodedata
from typing import Any
from xml.sax.saxutils import escape

import arabic_reshaper
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable

from kooperation_desktop.domain.model import Agreement
from kooperation_desktop.family_texts import FamilyTexts, family_texts

from .fonts import ARABIC, ARABIC_BOLD, FONT, FONT_BOLD, register_arabic
from .texts import Phrase
from .usertext import Paragraph, covered

__all__ = ["FamilyCopy", "family_copy"]

SECOND = colors.HexColor("#3B3B3B")  # the translation: a shade lighter than the German text
_BOLD_FONTS = {FONT_BOLD, ARABIC_BOLD}
_ARABIC_CLASSES = {"AL", "R", "AN", "NSM"}


class FamilyCopy:
    """Paragraphs of the family's language for the German fixed texts of one document."""

    def __init__(self, texts: FamilyTexts):
        self.texts = texts
        self.language = texts.language
        self.rtl = texts.rtl
        self._styles: dict[str, ParagraphStyle] = {}
        self._arabic: frozenset[int] = frozenset()
        if self.rtl:
            register_arabic()
            self._arabic = frozenset(pdfmetrics.getFont(ARABIC).face.charToGlyph) & frozenset(
                pdfmetrics.getFont(ARABIC_BOLD).face.charToGlyph)

    def __call__(self, german: str, **values: Any) -> str:
        """The plain translation ("" when the catalogue has none). ``german``: the German text, or a
        :class:`.texts.Phrase` as printed (its German source and values are used)."""
        if isinstance(german, Phrase):
            return self.texts(german.source, **{**german.values, **values})
        return self.texts(german, **values)

    def style(self, base: ParagraphStyle, muted: bool = True) -> ParagraphStyle:
        """``base`` for the translation: right to left and in the Arabic font for ar/fa."""
        key = f"{base.name}:{muted}"
        style = self._styles.get(key)
        if style is None:
            style = ParagraphStyle(f"{base.name}_{self.language}", parent=base)
            if muted and base.textColor == colors.HexColor("#1A1A1A"):
                style.textColor = SECOND
            style.spaceBefore = 0  # the translation belongs to the German text above it
            if base.fontSize >= 15:  # a heading: a little smaller than the German one
                style.fontSize, style.leading = base.fontSize * 0.9, base.leading * 0.9
            if self.rtl:
                style.fontName = ARABIC_BOLD if base.fontName in _BOLD_FONTS else ARABIC
                style.alignment = TA_RIGHT
                style.leftIndent, style.rightIndent = base.rightIndent, base.leftIndent
                style.firstLineIndent = 0
                style.wordWrap = None
            self._styles[key] = style
        return style

    def markup(self, text: str, bold: bool = False) -> str:
        """Paragraph markup of a translated text: escaped; for ar/fa shaped and in runs of the font
        that has each character."""
        text = unicodedata.normalize("NFC", text)
        if not self.rtl:
            return escape(text)
        shaped: str = arabic_reshaper.reshape(text)
        latin = FONT_BOLD if bold else FONT
        dejavu = covered()
        runs: list[tuple[bool, str]] = []  # (in the Arabic font?, text)
        for ch in shaped:
            code = ord(ch)
            kind = unicodedata.bidirectional(ch)
            if ch == "\u200c":  # the zero-width non-joiner: Noto Sans Arabic draws it as a bar, DejaVu not
                arabic = False
            elif kind in _ARABIC_CLASSES:
                arabic = code in self._arabic
            elif kind == "L":
                arabic = code not in dejavu
            else:
                # digits, spaces, punctuation: in the Arabic font where it has them, so a full stop
                # after a Latin word is a run (and a word for the reading order) of its own
                arabic = code in self._arabic or code not in dejavu
            if runs and runs[-1][0] == arabic:
                runs[-1] = (arabic, runs[-1][1] + ch)
            else:
                runs.append((arabic, ch))
        return "".join(escape(t) if arabic else f'<font name="{latin}">{escape(t)}</font>' for arabic, t in runs)

    def para(self, german: str, base: ParagraphStyle, prefix: str = "", muted: bool = True,
             **values: Any) -> Paragraph | None:
        """The translation of ``german`` as a paragraph in (a variant of) ``base``; None without one.
        ``prefix``: markup put before the text (a bullet)."""
        text = self(german, **values)
        if not text:
            return None
        style = self.style(base, muted)
        return Paragraph(prefix + self.markup(text, style.fontName in _BOLD_FONTS), style)

    def text_para(self, text: str, base: ParagraphStyle, prefix: str = "", muted: bool = True) -> Paragraph | None:
        """An already translated ``text`` (composed of catalogue texts) as a paragraph; None if empty."""
        if not text.strip():
            return None
        style = self.style(base, muted)
        return Paragraph(prefix + self.markup(text, style.fontName in _BOLD_FONTS), style)

    @property
    def list_separator(self) -> str:
        return "، " if self.rtl else ", "

    def after(self, german_flowable: Flowable, german: str, base: ParagraphStyle, **values: Any) -> list[Flowable]:
        """The German flowable, then the translation (if any)."""
        second = self.para(german, base, **values)
        return [german_flowable] if second is None else [german_flowable, second]


def family_copy(agreement: Agreement | None, language: str | None = None, printed_in: str = "de") -> FamilyCopy | None:
    """The family copy of ``agreement`` (its family language, or ``language``), or None: German only,
    or the family's language is the one the document is ``printed_in`` already (English twice)."""
    code = language if language is not None else getattr(agreement, "family_language", None)
    if code == printed_in:
        return None
    texts = family_texts(code)
    return FamilyCopy(texts) if texts is not None else None
