"""The outbox: every local change of a travelling row, written in the same transaction as the change.

:func:`attach` listens on one :class:`~kooperation_desktop.storage.database.Database`'s own sessions
(never on the global ``Session`` class), and only when the data folder is in team mode (a
``sync_state`` row): the single-laptop mode writes nothing and pays nothing. ORM inserts, updates and
deletes are seen at each flush; Core ``UPDATE``/``DELETE`` statements run through a session (deleting a
case, the case list's bookkeeping, retention) are seen by ``do_orm_execute``.

An entry holds the row's table and uuid, its case's uuid (a push is one server transaction per case), the
operation, the changed columns as ``{column: [old, new]}`` (a foreign key as the uuid of the row it points
to: local ids mean nothing elsewhere) and the row version the change was made on (``base_version``, a
deletion's too).

Its queries live in :mod:`kooperation_desktop.storage.team_outbox`; the travelling tables and the portable
form of rows (:func:`portable_select`, :func:`write_values`) in :mod:`kooperation_desktop.storage.travelling`
(both re-exported here for the callers of this module). Here also the JSON codec of values
(:func:`encode`, :func:`decode`).
"""

from __future__ import annotations

import base64
import datetime as dt
from typing import Any, cast

from sqlalchemy import Table, event, inspect
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from ..storage import team_outbox as repo
from ..storage.database import Database
from ..storage.rows_sync import OutboxRow, new_uuid
from ..storage.team_outbox import SyncState as SyncState
from ..storage.team_outbox import drop_entries as drop_entries
from ..storage.team_outbox import is_team_mode as is_team_mode
from ..storage.team_outbox import pending_count as pending_count
from ..storage.team_outbox import state_of as state_of
from ..storage.travelling import LOCAL_COLUMNS as LOCAL_COLUMNS
from ..storage.travelling import NOT_ROW_REFERENCES as NOT_ROW_REFERENCES
from ..storage.travelling import case_uuid_select as case_uuid_select
from ..storage.travelling import foreign_keys as foreign_keys
from ..storage.travelling import is_versioned as is_versioned
from ..storage.travelling import portable_columns as portable_columns
from ..storage.travelling import portable_select as portable_select
from ..storage.travelling import table_named as table_named
from ..storage.travelling import travelling_tables as travelling_tables
from ..storage.travelling import write_params as write_params
from ..storage.travelling import write_values as write_values

INSERT, UPDATE, DELETE = "insert", "update", "delete"
_PENDING = "_sync_outbox_pending"
_ATTACHED = "_sync_outbox_attached"


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
            repo.update_server(connection, server_url=server_url, identity=identity, ca_file=ca_file, plain=plain)
        else:
            repo.insert_state(connection, server_url=server_url, identity=identity, client_id=new_uuid(),
                              ca_file=ca_file, plain=plain)
            entries: list[dict[str, Any]] = []
            for table in travelling_tables():
                for row_uuid, case_uuid in repo.all_owners(connection, table):
                    entries.append(_entry(table.name, row_uuid, case_uuid, INSERT, {}, None, now))
            repo.add_entries(connection, entries)
    _listen(db.sessionmaker)


def _entry(table: str, row_uuid: str, case_uuid: str | None, op: str, fields: dict[str, Any],
           base: int | None, now: dt.datetime) -> dict[str, Any]:
    return {"entry_uuid": new_uuid(), "table_name": table, "row_uuid": row_uuid, "case_uuid": case_uuid,
            "op": op, "fields": fields, "base_version": base, "created_at": now}


# --- recording ----------------------------------------------------------------------------------


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
        pending["old"].setdefault(table.name, {}).update(repo.snapshot(connection, table, ids))
    for table, ids in deleted.items():
        gone = repo.owners(connection, table, ids)
        versions = repo.versions(connection, table, [u for u, _c in gone])
        for row_uuid, case_uuid in gone:
            pending["deleted"].append((table.name, row_uuid, case_uuid, versions.get(row_uuid)))


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
        for row_uuid, case_uuid in repo.owners(connection, table, ids):
            entries.append(_entry(table.name, row_uuid, case_uuid, INSERT, {}, None, now))
    for table_name, olds in pending["old"].items():
        table = table_named(table_name)
        entries.extend(_update_entries(table, olds, repo.snapshot(connection, table, list(olds)), now))
    for table_name, row_uuid, case_uuid, version in pending["deleted"]:
        entries.append(_entry(table_name, row_uuid, case_uuid, DELETE, {}, version, now))
    repo.add_entries(connection, entries)


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
        gone = repo.owners_where(connection, table, where)
        versions = repo.versions(connection, table, [u for u, _c in gone]) if gone else {}
        result = state.invoke_statement()
        repo.add_entries(connection, [_entry(table.name, u, c, DELETE, {}, versions.get(u), now)
                                      for u, c in gone])
        return result
    ids = repo.ids_where(connection, table, where)
    olds = repo.snapshot(connection, table, ids) if ids else {}
    result = state.invoke_statement()
    if ids:
        repo.add_entries(connection, _update_entries(table, olds, repo.snapshot(connection, table, ids), now))
    return result
