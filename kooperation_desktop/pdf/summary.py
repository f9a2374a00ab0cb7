"""The family summary: one page in plain German at the front of the agreement PDF.

Two parts:

* :func:`family_summary` builds a Qt-free :class:`FamilySummary` (plain strings) from a case and an
  agreement: the family's own goal words, who does what until when, when we meet next. The
  family view of the UI (``ui/family_view.py``) shows the same object on screen.
* :func:`summary_flowables` turns it into reportlab flowables for exactly one page (large type,
  at least 14 pt), followed by a page break. What does not fit is left out with a plain note
  ("… steht auf den nächsten Seiten"); the type is never made smaller to squeeze it in.

Only partners with the family's active consent (:func:`rules.consented_partners`) appear, and
only their tasks.

The PDF prints the summary in the agreement's language (German or English, :mod:`.texts`);
:func:`family_summary` is German unless a ``language`` is given (the family view's words follow
the UI's language).

With a family language (:attr:`Agreement.family_language`) each fixed text is followed by its
translation (:mod:`.family_copy`), under the line "Die deutsche Fassung ist verbindlich."; the
typed texts stay as typed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle

from kooperation_desktop.domain import rules
from kooperation_desktop.domain.model import (
    Agreement,
    AgreementStatus,
    Case,
    CommunicationKind,
)
from kooperation_desktop.family_texts import family_texts

from .family_copy import FamilyCopy, family_copy
from .fonts import FONT, FONT_BOLD, register_fonts
from .texts import Texts
from .usertext import Paragraph, RenderContext, user_text

__all__ = ["MIN_FONT_SIZE", "FamilySummary", "SummaryTask", "family_summary", "summary_flowables"]

MIN_FONT_SIZE = 14  # the smallest type on the summary page
MAX_GOAL_CHARS = 280  # a very long goal text is shortened on the summary (the full text follows)
MAX_TASK_CHARS = 200

INK = colors.HexColor("#1A1A1A")
ACCENT = colors.HexColor("#1F4E79")
BOX_BG = colors.HexColor("#E6EDF4")
RULE = colors.HexColor("#9AA7B4")


@dataclass(slots=True)
class SummaryTask:
    who: str  # a name, plain text
    what: str
    until: str  # "bis 12.03.2027" or "laufend"
    family: bool  # a task of the family itself
    until_second: str = ""  # "until" in the family's language ("" without one)


@dataclass(slots=True)
class FamilySummary:
    """What the family needs to know, as short plain German sentences (no markup)."""

    family: str  # the case title, e.g. "Familie Çelik"
    goals: list[str] = field(default_factory=list)  # the family's own words
    tasks: list[SummaryTask] = field(default_factory=list)  # the family's own tasks first
    meetings: list[str] = field(default_factory=list)  # "Am 12.03.2027: Treffen …" / "Wir treffen uns …"
    next_review: str = ""  # "Am 01.06.2027 schauen wir gemeinsam, was sich verändert hat."
    status: str = ""  # "Entwurf – noch nicht abgeschlossen" / "Abgeschlossen am 01.12.2026"
    document: str = ""  # "Dokument-Nr. KV-… · Version 2"
    # the family's language (None: German only) and the fixed parts above in it
    second: str | None = None
    status_second: str = ""
    document_second: str = ""
    next_review_second: str = ""
    meetings_second: list[str] = field(default_factory=list)  # per meeting: its fixed words ("" if none)


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split()) if len(text) > limit else text.strip()
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] or text[:limit]
    return cut.rstrip(" ,.;:") + " …"


def _name_person(t: Texts, case: Case, person_id: int | None) -> str | None:
    person = case.person(person_id)
    if person is None:
        return None
    return person.display_name or person.family_role.strip() or t("Familie")


def family_summary(case: Case, agreement: Agreement, today: dt.date | None = None,
                   language: str = "de", family_language: str | None = None) -> FamilySummary:
    """The summary of ``agreement`` for the family (Qt-free; used by the PDF and the family view),
    its sentences in ``language`` ("de" or "en"), the fixed parts also in ``family_language``."""
    t = Texts(language)
    ft = family_texts(family_language)
    today = today or dt.date.today()
    partners = {p.id: p for p in rules.consented_partners(case, rules.as_of(agreement))}
    s = FamilySummary(family=case.title.strip(), second=ft.language if ft else None)

    for goal in sorted(agreement.goals, key=lambda g: g.position):
        words = goal.client_words.strip() or goal.professional_wording.strip()
        if words:
            s.goals.append(words)

    def second_until(due: dt.date | None) -> str:
        if ft is None:
            return ""
        return ft("bis {date}", date=t.date(due)) if due else ft("laufend")

    own: list[SummaryTask] = []
    others: list[SummaryTask] = []
    for task in sorted(agreement.tasks, key=lambda t: t.position):
        if not task.what.strip():
            continue
        until = t("bis {date}", date=t.date(task.due_date)) if task.due_date else t("laufend")
        if task.person_id is not None:
            who = _name_person(t, case, task.person_id)
            if who is not None:
                own.append(SummaryTask(who, task.what.strip(), until, True, second_until(task.due_date)))
        elif task.partner_id in partners:
            partner = partners[task.partner_id]
            who = partner.name.strip() or partner.organisation.strip() or t("Partner")
            others.append(SummaryTask(who, task.what.strip(), until, False, second_until(task.due_date)))
    s.tasks = _grouped(own) + _grouped(others)

    meetings = [r for r in sorted(agreement.communication, key=lambda r: r.position)
                if r.kind == CommunicationKind.MEETING]
    # the next dated meeting first, then the others in their order
    upcoming = [r for r in meetings if r.next_date is not None and r.next_date >= today]
    upcoming.sort(key=lambda r: r.next_date or today)  # every upcoming meeting has a date
    for r in upcoming + [r for r in meetings if r not in upcoming]:
        sentence = r.what.strip().rstrip(".") or t("Treffen")
        if r.rhythm.strip():
            sentence += f" – {r.rhythm.strip().rstrip('.')}"
        sentence += "."
        if r in upcoming:
            sentence += t(" Nächstes Mal am {date}.", date=t.date(r.next_date))
        s.meetings.append(sentence)
        if ft is not None:
            fixed = [ft("Treffen")] if not r.what.strip().rstrip(".") else []
            if r in upcoming:
                fixed.append(ft("Nächstes Mal am {date}.", date=t.date(r.next_date)))
            s.meetings_second.append(" ".join(fixed))
    if agreement.next_review is not None and all(r.next_date != agreement.next_review for r in upcoming):
        s.next_review = t("Am {date} schauen wir gemeinsam, was sich verändert hat.",
                          date=t.date(agreement.next_review))
        if ft is not None:
            s.next_review_second = ft("Am {date} schauen wir gemeinsam, was sich verändert hat.",
                                      date=t.date(agreement.next_review))

    if agreement.status == AgreementStatus.DRAFT:
        s.status = t("Entwurf – noch nicht abgeschlossen")
    elif agreement.finalised_at is not None:
        s.status = t("Abgeschlossen am {date}", date=t.date(agreement.finalised_at.date()))
    else:
        s.status = t.label(agreement.status).capitalize()
    doc = agreement.document_id.strip()
    s.document = ((t("Dokument-Nr. {doc} · ", doc=doc) if doc else "")
                  + t("Version {version}", version=agreement.version))
    if ft is not None:
        if agreement.status == AgreementStatus.DRAFT:
            s.status_second = ft("Entwurf – noch nicht abgeschlossen")
        elif agreement.finalised_at is not None:
            s.status_second = ft("Abgeschlossen am {date}", date=t.date(agreement.finalised_at.date()))
        s.document_second = ((ft("Dokument-Nr. {doc}", doc=doc) + " · " if doc else "")
                             + ft("Version {version}", version=agreement.version))
    return s


def _grouped(tasks: list[SummaryTask]) -> list[SummaryTask]:
    """The tasks of one person together, persons in the order of their first task."""
    first: dict[str, int] = {}
    for i, t in enumerate(tasks):
        first.setdefault(t.who, i)
    return sorted(tasks, key=lambda t: first[t.who])  # stable: a person's tasks keep their order


# --- PDF page -------------------------------------------------------------------------------


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("sum_body", fontName=FONT, fontSize=MIN_FONT_SIZE, leading=18, textColor=INK,
                          spaceAfter=3, splitLongWords=1)
    return {
        "title": ParagraphStyle("sum_title", parent=body, fontName=FONT_BOLD, fontSize=22, leading=27,
                                textColor=ACCENT, spaceAfter=2),
        "sub": ParagraphStyle("sum_sub", parent=body, fontSize=16, leading=20, spaceAfter=2),
        "meta": ParagraphStyle("sum_meta", parent=body, spaceAfter=4),
        "h": ParagraphStyle("sum_h", parent=body, fontName=FONT_BOLD, fontSize=17, leading=21,
                            textColor=ACCENT, spaceBefore=8, spaceAfter=4),
        "body": body,
        "bullet": ParagraphStyle("sum_bullet", parent=body, leftIndent=18, firstLineIndent=-14),
        "cell": ParagraphStyle("sum_cell", parent=body, spaceAfter=0),
        "cell_bold": ParagraphStyle("sum_cell_bold", parent=body, fontName=FONT_BOLD, spaceAfter=0),
        "cell_bullet": ParagraphStyle("sum_cell_bullet", parent=body, fontSize=MIN_FONT_SIZE, leading=18,
                                      leftIndent=14, firstLineIndent=-14, spaceAfter=2),
        "note": ParagraphStyle("sum_note", parent=body, fontSize=MIN_FONT_SIZE, leading=18),
        "title2": ParagraphStyle("sum_title2", parent=body, fontName=FONT_BOLD, fontSize=18, leading=23,
                                 textColor=ACCENT, spaceAfter=4),
        "binding": ParagraphStyle("sum_binding", parent=body, fontName=FONT_BOLD, spaceAfter=1),
        "cell_second": ParagraphStyle("sum_cell_second", parent=body, fontName=FONT_BOLD, leftIndent=14,
                                      spaceAfter=2),
        "second_item": ParagraphStyle("sum_second_item", parent=body, leftIndent=18, spaceAfter=3),
    }


def summary_flowables(case: Case, agreement: Agreement, width: float, height: float,
                      today: dt.date | None = None, language: str = "de",
                      family_language: str | None = None, context: RenderContext | None = None) -> list[Flowable]:
    """The summary page as flowables for a frame of ``width`` × ``height`` points: exactly one
    page, then a page break. Texts the user typed are escaped (they print as typed).

    What does not fit is left out (never printed smaller); the note at the bottom then says so.
    The meetings section keeps room for its first lines even when there are many tasks.
    With a ``family_language`` every fixed text is followed by its translation.
    ``context``: the rendering's :class:`.usertext.RenderContext` (a new one when not given).
    """
    register_fonts()
    t = Texts(language)
    fam = family_copy(None, family_language, t.language)
    summary = family_summary(case, agreement, today, t.language, fam.language if fam else None)
    st = _styles()
    context = context or RenderContext()

    def para(markup: str, style: ParagraphStyle) -> Paragraph:
        return Paragraph(markup, style, context=context)

    remaining = [height]
    out: list[Flowable] = []

    def h(f: Flowable | list[Flowable]) -> float:
        if isinstance(f, list):
            return sum(h(x) for x in f)
        _, fh = f.wrap(width, height)
        return float(fh + f.getSpaceBefore() + f.getSpaceAfter())

    def add(f: Flowable | list[Flowable]) -> None:
        remaining[0] -= h(f)
        if isinstance(f, list):
            out.extend(f)
        else:
            out.append(f)

    def fixed(phrase: str, style: str) -> list[Flowable]:
        """A fixed phrase (of ``t``) in the summary's language, then (with a family language) in the family's."""
        first = para(escape(phrase), st[style])
        return fam.after(first, phrase, st[style]) if fam else [first]

    def note(left_out: list[str], left_out_second: list[str]) -> list[Flowable]:
        if not left_out:
            return fixed(t("Alles andere steht genau auf den nächsten Seiten."), "note")
        first = para(escape(_left_out_note(t, left_out)), st["note"])
        if fam is None:
            return [first]
        second = fam.para("Nicht alles passt auf diese Seite. {items} und alles andere stehen auf den nächsten "
                          "Seiten.", st["note"], items=fam.list_separator.join(left_out_second))
        return [first] if second is None else [first, second]

    # room for the longest possible note at the bottom (and the spacer above it)
    longest = [_count(t, 99, "Ziele"), _count(t, 99, "Aufgaben"), _count(t, 99, "Termine")]
    reserve = h(note(longest, [_count(fam, 99, what) for what in ("Ziele", "Aufgaben", "Termine")]
                     if fam else [])) + 6 + 4

    title = t("Unsere Vereinbarung – kurz gesagt")
    add(para(escape(title), st["title"]))
    if fam is not None:
        add(_opt(fam.para(title, st["title2"])))
    if summary.family:
        add(para(user_text(summary.family), st["sub"]))
    add(para(user_text(f"{summary.status} · {summary.document}"), st["meta"]))
    if fam is not None:
        add(_opt(fam.text_para(" · ".join(x for x in (summary.status_second, summary.document_second) if x),
                               st["meta"])))
        add(fixed(t("Die deutsche Fassung ist verbindlich."), "binding"))

    def section(title: str, items: list[Flowable | list[Flowable]], empty: str, keep: float = 0.0) -> int:
        """Add a heading and as many items as fit, leaving ``keep`` points for what follows;
        returns how many items were added."""
        heading = fixed(title, "h")
        first = items[0] if items else fixed(empty, "body")
        if h(heading) + h(first) > remaining[0] - reserve - keep:
            return 0
        add(heading)
        add(first)
        for n, item in enumerate(items[1:], start=1):
            if h(item) > remaining[0] - reserve - keep:
                return n
            add(item)
        return len(items)

    goals: list[Flowable | list[Flowable]] = [
        para("• " + user_text(_shorten(g, MAX_GOAL_CHARS)), st["bullet"]) for g in summary.goals]
    meet: list[Flowable | list[Flowable]] = []
    for i, m in enumerate(summary.meetings):
        line = para("• " + user_text(m), st["bullet"])
        second = fam.text_para(summary.meetings_second[i], st["second_item"]) if fam else None
        meet.append(line if second is None else [line, second])
    if summary.next_review:
        line = para("• " + escape(summary.next_review), st["bullet"])
        second = fam.text_para(summary.next_review_second, st["second_item"]) if fam else None
        meet.append(line if second is None else [line, second])
    # room kept for the heading and the first three lines of "Wann sehen wir uns?"
    meet_keep = h(fixed(t("Wann sehen wir uns?"), "h")) + sum(h(m) for m in meet[:3]) if meet else 60.0

    groups = _task_rows(summary.tasks, st, width, user_text, fam)
    # room the goals leave for the start of "Wer macht was bis wann?" (in two languages: measured)
    tasks_start = 60.0 if fam is None else h(fixed(t("Wer macht was bis wann?"), "h")) + (
        h(groups[0][0]) if groups else h(fixed(t("Die Aufgaben sind noch nicht eingetragen."), "body")))
    shown_goals = section(t("Das wollen wir erreichen"), goals, t("Die Ziele sind noch nicht eingetragen."),
                          keep=meet_keep + tasks_start)
    shown_groups = section(t("Wer macht was bis wann?"), [row for row, _ in groups],
                           t("Die Aufgaben sind noch nicht eingetragen."), keep=meet_keep)
    shown_meet = section(t("Wann sehen wir uns?"), meet, t("Der nächste Termin ist noch nicht vereinbart."))

    left_out: list[str] = []
    left_out_second: list[str] = []

    def more(n: int, what: str) -> None:
        left_out.append(_count(t, n, what))
        if fam is not None:
            left_out_second.append(_count(fam, n, what))

    if shown_goals < len(goals):
        more(len(goals) - shown_goals, "Ziele")
    missing_tasks = sum(n for _, n in groups[shown_groups:])
    if missing_tasks:
        more(missing_tasks, "Aufgaben")
    if shown_meet < len(meet):
        more(len(meet) - shown_meet, "Termine")
    out.append(Spacer(1, 6))
    out.extend(note(left_out, left_out_second))
    out.append(PageBreak())
    return out


def _opt(f: Flowable | None) -> list[Flowable]:
    return [] if f is None else [f]


def _left_out_note(t: Texts, left_out: list[str]) -> str:
    return t("Nicht alles passt auf diese Seite. {items} und alles andere stehen auf den nächsten Seiten.",
             items=", ".join(left_out))


def _count(t: Texts | FamilyCopy, n: int, what: str) -> str:
    """„1 weiteres Ziel“ / „3 weitere Ziele“ (``what``: "Ziele", "Aufgaben" or "Termine")."""
    if what == "Ziele":
        return t("1 weiteres Ziel") if n == 1 else t("{n} weitere Ziele", n=n)
    if what == "Aufgaben":
        return t("1 weitere Aufgabe") if n == 1 else t("{n} weitere Aufgaben", n=n)
    return t("1 weiterer Termin") if n == 1 else t("{n} weitere Termine", n=n)


def _task_rows(tasks: list[SummaryTask], st: dict[str, ParagraphStyle], width: float,
               user_text: Callable[[Any], str], fam: FamilyCopy | None = None) -> list[tuple[Flowable, int]]:
    """One small table per task (so a long list can stop after any task): the name on the left
    (only at a person's first task), the task with "bis wann" on the right. The family's own
    tasks come first and are shaded. Each entry comes with the number of tasks in it (1)."""
    order: list[tuple[str, bool]] = []
    by_who: dict[tuple[str, bool], list[SummaryTask]] = {}
    for t in tasks:
        key = (t.who, t.family)
        if key not in by_who:
            order.append(key)
            by_who[key] = []
        by_who[key].append(t)
    who_w = 44 * mm
    rows: list[tuple[Flowable, int]] = []
    for key in order:
        who, family = key
        items = by_who[key]
        for i, t in enumerate(items):
            last = i == len(items) - 1
            line: Flowable | list[Flowable] = Paragraph("• " + user_text(_shorten(t.what, MAX_TASK_CHARS))
                                                        + f" <b>({escape(t.until)})</b>", st["cell_bullet"])
            second = fam.text_para(t.until_second, st["cell_second"]) if fam is not None else None
            if second is not None:
                line = [line, second]
            name = Paragraph(user_text(who), st["cell_bold"]) if i == 0 else ""
            style: list[tuple[Any, ...]] = [
                ("FONTNAME", (0, 0), (-1, -1), FONT),  # never a base-14 font, not even for empty cells
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 3 if i == 0 else 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4 if last else 0),
            ]
            if last:
                style.append(("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE))
            if family:
                style.append(("BACKGROUND", (0, 0), (-1, -1), BOX_BG))
            rows.append((Table([[name, line]], colWidths=[who_w, width - who_w], style=TableStyle(style),
                               hAlign="LEFT"), 1))
    return rows
