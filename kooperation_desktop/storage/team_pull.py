"""Queries of the team-mode pull (:mod:`kooperation_desktop.team.sync`): the rows changed on the server
since the last pull and its tombstones, writing them here past the outbox (rows, deletions, the
cases' derived due dates and search text, how far this laptop has pulled), which cases the server still
shows this login, which this laptop holds, which have changes waiting, and removing a case no longer
shared (every row of it, past the outbox: nothing of it is pushed as a deletion).

``server`` arguments are connections to the agency's PostgreSQL (row-level security decides what they
see), ``local`` ones to this laptop's database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any, cast

from sqlalchemy import Connection, Table, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from .retention import delete_case_rows
from .rows import AgreementRow, CaseRow
from .rows_followup import DueStateRow
from .rows_signing import SignatureRow
from .rows_sync import OutboxRow, PushedRow, SyncStateRow, TombstoneRow
from .search import search_text_of
from .travelling import (
    as_dicts,
    case_uuid_select,
    foreign_keys,
    portable_columns,
    portable_select,
    table_named,
    write_params,
    write_values,
)

CHUNK = 500
#: ``cases.change_seq`` on a laptop (where it is otherwise NULL and never travels): the case was no
#: longer shared but kept for its unsynced changes; when the server shows it again it is fetched whole
WITHHELD = -1


def _chunks(values: Iterable[str]) -> Iterable[list[str]]:
    wanted = sorted(set(values))
    for i in range(0, len(wanted), CHUNK):
        yield wanted[i:i + CHUNK]


# --- what changed on the server ------------------------------------------------------------------


def changed_rows(server: Connection, table: Table, last: int, bound: int) -> list[dict[str, Any]]:
    """The table's rows changed after change number ``last`` up to ``bound``, in their portable form,
    in the order of their changes."""
    return as_dicts(server.execute(portable_select(table).where(table.c.change_seq > last, table.c.change_seq <= bound)
                                   .order_by(table.c.change_seq)))


def tombstones(server: Connection, last: int, bound: int) -> list[tuple[str, str]]:
    """The rows deleted after change number ``last`` up to ``bound``: ``(table name, row uuid)``, in order."""
    return [(t, u) for t, u in server.execute(select(TombstoneRow.table_name, TombstoneRow.row_uuid).where(
        TombstoneRow.seq > last, TombstoneRow.seq <= bound).order_by(TombstoneRow.seq))]


def rows_of_cases(server: Connection, table: Table, case_uuids: Iterable[str]) -> list[dict[str, Any]]:
    """Every row of the table belonging to the cases, in its portable form (whatever its change number)."""
    found: list[dict[str, Any]] = []
    owners = case_uuid_select(table).subquery()
    for chunk in _chunks(case_uuids):
        rows = select(owners.c.uuid).where(owners.c.case_uuid.in_(chunk))
        found += as_dicts(server.execute(portable_select(table).where(table.c.uuid.in_(rows))))
    return found


# --- writing it here ------------------------------------------------------------------------------


def waiting_keys(local: Connection) -> set[tuple[str, str]]:
    """The rows with changes waiting in the outbox: ``(table name, row uuid)``."""
    return {(t, u) for t, u in local.execute(select(OutboxRow.table_name, OutboxRow.row_uuid))}


def cases_in_outbox(local: Connection) -> set[str]:
    """The cases with an outbox entry of their own row (inserted, changed or deleted here)."""
    return set(local.scalars(select(OutboxRow.row_uuid).where(OutboxRow.table_name == "cases")))


def remove_rows(local: Connection, table: Table, uuids: Sequence[str]) -> tuple[set[str | None], int]:
    """Delete the rows deleted on the server, and their waiting outbox entries (past the outbox): the
    uuids of the cases they belonged to, and how many rows were deleted."""
    cases: set[str | None] = set()
    removed = 0
    for i in range(0, len(uuids), CHUNK):
        chunk = uuids[i:i + CHUNK]
        cases.update(c for _u, c in local.execute(case_uuid_select(table).where(table.c.uuid.in_(chunk))))
        removed += local.execute(delete(table).where(table.c.uuid.in_(chunk))).rowcount
        local.execute(delete(OutboxRow).where(OutboxRow.table_name == table.name, OutboxRow.row_uuid.in_(chunk)))
    return cases, removed


def existing_rows(local: Connection, table: Table, uuids: Iterable[str]) -> set[str]:
    """Which of ``uuids`` the table holds here."""
    found: set[str] = set()
    for chunk in _chunks(uuids):
        found.update(local.scalars(select(table.c.uuid).where(table.c.uuid.in_(chunk))))
    return found


def write_rows(local: Connection, table: Table, new: Sequence[dict[str, Any]],
               changed: Sequence[dict[str, Any]]) -> None:
    """Rows from the server in their portable form: ``new`` inserted, ``changed`` written over the
    rows of the same uuid (all of the table's portable columns; a foreign key given as uuid)."""
    for rows, overwrite in ((new, False), (changed, True)):
        if rows:
            sql, keys, convert = _write_sql(table, overwrite, local.dialect)
            # one executemany of the statement's SQL, each value through its column type's bind
            # processing (a Core execute builds a parameter dict per row: a third of a pull's time)
            local.exec_driver_sql(sql, [tuple([v if f is None else f(v) for f, v in
                                               zip(convert, [r.get(k) for k in keys], strict=True)]) for r in rows])
    own = [name for name, parent in foreign_keys(table.name).items() if parent == table.name]
    pointing = [r for r in new if any(r[name] is not None for name in own)]
    if pointing:
        # a row pointing to another row of the same table (an agreement's predecessor) may have come
        # before it: its reference is looked up again now that every new row is here
        local.execute(update(table).where(table.c.uuid == bindparam("w_uuid")).values(write_values(table, own)),
                      [{**write_params(r, own), "w_uuid": r["uuid"]} for r in pointing])


@cache
def _write_sql(table: Table, overwrite: bool, dialect: Any) -> tuple[str, tuple[str, ...], tuple[Any, ...]]:
    """The insert (or update by uuid) of the table's portable columns: its SQL, the row key of each
    ``?`` in order, and each one's bind processing (None: the value as it is; a foreign key is a uuid)."""
    names = portable_columns(table.name)
    statement: Any = insert(table)
    if overwrite:
        statement = update(table).where(table.c.uuid == bindparam("w_uuid"))
    compiled = statement.values(write_values(table, names)).compile(dialect=dialect)
    keys = tuple("uuid" if key == "w_uuid" else key.removeprefix("p_") for key in compiled.positiontup or ())
    refs = foreign_keys(table.name)
    convert = tuple(_default(table, key) if key not in names else None if key in refs or key == "uuid"
                    else table.c[key].type.dialect_impl(dialect).bind_processor(dialect) for key in keys)
    return str(compiled), keys, convert


def _default(table: Table, name: str) -> Any:
    """A local column the insert fills with its constant default (e.g. the search text, folded later)."""
    default = table.c[name].default
    if default is None or not default.is_scalar:
        raise TypeError(f"{table.name}.{name}: no constant default")  # (a new local column needs a value)
    value = getattr(default, "arg", None)
    return lambda _none: value


def row_cases(local: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> set[str | None]:
    """The uuids of the cases the rows (in their portable form, as just written here) belong to: read
    from the rows themselves when they name their case, else looked up here."""
    if table.name == "cases":
        return {r["uuid"] for r in rows}
    if foreign_keys(table.name).get("case_id") == "cases":
        return {r["case_id"] for r in rows}
    uuids = [r["uuid"] for r in rows]
    cases: set[str | None] = set()
    for i in range(0, len(uuids), CHUNK):
        cases.update(c for _u, c in local.execute(case_uuid_select(table).where(table.c.uuid.in_(uuids[i:i + CHUNK]))))
    return cases


def refresh_cases(local: Connection, case_uuids: Iterable[str | None]) -> None:
    """The cases touched by the pull: their due dates are computed afresh, their search text is folded
    from what they hold now (a merge may have mixed two laptops' fields)."""
    cases = table_named("cases")
    persons = table_named("persons")
    wanted = sorted(c for c in case_uuids if c)
    for i in range(0, len(wanted), CHUNK):
        ids = select(cases.c.id).where(cases.c.uuid.in_(wanted[i:i + CHUNK]))
        local.execute(delete(DueStateRow).where(DueStateRow.case_id.in_(ids)))
        names: dict[int, list[tuple[str, str]]] = {}
        for case_id, first, last in local.execute(select(persons.c.case_id, persons.c.first_name, persons.c.last_name)
                                                  .where(persons.c.case_id.in_(ids)).order_by(persons.c.id)):
            names.setdefault(case_id, []).append((first, last))
        fresh = []
        for case_id, title, number, help_type, folded in local.execute(select(
                cases.c.id, cases.c.title, cases.c.file_number, cases.c.help_type, cases.c.search_text)
                .where(cases.c.id.in_(ids))):
            text_now = search_text_of(title, number, help_type, names.get(case_id, []))
            if text_now != folded:
                fresh.append({"w_id": case_id, "p_text": text_now})
        if fresh:
            local.execute(update(cases).where(cases.c.id == bindparam("w_id"))
                          .values(search_text=bindparam("p_text")), fresh)


def mark_pulled(local: Connection, bound: int) -> None:
    """This laptop has pulled up to change number ``bound``, now."""
    local.execute(update(SyncStateRow).where(SyncStateRow.id == 1).values(
        last_seq=bound, last_sync_at=dt.datetime.now(dt.UTC)))


# --- which cases -----------------------------------------------------------------------------------


def visible_cases(server: Connection) -> set[str]:
    """The uuids of the cases the server shows the logged-in worker (row-level security)."""
    return {u for u in server.scalars(select(CaseRow.uuid)) if u}


def deleted_cases(server: Connection, case_uuids: Iterable[str]) -> set[str]:
    """Those of ``case_uuids`` the server has deleted (a tombstone; readable whatever the team)."""
    found: set[str] = set()
    for chunk in _chunks(case_uuids):
        found.update(server.scalars(select(TombstoneRow.row_uuid).where(
            TombstoneRow.table_name == "cases", TombstoneRow.row_uuid.in_(chunk))))
    return found


def hidden_cases(server: Connection, case_uuids: Iterable[str]) -> set[str]:
    """Those of ``case_uuids`` the server neither shows this login nor has deleted: shared no longer
    (a holiday cover ended, the case moved to another team)."""
    asked = set(case_uuids)
    if not asked:
        return set()
    shown: set[str] = set()
    for chunk in _chunks(asked):
        shown.update(u for u in server.scalars(select(CaseRow.uuid).where(CaseRow.uuid.in_(chunk))) if u)
    rest = asked - shown
    return rest - deleted_cases(server, rest)


def held_cases(local: Connection) -> dict[str, int]:
    """The cases on this laptop: ``{uuid: local id}``."""
    return {u: i for u, i in local.execute(select(CaseRow.uuid, CaseRow.id)) if u}


def case_names(local: Connection, uuids: Iterable[str]) -> dict[str, tuple[int, str, str]]:
    """The cases ``uuids`` on this laptop: ``{uuid: (local id, title, file number)}``."""
    wanted = sorted({u for u in uuids if u})
    if not wanted:
        return {}
    query = select(CaseRow.uuid, CaseRow.id, CaseRow.title, CaseRow.file_number).where(CaseRow.uuid.in_(wanted))
    return {str(u): (int(i), str(t or ""), str(f or "")) for u, i, t, f in local.execute(query)}


def cases_with_waiting_changes(local: Connection) -> set[str]:
    """Cases with entries in the outbox (not yet accepted by the server)."""
    return {c for c in local.scalars(select(OutboxRow.case_uuid).distinct()) if c}


def cases_made_here(local: Connection) -> set[str]:
    """Cases created on this laptop and not yet on the server (their insert waits in the outbox)."""
    return set(local.scalars(select(OutboxRow.row_uuid).where(OutboxRow.table_name == "cases",
                                                               OutboxRow.op == "insert")))


def withheld_cases(local: Connection) -> set[str]:
    """Cases kept here for unsynced changes after the server stopped showing them."""
    return {u for u in local.scalars(select(CaseRow.uuid).where(CaseRow.change_seq == WITHHELD)) if u}


def mark_withheld(local: Connection, case_uuids: Iterable[str], withheld: bool) -> None:
    """Mark the cases as withheld (or clear the mark)."""
    table = cast(Table, CaseRow.__table__)
    for chunk in _chunks(case_uuids):
        local.execute(update(table).where(table.c.uuid.in_(chunk))
                      .values(change_seq=WITHHELD if withheld else None))


def remove_case(local: Connection, case_id: int) -> dict[str, Any]:
    """Delete every row of the case on this laptop (children first; a plain session on ``local``:
    none of the database's session listeners, so no outbox entry and no audit of each row)."""
    with Session(bind=local) as s:
        return delete_case_rows(s, case_id)


# --- signatures of the same party (one per party and agreement version) ---------------------------


def pushed_by(server: Connection, row_uuids: Iterable[str]) -> dict[str, tuple[str, Any]]:
    """Who sent each row to the server first, and when: ``{row uuid: (login, at)}``."""
    found: dict[str, tuple[str, Any]] = {}
    for chunk in _chunks(row_uuids):
        for row_uuid, who, at in server.execute(select(PushedRow.row_uuid, PushedRow.who, PushedRow.at)
                                                .where(PushedRow.row_uuid.in_(chunk)).order_by(PushedRow.at.desc())):
            found[row_uuid] = (who, at)
    return found


def same_party_signatures(local: Connection, wanted: Iterable[tuple[str, str, str]]) -> list[dict[str, Any]]:
    """This laptop's signatures of the same party and agreement version as ``wanted`` (``(agreement
    uuid, party key, signature uuid)``) under another uuid: each with every column (the agreement as its
    uuid), ``_case_uuid`` and ``_clashes_with`` (the wanted signature's uuid)."""
    by_key = {(agreement, party): signature for agreement, party, signature in wanted}
    if not by_key:
        return []
    signatures = cast(Table, SignatureRow.__table__)
    agreements = cast(Table, AgreementRow.__table__)
    cases = cast(Table, CaseRow.__table__)
    columns = [c for c in signatures.columns if c.name not in ("id", "change_seq", "agreement_id")]
    found = []
    for chunk in _chunks(a for a, _p in by_key):
        query = (select(*columns, agreements.c.uuid.label("agreement_id"), cases.c.uuid.label("_case_uuid"))
                 .select_from(signatures.join(agreements, signatures.c.agreement_id == agreements.c.id)
                              .join(cases, agreements.c.case_id == cases.c.id))
                 .where(agreements.c.uuid.in_(chunk)))
        for row in local.execute(query):
            values = dict(row._mapping)
            other = by_key.get((values["agreement_id"], values["party_key"]))
            if other is not None and other != values["uuid"]:
                found.append({**values, "_clashes_with": other})
    return found


def remove_signatures(local: Connection, signature_uuids: Sequence[str]) -> None:
    """Delete the signatures and their waiting outbox entries here (past the outbox)."""
    signatures = cast(Table, SignatureRow.__table__)
    for chunk in _chunks(signature_uuids):
        local.execute(delete(signatures).where(signatures.c.uuid.in_(chunk)))
        local.execute(delete(OutboxRow).where(OutboxRow.table_name == "signatures", OutboxRow.row_uuid.in_(chunk)))
