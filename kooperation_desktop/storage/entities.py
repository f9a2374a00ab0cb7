"""The repository of a case's and an agreement's single entries: persons, partners, consents,
goals, indicators, roles, tasks and communication rules."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import cast

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ..domain.model import Agreement, AgreementStatus, CommunicationRule, Goal, Indicator, Person, Role, Task
from ..domain.rules import Entity
from . import mapping
from .cases import not_found
from .database import check_row_version
from .mapping import EntityRow
from .rows import AgreementRow, CaseRow, CommunicationRuleRow, ConsentRow, GoalRow, IndicatorRow, RoleRow, TaskRow


def _row(s: Session, cls: type[Entity], entity_id: int | None) -> EntityRow | None:
    if entity_id is None:
        return None
    return cast(EntityRow | None, s.get(mapping.ROW_OF[cls], entity_id))


def find(s: Session, cls: type[Entity], entity_id: int | None) -> Entity | None:
    """The stored entry of class ``cls`` (own fields only: a goal without its indicators)."""
    row = _row(s, cls, entity_id)
    return None if row is None else mapping.to_domain(row)


def owner_agreement(s: Session, entity: Entity) -> Agreement:
    """The agreement (own fields) an agreement's entry belongs to, per the entry's ids (an
    indicator: via its goal); :class:`~.database.NotFound`."""
    if isinstance(entity, Indicator):
        goal = s.get(GoalRow, entity.goal_id) if entity.goal_id is not None else None
        if goal is None:
            raise not_found("Ziel", entity.goal_id)
        return mapping.to_domain(goal.agreement)
    agreement_id = getattr(entity, "agreement_id", None)
    row = s.get(AgreementRow, agreement_id) if agreement_id is not None else None
    if row is None:
        raise not_found("Vereinbarung", agreement_id)
    return mapping.to_domain(row)


def stored_agreement(s: Session, cls: type[Entity], entity_id: int) -> Agreement:
    """The agreement (own fields) the STORED entry belongs to."""
    row = _row(s, cls, entity_id)
    if isinstance(row, IndicatorRow):
        return mapping.to_domain(row.goal.agreement)
    if isinstance(row, (GoalRow, RoleRow, TaskRow, CommunicationRuleRow)):
        return mapping.to_domain(row.agreement)
    raise not_found("Eintrag", entity_id)


def goal_ids(s: Session, agreement_id: int | None) -> set[int]:
    """The ids of the agreement's goals."""
    return set(s.scalars(select(GoalRow.id).where(GoalRow.agreement_id == agreement_id)))


def insert(s: Session, entity: Entity) -> None:
    """Store a new entry; sets its ``id`` and ``row_version``."""
    insert_all(s, [entity])


def _owner(entity: Entity) -> tuple[type[AgreementRow | GoalRow | CaseRow], int | None]:
    """The row an entry hangs on (an indicator: its goal; a case's entry: the case)."""
    if isinstance(entity, Indicator):
        return GoalRow, entity.goal_id
    if isinstance(entity, (Goal, Role, Task, CommunicationRule)):
        return AgreementRow, entity.agreement_id
    return CaseRow, entity.case_id


def insert_all(s: Session, entities: Sequence[Entity]) -> None:
    """Store new entries in one flush (in this order); sets their ``id`` and ``row_version``."""
    rows = [mapping.new_row(entity) for entity in entities]
    # each owner read once and held while flushing: the audit and the closed-case rule find every
    # new row's case through it, and the session holds rows only weakly (a new task would read its
    # agreement twice)
    owners = [s.get(cls, key) for cls, key in dict.fromkeys(map(_owner, entities)) if key is not None]
    s.add_all(rows)
    s.flush()
    del owners
    for entity, row in zip(entities, rows, strict=True):
        entity.id, entity.row_version = row.id, row.row_version


def update(s: Session, entity: Entity) -> None:
    """Write the entry's own fields over the stored row (a stale copy raises
    :class:`~.database.ChangedElsewhere`); sets its new ``row_version``."""
    row = _row(s, type(entity), entity.id)
    if row is None:
        raise not_found("Eintrag", entity.id)
    check_row_version(row, entity.row_version)
    mapping.from_domain(entity, row)
    s.flush()
    entity.row_version = row.row_version


def delete(s: Session, cls: type[Entity], entity_id: int) -> None:
    """Delete the entry and its children (a goal's indicators)."""
    row = _row(s, cls, entity_id)
    if row is not None:
        s.delete(row)
        s.flush()


def named_in_frozen_agreement(s: Session, entity: Person | object, entity_id: int) -> bool:
    """True when a role or task of a finalised (signed, superseded) agreement names this person
    (``entity`` a :class:`Person`) or partner."""
    col = "person_id" if isinstance(entity, Person) else "partner_id"
    return bool(s.scalar(select(func.count()).select_from(AgreementRow).where(
        AgreementRow.status != AgreementStatus.DRAFT.value,
        or_(
            AgreementRow.id.in_(select(RoleRow.agreement_id).where(getattr(RoleRow, col) == entity_id)),
            AgreementRow.id.in_(select(TaskRow.agreement_id).where(getattr(TaskRow, col) == entity_id)),
        ),
    )))


def has_consents(s: Session, entity: Person | object, entity_id: int) -> bool:
    """True when a consent was given by this person (``entity`` a :class:`Person`) or for this partner."""
    col = "person_id" if isinstance(entity, Person) else "partner_id"
    return bool(s.scalar(select(func.count()).select_from(ConsentRow).where(getattr(ConsentRow, col) == entity_id)))


def revoke_consent(s: Session, consent_id: int, on: dt.date, note: str) -> None:
    """Record the revocation of a stored consent."""
    row = s.get(ConsentRow, consent_id)
    if row is None:
        raise not_found("Einverständnis", consent_id)
    row.revoked_on = on
    row.revocation_note = note

