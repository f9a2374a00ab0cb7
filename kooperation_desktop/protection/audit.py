"""Append-only audit trail: who (OS user profile), when, which entity, which action — never content.

Recorded centrally from the ORM session events of one open database (:func:`attach`, called
by :func:`~kooperation_desktop.protection.opener.open_database`), so every write path of every
feature service is covered without touching them; sessions of any other database are not. The
database refuses UPDATE and DELETE on ``audit_log`` (triggers of migration 0005). Every query
lives in :mod:`kooperation_desktop.storage.audit`.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from ..storage import audit as store
from ..storage.database import Database
from .model import (
    ACTION_LABELS,
    BACKUP,
    CHANGED,
    CREATED,
    DELETED,
    ENTITY_LABELS,
    EXPORT,
    PASSWORD,
    RESTORE,
    AuditEntry,
    current_user,
    new_entry,
)

__all__ = ["ACTION_LABELS", "BACKUP", "CHANGED", "CREATED", "DELETED", "ENTITY_LABELS", "EXPORT", "PASSWORD",
           "RESTORE", "AuditEntry", "AuditService", "attach", "current_user", "write_entry"]


def attach(db: Database) -> None:
    """Record the audit trail for every session of ``db`` (and of no other database)."""
    store.listen(db, current_user)


def write_entry(session: Session, action: str, entity_type: str, entity_id: int | None = None,
                case_id: int | None = None) -> None:
    """Append one entry in ``session``'s transaction: an explicit event (backup, export, …) or a
    change the session events do not see (a Core ``DELETE``, e.g. deleting a whole case)."""
    store.append(session, [new_entry(action, entity_type, entity_id, case_id)])


class AuditService:
    """Reading the audit trail and recording explicit events (backup, export, …)."""

    def __init__(self, db: Database):
        self.db = db

    def record(self, action: str, entity_type: str, entity_id: int | None = None,
               case_id: int | None = None) -> None:
        with self.db.transaction() as s:
            write_entry(s, action, entity_type, entity_id, case_id)

    def for_case(self, case_id: int) -> list[AuditEntry]:
        """Every entry of the case, oldest first."""
        with self.db.reading() as s:
            return store.entries(s, case_id)

    def all(self) -> list[AuditEntry]:
        with self.db.reading() as s:
            return store.entries(s)
