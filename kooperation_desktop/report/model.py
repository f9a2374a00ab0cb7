"""The report's dataclasses (no Qt, no SQL): the drafted document and the stored report.

:class:`ReportDocument` is what the PDF prints. It is computed from the case (the drafted parts)
and the social worker's edited section texts (:attr:`Report.sections`); when the report is sent
it is frozen as JSON (:func:`document_to_json`) with its SHA-256 and printed from that snapshot
ever after.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
from dataclasses import dataclass, field
from typing import Any

from ..domain.model import InfoCategory, ScaleKind
from ..domain.reports import ReportStatus

# the editable text sections, in print order (per goal: "goal.<number>")
SECTION_KEYS: tuple[str, ...] = ("successes", "family_voice", "disputed", "tasks", "next_steps",
                                 "family_statement")
SECTION_TITLES: dict[str, str] = {
    "successes": "Was gut gelaufen ist",
    "family_voice": "Was die Familie sagt",
    "disputed": "Strittige Punkte",
    "tasks": "Aufgaben: erledigt und offen",
    "next_steps": "Nächste Schritte und Empfehlung",
    "family_statement": "Stellungnahme der Familie",
}


def goal_key(number: int) -> str:
    return f"goal.{number}"


@dataclass(slots=True)
class IndicatorProgress:
    """One indicator: where it started and where it stands (latest review of the period)."""

    description: str = ""
    scale: ScaleKind = ScaleKind.GAS
    level_texts: list[str] = field(default_factory=lambda: ["", "", "", "", ""])
    baseline: int | None = None
    target: int | None = None
    latest_client: int | None = None
    latest_professional: int | None = None
    latest_on: dt.date | None = None  # the review the latest levels come from


@dataclass(slots=True)
class GoalSection:
    number: int = 0
    client_words: str = ""
    professional_wording: str = ""
    category: InfoCategory = InfoCategory.PROGRESS
    progress_shown: bool = True  # False: levels and T-scores left out (no consent)
    indicators: list[IndicatorProgress] = field(default_factory=list)
    t_then: dict[str, float | None] = field(default_factory=dict)  # rater value -> T
    t_now: dict[str, float | None] = field(default_factory=dict)


@dataclass(slots=True)
class TPoint:
    """The goal set's T-score at one point in time (the chart)."""

    label: str = ""
    on: dt.date | None = None
    client: float | None = None
    professional: float | None = None


@dataclass(slots=True)
class Omission:
    """Something the report leaves out, and why (shown while drafting, never printed)."""

    place: str = ""
    categories: list[InfoCategory] = field(default_factory=list)
    reason: str = ""

    @property
    def text(self) -> str:
        return f"ausgelassen: {self.place} – {self.reason}"


@dataclass(slots=True)
class ReportDocument:
    """Everything the report prints."""

    case_title: str = ""
    file_number: str = ""
    help_type: str = ""
    language: str = "de"
    document_id: str = ""  # the report's own number, e.g. "EB-2026-7F3A9C"
    agreement_document_id: str = ""
    agreement_version: int = 0
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    report_date: dt.date | None = None  # consents are judged as of this day
    youth_office: str = ""  # addressee (name, organisation)
    professional: str = ""  # author
    progress_shown: bool = True
    t_baseline: float | None = None
    t_then: dict[str, float | None] = field(default_factory=dict)
    t_then_label: str = ""  # the date of the review "then" ("": the start of the help)
    t_now: dict[str, float | None] = field(default_factory=dict)
    t_now_label: str = ""
    chart: list[TPoint] = field(default_factory=list)
    goals: list[GoalSection] = field(default_factory=list)
    sections: dict[str, str] = field(default_factory=dict)  # key -> text (drafted, then edited)
    drafted: dict[str, str] = field(default_factory=dict)  # key -> text as drafted (before editing)
    omissions: list[Omission] = field(default_factory=list)
    allowed: list[InfoCategory] = field(default_factory=list)  # what the family lets the Jugendamt know
    warnings: list[str] = field(default_factory=list)  # edited texts that may say more (never printed)
    # sign-off (from the stored report)
    status: ReportStatus = ReportStatus.DRAFT
    checked_by: str = ""
    checked_on: dt.date | None = None
    checked_how: str = ""
    sent_on: dt.date | None = None
    sent_to: str = ""
    copies: list[str] = field(default_factory=list)
    content_hash: str = ""

    def section_keys(self) -> list[str]:
        return [goal_key(g.number) for g in self.goals] + list(SECTION_KEYS)


@dataclass(slots=True)
class Report:
    """A stored report (table ``reports``)."""

    case_id: int | None = None
    agreement_id: int | None = None
    document_id: str = ""
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    status: ReportStatus = ReportStatus.DRAFT
    sections: dict[str, str] = field(default_factory=dict)  # edited texts only
    goal_categories: dict[str, str] = field(default_factory=dict)  # goal number -> InfoCategory value
    checked_by: str = ""
    checked_on: dt.date | None = None
    checked_how: str = ""
    sent_on: dt.date | None = None
    sent_to: str = ""
    copies: list[str] = field(default_factory=lambda: ["professional", "parents", "file", "youth_office"])
    frozen_content: str = ""
    content_hash: str = ""
    created_at: dt.datetime | None = None
    id: int | None = None
    row_version: int | None = None


# --- JSON (the frozen snapshot) ----------------------------------------------------------------


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def document_to_json(doc: ReportDocument) -> str:
    """Canonical JSON of the printed content (sorted keys; the hash is taken over it)."""
    body = _plain(doc)
    body.pop("content_hash", None)
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def document_from_json(text: str) -> ReportDocument:
    raw = json.loads(text)
    goals = []
    for g in raw.pop("goals", []):
        inds = [IndicatorProgress(**{**i, "scale": ScaleKind(i["scale"]), "latest_on": _date(i.get("latest_on"))})
                for i in g.pop("indicators", [])]
        goals.append(GoalSection(**{**g, "category": InfoCategory(g["category"]), "indicators": inds}))
    chart = [TPoint(**{**p, "on": _date(p.get("on"))}) for p in raw.pop("chart", [])]
    omissions = [Omission(o["place"], [InfoCategory(c) for c in o["categories"]], o["reason"])
                 for o in raw.pop("omissions", [])]
    for name in ("period_start", "period_end", "report_date", "checked_on", "sent_on"):
        raw[name] = _date(raw.get(name))
    raw["status"] = ReportStatus(raw.get("status", "draft"))
    raw["allowed"] = [InfoCategory(c) for c in raw.get("allowed", [])]
    return ReportDocument(**raw, goals=goals, chart=chart, omissions=omissions)
