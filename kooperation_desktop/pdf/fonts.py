"""Registration of the one font family the PDFs use: DejaVu Sans (shipped in ``resources/fonts``).

The PDF base-14 fonts (Helvetica ...) have no glyphs for ğ, ş, ễ, ł or Cyrillic, so they are never used.
"""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

import resources

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"

_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register DejaVu Sans (regular and bold) as a font family; idempotent and thread-safe.

    There is no italic face in ``resources``: italic maps to the upright faces so that ``<i>``
    never falls back to a base-14 font.
    """
    global _registered
    with _lock:
        if _registered:
            return
        pdfmetrics.registerFont(TTFont(FONT, str(resources.path("fonts", "DejaVuSans.ttf"))))
        pdfmetrics.registerFont(TTFont(FONT_BOLD, str(resources.path("fonts", "DejaVuSans-Bold.ttf"))))
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)
        # registerFontFamily covers the family name; map the bold face's own name too.
        addMapping(FONT_BOLD, 0, 0, FONT_BOLD)
        addMapping(FONT_BOLD, 1, 0, FONT_BOLD)
        addMapping(FONT_BOLD, 0, 1, FONT_BOLD)
        addMapping(FONT_BOLD, 1, 1, FONT_BOLD)
        _registered = True
