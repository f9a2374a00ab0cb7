"""The agreement PDF (Kooperationsvereinbarung), rendered with reportlab's platypus.

Entry points (called by the services):

* :func:`render_agreement` writes the PDF to a file and returns its path.
* :func:`render_agreement_bytes` returns the PDF as bytes.

Rules this module keeps:

* Only DejaVu Sans (embedded) is used, never a PDF base-14 font: names such as Ağrı Şükrü Çelik,
  Nguyễn Thị Minh Khai or Жанна Иванова print and extract correctly.
* Everything the user typed (the agreement's title too) goes through :func:`.usertext.user_text`,
  the one road of user text into every PDF: it is sanitised, Arabic/Hebrew runs are shaped and put
  in reading order, markup characters are escaped (``<b>`` prints as typed), line breaks are kept.
* Partners without the family's active consent (:func:`rules.partner_has_consent`) do not appear,
  nor do their roles and tasks.
* Long texts flow over pages: a table row that would be too tall is printed as flowing paragraphs
  instead (a table row cannot split over pages).
* The PDF metadata holds no names (title ``Kooperationsvereinbarung <document id>`` only).
* Fixed phrases are printed in the agreement's language (:attr:`Agreement.language`, German by
  default; see :mod:`.texts`); the user's own texts print as typed.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    HRFlowable,
    KeepTogether,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from kooperation_desktop.domain import labels, rules
from kooperation_desktop.domain.model import (
    GAS_LEVELS,
    Agreement,
    AgreementStatus,
    Case,
    Consent,
    Indicator,
    Partner,
    PartnerKind,
    Person,
    ScaleKind,
)
from kooperation_desktop.followup.gas import format_level
from kooperation_desktop.signing.parties import PartyMark, claim_keywords, signing_parties, signs_along
from kooperation_desktop.signing.seal import STAMP_H, STAMP_TOP_MM

from .fonts import FONT, FONT_BOLD, register_fonts
from .summary import summary_flowables
from .texts import Texts, consent_text, fixed_text, language_of
from .usertext import Paragraph, plain_text, user_text

__all__ = ["render_agreement_bytes", "user_text"]

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

INK = colors.HexColor("#1A1A1A")
MUTED = colors.HexColor("#555555")
ACCENT = colors.HexColor("#1F4E79")
RULE = colors.HexColor("#9AA7B4")
HEAD_BG = colors.HexColor("#E6EDF4")
DRAFT_RED = colors.HexColor("#B00020")
BASELINE_BG = colors.HexColor("#FFF4CC")
TARGET_BG = colors.HexColor("#DCEFD9")

# --- styles -------------------------------------------------------------------------------


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle(
        "body", fontName=FONT, fontSize=11, leading=15, textColor=INK, alignment=TA_LEFT,
        spaceAfter=4, splitLongWords=1,
    )
    s: dict[str, ParagraphStyle] = {"body": base}
    s["cell"] = ParagraphStyle("cell", parent=base, spaceAfter=0)
    s["cell_bullet"] = ParagraphStyle("cell_bullet", parent=s["cell"], leftIndent=9, firstLineIndent=-9,
                                      spaceAfter=2)
    s["cell_bold"] = ParagraphStyle("cell_bold", parent=s["cell"], fontName=FONT_BOLD)
    s["cell_head"] = ParagraphStyle("cell_head", parent=s["cell"], fontName=FONT_BOLD, textColor=ACCENT)
    s["cell_muted"] = ParagraphStyle("cell_muted", parent=s["cell"], textColor=MUTED)
    s["label"] = ParagraphStyle("label", parent=base, fontName=FONT_BOLD, textColor=ACCENT, spaceAfter=1)
    s["indent"] = ParagraphStyle("indent", parent=base, leftIndent=6 * mm)
    s["title"] = ParagraphStyle("title", parent=base, fontName=FONT_BOLD, fontSize=24, leading=29,
                                textColor=ACCENT, spaceAfter=2)
    s["subtitle"] = ParagraphStyle("subtitle", parent=base, fontSize=14, leading=19, spaceAfter=8)
    s["h2"] = ParagraphStyle("h2", parent=base, fontName=FONT_BOLD, fontSize=15, leading=20,
                             textColor=ACCENT, spaceBefore=14, spaceAfter=6)
    s["h3"] = ParagraphStyle("h3", parent=base, fontName=FONT_BOLD, fontSize=12.5, leading=17,
                             spaceBefore=8, spaceAfter=3)
    # No keepWithNext anywhere: reportlab keeps a heading with the *whole* next flowable and so
    # pushes a long paragraph or table to the next page. Headings are protected by conditional
    # page breaks instead (see _Renderer.lead_in).
    s["draft"] = ParagraphStyle("draft", parent=base, fontName=FONT_BOLD, fontSize=18, leading=22,
                                textColor=DRAFT_RED, spaceAfter=2)
    s["draft_note"] = ParagraphStyle("draft_note", parent=base, textColor=DRAFT_RED, spaceAfter=0)
    s["sig"] = ParagraphStyle("sig", parent=base, fontSize=10, leading=13, textColor=MUTED, spaceAfter=0)
    return s


# --- user text: the one road (usertext.py) -----------------------------------------------

def _b(markup: str) -> str:
    return f"<b>{markup}</b>"


_gas = format_level  # "+2", "0", "−1", "–" (also used by pdf/review.py)


def _scale_value(t: Texts, ind: Indicator, value: int | None) -> str:
    if value is None:
        return t("noch offen")
    return _gas(value) if ind.scale == ScaleKind.GAS else t("{value} von 10", value=value)


# --- parties ------------------------------------------------------------------------------


@dataclass(slots=True)
class _Party:
    name: str  # plain (unescaped) name
    role_label: str  # plain: "Mutter, personensorgeberechtigt", "Jugendamt (beauftragend)"
    details: list[str]  # plain lines: function, organisation, contact
    role_description: str  # plain, from agreement.roles
    signs: bool


_PARTNER_GROUPS: tuple[tuple[PartnerKind, str], ...] = (
    (PartnerKind.YOUTH_OFFICE, "Jugendamt (beauftragend)"),
    (PartnerKind.PROFESSIONAL, "Fachkraft (hilfeerbringend)"),
    # The family's own resources before professional ones (help is subsidiary).
    (PartnerKind.RESOURCE_INFORMAL, "Ressourcen im Umfeld der Familie"),
    (PartnerKind.RESOURCE_PROFESSIONAL, "Professionelle Ressourcen im Sozialraum"),
)


def _person_name(t: Texts, p: Person) -> str:
    return p.display_name or t("(ohne Namen)")


def _partner_name(t: Texts, p: Partner) -> str:
    return p.name.strip() or p.organisation.strip() or t("(ohne Namen)")


def _person_role_label(t: Texts, p: Person) -> str:
    return labels.person_role(p.family_role, p.is_guardian, t.language)


def _partner_role_label(t: Texts, p: Partner) -> str:
    role = t.label(p.kind, "")
    return f"{role}, {p.function.strip()}" if p.function.strip() else role


class _Renderer:
    def __init__(self, case: Case, agreement: Agreement, today: dt.date | None = None,
                 signatures: dict[str, PartyMark] | None = None):
        register_fonts()
        self.case = case
        self.a = agreement
        self.marks = signatures  # party key -> what its signature line shows (None: empty lines)
        self.today = today or dt.date.today()
        self.s = _styles()
        self.t = Texts(language_of(agreement))
        self.is_draft = agreement.status == AgreementStatus.DRAFT
        self.partners = rules.consented_partners(case, rules.as_of(agreement))
        self.partner_ids = {p.id for p in self.partners}
        self.section_no = 0

    # -- small builders --------------------------------------------------------------------

    def p(self, markup: str, style: str = "body") -> Paragraph:
        return Paragraph(markup, self.s[style])

    def u(self, value: Any, style: str = "body") -> Paragraph:
        """A paragraph of user text."""
        return Paragraph(user_text(value), self.s[style])

    def h2(self, title: str, keep: bool = True) -> list[Flowable]:
        """A numbered section heading.

        ``keep=True``: at least 40 mm of room below it. ``keep=False``: the caller puts the heading
        through :meth:`lead_in` with the section's first table.
        """
        self.section_no += 1
        heading = self.p(f"{self.section_no}. {escape(title)}", "h2")
        return [CondPageBreak(40 * mm), heading] if keep else [heading]

    def label(self, markup: str) -> list[Flowable]:
        """A small heading over a field; not left alone at the bottom of a page."""
        return [CondPageBreak(25 * mm), self.p(markup, "label")]

    def lead_in(self, headings: list[Flowable], body: list[Flowable]) -> list[Flowable]:
        """Headings followed by a body whose start (a table's header and first row) must stay
        with them; the rest of the body may flow to the next pages."""
        need = 0.0
        for f in headings:
            need += f.wrap(FRAME_W, FRAME_H)[1] + f.getSpaceBefore() + f.getSpaceAfter()
        if body:
            need += _start_height(body[0])
        need = min(need + 6, FRAME_H * 0.6)
        return [CondPageBreak(need), *headings, *body]

    def table(
        self,
        header: Sequence[str] | None,
        rows: Iterable[Sequence[Flowable | list[Flowable]]],
        widths: Sequence[float],
        row_backgrounds: Sequence[Any] | None = None,
        label_column: bool = False,
    ) -> list[Flowable]:
        """Rows as tables; a row too tall for a table is printed as flowing paragraphs.

        ``header`` holds plain German column names (no user text). ``label_column`` marks the
        first column as labels (for key/value tables without a header).
        """
        out: list[Flowable] = []
        chunk: list[list[list[Flowable]]] = []
        chunk_bg: list[Any] = []

        def flush() -> None:
            if chunk:
                out.append(self._make_table(header, chunk, widths, chunk_bg, label_column))
                chunk.clear()
                chunk_bg.clear()

        for i, row in enumerate(rows):
            cells = [c if isinstance(c, list) else [c] for c in row]
            height = max(
                sum(f.wrap(w - 2 * CELL_PAD, FRAME_H * 100)[1] for f in cell) + 2 * CELL_PAD
                for cell, w in zip(cells, widths, strict=True)
            )
            bg = row_backgrounds[i] if row_backgrounds else None
            if height <= MAX_ROW_HEIGHT:
                chunk.append(cells)
                chunk_bg.append(bg)
                continue
            flush()
            out.extend(self._row_as_flow(header, cells))
        flush()
        return out

    def _make_table(self, header, chunk, widths, backgrounds, label_column) -> Table:
        data: list[list[Any]] = []
        if header:
            data.append([self.p(escape(h), "cell_head") for h in header])
        data.extend(chunk)
        style = [
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
            ("TOPPADDING", (0, 0), (-1, -1), CELL_PAD - 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PAD),
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
            ("LINEABOVE", (0, 0), (-1, 0), 0.5, RULE),
        ]
        if header:
            style.append(("BACKGROUND", (0, 0), (-1, 0), HEAD_BG))
            style.append(("LINEBELOW", (0, 0), (-1, 0), 1, ACCENT))
        if label_column:
            style.append(("BACKGROUND", (0, 0), (0, -1), HEAD_BG))
        offset = 1 if header else 0
        for i, bg in enumerate(backgrounds):
            if bg is not None:
                style.append(("BACKGROUND", (1, i + offset), (-1, i + offset), bg))
        return Table(data, colWidths=list(widths), style=TableStyle(style), repeatRows=offset,
                     hAlign="LEFT")

    def _row_as_flow(self, header, cells) -> list[Flowable]:
        start = HRFlowable(width="100%", thickness=0.5, color=RULE, spaceAfter=4)
        start._flow_start = True  # read by _start_height
        flow: list[Flowable] = [start]
        for i, cell in enumerate(cells):
            if header and header[i]:
                flow += self.label(escape(header[i]))
            flow.extend(cell)
            flow.append(Spacer(1, 3))
        flow.append(HRFlowable(width="100%", thickness=0.5, color=RULE, spaceBefore=2, spaceAfter=6))
        return flow

    def lines(self, values: Iterable[str], style: str = "cell") -> list[Flowable]:
        return [self.u(v, style) for v in values if v and v.strip()]

    # -- sections --------------------------------------------------------------------------

    def story(self) -> list[Flowable]:
        # the one-page family summary in plain German comes first (pdf/summary.py)
        story: list[Flowable] = summary_flowables(self.case, self.a, FRAME_W, FIRST_FRAME_H, self.today,
                                                   language=self.t.language)
        story += self.head()
        story += self.parties_section()
        story += self.consent_section()
        story += self.goals_section()
        story += self.mandate_section()
        story += self.tasks_section()
        story += self.communication_section()
        story += self.time_section()
        story += self.goodwill_section()
        story += self.signature_section()
        return story

    def head(self) -> list[Flowable]:
        a, c, t = self.a, self.case, self.t
        title = a.title.strip()
        if title in ("", "Kooperationsvereinbarung"):  # the default title is a fixed phrase
            title = t("Kooperationsvereinbarung")
        out: list[Flowable] = [self.u(title, "title")]
        if c.title.strip():
            out.append(self.u(c.title, "subtitle"))
        if self.is_draft:
            banner = Table(
                [[[self.p(escape(t("ENTWURF")), "draft"),
                   self.p(escape(t("Diese Fassung ist noch nicht abgeschlossen. Sie gilt erst, wenn sie "
                                   "abgeschlossen und unterschrieben ist.")), "draft_note")]]],
                colWidths=[FRAME_W], hAlign="LEFT",
                style=TableStyle([
                    ("FONTNAME", (0, 0), (-1, -1), FONT),
                    ("BOX", (0, 0), (-1, -1), 1.5, DRAFT_RED),
                    ("LEFTPADDING", (0, 0), (-1, -1), 8),
                    ("TOPPADDING", (0, 0), (-1, -1), 6),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                ]),
            )
            out += [banner, Spacer(1, 8)]
        if self.is_draft:
            status = t("ENTWURF – noch nicht abgeschlossen")
            date = t.date(self.today)
            date_label = t("Ausdruck vom")
        else:
            status = t.label(a.status)
            final_day = a.finalised_at.date() if a.finalised_at else None
            date = t.date(final_day or self.today)
            date_label = t("Abgeschlossen am") if final_day else t("Datum")
        if a.status == AgreementStatus.SUPERSEDED:
            out.append(self.p(_b(escape(
                t("Es gibt eine neuere Version. Diese Version gilt nicht mehr.")))))
        meta: list[tuple[str, Any]] = [
            (t("Dokument-Nr."), a.document_id or "–"),
            (t("Version"), str(a.version)),
            (t("Stand"), status),
            (date_label, date),
        ]
        if c.file_number.strip():
            meta.append((t("Aktenzeichen"), c.file_number))
        if c.help_type.strip():
            meta.append((t("Hilfeart"), c.help_type))
        rows = [[self.p(escape(k), "cell_bold"), self.u(v, "cell")] for k, v in meta]
        out += self.table(None, rows, [45 * mm, FRAME_W - 45 * mm], label_column=True)
        out.append(Spacer(1, 6))
        out.append(self.p(escape(t(
            "Hier schreiben wir auf: Welche Ziele wollen wir gemeinsam erreichen? Woran merken wir, "
            "dass es vorangeht? Wer tut was dafür?"))))
        return out

    def _parties(self) -> list[tuple[str, list[_Party]]]:
        a, t = self.a, self.t
        person_roles: dict[int | None, list[str]] = {}
        partner_roles: dict[int | None, list[str]] = {}
        for r in a.roles:
            if not r.description.strip():
                continue
            if r.person_id is not None:
                person_roles.setdefault(r.person_id, []).append(r.description)
            elif r.partner_id in self.partner_ids:
                partner_roles.setdefault(r.partner_id, []).append(r.description)
        signing = {p.id for p in rules.family_signers(self.case, a)}
        family = [
            _Party(
                name=_person_name(t, p), role_label=_person_role_label(t, p), details=[],
                role_description="\n".join(person_roles.get(p.id, [])),
                signs=p.id in signing,
            )
            for p in self.case.persons
        ]
        groups: list[tuple[str, list[_Party]]] = [(t("Familie"), family)]
        for kind, title in _PARTNER_GROUPS:
            title = t(title)
            members = []
            for p in self.partners:
                if p.kind != kind:
                    continue
                details = [p.function, p.organisation if p.name.strip() else "", p.contact]
                members.append(_Party(
                    name=_partner_name(t, p), role_label=_partner_role_label(t, p),
                    details=[d for d in details if d.strip()],
                    role_description="\n".join(partner_roles.get(p.id, [])), signs=True,
                ))
            groups.append((title, members))
        return groups

    def parties_section(self) -> list[Flowable]:
        t = self.t
        out: list[Flowable] = []
        headings = self.h2(t("Wer an dieser Vereinbarung beteiligt ist"), keep=False)
        widths = [62 * mm, FRAME_W - 62 * mm]
        for i, (title, members) in enumerate(self._parties()):
            if not members:
                continue
            headings.append(self.p(escape(title), "h3"))
            rows = []
            for m in members:
                left = [self.u(m.name, "cell_bold")]
                if i == 0:  # the family: the role in the family under the name
                    left.append(self.u(m.role_label, "cell_muted"))
                left += self.lines(m.details, "cell_muted")
                right = [self.u(m.role_description, "cell")] if m.role_description.strip() else [
                    self.p(escape(t("Rolle noch nicht beschrieben")), "cell_muted")]
                rows.append([left, right])
            out += self.lead_in(headings, self.table([t("Name"), t("Rolle in der Zusammenarbeit")], rows, widths))
            headings = []
        return out + headings

    def _consents(self) -> list[Consent]:
        result = []
        for c in self.case.consents:
            if not c.is_active(self.today):
                continue
            if c.partner_id is not None and c.partner_id not in self.partner_ids:
                continue
            result.append(c)
        # general consent first, then in the order of the partners
        order = {p.id: i for i, p in enumerate(self.partners)}
        return sorted(result, key=lambda c: (c.partner_id is not None, order.get(c.partner_id, 0)))

    def consent_section(self) -> list[Flowable]:
        t = self.t
        out: list[Flowable] = [*self.h2(t("Einverständnis der Familie"))]
        consents = self._consents()
        if not any(c.partner_id is None for c in consents):
            out.append(self.p(_b(escape(t("Hier fehlt noch das Ja der Familie zur Hilfe und zur "
                                          "Zusammenarbeit.")))))
        out.append(self.p(escape(t(
            "Die Familie ist mit der Hilfe einverstanden. Die Fachkraft arbeitet dafür mit dem "
            "Jugendamt zusammen. Mit anderen Menschen und Stellen spricht sie nur, wenn die Familie "
            "Ja gesagt hat. Sie gibt ihnen nur das weiter, was hier steht. Die Familie sagt freiwillig "
            "Ja. Sie kann ihr Ja jederzeit zurücknehmen."))))
        if consents:
            rows = []
            for c in consents:
                person = self.case.person(c.person_id)
                who = _person_name(t, person) if person else t("Familie")
                if c.partner_id is None:
                    to = [self.p(escape(t("Hilfe und Zusammenarbeit von Jugendamt und Fachkraft")), "cell")]
                    cats = [self.p("• " + escape(t.label(x)), "cell_bullet")
                            for x in c.categories] or [self.p(escape(t("für die Hilfe nötige Informationen")), "cell")]
                else:
                    partner = self.case.partner(c.partner_id)
                    assert partner is not None  # filtered in _consents
                    to = [self.u(partner.display_name or _partner_name(t, partner), "cell")]
                    cats = [self.p("• " + escape(t.label(x)), "cell_bullet") for x in c.categories]
                when = [self.p(escape(t.date(c.given_on)), "cell"),
                        self.p(escape(t.label(c.form)), "cell_muted")]
                if c.text_version.strip():
                    when.append(self.u(t("Text-Version {version}", version=c.text_version.strip()), "cell_muted"))
                rows.append([self.u(who, "cell"), to, cats, when])
            out += self.table([t("Wer hat zugestimmt"), t("Für wen"), t("Welche Informationen"), t("Wann und wie")],
                              rows, [38 * mm, 46 * mm, 52 * mm, FRAME_W - 136 * mm])
        out += self._consent_texts(consents)
        return out

    def _consent_texts(self, consents: list[Consent]) -> list[Flowable]:
        t = self.t
        default_version, default_body = consent_text(t.language)
        seen: list[tuple[str, str]] = []
        for c in consents:
            version = c.text_version.strip()
            body = fixed_text("consent", c.text, t.language).strip()  # the shipped text in this language
            if not body and version in ("", default_version):
                version, body = default_version, default_body
            if body and (version, body) not in seen:
                seen.append((version, body))
        out: list[Flowable] = []
        for version, body in seen:
            label = t("Der Text der Einverständniserklärung")
            if version:
                label += t(" (Version {version})", version=version)
            out += [CondPageBreak(30 * mm), self.u(label, "h3")]
            out.append(self.u(body, "indent"))
        return out

    def goals_section(self) -> list[Flowable]:
        t = self.t
        out: list[Flowable] = []
        headings = self.h2(t("Unsere gemeinsamen Ziele"), keep=False)
        if not self.a.goals:
            out += [*headings, self.p(escape(t("Es ist noch kein Ziel eingetragen.")), "body")]
        half = FRAME_W / 2
        for gi, goal in enumerate(sorted(self.a.goals, key=lambda g: g.position), start=1):
            heading = self.p(escape(t("Ziel {number}", number=gi)), "h3")
            left = self.u(goal.client_words, "cell") if goal.client_words.strip() else self.p("–", "cell_muted")
            right = (self.u(goal.professional_wording, "cell") if goal.professional_wording.strip()
                     else self.p("–", "cell_muted"))
            table = self.table([t("In den Worten der Familie"), t("Fachliche Formulierung")], [[left, right]],
                               [half, half])
            out += self.lead_in([*headings, heading], table)
            headings = []
            for ii, ind in enumerate(sorted(goal.indicators, key=lambda i: i.position), start=1):
                # The lead-in stays with the first indicator.
                lead = [Spacer(1, 4), self.p(escape(t("Woran wir merken, dass wir Ziel {number} näherkommen:",
                                                      number=gi)), "label")]
                out += self.indicator(f"{gi}.{ii}", ind, lead if ii == 1 else [])
        return out

    def indicator(self, number: str, ind: Indicator, lead: list[Flowable]) -> list[Flowable]:
        t = self.t
        out: list[Flowable] = []
        desc = user_text(ind.description) if ind.description.strip() else "–"
        head = self.p(f"<b>{escape(t('Indikator {number}:', number=number))}</b> {desc}", "body")
        scale = (f"{escape(t.label(ind.scale))} · "
                 f"<b>{escape(t('Ausgangswert:'))}</b> {escape(_scale_value(t, ind, ind.baseline))} · "
                 f"<b>{escape(t('Ziel:'))}</b> {escape(_scale_value(t, ind, ind.target))}")
        scale_p = self.p(scale, "indent")
        if ind.scale != ScaleKind.GAS:
            legend = self.p(escape(t("0 = überhaupt nicht erreicht, 10 = vollständig erreicht")), "indent")
            out.append(KeepTogether([*lead, head, scale_p, legend]))
            out.append(Spacer(1, 4))
            return out
        rows, bgs = [], []
        for level in reversed(GAS_LEVELS):
            text = ind.level_text(level) if len(ind.level_texts) == 5 else ""
            marks = []
            if ind.baseline == level:
                marks.append(t("Ausgangswert"))
            if ind.target == level:
                marks.append(t("Ziel"))
            rows.append([
                self.p(escape(t.gas_level(level)), "cell"),
                self.u(text, "cell") if text.strip() else self.p("–", "cell_muted"),
                self.p(escape(" · ".join(marks)), "cell_bold"),
            ])
            bgs.append(TARGET_BG if ind.target == level else BASELINE_BG if ind.baseline == level else None)
        table = self.table([t("Stufe"), t("Woran man das sieht"), ""], rows,
                           [46 * mm, FRAME_W - 46 * mm - 36 * mm, 36 * mm], row_backgrounds=bgs)
        if len(table) == 1:
            out.append(KeepTogether([*lead, head, scale_p, table[0]]))
        else:
            out += self.lead_in([*lead, head, scale_p], table)
        out.append(Spacer(1, 6))
        return out

    def mandate_section(self) -> list[Flowable]:
        t = self.t
        out: list[Flowable] = [*self.h2(t("Auftrag des Jugendamts"))]
        if self.a.mandate.strip():
            out.append(self.u(self.a.mandate))
        else:
            out.append(self.p(escape(t("Der Auftrag des Jugendamts ist noch nicht beschrieben.")), "body"))
        return out

    def _who(self, person_id: int | None, partner_id: int | None) -> str | None:
        """Plain name of a task's party; None when it must not appear (no consent, unknown)."""
        if person_id is not None:
            person = self.case.person(person_id)
            return _person_name(self.t, person) if person else None
        if partner_id is not None and partner_id in self.partner_ids:
            partner = self.case.partner(partner_id)
            return _partner_name(self.t, partner) if partner else None
        return None

    def tasks_section(self) -> list[Flowable]:
        t = self.t
        out: list[Flowable] = self.h2(t("Wer macht was? Unsere Aufgaben"), keep=False)
        goal_no = {g.id: i for i, g in enumerate(sorted(self.a.goals, key=lambda g: g.position), start=1)
                   if g.id is not None}
        rows = []
        for task in sorted(self.a.tasks, key=lambda x: x.position):
            who = self._who(task.person_id, task.partner_id)
            if who is None or not task.what.strip():
                continue
            what: list[Flowable] = [self.u(task.what, "cell")]
            if task.goal_id in goal_no:
                what.append(self.p(escape(t("zu Ziel {number}", number=goal_no[task.goal_id])), "cell_muted"))
            until = t.date(task.due_date, t("laufend"))
            rows.append([self.u(who, "cell_bold"), what, self.p(escape(until), "cell")])
        if not rows:
            out.append(self.p(escape(t("Hier stehen noch keine Aufgaben.")), "body"))
            return out
        return self.lead_in(out, self.table([t("Wer"), t("Was"), t("Bis wann")], rows,
                                            [48 * mm, FRAME_W - 48 * mm - 28 * mm, 28 * mm]))

    def communication_section(self) -> list[Flowable]:
        t = self.t
        out: list[Flowable] = self.h2(t("Treffen, Rückmeldungen und Berichte"), keep=False)
        rows = []
        for r in sorted(self.a.communication, key=lambda r: r.position):
            what: list[Flowable] = [self.p(escape(t.label(r.kind)),
                                           "cell_bold")]
            if r.what.strip():
                what.append(self.u(r.what, "cell"))
            who: list[Flowable] = []
            if r.who.strip():
                who.append(self.u(r.who, "cell"))
            if r.to_whom.strip():
                who.append(self.p(f"<b>{escape(t('an:'))}</b> {user_text(r.to_whom)}", "cell"))
            rows.append([
                what,
                who or [self.p("–", "cell_muted")],
                self.u(r.rhythm, "cell") if r.rhythm.strip() else self.p("–", "cell_muted"),
                self.p(escape(t.date(r.next_date, "–")), "cell"),
            ])
        if not rows:
            out.append(self.p(escape(t("Wir haben noch nicht vereinbart, wann wir uns treffen und wer wem "
                                       "berichtet.")), "body"))
            return out
        return self.lead_in(out, self.table([t("Was"), t("Wer (an wen)"), t("Wie oft"), t("Nächster Termin")], rows,
                                            [54 * mm, 44 * mm, FRAME_W - 54 * mm - 44 * mm - 30 * mm, 30 * mm]))

    def time_section(self) -> list[Flowable]:
        a, t = self.a, self.t
        out: list[Flowable] = [*self.h2(t("Zeitrahmen und Übergang"))]
        rows = [
            [self.p(escape(t(label)), "cell_bold"), self.p(escape(t.date(value, t("noch offen"))), "cell")]
            for label, value in (("Beginn", a.start_date), ("Geplantes Ende", a.planned_end),
                                 ("Nächste Überprüfung", a.next_review))
        ]
        out += self.table(None, rows, [62 * mm, FRAME_W - 62 * mm], label_column=True)
        out.append(Spacer(1, 6))
        out.append(self.p(escape(t(
            "Die Hilfe ist zeitlich begrenzt. Für die Zeit danach haben wir besprochen:")), "body"))
        parts = [
            (t("Anschlussangebote"), a.transition_offers),
            (t("Wer an der Seite der Familie bleibt"), a.transition_partners),
            (t("Was die Familie dann selbst macht"), a.transition_self),
        ]
        for label, value in parts:
            out += self.label(escape(label))
            out.append(self.u(value, "indent") if value.strip()
                       else self.p(escape(t("noch nicht besprochen")), "indent"))
        return out

    def goodwill_section(self) -> list[Flowable]:
        t = self.t
        out: list[Flowable] = []
        if self.a.goodwill.strip():
            out += self.h2(t("So arbeiten wir zusammen"))
            # the shipped goodwill text is a fixed text: printed in the agreement's language
            out.append(self.u(fixed_text("goodwill", self.a.goodwill, t.language)))
        if self.a.client_view.strip():
            out += self.h2(t("Was die Familie dazu sagt"))
            out.append(self.u(self.a.client_view))
        return out

    def signature_section(self) -> list[Flowable]:
        t = self.t
        headings: list[Flowable] = self.h2(t("Unterschriften"), keep=False)
        headings.append(self.p(escape(t(
            "Wer hier unterschreibt, sagt Ja zu dieser Vereinbarung "
            "(Dokument-Nr. {doc}, Version {version}).", doc=self.a.document_id or "–", version=self.a.version))))
        signers = signing_parties(self.case, self.a)  # the one list of who signs (signing/parties.py)
        blocks: list[Flowable] = []
        for m in signers:
            place, sign, height = _signature_cells(self, self.marks.get(m.key) if self.marks else None)
            for cell, width in ((place, 62 * mm), (sign, FRAME_W - 70 * mm)):  # a long typed place: taller
                if isinstance(cell, Paragraph):
                    height = max(height, cell.wrap(width, FRAME_H)[1] + 2)
            lines = Table(
                [[place, "", sign], [self.p(escape(t("Ort, Datum")), "sig"), "",
                                     self.p(escape(t("Unterschrift")), "sig")]],
                colWidths=[62 * mm, 8 * mm, FRAME_W - 70 * mm], rowHeights=[height, None], hAlign="LEFT",
                style=TableStyle([
                    ("FONTNAME", (0, 0), (-1, -1), FONT),
                    ("LINEBELOW", (0, 0), (0, 0), 0.8, INK),
                    ("LINEBELOW", (2, 0), (2, 0), 0.8, INK),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 1), (-1, 1), 2),
                    ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
                    ("BOTTOMPADDING", (0, 0), (-1, 0), 1),
                ]),
            )
            name, role_label = self._signer_label(m.key, m.name, m.role_label)
            who = self.p(f"<b>{user_text(name)}</b> – {user_text(role_label)}", "body")
            blocks.append(KeepTogether([Spacer(1, 6), lines, Spacer(1, 2), who]))
        return self.lead_in(headings, blocks)

    def _signer_label(self, key: str, name: str, role_label: str) -> tuple[str, str]:
        """Name and role of a signature line in the agreement's language (signing/parties.py
        words them in German)."""
        if self.t.language == "de":
            return name, role_label
        kind, _, ident = key.partition(":")
        if kind == "person":
            person = next((p for p in self.case.persons if str(p.id) == ident), None)
            if person is not None:
                role = _person_role_label(self.t, person)
                if signs_along(person, self.a):
                    role = f"{role}, {self.t('unterschreibt mit')}"
                return _person_name(self.t, person), role
        elif kind == "partner":
            partner = next((p for p in self.case.partners if str(p.id) == ident), None)
            if partner is not None:
                return _partner_name(self.t, partner), _partner_role_label(self.t, partner)
        return name, role_label


def _mark_text(t: Texts, mark: PartyMark) -> str:
    """A signature line without an image, in the agreement's language: to sign on paper, or
    signed on paper on the recorded day."""
    if not mark.on_paper:
        return ""
    if mark.signed_on is None:
        return t("unterschreibt auf Papier")
    return t("auf Papier unterschrieben am {date}", date=t.date(mark.signed_on))


def _signature_cells(r: _Renderer, mark: PartyMark | None) -> tuple[Any, Any, float]:
    """(place/date cell, signature cell, line height) of one signature line: the image drawn on
    screen, a text such as „unterschreibt auf Papier“, or empty lines to sign on paper."""
    if mark is None:
        return "", "", 12 * mm
    if mark.image_png:
        from reportlab.platypus import Image  # only for signed versions

        img = Image(io.BytesIO(mark.image_png))
        max_w, max_h = FRAME_W - 70 * mm, 16 * mm
        scale = min(max_h / img.imageHeight, max_w / img.imageWidth)
        img.drawWidth, img.drawHeight = img.imageWidth * scale, img.imageHeight * scale
        img.hAlign = "LEFT"
        return r.u(f"{mark.place}, {r.t.date(mark.signed_on)}", "cell"), img, 18 * mm
    return "", r.u(_mark_text(r.t, mark), "sig"), 12 * mm


def _start_height(f: Flowable) -> float:
    """Height of the part of ``f`` that should not be separated from a heading above it."""
    if getattr(f, "_flow_start", False):
        return FLOW_START_ROOM
    if isinstance(f, KeepTogether):
        return sum(_start_height(x) if i == 0 else x.wrap(FRAME_W, FRAME_H)[1]
                   for i, x in enumerate(f._content))
    _, h = f.wrap(FRAME_W, FRAME_H)
    if isinstance(f, Table):
        heights = getattr(f, "_rowHeights", None) or [h]
        return sum(heights[:2])  # header and first row
    if isinstance(f, Paragraph):
        return min(h, 4 * f.style.leading)
    return h


# --- page decoration (footer "Seite x von y") ---------------------------------------------


def _canvas_class(footer_left: str, footer_second: str, draft: bool, t: Texts | None = None) -> type[Canvas]:
    t = t or Texts("de")

    class _NumberedCanvas(Canvas):
        """Defers page output until the page count is known, then draws each page's footer."""

        def __init__(self, *args: Any, **kwargs: Any):
            kwargs["initialFontName"] = FONT
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # reportlab API
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved_pages)
            for state in self._saved_pages:
                self.__dict__.update(state)
                self._draw_decoration(total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _draw_decoration(self, total: int) -> None:
            self.saveState()
            y = MARGIN_B - 8.5 * mm  # the second line's descenders stay above PRINT_SAFE
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN_L, y + 11, PAGE_W - MARGIN_R, y + 11)
            self.setFillColor(MUTED)
            self.setFont(FONT, 8.5)
            self.drawString(MARGIN_L, y, footer_left)
            self.setFont(FONT_BOLD, 9)
            self.drawRightString(PAGE_W - MARGIN_R, y, t("Seite {page} von {total}", page=self._pageNumber,
                                                           total=total))
            self.setFont(FONT, 8)
            if draft:
                self.setFillColor(DRAFT_RED)
            self.drawString(MARGIN_L, y - 11, footer_second)
            if draft:
                self.setFont(FONT_BOLD, 11)
                self.setFillColor(DRAFT_RED)
                self.drawRightString(PAGE_W - MARGIN_R, PAGE_H - 14 * mm, t("ENTWURF"))
            self.restoreState()

    return _NumberedCanvas


def _footer_texts(case: Case, agreement: Agreement, t: Texts | None = None) -> tuple[str, str, bool]:
    t = t or Texts(language_of(agreement))
    draft = agreement.status == AgreementStatus.DRAFT
    doc_id = plain_text(agreement.document_id).replace("\n", " ")[:60] or "–"
    left = t("Kooperationsvereinbarung {doc} · Version {version}", doc=doc_id, version=agreement.version)
    if draft:
        second = t("Entwurf – nicht abgeschlossen")
    else:
        second = f"SHA-256: {agreement.content_hash or rules.content_hash(case, agreement)}"
    return left, second, draft


# --- entry points -------------------------------------------------------------------------


def render_agreement_bytes(case: Case, agreement: Agreement,
                           signatures: dict[str, PartyMark] | None = None) -> bytes:
    """The agreement as a PDF (A4, DejaVu Sans embedded). ``signatures``: what each party's
    signature line shows (by SigningParty.key; None: empty lines to sign on paper)."""
    register_fonts()
    t = Texts(language_of(agreement))
    buf = io.BytesIO()
    doc_id = plain_text(agreement.document_id).replace("\n", " ").strip()
    title = f"{t('Kooperationsvereinbarung')} {doc_id}".strip()
    # which version this is (document id, version, SHA-256; no names): read back by "PDF prüfen"
    keywords = (claim_keywords(doc_id, agreement.version, agreement.content_hash)
                if agreement.status != AgreementStatus.DRAFT and agreement.content_hash else "")
    doc = BaseDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=MARGIN_L, rightMargin=MARGIN_R, topMargin=MARGIN_T, bottomMargin=MARGIN_B,
        title=title,  # no names in metadata: it leaks into file indexes
        author="Kooperation Desktop",
        subject=t("Kooperationsvereinbarung"),
        creator="Kooperation Desktop",
        keywords=keywords,
        lang=t.pdf_lang,
        initialFontName=FONT,
        displayDocTitle=1,
    )
    frame = Frame(MARGIN_L, MARGIN_B, FRAME_W, FRAME_H, id="body", leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0)
    first = Frame(MARGIN_L, MARGIN_B, FRAME_W, FIRST_FRAME_H, id="first", leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="first", frames=[first], autoNextPageTemplate="page"),
                          PageTemplate(id="page", frames=[frame])])
    left, second, draft = _footer_texts(case, agreement, t)
    doc.build(_Renderer(case, agreement, signatures=signatures).story(),
              canvasmaker=_canvas_class(left, second, draft, t))
    return buf.getvalue()
