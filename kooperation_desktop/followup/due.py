"""What is due when: a pure function over the cases' current agreements (no database, no clock).

Sources of due items for an open case with a finalised (or signed) agreement version:

* the next review (Überprüfung / Hilfeplangespräch): ``Agreement.next_review`` until a review was
  held on or after it (a review up to :data:`REVIEW_EARLY_DAYS` days earlier counts too); after
  that the last review plus the review rhythm (:data:`REVIEW_RHYTHM_DAYS`);
* meetings, feedback and reports of the communication rules: ``next_date``, repeated by the rhythm
  when it can be read (``"wöchentlich"``, ``"alle zwei Wochen"``, ``"alle 3 Monate"`` …); a report
  "vor jedem Hilfeplangespräch" without a date is due two weeks before the next review;
* tasks with a due date;
* the report to the Jugendamt ("Bericht fällig"): :attr:`CaseFollowUp.report_lead_days` days
  (a setting, default :data:`REPORT_BEFORE_REVIEW_DAYS`) before the next Hilfeplan meeting
  (:func:`next_hilfeplan_date`: the communication rules' meetings named "Hilfeplan…", else the next
  review), until a report is sent (:data:`REPORT_SENT_WINDOW_DAYS`);
* the planned end of the help, and from :data:`TRANSITION_WEEKS` weeks before it the transition
  plan, until a complete transition plan is recorded.

Each item has a stable ``key``; items marked as done (``done`` keys) are left out.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..domain.model import Agreement, AgreementStatus, Case, CaseStatus, CommunicationKind, Task
from .model import DueItem, DueKind, Review, TransitionPlan

REVIEW_RHYTHM_DAYS = 182  # a help-plan review at least every six months (§ 36 SGB VIII practice)
REVIEW_EARLY_DAYS = 14
REPORT_BEFORE_REVIEW_DAYS = 14
TRANSITION_WEEKS = 8
# a report sent up to this many days before its due date counts for that Hilfeplan meeting
REPORT_SENT_WINDOW_DAYS = 90
DEFAULT_HORIZON_DAYS = 14

_RULE_KIND = {
    CommunicationKind.MEETING: DueKind.MEETING,
    CommunicationKind.REPORT: DueKind.REPORT,
    CommunicationKind.FEEDBACK: DueKind.FEEDBACK,
}

_NUMBERS = {"ein": 1, "einen": 1, "eine": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
            "acht": 8, "zwölf": 12}
_UNIT_DAYS = {"tag": 1, "tage": 1, "woche": 7, "wochen": 7, "monat": 30, "monate": 30, "jahr": 365}
_WORDS = (("täglich", 1), ("wöchentlich", 7), ("14-tägig", 14), ("vierzehntägig", 14), ("zweiwöchentlich", 14),
          ("monatlich", 30), ("vierteljährlich", 91), ("quartalsweise", 91), ("halbjährlich", 182),
          ("jährlich", 365))


@dataclass(slots=True)
class CaseFollowUp:
    """What :func:`due_items` needs to know about one case."""

    case: Case
    agreement: Agreement | None  # the current finalised/signed version (None: nothing agreed yet)
    reviews: list[Review] = field(default_factory=list)
    transition: TransitionPlan | None = None
    done: set[str] = field(default_factory=set)
    reports_sent: list[dt.date] = field(default_factory=list)  # days reports to the Jugendamt were sent
    report_lead_days: int = REPORT_BEFORE_REVIEW_DAYS  # "Bericht fällig" this many days before the meeting


def rhythm_days(text: str) -> int | None:
    """Days between two dates of a rhythm typed in German; None when it cannot be read."""
    t = text.casefold().strip()
    if not t:
        return None
    m = re.search(r"alle\s+(\d+|\w+)\s+(tage|woche|wochen|monat|monate|jahr)\b", t)
    if m:
        n = int(m.group(1)) if m.group(1).isdigit() else _NUMBERS.get(m.group(1))
        if n:
            return n * _UNIT_DAYS[m.group(2)]
    m = re.search(r"(?:jede[nrs]?|einmal\s+(?:im|pro|in\s+der))\s+(tag|woche|monat|jahr)\b", t)
    if m:
        return _UNIT_DAYS[m.group(1)]
    for word, days in _WORDS:
        if re.search(rf"(?<![\w-]){re.escape(word)}", t):
            return days
    return None


def _key(*parts: object) -> str:
    digest = hashlib.sha256("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]
    return f"{parts[0]}:{digest}"


def next_review_date(agreement: Agreement, reviews: Iterable[Review]) -> dt.date | None:
    held = sorted(r.held_on for r in reviews if r.held_on is not None)
    planned = agreement.next_review
    if planned is not None and not any(h >= planned - dt.timedelta(days=REVIEW_EARLY_DAYS) for h in held):
        return planned
    if held:
        return held[-1] + dt.timedelta(days=REVIEW_RHYTHM_DAYS)
    if agreement.start_date is not None:
        return agreement.start_date + dt.timedelta(days=REVIEW_RHYTHM_DAYS)
    return None


def next_hilfeplan_date(agreement: Agreement, reviews: Iterable[Review]) -> dt.date | None:
    """The next Hilfeplan meeting: the earliest date of the communication rules' meetings whose
    text names the Hilfeplan (``next_date``, moved on by the rhythm past the reviews already held),
    else the next review (:func:`next_review_date`)."""
    held = sorted(r.held_on for r in reviews if r.held_on is not None)
    found: list[dt.date] = []
    for rule in agreement.communication:
        if rule.kind != CommunicationKind.MEETING or rule.next_date is None or "hilfeplan" not in rule.what.casefold():
            continue
        day, step = rule.next_date, rhythm_days(rule.rhythm)
        while step and held and held[-1] >= day - dt.timedelta(days=REVIEW_EARLY_DAYS):
            day += dt.timedelta(days=step)
        found.append(day)
    return min(found) if found else next_review_date(agreement, reviews)


def task_key(agreement: Agreement, task: Task) -> str:
    """The due key of a task with a due date (marked done = the task is done)."""
    return _key("task", agreement.document_id, task.what.strip(), task.due_date.isoformat() if task.due_date else "")


def _first_open(first: dt.date, step: int | None, key_base: tuple[object, ...], done: set[str],
                until: dt.date) -> tuple[dt.date, str] | None:
    """The first occurrence (first, first+step, …) not marked done, not later than ``until``."""
    day = first
    for _ in range(1000):
        key = _key(*key_base, day.isoformat())
        if key not in done:
            return day, key
        if not step:
            return None
        day += dt.timedelta(days=step)
        if day > until:
            return day, _key(*key_base, day.isoformat())
    return None


def case_due_items(data: CaseFollowUp, today: dt.date,
                   horizon_days: int = DEFAULT_HORIZON_DAYS) -> list[DueItem]:
    """Due items of one case up to ``today + horizon_days`` (overdue ones included), by date."""
    return _items(data, today + dt.timedelta(days=horizon_days))


def pending_items(data: CaseFollowUp) -> list[DueItem]:
    """The next open date of every due source of one case, however far ahead (no clock: what the
    due index stores; :func:`case_due_items` is these up to a horizon)."""
    return _items(data, dt.date.max)


def _items(data: CaseFollowUp, until: dt.date) -> list[DueItem]:
    case, a = data.case, data.agreement
    if a is None or case.id is None or case.status != CaseStatus.OPEN or a.status == AgreementStatus.ENDED:
        return []  # nothing agreed yet, the case is closed, or the help was ended („Hilfe beenden“)
    items: list[DueItem] = []

    def add(kind: DueKind, day: dt.date | None, what: str, key: str) -> None:
        if day is not None and day <= until and key not in data.done:
            # ignore below: ids are set once stored (the model says int | None)
            items.append(DueItem(case.id, case.title, kind, day, what, key, a.id))  # type: ignore[arg-type]

    review_day = next_review_date(a, data.reviews)
    if review_day is not None:
        add(DueKind.REVIEW, review_day, "Überprüfung der Ziele und Indikatoren (Hilfeplangespräch)",
            _key("review", a.document_id, review_day.isoformat()))

    for rule in a.communication:
        kind = _RULE_KIND.get(rule.kind)
        if kind is None:
            continue
        label = rule.what.strip() or {DueKind.MEETING: "Treffen", DueKind.REPORT: "Bericht",
                                      DueKind.FEEDBACK: "Rückmeldung"}[kind]
        if rule.to_whom.strip():
            label += f" (an {rule.to_whom.strip()})"
        base = ("rule", a.document_id, rule.kind, rule.what.strip())
        if rule.next_date is not None:
            found = _first_open(rule.next_date, rhythm_days(rule.rhythm), base, data.done, until)
            if found:
                add(kind, found[0], label, found[1])
        elif review_day is not None and "hilfeplan" in rule.rhythm.casefold():
            day = review_day - dt.timedelta(days=REPORT_BEFORE_REVIEW_DAYS)
            add(kind, day, f"{label} – vor dem Hilfeplangespräch am {review_day:%d.%m.%Y}",
                _key(*base, day.isoformat()))

    for task in a.tasks:
        if task.due_date is not None:
            add(DueKind.TASK, task.due_date, task.what.strip() or "Aufgabe", task_key(a, task))

    meeting = next_hilfeplan_date(a, data.reviews)
    if meeting is not None:
        day = meeting - dt.timedelta(days=data.report_lead_days)
        sent = any(day - dt.timedelta(days=REPORT_SENT_WINDOW_DAYS) <= s <= meeting for s in data.reports_sent)
        if not sent and not any(i.kind == DueKind.REPORT and i.due_on == day for i in items):
            add(DueKind.REPORT, day, f"Bericht fällig: Entwicklungsbericht für das Jugendamt zum "
                                     f"Hilfeplangespräch am {meeting:%d.%m.%Y}",
                _key("jugendamt-report", a.document_id, meeting.isoformat()))

    if a.planned_end is not None:
        add(DueKind.PLANNED_END, a.planned_end, "Die Hilfe endet wie geplant.",
            _key("end", a.document_id, a.planned_end.isoformat()))
        plan = data.transition
        if plan is None or not plan.is_complete:
            start = a.planned_end - dt.timedelta(weeks=TRANSITION_WEEKS)
            add(DueKind.TRANSITION, start,
                f"Die Hilfe endet am {a.planned_end:%d.%m.%Y}. Anschlussangebote, Partner, die bleiben, "
                "und was die Familie allein schafft, festhalten.",
                _key("transition", a.document_id, a.planned_end.isoformat()))
    items.sort(key=lambda i: (i.due_on, list(DueKind).index(i.kind), i.what))
    return items


def sort_key(item: DueItem) -> tuple[dt.date, str, int, str]:
    """Overdue first, then by date, case and kind (the order of the start screen)."""
    return (item.due_on, item.case_title.casefold(), list(DueKind).index(item.kind), item.what)


def due_items(cases: Iterable[CaseFollowUp], today: dt.date,
              horizon_days: int = DEFAULT_HORIZON_DAYS) -> list[DueItem]:
    """Due items of all cases (overdue first, then by date and case)."""
    items = [i for c in cases for i in case_due_items(c, today, horizon_days)]
    items.sort(key=sort_key)
    return items


def transition_needed(data: CaseFollowUp, today: dt.date) -> bool:
    """True when the planned end is at most :data:`TRANSITION_WEEKS` weeks away (or past) and no
    complete transition plan is recorded."""
    a = data.agreement
    if a is None or a.planned_end is None:
        return False
    if data.transition is not None and data.transition.is_complete:
        return False
    return a.planned_end - dt.timedelta(weeks=TRANSITION_WEEKS) <= today
