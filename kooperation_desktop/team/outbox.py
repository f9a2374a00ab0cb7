"""The outbox: every local change of a travelling row, written in the same transaction as the change.

:func:`attach` listens on one :class:`~kooperation_desktop.storage.database.Database`'s own sessions
(never on the global ``Session`` class), and only when the data folder is in team mode (a
``sync_state`` row): the single-laptop mode writes nothing and pays nothing. ORM inserts, updates and
deletes are seen at each flush; Core ``UPDATE``/``DELETE`` statements run through a session (deleting a
case, the case list's bookkeeping, retention) are seen by ``do_orm_execute``.

An entry holds the row's table and uuid, its case's uuid (a push is one server transaction per case), the
operation, the changed columns as ``{column: [old, new]}`` (a foreign key as the uuid of the row it points
to: local ids mean nothing elsewhere) and the row version the change was made on (``base_version``).

Also the portable form of rows (:func:`portable_select`, :func:`write_values`) shared with
:mod:`.sync`, and the JSON codec of values (:func:`encode`, :func:`decode`).
"""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    Table,
    bindparam,
    delete,
    event,
    insert,
    inspect,
    select,
    update,
)
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from ..storage.database import Database
from ..storage.rows import Base
from ..storage.rows_sync import OutboxRow, SyncStateRow, new_uuid

INSERT, UPDATE, DELETE = "insert", "update", "delete"
#: never part of what travels: the local key, the server's sequence number and the search text (folded
#: on each laptop from what the case holds, persons in the local order)
LOCAL_COLUMNS = frozenset({"id", "change_seq", "search_text"})
_PENDING = "_sync_outbox_pending"
_ATTACHED = "_sync_outbox_attached"


# --- the travelling tables ----------------------------------------------------------------------


@cache
def travelling_tables() -> tuple[Table, ...]:
    """Every table whose rows travel (those with a ``uuid``), parents before children."""
    return tuple(t for t in Base.metadata.sorted_tables if "uuid" in t.c)


def table_named(name: str) -> Table:
    return Base.metadata.tables[name]


#: integer columns of travelling rows that look like references to rows but travel as they are: a
#: review rating names its goal and indicator by their ids in the rated version's frozen snapshot
#: (``agreements.frozen_content``, which travels verbatim: the same numbers on every laptop; mapping them
#: to local row ids would point beside the snapshot); ``cases.team_id`` is the server's team (laptops
#: have no teams table). A new ``*_id`` column must be a ForeignKey or be listed here (a test checks it).
NOT_ROW_REFERENCES: dict[str, frozenset[str]] = {
    "followup_review_ratings": frozenset({"goal_id", "indicator_id"}),
    "cases": frozenset({"team_id"}),
}


@cache
def foreign_keys(table_name: str) -> dict[str, str]:
    """``{column: referenced table}`` of the table's foreign keys (to another travelling row)."""
    table = table_named(table_name)
    return {fk.parent.name: fk.column.table.name for fk in table.foreign_keys}


@cache
def portable_columns(table_name: str) -> tuple[str, ...]:
    return tuple(c.name for c in table_named(table_name).columns if c.name not in LOCAL_COLUMNS)


def is_versioned(table_name: str) -> bool:
    return "row_version" in table_named(table_name).c


@cache
def portable_select(table: Table) -> Select[Any]:
    """``SELECT`` of the table's portable columns: a foreign key as the referenced row's uuid."""
    columns: list[ColumnElement[Any]] = []
    refs = foreign_keys(table.name)
    for name in portable_columns(table.name):
        column = table.c[name]
        if name in refs:
            parent = table_named(refs[name]).alias()
            columns.append(select(parent.c.uuid).where(parent.c.id == column).scalar_subquery().label(name))
        else:
            columns.append(column)
    return select(*columns)


def write_values(table: Table, names: Iterable[str]) -> dict[str, Any]:
    """The ``VALUES``/``SET`` of an executemany write of portable rows (bind names ``p_<column>``; a
    foreign key given as uuid is looked up as the local id)."""
    return dict(_write_values(table, tuple(names)))


@cache
def _write_values(table: Table, names: tuple[str, ...]) -> tuple[tuple[str, Any], ...]:
    refs = foreign_keys(table.name)
    values: dict[str, Any] = {}
    for name in names:
        if name in refs:
            parent = table_named(refs[name]).alias()
            values[name] = select(parent.c.id).where(
                parent.c.uuid == bindparam(f"p_{name}", type_=parent.c.uuid.type)).scalar_subquery()
        else:
            values[name] = bindparam(f"p_{name}", type_=table.c[name].type)
    return tuple(values.items())


def write_params(row: dict[str, Any], names: Iterable[str]) -> dict[str, Any]:
    return {f"p_{name}": row.get(name) for name in names}


@cache
def _path_to_case(table_name: str) -> tuple[tuple[str, str], ...]:
    """The foreign keys leading from the table up to ``cases``: ``((column, parent table), ...)``."""
    path: list[tuple[str, str]] = []
    current = table_name
    while current != "cases":
        table = table_named(current)
        refs = foreign_keys(current)
        if "case_id" in refs:
            column = "case_id"
        else:
            required = [c for c in refs if not table.c[c].nullable and refs[c] != current]
            if not required:
                return ()
            column = required[0]
        path.append((column, refs[column]))
        current = refs[column]
    return tuple(path)


@cache
def case_uuid_select(table: Table) -> Select[Any]:
    """``SELECT row uuid, case uuid FROM table ...`` (add a ``WHERE``)."""
    if table.name == "cases":
        return select(table.c.uuid, table.c.uuid.label("case_uuid"))
    joined: Any = table
    current: Any = table
    for column, parent_name in _path_to_case(table.name):
        parent = table_named(parent_name).alias()
        joined = joined.join(parent, current.c[column] == parent.c.id)
        current = parent
    return select(table.c.uuid, current.c.uuid.label("case_uuid")).select_from(joined)


# --- the codec ----------------------------------------------------------------------------------


def encode(value: Any) -> Any:
    """A column value as JSON (dates, datetimes and bytes tagged)."""
    if isinstance(value, dt.datetime):
        return {"$dt": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    if isinstance(value, (bytes, memoryview)):
        return {"$b64": base64.b64encode(bytes(value)).decode("ascii")}
    return value


def decode(value: Any) -> Any:
    if isinstance(value, dict) and len(value) == 1:
        if "$dt" in value:
            return dt.datetime.fromisoformat(value["$dt"])
        if "$date" in value:
            return dt.date.fromisoformat(value["$date"])
        if "$b64" in value:
            return base64.b64decode(value["$b64"])
    return value


def same(a: Any, b: Any) -> bool:
    """Equal as stored (bytes and memoryview alike)."""
    if isinstance(a, memoryview):
        a = bytes(a)
    if isinstance(b, memoryview):
        b = bytes(b)
    return bool(a == b)


# --- team mode on or off ------------------------------------------------------------------------


def is_team_mode(connection: Connection | Session) -> bool:
    return connection.execute(select(SyncStateRow.id).limit(1)).first() is not None


@dataclass(frozen=True)
class SyncState:
    """The laptop's team-mode settings and progress (row ``sync_state``)."""

    server_url: str
    identity: str
    client_id: str
    ca_file: str
    plain: bool
    last_seq: int
    last_sync_at: dt.datetime | None


def state_of(connection: Connection | Session) -> SyncState | None:
    """The sync state of this data folder; None: single-laptop mode."""
    t = cast(Table, SyncStateRow.__table__)
    row = connection.execute(select(t).where(t.c.id == 1)).mappings().first()
    if row is None:
        return None
    return SyncState(server_url=row["server_url"], identity=row["identity"], client_id=row["client_id"],
                     ca_file=row["ca_file"], plain=bool(row["plain"]), last_seq=int(row["last_seq"]),
                     last_sync_at=row["last_sync_at"])


def attach(db: Database) -> None:
    """Write the outbox for ``db`` when its folder is in team mode (else nothing is attached)."""
    with db.engine.connect() as connection:
        if not is_team_mode(connection):
            return
    _listen(db.sessionmaker)


def _listen(sessions: sessionmaker[Session]) -> None:
    if sessions.kw.get("info", {}).get(_ATTACHED):
        return
    sessions.kw.setdefault("info", {})[_ATTACHED] = True
    event.listen(sessions, "before_flush", _before_flush)
    event.listen(sessions, "after_flush", _after_flush)
    event.listen(sessions, "after_rollback", _forget)
    event.listen(sessions, "do_orm_execute", _core_statement)


def configure(db: Database, *, server_url: str, identity: str, ca_file: str = "", plain: bool = False) -> None:
    """Put the data folder into team mode: the sync state row, and every existing travelling row
    queued as an insert (the first push uploads what the laptop holds); the outbox from now on."""
    now = dt.datetime.now(dt.UTC)
    with db.engine.begin() as connection:
        state = state_of(connection)
        if state is not None:
            connection.execute(update(SyncStateRow).where(SyncStateRow.id == 1).values(
                server_url=server_url, identity=identity, ca_file=ca_file, plain=plain))
        else:
            connection.execute(insert(SyncStateRow).values(
                id=1, server_url=server_url, identity=identity, client_id=new_uuid(), ca_file=ca_file,
                plain=plain, last_seq=0))
            entries: list[dict[str, Any]] = []
            for table in travelling_tables():
                for row_uuid, case_uuid in connection.execute(case_uuid_select(table).order_by(table.c.id)):
                    entries.append(_entry(table.name, row_uuid, case_uuid, INSERT, {}, None, now))
            if entries:
                connection.execute(insert(OutboxRow), entries)
    _listen(db.sessionmaker)


def _entry(table: str, row_uuid: str, case_uuid: str | None, op: str, fields: dict[str, Any],
           base: int | None, now: dt.datetime) -> dict[str, Any]:
    return {"entry_uuid": new_uuid(), "table_name": table, "row_uuid": row_uuid, "case_uuid": case_uuid,
            "op": op, "fields": fields, "base_version": base, "created_at": now}


# --- recording ----------------------------------------------------------------------------------


def _snapshot(connection: Connection, table: Table, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """The portable values of the rows with these local ids, with their case's uuid."""
    found: dict[int, dict[str, Any]] = {}
    case_of = {u: c for u, c in connection.execute(case_uuid_select(table).where(table.c.id.in_(ids)))}
    for row in connection.execute(portable_select(table).add_columns(table.c.id.label("_id"))
                                  .where(table.c.id.in_(ids))):
        values = dict(row._mapping)
        local_id = values.pop("_id")
        values["_case_uuid"] = case_of.get(values["uuid"])
        found[local_id] = values
    return found


def _diff(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    return {name: [encode(old.get(name)), encode(new.get(name))] for name in portable_columns_of(old)
            if name in new and not same(old.get(name), new.get(name))}


def portable_columns_of(row: dict[str, Any]) -> list[str]:
    return [k for k in row if not k.startswith("_") and k != "uuid"]


def _travelling_table(obj: Any) -> Table | None:
    table = cast(Table, inspect(obj).mapper.local_table)
    return table if "uuid" in table.c else None


def _before_flush(session: Session, flush_context: Any, instances: Any) -> None:
    """Note the values (as stored) of each row about to be changed or deleted."""
    pending: dict[str, Any] = session.info.setdefault(_PENDING, {"old": {}, "deleted": []})
    by_table: dict[Table, list[int]] = {}
    deleted: dict[Table, list[int]] = {}
    for obj in session.dirty:
        table = _travelling_table(obj)
        if table is not None and obj.id is not None and session.is_modified(obj):
            by_table.setdefault(table, []).append(obj.id)
    for obj in session.deleted:
        table = _travelling_table(obj)
        if table is not None and obj.id is not None:
            deleted.setdefault(table, []).append(obj.id)
    connection = session.connection()
    for table, ids in by_table.items():
        pending["old"].setdefault(table.name, {}).update(_snapshot(connection, table, ids))
    for table, ids in deleted.items():
        for row_uuid, case_uuid in connection.execute(case_uuid_select(table).where(table.c.id.in_(ids))):
            pending["deleted"].append((table.name, row_uuid, case_uuid))


def _after_flush(session: Session, flush_context: Any) -> None:
    pending = session.info.pop(_PENDING, None) or {"old": {}, "deleted": []}
    connection = session.connection()
    now = dt.datetime.now(dt.UTC)
    entries: list[dict[str, Any]] = []
    new: dict[Table, list[int]] = {}
    for obj in session.new:
        table = _travelling_table(obj)
        if table is not None:
            new.setdefault(table, []).append(obj.id)
    for table, ids in new.items():
        for row_uuid, case_uuid in connection.execute(case_uuid_select(table).where(table.c.id.in_(ids))):
            entries.append(_entry(table.name, row_uuid, case_uuid, INSERT, {}, None, now))
    for table_name, olds in pending["old"].items():
        table = table_named(table_name)
        entries.extend(_update_entries(table, olds, _snapshot(connection, table, list(olds)), now))
    for table_name, row_uuid, case_uuid in pending["deleted"]:
        entries.append(_entry(table_name, row_uuid, case_uuid, DELETE, {}, None, now))
    if entries:
        connection.execute(insert(OutboxRow), entries)


def _update_entries(table: Table, olds: dict[int, dict[str, Any]], news: dict[int, dict[str, Any]],
                    now: dt.datetime) -> list[dict[str, Any]]:
    entries = []
    for local_id, old in olds.items():
        current = news.get(local_id)
        if current is None:
            continue
        fields = _diff(old, current)
        if fields:
            entries.append(_entry(table.name, old["uuid"], current["_case_uuid"], UPDATE, fields,
                                  old.get("row_version"), now))
    return entries


def _forget(session: Session) -> None:
    session.info.pop(_PENDING, None)


def _core_statement(state: ORMExecuteState) -> Any:
    """A Core/ORM-enabled ``UPDATE`` or ``DELETE`` of a travelling table run through the session."""
    if not (state.is_update or state.is_delete):
        return None
    statement: Any = state.statement
    table = statement.table
    if not isinstance(table, Table) or "uuid" not in table.c or table.name == OutboxRow.__tablename__:
        return None
    session = state.session
    connection = session.connection()
    where = statement.whereclause
    now = dt.datetime.now(dt.UTC)
    if state.is_delete:
        query = case_uuid_select(table)
        gone = list(connection.execute(query.where(where) if where is not None else query))
        result = state.invoke_statement()
        if gone:
            connection.execute(insert(OutboxRow), [_entry(table.name, u, c, DELETE, {}, None, now) for u, c in gone])
        return result
    id_query = select(table.c.id)
    ids = [r[0] for r in connection.execute(id_query.where(where) if where is not None else id_query)]
    olds = _snapshot(connection, table, ids) if ids else {}
    result = state.invoke_statement()
    if ids:
        entries = _update_entries(table, olds, _snapshot(connection, table, ids), now)
        if entries:
            connection.execute(insert(OutboxRow), entries)
    return result


def pending_count(connection: Connection | Session) -> int:
    """How many changes wait for the next push."""
    from sqlalchemy import func

    return int(connection.execute(select(func.count()).select_from(OutboxRow)).scalar_one())


def drop_entries(connection: Connection, ids: Sequence[int]) -> None:
    if ids:
        connection.execute(delete(OutboxRow).where(OutboxRow.id.in_(list(ids))))
