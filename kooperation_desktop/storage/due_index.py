"""The due index stays true: after every flush, forget the index of each case whose due dates may
have moved (rows in :mod:`.rows_followup`: :class:`~.rows_followup.DueEntryRow`,
:class:`~.rows_followup.DueStateRow`; rebuilt by ``FollowUpService``)."""

from __future__ import annotations

from typing import cast

from sqlalchemy import Table, delete, event
from sqlalchemy.orm import Session, sessionmaker

from .rows import AgreementRow, CaseRow
from .rows_followup import DoneMarkRow, DueStateRow, ReviewRow, TransitionPlanRow
from .rows_report import ReportRow


def _invalidate_due_index(session: Session, _flush_context: object) -> None:
    """After every flush: forget the due index of each case whose due dates may have moved.

    Catches every write path (services, signing, follow-up, import, undo) because it listens on
    the database's ORM sessions (:func:`listen_due_index`), not on single methods."""
    case_ids: set[int] = set()
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, CaseRow):
            case_ids.add(obj.id)
        elif isinstance(obj, (AgreementRow, ReviewRow, TransitionPlanRow, DoneMarkRow, ReportRow)):
            case_ids.add(obj.case_id)
    case_ids.discard(None)
    if case_ids:
        table = cast(Table, DueStateRow.__table__)  # declared as FromClause; a mapped class's is a Table
        session.connection().execute(delete(table).where(table.c.case_id.in_(sorted(case_ids))))


def listen_due_index(sessions: sessionmaker[Session]) -> None:
    """Keep the due index of the database whose sessions ``sessions`` makes (only those)."""
    event.listen(sessions, "after_flush", _invalidate_due_index)
