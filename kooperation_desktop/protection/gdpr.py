"""GDPR Art. 15: everything stored about one person, as a JSON file (for the person's request
for access). Generic over the schema: every row of every table that refers to the person through
a foreign key is included, so tables of later features are covered too.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Table, select

from ..atomic import write_bytes as write_atomically
from ..domain import serialize
from ..paths import guard_target
from ..storage.rows import AgreementRow, Base, CaseRow, PersonRow
from ..storage.rows_audit import AuditRow
from . import audit

if TYPE_CHECKING:
    from ..services import Services

_HIDDEN = {"search_text"}


def _value(v: Any) -> Any:
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    if isinstance(v, bytes):
        return {"base64": base64.b64encode(v).decode("ascii")}
    return v


def _row_dict(table: Table, row: Any) -> dict[str, Any]:
    return {c.name: _value(row._mapping[c]) for c in table.columns if c.name not in _HIDDEN}


def _in_snapshot(frozen: str, person: PersonRow) -> bool:
    """Whether the person is part of a finalised version's frozen content."""
    if not frozen:
        return False
    try:
        case, _agreement = serialize.thaw(frozen)
    except serialize.FormatError:
        return False
    return any((p.first_name, p.last_name, p.birth_date) == (person.first_name, person.last_name, person.birth_date)
               for p in case.persons)


def person_report(services: Services, person_id: int) -> dict[str, Any]:
    """Everything stored about the person (German keys for the headings a reader sees)."""
    with services.reading() as s:
        person = s.get(PersonRow, person_id)
        if person is None:
            from ..services import NotFound

            raise NotFound(f"Person (Nr. {person_id}) wurde nicht gefunden.")
        persons = Base.metadata.tables["persons"]
        case = s.get(CaseRow, person.case_id)
        records: dict[str, list[dict[str, Any]]] = {}
        for table in Base.metadata.sorted_tables:
            for fk in table.foreign_keys:
                if fk.column.table is persons:
                    rows = s.execute(select(table).where(table.c[fk.parent.name] == person_id)).all()
                    if rows:
                        records.setdefault(table.name, []).extend(_row_dict(table, r) for r in rows)
        documents = []
        for a in s.scalars(select(AgreementRow).where(AgreementRow.case_id == person.case_id)
                           .order_by(AgreementRow.version)):
            documents.append({
                "dokumentnummer": a.document_id, "version": a.version, "status": a.status,
                "abgeschlossen_am": _value(a.finalised_at),
                "person_im_abgeschlossenen_inhalt": _in_snapshot(a.frozen_content, person),
            })
        trail = [{"wann": _value(r.at), "wer": r.user, "aktion": audit.ACTION_LABELS.get(r.action, r.action),
                  "eintrag": audit.ENTITY_LABELS.get(r.entity_type, r.entity_type), "nr": r.entity_id}
                 for r in s.scalars(select(AuditRow).where(AuditRow.entity_type == "persons",
                                                           AuditRow.entity_id == person_id).order_by(AuditRow.id))]
        return {
            "art": "Auskunft nach Art. 15 DSGVO",
            "erstellt_am": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
            "person": _row_dict(persons, s.execute(select(persons).where(persons.c.id == person_id)).one()),
            "fall": {"nr": case.id, "titel": case.title, "aktenzeichen": case.file_number,
                     "hilfeart": case.help_type, "status": case.status} if case else None,
            "weitere_eintraege": records,
            "vereinbarungen_des_falls": documents,
            "protokoll": trail,
            "hinweis": ("Enthalten sind alle Einträge, die sich auf diese Person beziehen. Abgeschlossene "
                        "Vereinbarungen enthalten die Angaben so, wie sie beim Abschluss waren."),
        }


def export_person(services: Services, person_id: int, out: Path) -> Path:
    """Write :func:`person_report` as JSON to ``out`` (atomically) and record the export."""
    out = guard_target(out, services.data_dir)
    report = person_report(services, person_id)
    write_atomically(out, json.dumps(report, ensure_ascii=False, indent=2).encode("utf-8"))
    case = report["fall"]
    audit.AuditService(services.db).record(audit.EXPORT, "persons", person_id, case["nr"] if case else None)
    return out
