"""Registration of the font family the PDFs use: DejaVu Sans (shipped in ``resources/fonts``), and
for the Arabic and Persian texts of the family's copy Noto Sans Arabic (:func:`register_arabic`,
registered only when such a copy is printed, so other PDFs stay as they were).

The PDF base-14 fonts (Helvetica ...) have no glyphs for ğ, ş, ễ, ł or Cyrillic, so they are never used.

Characters outside the Basic Multilingual Plane (the emoji DejaVu Sans draws, e.g. 😊 U+1F60A) print
with their glyph, but reportlab writes their code into the font's ToUnicode map as ``<%04X>``, i.e.
five or six hex digits where a PDF reader expects UTF-16: readers take the first four (``1F60`` =
"ὠ") and copy-paste, search and screen readers get a wrong character. :class:`_TTFont` rewrites
those entries as UTF-16 surrogate pairs (``<D83DDE0A>``), so what is copied is what is printed.
"""

from __future__ import annotations

import re
import threading
from typing import Any

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from kooperation_desktop import assets

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
ARABIC = "NotoSansArabic"  # Arabic letters incl. the presentation forms arabic-reshaper makes; no Latin
ARABIC_BOLD = "NotoSansArabic-Bold"

_lock = threading.Lock()
_BEYOND_BMP = re.compile(r"<([0-9A-F]{2})> <([0-9A-F]{5,6})>")  # a bfchar entry with a code > U+FFFF


def _as_utf16(match: re.Match[str]) -> str:
    code = int(match.group(2), 16)
    return f"<{match.group(1)}> <{chr(code).encode('utf-16-be', 'surrogatepass').hex().upper()}>"


def fix_to_unicode_cmap(cmap: str) -> str:
    """reportlab's ToUnicode CMap with codes beyond U+FFFF written as UTF-16 surrogate pairs."""
    return _BEYOND_BMP.sub(_as_utf16, cmap)


class _TTFont(TTFont):  # type: ignore[misc]  # reportlab ships no type information (Any base)
    """reportlab's TrueType font whose ToUnicode maps are correct beyond the BMP (see above)."""

    def addObjects(self, doc: Any) -> None:  # reportlab API
        super().addObjects(doc)
        for name, obj in list(doc.idToObject.items()):
            if isinstance(name, str) and name.startswith("toUnicodeCMap:") and isinstance(
                    getattr(obj, "content", None), str):
                obj.content = fix_to_unicode_cmap(obj.content)
_registered = False
_arabic_registered = False


def register_fonts() -> None:
    """Register DejaVu Sans (regular and bold) as a font family; idempotent and thread-safe.

    There is no italic face in ``resources``: italic maps to the upright faces so that ``<i>``
    never falls back to a base-14 font.
    """
    global _registered
    with _lock:
        if _registered:
            return
        pdfmetrics.registerFont(_TTFont(FONT, str(assets.path("fonts", "DejaVuSans.ttf"))))
        pdfmetrics.registerFont(_TTFont(FONT_BOLD, str(assets.path("fonts", "DejaVuSans-Bold.ttf"))))
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)
        # registerFontFamily covers the family name; map the bold face's own name too.
        addMapping(FONT_BOLD, 0, 0, FONT_BOLD)
        addMapping(FONT_BOLD, 1, 0, FONT_BOLD)
        addMapping(FONT_BOLD, 0, 1, FONT_BOLD)
        addMapping(FONT_BOLD, 1, 1, FONT_BOLD)
        _registered = True


def register_arabic() -> None:
    """Register Noto Sans Arabic (regular and bold) as a font family; idempotent and thread-safe."""
    global _arabic_registered
    register_fonts()
    with _lock:
        if _arabic_registered:
            return
        pdfmetrics.registerFont(_TTFont(ARABIC, str(assets.path("fonts", "NotoSansArabic-Regular.ttf"))))
        pdfmetrics.registerFont(_TTFont(ARABIC_BOLD, str(assets.path("fonts", "NotoSansArabic-Bold.ttf"))))
        pdfmetrics.registerFontFamily(ARABIC, normal=ARABIC, bold=ARABIC_BOLD, italic=ARABIC,
                                      boldItalic=ARABIC_BOLD)
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(ARABIC_BOLD, bold, italic, ARABIC_BOLD)
        _arabic_registered = True
