"""FollowUpService: reviews, reflections, transition plans, due items and their PDFs.

Built from the open :class:`~kooperation_desktop.storage.database.Database`
(``FollowUpService(db)``); one short transaction per write, every query in
:mod:`kooperation_desktop.storage.followup`. Takes and returns the dataclasses of :mod:`.model`;
refusals raise :class:`~kooperation_desktop.domain.rules.RuleViolation` with German messages,
unknown ids :class:`~kooperation_desktop.storage.database.NotFound`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from sqlalchemy.orm import Session

from ..atomic import write_bytes
from ..domain import rules
from ..domain.model import Agreement, Case, Partner, Person, Problem, ScaleKind
from ..domain.rules import RuleViolation
from ..paths import guard_target
from ..storage import followup as repo
from ..storage import reports as reports_repo
from ..storage.database import Database
from . import due as due_mod
from .gas import review_t_score
from .model import (
    DueItem,
    IndicatorRating,
    Participant,
    ParticipantKind,
    Rater,
    Reflection,
    Review,
    TransitionPlan,
)
from .reflection import CONDITION_BY_KEY, SCALE_MAX, SCALE_MIN

_Entry = TypeVar("_Entry", Review, Reflection)  # what _save stores
_Arg = TypeVar("_Arg")
_Result = TypeVar("_Result")


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
    """The follow-up use cases over one open :class:`Database`."""

    def __init__(self, db: Database):
        self.db = db

    def _read(self, query: Callable[[Session, _Arg], _Result], arg: _Arg) -> _Result:
        with self.db.reading() as s:
            return query(s, arg)

    def _write(self, command: Callable[[Session, _Arg], _Result], arg: _Arg) -> _Result:
        with self.db.transaction() as s:
            return command(s, arg)

    def case(self, case_id: int) -> Case:
        """The case with persons, partners, consents and agreement summaries."""
        return self._read(repo.full_case, case_id)

    def current_agreement(self, case_id: int) -> Agreement | None:
        """The newest agreed version of the case (final, signed or ended), as it was agreed
        (its frozen snapshot); None while there is only a draft."""
        return self._read(repo.current_agreement, case_id)

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

    def _save(self, entry: _Entry, problems: list[Problem], store: Callable[[Session, _Entry], _Entry]) -> _Entry:
        """Store a review or reflection (refused with ``problems``); the caller's copy takes the
        stored row version when it was an update."""
        if problems:
            raise RuleViolation(problems)
        saved = self._write(store, entry)
        if entry.id == saved.id:  # the caller's copy is the stored state now
            entry.row_version = saved.row_version
        return saved

    def save_review(self, review: Review) -> Review:
        """Insert or update a review with its ratings (the ratings are replaced)."""
        return self._save(review, validate_review(review), repo.save_review)

    def reviews(self, case_id: int) -> list[Review]:
        """The case's reviews, oldest first."""
        return self._read(repo.reviews, case_id)

    def get_review(self, review_id: int) -> Review:
        return self._read(repo.get_review, review_id)

    def delete_review(self, review_id: int) -> None:
        self._write(repo.delete_review, review_id)

    @staticmethod
    def t_scores(review: Review) -> dict[Rater, float | None]:
        """The GAS T-score of a review for the client's and for the professional's ratings."""
        return {rater: review_t_score(review, rater) for rater in Rater}

    # --- reflections -----------------------------------------------------------------------
    def participants(self, case_id: int) -> list[Participant]:
        """Who may take part: the family members and the partners with the client's active consent
        (youth office and professional need none)."""
        with self.db.reading() as s:
            case = repo.full_case(s, case_id)
            refs = repo.participant_refs(s, case_id)
        family, partner = ParticipantKind.FAMILY, ParticipantKind.PARTNER
        out = [Participant(p.display_name or "(ohne Namen)", family, refs.get((family, p.id), ""))
               for p in case.persons]
        out += [Participant(p.name.strip() or p.organisation.strip() or "(ohne Namen)", partner,
                            refs.get((partner, p.id), ""))
                for p in case.partners if rules.partner_has_consent(case, p)]
        return out

    def participant(self, ref: str) -> Person | Partner | None:
        """The person or partner a participant's ``ref`` names (on any laptop of the team: the ref
        holds the row's global uuid); None when it names none (deleted meanwhile, or "")."""
        return self._read(repo.participant_of, ref)

    def new_reflection(self, case_id: int, on: dt.date | None = None) -> Reflection:
        agreement = self.current_agreement(case_id)
        return Reflection(case_id=case_id, agreement_id=agreement.id if agreement else None,
                          held_on=on or dt.date.today())

    def save_reflection(self, reflection: Reflection) -> Reflection:
        """Insert or update a reflection with its ratings (the ratings are replaced; empty ones dropped)."""
        return self._save(reflection, validate_reflection(reflection), repo.save_reflection)

    def reflections(self, case_id: int) -> list[Reflection]:
        """The case's reflections, oldest first."""
        return self._read(repo.reflections, case_id)

    def delete_reflection(self, reflection_id: int) -> None:
        self._write(repo.delete_reflection, reflection_id)

    # --- transition --------------------------------------------------------------------------
    def transition(self, case_id: int) -> TransitionPlan:
        """The recorded transition plan, or (not stored, ``id`` None) one prefilled from the
        transition the agreement names."""
        with self.db.reading() as s:
            repo.require_case(s, case_id)
            plan = repo.latest_plan(s, case_id)
            if plan is not None:
                return plan
            agreement = repo.current_agreement(s, case_id)
        if agreement is None:
            return TransitionPlan(case_id=case_id)
        return TransitionPlan(case_id=case_id, agreement_id=agreement.id, offers=agreement.transition_offers,
                              partners_kept=agreement.transition_partners, client_alone=agreement.transition_self)

    def save_transition(self, plan: TransitionPlan) -> TransitionPlan:
        if not any(x.strip() for x in (plan.offers, plan.partners_kept, plan.client_alone)):
            raise RuleViolation(Problem("offers", "Bitte mindestens eines eintragen: Anschlussangebote, Partner, "
                                                  "die bleiben, oder was die Familie allein schafft."))
        saved = self._write(repo.save_plan, plan)
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

    def due_items(self, today: dt.date | None = None, horizon_days: int = due_mod.DEFAULT_HORIZON_DAYS,
                  limit: int | None = None, *, update: bool = True) -> list[DueItem]:
        """Due and overdue items of all open cases up to ``today + horizon_days`` (the first
        ``limit`` of them, in the order of the start screen: oldest date first).

        Read from the due index (one indexed query, however many cases there are); cases changed
        since their index was built are brought up to date first (:meth:`update_due_index`; pass
        ``update=False`` when that was just done)."""
        if update:
            self.update_due_index()
        until = (today or dt.date.today()) + dt.timedelta(days=horizon_days)
        with self.db.reading() as s:
            items = repo.due_entries(s, until, limit)
        items.sort(key=due_mod.sort_key)
        return items if limit is None else items[:limit]

    def due_counts(self, today: dt.date | None = None, horizon_days: int = due_mod.DEFAULT_HORIZON_DAYS,
                   *, update: bool = True) -> tuple[int, int]:
        """(due today or overdue, due in the next ``horizon_days`` days) over all open cases."""
        if update:
            self.update_due_index()
        on = today or dt.date.today()
        with self.db.reading() as s:
            due_now, total = repo.due_counts(s, on, on + dt.timedelta(days=horizon_days))
        return due_now, total - due_now

    def stale_due_cases(self) -> list[int]:
        """Cases whose due index is not up to date (changed since, or never built); a closed
        case is brought up to date too: its entries are removed."""
        with self.db.reading() as s:
            return repo.stale_due_cases(s)

    def update_due_index(self, batch: int = 200, stale: list[int] | None = None) -> int:
        """Rebuild the due index of every case that changed since it was built; returns how many
        cases were computed (usually none or the one just edited; every case once after the
        upgrade that introduced the index). One short transaction per ``batch`` cases."""
        stale = self.stale_due_cases() if stale is None else stale  # (the caller may have just asked)
        for start in range(0, len(stale), batch):
            computed = [(case_id, due_mod.pending_items(self._lean_follow_up(case_id)))
                        for case_id in stale[start:start + batch]]
            self._write(repo.replace_due_entries, computed)
        return len(stale)

    def _lean_follow_up(self, case_id: int) -> due_mod.CaseFollowUp:
        """What the due rules need of one case, read with few, narrow queries."""
        with self.db.reading() as s:
            case = repo.case_head(s, case_id)
            reviews = [Review(case_id=case_id, held_on=h) for h in repo.review_dates(s, case_id)]
            plan = repo.latest_plan(s, case_id)
            done = repo.done_keys(s, case_id)
            agreement = repo.current_agreement(s, case_id)
            sent = reports_repo.sent_dates(s, case_id)
            lead = reports_repo.lead_days(s)
        return due_mod.CaseFollowUp(case=case, agreement=agreement, reviews=reviews, transition=plan, done=done,
                                    reports_sent=sent,
                                    report_lead_days=due_mod.REPORT_BEFORE_REVIEW_DAYS if lead is None else lead)

    def mark_done(self, item: DueItem, on: dt.date | None = None) -> None:
        """Mark a due item as done ("erledigt"); it no longer shows (a rhythm's next date does)."""
        with self.db.transaction() as s:
            repo.mark_done(s, item.case_id, item.key, on or dt.date.today())

    # --- PDFs --------------------------------------------------------------------------------
    def export_review_pdf(self, review_id: int, out: Path) -> Path:
        """The review PDF: successes, obstacles, ratings of both voices, T-scores and charts."""
        from ..pdf.review import render_review_bytes  # lazy: reportlab is heavy

        out = guard_target(out, self.db.data_dir)
        review = self.get_review(review_id)
        # ignore below: ids are set once stored (the model says int | None)
        case = self.case(review.case_id)  # type: ignore[arg-type]
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

        out = guard_target(out, self.db.data_dir)
        case = self.case(case_id)
        agreement = self._require_agreement(case_id)
        plan = self.transition(case_id)
        if not any(x.strip() for x in (plan.offers, plan.partners_kept, plan.client_alone)):
            raise RuleViolation(Problem("transition", "Für den Abschlussbericht bitte zuerst den Übergang planen: "
                                                      "Anschlussangebote, Partner, die bleiben, und was die Familie "
                                                      "allein schafft."))
        reviews, reflections = self.reviews(case_id), self.reflections(case_id)
        return write_bytes(out, render_closing_report_bytes(case, agreement, reviews, reflections, plan))
