"""Rows <-> domain dataclasses, and the queries that load whole aggregates.

Same-named fields are copied; enums are stored as their values, ``Consent.categories`` as a
comma-separated string, ``Indicator.level_texts`` as JSON. Children lists of the domain objects
(``Case.persons``, ``Agreement.goals`` ...) are filled only by the ``load_*`` functions.
"""

from __future__ import annotations

import unicodedata
from dataclasses import fields
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

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

# domain class -> row class
ROW_OF: dict[type, type[Base]] = {
    Case: CaseRow,
    Person: PersonRow,
    Partner: PartnerRow,
    Consent: ConsentRow,
    Agreement: AgreementRow,
    Goal: GoalRow,
    Indicator: IndicatorRow,
    Role: RoleRow,
    Task: TaskRow,
    CommunicationRule: CommunicationRuleRow,
}

# fields that are child lists (filled by the loaders, never copied to the row)
_CHILD_LISTS = {"persons", "partners", "consents", "agreements", "goals", "indicators", "roles",
                "tasks", "communication"}

# (domain class, field) -> enum stored as its value
_ENUMS: dict[tuple[type, str], type] = {
    (Case, "status"): CaseStatus,
    (Partner, "kind"): PartnerKind,
    (Consent, "form"): ConsentForm,
    (Agreement, "status"): AgreementStatus,
    (Indicator, "scale"): ScaleKind,
    (CommunicationRule, "kind"): CommunicationKind,
}


def _to_row_value(cls: type, name: str, value: Any) -> Any:
    if (cls, name) in _ENUMS:
        return _ENUMS[(cls, name)](value).value
    if cls is Consent and name == "categories":
        return ",".join(InfoCategory(c).value for c in value)
    if cls is Indicator and name == "level_texts":
        texts = [str(t) for t in value][:5]
        return texts + [""] * (5 - len(texts))
    return value


def _to_domain_value(cls: type, name: str, value: Any) -> Any:
    if (cls, name) in _ENUMS:
        return _ENUMS[(cls, name)](value)
    if cls is Consent and name == "categories":
        return [InfoCategory(c) for c in value.split(",") if c]
    if cls is Indicator and name == "level_texts":
        return list(value or ["", "", "", "", ""])
    return value


def copy_to_row(entity: Any, row: Any, *, skip: tuple[str, ...] = ("id",)) -> Any:
    """Copy the entity's own (non-child, non-skipped) fields onto the row. ``row_version`` is
    never copied: the row counts its own versions (the services compare it, see ``rows.edit_counter``)."""
    cls = type(entity)
    for f in fields(entity):
        if f.name in _CHILD_LISTS or f.name in skip or f.name == "row_version" or not hasattr(type(row), f.name):
            continue
        setattr(row, f.name, _to_row_value(cls, f.name, getattr(entity, f.name)))
    return row


def new_row(entity: Any) -> Any:
    return copy_to_row(entity, ROW_OF[type(entity)]())


def to_domain(cls: type, row: Any) -> Any:
    """A domain object of ``cls`` from ``row`` (own fields only, child lists empty)."""
    kwargs = {
        f.name: _to_domain_value(cls, f.name, getattr(row, f.name))
        for f in fields(cls)
        if f.name not in _CHILD_LISTS and hasattr(type(row), f.name)
    }
    return cls(**kwargs)


def summary(row: AgreementRow) -> AgreementSummary:
    return AgreementSummary(
        id=row.id,
        version=row.version,
        status=AgreementStatus(row.status),
        document_id=row.document_id,
        created_at=row.created_at,
        finalised_at=row.finalised_at,
        content_hash=row.content_hash,
    )


def load_case(s: Session, case_id: int) -> Case | None:
    row = s.scalar(
        select(CaseRow)
        .where(CaseRow.id == case_id)
        .options(
            selectinload(CaseRow.persons),
            selectinload(CaseRow.partners),
            selectinload(CaseRow.consents),
            selectinload(CaseRow.agreements),
        )
    )
    if row is None:
        return None
    case: Case = to_domain(Case, row)
    case.persons = [to_domain(Person, r) for r in row.persons]
    case.partners = [to_domain(Partner, r) for r in row.partners]
    case.consents = [to_domain(Consent, r) for r in row.consents]
    case.agreements = [summary(r) for r in row.agreements]  # newest first (relationship order)
    return case


def load_agreement(s: Session, agreement_id: int) -> Agreement | None:
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
    agreement: Agreement = to_domain(Agreement, row)
    for g in row.goals:
        goal: Goal = to_domain(Goal, g)
        goal.indicators = [to_domain(Indicator, i) for i in g.indicators]
        agreement.goals.append(goal)
    agreement.roles = [to_domain(Role, r) for r in row.roles]
    agreement.tasks = [to_domain(Task, r) for r in row.tasks]
    agreement.communication = [to_domain(CommunicationRule, r) for r in row.communication]
    return agreement


# letters that carry no combining mark in Unicode but are read as a base letter with a mark
_BASE_LETTERS = str.maketrans({
    "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ŧ": "t", "ı": "i", "ŀ": "l", "ƚ": "l",
    "æ": "ae", "œ": "oe", "þ": "th", "ĳ": "ij",
})


def fold_for_search(text: str) -> str:
    """Text as the case search compares it: case- and diacritic-insensitive ("celik" finds "Çelik",
    "wrobel" finds "Wróbel", "strasse" finds "Straße", "lodz" finds "Łódź"). Compatibility
    decomposition (NFKD), combining marks removed, casefolded (ß → ss), and the letters with a
    built-in stroke (ł, ø, đ …) mapped to their base letter. The stored ``search_text`` of a case
    and the typed filter are folded by this one function."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    folded = stripped.casefold().translate(_BASE_LETTERS)
    # casefolding can produce new combining marks (e.g. "İ" → "i̇"): strip them once more
    return "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))


def search_text_of(title: str, file_number: str, help_type: str, names: list[tuple[str, str]]) -> str:
    """The folded text a case is found by: title, file number, help type and its persons' names."""
    parts = [title, file_number, help_type]
    for first, last in names:
        parts.append(" ".join(x for x in (first.strip(), last.strip()) if x))
    return "\n".join(fold_for_search(p) for p in parts if p)


def search_text(row: CaseRow, persons: list[PersonRow]) -> str:
    return search_text_of(row.title, row.file_number, row.help_type, [(p.first_name, p.last_name) for p in persons])
