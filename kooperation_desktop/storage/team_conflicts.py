"""Queries of the Konfliktliste (:mod:`kooperation_desktop.team.conflicts` and
:mod:`kooperation_desktop.team.conflict_choice`) on the laptop: its entries, the titles of their
cases, and writing a chosen value into the row (through the caller's session: in team mode the outbox
records it as a local change, pushed at the next sync).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Table, delete, func, insert, or_, select, update
from sqlalchemy.orm import Session

from ..domain.labels import row_name
from .rows_sync import ConflictRow, OutboxRow
from .travelling import foreign_keys, table_named, version_status_select


def add(local: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
    """New entries of the Konfliktliste (from the push and from the pull), each with the name of its row
    as it reads now (:func:`..domain.labels.row_name`: the row may be deleted later; "" if not here)."""
    if rows:
        here = row_values(local, {(r["table_name"], r["row_uuid"]) for r in rows if not r.get("row_name")})
        named = [{**r, "row_name": r.get("row_name") or (
            row_name(r["table_name"], here[(r["table_name"], r["row_uuid"])])
            if (r["table_name"], r["row_uuid"]) in here else "")} for r in rows]
        local.execute(insert(ConflictRow), named)


def kept_deletions(connection: Connection) -> list[tuple[str | None, list[tuple[str, str]]]]:
    """The entries of deletions made here that the server did not apply, open or decided for the
    server's rows: ``(case uuid, [(table, row uuid), ...])`` (the rows deleted here)."""
    query = select(ConflictRow.case_uuid, ConflictRow.local_value).where(
        ConflictRow.field == "deletion", or_(ConflictRow.resolved.is_(False), ConflictRow.resolution == "server"))
    return [(case_uuid, [(str(t), str(u)) for t, u in rows or []]) for case_uuid, rows in connection.execute(query)]


def delete_local(s: Session, table: Table, row_id: int) -> None:
    """Delete the row (through the caller's session: in team mode the outbox records it)."""
    s.execute(delete(table).where(table.c.id == row_id))


def entries(s: Session, *, include_resolved: bool = False) -> list[ConflictRow]:
    """The entries, oldest first (the open ones only, unless ``include_resolved``)."""
    query = select(ConflictRow).order_by(ConflictRow.id)
    if not include_resolved:
        query = query.where(ConflictRow.resolved.is_(False))
    return list(s.scalars(query))


def entry(s: Session, conflict_id: int) -> ConflictRow | None:
    return s.get(ConflictRow, conflict_id)


def open_count(connection: Connection) -> int:
    """How many entries wait for the user's decision."""
    return int(connection.execute(select(func.count()).select_from(ConflictRow)
                                  .where(ConflictRow.resolved.is_(False))).scalar_one())


def case_titles(connection: Connection, case_uuids: Iterable[str]) -> dict[str, str]:
    """``{case uuid: title}`` of those of the cases this laptop holds."""
    cases = table_named("cases")
    return dict(connection.execute(select(cases.c.uuid, cases.c.title)
                                   .where(cases.c.uuid.in_(sorted(case_uuids)))).all())


def case_file_numbers(connection: Connection, case_uuids: Iterable[str]) -> dict[str, str]:
    """``{case uuid: Aktenzeichen}`` of those of the cases this laptop holds."""
    cases = table_named("cases")
    return {u: n or "" for u, n in connection.execute(select(cases.c.uuid, cases.c.file_number)
                                                       .where(cases.c.uuid.in_(sorted(case_uuids)))).all()}


def local_id(s: Session, table: Table, row_uuid: str) -> int | None:
    """The local id of the table's row with this uuid (None: not here)."""
    return s.scalar(select(table.c.id).where(table.c.uuid == row_uuid))


def version_status(s: Session, table: Table, row_id: int) -> str | None:
    """The status of the agreement version whose content the row is (None: the row is no version's
    content)."""
    query = version_status_select(table)
    if query is None:
        return None
    return s.scalar(query.with_only_columns(query.selected_columns[2]).where(table.c.id == row_id))


def report_status(s: Session, table: Table, row_id: int) -> str | None:
    """The status of the report the row is (None: the row is no report)."""
    return s.scalar(select(table.c.status).where(table.c.id == row_id)) if table.name == "reports" else None


def case_status(s: Session, case_uuid: str | None) -> str | None:
    """The status of the case with this uuid (None: not here)."""
    cases = table_named("cases")
    return s.scalar(select(cases.c.status).where(cases.c.uuid == case_uuid)) if case_uuid else None


def write_local(s: Session, table: Table, row_id: int, name: str, value: Any) -> None:
    """The value into the row (a foreign key given as the referenced row's uuid), its version raised."""
    values: dict[str, Any] = {}
    refs = foreign_keys(table.name)
    if name in refs:
        parent = table_named(refs[name])
        values[name] = select(parent.c.id).where(parent.c.uuid == value).scalar_subquery()
    else:
        values[name] = value
    if "row_version" in table.c:
        values["row_version"] = table.c.row_version + 1
    s.execute(update(table).where(table.c.id == row_id).values(values))


def signature_overwrites(local: Connection) -> list[tuple[int, str, str | None]]:
    """The outbox entries that change a signature (signatures are only ever added: such an entry
    writes over one): ``(entry id, signature uuid, case uuid)``."""
    return [(int(i), str(u), c) for i, u, c in local.execute(
        select(OutboxRow.id, OutboxRow.row_uuid, OutboxRow.case_uuid)
        .where(OutboxRow.table_name == "signatures", OutboxRow.op == "update").order_by(OutboxRow.id))]


def reopen(local: Connection, field: str, row_uuid: str) -> bool:
    """Open again the newest entry of ``field`` for the row that was decided for this laptop's side
    (False: there is none)."""
    found = local.scalar(select(ConflictRow.id).where(
        ConflictRow.field == field, ConflictRow.row_uuid == row_uuid, ConflictRow.resolved.is_(True),
        ConflictRow.resolution == "local").order_by(ConflictRow.id.desc()).limit(1))
    if found is None:
        return False
    local.execute(update(ConflictRow).where(ConflictRow.id == found).values(resolved=False, resolution=""))
    return True


def row_values(connection: Connection, wanted: Iterable[tuple[str, str]]) -> dict[tuple[str, str], dict[str, Any]]:
    """``{(table, uuid): the row's values}`` of those of the rows this laptop holds (to name them)."""
    by_table: dict[str, set[str]] = {}
    for table_name, row_uuid in wanted:
        by_table.setdefault(table_name, set()).add(row_uuid)
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for table_name, uuids in by_table.items():
        try:
            table = table_named(table_name)
        except KeyError:
            continue
        for row in connection.execute(select(table).where(table.c.uuid.in_(sorted(uuids)))).mappings():
            found[(table_name, str(row["uuid"]))] = dict(row)
    return found
