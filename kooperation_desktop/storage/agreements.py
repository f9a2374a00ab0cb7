"""The agreement repository: an agreement version with its goals (and indicators), roles,
tasks and communication rules; document numbers; freezing a version and copying it into a new
draft."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from ..domain.model import Agreement, AgreementStatus, AgreementSummary
from . import mapping
from .cases import not_found, utc_now
from .rows import AgreementRow, CommunicationRuleRow, GoalRow, IndicatorRow, RoleRow, TaskRow


def _row(s: Session, agreement_id: int | None) -> AgreementRow:
    row = s.get(AgreementRow, agreement_id) if agreement_id is not None else None
    if row is None:
        raise not_found("Vereinbarung", agreement_id)
    return row


def find(s: Session, agreement_id: int | None) -> Agreement | None:
    """The agreement with goals (with indicators), roles, tasks and communication rules."""
    row = s.scalar(
        select(AgreementRow)
        .where(AgreementRow.id == agreement_id)
        .options(
            selectinload(AgreementRow.goals).selectinload(GoalRow.indicators),
            selectinload(AgreementRow.roles),
            selectinload(AgreementRow.tasks),
            selectinload(AgreementRow.communication),
        )
    )
    if row is None:
        return None
    agreement = mapping.to_domain(row)
    for g in row.goals:
        goal = mapping.to_domain(g)
        goal.indicators = [mapping.to_domain(i) for i in g.indicators]
        agreement.goals.append(goal)
    agreement.roles = [mapping.to_domain(r) for r in row.roles]
    agreement.tasks = [mapping.to_domain(r) for r in row.tasks]
    agreement.communication = [mapping.to_domain(r) for r in row.communication]
    return agreement


def get(s: Session, agreement_id: int | None) -> Agreement:
    """:func:`find`, or :class:`~.database.NotFound`."""
    agreement = find(s, agreement_id)
    if agreement is None:
        raise not_found("Vereinbarung", agreement_id)
    return agreement


def own(s: Session, agreement_id: int | None) -> Agreement:
    """The agreement's own fields only (its child lists empty); :class:`~.database.NotFound`."""
    return mapping.to_domain(_row(s, agreement_id))


def frozen_content(s: Session, agreement_id: int) -> str:
    """The snapshot a finalised version was frozen with ("" for a draft)."""
    return _row(s, agreement_id).frozen_content


def newest_first(s: Session, case_id: int) -> list[AgreementSummary]:
    """The case's versions, the highest version first."""
    return [mapping.summary(r) for r in s.scalars(
        select(AgreementRow).where(AgreementRow.case_id == case_id)
        .order_by(AgreementRow.version.desc(), AgreementRow.id.desc()))]


def newest(s: Session) -> AgreementSummary | None:
    """The version created last in the database (one without a creation time counts as older)."""
    row = s.scalar(select(AgreementRow).order_by(AgreementRow.created_at.is_not(None).desc(),
                                                 AgreementRow.created_at.desc(), AgreementRow.id.desc()).limit(1))
    return None if row is None else mapping.summary(row)


def draft_version(s: Session, case_id: int | None) -> int | None:
    """The version number of the case's draft (None: it has none)."""
    return s.scalar(select(AgreementRow.version).where(AgreementRow.case_id == case_id,
                                                       AgreementRow.status == AgreementStatus.DRAFT.value).limit(1))


def other_versions(s: Session, agreement_id: int, case_id: int | None) -> list[int]:
    """The version numbers of the case's other agreements."""
    return list(s.scalars(select(AgreementRow.version).where(AgreementRow.case_id == case_id,
                                                             AgreementRow.id != agreement_id)))


def insert(s: Session, agreement: Agreement) -> int:
    """A new agreement row with the agreement's own fields (``created_at`` now); returns its id."""
    row = mapping.from_domain(agreement, AgreementRow())
    row.created_at = utc_now()
    s.add(row)
    s.flush()
    return row.id


def update_fields(s: Session, agreement_id: int, values: dict[str, Any]) -> int:
    """Set the agreement's own fields named in ``values``; returns its version counter after."""
    row = _row(s, agreement_id)
    for name, value in values.items():
        setattr(row, name, value)
    s.flush()
    return row.row_version


def freeze(s: Session, agreement_id: int, *, finalised_at: dt.datetime, content_hash: str,
           frozen: str) -> None:
    """Mark the version final with its hash and snapshot; older final or signed versions of the
    same document become superseded (their content and hash stay)."""
    row = _row(s, agreement_id)
    row.status = AgreementStatus.FINAL.value
    row.finalised_at = finalised_at
    row.content_hash = content_hash
    row.frozen_content = frozen
    for older in s.scalars(select(AgreementRow).where(
            AgreementRow.case_id == row.case_id,
            AgreementRow.document_id == row.document_id,
            AgreementRow.id != row.id,
            AgreementRow.version < row.version,
            AgreementRow.status.in_([AgreementStatus.FINAL.value, AgreementStatus.SIGNED.value]))):
        older.status = AgreementStatus.SUPERSEDED.value
    s.flush()


def insert_copy(s: Session, old: Agreement) -> int:
    """A new draft of ``old``'s case: the next version number, ``predecessor_id`` = old, with a
    copy of old's goals (and indicators), roles, communication rules and tasks; returns its id."""
    top = s.scalar(select(func.max(AgreementRow.version)).where(AgreementRow.case_id == old.case_id)) or 0
    row = mapping.from_domain(old, AgreementRow(), skip=(
        "id", "version", "status", "wizard_step", "created_at", "finalised_at", "content_hash", "predecessor_id"))
    row.version = top + 1
    row.status = AgreementStatus.DRAFT.value
    row.wizard_step = ""
    row.created_at = utc_now()
    row.content_hash = ""
    row.predecessor_id = old.id
    s.add(row)
    goal_rows: dict[int | None, GoalRow] = {}
    for goal in old.goals:
        g = mapping.from_domain(goal, GoalRow(), skip=("id", "agreement_id"))
        for ind in goal.indicators:
            g.indicators.append(mapping.from_domain(ind, IndicatorRow(), skip=("id", "goal_id")))
        row.goals.append(g)
        goal_rows[goal.id] = g
    for role in old.roles:
        row.roles.append(mapping.from_domain(role, RoleRow(), skip=("id", "agreement_id")))
    row.communication.extend(mapping.from_domain(c, CommunicationRuleRow(), skip=("id", "agreement_id"))
                             for c in old.communication)
    s.flush()
    for task in old.tasks:
        t = mapping.from_domain(task, TaskRow(), skip=("id", "agreement_id", "goal_id"))
        t.goal_id = goal_rows[task.goal_id].id if task.goal_id in goal_rows else None
        row.tasks.append(t)
    s.flush()
    return row.id


# --- document numbers ------------------------------------------------------------------------

def document_id_used(s: Session, document_id: str, case_id: int | None = None) -> bool:
    """True when an agreement (of another case than ``case_id``) has this document number."""
    q = select(AgreementRow.id).where(AgreementRow.document_id == document_id)
    if case_id is not None:
        q = q.where(AgreementRow.case_id != case_id)
    return s.scalar(q.limit(1)) is not None


def new_document_id(s: Session) -> str:
    """A document number no agreement in this database has."""
    while True:
        candidate = "KV-" + uuid.uuid4().hex[:8].upper()
        if not document_id_used(s, candidate):
            return candidate


def original_document_id(s: Session, agreement_id: int) -> str:
    return _row(s, agreement_id).original_document_id


def set_original_document_id(s: Session, agreement_id: int, original: str) -> None:
    _row(s, agreement_id).original_document_id = original


def find_own(s: Session, agreement_id: int | None) -> Agreement | None:
    """The agreement's own fields (None: there is no such agreement)."""
    row = s.get(AgreementRow, agreement_id) if agreement_id is not None else None
    return None if row is None else mapping.to_domain(row)


def set_status(s: Session, agreement_id: int, status: AgreementStatus) -> None:
    _row(s, agreement_id).status = status.value
    s.flush()


def by_document(s: Session, document_id: str, version: int | None) -> list[Agreement]:
    """The agreements (own fields) with this document number and version, oldest row first."""
    return [mapping.to_domain(r) for r in s.scalars(
        select(AgreementRow).where(AgreementRow.document_id == document_id, AgreementRow.version == version)
        .order_by(AgreementRow.id))]
