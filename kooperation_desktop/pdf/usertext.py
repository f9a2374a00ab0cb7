"""The one road of every user-typed string into every PDF (agreement, family summary, review,
closing report, the seal's stamp).

* :func:`plain_text` — for text drawn directly on the canvas (footers, the stamp, metadata):
  NFC-normalised (combining marks typed separately become the one precomposed letter the font
  has: reportlab does not position marks), line breaks normalised, tabs as spaces, control
  characters dropped, Arabic shaped and right-to-left lines put in reading order, and characters
  the font lacks replaced by U+FFFD "�" — the same visible placeholder in the print and in the
  copied text, never a missing-glyph box.
* :func:`user_text` — the same in logical order, escaped as Paragraph markup (``<b>`` prints as
  typed), line breaks kept. Every Paragraph holding user text is built from it.
* :class:`Paragraph` — the Paragraph every PDF module uses: it puts right-to-left text in reading
  order per printed line, after wrapping (so a wrapped phrase starts on the right line). With the
  :class:`RenderContext` of its rendering it parses a markup once per style, breaks its lines once
  per width and draws it once per width (the layout asks for each several times per paragraph,
  and many cells are equal; this was most of an export's time).

Characters outside the Basic Multilingual Plane (e.g. the emoji DejaVu Sans has) print with their
glyph and copy out correctly: :mod:`.fonts` writes them into the font's ToUnicode map as UTF-16
surrogate pairs (reportlab writes a truncated code there).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from types import MappingProxyType
from typing import Any
from xml.sax.saxutils import escape

import arabic_reshaper
from bidi import get_display
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph as _Paragraph
from reportlab.platypus.paraparser import ParaParser

from .fonts import FONT, FONT_BOLD, register_fonts

__all__ = ["Paragraph", "RenderContext", "plain_text", "user_text"]

_RTL = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]"
)


@functools.cache  # a fact of the shipped fonts, the same for the whole process
def covered() -> frozenset[int]:
    """Code points both DejaVu faces have a glyph for."""
    register_fonts()
    regular = set(pdfmetrics.getFont(FONT).face.charToGlyph)
    bold = set(pdfmetrics.getFont(FONT_BOLD).face.charToGlyph)
    return frozenset(regular & bold)


def _shape(line: str) -> str:
    """Arabic letters in their joined forms (logical order kept)."""
    if not _RTL.search(line):
        return line
    try:
        shaped: str = arabic_reshaper.reshape(line)
        return shaped
    except Exception:  # noqa: BLE001 - a shaping failure must not stop the print
        return line


def _visual_line(line: str) -> str:
    """A line containing right-to-left script in reading order (for one line drawn as is)."""
    if not _RTL.search(line):
        return line
    try:
        visual: str = get_display(line)
        return visual
    except Exception:  # noqa: BLE001 - keep logical order rather than stop the print
        return line


def _prepared(value: Any) -> str:
    """Sanitised, NFC, shaped text in logical order; characters the font lacks as U+FFFD."""
    text = "" if value is None else str(value)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    # judged per distinct character: a text has far fewer of them than characters
    dropped = {ch for ch in set(text) if ch != "\n" and unicodedata.category(ch) in ("Cc", "Cs")}
    if dropped:
        text = "".join(ch for ch in text if ch not in dropped)
    text = unicodedata.normalize("NFC", text)
    if _RTL.search(text):
        text = "\n".join(_shape(line) for line in text.split("\n"))
    glyphs = covered()
    replaced: dict[str, str | int | None] = {}
    for ch in set(text):
        if ch == "\n" or ord(ch) in glyphs:
            continue
        parts = unicodedata.normalize("NFD", ch)
        if len(parts) > 1 and all(ord(x) in glyphs for x in parts):
            replaced[ch] = parts  # no precomposed glyph, but the letter and its marks
            continue
        cat = unicodedata.category(ch)
        if cat.startswith("Z"):
            replaced[ch] = " "
        elif cat.startswith(("C", "M")):
            replaced[ch] = ""  # invisible format characters, unknown combining marks
        else:
            replaced[ch] = "\ufffd"
    return text.translate(str.maketrans(replaced)) if replaced else text


def plain_text(value: Any) -> str:
    """User text made printable for drawing directly on the canvas, one line as it is (footers,
    the stamp): see the module docstring; right-to-left lines in reading order. No escaping."""
    return "\n".join(_visual_line(line) for line in _prepared(value).split("\n"))


def user_text(value: Any) -> str:
    """User text as Paragraph markup that prints exactly as typed (escaped, line breaks kept),
    for :class:`Paragraph` (which puts right-to-left text in reading order line by line)."""
    return escape(_prepared(value)).replace("\n", "<br/>")


# --- right-to-left text in wrapped paragraphs ---------------------------------------------------
# The reading order is made per printed line, after reportlab wrapped the logical text: made
# before wrapping, a right-to-left phrase that wraps would start on the wrong line. Word-level
# rules of the Unicode bidi algorithm (runs of words by direction, numbers and neutral words
# resolved by their neighbours, runs reversed by level); inside a word python-bidi orders letters.


def _direction(token: str) -> str:
    """"R" (right-to-left letters), "L" (left-to-right letters), "N" (numbers), "O" (other)."""
    number = False
    for ch in token:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return "R"
        if kind == "L":
            return "L"
        number = number or kind in ("EN", "AN")
    return "N" if number else "O"


def _levels(kinds: list[str], base: int) -> list[int]:
    strong = [k if k in ("L", "R") else None for k in kinds]
    resolved: list[str] = []
    for i, k in enumerate(kinds):
        if k in ("L", "R"):
            resolved.append(k)
            continue
        before = next((s for s in reversed(strong[:i]) if s), "R" if base else "L")
        if k == "N":  # numbers keep their digits left to right; they belong to the run before them
            resolved.append("EN_R" if before == "R" else "L")
            continue
        after = next((s for s in strong[i + 1:] if s), "R" if base else "L")
        resolved.append(before if before == after else ("R" if base else "L"))
    levels = []
    for r in resolved:
        if r == "R":
            levels.append(1)
        elif r == "EN_R":
            levels.append(2)
        else:
            levels.append(2 if base else 0)
    return levels


def _visual_order(kinds: list[str], base: int) -> list[tuple[int, bool]]:
    """(index, right to left?) of the tokens in the order they are drawn, left to right."""
    levels = _levels(kinds, base)
    order = list(range(len(kinds)))
    for level in range(max(levels, default=0), 0, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] >= level:
                j = i
                while j < len(order) and levels[order[j]] >= level:
                    j += 1
                order[i:j] = reversed(order[i:j])
                i = j
            else:
                i += 1
    return [(i, levels[i] % 2 == 1) for i in order]


# Brackets drawn in a right-to-left run show their mirror image (Unicode's Bidi_Mirrored pairs);
# python-bidi 0.6 (the Rust one) reverses the letters but does not mirror them.
_MIRRORED = MappingProxyType(str.maketrans("()[]{}<>«»‹›", ")(][}{><»«›‹"))  # read-only: no module state
_BIDI_MIRRORS = get_display("(", base_dir="R") == ")"


def _letters(token: str, rtl: bool) -> str:
    """A token's characters as drawn: in a right-to-left run reversed, brackets mirrored."""
    if not rtl:
        return token
    try:
        drawn: str = get_display(token, base_dir="R")
    except Exception:  # noqa: BLE001 - keep logical order rather than stop the print
        return token
    return drawn if _BIDI_MIRRORS else drawn.translate(_MIRRORED)


def _base(text: str) -> int:
    kind = next((k for k in map(_direction, text) if k in ("L", "R")), "L")
    return 1 if kind == "R" else 0


class RenderContext:
    """What one rendering of a PDF keeps about its paragraphs, owned by that rendering (the
    agreement's :class:`.layout.Layout`, the review report) and freed with it — no module state:

    * each markup is parsed once per style (the same cell text — "–", a GAS level, a column head —
      is made many times in one document; later copies get copies of the parsed fragments);
    * its lines are broken once per width (identical paragraphs share the result);
    * it is drawn once per width: an identical paragraph drawn again appends the same page
      operators (a flowable draws relative to its own origin, so the operators are the same).

    Pass it to every :class:`Paragraph` of the rendering (``context=``); a paragraph without one
    is reportlab's plain Paragraph (with the reading order of right-to-left lines)."""

    __slots__ = ("_parsed", "_plain")

    def __init__(self) -> None:
        self._parsed: dict[Any, dict[str, _Shared]] = {}  # style -> markup -> what its paragraphs share
        self._plain: dict[Any, Any] = {}  # style -> the fragment reportlab parses from text without markup

    def plain_fragment(self, style: Any, text: str) -> Any:
        """The fragment reportlab's parser makes of ``text`` (no markup, no entity, not empty) in
        ``style``: the parse of such a text differs only in its text, so it is parsed once per style."""
        template = self._plain.get(style)
        if template is None:
            parser = ParaParser()
            _style, frags, _bullet = parser.parse("x", style)
            template = self._plain[style] = frags[0]
        return template.clone(text=text)

    def shared(self, style: Any, markup: str) -> _Shared | None:
        return self._parsed.get(style, {}).get(markup)

    def remember(self, style: Any, markup: str, shared: _Shared) -> None:
        self._parsed.setdefault(style, {})[markup] = shared

    def __len__(self) -> int:
        """How many different paragraphs it holds."""
        return sum(len(known) for known in self._parsed.values())


class _Shared:
    """What the paragraphs of one markup in one style share within a rendering."""

    __slots__ = ("drawn", "frags", "layouts", "replayable", "text")

    def __init__(self, text: str, frags: list[Any]) -> None:
        self.text = text  # the cleaned markup
        self.frags = frags  # parsed; each paragraph gets clones
        self.layouts: dict[float, dict[str, Any]] = {}  # width -> the state Paragraph.wrap leaves
        self.drawn: dict[float, tuple[Any, list[str]]] = {}  # width -> (the PDF document, page operators)
        # only page operators: no link annotation, underline or callback that draws outside them
        self.replayable = not any(getattr(frag, "link", None) or getattr(frag, "us_lines", None)
                                  or hasattr(frag, "cbDefn") for frag in frags)


class Paragraph(_Paragraph):  # type: ignore[misc]  # reportlab ships no type information (Any base)
    """reportlab's Paragraph that draws right-to-left text in reading order per wrapped line
    (logical lines as reportlab wrapped them; only the drawing order changes, so widths, page
    splits and the copied text stay right). With a :class:`RenderContext` it parses, breaks and
    draws each distinct paragraph of the rendering once."""

    # What Paragraph.wrap leaves on the paragraph; it depends only on the text, the style and the width.
    _WRAP_STATE = ("width", "height", "blPara", "_wrapWidths", "_width_max", "_splitLongWordCount", "_hyphenations")

    def __init__(self, text: Any, style: Any = None, bulletText: Any = None, frags: Any = None,
                 caseSensitive: int = 1, encoding: str = "utf8", *, context: RenderContext | None = None) -> None:
        self._context = context
        super().__init__(text, style, bulletText, frags, caseSensitive, encoding)

    def _setup(self, text: Any, style: Any, bulletText: Any, frags: Any, cleaner: Any) -> None:  # reportlab API
        self._layouts: dict[float, dict[str, Any]] = {}
        self._shared: _Shared | None = None
        context = self.__dict__.get("_context")
        if context is None or frags is not None or bulletText is not None or not isinstance(text, str):
            super()._setup(text, style, bulletText, frags, cleaner)
            return
        shared = context.shared(style, text)
        if shared is None:
            cleaned = cleaner(text)
            if cleaned and "<" not in text and "&" not in text and not style.textTransform:
                super()._setup(cleaned, style, None, [context.plain_fragment(style, cleaned)], cleaner)
            else:
                super()._setup(text, style, bulletText, frags, cleaner)
            if self.style is style:  # not a style changed by <para> attributes
                self._shared = _Shared(self.text, [frag.clone() for frag in self.frags])
                self._layouts = self._shared.layouts
                context.remember(style, text, self._shared)
            return
        super()._setup(shared.text, style, None, [frag.clone() for frag in shared.frags], cleaner)
        self._shared, self._layouts = shared, shared.layouts

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # reportlab API
        """Break the lines once per width: a table cell is wrapped to measure its row, by the table,
        by the frame and again when the table draws it; identical paragraphs share the result."""
        layouts: dict[float, dict[str, Any]] = self.__dict__.setdefault("_layouts", {})
        state = layouts.get(availWidth)
        if state is not None:
            self.__dict__.update(state)
            return self.width, self.height
        before = self.__dict__.get("blPara")
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        if self.__dict__.get("blPara") is not before:  # the lines were broken (not a too narrow width)
            layouts[availWidth] = {name: self.__dict__[name] for name in self._WRAP_STATE if name in self.__dict__}
        return size

    def drawPara(self, debug: int = 0) -> Any:  # reportlab API
        """Draw (right-to-left lines in reading order); an identical paragraph of the same width
        drawn before in this document appends the operators it drew."""
        shared: _Shared | None = self.__dict__.get("_shared")
        state = shared.layouts.get(self.width) if shared is not None and not debug else None
        if (shared is None or state is None or not shared.replayable
                or state.get("blPara") is not self.__dict__.get("blPara")):
            return self._draw_lines(debug)
        canvas = self.canv
        done = shared.drawn.get(self.width)
        if done is not None and done[0] is canvas._doc:  # same document: its font subsets know the text
            canvas._code.extend(done[1])
            return None
        start = len(canvas._code)
        result = self._draw_lines(debug)
        shared.drawn[self.width] = (canvas._doc, canvas._code[start:])
        return result

    def _draw_lines(self, debug: int) -> Any:
        bl = getattr(self, "blPara", None)
        if bl is None or not any(_RTL.search(_line_text(bl.kind, line)) for line in bl.lines):
            return super().drawPara(debug)
        saved = bl.lines
        bl.lines = _visual_lines(bl.kind, saved)
        try:
            return super().drawPara(debug)
        finally:
            bl.lines = saved


def _line_text(kind: int, line: Any) -> str:
    if kind == 0:
        return " ".join(str(w) for w in line[1])
    return "".join(getattr(f, "text", "") for f in line.words)


def _visual_lines(kind: int, lines: list[Any]) -> list[Any]:
    out: list[Any] = []
    base: int | None = None
    for n, line in enumerate(lines):
        if base is None:  # a typed line (up to a line break) has one direction, from its first letter
            text = ""
            for later in lines[n:]:
                text += " " + _line_text(kind, later)
                if kind == 0 or getattr(later, "lineBreak", False):
                    break
            base = _base(text)
        if kind == 0:
            words = [str(w) for w in line[1]]
            kinds = [_direction(w) for w in words]
            out.append((line[0], [_letters(words[i], rtl) for i, rtl in _visual_order(kinds, base)]))
            continue
        tokens: list[tuple[Any, str | None]] = []
        for frag in line.words:
            frag_text = getattr(frag, "text", None)
            if not isinstance(frag_text, str) or hasattr(frag, "cbDefn") or not frag_text:
                tokens.append((frag, None))
                continue
            tokens += [(frag, t) for t in re.split(r"( +)", frag_text) if t]
        kinds = [_direction(t) if t is not None else "O" for _f, t in tokens]
        frags: list[Any] = []
        for i, rtl in _visual_order(kinds, base):
            frag, token = tokens[i]
            frags.append(frag if token is None else frag.clone(text=_letters(token, rtl)))
        out.append(line.clone(words=frags))
        if getattr(line, "lineBreak", False):
            base = None
    return out
