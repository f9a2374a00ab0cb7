"""The follow-up's repository: every query of reviews, reflections, transition plans, done marks
and the due index, and the case and agreement lookups the follow-up needs.

One explicit mapping per row class: ``*_to_domain(row)`` builds the dataclass of
:mod:`kooperation_desktop.followup.model`, ``*_from_domain(obj, row)`` writes it into the row
(and returns the row). The functions take the caller's session (one use case, one transaction);
unknown ids raise :class:`~kooperation_desktop.storage.database.NotFound`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from sqlalchemy import Row, Select, func, insert, select
from sqlalchemy import case as sql_case
from sqlalchemy import delete as sql_delete
from sqlalchemy.orm import Session

from ..domain import serialize
from ..domain.model import Agreement, AgreementStatus, Case, CaseStatus, Partner, Person, Problem, ScaleKind
from ..domain.rules import RuleViolation
from ..followup.model import (
    DueItem,
    DueKind,
    IndicatorRating,
    Participant,
    ParticipantKind,
    Reflection,
    ReflectionRating,
    Review,
    TransitionPlan,
    participant_ref,
    split_ref,
)
from . import agreements as agreement_store
from . import cases as case_store
from . import mapping
from .database import ChangedElsewhere, NotFound, check_row_version
from .rows import AgreementRow, CaseRow, PartnerRow, PersonRow
from .rows_followup import (
    DoneMarkRow,
    DueEntryRow,
    DueStateRow,
    ReflectionRatingRow,
    ReflectionRow,
    ReviewRatingRow,
    ReviewRow,
    TransitionPlanRow,
)

# agreement versions a review / reflection / transition can refer to (agreed, not a draft)
AGREED = (AgreementStatus.FINAL, AgreementStatus.SIGNED, AgreementStatus.ENDED)

_Entry = TypeVar("_Entry", Review, Reflection)
_EntryRow = TypeVar("_EntryRow", ReviewRow, ReflectionRow)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _case_not_found(case_id: int | None) -> NotFound:
    return NotFound(f"Fall (Nr. {case_id}) wurde nicht gefunden.")


# --- rows <-> domain -------------------------------------------------------------------------


def rating_to_domain(row: ReviewRatingRow) -> IndicatorRating:
    return IndicatorRating(
        indicator_id=row.indicator_id, goal_id=row.goal_id, goal_title=row.goal_title, goal_weight=row.goal_weight,
        indicator_text=row.indicator_text, scale=ScaleKind(row.scale),
        level_texts=list(row.level_texts or [""] * 5), baseline=row.baseline, target=row.target,
        client_value=row.client_value, professional_value=row.professional_value, note=row.note,
        position=row.position, review_id=row.review_id, id=row.id,
    )


def rating_from_domain(rating: IndicatorRating, row: ReviewRatingRow) -> ReviewRatingRow:
    row.position, row.indicator_id, row.goal_id = rating.position, rating.indicator_id, rating.goal_id
    row.goal_title, row.goal_weight, row.indicator_text = rating.goal_title, rating.goal_weight, rating.indicator_text
    row.scale, row.level_texts = ScaleKind(rating.scale).value, (list(rating.level_texts) + [""] * 5)[:5]
    row.baseline, row.target, row.note = rating.baseline, rating.target, rating.note
    row.client_value, row.professional_value = rating.client_value, rating.professional_value
    return row


def review_to_domain(row: ReviewRow) -> Review:
    return Review(
        case_id=row.case_id, agreement_id=row.agreement_id, agreement_version=row.agreement_version,
        document_id=row.document_id, held_on=row.held_on, present=list(row.present or []),
        successes=row.successes, obstacles=row.obstacles, next_steps=row.next_steps,
        ratings=[rating_to_domain(r) for r in row.ratings], created_at=row.created_at, id=row.id,
        row_version=row.row_version,
    )


def review_from_domain(review: Review, row: ReviewRow) -> ReviewRow:
    """The review's fields into ``row``; its ratings replace the row's (numbered in list order)."""
    row.agreement_id, row.agreement_version = review.agreement_id, review.agreement_version
    row.document_id, row.held_on = review.document_id, review.held_on
    row.present = [p.strip() for p in review.present if p.strip()]
    row.successes, row.obstacles, row.next_steps = review.successes, review.obstacles, review.next_steps
    row.ratings.clear()
    for i, rating in enumerate(review.ratings):
        rating_row = rating_from_domain(rating, ReviewRatingRow())
        rating_row.position = i
        row.ratings.append(rating_row)
    return row


def reflection_rating_to_domain(row: ReflectionRatingRow) -> ReflectionRating:
    return ReflectionRating(condition=row.condition, participant=row.participant,
                            participant_kind=ParticipantKind(row.participant_kind), value=row.value,
                            note=row.note, reflection_id=row.reflection_id, id=row.id)


def reflection_rating_from_domain(rating: ReflectionRating, row: ReflectionRatingRow) -> ReflectionRatingRow:
    row.condition, row.participant, row.value = rating.condition, rating.participant, rating.value
    row.participant_kind, row.note = ParticipantKind(rating.participant_kind).value, rating.note
    return row


def reflection_to_domain(row: ReflectionRow) -> Reflection:
    return Reflection(
        case_id=row.case_id, agreement_id=row.agreement_id, held_on=row.held_on,
        participants=[Participant(p.get("name", ""), ParticipantKind(p.get("kind", "family")), p.get("ref", ""))
                      for p in (row.participants or [])],
        ratings=[reflection_rating_to_domain(r) for r in row.ratings],
        note=row.note, created_at=row.created_at, id=row.id, row_version=row.row_version,
    )


def reflection_from_domain(reflection: Reflection, row: ReflectionRow) -> ReflectionRow:
    """The reflection's fields into ``row``; its ratings replace the row's (empty ones, with
    neither a value nor a note, are not stored)."""
    row.agreement_id, row.held_on, row.note = reflection.agreement_id, reflection.held_on, reflection.note
    row.participants = [{"name": p.name, "kind": ParticipantKind(p.kind).value, "ref": p.ref}
                        for p in reflection.participants]
    row.ratings.clear()
    for rating in reflection.ratings:
        if rating.value is not None or rating.note.strip():
            row.ratings.append(reflection_rating_from_domain(rating, ReflectionRatingRow()))
    return row


def plan_to_domain(row: TransitionPlanRow) -> TransitionPlan:
    return TransitionPlan(case_id=row.case_id, agreement_id=row.agreement_id, offers=row.offers,
                          partners_kept=row.partners_kept, client_alone=row.client_alone,
                          agreed_on=row.agreed_on, note=row.note, id=row.id, row_version=row.row_version)


def plan_from_domain(plan: TransitionPlan, row: TransitionPlanRow) -> TransitionPlanRow:
    row.agreement_id, row.offers, row.partners_kept = plan.agreement_id, plan.offers, plan.partners_kept
    row.client_alone, row.agreed_on, row.note = plan.client_alone, plan.agreed_on, plan.note
    return row


# the due index is derived data written in bulk with Core (no ORM events: not audited, and it
# moves no due date), so its rows are read as columns and written as column values


def due_entry_to_domain(row: Row[int, str, str, dt.date, str, str, int | None]) -> DueItem:
    """A due item from the columns :func:`_due_query` reads (an index row and its case's title)."""
    case_id, case_title, kind, due_on, what, key, agreement_id = row
    return DueItem(case_id, case_title, DueKind(kind), due_on, what, key, agreement_id)


def due_entry_from_domain(item: DueItem) -> dict[str, object]:
    """The column values of the index row of ``item``."""
    return {"case_id": item.case_id, "agreement_id": item.agreement_id, "kind": DueKind(item.kind).value,
            "due_on": item.due_on, "key": item.key, "what": item.what}


# --- the case and its agreed version ---------------------------------------------------------


def require_case(s: Session, case_id: int | None) -> None:
    """Raise :class:`NotFound` unless the case exists."""
    if case_id is None or s.get(CaseRow, case_id) is None:
        raise _case_not_found(case_id)


def case_head(s: Session, case_id: int) -> Case:
    """The case's own title and status (no persons, partners or agreements)."""
    row = s.get(CaseRow, case_id)
    if row is None:
        raise _case_not_found(case_id)
    return Case(title=row.title, status=CaseStatus(row.status), id=row.id)


def full_case(s: Session, case_id: int) -> Case:
    """The case with persons, partners, consents and agreement summaries."""
    case = case_store.find(s, case_id)
    if case is None:
        raise _case_not_found(case_id)
    return case


def current_agreement(s: Session, case_id: int) -> Agreement | None:
    """The newest agreed version of the case (final, signed or ended) as it was agreed (its
    frozen snapshot, with its current status); None while there is only a draft."""
    require_case(s, case_id)
    row = s.scalar(select(AgreementRow)
                   .where(AgreementRow.case_id == case_id, AgreementRow.status.in_([a.value for a in AGREED]))
                   .order_by(AgreementRow.version.desc(), AgreementRow.id.desc()).limit(1))
    if row is None:
        return None
    if not row.frozen_content:  # (every agreed version has one; read it as it is now otherwise)
        return agreement_store.find(s, row.id)
    try:
        _case, agreement = serialize.thaw(row.frozen_content)
    except serialize.FormatError as e:
        raise RuleViolation(Problem("frozen_content", str(e))) from None
    agreement.id, agreement.case_id = row.id, row.case_id
    agreement.status = AgreementStatus(row.status)
    agreement.finalised_at, agreement.content_hash = row.finalised_at, row.content_hash
    return agreement


# --- who takes part in a reflection ----------------------------------------------------------


def participant_refs(s: Session, case_id: int) -> dict[tuple[ParticipantKind, int | None], str]:
    """The ref of each person (``FAMILY``) and partner of the case by ``(kind, local id)``:
    "person:<uuid>" / "partner:<uuid>", the rows' global identity (a reflection's participants travel
    to the colleagues' laptops, where the local ids name other rows)."""
    refs: dict[tuple[ParticipantKind, int | None], str] = {}
    for kind, row_class in ((ParticipantKind.FAMILY, PersonRow), (ParticipantKind.PARTNER, PartnerRow)):
        for ident, uuid in s.execute(select(row_class.id, row_class.uuid).where(row_class.case_id == case_id)):
            refs[(kind, ident)] = participant_ref(kind, uuid)
    return refs


def participant_of(s: Session, ref: str) -> Person | Partner | None:
    """The person or partner a participant's ref names; None when it names none (deleted, "", or not
    a ref of :func:`participant_refs`)."""
    parsed = split_ref(ref)
    if parsed is None:
        return None
    kind, uuid = parsed
    if kind == ParticipantKind.FAMILY:
        person = s.scalar(select(PersonRow).where(PersonRow.uuid == uuid))
        return None if person is None else mapping.to_domain(person)
    partner = s.scalar(select(PartnerRow).where(PartnerRow.uuid == uuid))
    return None if partner is None else mapping.to_domain(partner)


# --- reviews and reflections -----------------------------------------------------------------


def _save_entry(s: Session, entry: _Entry, row_class: type[_EntryRow], what: str,
                from_domain: Callable[[_Entry, _EntryRow], _EntryRow],
                to_domain: Callable[[_EntryRow], _Entry]) -> _Entry:
    """Insert or update a review or reflection (``what`` names it in messages). An update checks
    the row version and counts it up (also when only the ratings change)."""
    require_case(s, entry.case_id)
    if entry.id is None:
        row = row_class(case_id=entry.case_id, created_at=_now())
        s.add(row)
    else:
        found = s.get(row_class, entry.id)
        if found is None or found.case_id != entry.case_id:
            raise NotFound(f"{what} (Nr. {entry.id}) wurde nicht gefunden.")
        row = found
        check_row_version(row, entry.row_version)
        row.row_version += 1
    from_domain(entry, row)
    s.flush()
    return to_domain(row)


def save_review(s: Session, review: Review) -> Review:
    return _save_entry(s, review, ReviewRow, "Überprüfung", review_from_domain, review_to_domain)


def save_reflection(s: Session, reflection: Reflection) -> Reflection:
    return _save_entry(s, reflection, ReflectionRow, "Reflexion", reflection_from_domain, reflection_to_domain)


def reviews(s: Session, case_id: int) -> list[Review]:
    """The case's reviews, oldest first."""
    rows = s.scalars(select(ReviewRow).where(ReviewRow.case_id == case_id).order_by(ReviewRow.held_on, ReviewRow.id))
    return [review_to_domain(r) for r in rows]


def review_dates(s: Session, case_id: int) -> list[dt.date | None]:
    """The dates of the case's reviews (what the due rules need of them)."""
    return list(s.scalars(select(ReviewRow.held_on).where(ReviewRow.case_id == case_id)))


def get_review(s: Session, review_id: int) -> Review:
    row = s.get(ReviewRow, review_id)
    if row is None:
        raise NotFound(f"Überprüfung (Nr. {review_id}) wurde nicht gefunden.")
    return review_to_domain(row)


def reflections(s: Session, case_id: int) -> list[Reflection]:
    """The case's reflections, oldest first."""
    rows = s.scalars(select(ReflectionRow).where(ReflectionRow.case_id == case_id)
                     .order_by(ReflectionRow.held_on, ReflectionRow.id))
    return [reflection_to_domain(r) for r in rows]


def delete_review(s: Session, review_id: int) -> None:
    """Delete the review (with its ratings); an unknown id deletes nothing."""
    _delete(s, s.get(ReviewRow, review_id))


def delete_reflection(s: Session, reflection_id: int) -> None:
    """Delete the reflection (with its ratings); an unknown id deletes nothing."""
    _delete(s, s.get(ReflectionRow, reflection_id))


def _delete(s: Session, row: ReviewRow | ReflectionRow | None) -> None:
    if row is not None:
        s.delete(row)  # through the ORM: the audit trail records it


# --- transition plans --------------------------------------------------------------------------


def _latest_plan_row(s: Session, case_id: int | None) -> TransitionPlanRow | None:
    return s.scalar(select(TransitionPlanRow).where(TransitionPlanRow.case_id == case_id)
                    .order_by(TransitionPlanRow.id.desc()))


def latest_plan(s: Session, case_id: int) -> TransitionPlan | None:
    """The case's recorded transition plan (the newest), or None."""
    row = _latest_plan_row(s, case_id)
    return plan_to_domain(row) if row is not None else None


def save_plan(s: Session, plan: TransitionPlan) -> TransitionPlan:
    """Insert or update the case's transition plan (one per case). A copy of a plan that was
    replaced since it was loaded, or of an older row version, raises :class:`ChangedElsewhere`."""
    require_case(s, plan.case_id)
    row = _latest_plan_row(s, plan.case_id)
    if row is None:
        row = TransitionPlanRow(case_id=plan.case_id)
        s.add(row)
    elif plan.id == row.id:
        check_row_version(row, plan.row_version)
    elif plan.id is not None:  # the plan this copy was loaded from was replaced meanwhile
        raise ChangedElsewhere()
    plan_from_domain(plan, row).updated_at = _now()
    s.flush()
    return plan_to_domain(row)


# --- done marks and the due index ------------------------------------------------------------


def done_keys(s: Session, case_id: int) -> set[str]:
    """The keys of the case's due items marked as done."""
    return set(s.scalars(select(DoneMarkRow.key).where(DoneMarkRow.case_id == case_id)))


def mark_done(s: Session, case_id: int, key: str, on: dt.date) -> None:
    """Mark the case's due item ``key`` as done on ``on`` (once: a second mark is not stored)."""
    require_case(s, case_id)
    exists = s.scalar(select(DoneMarkRow).where(DoneMarkRow.case_id == case_id, DoneMarkRow.key == key))
    if exists is None:
        s.add(DoneMarkRow(case_id=case_id, key=key, done_on=on))


def _due_query(until: dt.date) -> Select[int, str, str, dt.date, str, str, int | None]:
    return (select(DueEntryRow.case_id, CaseRow.title, DueEntryRow.kind, DueEntryRow.due_on, DueEntryRow.what,
                   DueEntryRow.key, DueEntryRow.agreement_id)
            .join(CaseRow, CaseRow.id == DueEntryRow.case_id)
            .where(DueEntryRow.due_on <= until, CaseRow.status == CaseStatus.OPEN.value))


def due_entries(s: Session, until: dt.date, limit: int | None = None) -> list[DueItem]:
    """The indexed due items of open cases up to ``until`` (unsorted). With ``limit``: the first
    ``limit`` by date plus every other item of the last of those dates (ties are the caller's to
    sort)."""
    q = _due_query(until)
    if limit is None:
        return [due_entry_to_domain(r) for r in s.execute(q)]
    first = q.order_by(DueEntryRow.due_on, DueEntryRow.id).limit(limit)
    items = [due_entry_to_domain(r) for r in s.execute(first)]
    if len(items) == limit:
        last = items[-1].due_on
        items = [i for i in items if i.due_on < last]
        items += [due_entry_to_domain(r) for r in s.execute(q.where(DueEntryRow.due_on == last))]
    return items


def due_counts(s: Session, on: dt.date, until: dt.date) -> tuple[int, int]:
    """(indexed items due on ``on`` or earlier, all indexed items up to ``until``)."""
    # the index holds open cases only (closing a case empties its entries): no join needed,
    # the count reads the due_on index alone
    urgent = func.sum(sql_case((DueEntryRow.due_on <= on, 1), else_=0))
    total, due_now = s.execute(select(func.count(), urgent).where(DueEntryRow.due_on <= until)).one()
    return int(due_now or 0), int(total or 0)


def stale_due_cases(s: Session) -> list[int]:
    """Cases whose due index is not up to date (changed since, or never built)."""
    return list(s.scalars(select(CaseRow.id).outerjoin(DueStateRow, DueStateRow.case_id == CaseRow.id)
                          .where(DueStateRow.case_id.is_(None)).order_by(CaseRow.id)))


def replace_due_entries(s: Session, computed: Sequence[tuple[int, Iterable[DueItem]]]) -> None:
    """Store the due index of these cases, (case id, its pending items) each, as up to date now."""
    case_ids = [case_id for case_id, _items in computed]
    s.execute(sql_delete(DueEntryRow).where(DueEntryRow.case_id.in_(case_ids)))
    s.execute(sql_delete(DueStateRow).where(DueStateRow.case_id.in_(case_ids)))
    rows = [due_entry_from_domain(item) for _c, items in computed for item in items]
    if rows:
        s.execute(insert(DueEntryRow), rows)
    now = _now()
    s.execute(insert(DueStateRow), [{"case_id": c, "computed_at": now} for c in case_ids])
