"""Synchronisation of one laptop with the agency's PostgreSQL: push the outbox, pull what changed.

**Push** (:func:`push`): the outbox entries are grouped by case; each case is ONE server transaction.
Its rows are locked (``SELECT … FOR UPDATE``), each change is checked against the version it was made
on: the server row still at that version takes the change as it is; otherwise the fields are merged
three-way (the old value the laptop saw, its new one, the server's): a field only the laptop changed
is taken, one changed on both sides to different values is a conflict (the server value stays, the
laptop's goes to its Konfliktliste). The server remembers every pushed entry (``sync_pushed``, with the
conflicts it raised) in the same transaction; the laptop removes the entries only after that commit,
so pushing an entry twice (after a kill -9) only replays its result.

**Pull** (:func:`pull`): every travelling row carries ``change_seq``, set from one server SEQUENCE by a
trigger on each insert and update; deletions leave a tombstone with a sequence number. A laptop reads
everything above the number it last saw, up to a bound no running transaction can still go below
(writers hold a shared advisory lock from taking a number until their commit; the puller takes it
exclusively for a moment to read the bound), and writes it locally in one transaction. Rows with
changes still waiting in the outbox are left alone (their push decides). A case the server no longer
shows this login (holiday cover ended) is removed here, unless it holds unsent changes (then kept and
said); a signature arriving for a party that signed the same version here goes with this laptop's one
to the Konfliktliste (the server's stands). Its queries: :mod:`..storage.team_pull`.

Never travels: the key files, the seal key, the password, the audit log, the protection settings and
the due index (derived); see ``docs/team-mode.md``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Connection, Engine, Table, bindparam, delete, func, insert, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert

from ..protection.model import UNSHARED, current_user, new_entry
from ..storage import audit as audit_store
from ..storage import team_pull
from ..storage.database import Database
from ..storage.rows_followup import DueStateRow
from ..storage.rows_sync import ConflictRow, OutboxRow, PushedRow, SyncStateRow, TombstoneRow
from ..storage.search import search_text_of
from . import outbox
from .conflicts import SIGNATURE as SIGNATURE_CLASH
from .outbox import DELETE, INSERT, UPDATE, SyncState, decode, encode, same

#: the advisory lock between writers (shared, taken by the triggers) and a puller reading its bound
LOCK_KEY = 7_301_015
#: changes of these columns never conflict (bookkeeping: the last writer wins)
BOOKKEEPING = frozenset({"updated_at", "wizard_step"})
SYNC_ACTION = "sync"
CHUNK = 500
#: outbox entries removed locally per transaction (each local commit is a disk sync)
LOCAL_BATCH = 2000

Marker = Callable[[str], None]


class SyncError(Exception):
    """A sync that could not run (German message for the user)."""


class NotInTeamMode(SyncError):
    def __init__(self) -> None:
        super().__init__("Dieser Datenordner ist nicht mit einem Server verbunden (zuerst: sync --url …).")


@dataclass
class SyncResult:
    pushed: int = 0  # rows sent to the server
    pulled: int = 0  # rows received (new or changed)
    deleted: int = 0  # rows deleted here by the server's tombstones
    conflicts: int = 0  # new entries of the Konfliktliste
    unshared: int = 0  # cases the server no longer shows this login, removed from this laptop
    withheld: int = 0  # cases no longer shown but kept here: their changes could not be sent

    def notes(self) -> list[str]:
        """What the user must be told beyond the counts (German sentences)."""
        out = []
        if self.unshared:
            out.append(unshared_text(self.unshared))
        if self.withheld:
            out.append(withheld_text(self.withheld))
        return out


def unshared_text(n: int) -> str:
    if n == 1:
        return "1 Fall ist nicht mehr für Sie freigegeben und wurde von diesem Laptop entfernt."
    return f"{n} Fälle sind nicht mehr für Sie freigegeben und wurden von diesem Laptop entfernt."


def withheld_text(n: int) -> str:
    if n == 1:
        return ("1 Fall ist nicht mehr für Sie freigegeben, hat aber noch nicht übertragene Änderungen, die der "
                "Server nicht mehr annimmt: er bleibt mit ihnen auf diesem Laptop. Bitte mit der Teamleitung "
                "klären (wieder freigeben lassen, dann synchronisieren).")
    return (f"{n} Fälle sind nicht mehr für Sie freigegeben, haben aber noch nicht übertragene Änderungen, die "
            "der Server nicht mehr annimmt: sie bleiben mit ihnen auf diesem Laptop. Bitte mit der Teamleitung "
            "klären (wieder freigeben lassen, dann synchronisieren).")


# --- the server side: change sequence, triggers --------------------------------------------------


def install_server_sync(connection: Connection) -> None:
    """On PostgreSQL: the change sequence, the triggers stamping ``change_seq`` on every insert and
    update of a travelling row and the tombstone trigger on delete (idempotent)."""
    connection.execute(text("CREATE SEQUENCE IF NOT EXISTS sync_change_seq"))
    connection.execute(text(f"""
        CREATE OR REPLACE FUNCTION sync_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_advisory_xact_lock_shared({LOCK_KEY});
            NEW.change_seq := nextval('sync_change_seq');
            IF NEW.uuid IS NULL THEN  -- a row written on the server directly (not by a laptop)
                NEW.uuid := gen_random_uuid()::text;
            END IF;
            RETURN NEW;
        END $$"""))
    connection.execute(text(f"""
        CREATE OR REPLACE FUNCTION sync_tombstone() RETURNS trigger LANGUAGE plpgsql
        SECURITY DEFINER SET search_path = public AS $$
        BEGIN
            PERFORM pg_advisory_xact_lock_shared({LOCK_KEY});
            INSERT INTO sync_tombstones (seq, table_name, row_uuid, deleted_at)
                VALUES (nextval('sync_change_seq'), TG_TABLE_NAME, OLD.uuid, now() AT TIME ZONE 'UTC');
            RETURN OLD;
        END $$"""))
    for table in outbox.travelling_tables():
        connection.execute(text(f'DROP TRIGGER IF EXISTS sync_stamp ON "{table.name}"'))
        connection.execute(text(f'CREATE TRIGGER sync_stamp BEFORE INSERT OR UPDATE ON "{table.name}" '
                                "FOR EACH ROW EXECUTE FUNCTION sync_stamp()"))
        connection.execute(text(f'DROP TRIGGER IF EXISTS sync_tombstone ON "{table.name}"'))
        connection.execute(text(f'CREATE TRIGGER sync_tombstone AFTER DELETE ON "{table.name}" '
                                "FOR EACH ROW EXECUTE FUNCTION sync_tombstone()"))


#: the sync tables: on the server none holds case data a worker could not see otherwise
SYNC_TABLES = frozenset({"sync_outbox", "sync_state", "sync_conflicts", "sync_tombstones", "sync_pushed"})


def grant_server_sync(connection: Connection, worker_role: str) -> None:
    """``server init``: what the workers' group role needs for sync. The tombstones are readable (uuids
    only; the trigger writes them as their owner); a worker adds pushed entries under its own name and
    reads its own and those of the cases it may see (who changed a field, for the Konfliktliste)."""
    connection.exec_driver_sql(f"GRANT SELECT ON sync_tombstones TO {worker_role}")
    connection.exec_driver_sql(f"GRANT SELECT, INSERT ON sync_pushed TO {worker_role}")
    connection.exec_driver_sql("ALTER TABLE sync_pushed ENABLE ROW LEVEL SECURITY")
    connection.exec_driver_sql("ALTER TABLE sync_pushed FORCE ROW LEVEL SECURITY")
    connection.exec_driver_sql("DROP POLICY IF EXISTS kd_rows ON sync_pushed")
    connection.exec_driver_sql(
        f"CREATE POLICY kd_rows ON sync_pushed TO {worker_role} USING (who = current_user::text OR EXISTS "
        "(SELECT 1 FROM cases parent WHERE parent.uuid = sync_pushed.case_uuid)) "
        "WITH CHECK (who = current_user::text)")


def _my_team(conn: Connection) -> int | None:
    """The (first) team of the logged-in worker; None for a role in no team (e.g. the administrator)."""
    team = conn.execute(text("SELECT team_id FROM team_members WHERE role_name = current_user::text "
                             "ORDER BY team_id LIMIT 1")).scalar()
    return int(team) if team is not None else None


def uninstall_server_sync(connection: Connection) -> None:
    for table in outbox.travelling_tables():
        connection.execute(text(f'DROP TRIGGER IF EXISTS sync_stamp ON "{table.name}"'))
        connection.execute(text(f'DROP TRIGGER IF EXISTS sync_tombstone ON "{table.name}"'))
    connection.execute(text("DROP FUNCTION IF EXISTS sync_stamp()"))
    connection.execute(text("DROP FUNCTION IF EXISTS sync_tombstone()"))
    connection.execute(text("DROP SEQUENCE IF EXISTS sync_change_seq"))


# --- push ----------------------------------------------------------------------------------------


@dataclass
class Change:
    """The pending outbox entries of one row, folded into one change."""

    table: str
    uuid: str
    case_uuid: str | None
    op: str
    fields: dict[str, list[Any]] = field(default_factory=dict)  # column -> [old, new] (decoded)
    field_at: dict[str, dt.datetime] = field(default_factory=dict)
    base: int | None = None
    entries: list[str] = field(default_factory=list)  # the outbox entries' uuids
    at: dt.datetime | None = None


def coalesce(entries: Iterable[OutboxRow]) -> list[Change]:
    """One change per row, in the order of its first entry: the oldest ``old`` and newest ``new``
    value of each column, the version of the first change; insert then delete cancels out."""
    changes: dict[tuple[str, str], Change] = {}
    for e in entries:
        key = (e.table_name, e.row_uuid)
        change = changes.get(key)
        if change is None:
            change = changes[key] = Change(e.table_name, e.row_uuid, e.case_uuid, e.op, base=e.base_version)
        change.entries.append(e.entry_uuid)
        change.at = e.created_at
        if e.op == DELETE:
            change.op = "cancel" if change.op in (INSERT, "cancel") else DELETE
        elif e.op == UPDATE and change.op == UPDATE:
            for name, (old, new) in e.fields.items():
                if name in change.fields:
                    change.fields[name][1] = decode(new)
                else:
                    change.fields[name] = [decode(old), decode(new)]
                change.field_at[name] = e.created_at
    return list(changes.values())


def _server_author(conn: Connection, row_uuid: str, name: str) -> tuple[str, dt.datetime | None]:
    """Who changed the column of the row on the server last, and when."""
    for who, at, names in conn.execute(select(PushedRow.who, PushedRow.at, PushedRow.fields)
                                       .where(PushedRow.row_uuid == row_uuid).order_by(PushedRow.at.desc())):
        if name in (names or []):
            return who, at
    return "Server", None


def _conflict(change: Change, name: str, local: Any, server: Any, state: SyncState, conn: Connection,
              deleted: bool = False) -> dict[str, Any]:
    server_by, server_at = ("Server", None) if deleted else _server_author(conn, change.uuid, name)
    local_at = change.field_at.get(name, change.at)
    return {"table_name": change.table, "row_uuid": change.uuid, "case_uuid": change.case_uuid, "field": name,
            "local_value": encode(local), "server_value": encode(server), "local_by": state.identity,
            "local_at": local_at.isoformat() if local_at else None, "server_by": server_by,
            "server_at": server_at.isoformat() if server_at else None, "row_deleted": deleted}


def merge(change: Change, server_row: dict[str, Any], state: SyncState,
          conn: Connection) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The server row with the change applied, and the conflicts (the server value stays in those)."""
    versioned = outbox.is_versioned(change.table)
    target = change.fields.get("row_version", [None, change.base])[1]
    fast = versioned and change.base is not None and server_row.get("row_version") == change.base
    frozen = change.table == "agreements" and server_row.get("status") != "draft"
    row = dict(server_row)
    conflicts = []
    for name, (old, new) in change.fields.items():
        if name == "row_version" or name not in row:
            continue
        if fast or name in BOOKKEEPING:
            row[name] = new
            continue
        current = server_row.get(name)
        if same(current, new):
            continue
        if same(current, old) and not frozen:
            row[name] = new
            continue
        conflicts.append(_conflict(change, name, new, current, state, conn))
    if versioned:
        row["row_version"] = target if fast and target is not None else (
            max(int(server_row["row_version"]), int(target or 0)) + 1)
    return row, conflicts


def _existing(conn: Connection, table_name: str, uuids: Iterable[str]) -> set[str]:
    table = outbox.table_named(table_name)
    wanted = sorted(set(uuids))
    found: set[str] = set()
    for i in range(0, len(wanted), CHUNK):
        found.update(conn.scalars(select(table.c.uuid).where(table.c.uuid.in_(wanted[i:i + CHUNK]))))
    return found


def _read_local(db: Database, changes: Sequence[Change]) -> dict[tuple[str, str], dict[str, Any]]:
    """The current local values of the rows to insert on the server."""
    wanted: dict[str, list[str]] = {}
    for c in changes:
        if c.op == INSERT:
            wanted.setdefault(c.table, []).append(c.uuid)
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    with db.engine.connect() as local:
        for table_name, uuids in wanted.items():
            table = outbox.table_named(table_name)
            for i in range(0, len(uuids), CHUNK):
                for r in local.execute(outbox.portable_select(table).where(table.c.uuid.in_(uuids[i:i + CHUNK]))):
                    values = dict(r._mapping)
                    rows[(table_name, values["uuid"])] = values
    return rows


def _push_case(conn: Connection, state: SyncState, changes: Sequence[Change],
               local_rows: dict[tuple[str, str], dict[str, Any]]) -> tuple[int, dict[str, list[dict[str, Any]]]]:
    """Apply one case's changes in the server transaction ``conn``: (rows written, conflicts by the
    outbox id they are remembered under)."""
    written = 0
    results: dict[str, list[dict[str, Any]]] = {}
    by_table: dict[str, list[Change]] = {}
    for c in changes:
        by_table.setdefault(c.table, []).append(c)
    for table in outbox.travelling_tables():
        todo = by_table.get(table.name, [])
        inserts = [c for c in todo if c.op == INSERT and (table.name, c.uuid) in local_rows]
        updates = [c for c in todo if c.op == UPDATE]
        refs = outbox.foreign_keys(table.name)
        if inserts:
            present = {name: _existing(conn, parent, (local_rows[(table.name, c.uuid)][name] for c in inserts
                                                      if local_rows[(table.name, c.uuid)][name] is not None))
                       for name, parent in refs.items()}
            insert_names = outbox.portable_columns(table.name)
            params = []
            for c in inserts:
                row = dict(local_rows[(table.name, c.uuid)])
                missing = [n for n in refs if row[n] is not None and row[n] not in present[n]]
                if any(not table.c[n].nullable for n in missing):
                    # its parent was deleted on the server: the new row cannot live there
                    results[c.entries[-1]] = [_conflict(c, "*", None, None, state, conn, deleted=True)]
                    continue
                for n in missing:
                    row[n] = None
                if table.name == "cases" and row.get("team_id") is None:
                    row["team_id"] = _my_team(conn)  # a new case belongs to the worker's team
                params.append(outbox.write_params(row, insert_names))
            if params:
                conn.execute(pg_insert(table).values(outbox.write_values(table, insert_names))
                             .on_conflict_do_nothing(),
                             params)
                written += len(params)
        if updates:
            server_rows = {}
            uuids = [c.uuid for c in updates]
            for i in range(0, len(uuids), CHUNK):
                for r in conn.execute(outbox.portable_select(table).where(table.c.uuid.in_(uuids[i:i + CHUNK]))
                                      .with_for_update(of=table)):
                    values = dict(r._mapping)
                    server_rows[values["uuid"]] = values
            names = [n for n in outbox.portable_columns(table.name) if n != "uuid"]
            params_by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = {}
            for c in updates:
                current = server_rows.get(c.uuid)
                if current is None:  # deleted on the server: every local change is listed
                    results[c.entries[-1]] = [
                        _conflict(c, name, new, None, state, conn, deleted=True)
                        for name, (_old, new) in c.fields.items() if name not in BOOKKEEPING | {"row_version"}]
                    continue
                row, conflicts = merge(c, current, state, conn)
                if conflicts:
                    results[c.entries[-1]] = conflicts
                # only what changes is written (the version always: the laptops pull the row again)
                changed = tuple(n for n in names if n == "row_version" or not same(row[n], current[n]))
                if not changed and conflicts:  # (a row without version) stamped anew: pulled again
                    changed = (names[0],)
                if changed:
                    params_by_columns.setdefault(changed, []).append(
                        {**outbox.write_params(row, changed), "w_uuid": c.uuid})
            for changed, params in params_by_columns.items():
                conn.execute(update(table).where(table.c.uuid == bindparam("w_uuid"))
                             .values(outbox.write_values(table, changed)), params)
                written += len(params)
    for table in reversed(outbox.travelling_tables()):
        gone = [c.uuid for c in by_table.get(table.name, []) if c.op == DELETE]
        if gone:
            conn.execute(delete(table).where(table.c.uuid.in_(gone)))
            written += len(gone)
    return written, results


def push(db: Database, server: Engine, *, marker: Marker | None = None) -> tuple[int, int]:
    """Push the outbox, one server transaction per case: (rows written on the server, new conflicts)."""
    mark = marker or (lambda _point: None)
    with db.sessionmaker() as s:
        state = outbox.state_of(s)
        if state is None:
            raise NotInTeamMode()
        entries = list(s.scalars(select(OutboxRow).order_by(OutboxRow.id)))
        s.expunge_all()
    groups: dict[str | None, list[OutboxRow]] = {}
    for e in entries:
        groups.setdefault(e.case_uuid, []).append(e)
    written = conflicts = 0
    done: list[int] = []  # outbox entries the server has committed, removed here in batches
    found: list[dict[str, Any]] = []
    # entries the server has already applied (a sync killed after the server's commit): asked once
    already: dict[str, Any] = {}
    with server.connect() as conn:
        uuids = [e.entry_uuid for e in entries]
        for i in range(0, len(uuids), CHUNK):
            already.update(conn.execute(select(PushedRow.entry_uuid, PushedRow.result).where(
                PushedRow.entry_uuid.in_(uuids[i:i + CHUNK]))).all())
        hidden = _hidden(conn, groups)
    for case_uuid, group in groups.items():
        if case_uuid in hidden:  # shared no longer: its changes wait here (the pull keeps the case)
            continue
        with server.begin() as conn:
            known = {e.entry_uuid: already[e.entry_uuid] for e in group if e.entry_uuid in already}
            changes = coalesce(e for e in group if e.entry_uuid not in known)
            local_rows = _read_local(db, changes)
            n, results = _push_case(conn, state, [c for c in changes if c.op != "cancel"], local_rows)
            written += n
            pushed = []
            for c in changes:
                for entry in c.entries:
                    pushed.append({"entry_uuid": entry, "client_id": state.client_id, "row_uuid": c.uuid,
                                   "case_uuid": c.case_uuid,
                                   "fields": sorted(c.fields), "who": state.identity, "at": c.at,
                                   "result": results.get(entry)})
            if pushed:
                conn.execute(insert(cast(Table, PushedRow.__table__)), pushed)
            mark("server-apply")
        mark("server-commit")
        done += [e.id for e in group]
        found += [item for r in known.values() if r for item in r]
        found += [item for r in results.values() for item in r]
        if len(done) >= LOCAL_BATCH:
            conflicts += _commit_local(db, done, found)
            done, found = [], []
            mark("local-commit")
    if done:
        conflicts += _commit_local(db, done, found)
        mark("local-commit")
    return written, conflicts


def _hidden(conn: Connection, groups: dict[str | None, list[OutboxRow]]) -> set[str | None]:
    """The cases with waiting changes that the server no longer shows this login (a holiday cover
    ended): their changes are not pushed (row-level security would refuse them); they stay here."""
    asked = [case_uuid for case_uuid, group in groups.items() if case_uuid is not None
             and not any(e.table_name == "cases" and e.op == INSERT for e in group)]  # (a new case: not yet there)
    return set(team_pull.hidden_cases(conn, asked))


def _commit_local(db: Database, done: list[int], found: list[dict[str, Any]]) -> int:
    """Remove the pushed entries and list their conflicts, in one local transaction (a kill before it:
    the server replays the same results at the next push)."""
    with db.engine.begin() as local:
        for i in range(0, len(done), CHUNK):
            outbox.drop_entries(local, done[i:i + CHUNK])
        if found:
            local.execute(insert(ConflictRow), [_conflict_row(item) for item in found])
    return len(found)


def _conflict_row(item: dict[str, Any]) -> dict[str, Any]:
    def when(value: str | None) -> dt.datetime | None:
        return dt.datetime.fromisoformat(value) if value else None

    return {**item, "local_at": when(item["local_at"]), "server_at": when(item["server_at"]),
            "resolved": False, "resolution": ""}


# --- pull ----------------------------------------------------------------------------------------


def _bound(server: Engine) -> int:
    """The highest change number no running server transaction can still go below."""
    with server.begin() as conn:
        conn.execute(select(func.pg_advisory_xact_lock(LOCK_KEY)))
        last, called = conn.execute(text("SELECT last_value, is_called FROM sync_change_seq")).one()
    return int(last) if called else 0


def pull(db: Database, server: Engine, *, marker: Marker | None = None) -> tuple[int, int]:
    """Pull every row changed on the server since the last pull: (rows written here, rows deleted)."""
    result = pull_cases(db, server, marker=marker)
    return result.pulled, result.deleted


def pull_cases(db: Database, server: Engine, *, marker: Marker | None = None) -> SyncResult:
    """:func:`pull`, and the cases the server no longer shows this login: removed here (``unshared``),
    or kept with their unsynced changes (``withheld``)."""
    mark = marker or (lambda _point: None)
    with db.engine.connect() as local:
        state = outbox.state_of(local)
    if state is None:
        raise NotInTeamMode()
    last = int(state.last_seq)
    bound = _bound(server)
    data: dict[str, list[dict[str, Any]]] = {t.name: [] for t in outbox.travelling_tables()}
    tombstones: Sequence[Any] = []
    with server.connect() as conn:
        for table in outbox.travelling_tables() if bound > last else ():
            data[table.name] = [dict(r._mapping) for r in conn.execute(
                outbox.portable_select(table).where(table.c.change_seq > last, table.c.change_seq <= bound)
                .order_by(table.c.change_seq))]
        if bound > last:
            tombstones = conn.execute(select(TombstoneRow.table_name, TombstoneRow.row_uuid).where(
                TombstoneRow.seq > last, TombstoneRow.seq <= bound).order_by(TombstoneRow.seq)).all()
        visible = team_pull.visible_cases(conn)
        if last > 0:  # (a first pull reads everything anyway)
            _add_newly_visible(db, conn, data, visible)
        signers = team_pull.pushed_by(conn, (r["uuid"] for r in data["signatures"])) if data["signatures"] else {}
    mark("pulled")
    written = removed = clashes = 0
    with db.engine.begin() as local:
        waiting = set(local.execute(select(OutboxRow.table_name, OutboxRow.row_uuid)))
        cases: set[str] = set()
        by_table: dict[str, list[str]] = {}
        for table_name, row_uuid in tombstones:
            by_table.setdefault(table_name, []).append(row_uuid)
        for table in reversed(outbox.travelling_tables()):
            gone = by_table.get(table.name, [])
            for i in range(0, len(gone), CHUNK):
                chunk = gone[i:i + CHUNK]
                cases.update(c for _u, c in local.execute(outbox.case_uuid_select(table)
                                                          .where(table.c.uuid.in_(chunk))))
                removed += local.execute(delete(table).where(table.c.uuid.in_(chunk))).rowcount
                local.execute(delete(OutboxRow).where(OutboxRow.table_name == table.name,
                                                      OutboxRow.row_uuid.in_(chunk)))
        for table in outbox.travelling_tables():
            rows = [r for r in data[table.name] if (table.name, r["uuid"]) not in waiting]
            if not rows:
                continue
            have = _existing(local, table.name, (r["uuid"] for r in rows))
            if table.name == "signatures":
                clashes += _signature_clashes(local, [r for r in rows if r["uuid"] not in have], state, signers)
            names = outbox.portable_columns(table.name)
            new = [outbox.write_params(r, names) for r in rows if r["uuid"] not in have]
            if new:
                local.execute(insert(table).values(outbox.write_values(table, names)), new)
            changed = [{**outbox.write_params(r, names), "w_uuid": r["uuid"]} for r in rows if r["uuid"] in have]
            if changed:
                local.execute(update(table).where(table.c.uuid == bindparam("w_uuid"))
                              .values(outbox.write_values(table, names)), changed)
            written += len(rows)
            uuids = [r["uuid"] for r in rows]
            for i in range(0, len(uuids), CHUNK):
                cases.update(c for _u, c in local.execute(outbox.case_uuid_select(table)
                                                          .where(table.c.uuid.in_(uuids[i:i + CHUNK]))))
        _refresh_cases(local, cases)
        unshared, withheld = _drop_unshared(local, visible)
        local.execute(update(SyncStateRow).where(SyncStateRow.id == 1).values(
            last_seq=bound, last_sync_at=dt.datetime.now(dt.UTC)))
    mark("pull-commit")
    return SyncResult(pulled=written, deleted=removed, conflicts=clashes, unshared=unshared, withheld=withheld)


def _signature_clashes(local: Connection, arriving: list[dict[str, Any]], state: SyncState,
                       signers: dict[str, tuple[str, Any]]) -> int:
    """Signatures arriving from the server for a party that already signed the same version here (two
    laptops recorded it offline; the server kept the first one pushed): the server's stands, this
    laptop's goes whole into the Konfliktliste (the user may still keep it). Returns the new entries."""
    mine = team_pull.same_party_signatures(local, [(r["agreement_id"], r["party_key"], r["uuid"]) for r in arriving])
    if not mine:
        return 0
    theirs = {r["uuid"]: r for r in arriving}
    entries = []
    for local_row in mine:
        server_row = theirs[local_row["_clashes_with"]]
        who, at = signers.get(server_row["uuid"], ("Server", None))
        entries.append({
            "table_name": "signatures", "row_uuid": server_row["uuid"], "case_uuid": local_row["_case_uuid"],
            "field": SIGNATURE_CLASH, "local_value": _encoded(local_row),
            "server_value": _encoded(server_row, without=("image_png", "strokes")),  # (shown only)
            "local_by": state.identity, "local_at": local_row["recorded_at"], "server_by": who,
            "server_at": server_row["recorded_at"] or at, "row_deleted": False, "resolved": False, "resolution": ""})
    team_pull.remove_signatures(local, [r["uuid"] for r in mine])
    team_pull.add_conflicts(local, entries)
    return len(entries)


def _encoded(row: dict[str, Any], without: tuple[str, ...] = ()) -> dict[str, Any]:
    return {k: encode(v) for k, v in row.items() if not k.startswith("_") and k not in without}


def _drop_unshared(local: Connection, visible: set[str]) -> tuple[int, int]:
    """The cases this laptop holds that the server no longer shows this login (a holiday cover ended,
    the case went to another team; a deleted case left a tombstone and is gone already): removed with
    all their rows and audited without content; one with changes still waiting in the outbox (the
    push could not send them) is kept with them and marked, to be fetched whole once shown again.
    Returns (removed, kept)."""
    held = team_pull.held_cases(local)
    hidden = set(held) - visible - team_pull.cases_made_here(local)
    withheld = hidden & team_pull.cases_with_waiting_changes(local)
    gone = sorted(hidden - withheld)
    if gone:
        audit_store.append(local, [new_entry(UNSHARED, "cases", held[u], held[u]) for u in gone])
    for case_uuid in gone:
        team_pull.remove_case(local, held[case_uuid])
    team_pull.mark_withheld(local, withheld, True)
    team_pull.mark_withheld(local, team_pull.withheld_cases(local) & visible, False)
    return len(gone), len(withheld)


def _add_newly_visible(db: Database, conn: Connection, data: dict[str, list[dict[str, Any]]],
                       visible: set[str]) -> None:
    """Cases the server shows this worker that this laptop does not hold (assigned for holiday cover,
    moved to the worker's team), or held back here while not shown: all their rows, whatever their
    change number."""
    cases = outbox.table_named("cases")
    with db.engine.connect() as local:
        held = set(local.scalars(select(cases.c.uuid)))
        held |= set(local.scalars(select(OutboxRow.row_uuid).where(OutboxRow.table_name == "cases")))
        held -= team_pull.withheld_cases(local)
    missing = sorted(visible - held)
    for table in outbox.travelling_tables() if missing else ():
        known = {r["uuid"] for r in data[table.name]}
        owners = outbox.case_uuid_select(table).subquery()
        for i in range(0, len(missing), CHUNK):
            rows = select(owners.c.uuid).where(owners.c.case_uuid.in_(missing[i:i + CHUNK]))
            for r in conn.execute(outbox.portable_select(table).where(table.c.uuid.in_(rows))):
                values = dict(r._mapping)
                if values["uuid"] not in known:
                    data[table.name].append(values)


def _refresh_cases(local: Connection, case_uuids: set[str]) -> None:
    """The cases touched by the pull: their due dates are computed afresh, their search text is folded
    from what they hold now (a merge may have mixed two laptops' fields)."""
    cases = outbox.table_named("cases")
    persons = outbox.table_named("persons")
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


# --- both ----------------------------------------------------------------------------------------


def sync(db: Database, server: Engine, *, marker: Marker | None = None) -> SyncResult:
    """Push, then pull; the audit log records the sync (who, when, how many rows, conflicts)."""
    pushed, conflicts = push(db, server, marker=marker)
    result = pull_cases(db, server, marker=marker)
    result.pushed = pushed
    result.conflicts += conflicts
    with db.engine.begin() as local:
        audit_store.append(local, [new_entry(
            SYNC_ACTION, f"sync +{pushed} -{result.pulled + result.deleted} !{result.conflicts}"[:64], None, None)])
    return result


def last_sync(db: Database) -> dt.datetime | None:
    with db.engine.connect() as local:
        state = outbox.state_of(local)
    return state.last_sync_at if state is not None else None


def current_identity() -> str:
    return current_user()
