"""FollowUpService: reviews, reflections, transition plans, due items and their PDFs.

Built from a :class:`~kooperation_desktop.services.Services` (``FollowUpService(services)``); one
short transaction per write. Takes and returns the dataclasses of :mod:`.model`; refusals raise
:class:`~kooperation_desktop.domain.rules.RuleViolation` with German messages, unknown ids
:class:`~kooperation_desktop.services.NotFound`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from sqlalchemy import case as sql_case
from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from ..atomic import write_bytes
from ..domain import rules
from ..domain.model import (
    Agreement,
    AgreementStatus,
    Case,
    CaseStatus,
    Problem,
    ScaleKind,
)
from ..domain.rules import RuleViolation
from ..paths import guard_target
from ..services import ChangedElsewhere, NotFound, Services, check_row_version
from ..storage.rows import AgreementRow, CaseRow
from ..storage.rows_followup import (
    DoneMarkRow,
    DueEntryRow,
    DueStateRow,
    ReflectionRatingRow,
    ReflectionRow,
    ReviewRatingRow,
    ReviewRow,
    TransitionPlanRow,
)
from . import due as due_mod
from .gas import review_t_score
from .model import (
    DueItem,
    DueKind,
    IndicatorRating,
    Participant,
    ParticipantKind,
    Rater,
    Reflection,
    ReflectionRating,
    Review,
    TransitionPlan,
)
from .reflection import CONDITION_BY_KEY, SCALE_MAX, SCALE_MIN

# agreement versions a review / reflection / transition can refer to (agreed, not a draft)
AGREED = (AgreementStatus.FINAL, AgreementStatus.SIGNED, AgreementStatus.ENDED)

_Entry = TypeVar("_Entry", Review, Reflection)  # what _upsert saves
_EntryRow = TypeVar("_EntryRow", ReviewRow, ReflectionRow)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# --- row <-> domain ------------------------------------------------------------------------


def _rating_from_row(r: ReviewRatingRow) -> IndicatorRating:
    return IndicatorRating(
        indicator_id=r.indicator_id, goal_id=r.goal_id, goal_title=r.goal_title, goal_weight=r.goal_weight,
        indicator_text=r.indicator_text, scale=ScaleKind(r.scale), level_texts=list(r.level_texts or [""] * 5),
        baseline=r.baseline, target=r.target, client_value=r.client_value,
        professional_value=r.professional_value, note=r.note, position=r.position, review_id=r.review_id, id=r.id,
    )


def _review_from_row(row: ReviewRow) -> Review:
    return Review(
        case_id=row.case_id, agreement_id=row.agreement_id, agreement_version=row.agreement_version,
        document_id=row.document_id, held_on=row.held_on, present=list(row.present or []),
        successes=row.successes, obstacles=row.obstacles, next_steps=row.next_steps,
        ratings=[_rating_from_row(r) for r in row.ratings], created_at=row.created_at, id=row.id,
        row_version=row.row_version,
    )


def _reflection_from_row(row: ReflectionRow) -> Reflection:
    return Reflection(
        case_id=row.case_id, agreement_id=row.agreement_id, held_on=row.held_on,
        participants=[Participant(p.get("name", ""), ParticipantKind(p.get("kind", "family")), p.get("ref", ""))
                      for p in (row.participants or [])],
        ratings=[ReflectionRating(condition=r.condition, participant=r.participant,
                                  participant_kind=ParticipantKind(r.participant_kind), value=r.value,
                                  note=r.note, reflection_id=r.reflection_id, id=r.id) for r in row.ratings],
        note=row.note, created_at=row.created_at, id=row.id, row_version=row.row_version,
    )


def _plan_from_row(row: TransitionPlanRow) -> TransitionPlan:
    return TransitionPlan(case_id=row.case_id, agreement_id=row.agreement_id, offers=row.offers,
                          partners_kept=row.partners_kept, client_alone=row.client_alone,
                          agreed_on=row.agreed_on, note=row.note, id=row.id,
                          row_version=row.row_version)


# --- validation ----------------------------------------------------------------------------


def validate_review(review: Review) -> list[Problem]:
    p: list[Problem] = []
    if review.held_on is None:
        p.append(Problem("held_on", "Bitte das Datum der Überprüfung eintragen."))
    for i, r in enumerate(review.ratings):
        lo, hi, label = (-2, 2, "−2 und +2") if r.scale == ScaleKind.GAS else (0, 10, "0 und 10")
        for attr, who in (("client_value", "der Familie"), ("professional_value", "der Fachkraft")):
            v = getattr(r, attr)
            if v is not None and (isinstance(v, bool) or not isinstance(v, int) or not lo <= v <= hi):
                p.append(Problem(f"ratings[{i}].{attr}",
                                 f"Die Einschätzung {who} zu „{r.indicator_text[:60]}“ muss zwischen {label} liegen."))
    if review.ratings and all(r.client_value is None and r.professional_value is None for r in review.ratings):
        p.append(Problem("ratings", "Bitte mindestens einen Indikator einschätzen (Familie oder Fachkraft)."))
    return p


def validate_reflection(reflection: Reflection) -> list[Problem]:
    p: list[Problem] = []
    if reflection.held_on is None:
        p.append(Problem("held_on", "Bitte das Datum der Reflexion eintragen."))
    if not reflection.participants:
        p.append(Problem("participants", "Bitte angeben, wer an der Reflexion teilgenommen hat."))
    names = {x.name for x in reflection.participants}
    for r in reflection.ratings:
        if r.condition not in CONDITION_BY_KEY:
            p.append(Problem("condition", f"Die Bedingung „{r.condition}“ gibt es nicht (a bis j)."))
        if r.value is not None and (isinstance(r.value, bool) or not isinstance(r.value, int)
                                    or not SCALE_MIN <= r.value <= SCALE_MAX):
            p.append(Problem("value", f"Bewertungen gehen von {SCALE_MIN} bis {SCALE_MAX}."))
        if r.participant not in names:
            p.append(Problem("participant", f"„{r.participant}“ ist nicht als Teilnehmende eingetragen."))
    if not any(r.value is not None for r in reflection.ratings):
        p.append(Problem("ratings", "Bitte mindestens eine Bedingung bewerten."))
    return p


class FollowUpService:
    """The follow-up use cases over one :class:`Services` database."""

    def __init__(self, services: Services):
        self.services = services

    # --- helpers ---------------------------------------------------------------------------
    @staticmethod
    def _check_case(s: Session, case_id: int | None) -> None:
        if case_id is None or s.get(CaseRow, case_id) is None:
            raise NotFound(f"Fall (Nr. {case_id}) wurde nicht gefunden.")

    def current_agreement(self, case_id: int) -> Agreement | None:
        """The newest agreed version of the case (final, signed or ended), as it was agreed
        (its frozen snapshot); None while there is only a draft."""
        agreement_id = self._current_agreement_id(case_id)
        return self.services.agreements.document(agreement_id)[1] if agreement_id is not None else None

    def _current_agreement_id(self, case_id: int) -> int | None:
        with self.services.db.reading() as s:
            if s.get(CaseRow, case_id) is None:
                raise NotFound(f"Fall (Nr. {case_id}) wurde nicht gefunden.")
            return s.scalar(select(AgreementRow.id)
                            .where(AgreementRow.case_id == case_id,
                                   AgreementRow.status.in_([a.value for a in AGREED]))
                            .order_by(AgreementRow.version.desc(), AgreementRow.id.desc()).limit(1))

    def _require_agreement(self, case_id: int) -> Agreement:
        agreement = self.current_agreement(case_id)
        if agreement is None:
            raise RuleViolation(Problem(
                "agreement", "Es gibt noch keine abgeschlossene Vereinbarung. Überprüfungen und Reflexionen "
                             "beziehen sich auf eine abgeschlossene Version – bitte die Vereinbarung zuerst "
                             "abschließen."))
        return agreement

    # --- reviews ---------------------------------------------------------------------------
    def new_review(self, case_id: int, on: dt.date | None = None) -> Review:
        """A blank review (not stored) of the current agreed version: one rating per indicator,
        with the goal and indicator texts of that version."""
        agreement = self._require_agreement(case_id)
        ratings: list[IndicatorRating] = []
        for goal in agreement.goals:
            for ind in goal.indicators:
                ratings.append(IndicatorRating(
                    indicator_id=ind.id, goal_id=goal.id, goal_title=goal.title, goal_weight=goal.weight,
                    indicator_text=ind.description, scale=ind.scale, level_texts=list(ind.level_texts),
                    baseline=ind.baseline, target=ind.target, position=len(ratings)))
        return Review(case_id=case_id, agreement_id=agreement.id, agreement_version=agreement.version,
                      document_id=agreement.document_id, held_on=on or dt.date.today(), ratings=ratings)

    def _upsert(self, entry: _Entry, problems: list[Problem], row_class: type[_EntryRow], what: str,
                fill: Callable[[_EntryRow], None], to_domain: Callable[[_EntryRow], _Entry]) -> _Entry:
        """Insert or update a review or reflection (``what`` names it in messages): refused with
        ``problems``; an update checks the row version and counts it up (also when only the ratings
        change); ``fill`` writes the entry's fields and ratings into the row."""
        if problems:
            raise RuleViolation(problems)
        with self.services.db.transaction() as s:
            self._check_case(s, entry.case_id)
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
            fill(row)
            s.flush()
            saved = to_domain(row)
        if entry.id == saved.id:  # the caller's copy is the stored state now
            entry.row_version = saved.row_version
        return saved

    def save_review(self, review: Review) -> Review:
        """Insert or update a review with its ratings (the ratings are replaced)."""

        def fill(row: ReviewRow) -> None:
            row.agreement_id, row.agreement_version = review.agreement_id, review.agreement_version
            row.document_id, row.held_on = review.document_id, review.held_on
            row.present = [p.strip() for p in review.present if p.strip()]
            row.successes, row.obstacles, row.next_steps = review.successes, review.obstacles, review.next_steps
            row.ratings.clear()
            for i, r in enumerate(review.ratings):
                row.ratings.append(ReviewRatingRow(
                    position=i, indicator_id=r.indicator_id, goal_id=r.goal_id, goal_title=r.goal_title,
                    goal_weight=r.goal_weight, indicator_text=r.indicator_text, scale=ScaleKind(r.scale).value,
                    level_texts=(list(r.level_texts) + [""] * 5)[:5], baseline=r.baseline, target=r.target,
                    client_value=r.client_value, professional_value=r.professional_value, note=r.note))

        return self._upsert(review, validate_review(review), ReviewRow, "Überprüfung", fill, _review_from_row)

    def reviews(self, case_id: int) -> list[Review]:
        """The case's reviews, oldest first."""
        with self.services.db.reading() as s:
            rows = s.scalars(select(ReviewRow).where(ReviewRow.case_id == case_id)
                             .order_by(ReviewRow.held_on, ReviewRow.id))
            return [_review_from_row(r) for r in rows]

    def get_review(self, review_id: int) -> Review:
        with self.services.db.reading() as s:
            row = s.get(ReviewRow, review_id)
            if row is None:
                raise NotFound(f"Überprüfung (Nr. {review_id}) wurde nicht gefunden.")
            return _review_from_row(row)

    def delete_review(self, review_id: int) -> None:
        with self.services.db.transaction() as s:
            row = s.get(ReviewRow, review_id)
            if row is not None:
                s.delete(row)

    @staticmethod
    def t_scores(review: Review) -> dict[Rater, float | None]:
        """The GAS T-score of a review for the client's and for the professional's ratings."""
        return {rater: review_t_score(review, rater) for rater in Rater}

    # --- reflections -----------------------------------------------------------------------
    def participants(self, case_id: int) -> list[Participant]:
        """Who may take part: the family members and the partners with the client's active consent
        (youth office and professional need none)."""
        case = self.services.cases.get(case_id)
        out = [Participant(p.display_name or "(ohne Namen)", ParticipantKind.FAMILY, f"person:{p.id}")
               for p in case.persons]
        out += [Participant(p.name.strip() or p.organisation.strip() or "(ohne Namen)", ParticipantKind.PARTNER,
                            f"partner:{p.id}")
                for p in case.partners if rules.partner_has_consent(case, p)]
        return out

    def new_reflection(self, case_id: int, on: dt.date | None = None) -> Reflection:
        agreement = self.current_agreement(case_id)
        return Reflection(case_id=case_id, agreement_id=agreement.id if agreement else None,
                          held_on=on or dt.date.today())

    def save_reflection(self, reflection: Reflection) -> Reflection:
        """Insert or update a reflection with its ratings (the ratings are replaced; empty ones dropped)."""

        def fill(row: ReflectionRow) -> None:
            row.agreement_id, row.held_on, row.note = reflection.agreement_id, reflection.held_on, reflection.note
            row.participants = [{"name": p.name, "kind": ParticipantKind(p.kind).value, "ref": p.ref}
                                for p in reflection.participants]
            row.ratings.clear()
            for r in reflection.ratings:
                if r.value is None and not r.note.strip():
                    continue
                row.ratings.append(ReflectionRatingRow(
                    condition=r.condition, participant=r.participant,
                    participant_kind=ParticipantKind(r.participant_kind).value, value=r.value, note=r.note))

        return self._upsert(reflection, validate_reflection(reflection), ReflectionRow, "Reflexion", fill,
                            _reflection_from_row)

    def reflections(self, case_id: int) -> list[Reflection]:
        """The case's reflections, oldest first."""
        with self.services.db.reading() as s:
            rows = s.scalars(select(ReflectionRow).where(ReflectionRow.case_id == case_id)
                             .order_by(ReflectionRow.held_on, ReflectionRow.id))
            return [_reflection_from_row(r) for r in rows]

    def delete_reflection(self, reflection_id: int) -> None:
        with self.services.db.transaction() as s:
            row = s.get(ReflectionRow, reflection_id)
            if row is not None:
                s.delete(row)

    # --- transition --------------------------------------------------------------------------
    def transition(self, case_id: int) -> TransitionPlan:
        """The recorded transition plan, or (not stored, ``id`` None) one prefilled from the
        transition the agreement names."""
        with self.services.db.reading() as s:
            self._check_case(s, case_id)
            row = s.scalar(select(TransitionPlanRow).where(TransitionPlanRow.case_id == case_id)
                           .order_by(TransitionPlanRow.id.desc()))
            if row is not None:
                return _plan_from_row(row)
        agreement = self.current_agreement(case_id)
        if agreement is None:
            return TransitionPlan(case_id=case_id)
        return TransitionPlan(case_id=case_id, agreement_id=agreement.id, offers=agreement.transition_offers,
                              partners_kept=agreement.transition_partners, client_alone=agreement.transition_self)

    def save_transition(self, plan: TransitionPlan) -> TransitionPlan:
        if not any(x.strip() for x in (plan.offers, plan.partners_kept, plan.client_alone)):
            raise RuleViolation(Problem("offers", "Bitte mindestens eines eintragen: Anschlussangebote, Partner, "
                                                  "die bleiben, oder was die Familie allein schafft."))
        with self.services.db.transaction() as s:
            self._check_case(s, plan.case_id)
            row = s.scalar(select(TransitionPlanRow).where(TransitionPlanRow.case_id == plan.case_id)
                           .order_by(TransitionPlanRow.id.desc()))
            if row is None:
                row = TransitionPlanRow(case_id=plan.case_id)
                s.add(row)
            elif plan.id == row.id:
                check_row_version(row, plan.row_version)
            elif plan.id is not None:  # the plan this copy was loaded from was replaced meanwhile
                raise ChangedElsewhere()
            row.agreement_id, row.offers, row.partners_kept = plan.agreement_id, plan.offers, plan.partners_kept
            row.client_alone, row.agreed_on, row.note = plan.client_alone, plan.agreed_on, plan.note
            row.updated_at = _now()
            s.flush()
            saved = _plan_from_row(row)
        if plan.id == saved.id:  # the caller's copy is the stored state now
            plan.row_version = saved.row_version
        return saved

    def transition_needed(self, case_id: int, today: dt.date | None = None) -> bool:
        """True when the planned end is ≤ 8 weeks away and no complete transition plan exists."""
        return due_mod.transition_needed(self._lean_follow_up(case_id), today or dt.date.today())

    # --- due items ---------------------------------------------------------------------------
    def case_due_items(self, case_id: int, today: dt.date | None = None,
                       horizon_days: int = due_mod.DEFAULT_HORIZON_DAYS) -> list[DueItem]:
        return due_mod.case_due_items(self._lean_follow_up(case_id), today or dt.date.today(), horizon_days)

    # ignore below: a Select of seven columns: its generic row type adds nothing here
    def _due_query(self, until: dt.date):  # type: ignore[no-untyped-def]
        return (select(DueEntryRow.case_id, CaseRow.title, DueEntryRow.kind, DueEntryRow.due_on, DueEntryRow.what,
                       DueEntryRow.key, DueEntryRow.agreement_id)
                .join(CaseRow, CaseRow.id == DueEntryRow.case_id)
                .where(DueEntryRow.due_on <= until, CaseRow.status == CaseStatus.OPEN.value))

    def due_items(self, today: dt.date | None = None, horizon_days: int = due_mod.DEFAULT_HORIZON_DAYS,
                  limit: int | None = None, *, update: bool = True) -> list[DueItem]:
        """Due and overdue items of all open cases up to ``today + horizon_days`` (the first
        ``limit`` of them, in the order of the start screen: oldest date first).

        Read from the due index (one indexed query, however many cases there are); cases changed
        since their index was built are brought up to date first (:meth:`update_due_index`; pass
        ``update=False`` when that was just done)."""
        if update:
            self.update_due_index()
        q = self._due_query((today or dt.date.today()) + dt.timedelta(days=horizon_days))
        with self.services.db.reading() as s:
            if limit is None:
                rows = list(s.execute(q))
            else:  # the first `limit` by date, plus every other row of the last date (ties sorted below)
                rows = list(s.execute(q.order_by(DueEntryRow.due_on, DueEntryRow.id).limit(limit)))
                if len(rows) == limit:
                    last = rows[-1].due_on
                    rows = [r for r in rows if r.due_on < last] + list(s.execute(q.where(DueEntryRow.due_on == last)))
        items = [DueItem(case_id, title, DueKind(kind), due_on, what, key, agreement_id)
                 for case_id, title, kind, due_on, what, key, agreement_id in rows]
        items.sort(key=due_mod.sort_key)
        return items if limit is None else items[:limit]

    def due_counts(self, today: dt.date | None = None, horizon_days: int = due_mod.DEFAULT_HORIZON_DAYS,
                   *, update: bool = True) -> tuple[int, int]:
        """(due today or overdue, due in the next ``horizon_days`` days) over all open cases."""
        if update:
            self.update_due_index()
        on = today or dt.date.today()
        # the index holds open cases only (closing a case empties its entries): no join needed,
        # the count reads the due_on index alone
        urgent = func.sum(sql_case((DueEntryRow.due_on <= on, 1), else_=0))
        q = select(func.count(), urgent).where(DueEntryRow.due_on <= on + dt.timedelta(days=horizon_days))
        with self.services.db.reading() as s:
            total, due_now = s.execute(q).one()
        return int(due_now or 0), int(total or 0) - int(due_now or 0)

    def stale_due_cases(self) -> list[int]:
        """Cases whose due index is not up to date (changed since, or never built); a closed
        case is brought up to date too: its entries are removed."""
        q = (select(CaseRow.id).outerjoin(DueStateRow, DueStateRow.case_id == CaseRow.id)
             .where(DueStateRow.case_id.is_(None)).order_by(CaseRow.id))
        with self.services.db.reading() as s:
            return list(s.scalars(q))

    def update_due_index(self, batch: int = 200, stale: list[int] | None = None) -> int:
        """Rebuild the due index of every case that changed since it was built; returns how many
        cases were computed (usually none or the one just edited; every case once after the
        upgrade that introduced the index). One short transaction per ``batch`` cases."""
        stale = self.stale_due_cases() if stale is None else stale  # (the caller may have just asked)
        for start in range(0, len(stale), batch):
            chunk = stale[start:start + batch]
            computed = [(case_id, due_mod.pending_items(self._lean_follow_up(case_id))) for case_id in chunk]
            with self.services.db.transaction() as s:
                s.execute(delete(DueEntryRow).where(DueEntryRow.case_id.in_(chunk)))
                s.execute(delete(DueStateRow).where(DueStateRow.case_id.in_(chunk)))
                rows = [{"case_id": i.case_id, "agreement_id": i.agreement_id, "kind": i.kind.value,
                         "due_on": i.due_on, "key": i.key, "what": i.what} for _c, items in computed for i in items]
                if rows:
                    s.execute(insert(DueEntryRow), rows)
                now = _now()
                s.execute(insert(DueStateRow), [{"case_id": c, "computed_at": now} for c, _i in computed])
        return len(stale)

    def _lean_follow_up(self, case_id: int) -> due_mod.CaseFollowUp:
        """What the due rules need of one case, read with few, narrow queries."""
        with self.services.db.reading() as s:
            row = s.get(CaseRow, case_id)
            if row is None:
                raise NotFound(f"Fall (Nr. {case_id}) wurde nicht gefunden.")
            case = Case(title=row.title, status=CaseStatus(row.status), id=row.id)
            held = s.scalars(select(ReviewRow.held_on).where(ReviewRow.case_id == case_id))
            reviews = [Review(case_id=case_id, held_on=h) for h in held]
            plan_row = s.scalar(select(TransitionPlanRow).where(TransitionPlanRow.case_id == case_id)
                                .order_by(TransitionPlanRow.id.desc()))
            plan = _plan_from_row(plan_row) if plan_row is not None else None
            done = set(s.scalars(select(DoneMarkRow.key).where(DoneMarkRow.case_id == case_id)))
        agreement = self.current_agreement(case_id)
        return due_mod.CaseFollowUp(case=case, agreement=agreement, reviews=reviews, transition=plan, done=done)

    def mark_done(self, item: DueItem, on: dt.date | None = None) -> None:
        """Mark a due item as done ("erledigt"); it no longer shows (a rhythm's next date does)."""
        with self.services.db.transaction() as s:
            self._check_case(s, item.case_id)
            exists = s.scalar(select(DoneMarkRow).where(DoneMarkRow.case_id == item.case_id,
                                                        DoneMarkRow.key == item.key))
            if exists is None:
                s.add(DoneMarkRow(case_id=item.case_id, key=item.key, done_on=on or dt.date.today()))

    # --- PDFs --------------------------------------------------------------------------------
    def export_review_pdf(self, review_id: int, out: Path) -> Path:
        """The review PDF: successes, obstacles, ratings of both voices, T-scores and charts."""
        from ..pdf.review import render_review_bytes  # lazy: reportlab is heavy

        out = guard_target(out, self.services.data_dir)
        review = self.get_review(review_id)
        # ignore below: ids are set once stored (the model says int | None)
        case = self.services.cases.get(review.case_id)  # type: ignore[arg-type]
        # ignore below: ids are set once stored (the model says int | None)
        history = [r for r in self.reviews(case.id) if (r.held_on, r.id) <= (review.held_on, review.id)]  # type: ignore[arg-type]
        # ignore below: ids are set once stored (the model says int | None)
        reflections = [r for r in self.reflections(case.id)  # type: ignore[arg-type]
                       if r.held_on is not None and review.held_on is not None and r.held_on <= review.held_on]
        return write_bytes(out, render_review_bytes(case, review, history, reflections))

    def export_closing_report(self, case_id: int, out: Path) -> Path:
        """The closing report: course of the help, goal attainment, reflection and the transition
        plan. Refused while there is no transition plan at all."""
        from ..pdf.review import render_closing_report_bytes

        out = guard_target(out, self.services.data_dir)
        case = self.services.cases.get(case_id)
        agreement = self._require_agreement(case_id)
        plan = self.transition(case_id)
        if not any(x.strip() for x in (plan.offers, plan.partners_kept, plan.client_alone)):
            raise RuleViolation(Problem("transition", "Für den Abschlussbericht bitte zuerst den Übergang planen: "
                                                      "Anschlussangebote, Partner, die bleiben, und was die Familie "
                                                      "allein schafft."))
        reviews, reflections = self.reviews(case_id), self.reflections(case_id)
        return write_bytes(out, render_closing_report_bytes(case, agreement, reviews, reflections, plan))
