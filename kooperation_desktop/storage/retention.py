"""Retention's repository: provider settings, the case status (closing, re-opening), closed
cases, every row of a case (found through the foreign keys) and deleting them, and what the
read-only rule asks of a session about to flush."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from sqlalchemy import CursorResult, MetaData, Table, delete, inspect, select
from sqlalchemy.orm import Session

from ..domain.model import CaseStatus
from ..protection.model import ClosedCase
from .audit import case_id_of
from .database import NotFound
from .rows import Base, CaseRow
from .rows_audit import ProtectionSettingRow

_STATUS_AT_START = "_case_status_at_start"  # session.info key: {case id: status when the transaction began}


def _case_not_found(case_id: int) -> NotFound:
    return NotFound(f"Fall (Nr. {case_id}) wurde nicht gefunden.")


def closed_case_to_domain(row: CaseRow) -> ClosedCase:
    return ClosedCase(row.id, row.title, row.file_number, row.updated_at or row.created_at)


# --- settings ----------------------------------------------------------------------------------


def setting(s: Session, key: str) -> str | None:
    """The provider setting ``key`` (None: never set)."""
    row = s.get(ProtectionSettingRow, key)
    return row.value if row is not None else None


def set_setting(s: Session, key: str, value: str) -> None:
    row = s.get(ProtectionSettingRow, key)
    if row is None:
        s.add(ProtectionSettingRow(key=key, value=value))
    else:
        row.value = value


# --- cases -------------------------------------------------------------------------------------


def case_status(s: Session, case_id: int) -> CaseStatus:
    row = s.get(CaseRow, case_id)
    if row is None:
        raise _case_not_found(case_id)
    return CaseStatus(row.status)


def set_case_status(s: Session, case_id: int, status: CaseStatus) -> None:
    """Set the case's status (an edit of the case: audited, its version counted up); a case that
    has the status already is left as it is."""
    row = s.get(CaseRow, case_id)
    if row is None:
        raise _case_not_found(case_id)
    if row.status != CaseStatus(status).value:
        row.status = CaseStatus(status).value
        row.updated_at = dt.datetime.now(dt.UTC)


def closed_cases(s: Session) -> list[ClosedCase]:
    rows = s.scalars(select(CaseRow).where(CaseRow.status == CaseStatus.CLOSED.value))
    return [closed_case_to_domain(r) for r in rows]


def covered_cases(s: Session) -> set[int]:
    """Team mode: the cases this laptop's worker only covers (assigned to its login for holiday cover,
    ``cases.assigned_to``); the server lets only the case's own team delete them. Empty on a laptop
    that is not in team mode."""
    from .rows_sync import SyncStateRow

    identity = s.scalar(select(SyncStateRow.identity).order_by(SyncStateRow.id).limit(1))
    if not identity:
        return set()
    return set(s.scalars(select(CaseRow.id).where(CaseRow.assigned_to == identity)))


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


def delete_case_rows(s: Session, case_id: int) -> dict[str, int]:
    """Delete every row of the case in every table (children first, with Core: the session events
    do not see it); returns the number of rows deleted per table."""
    if s.get(CaseRow, case_id) is None:
        raise _case_not_found(case_id)
    ids = case_row_ids(s, case_id)
    counts: dict[str, int] = {}
    tables = {t.name: t for t in Base.metadata.sorted_tables}
    for name in reversed([t.name for t in Base.metadata.sorted_tables]):
        if ids.get(name):
            pk = next(iter(tables[name].primary_key.columns))
            result = cast("CursorResult[Any]", s.execute(delete(tables[name]).where(pk.in_(ids[name]))))
            counts[name] = result.rowcount
    return counts


# --- the read-only rule ------------------------------------------------------------------------


def _old_status(session: Session, row: CaseRow) -> str:
    """The case's status when this transaction began (a flush in between resets the history)."""
    at_start: dict[int, str] = session.info.setdefault(_STATUS_AT_START, {})
    if row.id not in at_start:
        hist = inspect(row).attrs.status.history
        at_start[row.id] = hist.deleted[0] if hist.deleted else row.status
    return at_start[row.id]


def forget_case_status(session: Session, *args: Any) -> None:
    """End of a transaction: the statuses noted at its start are stale now."""
    session.info.pop(_STATUS_AT_START, None)


def writes_closed_case(session: Session) -> bool:
    """True when the session is about to write a row of a case that was closed when the
    transaction began — except re-opening the case (status back to open) and deleting it."""
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
        if obj in session.dirty and not session.is_modified(obj):
            continue
        case_id = case_id_of(session, obj)
        if case_id is None or case_id in deleted_cases or case_id in reopened:
            continue
        if case_id not in checked:
            row = session.get(CaseRow, case_id)
            checked[case_id] = row is not None and _old_status(session, row) == CaseStatus.CLOSED.value
        if checked[case_id]:
            return True
    return False
