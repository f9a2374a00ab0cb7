"""The due index behind "Heute fällig / überfällig": the same items as computing every case, kept
up to date by every change that can move a date (reviews, done marks, new versions, case title,
closing a case)."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import build_complete_case
from sqlalchemy import select

from kooperation_desktop.domain.model import (
    CaseStatus,
    CommunicationKind,
    CommunicationRule,
    Task,
)
from kooperation_desktop.followup import due
from kooperation_desktop.followup.model import DueKind
from kooperation_desktop.followup.service import FollowUpService
from kooperation_desktop.storage.retention import case_row_ids
from kooperation_desktop.storage.rows_followup import DoneMarkRow


def _follow_up(follow: FollowUpService, case) -> due.CaseFollowUp:
    """What the due rules need of one case, read through the public API (not the index's loader)."""
    with follow.db.reading() as s:
        done = set(s.scalars(select(DoneMarkRow.key).where(DoneMarkRow.case_id == case.id)))
    plan = follow.transition(case.id)
    return due.CaseFollowUp(case=case, agreement=follow.current_agreement(case.id), reviews=follow.reviews(case.id),
                            transition=plan if plan.id is not None else None, done=done)


def _reference(services, follow: FollowUpService, on: dt.date, horizon: int = due.DEFAULT_HORIZON_DAYS) -> list:
    """Every case computed one by one (the way before the index)."""
    cases = [services.cases.get(c.id) for c in services.cases.list() if c.status == CaseStatus.OPEN]
    return due.due_items((_follow_up(follow, c) for c in cases), on, horizon)


def _build_three_cases(services) -> list[int]:
    """Three cases: two finalised (one with a weekly meeting), one still a draft."""
    ids = []
    for n in range(3):
        case_id, agreement_id = build_complete_case(services)
        if n == 1:
            services.parties.save(CommunicationRule(agreement_id=agreement_id, kind=CommunicationKind.MEETING,
                                            what="Hausbesuch", rhythm="wöchentlich",
                                            next_date=dt.date.today() - dt.timedelta(days=3)))
            services.parties.save(Task(agreement_id=agreement_id, what="Kita-Platz beantragen",
                               due_date=dt.date.today() + dt.timedelta(days=2),
                               person_id=services.cases.get(case_id).persons[0].id))
        if n < 2:
            services.agreements.finalise(agreement_id)
        c = services.cases.get(case_id)
        c.title = f"Familie {['Çelik', 'Nowak', 'Schmidt'][n]}"
        services.cases.update(c)
        ids.append(case_id)
    return ids


@pytest.fixture
def services(tmp_path, _templates):
    """This module's data folder holds the three cases (built once per session and copied, see
    tests/conftest.py)."""
    yield from _templates.open_copy("three_cases", _build_three_cases, tmp_path)


@pytest.fixture
def three_cases(services, _templates):
    """Three cases: two finalised (one with a weekly meeting), one still a draft."""
    return FollowUpService(services.db), list(_templates.get("three_cases", _build_three_cases).result)


def test_index_gives_the_same_items_as_computing_every_case(three_cases, services) -> None:
    follow, _ids = three_cases
    today = dt.date.today()
    for on, horizon in ((today, 14), (today + dt.timedelta(days=40), 14), (today + dt.timedelta(days=400), 0),
                        (today - dt.timedelta(days=30), 60)):
        got = follow.due_items(on, horizon)
        assert got == _reference(services, follow, on, horizon)
    assert follow.due_items(today + dt.timedelta(days=400), 0), "an overdue review must show"
    assert follow.stale_due_cases() == []


def test_done_marks_reviews_titles_and_closing_update_the_panel(three_cases, services) -> None:
    follow, ids = three_cases
    today = dt.date.today()
    meetings = [i for i in follow.due_items(today) if i.kind == DueKind.MEETING and i.what.startswith("Hausbesuch")]
    assert [m.due_on for m in meetings] == [today - dt.timedelta(days=3)]

    follow.mark_done(meetings[0])  # weekly: the next date follows
    meetings = [i for i in follow.due_items(today) if i.kind == DueKind.MEETING and i.what.startswith("Hausbesuch")]
    assert [m.due_on for m in meetings] == [today + dt.timedelta(days=4)]

    case = services.cases.get(ids[1])
    case.title = "Familie Nowak-Berg"
    services.cases.update(case)
    assert {i.case_title for i in follow.due_items(today) if i.case_id == ids[1]} == {"Familie Nowak-Berg"}

    late = today + dt.timedelta(days=400)
    assert [i for i in follow.due_items(late, 0) if i.case_id == ids[0] and i.kind == DueKind.REVIEW]
    review = follow.new_review(ids[0], late)
    review.ratings[0].client_value = 1
    follow.save_review(review)
    after = [i for i in follow.due_items(late, 0) if i.case_id == ids[0] and i.kind == DueKind.REVIEW]
    assert after == [], "a review held today moves the next review half a year ahead"
    assert follow.due_items(late, 0) == _reference(services, follow, late, 0)

    case = services.cases.get(ids[1])
    case.status = CaseStatus.CLOSED
    services.cases.update(case)
    assert not [i for i in follow.due_items(late, 0) if i.case_id == ids[1]]

    services.cases.delete(ids[0])
    with services.db.reading() as s:
        left = {table: rows for table, rows in case_row_ids(s, ids[0]).items() if rows}
    assert left == {"cases": {ids[0]}} and ids[0] not in {c.id for c in services.cases.list()}, left
    assert not [i for i in follow.due_items(late, 0) if i.case_id == ids[0]]
    assert follow.due_items(late, 0) == _reference(services, follow, late, 0)


def test_a_new_finalised_version_replaces_the_old_dates(three_cases, services) -> None:
    follow, ids = three_cases
    today = dt.date.today()
    draft = services.agreements.new_version(services.cases.get(ids[1]).agreements[0].id)
    services.parties.save(Task(agreement_id=draft.id, what="Elternabend besuchen",
                               due_date=today + dt.timedelta(days=1),
                               person_id=services.cases.get(ids[1]).persons[0].id))
    assert not [i for i in follow.due_items(today) if i.what == "Elternabend besuchen"], "a draft is not agreed"
    services.agreements.finalise(draft.id)
    tasks = [i for i in follow.due_items(today) if i.what == "Elternabend besuchen"]
    assert [(t.case_id, t.due_on) for t in tasks] == [(ids[1], today + dt.timedelta(days=1))]
    assert follow.due_items(today) == _reference(services, follow, today)


def test_an_edit_marks_only_that_case_for_recomputing(three_cases, services) -> None:
    follow, ids = three_cases
    follow.due_items()
    assert follow.stale_due_cases() == []
    case = services.cases.get(ids[2])
    case.file_number = "AZ 1"
    services.cases.update(case)
    assert follow.stale_due_cases() == [ids[2]]
    assert follow.update_due_index() == 1
    assert follow.stale_due_cases() == []


def test_the_first_n_items_and_the_counts_match_the_whole_list(three_cases) -> None:
    follow, _ids = three_cases
    for on in (dt.date.today(), dt.date.today() + dt.timedelta(days=400)):
        whole = follow.due_items(on)
        for limit in (1, 2, 3, 5, len(whole), len(whole) + 3):
            assert follow.due_items(on, limit=limit) == whole[:limit]
        urgent, soon = follow.due_counts(on)
        assert (urgent, soon) == (sum(i.due_on <= on for i in whole), sum(i.due_on > on for i in whole))


def test_ending_the_help_removes_its_due_items(three_cases, services) -> None:
    from kooperation_desktop.signing.service import SigningService

    follow, ids = three_cases
    late = dt.date.today() + dt.timedelta(days=400)
    assert [i for i in follow.due_items(late, 0) if i.case_id == ids[1]]
    SigningService(services.db).end(services.cases.get(ids[1]).agreements[0].id)  # „Hilfe beenden“
    assert not [i for i in follow.due_items(late, 0) if i.case_id == ids[1]]
    assert [i for i in follow.due_items(late, 0) if i.case_id == ids[0]], "other cases stay"
    assert follow.due_items(late, 0) == _reference(services, follow, late, 0)


def test_deleting_a_case_is_in_the_audit_trail(three_cases, services) -> None:
    from kooperation_desktop.protection import audit

    follow, ids = three_cases
    services.cases.delete(ids[2])
    rows = [(e.action, e.entity_type) for e in audit.AuditService(services.db).for_case(ids[2])
            if e.action == audit.DELETED]
    assert rows == [("deleted", "cases")]
