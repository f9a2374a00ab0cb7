"""Retention: a closed case is read-only (archived); cases whose retention period is over are
listed for deletion; deletion removes every row of the case in every table (signatures and
the rows of any feature included), found through the foreign keys.

The read-only rule is enforced centrally by a ``before_flush`` hook on the open database's own
sessions (:func:`attach_read_only_guard`, attached by
:func:`~kooperation_desktop.protection.opener.open_database`): any write touching a closed case is
refused with a German
:class:`~kooperation_desktop.domain.rules.RuleViolation` — except re-opening it (status back to
open) and deleting it as a whole. Every query lives in :mod:`kooperation_desktop.storage.retention`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from ..domain.model import CaseStatus, Problem
from ..domain.rules import RuleViolation
from ..storage import audit as audit_store
from ..storage import retention as store
from ..storage.database import Database
from .model import DELETED, ExpiredCase, new_entry

__all__ = ["DEFAULT_RETENTION_YEARS", "READ_ONLY_MESSAGE", "RETENTION_KEY", "ExpiredCase", "RetentionService",
           "attach_read_only_guard"]

DEFAULT_RETENTION_YEARS = 5  # common practice for SGB VIII case files; the provider sets its own
RETENTION_KEY = "retention_years"
COVERED_MESSAGE = ("Diesen Fall vertreten Sie nur: löschen kann ihn nur das Team, dem er gehört (bitte der "
                   "Teamleitung Bescheid geben).")
READ_ONLY_MESSAGE = ("Dieser Fall ist abgeschlossen und archiviert; er kann nicht mehr geändert werden. "
                     "Zum Bearbeiten den Fall zuerst wieder öffnen.")


def _guard(session: Session, flush_context: Any, instances: Any) -> None:
    if store.writes_closed_case(session):
        raise RuleViolation(Problem("status", READ_ONLY_MESSAGE))


def attach_read_only_guard(db: Database) -> None:
    """Refuse writes to closed cases in every session of ``db`` (and of no other database)."""
    db.listen("before_flush", _guard)
    db.listen("after_commit", store.forget_case_status)
    db.listen("after_rollback", store.forget_case_status)


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


class RetentionService:
    """Closing, the retention period, cases due for deletion, deleting a case completely."""

    def __init__(self, db: Database):
        self.db = db

    def retention_years(self) -> int:
        with self.db.reading() as s:
            value = store.setting(s, RETENTION_KEY)
        try:
            return int(value) if value is not None else DEFAULT_RETENTION_YEARS
        except ValueError:
            return DEFAULT_RETENTION_YEARS

    def set_retention_years(self, years: int) -> None:
        if isinstance(years, bool) or not isinstance(years, int) or not 1 <= years <= 100:
            raise RuleViolation(Problem("retention_years",
                                        "Die Aufbewahrungsfrist muss eine ganze Zahl von 1 bis 100 Jahren sein."))
        with self.db.transaction() as s:
            store.set_setting(s, RETENTION_KEY, str(years))

    def close_case(self, case_id: int) -> None:
        """Close (archive) the case: from now on it is read-only."""
        self._set_status(case_id, CaseStatus.CLOSED)

    def reopen_case(self, case_id: int) -> None:
        self._set_status(case_id, CaseStatus.OPEN)

    def _set_status(self, case_id: int, status: CaseStatus) -> None:
        with self.db.transaction() as s:
            store.set_case_status(s, case_id, status)

    def is_read_only(self, case_id: int) -> bool:
        with self.db.reading() as s:
            return store.case_status(s, case_id) == CaseStatus.CLOSED

    def due_for_deletion(self, today: dt.date | None = None) -> list[ExpiredCase]:
        """Closed cases whose retention period (counted from closing: the last change of a
        closed case, which cannot change any more) is over, oldest first; without the cases this
        worker only covers (team mode: their own team deletes them, see :meth:`covered_due`)."""
        return self._expired(today, covered=False)

    def covered_due(self, today: dt.date | None = None) -> list[ExpiredCase]:
        """Team mode: the cases over their retention period that this worker only covers (holiday
        cover): not offered for deletion, the team the case belongs to deletes it."""
        return self._expired(today, covered=True)

    def _expired(self, today: dt.date | None, *, covered: bool) -> list[ExpiredCase]:
        today = today or dt.date.today()
        years = self.retention_years()
        with self.db.reading() as s:
            covering = store.covered_cases(s)
            closed_cases = [c for c in store.closed_cases(s) if (c.case_id in covering) == covered]
        result = []
        for case in closed_cases:
            closed = (case.last_change or dt.datetime.now(dt.UTC)).date()
            due = _add_years(closed, years)
            if due <= today:
                result.append(ExpiredCase(case.case_id, case.title, case.file_number, closed, due))
        return sorted(result, key=lambda e: (e.delete_from, e.case_id))

    def delete_case(self, case_id: int) -> dict[str, int]:
        """Delete every row of the case in every table (children first); returns the number of
        rows deleted per table. The audit trail keeps that (and by whom) it was deleted. A case
        this worker only covers (team mode) is refused: its own team deletes it."""
        with self.db.transaction() as s:
            if case_id in store.covered_cases(s):
                raise RuleViolation(Problem("case", COVERED_MESSAGE))
            counts = store.delete_case_rows(s, case_id)
            audit_store.append(s, [new_entry(DELETED, "cases", case_id, case_id)])
        return counts
