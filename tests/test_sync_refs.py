"""Team mode: the references of review ratings to goals and indicators on another laptop.

A rating names the goal and indicator it rates by the ids they have in the reviewed version's frozen
snapshot (``agreements.frozen_content``: what was finalised, canonical JSON, travelling verbatim), not by
the local row ids of ``goals``/``indicators``. So the same integer is right on every laptop, whatever
local ids the rows got there; mapping it to local row ids on a pull would point it beside the snapshot.
"""

from __future__ import annotations

import datetime as dt

from helpers import build_complete_case
from sqlalchemy import select
from sync_helpers import dump_laptop, dump_server

from kooperation_desktop.followup.model import Review
from kooperation_desktop.followup.service import FollowUpService
from kooperation_desktop.report.draft import load_inputs
from kooperation_desktop.services import Services
from kooperation_desktop.storage.rows import GoalRow
from kooperation_desktop.team import outbox, sync


def _case_uuid(services: Services, case_id: int) -> str:
    cases = outbox.table_named("cases")
    with services.db.engine.connect() as c:
        return str(c.scalar(select(cases.c.uuid).where(cases.c.id == case_id)))


def _case_of(services: Services, case_uuid: str) -> int:
    cases = outbox.table_named("cases")
    with services.db.engine.connect() as c:
        return int(c.scalar(select(cases.c.id).where(cases.c.uuid == case_uuid)))


def _goal_row_ids(services: Services, agreement_id: int) -> list[int]:
    with services.db.engine.connect() as c:
        return list(c.scalars(select(GoalRow.id).where(GoalRow.agreement_id == agreement_id)
                              .order_by(GoalRow.position)))


def _rated(review: Review) -> list[tuple[str, str, int | None]]:
    return [(r.goal_title, r.indicator_text, r.client_value) for r in review.ratings]


def _assert_ratings_point_at_their_goals(services: Services, case_id: int) -> None:
    """Each rating's goal and indicator ids name the goal and indicator it copied, in the version as
    this laptop reads it (the report and the review's t-scores go by these ids)."""
    follow = FollowUpService(services.db)
    agreement = follow.current_agreement(case_id)
    assert agreement is not None
    goals = {g.id: g for g in agreement.goals}
    indicators = {i.id: i for g in agreement.goals for i in g.indicators}
    inputs = load_inputs(services.db, case_id)
    assert inputs.reviews
    for review in inputs.reviews:
        assert review.ratings
        for r in review.ratings:
            assert goals[r.goal_id].title == r.goal_title
            assert indicators[r.indicator_id].description == r.indicator_text
            assert indicators[r.indicator_id] in goals[r.goal_id].indicators


def test_review_ratings_made_on_one_laptop_rate_the_right_goals_on_the_other(team) -> None:
    a, b, server = team
    build_complete_case(b)  # B's local ids of goals and indicators run ahead of A's
    build_complete_case(b)
    case_a, agreement_a = build_complete_case(a)
    a.agreements.finalise(agreement_a)
    follow_a = FollowUpService(a.db)
    review = follow_a.new_review(case_a, dt.date(2027, 3, 1))
    for i, rating in enumerate(review.ratings):
        rating.client_value, rating.professional_value = i, i + 1
    follow_a.save_review(review)
    sync.sync(a.db, server)
    sync.sync(b.db, server)

    case_b = _case_of(b, _case_uuid(a, case_a))
    agreement_b = b.cases.get(case_b).agreements[0].id
    assert agreement_b is not None
    assert _goal_row_ids(b, agreement_b) != _goal_row_ids(a, agreement_a)  # other local ids on B
    [on_b] = FollowUpService(b.db).reviews(case_b)
    [on_a] = follow_a.reviews(case_a)
    assert _rated(on_b) == _rated(on_a)
    _assert_ratings_point_at_their_goals(b, case_b)
    assert FollowUpService(b.db).t_scores(on_b) == follow_a.t_scores(on_a)

    # a review made on B travels back to A the same way
    follow_b = FollowUpService(b.db)
    second = follow_b.new_review(case_b, dt.date(2027, 6, 1))
    for rating in second.ratings:
        rating.client_value = rating.professional_value = 1
    follow_b.save_review(second)
    sync.sync(b.db, server)
    sync.sync(a.db, server)
    assert [_rated(r) for r in follow_a.reviews(case_a)] == [_rated(r) for r in follow_b.reviews(case_b)]
    _assert_ratings_point_at_their_goals(a, case_a)
    assert dump_laptop(a) == dump_server(server)


def test_every_id_column_of_a_travelling_row_is_a_foreign_key_or_known_to_travel_as_it_is() -> None:
    from sqlalchemy import Integer

    unmapped = {(t.name, c.name) for t in outbox.travelling_tables() for c in t.columns
                if c.name.endswith("_id") and isinstance(c.type, Integer) and c.name not in outbox.foreign_keys(t.name)}
    listed = {(t, c) for t, columns in outbox.NOT_ROW_REFERENCES.items() for c in columns}
    assert unmapped == listed
