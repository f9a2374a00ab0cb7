"""Drafting the report to the Jugendamt from the case (pure: :func:`build_document`; loading:
:func:`draft_report`).

Per goal: the family's words and the professional wording, each indicator's baseline → latest
level (the family's and the professional's), and the goal's GAS T-score then and now; for the goal
set the T-score at the start of the help, at the start of the period and now, and a chart of it
over every review. T-scores are the follow-up's own (:mod:`kooperation_desktop.followup.gas`).
Then the editable texts: successes (seed 3h), the family's voice (quoted), disputed points
(:func:`~kooperation_desktop.domain.reports.is_disputed`, or a note of disagreement), tasks done
and open, next steps. Only what the family consented to share with the Jugendamt on the report's
date is drafted; everything else is listed in :attr:`ReportDocument.omissions` with the reason.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..domain import reports as rules
from ..domain import rules as agreement_rules
from ..domain.labels import format_date, label
from ..domain.model import Agreement, Case, InfoCategory, PartnerKind, Problem, ScaleKind
from ..domain.rules import RuleViolation
from ..followup import gas
from ..followup.due import task_key
from ..followup.model import IndicatorRating, ParticipantKind, Rater, Reflection, Review
from ..storage import followup as followup_repo
from ..storage import reports as reports_repo
from .model import (
    SECTION_TITLES,
    GoalSection,
    IndicatorProgress,
    Omission,
    Report,
    ReportDocument,
    TPoint,
    goal_key,
)

__all__ = ["Inputs", "build_document", "default_period", "draft_report", "load_inputs"]

RATERS = (Rater.CLIENT, Rater.PROFESSIONAL)


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _level(scale: ScaleKind, value: int | None) -> str:
    if value is None:
        return "–"
    return gas.format_level(value) if scale == ScaleKind.GAS else f"{value} von 10"


def agreement_ratings(agreement: Agreement) -> list[IndicatorRating]:
    """The agreement's indicators as (unrated) ratings carrying their baselines (as a review
    copies them), for :func:`gas.baseline_t_score`."""
    out: list[IndicatorRating] = []
    for goal in agreement.goals:
        for ind in goal.indicators:
            out.append(IndicatorRating(indicator_id=ind.id, goal_id=goal.id, goal_title=goal.title,
                                       goal_weight=goal.weight, indicator_text=ind.description, scale=ind.scale,
                                       level_texts=list(ind.level_texts), baseline=ind.baseline,
                                       target=ind.target, position=len(out)))
    return out


class _Matcher:
    """Which goal (number, 1-based) and indicator of the agreement a review's rating belongs to:
    by id, else by the goal's title and the indicator's text (a review of an earlier version)."""

    def __init__(self, agreement: Agreement):
        self.goal_by_id: dict[int | None, int] = {}
        self.goal_by_title: dict[str, int] = {}
        self.ind_by_id: dict[int | None, tuple[int, int]] = {}
        self.ind_by_text: dict[tuple[int, str], tuple[int, int]] = {}
        for gi, goal in enumerate(agreement.goals, start=1):
            self.goal_by_id[goal.id] = gi
            self.goal_by_title.setdefault(_norm(goal.title), gi)
            for ii, ind in enumerate(goal.indicators):
                self.ind_by_id[ind.id] = (gi, ii)
                self.ind_by_text.setdefault((gi, _norm(ind.description)), (gi, ii))
        self.goal_by_id.pop(None, None)
        self.ind_by_id.pop(None, None)

    def goal(self, r: IndicatorRating) -> int | None:
        if r.goal_id in self.goal_by_id:
            return self.goal_by_id[r.goal_id]
        return self.goal_by_title.get(_norm(r.goal_title))

    def indicator(self, r: IndicatorRating) -> tuple[int, int] | None:
        if r.indicator_id in self.ind_by_id:
            return self.ind_by_id[r.indicator_id]
        gi = self.goal(r)
        return None if gi is None else self.ind_by_text.get((gi, _norm(r.indicator_text)))


def _goal_t(ratings: Sequence[IndicatorRating], rater: Rater) -> float | None:
    return gas.t_score(gas.weighted_levels(ratings, rater))


def _dated(reviews: Iterable[Review]) -> list[Review]:
    return sorted((r for r in reviews if r.held_on is not None), key=lambda r: (r.held_on, r.id or 0))


def build_document(case: Case, agreement: Agreement, reviews: Sequence[Review], reflections: Sequence[Reflection],
                   done: set[str], start: dt.date, end: dt.date, on: dt.date,
                   goal_categories: dict[str, str] | None = None) -> ReportDocument:
    """The drafted report (texts as drafted: ``sections == drafted``)."""
    allowed = rules.youth_office_categories(case, on)
    omissions: list[Omission] = []

    def allow(place: str, needed: Iterable[InfoCategory]) -> bool:
        miss = rules.missing(needed, allowed)
        if miss:
            omissions.append(Omission(place, miss, rules.omission_reason(miss)))
            return False
        return True

    match = _Matcher(agreement)
    dated = [r for r in _dated(reviews) if r.held_on is not None and r.held_on <= end]
    in_period = [r for r in dated if r.held_on is not None and r.held_on >= start]
    before = [r for r in dated if r.held_on is not None and r.held_on < start]
    latest = dated[-1] if dated else None
    then = before[-1] if before else None

    progress = allow("Einschätzungen, Stufen und T-Werte (Verlauf der Hilfe)", [InfoCategory.PROGRESS])

    # --- goals ---------------------------------------------------------------------------
    categories = goal_categories or {}
    goals: list[GoalSection] = []
    shown_goals: set[int] = set()  # goal numbers whose progress is printed
    listed_goals: set[int] = set()  # goal numbers whose wording is printed
    category_of: dict[int, InfoCategory] = {}
    base_ratings = agreement_ratings(agreement)
    for gi, goal in enumerate(agreement.goals, start=1):
        raw = categories.get(str(gi))
        category = (InfoCategory(raw) if raw in {c.value for c in InfoCategory}
                    else rules.suggest_goal_category(goal.client_words, goal.professional_wording))
        category_of[gi] = category
        special = [] if category == InfoCategory.PROGRESS else [category]
        if not allow(f"Ziel {gi} (Wortlaut, Indikatoren, Einschätzungen)", [InfoCategory.AGREEMENT, *special]):
            continue
        listed_goals.add(gi)
        goal_progress = progress and allow(f"Ziel {gi}: Einschätzungen und T-Werte",
                                           [InfoCategory.PROGRESS, *special]) if special else progress
        section = GoalSection(number=gi, client_words=goal.client_words,
                              professional_wording=goal.professional_wording, category=category,
                              progress_shown=goal_progress)
        latest_by_ind: dict[int, IndicatorRating] = {}
        if latest is not None:
            for r in latest.ratings:
                found = match.indicator(r)
                if found is not None and found[0] == gi:
                    latest_by_ind[found[1]] = r
        for ii, ind in enumerate(goal.indicators):
            rated = latest_by_ind.get(ii) if goal_progress else None
            section.indicators.append(IndicatorProgress(
                description=ind.description, scale=ind.scale, level_texts=list(ind.level_texts),
                baseline=ind.baseline if goal_progress else None, target=ind.target,
                latest_client=rated.client_value if rated is not None else None,
                latest_professional=rated.professional_value if rated is not None else None,
                latest_on=latest.held_on if rated is not None and latest is not None else None))
        if goal_progress:
            shown_goals.add(gi)
            mine = [r for r in base_ratings if match.goal(r) == gi]
            then_ratings = ([r for r in then.ratings if match.goal(r) == gi] if then is not None else None)
            now_ratings = ([r for r in latest.ratings if match.goal(r) == gi] if latest is not None else None)
            base_t = gas.baseline_t_score(mine)
            for rater in RATERS:
                section.t_then[rater.value] = base_t if then_ratings is None else _goal_t(then_ratings, rater)
                section.t_now[rater.value] = base_t if now_ratings is None else _goal_t(now_ratings, rater)
        goals.append(section)

    # --- the goal set's T-score -----------------------------------------------------------
    def shown(review: Review) -> Review:
        return dataclasses.replace(review, ratings=[r for r in review.ratings if match.goal(r) in shown_goals])

    doc = ReportDocument(progress_shown=progress and bool(shown_goals))
    if doc.progress_shown:
        doc.t_baseline = gas.baseline_t_score([r for r in base_ratings if match.goal(r) in shown_goals])
        doc.chart.append(TPoint("Beginn", agreement.start_date, doc.t_baseline, doc.t_baseline))
        for review in dated:
            part = shown(review)
            doc.chart.append(TPoint(format_date(review.held_on), review.held_on, gas.review_t_score(part, Rater.CLIENT),
                                    gas.review_t_score(part, Rater.PROFESSIONAL)))
        for rater in RATERS:
            doc.t_then[rater.value] = doc.t_baseline if then is None else gas.review_t_score(shown(then), rater)
            doc.t_now[rater.value] = doc.t_baseline if latest is None else gas.review_t_score(shown(latest), rater)
        doc.t_then_label = "" if then is None else format_date(then.held_on)  # "": the start of the help
        doc.t_now_label = "" if latest is None else format_date(latest.held_on)

    def goal_of(r: IndicatorRating) -> int | None:
        gi = match.goal(r)
        return gi if gi in shown_goals else None

    def text_ok(place: str, text: str, goal: int | None = None) -> bool:
        extra = [] if goal is None or category_of.get(goal) == InfoCategory.PROGRESS else [category_of[goal]]
        return allow(place, [InfoCategory.PROGRESS, *rules.text_categories(text), *extra])

    # --- per goal: the notes of the period's reviews ----------------------------------------
    sections: dict[str, str] = {}
    for g in goals:
        lines: list[str] = []
        for review in in_period:
            for r in review.ratings:
                if goal_of(r) == g.number and r.note.strip():
                    place = f"Notiz zu Ziel {g.number} (Überprüfung am {format_date(review.held_on)})"
                    if text_ok(place, r.note, g.number):
                        lines.append(f"{format_date(review.held_on)}, „{r.indicator_text.strip()}“: {r.note.strip()}")
        sections[goal_key(g.number)] = "\n".join(lines)

    # --- successes (3h) ---------------------------------------------------------------------
    lines = []
    for review in in_period:
        if review.successes.strip() and text_ok(f"Erfolge (Überprüfung am {format_date(review.held_on)})",
                                                review.successes):
            lines.append(f"{format_date(review.held_on)}: {review.successes.strip()}")
    sections["successes"] = "\n".join(lines)

    # --- the family's voice, quoted ----------------------------------------------------------
    lines = []
    if progress and latest is not None and latest.held_on is not None and latest.held_on >= start:
        for r in latest.ratings:
            number = goal_of(r)
            if number is not None and r.client_value is not None:
                level = r.level_texts[r.client_value + 2].strip() if (
                    r.scale == ScaleKind.GAS and len(r.level_texts) == 5) else ""
                lines.append(f"Einschätzung der Familie am {format_date(latest.held_on)} zu Ziel {number}, "
                             f"„{r.indicator_text.strip()}“: {_level(r.scale, r.client_value)}"
                             + (f" („{level}“)" if level else ""))
    for refl in sorted((x for x in reflections if x.held_on is not None and start <= x.held_on <= end),
                       key=lambda x: x.held_on or dt.date.min):
        for rr in refl.ratings:
            if rr.participant_kind == ParticipantKind.FAMILY and rr.note.strip():
                place = f"Aussage der Familie (Reflexion am {format_date(refl.held_on)})"
                if text_ok(place, rr.note):
                    lines.append(f"„{rr.note.strip()}“ – {rr.participant.strip()}, Reflexion am "
                                 f"{format_date(refl.held_on)}")
    sections["family_voice"] = "\n".join(lines)

    # --- disputed points ---------------------------------------------------------------------
    lines = []
    for review in in_period:
        day = format_date(review.held_on)
        for r in review.ratings:
            at = goal_of(r)
            if at is None:
                continue
            if rules.is_disputed(r.client_value, r.professional_value):
                lines.append(f"{day}, Ziel {at}, „{r.indicator_text.strip()}“: Familie "
                             f"{_level(r.scale, r.client_value)}, Fachkraft {_level(r.scale, r.professional_value)} "
                             "– unterschiedliche Einschätzung")
            elif rules.notes_disagreement(r.note) and text_ok(f"Notiz zu Ziel {at} (Überprüfung am {day})",
                                                                r.note, at):
                lines.append(f"{day}, Ziel {at}, „{r.indicator_text.strip()}“: {r.note.strip()}")
        for text in (review.obstacles, review.next_steps):
            if rules.notes_disagreement(text) and text_ok(f"Notiz der Überprüfung am {day}", text):
                lines.append(f"{day}: {text.strip()}")
    sections["disputed"] = "\n".join(lines)

    # --- tasks ---------------------------------------------------------------------------------
    goal_no = {g.id: i for i, g in enumerate(agreement.goals, start=1)}
    done_lines: list[str] = []
    open_lines: list[str] = []
    for task in agreement.tasks:
        if not task.what.strip():
            continue
        partner = case.partner(task.partner_id)
        if partner is not None and not agreement_rules.partner_has_consent(case, partner, on):
            continue  # like the agreement: a partner without consent does not appear
        served = goal_no.get(task.goal_id)
        if served is not None and served not in listed_goals:
            continue  # the goal is left out (listed once)
        # a task is content of the agreement (the Jugendamt has it): its category is the agreement's
        what = task.what.strip()
        if not allow(f"Aufgabe „{what if len(what) <= 60 else what[:59] + '…'}“", [InfoCategory.AGREEMENT]):
            continue
        person = case.person(task.person_id)
        who = (person.display_name if person is not None else partner.display_name if partner is not None else "")
        line = f"{who}: {task.what.strip()}" if who else task.what.strip()
        if served is not None:
            line += f" (Ziel {served})"
        if task.due_date is None:
            open_lines.append(f"laufend – {line}")
        elif task_key(agreement, task) in done:
            done_lines.append(f"erledigt – {line}")
        else:
            open_lines.append(f"offen bis {format_date(task.due_date)} – {line}")
    sections["tasks"] = "\n".join(done_lines + open_lines)

    # --- next steps ------------------------------------------------------------------------------
    lines = []
    last_in_period = in_period[-1] if in_period else None
    if last_in_period is not None and last_in_period.next_steps.strip() and text_ok(
            f"Nächste Schritte (Überprüfung am {format_date(last_in_period.held_on)})", last_in_period.next_steps):
        lines.append(last_in_period.next_steps.strip())
    if agreement.planned_end is not None:
        lines.append(f"Die Hilfe ist bis {format_date(agreement.planned_end)} geplant.")
    sections["next_steps"] = "\n".join(lines)
    sections["family_statement"] = ""

    youth = [p.display_name for p in case.partners if p.kind == PartnerKind.YOUTH_OFFICE]
    pros = [p.display_name for p in case.partners if p.kind == PartnerKind.PROFESSIONAL]
    doc.case_title, doc.file_number, doc.help_type = case.title, case.file_number, case.help_type
    doc.language = agreement.language if agreement.language in ("de", "en") else "de"
    doc.agreement_document_id, doc.agreement_version = agreement.document_id, agreement.version
    doc.period_start, doc.period_end, doc.report_date = start, end, on
    doc.youth_office, doc.professional = "; ".join(youth), "; ".join(pros)
    doc.goals, doc.sections, doc.drafted, doc.omissions = goals, dict(sections), dict(sections), omissions
    doc.allowed = [c for c in InfoCategory if c in allowed]
    return doc


def edit_warnings(doc: ReportDocument) -> list[str]:
    """Texts the social worker changed that speak of something the family did not consent to share
    with the Jugendamt (by their words; the family's own statement is theirs and not checked)."""
    out: list[str] = []
    titles = {**SECTION_TITLES, **{goal_key(g.number): f"Bemerkungen zu Ziel {g.number}" for g in doc.goals}}
    for key, text in doc.sections.items():
        if key == "family_statement" or text == doc.drafted.get(key):
            continue
        miss = rules.missing(rules.text_categories(text), set(doc.allowed))
        if miss:
            names = ", ".join(label(c) for c in miss)
            out.append(f"Hinweis: „{titles.get(key, key)}“ spricht möglicherweise von {names}. Dafür hat die "
                       "Familie der Weitergabe an das Jugendamt nicht zugestimmt – bitte prüfen.")
    return out


def with_report(doc: ReportDocument, report: Report) -> ReportDocument:
    """The drafted document with the report's edited texts and sign-off."""
    doc.sections = {**doc.drafted, **{k: v for k, v in report.sections.items() if k in doc.drafted}}
    doc.document_id = report.document_id
    doc.status, doc.copies = report.status, list(report.copies)
    doc.checked_by, doc.checked_on, doc.checked_how = report.checked_by, report.checked_on, report.checked_how
    doc.sent_on, doc.sent_to, doc.content_hash = report.sent_on, report.sent_to, report.content_hash
    doc.warnings = edit_warnings(doc)
    return doc


@dataclass(slots=True)
class Inputs:
    """What drafting reads of one case."""

    case: Case
    agreement: Agreement
    reviews: list[Review]
    reflections: list[Reflection]
    done: set[str]
    last_sent: Report | None


NO_AGREEMENT = ("Es gibt noch keine abgeschlossene Vereinbarung. Ein Bericht bezieht sich auf die vereinbarten "
                "Ziele – bitte die Vereinbarung zuerst abschließen.")


def load_inputs(db: Any, case_id: int) -> Inputs:
    """The case, its current agreed version (as agreed), reviews, reflections, done marks and the
    last sent report. Refused (RuleViolation) while nothing is agreed."""
    with db.reading() as s:
        case = followup_repo.full_case(s, case_id)
        agreement = followup_repo.current_agreement(s, case_id)
        if agreement is None:
            raise RuleViolation(Problem("agreement", NO_AGREEMENT))
        return Inputs(case, agreement, followup_repo.reviews(s, case_id), followup_repo.reflections(s, case_id),
                      followup_repo.done_keys(s, case_id), reports_repo.last_sent(s, case_id))


def default_period(inputs: Inputs, today: dt.date) -> tuple[dt.date, dt.date]:
    """Since the last sent report (the day after its period), else since the agreement's start
    (else the day it was finalised); until today."""
    a = inputs.agreement
    if inputs.last_sent is not None and inputs.last_sent.period_end is not None:
        start = inputs.last_sent.period_end + dt.timedelta(days=1)
    elif a.start_date is not None:
        start = a.start_date
    elif a.finalised_at is not None:
        start = a.finalised_at.date()
    else:
        start = today
    return min(start, today), today


def draft_report(db_or_services: Any, case_id: int, period_start: dt.date | None = None,
                 period_end: dt.date | None = None, on: dt.date | None = None,
                 goal_categories: dict[str, str] | None = None) -> ReportDocument:
    """The drafted report of a case (not stored). ``db_or_services``: the open
    :class:`~kooperation_desktop.storage.database.Database` or the
    :class:`~kooperation_desktop.services.Services`. The period defaults to :func:`default_period`;
    consents are judged as of ``on`` (default: today)."""
    db = getattr(db_or_services, "db", db_or_services)
    on = on or dt.date.today()
    inputs = load_inputs(db, case_id)
    start, end = default_period(inputs, on)
    start, end = period_start or start, period_end or end
    rules.check_period(start, end)
    return build_document(inputs.case, inputs.agreement, inputs.reviews, inputs.reflections, inputs.done,
                          start, end, on, goal_categories)
