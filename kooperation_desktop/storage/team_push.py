"""Queries of the team-mode push (:func:`kooperation_desktop.team.sync.push`): the laptop's outbox and
rows to send, and on the server the batch reads and writes of many cases at once.

The server statements take whole batches (hundreds of rows) with a few parameters each: the uuids as
one array (``= ANY(:uuids)``), updates and the remembered entries as one JSON array per column, spread
side by side by ``ROWS FROM (json_array_elements_text(…), …)`` (one statement, planned once, instead of
one statement per row). The values travel as text and are cast on the server to the column's type, so
every type (dates, JSON, bytes …) takes the same path.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache
from typing import Any, NamedTuple, cast

from sqlalchemy import (
    JSON,
    Boolean,
    Connection,
    String,
    Table,
    Text,
    UniqueConstraint,
    any_,
    bindparam,
    delete,
    func,
    select,
    text,
    type_coerce,
    update,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.engine import Dialect

from .rows_sync import OutboxRow, PushedRow
from .travelling import (
    as_dicts,
    foreign_keys,
    portable_select,
    table_named,
    travelling_tables,
    version_status_select,
    write_values,
)

#: rows per statement on the laptop's SQLite (its limit of bound parameters)
LOCAL_CHUNK = 500
#: per row uuid: its pushed entries, newest first (who, when, the columns changed)
Authorship = dict[str, list[tuple[str, dt.datetime | None, list[str]]]]


# --- the laptop ----------------------------------------------------------------------------------


class OutboxEntry(NamedTuple):
    """A waiting outbox entry (the columns of :class:`.rows_sync.OutboxRow`; a plain tuple: a push
    reads its fields many times, cheaper than a result row's lookup by name)."""

    id: int
    entry_uuid: str
    table_name: str
    row_uuid: str
    case_uuid: str | None
    op: str
    fields: dict[str, Any]
    base_version: int | None
    created_at: dt.datetime


def outbox_entries(local: Connection) -> list[OutboxEntry]:
    """Every waiting outbox entry, oldest first."""
    table = cast(Table, OutboxRow.__table__)
    # ``fields`` and ``created_at`` read as their stored text and parsed here in one go (the types' own
    # processing, a call per value, was a third of a push's time on the laptop)
    raw = {"fields": type_coerce(table.c.fields, Text), "created_at": type_coerce(table.c.created_at, Text)}
    rows = local.execute(select(*[raw.get(name, table.c[name]) for name in OutboxEntry._fields])
                         .order_by(table.c.id)).all()
    fields = json.loads("[" + ",".join(r[6] or "{}" for r in rows) + "]")
    times = {stored: _stored_utc(stored) for stored in {r[8] for r in rows}}  # (an import: one time for all)
    return [OutboxEntry(r[0], r[1], r[2], r[3], r[4], r[5], values, r[7], times[r[8]])
            for r, values in zip(rows, fields, strict=True)]


def _stored_utc(text: str) -> dt.datetime:
    """A :class:`~.rows_base.UTCDateTime` as SQLite holds it (naive UTC text) -> aware UTC."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


def local_rows(local: Connection, table: Table, uuids: Sequence[str]) -> list[dict[str, Any]]:
    """The laptop's current values (in their portable form) of the rows ``uuids``."""
    portable = portable_select(table)
    rows: list[dict[str, Any]] = []
    for i in range(0, len(uuids), LOCAL_CHUNK):
        rows += as_dicts(local.execute(portable.where(table.c.uuid.in_(uuids[i:i + LOCAL_CHUNK]))))
    return rows



# --- the server ----------------------------------------------------------------------------------


def _uuid_array(uuids: Iterable[str]) -> Any:
    """The uuids as one text parameter split on the server (no per-element quoting on the way)."""
    return func.string_to_array(bindparam("uuids", ",".join(sorted(set(uuids))), type_=Text), ",")


def applied_entries(conn: Connection, entry_uuids: Sequence[str]) -> dict[str, Any]:
    """Of ``entry_uuids``, those the server has applied already: ``{entry uuid: its result}``."""
    if not entry_uuids:
        return {}
    table = cast(Table, PushedRow.__table__)
    query = select(table.c.entry_uuid, table.c.result).where(table.c.entry_uuid == _any(entry_uuids))
    return {entry: result for entry, result in conn.execute(query)}


def _any(uuids: Iterable[str]) -> Any:
    return any_(_uuid_array(uuids))


def lock_rows(conn: Connection, table: Table, uuids: Iterable[str],
              columns: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The ``columns`` (and ``uuid``) of the server rows ``uuids`` (in their portable form), locked until
    the end of the transaction, in uuid order (two pushes lock shared rows in the same order)."""
    portable = portable_select(table)
    wanted = set(columns) | {"uuid"}
    query = (portable.with_only_columns(*[c for c in portable.selected_columns if c.name in wanted])
             .where(table.c.uuid == _any(uuids)).order_by(table.c.uuid).with_for_update(of=table))
    result = conn.execute(query)
    names = list(result.keys())
    return {values["uuid"]: values for values in (dict(zip(names, r, strict=True)) for r in result.all())}


def existing_uuids(conn: Connection, table: Table, uuids: Iterable[str]) -> set[str]:
    """Which of ``uuids`` the table holds (as far as the role may see)."""
    wanted = set(uuids)
    if not wanted:
        return set()
    return set(conn.scalars(select(table.c.uuid).where(table.c.uuid == _any(wanted))))


def version_statuses(conn: Connection, table: Table, uuids: Iterable[str]) -> dict[str, tuple[str, str]]:
    """``{row uuid: (version uuid, status)}`` of the agreement versions whose content the rows ``uuids``
    are (empty: the table holds no version's content). The versions are share-locked until the end of
    the transaction (a version finalised by a concurrent push: read as it is after that commit)."""
    query = version_status_select(table)
    wanted = set(uuids)
    if query is None or not wanted:
        return {}
    version = query.selected_columns[2].table  # (the status' table)
    return {row_uuid: (version_uuid, status) for row_uuid, version_uuid, status in conn.execute(
        query.where(table.c.uuid == _any(wanted)).with_for_update(read=True, of=version))}


def worker_team(conn: Connection) -> int | None:
    """The (first) team of the logged-in worker; None for a role in no team (e.g. the administrator)."""
    team = conn.execute(text("SELECT team_id FROM team_members WHERE role_name = current_user::text "
                             "ORDER BY team_id LIMIT 1")).scalar()
    return int(team) if team is not None else None


def pushed_by_row(conn: Connection, row_uuids: Iterable[str]) -> Authorship:
    """Per row: the entries pushed for it, newest first ``(who, at, columns changed)``."""
    wanted = set(row_uuids)
    found: Authorship = {}
    if not wanted:
        return found
    table = cast(Table, PushedRow.__table__)
    query = (select(table.c.row_uuid, table.c.who, table.c.at, table.c.fields)
             .where(table.c.row_uuid == _any(wanted)).order_by(table.c.at.desc()))
    for row_uuid, who, at, names in conn.execute(query):
        found.setdefault(row_uuid, []).append((who, at, list(names or [])))
    return found


def insert_rows(conn: Connection, table: Table, names: Sequence[str], params: Sequence[dict[str, Any]]) -> None:
    """New rows (``params``: :func:`.travelling.write_params` of the columns ``names``); a row whose
    uuid the server holds already is left as it is, as is one clashing with a unique rule of the models
    (a party's second signature of a version: the first one pushed stands). Any other unique rule (one
    the server's administration added, e.g. each file number once) refuses the row, and so its case:
    never silently dropped."""
    if params:
        insert = pg_insert(table).values(write_values(table, names))
        own_rule = any(isinstance(c, UniqueConstraint) for c in table.constraints)
        conn.execute(insert.on_conflict_do_nothing(index_elements=None if own_rule else ["uuid"]), list(params))


def delete_rows(conn: Connection, table: Table, uuids: Sequence[str]) -> set[str]:
    """Delete the rows ``uuids``: the uuids of those deleted (row-level security may leave some)."""
    if not uuids:
        return set()
    return set(conn.scalars(delete(table).where(table.c.uuid == _any(uuids)).returning(table.c.uuid)))


def touch_rows(conn: Connection, table: Table, uuids: Iterable[str]) -> None:
    """Stamp the rows ``uuids`` anew (the change trigger): every laptop pulls them again."""
    wanted = set(uuids)
    if wanted:
        conn.execute(update(table).where(table.c.uuid == _any(wanted)).values(uuid=table.c.uuid))


def update_rows(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> None:
    """Write ``columns`` of the rows (``{"uuid": …, column: value}``, a foreign key as the referenced
    row's uuid) with one ``UPDATE … FROM ROWS FROM (json_array_elements_text(…), …)``."""
    if not rows:
        return
    refs = foreign_keys(table.name)
    uuids = [str(r["uuid"]) for r in rows]
    values: list[Sequence[str | None]] = [uuids]
    values += [_texts(table.c[name], [r[name] for r in rows], conn.dialect) for name in columns]
    conn.exec_driver_sql(_update_sql(table, tuple(columns), tuple(sorted(refs.items())), conn.dialect),
                         {**_columns(values), "uuids": ",".join(uuids)})


def _columns(columns: Sequence[Sequence[Any]]) -> dict[str, str]:
    """Each column's values as one JSON array (parameters ``c0``, ``c1`` …), spread on the server by
    :func:`_spread`: a list of texts is encoded in C in one go (no record dict per row, no array
    parameter dumped element by element); not ASCII-escaped: the text goes to the server as it is."""
    return {f"c{i}": json.dumps(values if isinstance(values, list) else list(values), ensure_ascii=False)
            for i, values in enumerate(columns)}


def _spread(names: Sequence[str]) -> str:
    """The arrays of :func:`_columns` side by side as the FROM item ``v`` with the text columns ``names``
    (a JSON null is NULL)."""
    arrays = ", ".join(f"json_array_elements_text(CAST(%(c{i})s AS JSON))" for i in range(len(names)))
    return f'ROWS FROM ({arrays}) AS v({", ".join(names)})'


@cache
def _update_sql(table: Table, columns: tuple[str, ...], refs: tuple[tuple[str, str], ...], dialect: Dialect) -> str:
    parents = dict(refs)
    sets, names = [], ["w_uuid"]
    for name in columns:
        column = table.c[name]
        names.append(f"p_{name}")
        if name in parents:
            target = f'(SELECT parent.id FROM "{parents[name]}" parent WHERE parent.uuid = v.p_{name})'
        elif isinstance(column.type, String):  # assigned as text: a too long value fails, as in an insert
            target = f"v.p_{name}"
        else:
            target = f"CAST(v.p_{name} AS {column.type.compile(dialect=dialect)})"
        sets.append(f'"{name}" = {target}')
    return (f'UPDATE "{table.name}" AS t SET {", ".join(sets)} FROM {_spread(names)} '
            # (the = ANY lets the planner read the rows by their index, not the whole table)
            "WHERE t.uuid = v.w_uuid AND t.uuid = ANY(string_to_array(%(uuids)s, ','))")


def _texts(column: Any, values: Iterable[Any], dialect: Dialect) -> list[str | None]:
    """Column values as PostgreSQL's text input of the column's type (after the type's own binding)."""
    convert = _converter(column, dialect)
    if _plain(column):  # texts pass as they are, whole numbers (a row version) as their digits: no call per value
        return [v if v is None or type(v) is str else str(v) if type(v) is int else convert(v) for v in values]
    return [convert(v) for v in values]


def _plain(column: Any) -> bool:
    """A column whose text values need no conversion (no binding of its own, not JSON, not boolean)."""
    kind = column.type
    return getattr(kind, "process_bind_param", None) is None and not isinstance(kind, (JSON, Boolean))


@cache
def _converter(column: Any, dialect: Dialect) -> Callable[[Any], str | None]:
    kind = column.type
    if isinstance(kind, JSON):
        none = None if kind.none_as_null else "null"  # None as JSON null, as SQLAlchemy binds it
        return lambda v: json.dumps(v) if v is not None else none
    process = getattr(kind, "process_bind_param", None)  # e.g. UTCDateTime: aware -> naive UTC

    def convert(value: Any) -> str | None:
        if process is not None:
            value = process(value, dialect)
        if value is None:
            return None
        if isinstance(value, str):
            return value
        if isinstance(value, bool) or isinstance(kind, Boolean):
            return "true" if value else "false"
        if isinstance(value, (dt.datetime, dt.date)):
            return value.isoformat()
        if isinstance(value, (bytes, bytearray, memoryview)):
            return "\\x" + bytes(value).hex()
        return str(value)

    return convert


_REMEMBER = """
    INSERT INTO sync_pushed (entry_uuid, client_id, row_uuid, case_uuid, fields, who, at, result)
    SELECT e, c, r, k, f, w, CAST(a AS TIMESTAMP), CAST(NULLIF(CAST(x AS TEXT), 'null') AS JSON)
    FROM ROWS FROM (json_array_elements_text(CAST(%(c0)s AS JSON)), json_array_elements_text(CAST(%(c1)s AS JSON)),
                    json_array_elements_text(CAST(%(c2)s AS JSON)), json_array_elements_text(CAST(%(c3)s AS JSON)),
                    json_array_elements_text(CAST(%(c4)s AS JSON)), json_array_elements_text(CAST(%(c5)s AS JSON)),
                    json_array_elements(CAST(%(c6)s AS JSON)), json_array_elements(CAST(%(c7)s AS JSON)))
         AS v(e, c, r, k, w, a, f, x)
"""


def remember_pushed(conn: Connection, entries: Sequence[Mapping[str, Any]]) -> None:
    """The server remembers the applied outbox entries (``entry_uuid``, ``client_id``, ``row_uuid``,
    ``case_uuid``, ``fields``, ``who``, ``at``, ``result``) in one statement; ``fields`` and ``result``
    travel as JSON values inside their column's array (not as a text each)."""
    if not entries:
        return
    table = cast(Table, PushedRow.__table__)
    ats = [e["at"] for e in entries]
    distinct = list(set(ats))  # (often one time for many entries: converted once)
    at = dict(zip(distinct, _texts(table.c.at, distinct, conn.dialect), strict=True))
    conn.exec_driver_sql(_REMEMBER, _columns([[e[name] for e in entries] for name in (
        "entry_uuid", "client_id", "row_uuid", "case_uuid", "who")] + [[at[a] for a in ats]] + [
        [e["fields"] for e in entries], [e["result"] for e in entries]]))


# --- deletions made on an older state ------------------------------------------------------------


@cache
def _cascade_paths(table_name: str) -> tuple[tuple[tuple[str, str, str], ...], ...]:
    """The ways from the table down to every travelling row the server deletes with one of its rows
    (``ON DELETE CASCADE``), each as ``((child table, its column, parent table), ...)`` from the table
    down; the empty way is the row itself."""
    tables = travelling_tables()
    paths: list[tuple[tuple[str, str, str], ...]] = [()]

    def walk(parent: str, way: tuple[tuple[str, str, str], ...]) -> None:
        for child in tables:
            for fk in child.foreign_keys:
                if (fk.column.table.name == parent and (fk.ondelete or "").upper() == "CASCADE"
                        and child.name not in {parent, *(step[0] for step in way)}):
                    longer = (*way, (child.name, fk.parent.name, parent))
                    paths.append(longer)
                    walk(child.name, longer)

    walk(table_name, ())
    return tuple(paths)


def changed_with(conn: Connection, table: Table, uuids: Iterable[str], after: int) -> list[dict[str, Any]]:
    """The rows ``uuids`` of the table, and every row the server would delete with them (``ON DELETE
    CASCADE``), changed after change number ``after``, in their portable form, locked, with ``_root``
    (the uuid of the row they go with), ``_table`` and ``_seq`` (their change number), newest first."""
    wanted = set(uuids)
    found: list[dict[str, Any]] = []
    if not wanted:
        return found
    for path in _cascade_paths(table.name):
        leaf = table_named(path[-1][0]) if path else table
        query = portable_select(leaf)
        current: Any = leaf
        for _child, column, parent_name in reversed(path):
            parent = table_named(parent_name).alias()
            query = query.join_from(current, parent, current.c[column] == parent.c.id)
            current = parent
        query = query.add_columns(current.c.uuid.label("_root"), leaf.c.change_seq.label("_seq")).where(
            current.c.uuid == _any(wanted), leaf.c.change_seq > after).with_for_update(of=leaf)
        for values in as_dicts(conn.execute(query)):
            values["_table"] = leaf.name
            found.append(values)
    found.sort(key=lambda r: -int(r["_seq"]))
    return found


def row_versions(conn: Connection, table: Table, uuids: Iterable[str]) -> dict[str, int]:
    """``{uuid: row_version}`` of those of the rows the server holds (locked)."""
    wanted = set(uuids)
    if not wanted or "row_version" not in table.c:
        return {}
    query = (select(table.c.uuid, table.c.row_version).where(table.c.uuid == _any(wanted))
             .order_by(table.c.uuid).with_for_update(of=table))
    return {u: int(v) for u, v in conn.execute(query)}
