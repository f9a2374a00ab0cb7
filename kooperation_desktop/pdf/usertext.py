"""The one road of every user-typed string into every PDF (agreement, family summary, review,
closing report, the seal's stamp).

* :func:`plain_text` — for text drawn directly on the canvas (footers, the stamp, metadata):
  NFC-normalised (combining marks typed separately become the one precomposed letter the font
  has: reportlab does not position marks), line breaks normalised, tabs as spaces, control
  characters dropped, Arabic shaped and right-to-left lines put in reading order, and characters
  the font lacks replaced by U+FFFD "�" — the same visible placeholder in the print and in the
  copied text, never a missing-glyph box.
* :func:`user_text` — the same, escaped as reportlab Paragraph markup (``<b>`` prints as typed),
  line breaks kept. Every Paragraph holding user text is built from it.

Characters outside the Basic Multilingual Plane (e.g. the emoji DejaVu Sans has) print with their
glyph and copy out correctly: :mod:`.fonts` writes them into the font's ToUnicode map as UTF-16
surrogate pairs (reportlab writes a truncated code there).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any
from xml.sax.saxutils import escape

import arabic_reshaper
from bidi import get_display
from reportlab.pdfbase import pdfmetrics

from .fonts import FONT, FONT_BOLD, register_fonts

__all__ = ["plain_text", "user_text"]

_RTL = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
_glyphs: frozenset[int] | None = None


def covered() -> frozenset[int]:
    """Code points both DejaVu faces have a glyph for."""
    global _glyphs
    if _glyphs is None:
        register_fonts()
        regular = set(pdfmetrics.getFont(FONT).face.charToGlyph)
        bold = set(pdfmetrics.getFont(FONT_BOLD).face.charToGlyph)
        _glyphs = frozenset(regular & bold)
    return _glyphs


def _visual_line(line: str) -> str:
    """Shape Arabic letters and put a line containing right-to-left script in reading order."""
    if not _RTL.search(line):
        return line
    try:
        return get_display(arabic_reshaper.reshape(line))
    except Exception:  # noqa: BLE001 - a shaping failure must not stop the print; keep logical order
        return line


def plain_text(value: Any) -> str:
    """User text made printable (see the module docstring). No escaping."""
    text = "" if value is None else str(value)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = "".join(ch for ch in text if ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cs"))
    text = unicodedata.normalize("NFC", text)
    text = "\n".join(_visual_line(line) for line in text.split("\n"))
    glyphs = covered()
    out: list[str] = []
    for ch in text:
        if ch == "\n" or ord(ch) in glyphs:
            out.append(ch)
            continue
        parts = unicodedata.normalize("NFD", ch)
        if len(parts) > 1 and all(ord(x) in glyphs for x in parts):
            out.append(parts)  # no precomposed glyph, but the letter and its marks
            continue
        cat = unicodedata.category(ch)
        if cat.startswith("Z"):
            out.append(" ")
        elif cat.startswith(("C", "M")):
            continue  # invisible format characters, unknown combining marks
        else:
            out.append("\ufffd")
    return "".join(out)


def user_text(value: Any) -> str:
    """User text as Paragraph markup that prints exactly as typed (escaped, line breaks kept)."""
    return escape(plain_text(value)).replace("\n", "<br/>")
