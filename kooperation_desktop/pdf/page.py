"""The page decoration every PDF shares: the footer (document, version, hash or "Entwurf") with
„Seite x von y“, and on drafts the word ENTWURF at the top right of each page.

reportlab only knows the number of pages at the end, so :func:`numbered_canvas` makes a canvas
class that keeps each page until the document is saved and then draws every footer."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from kooperation_desktop.domain import rules
from kooperation_desktop.domain.model import Agreement, AgreementStatus, Case

from .fonts import FONT, FONT_BOLD
from .style import DRAFT_RED, MARGIN_B, MARGIN_L, MARGIN_R, MUTED, PAGE_H, PAGE_W, RULE
from .texts import Texts, language_of
from .usertext import plain_text

__all__ = ["agreement_footer", "numbered_canvas"]


def numbered_canvas(footer_left: str, footer_second: str, draft: bool, texts: Texts | None = None) -> type[Canvas]:
    """A canvas class (for ``doc.build(canvasmaker=…)``) that draws the footer on every page."""
    tr = texts or Texts("de")

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no type information (Any base)
        """Defers page output until the page count is known, then draws each page's footer."""

        def __init__(self, *args: Any, **kwargs: Any):
            kwargs["initialFontName"] = FONT
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # reportlab API
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:  # reportlab API
            total = len(self._saved_pages)
            for state in self._saved_pages:
                self.__dict__.update(state)
                self._draw_decoration(total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _draw_decoration(self, total: int) -> None:
            self.saveState()
            baseline = MARGIN_B - 8.5 * mm  # the second line's descenders stay above style.PRINT_SAFE
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN_L, baseline + 11, PAGE_W - MARGIN_R, baseline + 11)
            self.setFillColor(MUTED)
            self.setFont(FONT, 8.5)
            self.drawString(MARGIN_L, baseline, footer_left)
            self.setFont(FONT_BOLD, 9)
            self.drawRightString(PAGE_W - MARGIN_R, baseline,
                                 tr("Seite {page} von {total}", page=self._pageNumber, total=total))
            self.setFont(FONT, 8)
            if draft:
                self.setFillColor(DRAFT_RED)
            self.drawString(MARGIN_L, baseline - 11, footer_second)
            if draft:
                self.setFont(FONT_BOLD, 11)
                self.setFillColor(DRAFT_RED)
                self.drawRightString(PAGE_W - MARGIN_R, PAGE_H - 14 * mm, tr("ENTWURF"))
            self.restoreState()

    return NumberedCanvas


def agreement_footer(case: Case, agreement: Agreement, texts: Texts | None = None) -> tuple[str, str, bool]:
    """(first line, second line, is a draft) of an agreement's footer."""
    tr = texts or Texts(language_of(agreement))
    draft = agreement.status == AgreementStatus.DRAFT
    doc_id = plain_text(agreement.document_id).replace("\n", " ")[:60] or "–"
    left = tr("Kooperationsvereinbarung {doc} · Version {version}", doc=doc_id, version=agreement.version)
    if draft:
        second = tr("Entwurf – nicht abgeschlossen")
    else:
        second = f"SHA-256: {agreement.content_hash or rules.content_hash(case, agreement)}"
    return left, second, draft
