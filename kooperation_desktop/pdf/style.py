"""What every PDF of the program shares: the page geometry (A4, margins, the printable area, room
for the seal stamp on page 1), the colours and the paragraph styles (DejaVu Sans only)."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from kooperation_desktop.signing.seal import STAMP_H, STAMP_TOP_MM

from .fonts import FONT, FONT_BOLD

# --- page geometry ------------------------------------------------------------------------

PAGE_W, PAGE_H = A4
MARGIN_L = MARGIN_R = 20 * mm
MARGIN_T = 18 * mm
MARGIN_B = 24 * mm
FRAME_W = PAGE_W - MARGIN_L - MARGIN_R
FRAME_H = PAGE_H - MARGIN_T - MARGIN_B
# Every mark on every page (text, rules, the seal stamp) stays this far inside the paper's edge:
# most printers cannot print the outer 4-5 mm (tests/test_pdf_margins.py checks the rendered pages).
PRINT_SAFE = 10 * mm
# Page 1 of an agreement leaves room above its text for the seal stamp (signing/seal.py)
FIRST_MARGIN_T = STAMP_TOP_MM * mm + STAMP_H + 3 * mm
FIRST_FRAME_H = PAGE_H - FIRST_MARGIN_T - MARGIN_B
CELL_PAD = 5
# Room wanted below a heading when a section starts with flowing text instead of a table.
FLOW_START_ROOM = 45 * mm
# A table row taller than this is printed as flowing paragraphs (rows cannot split over pages).
MAX_ROW_HEIGHT = FRAME_H * 0.4


def a4_document(out: object, *, title: str, subject: str, keywords: str, lang: str) -> BaseDocTemplate:
    """A document of the program written to ``out``: A4 with these margins, DejaVu Sans, no names in
    the metadata (it leaks into file indexes), and two page templates: "first" leaves room for the
    seal stamp, every later page is "page". ``keywords``: the claim "PDF prüfen" reads back."""
    doc = BaseDocTemplate(
        out, pagesize=A4, leftMargin=MARGIN_L, rightMargin=MARGIN_R, topMargin=MARGIN_T, bottomMargin=MARGIN_B,
        title=title, author="Kooperation Desktop", subject=subject, creator="Kooperation Desktop",
        keywords=keywords, lang=lang, initialFontName=FONT, displayDocTitle=1)
    frame = Frame(MARGIN_L, MARGIN_B, FRAME_W, FRAME_H, id="body", leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0)
    first = Frame(MARGIN_L, MARGIN_B, FRAME_W, FIRST_FRAME_H, id="first", leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="first", frames=[first], autoNextPageTemplate="page"),
                          PageTemplate(id="page", frames=[frame])])
    return doc


# --- colours ------------------------------------------------------------------------------

INK = colors.HexColor("#1A1A1A")
MUTED = colors.HexColor("#555555")
ACCENT = colors.HexColor("#1F4E79")
RULE = colors.HexColor("#9AA7B4")
HEAD_BG = colors.HexColor("#E6EDF4")
DRAFT_RED = colors.HexColor("#B00020")
BASELINE_BG = colors.HexColor("#FFF4CC")
TARGET_BG = colors.HexColor("#DCEFD9")

# --- paragraph styles ---------------------------------------------------------------------


def paragraph_styles() -> dict[str, ParagraphStyle]:
    """The styles of the agreement (and the review reports), new objects on every call: one set per
    document (what a :class:`.usertext.RenderContext` keeps is per style object)."""
    base = ParagraphStyle(
        "body", fontName=FONT, fontSize=11, leading=15, textColor=INK, alignment=TA_LEFT,
        spaceAfter=4, splitLongWords=1,
    )
    styles: dict[str, ParagraphStyle] = {"body": base}
    styles["cell"] = ParagraphStyle("cell", parent=base, spaceAfter=0)
    styles["cell_bullet"] = ParagraphStyle("cell_bullet", parent=styles["cell"], leftIndent=9,
                                           firstLineIndent=-9, spaceAfter=2)
    styles["cell_bold"] = ParagraphStyle("cell_bold", parent=styles["cell"], fontName=FONT_BOLD)
    styles["cell_head"] = ParagraphStyle("cell_head", parent=styles["cell"], fontName=FONT_BOLD, textColor=ACCENT)
    styles["cell_muted"] = ParagraphStyle("cell_muted", parent=styles["cell"], textColor=MUTED)
    styles["label"] = ParagraphStyle("label", parent=base, fontName=FONT_BOLD, textColor=ACCENT, spaceAfter=1)
    styles["indent"] = ParagraphStyle("indent", parent=base, leftIndent=6 * mm)
    styles["title"] = ParagraphStyle("title", parent=base, fontName=FONT_BOLD, fontSize=24, leading=29,
                                     textColor=ACCENT, spaceAfter=2)
    styles["subtitle"] = ParagraphStyle("subtitle", parent=base, fontSize=14, leading=19, spaceAfter=8)
    styles["h2"] = ParagraphStyle("h2", parent=base, fontName=FONT_BOLD, fontSize=15, leading=20,
                                  textColor=ACCENT, spaceBefore=14, spaceAfter=6)
    styles["h3"] = ParagraphStyle("h3", parent=base, fontName=FONT_BOLD, fontSize=12.5, leading=17,
                                  spaceBefore=8, spaceAfter=3)
    # No keepWithNext anywhere: reportlab keeps a heading with the *whole* next flowable and so
    # pushes a long paragraph or table to the next page. Headings are protected by conditional
    # page breaks instead (see Layout.lead_in).
    styles["draft"] = ParagraphStyle("draft", parent=base, fontName=FONT_BOLD, fontSize=18, leading=22,
                                     textColor=DRAFT_RED, spaceAfter=2)
    styles["draft_note"] = ParagraphStyle("draft_note", parent=base, textColor=DRAFT_RED, spaceAfter=0)
    styles["sig"] = ParagraphStyle("sig", parent=base, fontSize=10, leading=13, textColor=MUTED, spaceAfter=0)
    return styles
