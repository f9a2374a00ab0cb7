"""What the database holds about one person (GDPR Art. 15), generic over the schema: every row
of every table that refers to the person through a foreign key."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from ..domain.model import Agreement, Case, Person
from . import mapping
from .rows import AgreementRow, Base, CaseRow, PersonRow
from .rows_audit import AuditRow

PERSONS: Table = Base.metadata.tables["persons"]


def find(s: Session, person_id: int) -> Person | None:
    row = s.get(PersonRow, person_id)
    return None if row is None else mapping.to_domain(row)


def family_roles(s: Session, case_id: int) -> dict[int, str]:
    """Person id -> family role, of every person of the case as stored."""
    rows = s.execute(select(PersonRow.id, PersonRow.family_role).where(PersonRow.case_id == case_id))
    return {ident: role for ident, role in rows}


def case_of(s: Session, person: Person) -> Case | None:
    """The person's case (own fields only)."""
    row = s.get(CaseRow, person.case_id) if person.case_id is not None else None
    return None if row is None else mapping.to_domain(row)


def own_row(s: Session, person_id: int) -> Any:
    """The person's row as a plain result row (every column)."""
    return s.execute(select(PERSONS).where(PERSONS.c.id == person_id)).one()


def referring_rows(s: Session, person_id: int) -> list[tuple[Table, list[Any]]]:
    """Per table with a foreign key to ``persons``: its rows that refer to the person."""
    out: list[tuple[Table, list[Any]]] = []
    for table in Base.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table is PERSONS:
                rows = list(s.execute(select(table).where(table.c[fk.parent.name] == person_id)).all())
                if rows:
                    out.append((table, rows))
    return out


def agreements_of_case(s: Session, case_id: int | None) -> list[tuple[Agreement, str]]:
    """The case's agreements (own fields), lowest version first, each with its frozen snapshot."""
    return [(mapping.to_domain(a), a.frozen_content) for a in s.scalars(
        select(AgreementRow).where(AgreementRow.case_id == case_id).order_by(AgreementRow.version))]


def audit_rows(s: Session, person_id: int) -> list[Any]:
    """The audit trail's entries about the person, oldest first (plain result rows)."""
    table = AuditRow.__table__
    return list(s.execute(select(table).where(table.c.entity_type == "persons", table.c.entity_id == person_id)
                          .order_by(table.c.id)).all())
