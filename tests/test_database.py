"""One open data folder is one Database; its ORM listeners (audit trail, read-only closed cases,
the due index) belong to its own sessions only (issue 17, section 3)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from kooperation_desktop.domain.rules import RuleViolation
from kooperation_desktop.protection import audit
from kooperation_desktop.protection.retention import READ_ONLY_MESSAGE, RetentionService
from kooperation_desktop.services import Services
from kooperation_desktop.storage.rows import CaseRow
from kooperation_desktop.storage.rows_followup import DueStateRow


def _mark_due_index_current(services: Services, case_id: int) -> None:
    with services.db.transaction() as s:
        s.add(DueStateRow(case_id=case_id, computed_at=dt.datetime.now(dt.UTC)))


def _due_index_current(services: Services, case_id: int) -> bool:
    with services.db.reading() as s:
        return s.get(DueStateRow, case_id) is not None


def _rename(services: Services, case_id: int, title: str) -> None:
    case = services.cases.get(case_id)
    case.title = title
    services.cases.update(case)


@pytest.fixture
def two_databases(tmp_path: Path) -> Iterator[tuple[Services, Services, int]]:
    """Two data folders open at once, each with one case of the same id, due index current."""
    a = Services.open(tmp_path / "a")
    b = Services.open(tmp_path / "b")
    try:
        case_a = a.cases.create("Familie Amsel").id
        case_b = b.cases.create("Familie Bach").id
        assert case_a is not None and case_a == case_b  # the same id in both folders: nothing may mix them up
        _mark_due_index_current(a, case_a)
        _mark_due_index_current(b, case_b)
        yield a, b, case_a
    finally:
        a.close()
        b.close()


def test_two_open_databases_do_not_see_each_others_events(two_databases: tuple[Services, Services, int]) -> None:
    a, b, case_a = two_databases
    case_b = case_a  # (the same id in b)
    audit_a, audit_b = len(audit.AuditService(a.db).all()), len(audit.AuditService(b.db).all())

    _rename(a, case_a, "Familie Amsel-Meier")

    changed = audit.AuditService(a.db).all()[audit_a:]
    assert [(e.action, e.entity_type, e.case_id) for e in changed] == [("changed", "cases", case_a)]
    assert len(audit.AuditService(b.db).all()) == audit_b
    assert not _due_index_current(a, case_a) and _due_index_current(b, case_b)

    RetentionService(b.db).close_case(case_b)  # closed (read-only) in b only
    _rename(a, case_a, "Familie Amsel")
    assert a.cases.get(case_a).title == "Familie Amsel"
    with pytest.raises(RuleViolation) as refused:
        _rename(b, case_b, "Familie Bach-Berg")
    assert refused.value.problems[0].message == READ_ONLY_MESSAGE
    assert b.cases.get(case_b).title == "Familie Bach"


def test_a_session_made_elsewhere_sees_none_of_the_listeners(tmp_path: Path) -> None:
    with Services.open(tmp_path / "data") as services:
        case_id = services.cases.create("Familie Kern").id
        RetentionService(services.db).close_case(case_id)
        with Session(services.db.engine) as s, s.begin():  # (the guard refuses it in the app's sessions)
            s.add(DueStateRow(case_id=case_id, computed_at=dt.datetime.now(dt.UTC)))
        entries = len(audit.AuditService(services.db).all())

        # a plain Session on the same engine: not the database's own sessionmaker
        with Session(services.db.engine) as s, s.begin():
            row = s.scalars(select(CaseRow).where(CaseRow.id == case_id)).one()
            row.file_number = "AZ 1"

        assert len(audit.AuditService(services.db).all()) == entries  # no audit listener
        assert _due_index_current(services, case_id)  # no due-index listener
        assert services.cases.get(case_id).file_number == "AZ 1"  # no read-only guard
        # the database's own sessions still refuse it
        with pytest.raises(RuleViolation):
            _rename(services, case_id, "Familie Kern-Stein")


def test_deleting_a_case_is_audited_in_its_own_database_only(two_databases: tuple[Services, Services, int]) -> None:
    a, b, case_id = two_databases
    audit_a = len(audit.AuditService(a.db).all())

    RetentionService(b.db).close_case(case_id)
    RetentionService(b.db).delete_case(case_id)  # closed cases are deleted as a whole

    trail_b = audit.AuditService(b.db).for_case(case_id)
    assert [(e.action, e.entity_type) for e in trail_b][-2:] == [("changed", "cases"), ("deleted", "cases")]
    assert len(audit.AuditService(a.db).all()) == audit_a
    assert _due_index_current(a, case_id) and a.cases.get(case_id).title == "Familie Amsel"
