"""Append-only audit trail: who (OS user profile), when, which entity, which action — never content.

Recorded centrally from the ORM session events of one open database (:func:`attach`, called
by :func:`~kooperation_desktop.protection.opener.open_database`), so every write path of every
feature service is covered without touching them; sessions of any other database are not. The
database refuses UPDATE and DELETE on ``audit_log`` (triggers of migration 0005).
"""

from __future__ import annotations

import datetime as dt
import getpass
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, inspect, select
from sqlalchemy.orm import RelationshipDirection, Session

from ..storage.database import Database, SessionSource
from ..storage.rows import Base, CaseRow
from ..storage.rows_audit import AuditRow

CREATED, CHANGED, DELETED = "created", "changed", "deleted"
# explicit events recorded by the feature services (no row change)
BACKUP, RESTORE, EXPORT, PASSWORD = "backup", "restore", "export", "password"

ACTION_LABELS = {
    CREATED: "angelegt", CHANGED: "geändert", DELETED: "gelöscht", BACKUP: "Datensicherung",
    RESTORE: "wiederhergestellt", EXPORT: "exportiert", PASSWORD: "Passwort geändert",
}
ENTITY_LABELS = {
    "cases": "Fall", "persons": "Person", "partners": "Kooperationspartner/in", "consents": "Einverständnis",
    "agreements": "Vereinbarung", "goals": "Ziel", "indicators": "Indikator", "roles": "Rolle",
    "tasks": "Aufgabe", "communication_rules": "Kommunikationsregel", "signatures": "Unterschrift",
    "followup_reviews": "Überprüfung", "followup_review_ratings": "Bewertung (Überprüfung)",
    "followup_reflections": "Reflexion", "followup_reflection_ratings": "Bewertung (Reflexion)",
    "followup_transition_plans": "Übergangsplan", "followup_done": "Erledigt-Vermerk",
    "protection_settings": "Einstellung",
    "database": "Datenbank",
}
# changes of these columns alone are bookkeeping, not an edit worth recording
_BOOKKEEPING = frozenset({"updated_at", "search_text", "wizard_step"})
_NOT_AUDITED = frozenset({"audit_log"})


@dataclass(frozen=True)
class AuditEntry:
    at: dt.datetime
    user: str
    action: str
    entity_type: str
    entity_id: int | None
    case_id: int | None

    @property
    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action, self.action)

    @property
    def entity_label(self) -> str:
        return ENTITY_LABELS.get(self.entity_type, self.entity_type)


def current_user() -> str:
    """The OS user profile name (no client data)."""
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in the environment
        return "unbekannt"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _class_of_table() -> dict[str, type]:
    return {m.local_table.name: m.class_ for m in Base.registry.mappers}


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
    return inspect(obj).mapper.local_table.name


def _before_flush(session: Session, flush_context: Any, instances: Any) -> None:
    pending = session.info.setdefault("_audit_pending", [])
    for obj in list(session.deleted):
        if _table(obj) not in _NOT_AUDITED:
            pending.append((DELETED, obj, _table(obj), inspect(obj).identity, case_id_of(session, obj)))
    for obj in list(session.dirty):
        if _table(obj) not in _NOT_AUDITED and session.is_modified(obj) and _really_changed(obj):
            pending.append((CHANGED, obj, _table(obj), inspect(obj).identity, case_id_of(session, obj)))
    for obj in list(session.new):
        if _table(obj) not in _NOT_AUDITED:
            pending.append((CREATED, obj, _table(obj), None, None))


def _after_flush(session: Session, flush_context: Any) -> None:
    pending = session.info.pop("_audit_pending", None)
    if not pending:
        return
    user, now, rows = current_user(), _now(), []
    for action, obj, table, identity, case_id in pending:
        if action == CREATED:
            identity = tuple(inspect(obj).mapper.primary_key_from_instance(obj))
            case_id = case_id_of(session, obj)
        entity_id = identity[0] if identity and len(identity) == 1 and isinstance(identity[0], int) else None
        rows.append({"at": now, "user": user, "action": action, "entity_type": table,
                     "entity_id": entity_id, "case_id": case_id})
    session.connection().execute(insert(AuditRow), rows)


def _after_rollback(session: Session) -> None:
    session.info.pop("_audit_pending", None)


def attach(db: Database) -> None:
    """Record the audit trail for every session of ``db`` (and of no other database)."""
    db.listen("before_flush", _before_flush)
    db.listen("after_flush", _after_flush)
    db.listen("after_rollback", _after_rollback)


def write_entry(session: Session, action: str, entity_type: str, entity_id: int | None = None,
                case_id: int | None = None) -> None:
    """Append one entry in ``session``'s transaction: an explicit event (backup, export, …) or a
    change the session events do not see (a Core ``DELETE``, e.g. deleting a whole case)."""
    session.execute(insert(AuditRow), [{"at": _now(), "user": current_user(), "action": action,
                                        "entity_type": entity_type, "entity_id": entity_id,
                                        "case_id": case_id}])


class AuditService:
    """Reading the audit trail and recording explicit events (backup, export, …)."""

    def __init__(self, services: SessionSource):
        self.services = services

    def record(self, action: str, entity_type: str, entity_id: int | None = None,
               case_id: int | None = None) -> None:
        with self.services.transaction() as s:
            write_entry(s, action, entity_type, entity_id, case_id)

    def for_case(self, case_id: int) -> list[AuditEntry]:
        """Every entry of the case, oldest first."""
        return self._query(select(AuditRow).where(AuditRow.case_id == case_id))

    def all(self) -> list[AuditEntry]:
        return self._query(select(AuditRow))

    def _query(self, q: Any) -> list[AuditEntry]:
        with self.services.reading() as s:
            return [AuditEntry(at=r.at, user=r.user, action=r.action, entity_type=r.entity_type,
                               entity_id=r.entity_id, case_id=r.case_id)
                    for r in s.scalars(q.order_by(AuditRow.id))]
