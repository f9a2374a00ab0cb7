"""Rows <-> domain dataclasses: one mapping per row class, in one style.

:func:`to_domain` makes the domain object of a row (its own fields; child lists stay empty, the
repositories fill them); :func:`from_domain` copies a domain object's own fields onto a row.
Same-named fields are copied; enums are stored as their values, ``Consent.categories`` as a
comma-separated string, ``Indicator.level_texts`` as a JSON list of five texts. ``row_version``
is never copied to a row: the row counts its own versions (``rows.edit_counter``).
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any, TypeVar, cast, overload

from ..domain.model import (
    Agreement,
    AgreementStatus,
    AgreementSummary,
    Case,
    CaseStatus,
    CommunicationKind,
    CommunicationRule,
    Consent,
    ConsentForm,
    Goal,
    Indicator,
    InfoCategory,
    Partner,
    PartnerKind,
    Person,
    Role,
    ScaleKind,
    Task,
)
from ..domain.rules import Entity
from .rows import (
    AgreementRow,
    Base,
    CaseRow,
    CommunicationRuleRow,
    ConsentRow,
    GoalRow,
    IndicatorRow,
    PartnerRow,
    PersonRow,
    RoleRow,
    TaskRow,
)

EntityRow = PersonRow | PartnerRow | ConsentRow | GoalRow | IndicatorRow | RoleRow | TaskRow | CommunicationRuleRow
RowT = TypeVar("RowT", bound=Base)

# row class -> domain class
DOMAIN_OF: dict[type[Base], type] = {
    CaseRow: Case,
    PersonRow: Person,
    PartnerRow: Partner,
    ConsentRow: Consent,
    AgreementRow: Agreement,
    GoalRow: Goal,
    IndicatorRow: Indicator,
    RoleRow: Role,
    TaskRow: Task,
    CommunicationRuleRow: CommunicationRule,
}
# domain class -> row class
ROW_OF: dict[type, type[Base]] = {domain: row for row, domain in DOMAIN_OF.items()}

# fields that are child lists (filled by the repositories, never copied to the row)
CHILD_LISTS = {"persons", "partners", "consents", "agreements", "goals", "indicators", "roles",
                "tasks", "communication"}
_NEVER_TO_ROW = {"row_version", *CHILD_LISTS}

# (domain class, field) -> enum stored as its value
_ENUMS: dict[tuple[type, str], type[Any]] = {
    (Case, "status"): CaseStatus,
    (Partner, "kind"): PartnerKind,
    (Consent, "form"): ConsentForm,
    (Agreement, "status"): AgreementStatus,
    (Indicator, "scale"): ScaleKind,
    (CommunicationRule, "kind"): CommunicationKind,
}


def row_value(cls: type, name: str, value: Any) -> Any:
    """The value field ``name`` of a ``cls`` object with ``value`` is stored as."""
    if (cls, name) in _ENUMS:
        return _ENUMS[(cls, name)](value).value
    if cls is Consent and name == "categories":
        return ",".join(InfoCategory(c).value for c in value)
    if cls is Indicator and name == "level_texts":
        texts = [str(t) for t in value][:5]
        return texts + [""] * (5 - len(texts))
    return value


def _domain_value(cls: type, name: str, value: Any) -> Any:
    if (cls, name) in _ENUMS:
        return _ENUMS[(cls, name)](value)
    if cls is Consent and name == "categories":
        return [InfoCategory(c) for c in value.split(",") if c]
    if cls is Indicator and name == "level_texts":
        return list(value or ["", "", "", "", ""])
    return value


@overload
def to_domain(row: CaseRow) -> Case: ...
@overload
def to_domain(row: PersonRow) -> Person: ...
@overload
def to_domain(row: PartnerRow) -> Partner: ...
@overload
def to_domain(row: ConsentRow) -> Consent: ...
@overload
def to_domain(row: AgreementRow) -> Agreement: ...
@overload
def to_domain(row: GoalRow) -> Goal: ...
@overload
def to_domain(row: IndicatorRow) -> Indicator: ...
@overload
def to_domain(row: RoleRow) -> Role: ...
@overload
def to_domain(row: TaskRow) -> Task: ...
@overload
def to_domain(row: CommunicationRuleRow) -> CommunicationRule: ...
def to_domain(row: Base) -> Any:
    """The domain object of ``row`` (own fields only, child lists empty)."""
    cls = DOMAIN_OF[type(row)]
    return cls(**{f.name: _domain_value(cls, f.name, getattr(row, f.name))
                  for f in fields(cls) if f.name not in CHILD_LISTS and hasattr(type(row), f.name)})


def from_domain(obj: Any, row: RowT, *, skip: tuple[str, ...] = ("id",)) -> RowT:
    """Copy the domain object's own fields (not its child lists, not ``skip``) onto ``row``."""
    cls = type(obj)
    for f in fields(obj):
        if f.name in _NEVER_TO_ROW or f.name in skip or not hasattr(type(row), f.name):
            continue
        setattr(row, f.name, row_value(cls, f.name, getattr(obj, f.name)))
    return row


def new_row(entity: Entity) -> EntityRow:
    """A new (unsaved) row of the entity's row class with its fields."""
    return cast(EntityRow, from_domain(entity, ROW_OF[type(entity)]()))


def summary(row: AgreementRow) -> AgreementSummary:
    """The agreement version as the case lists it."""
    return AgreementSummary(
        id=row.id,
        version=row.version,
        status=AgreementStatus(row.status),
        document_id=row.document_id,
        created_at=row.created_at,
        finalised_at=row.finalised_at,
        content_hash=row.content_hash,
    )
