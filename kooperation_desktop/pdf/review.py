"""Review PDF (Überprüfung) and closing report PDF (Abschlussbericht) of the follow-up.

Reuses the agreement PDF's fonts, styles (:mod:`.style`), escaping and page footer (:mod:`.page`); the charts are
drawn with reportlab graphics shapes in DejaVu Sans (never a base-14 font). No names in the metadata.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from ..domain.labels import format_date
from ..domain.model import Agreement, Case, ScaleKind
from ..followup.gas import WEIGHTING_NOTE, baseline_t_score, format_level, format_t, review_t_score
from ..followup.model import IndicatorRating, Rater, Reflection, Review, TransitionPlan
from ..followup.reflection import (
    CONDITIONS,
    format_mean,
    lowest_conditions,
)
from .fonts import FONT, register_fonts
from .page import numbered_canvas
from .style import (
    ACCENT,
    FRAME_H,
    FRAME_W,
    HEAD_BG,
    MARGIN_B,
    MARGIN_L,
    MARGIN_R,
    MARGIN_T,
    MUTED,
    RULE,
    TARGET_BG,
    paragraph_styles,
)
from .usertext import Paragraph, RenderContext, plain_text, user_text

__all__ = ["render_closing_report_bytes", "render_review_bytes"]

CLIENT_COLOR = colors.HexColor("#C05A00")  # the family's voice
PRO_COLOR = colors.HexColor("#1F4E79")  # the professional's voice
BASE_COLOR = colors.HexColor("#8A8A8A")
SESSION_COLORS = [colors.HexColor(c) for c in ("#B8C4D0", "#7F9BB5", "#1F4E79")]


def _value_text(r: IndicatorRating, value: int | None) -> str:
    if value is None:
        return "–"
    if r.scale == ScaleKind.GAS:
        level = r.level_texts[value + 2].strip() if len(r.level_texts) == 5 else ""
        return f"{format_level(value)}" + (f" ({level})" if level else "")
    return f"{value} von 10"


def _indicator_key(r: IndicatorRating) -> tuple[str, str]:
    return (" ".join(r.goal_title.split()), " ".join(r.indicator_text.split()))


# --- charts --------------------------------------------------------------------------------


@dataclass(slots=True)
class Series:
    label: str
    color: Any
    values: Sequence[float | None]  # one per x position
    dashed: bool = False


def line_chart(x_labels: Sequence[str], series: Sequence[Series], y_min: float, y_max: float,
               y_ticks: Sequence[float], width: float, height: float, reference: float | None = None,
               y_format: Any = str) -> Drawing:
    """A small line chart: x positions evenly spaced, a legend on top."""
    d = Drawing(width, height)
    left, right, bottom, top = 34, 10, 28, 22
    pw, ph = width - left - right, height - bottom - top

    def x_at(i: int) -> float:
        n = max(len(x_labels) - 1, 1)
        return left + (pw * i / n if len(x_labels) > 1 else pw / 2)

    def y_at(v: float) -> float:
        return bottom + ph * (v - y_min) / (y_max - y_min)

    d.add(Rect(left, bottom, pw, ph, fillColor=colors.white, strokeColor=RULE, strokeWidth=0.5))
    for t in y_ticks:
        y = y_at(t)
        d.add(Line(left, y, left + pw, y, strokeColor=colors.HexColor("#E3E8EE"), strokeWidth=0.5))
        d.add(String(left - 4, y - 3, y_format(t), fontName=FONT, fontSize=7, fillColor=MUTED, textAnchor="end"))
    if reference is not None:
        y = y_at(reference)
        d.add(Line(left, y, left + pw, y, strokeColor=colors.HexColor("#4C9A2A"), strokeWidth=0.8,
                   strokeDashArray=[3, 2]))
    step = max(1, math.ceil(len(x_labels) / 8))
    for i, lab in enumerate(x_labels):
        if i % step == 0 or i == len(x_labels) - 1:
            d.add(String(x_at(i), bottom - 11, lab, fontName=FONT, fontSize=7, fillColor=MUTED, textAnchor="middle"))
    lx: float = left
    for s in series:
        d.add(Line(lx, height - 9, lx + 14, height - 9, strokeColor=s.color, strokeWidth=2,
                   strokeDashArray=[3, 2] if s.dashed else None))
        d.add(String(lx + 18, height - 12, s.label, fontName=FONT, fontSize=7.5, fillColor=colors.black))
        lx += 26 + 4.3 * len(s.label)
        points = [(x_at(i), y_at(v)) for i, v in enumerate(s.values) if v is not None]
        flat = [c for p in points for c in p]
        if len(points) > 1:
            d.add(PolyLine(flat, strokeColor=s.color, strokeWidth=1.6, strokeDashArray=[3, 2] if s.dashed else None))
        for x, y in points:
            d.add(Rect(x - 2.2, y - 2.2, 4.4, 4.4, fillColor=s.color, strokeColor=s.color))
    return d


def radar_chart(sessions: Sequence[tuple[str, dict[str, float]]], size: float) -> Drawing:
    """Radar of the ten conditions (1–5), one polygon per session (the last one strongest)."""
    legend_h = 12 * len(sessions) + 4
    d = Drawing(size + 120, size + 8 + legend_h)
    cx, cy, radius = (size + 120) / 2, size / 2 + legend_h, size / 2 - 22
    n = len(CONDITIONS)

    def point(i: int, v: float) -> tuple[float, float]:
        angle = math.pi / 2 - 2 * math.pi * i / n
        r = radius * (v - 0) / 5
        return cx + r * math.cos(angle), cy + r * math.sin(angle)

    for level in range(1, 6):
        ring = [c for i in range(n) for c in point(i, level)]
        d.add(Polygon(ring, fillColor=None, strokeColor=colors.HexColor("#D5DCE3"), strokeWidth=0.5))
    for i, c in enumerate(CONDITIONS):
        x, y = point(i, 5)
        d.add(Line(cx, cy, x, y, strokeColor=colors.HexColor("#D5DCE3"), strokeWidth=0.5))
        lx, ly = point(i, 5.75)
        anchor = "middle" if abs(lx - cx) < 8 else ("start" if lx > cx else "end")
        d.add(String(lx, ly - 3, f"{c.key}  {c.short}" if anchor != "end" else f"{c.short}  {c.key}",
                     fontName=FONT, fontSize=7, fillColor=colors.black, textAnchor=anchor))
    palette = SESSION_COLORS[-len(sessions):] if sessions else []
    for (_label, means), color in zip(sessions, palette, strict=False):
        pts = [c for i, cond in enumerate(CONDITIONS) for c in point(i, means.get(cond.key, 0))]
        d.add(Polygon(pts, fillColor=colors.Color(color.red, color.green, color.blue, alpha=0.15),
                      strokeColor=color, strokeWidth=1.6))
    for k, ((label, _), color) in enumerate(zip(sessions, palette, strict=False)):
        x = cx - 40 + 0 * k
        y = legend_h - 12 * (k + 1)
        d.add(Rect(x, y, 9, 6, fillColor=color, strokeColor=color))
        d.add(String(x + 13, y, f"Reflexion vom {label}", fontName=FONT, fontSize=7.5, fillColor=colors.black))
    return d


# --- shared builders -----------------------------------------------------------------------------


class _Doc:
    def __init__(self) -> None:
        register_fonts()
        self.s = paragraph_styles()
        self.context = RenderContext()  # this report's paragraphs, parsed, broken and drawn once each
        self.story: list[Flowable] = []

    def p(self, markup: str, style: str = "body") -> Paragraph:
        return Paragraph(markup, self.s[style], context=self.context)

    def u(self, value: Any, style: str = "body") -> Paragraph:
        return Paragraph(user_text(value), self.s[style], context=self.context)

    def h2(self, title: str, need: float = 45 * mm) -> None:
        self.story += [CondPageBreak(need), self.p(escape(title), "h2")]

    def table(self, header: Sequence[str] | None, rows: list[list[Any]], widths: Sequence[float],
              label_column: bool = False) -> Table:
        data: list[list[Any]] = []
        if header:
            data.append([self.p(escape(h), "cell_head") for h in header])
        data += rows
        style = [("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                 ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE), ("TOPPADDING", (0, 0), (-1, -1), 4),
                 ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]
        if header:
            style += [("BACKGROUND", (0, 0), (-1, 0), HEAD_BG), ("LINEBELOW", (0, 0), (-1, 0), 1, ACCENT)]
        if label_column:
            style.append(("BACKGROUND", (0, 0), (0, -1), HEAD_BG))
        # splitInRow: a row taller than a page (long texts typed into it) flows on over pages
        return Table(data, colWidths=list(widths), style=TableStyle(style), repeatRows=1 if header else 0,
                     hAlign="LEFT", splitInRow=1)

    def box(self, title: str, text: str, fill: Any = TARGET_BG) -> None:
        inner = [self.p(f"<b>{escape(title)}</b>", "cell"), self.u(text or "–", "cell")]
        self.story.append(Table([[inner]], colWidths=[FRAME_W], hAlign="LEFT", style=TableStyle([
            ("BACKGROUND", (0, 0), (-1, -1), fill), ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 8)])))
        self.story.append(Spacer(1, 6))

    def text_block(self, label: str, text: str) -> None:
        self.story += [CondPageBreak(20 * mm), self.p(f"<b>{escape(label)}</b>", "label"),
                       self.u(text.strip() or "–"), Spacer(1, 2)]

    def build(self, title: str, footer_left: str, footer_second: str) -> bytes:
        buf = io.BytesIO()
        doc = BaseDocTemplate(buf, pagesize=A4, leftMargin=MARGIN_L, rightMargin=MARGIN_R, topMargin=MARGIN_T,
                              bottomMargin=MARGIN_B, title=title, author="Kooperation Desktop", subject=title,
                              creator="Kooperation Desktop", lang="de-DE", initialFontName=FONT,
                              displayDocTitle=1)
        frame = Frame(MARGIN_L, MARGIN_B, FRAME_W, FRAME_H, id="body", leftPadding=0, rightPadding=0,
                      topPadding=0, bottomPadding=0)
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        doc.build(self.story, canvasmaker=numbered_canvas(footer_left, footer_second, False))
        return buf.getvalue()

    # -- follow-up sections ----------------------------------------------------------------

    def t_section(self, reviews: Sequence[Review], current: Review | None) -> None:
        self.h2("Zielerreichung (T-Wert)")
        ratings = (current or (reviews[-1] if reviews else Review())).ratings
        base = baseline_t_score(ratings)
        if current is not None:
            rows = [[self.p(escape(label), "cell_bold"), self.p(format_t(review_t_score(current, rater)), "cell")]
                    for rater, label in ((Rater.CLIENT, "Einschätzung der Familie"),
                                         (Rater.PROFESSIONAL, "Einschätzung der Fachkraft"))]
            rows.append([self.p("Ausgangslage (zu Beginn)", "cell_bold"), self.p(format_t(base), "cell")])
            self.story.append(self.table(None, rows, [70 * mm, 30 * mm], label_column=True))
            self.story.append(Spacer(1, 4))
        self.story.append(self.p(escape(WEIGHTING_NOTE), "cell_muted"))
        dated = [r for r in reviews if r.held_on is not None]
        if dated:
            labels = ["Beginn"] + [format_date(r.held_on) for r in dated]
            series = [Series("Familie", CLIENT_COLOR, [base] + [review_t_score(r, Rater.CLIENT) for r in dated]),
                      Series("Fachkraft", PRO_COLOR, [base] + [review_t_score(r, Rater.PROFESSIONAL) for r in dated])]
            values = [v for s in series for v in s.values if v is not None]
            lo = min([30.0] + values)
            hi = max([70.0] + values)
            lo, hi = math.floor(lo / 10) * 10, math.ceil(hi / 10) * 10
            self.story += [Spacer(1, 4), line_chart(labels, series, lo, hi, list(range(int(lo), int(hi) + 1, 10)),
                                                    FRAME_W, 58 * mm, reference=50,
                                                    y_format=lambda v: f"{v:.0f}"),
                           self.p("Gestrichelte grüne Linie: T = 50, das erwartete Ergebnis.", "cell_muted")]

    def indicator_charts(self, reviews: Sequence[Review]) -> None:
        dated = [r for r in reviews if r.held_on is not None]
        if not dated:
            return
        self.h2("Verlauf je Indikator", need=80 * mm)
        keys: list[tuple[str, str]] = []
        info: dict[tuple[str, str], IndicatorRating] = {}
        for r in dated:
            for x in r.ratings:
                k = _indicator_key(x)
                if k not in info:
                    keys.append(k)
                info[k] = x
        labels = ["Beginn"] + [format_date(r.held_on) for r in dated]
        for n, k in enumerate(keys, start=1):
            ref = info[k]
            by_review = [{_indicator_key(x): x for x in r.ratings}.get(k) for r in dated]
            gas = ref.scale == ScaleKind.GAS
            series = [Series("Ausgang", BASE_COLOR, [ref.baseline] + [None] * len(dated)),
                      Series("Familie", CLIENT_COLOR, [None, *(x.client_value if x else None for x in by_review)]),
                      Series("Fachkraft", PRO_COLOR,
                             [None, *(x.professional_value if x else None for x in by_review)])]
            chart = line_chart(labels, series, -2 if gas else 0, 2 if gas else 10,
                               [-2, -1, 0, 1, 2] if gas else [0, 2, 4, 6, 8, 10], FRAME_W, 44 * mm,
                               reference=ref.target, y_format=(lambda v: format_level(int(v))) if gas else str)
            scale = "Zielerreichungsskala −2 bis +2" if gas else "Skala 0 bis 10 (nicht im T-Wert)"
            self.story += [CondPageBreak(62 * mm),
                           self.p(f"<b>{n}. {user_text(ref.indicator_text)}</b>", "body"),
                           self.p(f"Ziel: {user_text(ref.goal_title)} · {escape(scale)}"
                                  + (f" · Zielwert {escape(format_level(ref.target) if gas else str(ref.target))}"
                                     " (grüne Linie)" if ref.target is not None else ""), "cell_muted"),
                           chart, Spacer(1, 6)]

    def reflection_section(self, reflections: Sequence[Reflection]) -> None:
        sessions = [r for r in reflections if r.held_on is not None and r.ratings]
        if not sessions:
            return
        self.h2("Reflexion der Zusammenarbeit", need=135 * mm)
        last = sessions[-1]
        shown = sessions[-3:]
        intro = (self.p(
            f"Gemeinsame Reflexion vom {format_date(last.held_on)}: Alle Anwesenden haben die zehn Bedingungen "
            "gelingender Kooperation von 1 (trifft gar nicht zu) bis 5 (trifft voll zu) bewertet. "
            "Teilgenommen: " + user_text(", ".join(p.name for p in last.participants) or "–") + "."))
        self.story.append(KeepTogether([intro, radar_chart([(format_date(r.held_on), r.means()) for r in shown],
                                                           80 * mm)]))
        header = ["", "Bedingung"] + [format_date(r.held_on) for r in shown]
        w_first, w_val = 8 * mm, 31 * mm
        rows = [[self.p(f"<b>{c.key}</b>", "cell"), self.p(escape(c.seed), "cell")]
                + [self.p(format_mean(r.means().get(c.key)), "cell") for r in shown] for c in CONDITIONS]
        self.story.append(self.table(header, rows, [w_first, FRAME_W - w_first - w_val * len(shown)]
                                     + [w_val] * len(shown)))
        low = lowest_conditions(last)
        self.story.append(Spacer(1, 6))
        if not low:
            self.story.append(self.p("Alle Bedingungen wurden im Mittel mit 3,5 oder besser bewertet."))
            return
        heading = self.p("<b>Darüber sollten wir sprechen</b> (am niedrigsten bewertet):", "body")
        for n, x in enumerate(low):
            notes = [f"{r.participant}: {r.note.strip()}" for r in last.ratings
                     if r.condition == x.condition.key and r.note.strip()]
            text = (f"<b>{x.condition.key}. {escape(x.condition.seed)}</b> – im Mittel {format_mean(x.mean)}"
                    + (f", die Einschätzungen liegen {x.spread} Punkte auseinander" if x.spread >= 2 else "")
                    + f"<br/>Vorschlag: {escape(x.condition.suggestion)}")
            if notes:
                text += "<br/>" + "<br/>".join(user_text(n) for n in notes)
            item = self.p(text, "indent")
            self.story.append(KeepTogether([heading, item]) if n == 0 else item)


def _footer(case: Case, document_id: str, version: int, what: str) -> tuple[str, str]:
    doc = plain_text(document_id).replace("\n", " ")[:60] or "–"
    return (f"{what} · Kooperationsvereinbarung {doc} · Version {version}",
            f"Erstellt am {format_date(dt.date.today())} mit Kooperation Desktop")


# --- the review PDF --------------------------------------------------------------------------------


def render_review_bytes(case: Case, review: Review, history: Sequence[Review],
                        reflections: Sequence[Reflection]) -> bytes:
    """``history``: the case's reviews up to and including ``review`` (oldest first)."""
    d = _Doc()
    d.story.append(d.p(f"Überprüfung vom {format_date(review.held_on)}", "title"))
    if case.title.strip():
        d.story.append(d.u(case.title, "subtitle"))
    meta = [("Vereinbarung", f"{review.document_id or '–'}, Version {review.agreement_version}"),
            ("Aktenzeichen", case.file_number), ("Hilfeart", case.help_type),
            ("Anwesend", ", ".join(review.present) or "–")]
    d.story.append(d.table(None, [[d.p(escape(k), "cell_bold"), d.u(v, "cell")] for k, v in meta if v.strip()],
                           [40 * mm, FRAME_W - 40 * mm], label_column=True))
    d.story.append(Spacer(1, 8))
    d.box("Das ist gelungen", review.successes)
    d.text_block("Was im Weg war", review.obstacles)
    d.text_block("Wie es weitergeht", review.next_steps)

    d.h2("Einschätzung der Indikatoren")
    d.story.append(d.p("Familie und Fachkraft schätzen jeden Indikator getrennt ein; beide Stimmen zählen.",
                       "cell_muted"))
    widths = [FRAME_W - 4 * 30 * mm, 30 * mm, 30 * mm, 30 * mm, 30 * mm]
    rows = []
    for r in review.ratings:
        rows.append([
            [d.u(r.indicator_text, "cell_bold"), d.u(f"Ziel: {r.goal_title}", "cell_muted")]
            + ([d.u(f"Notiz: {r.note}", "cell")] if r.note.strip() else []),
            d.p(user_text(_value_text(r, r.baseline)), "cell"),
            d.p(user_text(_value_text(r, r.client_value)), "cell"),
            d.p(user_text(_value_text(r, r.professional_value)), "cell"),
            d.p(user_text(_value_text(r, r.target)), "cell"),
        ])
    if rows:
        d.story.append(d.table(["Indikator", "Ausgang", "Familie", "Fachkraft", "Zielwert"], rows, widths))
    d.t_section(history, review)
    d.indicator_charts(history)
    d.reflection_section(reflections)
    left, second = _footer(case, review.document_id, review.agreement_version, "Überprüfung")
    return d.build(f"Überprüfung {plain_text(review.document_id)}".strip(), left, second)


# --- the closing report ----------------------------------------------------------------------------


def render_closing_report_bytes(case: Case, agreement: Agreement, reviews: Sequence[Review],
                                reflections: Sequence[Reflection], plan: TransitionPlan) -> bytes:
    d = _Doc()
    d.story.append(d.p("Abschlussbericht", "title"))
    if case.title.strip():
        d.story.append(d.u(case.title, "subtitle"))
    period = f"{format_date(agreement.start_date, '–')} bis {format_date(agreement.planned_end, '–')}"
    meta = [("Vereinbarung", f"{agreement.document_id or '–'}, Version {agreement.version}"),
            ("Aktenzeichen", case.file_number), ("Hilfeart", case.help_type), ("Zeitraum der Hilfe", period),
            ("Überprüfungen", ", ".join(format_date(r.held_on) for r in reviews) or "keine")]
    d.story.append(d.table(None, [[d.p(escape(k), "cell_bold"), d.u(v, "cell")] for k, v in meta if v.strip()],
                           [45 * mm, FRAME_W - 45 * mm], label_column=True))
    d.story.append(Spacer(1, 6))
    d.story.append(d.p("Die Hilfe ist zeitlich begrenzt. Ziel ist, dass die Familie an weitere Angebote und "
                       "Partner angebunden ist und selbstständig mit ihnen zusammenarbeiten kann."))

    d.h2("Übergang: wie es nach der Hilfe weitergeht")
    d.text_block("Anschlussangebote", plan.offers)
    d.text_block("Partner, die bleiben", plan.partners_kept)
    d.text_block("Das schafft die Familie jetzt allein", plan.client_alone)
    if plan.note.strip():
        d.text_block("Bemerkung", plan.note)
    if plan.agreed_on:
        d.story.append(d.p(f"Gemeinsam besprochen am {format_date(plan.agreed_on)}.", "cell_muted"))

    d.h2("Ziele und Zielerreichung")
    first, last = (reviews[0], reviews[-1]) if reviews else (None, None)
    rows = []
    if first is not None and last is not None:
        first_by = {_indicator_key(x): x for x in first.ratings}
        for r in last.ratings:
            f = first_by.get(_indicator_key(r))
            rows.append([
                [d.u(r.indicator_text, "cell_bold"), d.u(f"Ziel: {r.goal_title}", "cell_muted")],
                d.p(user_text(_value_text(r, r.baseline)), "cell"),
                d.p(user_text(f"{_value_text(r, f.client_value)} / {_value_text(r, f.professional_value)}"
                              if f is not None and first is not last else "–"), "cell"),
                d.p(user_text(f"{_value_text(r, r.client_value)} / {_value_text(r, r.professional_value)}"), "cell"),
            ])
        d.story.append(d.table(["Indikator", "Ausgang", "Erste Überprüfung (Familie / Fachkraft)",
                                "Letzte Überprüfung (Familie / Fachkraft)"], rows,
                               [FRAME_W - 3 * 38 * mm, 38 * mm, 38 * mm, 38 * mm]))
    else:
        d.story.append(d.p("Es wurde keine Überprüfung erfasst."))
    d.t_section(reviews, last)
    successes = [(r.held_on, r.successes) for r in reviews if r.successes.strip()]
    if successes:
        d.h2("Erfolge im Verlauf")
        for on, text in successes:
            d.box(f"Überprüfung vom {format_date(on)}", text)
    d.indicator_charts(reviews)
    d.reflection_section(reflections)
    left, second = _footer(case, agreement.document_id, agreement.version, "Abschlussbericht")
    return d.build(f"Abschlussbericht {plain_text(agreement.document_id)}".strip(), left, second)
