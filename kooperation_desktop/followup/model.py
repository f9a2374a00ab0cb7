"""Domain dataclasses of the follow-up (no Qt, no SQL).

A review refers to one finalised agreement version. Each rating keeps a copy of what was rated
(the goal's title and weight, the indicator's text, scale and level texts at review time) beside
the indicator's id, so a review stays readable whatever happens to later versions.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

from ..domain.model import ScaleKind


class Rater(enum.StrEnum):
    """Whose voice a rating is (3i: the client's voice is recorded beside the professional's)."""

    CLIENT = "client"  # Familie / Klient
    PROFESSIONAL = "professional"  # Fachkraft


RATER_LABEL: dict[Rater, str] = {Rater.CLIENT: "Familie", Rater.PROFESSIONAL: "Fachkraft"}


class ParticipantKind(enum.StrEnum):
    FAMILY = "family"  # a member of the client system
    PARTNER = "partner"  # youth office, professional or a resource


#: the kind of row a participant's ``ref`` names ("person:<uuid>" / "partner:<uuid>")
REF_PREFIX: dict[ParticipantKind, str] = {ParticipantKind.FAMILY: "person", ParticipantKind.PARTNER: "partner"}


def participant_ref(kind: ParticipantKind, uuid: str | None) -> str:
    """The reference of a person (``FAMILY``) or partner by its row's global ``uuid``: the same on
    every laptop of a team, unlike the local ids ("" without a uuid)."""
    return f"{REF_PREFIX[ParticipantKind(kind)]}:{uuid}" if uuid else ""


def split_ref(ref: str) -> tuple[ParticipantKind, str] | None:
    """``(kind, uuid)`` of a participant's ref; None for "" or anything else."""
    prefix, _sep, uuid = ref.partition(":")
    kind = next((k for k, p in REF_PREFIX.items() if p == prefix), None)
    return (kind, uuid) if kind is not None and uuid else None


@dataclass(slots=True)
class IndicatorRating:
    """One indicator rated at a review, separately by the client and by the professional."""

    indicator_id: int | None = None  # the indicator in the reviewed agreement version
    goal_id: int | None = None
    goal_title: str = ""  # copies at review time
    goal_weight: float = 1.0
    indicator_text: str = ""
    scale: ScaleKind = ScaleKind.GAS
    level_texts: list[str] = field(default_factory=lambda: ["", "", "", "", ""])
    baseline: int | None = None
    target: int | None = None
    client_value: int | None = None  # GAS -2..+2 or 0..10; None = not rated
    professional_value: int | None = None
    note: str = ""
    position: int = 0
    review_id: int | None = None
    id: int | None = None

    def value(self, rater: Rater) -> int | None:
        return self.client_value if rater == Rater.CLIENT else self.professional_value


@dataclass(slots=True)
class Review:
    """A review (Überprüfung / Hilfeplangespräch) on a date."""

    case_id: int | None = None
    agreement_id: int | None = None
    agreement_version: int = 0
    document_id: str = ""
    held_on: dt.date | None = None
    present: list[str] = field(default_factory=list)  # names of who was there, as text
    successes: str = ""  # what went well (3h)
    obstacles: str = ""  # what got in the way
    next_steps: str = ""  # what was agreed next
    ratings: list[IndicatorRating] = field(default_factory=list)
    created_at: dt.datetime | None = None
    id: int | None = None
    row_version: int | None = None  # the stored row's version counter when loaded (None: not stored)


@dataclass(slots=True)
class Participant:
    """Someone present at a reflection (a family member or a partner), by name as text."""

    name: str
    kind: ParticipantKind = ParticipantKind.FAMILY
    # "person:<uuid>" / "partner:<uuid>" (:func:`participant_ref`; for choosing in the UI, the name is what
    # counts); the row's uuid travels, its local id would name another row on a colleague's laptop
    ref: str = ""


@dataclass(slots=True)
class ReflectionRating:
    """One participant's rating (1–5) of one condition a–j, with a note."""

    condition: str = "a"
    participant: str = ""
    participant_kind: ParticipantKind = ParticipantKind.FAMILY
    value: int | None = None  # 1 = trifft gar nicht zu … 5 = trifft voll zu
    note: str = ""
    reflection_id: int | None = None
    id: int | None = None


@dataclass(slots=True)
class Reflection:
    """A joint reflection of the cooperation (3g)."""

    case_id: int | None = None
    agreement_id: int | None = None
    held_on: dt.date | None = None
    participants: list[Participant] = field(default_factory=list)
    ratings: list[ReflectionRating] = field(default_factory=list)
    note: str = ""
    created_at: dt.datetime | None = None
    id: int | None = None
    row_version: int | None = None  # the stored row's version counter when loaded (None: not stored)

    def means(self) -> dict[str, float]:
        """Mean rating per condition key (only conditions someone rated)."""
        sums: dict[str, list[int]] = {}
        for r in self.ratings:
            if r.value is not None:
                sums.setdefault(r.condition, []).append(r.value)
        return {k: sum(v) / len(v) for k, v in sums.items()}


@dataclass(slots=True)
class TransitionPlan:
    """The transition at the planned end (seed part 4)."""

    case_id: int | None = None
    agreement_id: int | None = None
    offers: str = ""  # further offers (Anschlussangebote)
    partners_kept: str = ""  # partners the client keeps
    client_alone: str = ""  # what the client now does alone
    agreed_on: dt.date | None = None
    note: str = ""
    id: int | None = None
    row_version: int | None = None  # the stored row's version counter when loaded (None: not stored)

    @property
    def is_complete(self) -> bool:
        return all(x.strip() for x in (self.offers, self.partners_kept, self.client_alone))


class DueKind(enum.StrEnum):
    REVIEW = "review"
    MEETING = "meeting"
    REPORT = "report"
    FEEDBACK = "feedback"
    TASK = "task"
    PLANNED_END = "planned_end"
    TRANSITION = "transition"


DUE_KIND_LABEL: dict[DueKind, str] = {
    DueKind.REVIEW: "Überprüfung / Hilfeplangespräch",
    DueKind.MEETING: "Treffen",
    DueKind.REPORT: "Bericht",
    DueKind.FEEDBACK: "Rückmeldung",
    DueKind.TASK: "Aufgabe",
    DueKind.PLANNED_END: "Geplantes Ende der Hilfe",
    DueKind.TRANSITION: "Übergang planen",
}


@dataclass(frozen=True, slots=True)
class DueItem:
    """Something due in a case on a date."""

    case_id: int
    case_title: str
    kind: DueKind
    due_on: dt.date
    what: str  # German, one line
    key: str  # stable key to mark it as done
    agreement_id: int | None = None

    def state(self, today: dt.date) -> str:
        """"überfällig", "heute fällig" or "demnächst"."""
        if self.due_on < today:
            return "überfällig"
        if self.due_on == today:
            return "heute fällig"
        return "demnächst"

    def days_text(self, today: dt.date) -> str:
        days = (self.due_on - today).days
        if days == 0:
            return "heute"
        if days < 0:
            return "seit gestern" if days == -1 else f"seit {-days} Tagen"
        return "morgen" if days == 1 else f"in {days} Tagen"
