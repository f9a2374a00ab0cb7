"""The report to the Jugendamt as a PDF (Entwicklungsbericht / Bericht zum Hilfeplangespräch).

Built like the agreement PDF: the same page geometry (page 1 leaves room for the seal stamp),
fonts, styles and blocks (:mod:`.style`, :mod:`.layout`), the same footer with „Seite x von y“
(:mod:`.page`), every typed text through :mod:`.usertext`, fixed phrases in the agreement's
language (:mod:`.texts`). The chart of the GAS T-score over time is drawn with reportlab graphics
(vector). No names in the metadata. Returns bytes; writing is :mod:`kooperation_desktop.atomic`'s job.
"""

from __future__ import annotations

import io
import math
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from ..domain.model import ScaleKind
from ..domain.reports import CHECK_HOW, COPY_RECIPIENTS, ReportStatus
from ..followup.gas import WEIGHTING_NOTE, format_level, format_t
from ..followup.model import Rater
from ..report.model import SECTION_TITLES, GoalSection, IndicatorProgress, ReportDocument, goal_key
from ..signing.parties import claim_keywords
from .fonts import register_fonts
from .layout import Cell, Layout
from .page import numbered_canvas
from .review import CLIENT_COLOR, PRO_COLOR, Series, line_chart
from .style import FRAME_H, FRAME_W, a4_document
from .texts import Texts
from .usertext import plain_text

__all__ = ["render_report_bytes"]

TITLE = "Entwicklungsbericht"
METHOD = ("T-Wert nach Goal Attainment Scaling (Zielerreichungsskalierung): "
          + WEIGHTING_NOTE)


def _level(tr: Texts, ind: IndicatorProgress, value: int | None) -> str:
    if value is None:
        return "–"
    if ind.scale == ScaleKind.GAS:
        text = ind.level_texts[value + 2].strip() if len(ind.level_texts) == 5 else ""
        return format_level(value) + (f" ({text})" if text else "")
    return tr("{value} von 10", value=value)


class _Story:
    def __init__(self, doc: ReportDocument, tr: Texts):
        self.doc, self.tr, self.layout = doc, tr, Layout()
        self.out: list[Flowable] = []

    def p(self, text: str, style: str = "body") -> Flowable:
        return self.layout.para(escape(text), style)

    def when(self, label: str) -> str:
        return self.tr("Überprüfung am {date}", date=label) if label else self.tr("Beginn der Hilfe")

    def head(self) -> None:
        doc, tr, lay = self.doc, self.tr, self.layout
        self.out += [self.p(tr(TITLE), "title"),
                     self.p(tr("Bericht zum Hilfeplangespräch an das Jugendamt"), "subtitle")]
        if doc.status == ReportStatus.DRAFT:
            self.out.append(self.p(tr("ENTWURF – noch nicht geprüft und nicht versendet"), "draft_note"))
            self.out.append(Spacer(1, 4))
        rows: list[list[Cell]] = []

        def row(label: str, value: str, typed: bool = True) -> None:
            if value.strip():
                rows.append([self.p(tr(label), "cell_bold"),
                             lay.typed(value, "cell") if typed else self.p(value, "cell")])

        row("Familie", doc.case_title)
        row("Aktenzeichen", doc.file_number)
        row("Hilfeart", doc.help_type)
        row("Berichtszeitraum", f"{tr.date(doc.period_start)} – {tr.date(doc.period_end)}", typed=False)
        row("An (Jugendamt)", doc.youth_office)
        row("Von (Fachkraft)", doc.professional)
        row("Vereinbarung", tr("Dokument-Nr. {doc} · ", doc=doc.agreement_document_id)
            + tr("Version {version}", version=doc.agreement_version))
        row("Bericht-Nr.", doc.document_id)
        self.out += lay.table(None, rows, [48 * mm, FRAME_W - 48 * mm], label_column=True)

    def overview(self) -> None:
        doc, tr, lay = self.doc, self.tr, self.layout
        self.out += lay.heading(tr("Zielerreichung im Überblick"))
        if not doc.progress_shown:
            self.out.append(self.p(tr("Einschätzungen und T-Werte sind in diesem Bericht nicht enthalten.")))
            return
        header = [tr("Zeitpunkt"), tr("T-Wert¹ Familie"), tr("T-Wert¹ Fachkraft")]
        rows: list[list[Cell]] = [
            [self.p(tr("Beginn der Hilfe (Ausgangswerte)"), "cell"), self.p(format_t(doc.t_baseline), "cell"),
             self.p(format_t(doc.t_baseline), "cell")],
            [self.p(tr("Zu Beginn des Zeitraums") + ": " + self.when(doc.t_then_label), "cell"),
             self.p(format_t(doc.t_then.get(Rater.CLIENT.value)), "cell"),
             self.p(format_t(doc.t_then.get(Rater.PROFESSIONAL.value)), "cell")],
            [self.p(tr("Jetzt") + ": " + self.when(doc.t_now_label), "cell"),
             self.p(format_t(doc.t_now.get(Rater.CLIENT.value)), "cell"),
             self.p(format_t(doc.t_now.get(Rater.PROFESSIONAL.value)), "cell")],
        ]
        self.out += lay.table(header, rows, [FRAME_W - 80 * mm, 40 * mm, 40 * mm])
        points = doc.chart
        if points:
            series = [Series(tr("Familie"), CLIENT_COLOR, [pt.client for pt in points]),
                      Series(tr("Fachkraft"), PRO_COLOR, [pt.professional for pt in points])]
            values = [v for s in series for v in s.values if v is not None]
            lo = math.floor(min([30.0, *values]) / 10) * 10
            hi = math.ceil(max([70.0, *values]) / 10) * 10
            labels = [tr("Beginn") if i == 0 else pt.label for i, pt in enumerate(points)]
            chart = line_chart(labels, series, lo, hi, list(range(int(lo), int(hi) + 1, 10)), FRAME_W, 56 * mm,
                               reference=50, y_format=lambda v: f"{v:.0f}")
            self.out.append(KeepTogether([
                Spacer(1, 6), self.p(tr("T-Wert der Ziele im Verlauf"), "label"), chart,
                self.p(tr("Gestrichelte grüne Linie: T = 50, das erwartete Ergebnis."), "cell_muted")]))
        self.out += [Spacer(1, 4), self.p("¹ " + tr(METHOD), "cell_muted")]

    def goal(self, g: GoalSection) -> None:
        tr, lay = self.tr, self.layout
        start = len(self.out)
        self.out.append(self.p(tr("Ziel {number}", number=g.number), "h3"))
        self.out += lay.label(escape(tr("In den Worten der Familie")))
        self.out.append(lay.typed(g.client_words or "–", "indent"))
        self.out += lay.label(escape(tr("Fachliche Formulierung")))
        self.out.append(lay.typed(g.professional_wording or "–", "indent"))
        if g.progress_shown and g.indicators:
            header = [tr("Indikator"), tr("Ausgangswert"), tr("Stand Familie"), tr("Stand Fachkraft")]
            rows: list[list[Cell]] = []
            for ind in g.indicators:
                when = f" ({tr.date(ind.latest_on)})" if ind.latest_on else ""
                rows.append([lay.typed(ind.description, "cell"), lay.typed(_level(tr, ind, ind.baseline), "cell"),
                             lay.typed(_level(tr, ind, ind.latest_client) + when, "cell"),
                             lay.typed(_level(tr, ind, ind.latest_professional), "cell")])
            self.out.append(Spacer(1, 4))
            self.out += lay.table(header, rows, [FRAME_W - 105 * mm, 35 * mm, 35 * mm, 35 * mm])
            t_line = tr("T-Wert¹ dieses Ziels: Familie {c0} → {c1}; Fachkraft {p0} → {p1}",
                        c0=format_t(g.t_then.get(Rater.CLIENT.value)), c1=format_t(g.t_now.get(Rater.CLIENT.value)),
                        p0=format_t(g.t_then.get(Rater.PROFESSIONAL.value)),
                        p1=format_t(g.t_now.get(Rater.PROFESSIONAL.value)))
            self.out += [Spacer(1, 3), self.p(t_line, "cell_muted")]
        remark = self.doc.sections.get(goal_key(g.number), "")
        if remark.strip():
            self.out += lay.label(escape(tr("Bemerkungen")))
            self.out.append(lay.typed(remark, "indent"))
        self.out.append(Spacer(1, 6))
        # the goal's words and its table start together on one page (when they fit on most of one)
        need = sum(f.wrap(FRAME_W, FRAME_H)[1] + f.getSpaceBefore() + f.getSpaceAfter()
                   for f in self.out[start:] if not isinstance(f, CondPageBreak))
        self.out.insert(start, CondPageBreak(min(need, FRAME_H * 0.6)))

    def text_section(self, key: str) -> None:
        tr, lay = self.tr, self.layout
        self.out += lay.heading(tr(SECTION_TITLES[key]), keep=True)
        text = self.doc.sections.get(key, "")
        if key == "family_voice":
            self.out.append(self.p(tr("Aussagen und Einschätzungen der Familie, wörtlich wiedergegeben."),
                                   "cell_muted"))
        if key == "family_statement":
            self.out.append(self.p(tr("Die Familie schreibt oder diktiert hier ihre eigene Sicht auf diesen Bericht."),
                                   "cell_muted"))
            if not text.strip():
                self.out += [Spacer(1, 14 * mm)] * 1
                self.out += [lay.para("_" * 80, "sig"), Spacer(1, 8 * mm), lay.para("_" * 80, "sig"),
                             Spacer(1, 8 * mm), lay.para("_" * 80, "sig")]
                return
        lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
        if len(lines) > 1 and key != "family_statement":  # one point per line: a bulleted list
            self.out += [lay.typed(f"• {line}", "cell_bullet") for line in lines]
        else:
            self.out.append(lay.typed(text.strip() or "–"))

    def closing(self) -> None:
        doc, tr, lay = self.doc, self.tr, self.layout
        self.out += lay.heading(tr("Verteiler"))
        copies = [tr(COPY_RECIPIENTS[c]) for c in COPY_RECIPIENTS if c in doc.copies]
        self.out.append(self.p(", ".join(copies) if copies else "–"))
        self.out += lay.heading(tr("Prüfung und Versand"))
        rows: list[list[Cell]] = []
        rows.append([self.p(tr("Verfasst von (Fachkraft)"), "cell_bold"), lay.typed(doc.professional or "–", "cell")])
        if doc.checked_by:
            checked = tr("{name}, am {date} ({how})", name=plain_text(doc.checked_by), date=tr.date(doc.checked_on),
                         how=tr(CHECK_HOW.get(doc.checked_how, doc.checked_how)))
            rows.append([self.p(tr("Geprüft von der Teamleitung"), "cell_bold"), lay.typed(checked, "cell")])
        else:
            rows.append([self.p(tr("Geprüft von der Teamleitung"), "cell_bold"),
                         self.p(tr("Name, Datum, Unterschrift:"), "cell_muted")])
        sent = (tr("am {date} an {whom}", date=tr.date(doc.sent_on), whom=plain_text(doc.sent_to))
                if doc.sent_on else tr("noch nicht versendet"))
        rows.append([self.p(tr("Versendet"), "cell_bold"), lay.typed(sent, "cell")])
        self.out += lay.table(None, rows, [62 * mm, FRAME_W - 62 * mm], label_column=True)
        if not doc.checked_by:
            self.out += [Spacer(1, 14 * mm), lay.para("_" * 60, "sig"),
                         self.p(tr("Ort, Datum, Unterschrift Teamleitung"), "sig")]

    def build(self) -> list[Flowable]:
        self.head()
        self.overview()
        self.out += self.layout.heading(self.tr("Die Ziele im Einzelnen"))
        if not self.doc.goals:
            self.out.append(self.p(self.tr("Zu den Zielen enthält dieser Bericht keine Angaben.")))
        for g in self.doc.goals:
            self.goal(g)
        for key in SECTION_TITLES:
            self.text_section(key)
        self.closing()
        return self.out


def render_report_bytes(doc: ReportDocument) -> bytes:
    """The report as a PDF (A4, DejaVu Sans embedded, in the agreement's language)."""
    register_fonts()
    tr = Texts(doc.language)
    buf = io.BytesIO()
    doc_id = plain_text(doc.document_id).replace("\n", " ").strip()
    sent = doc.status == ReportStatus.SENT and bool(doc.content_hash)
    template = a4_document(buf, title=f"{tr(TITLE)} {doc_id}".strip(), subject=tr(TITLE),
                           keywords=claim_keywords(doc_id, 1, doc.content_hash) if sent else "", lang=tr.pdf_lang)
    left = tr("{title} {doc} · Zeitraum {start} – {end}", title=tr(TITLE), doc=doc_id,
              start=tr.date(doc.period_start), end=tr.date(doc.period_end)).replace("  ·", " ·")  # a draft: no number
    if sent:
        second = f"SHA-256: {doc.content_hash}"
    elif doc.status == ReportStatus.CHECKED:
        second = tr("Geprüft – noch nicht versendet")
    else:
        second = tr("Entwurf – nicht versendet")
    story = _Story(doc, tr).build()
    template.build(story, canvasmaker=numbered_canvas(left, second, doc.status == ReportStatus.DRAFT, tr))
    return buf.getvalue()
