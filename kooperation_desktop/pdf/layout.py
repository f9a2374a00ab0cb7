"""The building blocks of the agreement's story: paragraphs of fixed markup or of typed text,
numbered section headings, labels, and tables whose too-tall rows turn into flowing text.

Rules the blocks keep:

* A heading is never left alone at the bottom of a page: conditional page breaks keep room below it
  (:meth:`Layout.lead_in` measures the start of what follows).
* A table row taller than :data:`.style.MAX_ROW_HEIGHT` is printed as flowing paragraphs (a table row
  cannot split over pages).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, TypeAlias
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    KeepTogether,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tables import CellStyle

from .fonts import FONT
from .style import (
    ACCENT,
    CELL_PAD,
    FLOW_START_ROOM,
    FRAME_H,
    FRAME_W,
    HEAD_BG,
    MAX_ROW_HEIGHT,
    RULE,
    paragraph_styles,
)
from .usertext import Paragraph, RenderContext, user_text

__all__ = ["Cell", "Layout", "start_height"]

Cell: TypeAlias = "Flowable | list[Flowable]"  # a table cell: one flowable or several


class _CellStyle(CellStyle):  # type: ignore[misc]  # reportlab ships no type information (Any base)
    """How every cell of the layout's tables is set (instead of six style commands applied to each
    cell of each table): DejaVu Sans (never a base-14 font, not even for an empty cell), top
    aligned, CELL_PAD around the text."""

    fontname = FONT
    valign = "TOP"
    leftPadding = rightPadding = bottomPadding = CELL_PAD
    topPadding = CELL_PAD - 1


class _Table(Table):  # type: ignore[misc]  # reportlab ships no type information (Any base)
    """reportlab's Table that lays out its rows once per width: a table is wrapped to keep it with its
    heading, by KeepTogether and by the frame, each time measuring every cell again. Once all its
    rows fitted in the height asked for, the layout is the same for any height at least as tall
    (reportlab stops measuring early only when the rows overflow the height)."""

    _CALC_STATE = ("_rowHeights", "_rowpositions", "_height", "_hmax")

    def _calc(self, availWidth: float, availHeight: float) -> None:  # reportlab API
        done = self.__dict__.get("_laid_out")
        if done is not None and done[0] == availWidth and done[1] <= availHeight:
            self.__dict__.update(done[2])
            return
        super()._calc(availWidth, availHeight)
        if None not in self._rowHeights and not self._spanCmds and not self._nosplitCmds:
            self._laid_out = (availWidth, self._height, {name: self.__dict__[name] for name in self._CALC_STATE})


class Layout:
    """Makes flowables in one document's styles and numbers its sections; owns the document's
    :class:`.usertext.RenderContext` (its paragraphs are parsed, broken and drawn once each)."""

    def __init__(self, styles: dict[str, ParagraphStyle] | None = None) -> None:
        self.styles = styles or paragraph_styles()
        self.context = RenderContext()
        self.section_no = 0

    def para(self, markup: str, style: str = "body") -> Paragraph:
        """A paragraph of markup the program wrote (escape any text in it)."""
        return Paragraph(markup, self.styles[style], context=self.context)

    def typed(self, value: Any, style: str = "body") -> Paragraph:
        """A paragraph of text the user typed (through :func:`.usertext.user_text`)."""
        return Paragraph(user_text(value), self.styles[style], context=self.context)

    def lines(self, values: Iterable[str], style: str = "cell") -> list[Flowable]:
        """One paragraph per non-empty typed value."""
        return [self.typed(value, style) for value in values if value and value.strip()]

    def heading(self, title: str, keep: bool = True) -> list[Flowable]:
        """A numbered section heading.

        ``keep=True``: at least 40 mm of room below it. ``keep=False``: the caller puts the heading
        through :meth:`lead_in` with the section's first table.
        """
        self.section_no += 1
        heading = self.para(f"{self.section_no}. {escape(title)}", "h2")
        return [CondPageBreak(40 * mm), heading] if keep else [heading]

    def label(self, markup: str) -> list[Flowable]:
        """A small heading over a field; not left alone at the bottom of a page."""
        return [CondPageBreak(25 * mm), self.para(markup, "label")]

    def lead_in(self, headings: list[Flowable], body: list[Flowable]) -> list[Flowable]:
        """Headings followed by a body whose start (a table's header and first row) must stay
        with them; the rest of the body may flow to the next pages."""
        need = 0.0
        for flowable in headings:
            need += flowable.wrap(FRAME_W, FRAME_H)[1] + flowable.getSpaceBefore() + flowable.getSpaceAfter()
        if body:
            need += start_height(body[0])
        need = min(need + 6, FRAME_H * 0.6)
        return [CondPageBreak(need), *headings, *body]

    def table(
        self,
        header: Sequence[str] | None,
        rows: Iterable[Sequence[Cell]],
        widths: Sequence[float],
        row_backgrounds: Sequence[Any] | None = None,
        label_column: bool = False,
    ) -> list[Flowable]:
        """Rows as tables; a row too tall for a table is printed as flowing paragraphs.

        ``header`` holds plain column names (no user text). ``label_column`` marks the first
        column as labels (for key/value tables without a header).
        """
        out: list[Flowable] = []
        chunk: list[list[list[Flowable]]] = []
        chunk_backgrounds: list[Any] = []

        def flush() -> None:
            if chunk:
                out.append(self._make_table(header, chunk, widths, chunk_backgrounds, label_column))
                chunk.clear()
                chunk_backgrounds.clear()

        for index, row in enumerate(rows):
            cells = [cell if isinstance(cell, list) else [cell] for cell in row]
            height = max(
                sum(flowable.wrap(width - 2 * CELL_PAD, FRAME_H * 100)[1] for flowable in cell) + 2 * CELL_PAD
                for cell, width in zip(cells, widths, strict=True)
            )
            background = row_backgrounds[index] if row_backgrounds else None
            if height <= MAX_ROW_HEIGHT:
                chunk.append(cells)
                chunk_backgrounds.append(background)
                continue
            flush()
            out.extend(self._row_as_flow(header, cells))
        flush()
        return out

    def _make_table(self, header: Sequence[str] | None, chunk: list[list[list[Flowable]]],
                    widths: Sequence[float], backgrounds: list[Any], label_column: bool) -> Table:
        data: list[list[Any]] = []
        if header:
            data.append([self.para(escape(name), "cell_head") for name in header])
        data.extend(chunk)
        style: list[tuple[Any, ...]] = [
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
            ("LINEABOVE", (0, 0), (-1, 0), 0.5, RULE),
        ]
        if header:
            style.append(("BACKGROUND", (0, 0), (-1, 0), HEAD_BG))
            style.append(("LINEBELOW", (0, 0), (-1, 0), 1, ACCENT))
        if label_column:
            style.append(("BACKGROUND", (0, 0), (0, -1), HEAD_BG))
        offset = 1 if header else 0
        for index, background in enumerate(backgrounds):
            if background is not None:
                style.append(("BACKGROUND", (1, index + offset), (-1, index + offset), background))
        cells = [[_CellStyle(repr((row, column))) for column in range(len(widths))] for row in range(len(data))]
        return _Table(data, colWidths=list(widths), style=TableStyle(style), repeatRows=offset, hAlign="LEFT",
                      cellStyles=cells)

    def _row_as_flow(self, header: Sequence[str] | None, cells: list[list[Flowable]]) -> list[Flowable]:
        start = HRFlowable(width="100%", thickness=0.5, color=RULE, spaceAfter=4)
        start._flow_start = True  # read by start_height
        flow: list[Flowable] = [start]
        for index, cell in enumerate(cells):
            if header and header[index]:
                flow += self.label(escape(header[index]))
            flow.extend(cell)
            flow.append(Spacer(1, 3))
        flow.append(HRFlowable(width="100%", thickness=0.5, color=RULE, spaceBefore=2, spaceAfter=6))
        return flow


def start_height(flowable: Flowable) -> float:
    """Height of the part of ``flowable`` that should not be separated from a heading above it."""
    if getattr(flowable, "_flow_start", False):
        return float(FLOW_START_ROOM)
    if isinstance(flowable, KeepTogether):
        return float(sum(start_height(part) if index == 0 else part.wrap(FRAME_W, FRAME_H)[1]
                         for index, part in enumerate(flowable._content)))
    height: float = flowable.wrap(FRAME_W, FRAME_H)[1]
    if isinstance(flowable, Table):
        heights = getattr(flowable, "_rowHeights", None) or [height]
        return float(sum(heights[:2]))  # header and first row
    if isinstance(flowable, Paragraph):
        return float(min(height, 4 * flowable.style.leading))
    return float(height)
