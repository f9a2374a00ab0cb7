"""Retention: a closed case is read-only (archived); cases whose retention period is over are
listed for deletion; deletion removes every row of the case in every table (signatures and
the rows of any feature included), found through the foreign keys.

The read-only rule is enforced centrally by a ``before_flush`` hook on the open database's own
sessions (:func:`attach_read_only_guard`, attached by
:func:`~kooperation_desktop.protection.opener.open_database`): any write touching a closed case is
refused with a German
:class:`~kooperation_desktop.domain.rules.RuleViolation` — except re-opening it (status back to
open) and deleting it as a whole.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import MetaData, Table, delete, inspect, select
from sqlalchemy.orm import Session

from ..domain.model import CaseStatus, Problem
from ..domain.rules import RuleViolation
from ..storage.database import Database, NotFound, SessionSource
from ..storage.rows import Base, CaseRow
from ..storage.rows_audit import ProtectionSettingRow
from ..usecases.cases import CaseService
from . import audit

DEFAULT_RETENTION_YEARS = 5  # common practice for SGB VIII case files; the provider sets its own
RETENTION_KEY = "retention_years"
READ_ONLY_MESSAGE = ("Dieser Fall ist abgeschlossen und archiviert; er kann nicht mehr geändert werden. "
                     "Zum Bearbeiten den Fall zuerst wieder öffnen.")


def _old_status(session: Session, row: CaseRow) -> str:
    """The case's status when this transaction began (a flush in between resets the history)."""
    at_start: dict[int, str] = session.info.setdefault("_case_status_at_start", {})
    if row.id not in at_start:
        hist = inspect(row).attrs.status.history
        at_start[row.id] = hist.deleted[0] if hist.deleted else row.status
    return at_start[row.id]


def _forget(session: Session, *args: Any) -> None:
    session.info.pop("_case_status_at_start", None)


def _guard(session: Session, flush_context: Any, instances: Any) -> None:
    for o in session.dirty:
        if isinstance(o, CaseRow):
            _old_status(session, o)
    deleted_cases = {o.id for o in session.deleted if isinstance(o, CaseRow)}
    reopened = {o.id for o in session.identity_map.values() if isinstance(o, CaseRow)
                and _old_status(session, o) == CaseStatus.CLOSED.value and o.status != CaseStatus.CLOSED.value}
    checked: dict[int, bool] = {}
    for obj in [*session.new, *session.dirty, *session.deleted]:
        if inspect(obj).mapper.local_table.name == "audit_log":
            continue
        if isinstance(obj, CaseRow) and obj in session.dirty and not session.is_modified(obj):
            continue
        if obj in session.dirty and not session.is_modified(obj):
            continue
        case_id = audit.case_id_of(session, obj)
        if case_id is None or case_id in deleted_cases or case_id in reopened:
            continue
        if case_id not in checked:
            row = session.get(CaseRow, case_id)
            checked[case_id] = row is not None and _old_status(session, row) == CaseStatus.CLOSED.value
        if checked[case_id]:
            raise RuleViolation(Problem("status", READ_ONLY_MESSAGE))


def attach_read_only_guard(db: Database) -> None:
    """Refuse writes to closed cases in every session of ``db`` (and of no other database)."""
    db.listen("before_flush", _guard)
    db.listen("after_commit", _forget)
    db.listen("after_rollback", _forget)


@dataclass(frozen=True)
class ExpiredCase:
    case_id: int
    title: str
    file_number: str
    closed_on: dt.date
    delete_from: dt.date


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def case_tables(metadata: MetaData) -> list[tuple[Table, list[tuple[str, Table]]]]:
    """Every table that belongs to a case, with its foreign keys leading (directly or through
    other tables) to ``cases``; parents before children."""
    cases = metadata.tables["cases"]
    linked: dict[str, list[tuple[str, Table]]] = {}
    order: list[Table] = []
    changed = True
    while changed:
        changed = False
        for table in metadata.sorted_tables:
            if table is cases:
                continue
            links = [(fk.parent.name, fk.column.table) for fk in table.foreign_keys
                     if fk.column.table is cases or fk.column.table.name in linked]
            if links and (table.name not in linked or len(links) > len(linked[table.name])):
                if table.name not in linked:
                    order.append(table)
                linked[table.name] = links
                changed = True
    return [(t, linked[t.name]) for t in order]


def case_row_ids(session: Session, case_id: int) -> dict[str, set[Any]]:
    """Primary keys of every row belonging to the case, per table (``cases`` included)."""
    ids: dict[str, set[Any]] = {"cases": {case_id}}
    tables = case_tables(Base.metadata)
    grew = True
    while grew:
        grew = False
        for table, links in tables:
            pk = list(table.primary_key.columns)
            if len(pk) != 1:
                continue
            for column, parent in links:
                parent_ids = ids.get(parent.name)
                if not parent_ids:
                    continue
                found = set(session.scalars(select(pk[0]).where(table.c[column].in_(parent_ids))))
                new = found - ids.setdefault(table.name, set())
                if new:
                    ids[table.name] |= new
                    grew = True
    return ids


class CaseUseCases(Protocol):
    """What retention needs of the services: the database and the case's own use cases."""

    @property
    def db(self) -> SessionSource: ...

    @property
    def cases(self) -> CaseService: ...


class RetentionService:
    """Closing, the retention period, cases due for deletion, deleting a case completely."""

    def __init__(self, services: CaseUseCases):
        self.services = services

    def retention_years(self) -> int:
        with self.services.db.reading() as s:
            row = s.get(ProtectionSettingRow, RETENTION_KEY)
            try:
                return int(row.value) if row is not None else DEFAULT_RETENTION_YEARS
            except ValueError:
                return DEFAULT_RETENTION_YEARS

    def set_retention_years(self, years: int) -> None:
        if isinstance(years, bool) or not isinstance(years, int) or not 1 <= years <= 100:
            raise RuleViolation(Problem("retention_years",
                                        "Die Aufbewahrungsfrist muss eine ganze Zahl von 1 bis 100 Jahren sein."))
        with self.services.db.transaction() as s:
            row = s.get(ProtectionSettingRow, RETENTION_KEY)
            if row is None:
                s.add(ProtectionSettingRow(key=RETENTION_KEY, value=str(years)))
            else:
                row.value = str(years)

    def close_case(self, case_id: int) -> None:
        """Close (archive) the case: from now on it is read-only."""
        case = self.services.cases.get(case_id)
        case.status = CaseStatus.CLOSED
        self.services.cases.update(case)

    def reopen_case(self, case_id: int) -> None:
        case = self.services.cases.get(case_id)
        case.status = CaseStatus.OPEN
        self.services.cases.update(case)

    def is_read_only(self, case_id: int) -> bool:
        return self.services.cases.get(case_id).status == CaseStatus.CLOSED

    def due_for_deletion(self, today: dt.date | None = None) -> list[ExpiredCase]:
        """Closed cases whose retention period (counted from closing: the last change of a
        closed case, which cannot change any more) is over, oldest first."""
        today = today or dt.date.today()
        years = self.retention_years()
        result = []
        with self.services.db.reading() as s:
            for row in s.scalars(select(CaseRow).where(CaseRow.status == CaseStatus.CLOSED.value)):
                closed = (row.updated_at or row.created_at or dt.datetime.now(dt.UTC)).date()
                due = _add_years(closed, years)
                if due <= today:
                    result.append(ExpiredCase(row.id, row.title, row.file_number, closed, due))
        return sorted(result, key=lambda e: (e.delete_from, e.case_id))

    def delete_case(self, case_id: int) -> dict[str, int]:
        """Delete every row of the case in every table (children first); returns the number of
        rows deleted per table. The audit trail keeps that (and by whom) it was deleted."""
        with self.services.db.transaction() as s:
            if s.get(CaseRow, case_id) is None:
                raise NotFound(f"Fall (Nr. {case_id}) wurde nicht gefunden.")
            ids = case_row_ids(s, case_id)
            counts: dict[str, int] = {}
            tables = {t.name: t for t in Base.metadata.sorted_tables}
            for name in reversed([t.name for t in Base.metadata.sorted_tables]):
                if ids.get(name):
                    pk = next(iter(tables[name].primary_key.columns))
                    # expire ORM state: these rows are deleted with Core
                    res = s.execute(delete(tables[name]).where(pk.in_(ids[name])))
                    counts[name] = res.rowcount
            audit.write_entry(s, audit.DELETED, "cases", case_id, case_id)
        return counts
