"""The audit trail's repository and its recorder on the ORM session events of one database.

``audit_log`` is append-only (migration 0005 refuses UPDATE and DELETE): its rows are written
with Core ``INSERT`` only, so :func:`from_domain` gives a row's column values and
:func:`to_domain` reads one back. :func:`listen` records every ORM change (created, changed,
deleted, with the case it belongs to) of one database's sessions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, cast

from sqlalchemy import Connection, Table, insert, inspect, select
from sqlalchemy.orm import RelationshipDirection, Session

from ..protection.model import CHANGED, CREATED, DELETED, AuditEntry
from .database import Database
from .rows import Base, CaseRow
from .rows_audit import AuditRow

# changes of these columns alone are bookkeeping, not an edit worth recording
_BOOKKEEPING = frozenset({"updated_at", "search_text", "wizard_step"})
_NOT_AUDITED = frozenset({"audit_log"})
_PENDING = "_audit_pending"  # session.info key: the changes seen before a flush


def to_domain(row: AuditRow) -> AuditEntry:
    return AuditEntry(at=row.at, user=row.user, action=row.action, entity_type=row.entity_type,
                      entity_id=row.entity_id, case_id=row.case_id)


def from_domain(entry: AuditEntry) -> dict[str, object]:
    """The column values of the (append-only) row of ``entry``."""
    return {"at": entry.at, "user": entry.user, "action": entry.action, "entity_type": entry.entity_type,
            "entity_id": entry.entity_id, "case_id": entry.case_id}


def append(s: Session | Connection, entries: Sequence[AuditEntry]) -> None:
    """Append the entries in the caller's transaction."""
    if entries:
        s.execute(insert(AuditRow), [from_domain(e) for e in entries])


def entries(s: Session, case_id: int | None = None) -> list[AuditEntry]:
    """Every entry (of the case, when ``case_id`` is given), oldest first."""
    q = select(AuditRow) if case_id is None else select(AuditRow).where(AuditRow.case_id == case_id)
    return [to_domain(r) for r in s.scalars(q.order_by(AuditRow.id))]


# --- the recorder ------------------------------------------------------------------------------


def _class_of_table() -> dict[str, type]:
    return {cast(Table, m.local_table).name: m.class_ for m in Base.registry.mappers}


def case_id_of(session: Session, obj: Any, _depth: int = 0) -> int | None:
    """The id of the case ``obj`` belongs to (following many-to-one relationships and foreign
    keys up to ``cases``); None when it belongs to no case."""
    if isinstance(obj, CaseRow):
        return obj.id
    if _depth > 6:
        return None
    state = inspect(obj)
    mapper = state.mapper
    with session.no_autoflush:
        if "case_id" in mapper.columns and getattr(obj, "case_id", None) is not None:
            value = obj.case_id
            return value if isinstance(value, int) else None
        for rel in mapper.relationships:
            if rel.direction is RelationshipDirection.MANYTOONE:
                parent = getattr(obj, rel.key)
                if parent is not None:
                    found = case_id_of(session, parent, _depth + 1)
                    if found is not None:
                        return found
        classes = _class_of_table()
        for attr in mapper.column_attrs:
            for column in attr.columns:
                for fk in column.foreign_keys:
                    value = getattr(obj, attr.key, None)
                    target = classes.get(fk.column.table.name)
                    if value is None or target is None:
                        continue
                    parent = session.get(target, value)
                    if parent is not None and parent is not obj:
                        found = case_id_of(session, parent, _depth + 1)
                        if found is not None:
                            return found
    return None


def _really_changed(obj: Any) -> bool:
    state = inspect(obj)
    changed = {a.key for a in state.mapper.column_attrs if state.attrs[a.key].history.has_changes()}
    return bool(changed - _BOOKKEEPING)


def _table(obj: Any) -> str:
    name: str = inspect(obj).mapper.local_table.name
    return name


def _before_flush(session: Session, flush_context: Any, instances: Any) -> None:
    pending = session.info.setdefault(_PENDING, [])
    for obj in list(session.deleted):
        if _table(obj) not in _NOT_AUDITED:
            pending.append((DELETED, obj, _table(obj), inspect(obj).identity, case_id_of(session, obj)))
    for obj in list(session.dirty):
        if _table(obj) not in _NOT_AUDITED and session.is_modified(obj) and _really_changed(obj):
            pending.append((CHANGED, obj, _table(obj), inspect(obj).identity, case_id_of(session, obj)))
    for obj in list(session.new):
        if _table(obj) not in _NOT_AUDITED:
            pending.append((CREATED, obj, _table(obj), None, None))


def _recorder(user: Callable[[], str]) -> Callable[[Session, Any], None]:
    def after_flush(session: Session, flush_context: Any) -> None:
        pending = session.info.pop(_PENDING, None)
        if not pending:
            return
        who, now, made = user(), dt.datetime.now(dt.UTC), []
        for action, obj, table, identity, case_id in pending:
            if action == CREATED:
                identity = tuple(inspect(obj).mapper.primary_key_from_instance(obj))
                case_id = case_id_of(session, obj)
            entity_id = identity[0] if identity and len(identity) == 1 and isinstance(identity[0], int) else None
            made.append(AuditEntry(at=now, user=who, action=action, entity_type=table, entity_id=entity_id,
                                   case_id=case_id))
        append(session.connection(), made)  # (the session itself is flushing)

    return after_flush


def _after_rollback(session: Session) -> None:
    session.info.pop(_PENDING, None)


def listen(db: Database, user: Callable[[], str]) -> None:
    """Record every ORM change made in the sessions of ``db`` (and of no other database),
    ``user()`` naming who made it."""
    db.listen("before_flush", _before_flush)
    db.listen("after_flush", _recorder(user))
    db.listen("after_rollback", _after_rollback)
