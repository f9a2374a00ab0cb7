"""Synchronisation of one laptop with the agency's PostgreSQL: push the outbox, pull what changed.

**Push** (:func:`push`): the outbox entries are grouped by case and the cases into batches of about
:data:`BATCH` entries; each batch is ONE server transaction. Its rows are locked
(``SELECT … FOR UPDATE``, one query per table), each change is checked against the version it was made
on: the server row still at that version takes the change as it is; otherwise the fields are merged
three-way (the old value the laptop saw, its new one, the server's): a field only the laptop changed
is taken, one changed on both sides to different values is a conflict (the server value stays, the
laptop's goes to its Konfliktliste). A deletion is checked too: when the row, or a row the server
deletes with it, changed since the laptop's state (its version, its last pull), the case's deletions
wait and its Konfliktliste gets one entry (:func:`_held_back`; the pull brings the rows back until the
user deletes anyway). The writes are a few statements per table for the whole batch
(queries in :mod:`kooperation_desktop.storage.team_push`). The server remembers every pushed entry
(``sync_pushed``, with the conflicts it raised) in the same transaction; the laptop removes the entries
only after that commit, so pushing an entry twice (after a kill -9) only replays its result. Every case
lands whole or not at all: when the server refuses a statement of the batch (a constraint, a policy, a
deadlock), the batch is rolled back and pushed again case by case, each under its own savepoint; a case
refused then is rolled back alone, stays in the outbox for the next sync, and :class:`PushRefused` says
so once the rest is done.

**Pull** (:func:`pull`): every travelling row carries ``change_seq``, set from one server SEQUENCE by a
trigger on each insert and update; deletions leave a tombstone with a sequence number. A laptop reads
everything above the number it last saw, up to a bound no running transaction can still go below
(writers hold a shared advisory lock from taking a number until their commit; the puller takes it
exclusively for a moment to read the bound), and writes it locally in one transaction. Rows with
changes still waiting in the outbox are left alone (their push decides). A case the server no longer
shows this login (holiday cover ended) is removed here, unless it holds unsent changes (then kept and
said); a signature arriving for a party that signed the same version here goes with this laptop's one
to the Konfliktliste (the server's stands). Its queries: :mod:`..storage.team_pull`; the server's change
sequence, its triggers and the bound: :mod:`..storage.team_changes`.

Never travels: the key files, the seal key, the password, the audit log, the protection settings and
the due index (derived); see ``docs/team-mode.md``.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, ParamSpec, TypeVar

from sqlalchemy import Connection, Engine, Table
from sqlalchemy.exc import DBAPIError

from ..domain.labels import counted
from ..domain.reports import ReportStatus
from ..protection.model import UNSHARED, current_user, new_entry
from ..storage import audit as audit_store
from ..storage import team_append_only, team_changes, team_conflicts, team_outbox, team_pull, team_push
from ..storage.database import Database
from ..storage.team_outbox import SyncState
from ..storage.team_push import OutboxEntry
from ..storage.travelling import (
    VERSION_CONTENT,
    foreign_keys,
    is_versioned,
    portable_columns,
    table_named,
    travelling_tables,
    write_params,
)
from .conflicts import DELETION, NEW_ROW, new_in_frozen
from .conflicts import SIGNATURE as SIGNATURE_CLASH
from .connection import ServerError
from .outbox import DELETE, INSERT, UPDATE, decode, encode, same
from .refusal import PUSH_REFUSED, TRANSIENT, case_label, refusal

#: changes of these columns never conflict (bookkeeping: the last writer wins)
BOOKKEEPING = frozenset({"updated_at", "wizard_step"})
#: a report's content: merged into a report the team lead checked meanwhile, it makes it a draft again
#: (the lead did not check it; as an edit on the laptop does), the sign-off cleared
REPORT_CONTENT = frozenset({"sections", "goal_categories", "period_start", "period_end"})
REPORT_SIGN_OFF = {"status": ReportStatus.DRAFT.value, "checked_by": "", "checked_on": None, "checked_how": ""}
SYNC_ACTION = "sync"
CHUNK = 500
#: outbox entries pushed in one server transaction (then removed here in one local transaction)
BATCH = 2000

Marker = Callable[[str], None]
_P = ParamSpec("_P")
_R = TypeVar("_R")


def _cycle_collector_paused(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """Runs ``function`` with Python's cycle collector paused. A push or pull makes thousands of short
    lived rows and dicts without cycles (freed at once by reference counting), but their number sets
    off collections that walk every object of the process (the whole window, in the app): measured,
    a third of a push of 1,000 rows. Re-enabled at the end (only if it was on), whatever happens."""
    @functools.wraps(function)
    def paused(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        was_on = gc.isenabled()
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if was_on:
                gc.enable()

    return paused


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
    not_deleted: int = 0  # cases whose deletions here the server did not take (a covered case): back here
    reconnected: bool = False  # another server: everything this laptop holds was sent as at a first sync

    def notes(self) -> list[str]:
        """What the user must be told beyond the counts (German sentences)."""
        out = []
        if self.reconnected:
            out.append("Neuer Server: alles, was dieser Laptop hat, wurde wie beim ersten Synchronisieren gesendet "
                       "und alles vom Server geholt.")
        if self.unshared:
            out.append(unshared_text(self.unshared))
        if self.withheld:
            out.append(withheld_text(self.withheld))
        if self.not_deleted:
            out.append(not_deleted_text(self.not_deleted))
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


def not_deleted_text(n: int) -> str:
    if n == 1:
        return ("Bei 1 Fall hat der Server das Löschen nicht angenommen: löschen kann nur das Team, dem der Fall "
                "gehört (Sie vertreten ihn). Was Sie gelöscht hatten, ist wieder auf diesem Laptop.")
    return (f"Bei {n} Fällen hat der Server das Löschen nicht angenommen: löschen kann nur das Team, dem ein Fall "
            "gehört (Sie vertreten sie). Was Sie gelöscht hatten, ist wieder auf diesem Laptop.")


#: the sync tables: on the server none holds case data a worker could not see otherwise
SYNC_TABLES = frozenset({"sync_outbox", "sync_state", "sync_conflicts", "sync_tombstones", "sync_pushed"})


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


def coalesce(entries: Iterable[Any]) -> list[Change]:
    """One change per row, in the order of its first entry: the oldest ``old`` and newest ``new``
    value of each column, the version of the first change; insert then delete cancels out.
    ``entries``: outbox rows (``table_name``, ``row_uuid``, ``op``, ``fields`` …)."""
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
                # (only a dict may stand for a coded value: the others are taken without a call)
                new = decode(new) if isinstance(new, dict) else new
                if name in change.fields:
                    change.fields[name][1] = new
                else:
                    change.fields[name] = [decode(old) if isinstance(old, dict) else old, new]
                change.field_at[name] = e.created_at
    return list(changes.values())


#: who changed a column of a row on the server last, and when: ``author(row uuid, column)``
Authors = Callable[[str, str], tuple[str, dt.datetime | None]]


def _no_author(_row_uuid: str, _name: str) -> tuple[str, dt.datetime | None]:
    return "Server", None


def _authors(pushed: dict[str, list[tuple[str, dt.datetime | None, list[str]]]]) -> Authors:
    """The author lookup over the rows' pushed entries (newest first)."""
    def author(row_uuid: str, name: str) -> tuple[str, dt.datetime | None]:
        for who, at, names in pushed.get(row_uuid, ()):
            if name in names:
                return who, at
        return "Server", None

    return author


def _conflict(change: Change, name: str, local: Any, server: Any, state: SyncState, author: Authors,
              deleted: bool = False) -> dict[str, Any]:
    server_by, server_at = ("Server", None) if deleted else author(change.uuid, name)
    local_at = change.field_at.get(name, change.at)
    return {"table_name": change.table, "row_uuid": change.uuid, "case_uuid": change.case_uuid, "field": name,
            "local_value": encode(local), "server_value": encode(server), "local_by": state.identity,
            "local_at": local_at.isoformat() if local_at else None, "server_by": server_by,
            "server_at": server_at.isoformat() if server_at else None, "row_deleted": deleted}


_versioned = cache(is_versioned)


def _unchanged_since(change: Change, server_row: dict[str, Any]) -> bool:
    """The server row is still at the version the change was made on (the change applies as it is)."""
    return (_versioned(change.table) and change.base is not None
            and server_row.get("row_version") == change.base)


def merge(change: Change, server_row: dict[str, Any], state: SyncState,
          author: Authors, *, content_frozen: bool = False) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The server row with the change applied, and the conflicts (the server value stays in those).
    ``content_frozen``: the row is content of a version no longer a draft on the server (a goal of a
    version finalised meanwhile): nothing of the change lands, every differing field is a conflict."""
    versioned = _versioned(change.table)
    target = change.fields.get("row_version", [None, change.base])[1]
    fast = _unchanged_since(change, server_row) and not content_frozen
    frozen = content_frozen or (change.table == "agreements" and server_row.get("status") != "draft")
    frozen = frozen or (change.table == "reports" and server_row.get("status") == "sent")  # a sent report
    row = dict(server_row)
    conflicts = []
    for name, (old, new) in change.fields.items():
        if name == "row_version" or name not in row:
            continue
        if content_frozen and name in BOOKKEEPING:
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
        conflicts.append(_conflict(change, name, new, current, state, author))
    if (change.table == "reports" and not fast and server_row.get("status") == ReportStatus.CHECKED.value
            and any(not same(row[n], server_row[n]) for n in REPORT_CONTENT if n in row)):
        row.update(REPORT_SIGN_OFF)
    if versioned:
        row["row_version"] = target if fast and target is not None else (
            max(int(server_row["row_version"]), int(target or 0)) + 1)
    return row, conflicts


@dataclass
class _Case:
    """One case's outbox entries in a push, and what their push did."""

    entries: list[Any]  # outbox rows
    known: dict[str, Any] = field(default_factory=dict)  # entries the server applied before: their results
    changes: list[Change] = field(default_factory=list)  # the other entries, folded per row
    results: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # conflicts by outbox entry
    written: int = 0

    def found(self) -> list[dict[str, Any]]:
        """The conflicts to list on the laptop (replayed ones included)."""
        return [item for item in self._items() if NOT_DELETED not in item]

    def not_deleted(self) -> bool:
        """A deletion of this case's rows the server did not take (replayed ones included)."""
        return any(NOT_DELETED in item for item in self._items())

    def _items(self) -> list[dict[str, Any]]:
        return ([item for r in self.known.values() if r for item in r]
                + [item for r in self.results.values() for item in r])


#: the result of a deletion the server did not take (row-level security: the covering colleague deletes
#: nothing of the case): remembered with the entry (a replay says it too), never a Konfliktliste entry
NOT_DELETED = "not_deleted"


def _read_local(db: Database, changes: Iterable[Change]) -> dict[tuple[str, str], dict[str, Any]]:
    """The current local values of the rows to insert on the server."""
    wanted: dict[str, list[str]] = {}
    for c in changes:
        if c.op == INSERT:
            wanted.setdefault(c.table, []).append(c.uuid)
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    if not wanted:
        return rows
    with db.engine.connect() as local:
        for table_name, uuids in wanted.items():
            for values in team_push.local_rows(local, table_named(table_name), uuids):
                rows[(table_name, values["uuid"])] = values
    return rows


def _prepare(db: Database, conn: Connection, cases: Sequence[_Case]) -> dict[tuple[str, str], dict[str, Any]]:
    """Which entries the server has applied already (a sync killed after the server's commit: only
    their results are replayed); the others folded per row; the local rows to insert."""
    applied = team_push.applied_entries(conn, [e.entry_uuid for case in cases for e in case.entries])
    for case in cases:
        case.known = {e.entry_uuid: applied[e.entry_uuid] for e in case.entries if e.entry_uuid in applied}
        case.changes = coalesce(e for e in case.entries if e.entry_uuid not in case.known)
        case.results, case.written = {}, 0
    local_rows = _read_local(db, (c for case in cases for c in case.changes))
    for case in cases:
        for c in case.changes:
            if c.op == INSERT and (c.table, c.uuid) not in local_rows:
                c.op = "cancel"  # added and removed here before it reached the server (e.g. with its case)
    return local_rows


def _apply(conn: Connection, state: SyncState, cases: Sequence[_Case],
           local_rows: dict[tuple[str, str], dict[str, Any]]) -> None:
    """Apply the cases' changes in the server transaction ``conn``, table by table (parents first,
    deletions children first), each table's rows of all the cases with a few statements."""
    team: list[int | None] = []  # the worker's team, asked once (for new cases)
    # the versions this push takes out of draft or adds (their content is this laptop's)
    finalised: set[str] = set()
    refused: dict[str, str] = {}  # new rows not taken: content of a version no longer a draft (-> its status)
    by_table: dict[tuple[str, str], list[tuple[_Case, Change]]] = {}
    for case in cases:
        for c in case.changes:
            by_table.setdefault((c.table, c.op), []).append((case, c))
    for table in travelling_tables():
        inserts = [(case, c) for case, c in by_table.get((table.name, INSERT), [])
                   if (table.name, c.uuid) in local_rows]
        updates = by_table.get((table.name, UPDATE), [])
        if inserts:
            _insert(conn, state, table, inserts, local_rows, team, finalised, refused)
        if updates:
            _update(conn, state, table, updates, finalised)
    held = _held_back(conn, state, cases, finalised) if any(op == DELETE for _t, op in by_table) else set()
    for table in reversed(travelling_tables()):
        gone = [(case, c) for case, c in by_table.get((table.name, DELETE), []) if c.uuid not in held]
        if gone:
            deleted = team_push.delete_rows(conn, table, [c.uuid for _case, c in gone])
            # still there after the DELETE: the server did not take it (a case this worker covers); stamped
            # anew, the rows come back to this laptop with the pull (a row gone already is no news)
            kept = team_push.existing_uuids(conn, table, (c.uuid for _case, c in gone if c.uuid not in deleted))
            team_push.touch_rows(conn, table, kept)
            for case, c in gone:
                if c.uuid in kept:
                    case.results[c.entries[-1]] = [{NOT_DELETED: True, "table_name": c.table, "row_uuid": c.uuid}]
                else:
                    case.written += 1
    if any(op == DELETE for _t, op in by_table):
        team_append_only.check_removals(conn)  # a removal the server refuses: refused here, not at the commit


def _stale_deletions(conn: Connection, deletions: list[Change], changed_here: set[str],
                     seen: int) -> dict[str, list[dict[str, Any]]]:
    """Of the deletions, those made on an older state: the row changed on the server since (its
    version is not the one it was deleted on), or it or a row the server deletes with it changed after
    the last pull (change number ``seen``: the laptop pushes before it pulls, so no deletion waiting
    here saw more). ``{row uuid: the rows changed (newest first)}``. Rows changed by this push itself
    (``changed_here``) do not count. A deletion of an older outbox (no version) is checked the same
    way, without its version."""
    stale: dict[str, list[dict[str, Any]]] = {}
    by_table: dict[str, list[Change]] = {}
    for c in deletions:
        by_table.setdefault(c.table, []).append(c)
    for table_name, changes in by_table.items():
        table = table_named(table_name)
        versions = team_push.row_versions(conn, table, (c.uuid for c in changes if c.base is not None))
        newer = team_push.changed_with(conn, table, (c.uuid for c in changes), seen)
        for c in changes:
            rows = [r for r in newer if r["_root"] == c.uuid and r["uuid"] not in changed_here]
            if c.uuid in versions and versions[c.uuid] != c.base and not any(r["uuid"] == c.uuid for r in rows):
                rows.insert(0, {"_table": table_name, "uuid": c.uuid, "_version_only": True})
            if rows:
                stale[c.uuid] = rows
    return stale


#: rows of the server shown in a deletion's Konfliktliste entry (the newest changed ones)
SHOWN_ROWS = 20


def _held_back(conn: Connection, state: SyncState, cases: Sequence[_Case], finalised: set[str]) -> set[str]:
    """The deletions of this push made on an older state are not applied: the server's rows stay (and
    come back to this laptop with the pull) and the laptop's Konfliktliste gets ONE entry per case:
    the colleagues' newer rows against "auf diesem Laptop gelöscht" (the user deletes anyway or keeps
    them). All of a case's deletions of this push wait together (a case deleted whole stays whole).
    A deletion of a version's content (a goal, a task …) whose version is no longer a draft on the
    server (finalised meanwhile, not by this push: ``finalised``) waits the same way: the finalised
    version is append-only. Returns the uuids of the rows not deleted."""
    changed_here = {c.uuid for case in cases for c in case.changes if c.op in (INSERT, UPDATE)}
    deletions = [c for case in cases for c in case.changes if c.op == DELETE]
    stale = _stale_deletions(conn, deletions, changed_here, int(state.last_seq))
    for table_name, row_uuid in _frozen_deletions(conn, deletions, finalised):
        stale.setdefault(row_uuid, [{"_table": table_name, "uuid": row_uuid, "_version_only": True}])
    if not stale:
        return set()
    order = {t.name: i for i, t in enumerate(travelling_tables())}
    held: set[str] = set()
    for case in cases:
        mine = sorted((c for c in case.changes if c.op == DELETE), key=lambda c: order[c.table])
        if not any(c.uuid in stale for c in mine):
            continue
        held.update(c.uuid for c in mine)
        top = next((c for c in mine if c.table == "cases"), None) or next(c for c in mine if c.uuid in stale)
        newer = [r for c in mine for r in stale.get(c.uuid, [])]
        uuids = {r["uuid"] for r in newer}
        if any(r.get("_version_only") for r in newer):  # (the row's own values: read them)
            for table_name in {r["_table"] for r in newer if r.get("_version_only")}:
                ours = [r["uuid"] for r in newer if r.get("_version_only") and r["_table"] == table_name]
                found = team_push.lock_rows(conn, table_named(table_name), ours,
                                            portable_columns(table_name))
                newer = [{**found.get(r["uuid"], {}), "_table": table_name, "uuid": r["uuid"]}
                         if r.get("_version_only") and r["_table"] == table_name else r for r in newer]
        shown: list[dict[str, Any]] = []
        seen_uuids: set[str] = set()
        for r in newer:
            if r["uuid"] not in seen_uuids and len(shown) < SHOWN_ROWS:
                seen_uuids.add(r["uuid"])
                shown.append({"table": r["_table"], "uuid": r["uuid"],
                              "values": {k: encode(v) for k, v in r.items() if not k.startswith("_")}})
        pushed = team_push.pushed_by_row(conn, uuids)
        latest = max((entry for u in uuids for entry in pushed.get(u, [])[:1]),
                     key=lambda e: str(e[1] or ""), default=("Server", None, []))

        def author(_row_uuid: str, _name: str, who: Any = latest) -> tuple[str, dt.datetime | None]:
            return who[0], who[1]

        deleted_here = [[c.table, c.uuid] for c in mine]
        case.results[top.entries[-1]] = [_conflict(top, DELETION, deleted_here, shown, state, author)]
    return held


def _frozen_deletions(conn: Connection, deletions: list[Change], finalised: set[str]) -> list[tuple[str, str]]:
    """Of the deletions, those of a version's content whose version is no longer a draft on the server
    and not finalised by this push, nor deleted by it (a case deleted after its retention period, row
    by row): ``[(table, row uuid), ...]``."""
    by_table: dict[str, list[str]] = {}
    for c in deletions:
        if VERSION_CONTENT.get(c.table):  # (not the version itself: its own check is its row version)
            by_table.setdefault(c.table, []).append(c.uuid)
    deleted_versions = {c.uuid for c in deletions if c.table == "agreements"}
    return [(table_name, row_uuid) for table_name, uuids in by_table.items()
            for row_uuid, (version, status) in team_push.version_statuses(conn, table_named(table_name), uuids).items()
            if status != "draft" and version not in finalised and version not in deleted_versions]


def _frozen_inserts(conn: Connection, table: Table, rows: Iterable[dict[str, Any]], finalised: set[str],
                    refused: dict[str, str]) -> dict[str, str]:
    """Of the new rows, those of a version's content whose version is no longer a draft on the server
    and not finalised or added by this push (or whose parent row was not taken for that reason):
    ``{row uuid: the version's status}``."""
    path = VERSION_CONTENT.get(table.name)
    if not path:
        return {}
    parent_of = {row["uuid"]: row[path[0]] for row in rows if row[path[0]] is not None}
    statuses = team_push.version_statuses(conn, table_named(foreign_keys(table.name)[path[0]]),
                                          set(parent_of.values()) - set(refused))
    frozen = {}
    for row_uuid, parent in parent_of.items():
        if parent in refused:
            frozen[row_uuid] = refused[parent]
        elif parent in statuses and statuses[parent][1] != "draft" and statuses[parent][0] not in finalised:
            frozen[row_uuid] = statuses[parent][1]
    return frozen


def _insert(conn: Connection, state: SyncState, table: Table, inserts: list[tuple[_Case, Change]],
            local_rows: dict[tuple[str, str], dict[str, Any]], team: list[int | None],
            finalised: set[str], refused: dict[str, str]) -> None:
    refs = foreign_keys(table.name)
    # the content of a version finalised on the server meanwhile is append-only: a new goal, task …
    # of it is not taken; what was typed stays readable in the entry, the row is removed here at the
    # local commit (:func:`_commit_local`)
    frozen = _frozen_inserts(conn, table, (local_rows[(table.name, c.uuid)] for _case, c in inserts),
                             finalised, refused)
    refused.update(frozen)
    for case, c in inserts:
        if c.uuid in frozen:
            _refuse(state, case, c, frozen[c.uuid], local_rows[(table.name, c.uuid)])
    inserts = [(case, c) for case, c in inserts if c.uuid not in frozen]
    present = {name: team_push.existing_uuids(conn, table_named(parent), (
        local_rows[(table.name, c.uuid)][name] for _case, c in inserts
        if local_rows[(table.name, c.uuid)][name] is not None)) for name, parent in refs.items()}
    # a reference to a row of the same table (an agreement's predecessor) may point to a row of this
    # very insert: it is set once all of them are on the server (a second statement, below)
    own = [name for name, parent in refs.items() if parent == table.name]
    arriving = {c.uuid for _case, c in inserts if not _orphan(table, local_rows[(table.name, c.uuid)], present, own)}
    for name in own:
        present[name] |= arriving
    insert_names = portable_columns(table.name)
    params = []
    linked = []
    for case, c in inserts:
        row = dict(local_rows[(table.name, c.uuid)])
        missing = [n for n in refs if row[n] is not None and row[n] not in present[n]]
        if _orphan(table, row, present, ()):
            # its parent was deleted on the server: the new row cannot live there
            # (what was typed stays readable in the entry: the new row's values)
            typed = {name: encode(value) for name, value in row.items() if name != "uuid"}
            case.results[c.entries[-1]] = [_conflict(c, "*", typed, None, state, _no_author, deleted=True)]
            continue
        for n in missing:
            row[n] = None
        if any(row[n] in arriving for n in own):
            linked.append({"uuid": row["uuid"], **{n: row[n] for n in own}})
        if table.name == "cases" and row.get("team_id") is None:
            if not team:
                team.append(team_push.worker_team(conn))
            row["team_id"] = team[0]  # a new case belongs to the worker's team
        params.append(write_params(row, insert_names))
        case.written += 1
    team_push.insert_rows(conn, table, insert_names, params)
    if table.name == "agreements":  # a version added by this push: its content is this laptop's
        finalised.update(p["p_uuid"] for p in params)
    if linked:
        team_push.update_rows(conn, table, linked, own)


def _refuse(state: SyncState, case: _Case, c: Change, status: str, row: dict[str, Any]) -> None:
    """The new row ``c`` is not taken (content of a version ``status`` meanwhile): its entry keeps what
    was typed (the server value: the version's status)."""
    typed = {name: encode(value) for name, value in row.items() if name != "uuid"}
    case.results[c.entries[-1]] = [_conflict(c, NEW_ROW, typed, status, state, _no_author, deleted=True)]


def _orphan(table: Table, row: dict[str, Any], present: dict[str, set[str]], skip: Sequence[str]) -> bool:
    """A new row whose required parent (a reference other than ``skip``) the server does not hold."""
    return any(row[n] is not None and row[n] not in present[n] and not table.c[n].nullable
               for n in present if n not in skip)


def _update(conn: Connection, state: SyncState, table: Table, updates: list[tuple[_Case, Change]],
            finalised: set[str]) -> None:
    names = [n for n in portable_columns(table.name) if n != "uuid"]
    # what the merge reads and may write: the changed columns, the version, the status (a finalised
    # agreement), the first column (a row without version stamped anew)
    needed = {name for _case, c in updates for name in c.fields} | {"row_version", "status", names[0]}
    # the content of a version finalised on the server meanwhile (a goal, a task …) is append-only; a
    # version this push finalises was finalised here, after these changes
    frozen = set() if table.name == "agreements" else {
        row_uuid for row_uuid, (version, status) in team_push.version_statuses(
            conn, table, (c.uuid for _case, c in updates)).items() if status != "draft" and version not in finalised}
    if table.name == "reports":
        needed |= set(REPORT_SIGN_OFF)  # (a checked report made a draft again by a merged change)
    server_rows = team_push.lock_rows(conn, table, (c.uuid for _case, c in updates), needed)
    stale = [c.uuid for _case, c in updates
             if c.uuid in server_rows and (c.uuid in frozen or not _unchanged_since(c, server_rows[c.uuid]))]
    author = _authors(team_push.pushed_by_row(conn, stale)) if stale else _no_author
    names = [n for n in names if n in needed]
    rows_by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for case, c in updates:
        current = server_rows.get(c.uuid)
        if current is None:  # deleted on the server: every local change is listed
            case.results[c.entries[-1]] = [
                _conflict(c, name, new, None, state, author, deleted=True)
                for name, (_old, new) in c.fields.items() if name not in BOOKKEEPING | {"row_version"}]
            continue
        row, conflicts = merge(c, current, state, author, content_frozen=c.uuid in frozen)
        if table.name == "agreements" and current.get("status") == "draft" and row.get("status") != "draft":
            finalised.add(c.uuid)
        if conflicts:
            case.results[c.entries[-1]] = conflicts
        # only what changes is written (the version always: the laptops pull the row again)
        changed = tuple(n for n in names if n == "row_version" or not same(row[n], current[n]))
        if not changed and conflicts:  # (a row without version) stamped anew: pulled again
            changed = (names[0],)
        if changed:
            rows_by_columns.setdefault(changed, []).append(row)
            case.written += 1
    for changed, rows in rows_by_columns.items():
        team_push.update_rows(conn, table, rows, changed)


def _remember(conn: Connection, state: SyncState, cases: Sequence[_Case]) -> None:
    """The server remembers every applied entry (with the conflicts it raised), in the transaction
    that applied it. A row added and removed here before it reached the server ("cancel", see
    :func:`_prepare`) left nothing there to remember (a replay cancels it again); a worker could not
    remember it either when its case never reached the server (the row-level security of
    ``sync_pushed`` takes visible or deleted cases only)."""
    team_push.remember_pushed(conn, [
        {"entry_uuid": entry, "client_id": state.client_id, "row_uuid": c.uuid, "case_uuid": c.case_uuid,
         "fields": sorted(c.fields), "who": state.identity, "at": c.at, "result": case.results.get(entry)}
        for case in cases for c in case.changes if c.op != "cancel" for entry in c.entries])


#: SQLSTATE classes (and codes) of a server refusing one case's changes (data, integrity, access,
#: deadlock, a statement's time limit, raised by a trigger): the case stays in the outbox, the others go on
REFUSALS = ("22", "23", "40", "42", "44", "57014", "P0")


def _refused(exc: DBAPIError) -> bool:
    sqlstate = getattr(exc.orig, "sqlstate", None) or ""
    return not exc.connection_invalidated and (sqlstate[:2] in REFUSALS or sqlstate in REFUSALS)


class PushRefused(SyncError, ServerError):
    """The server refused the changes of some cases; the others were pushed. The refused ones stay in
    the outbox (and go again at the next sync)."""

    def __init__(self, written: int, conflicts: int, reasons: list[str]) -> None:
        cases = "eines Falls" if len(reasons) == 1 else f"von {len(reasons)} Fällen"
        super().__init__(f"Der Server hat die Änderungen {cases} nicht angenommen ({reasons[0]}); sie bleiben "
                         "auf diesem Laptop und werden beim nächsten Synchronisieren erneut gesendet.")
        self.written = written
        self.conflicts = conflicts
        self.reasons = reasons
        self.not_deleted = 0  # cases whose deletions the server did not take (see SyncResult)
        self.result: SyncResult | None = None

    def report(self, result: SyncResult) -> None:
        """Adds to the one German line what the sync did besides (the other cases, the pull, its notes):
        the refusal must not hide them."""
        self.result = result
        besides = (f" Sonst: {counted(result.pushed, 'Zeile', 'Zeilen')} gesendet, {result.pulled} empfangen, "
                   f"{result.deleted} gelöscht"
                   + (f", {counted(result.conflicts, 'neuer Konflikt', 'neue Konflikte')}" if result.conflicts else "")
                   + ".")
        self.args = (str(self) + besides + "".join(" " + note for note in result.notes()),)


def _batches(groups: Iterable[list[Any]]) -> Iterator[list[list[Any]]]:
    """Cases (their entries) grouped into batches of about :data:`BATCH` entries."""
    batch: list[list[Any]] = []
    size = 0
    for group in groups:
        batch.append(group)
        size += len(group)
        if size >= BATCH:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def push(db: Database, server: Engine, *, marker: Marker | None = None) -> tuple[int, int]:
    """Push the outbox: (rows written on the server, new conflicts). Every case lands whole or not at
    all; a case the server refuses stays in the outbox and :class:`PushRefused` says so at the end."""
    written, conflicts, _not_deleted = _push(db, server, marker=marker)
    return written, conflicts


@_cycle_collector_paused
def _push(db: Database, server: Engine, *, marker: Marker | None = None) -> tuple[int, int, int]:
    """:func:`push`, and the number of cases whose deletions the server did not take."""
    mark = marker or (lambda _point: None)
    with db.engine.connect() as local:
        state = team_outbox.state_of(local)
        if state is None:
            raise NotInTeamMode()
        entries = team_push.outbox_entries(local)
    groups: dict[str | None, list[Any]] = {}
    for e in entries:
        groups.setdefault(e.case_uuid, []).append(e)
    written = conflicts = not_deleted = 0
    reasons: list[str] = []
    with server.connect() as conn:
        hidden = _hidden(conn, groups)  # shared no longer: their changes wait here (the pull keeps the case)
    for batch in _batches(group for case_uuid, group in groups.items() if case_uuid not in hidden):
        cases = [_Case(group) for group in batch]
        landed, refused = _push_batch(db, server, state, cases, mark)
        reasons += refused
        written += sum(case.written for case in landed)
        not_deleted += sum(case.not_deleted() for case in landed)
        conflicts += _commit_local(db, [e.id for case in landed for e in case.entries],
                                   [item for case in landed for item in case.found()])
        mark("local-commit")
    if reasons:
        error = PushRefused(written, conflicts, reasons)
        error.not_deleted = not_deleted
        raise error
    return written, conflicts, not_deleted


def _hidden(conn: Connection, groups: dict[str | None, list[OutboxEntry]]) -> set[str | None]:
    """The cases with waiting changes that the server no longer shows this login (a holiday cover
    ended): their changes are not pushed (row-level security would refuse them); they stay here."""
    asked = [case_uuid for case_uuid, group in groups.items() if case_uuid is not None
             and not any(e.table_name == "cases" and e.op == INSERT for e in group)]  # (a new case: not yet there)
    return set(team_pull.hidden_cases(conn, asked))


def _push_batch(db: Database, server: Engine, state: SyncState, cases: list[_Case],
                mark: Marker) -> tuple[list[_Case], list[str]]:
    """The cases in one server transaction: (the cases that landed, why the others were refused).
    First all together; when the server refuses a statement, again case by case, each under its own
    savepoint (a refused case is rolled back alone)."""
    try:
        with server.begin() as conn:
            local_rows = _prepare(db, conn, cases)
            _apply(conn, state, cases, local_rows)
            _remember(conn, state, cases)
            for _case in cases:  # a point per case, as in the case-by-case path (all in the open transaction)
                mark("server-apply")
    except DBAPIError as exc:
        if not _refused(exc):
            raise
        return _push_one_by_one(db, server, state, cases, mark)
    for _case in cases:
        mark("server-commit")
    return cases, []


def _push_one_by_one(db: Database, server: Engine, state: SyncState, cases: list[_Case],
                     mark: Marker) -> tuple[list[_Case], list[str]]:
    landed: list[_Case] = []
    failed: list[tuple[_Case, DBAPIError, bool]] = []
    with server.begin() as conn:
        for case in cases:
            error = _try_case(db, conn, state, case)
            if error is None:
                landed.append(case)
            else:
                failed.append((case, *error))
            mark("server-apply")
    for _case in landed:
        mark("server-commit")
    return landed, _refusals(db, failed)


def _try_case(db: Database, conn: Connection, state: SyncState, case: _Case) -> tuple[DBAPIError, bool] | None:
    """One case under its own savepoint: None when it landed, else the server's error and whether the
    case was tried twice (a busy server, :data:`.refusal.TRANSIENT`: once more at once)."""
    for attempt in range(2):
        try:
            with conn.begin_nested():
                local_rows = _prepare(db, conn, [case])
                _apply(conn, state, [case], local_rows)
                _remember(conn, state, [case])
        except DBAPIError as exc:
            if not _refused(exc):
                raise
            if attempt == 0 and getattr(exc.orig, "sqlstate", None) in TRANSIENT:
                continue
            return exc, attempt > 0
        return None
    raise AssertionError("unreachable")  # pragma: no cover


def _refusals(db: Database, failed: list[tuple[_Case, DBAPIError, bool]]) -> list[str]:
    """The German reasons of the refused cases (named as this laptop has them); their technical
    reasons (names, no values) go into the audit log with the case."""
    if not failed:
        return []
    with db.engine.begin() as local:
        names = team_pull.case_names(local, (case.entries[0].case_uuid for case, _exc, _again in failed))
        found = []
        for case, exc, again in failed:
            case_id, title, number = names.get(case.entries[0].case_uuid, (None, "", ""))
            found.append((case_id, refusal(exc, case_label(title, number) if case_id is not None else None,
                                           file_number=number, retried=again)))
        audit_store.append(local, [new_entry(PUSH_REFUSED, item.technical, None, case_id) for case_id, item in found])
    return [item.reason for _case_id, item in found]


def _commit_local(db: Database, done: list[int], found: list[dict[str, Any]]) -> int:
    """Remove the pushed entries and list their conflicts, in one local transaction (a kill before it:
    the server replays the same results at the next push). New rows the server did not take as content
    of a version finalised meanwhile are removed here (what was typed is in their entries). Committed
    without waiting for the disk: after a power cut the entries are back and their push replays."""
    with team_outbox.replayable_transaction(db.engine) as local:
        for i in range(0, len(done), CHUNK):
            team_outbox.drop_entries(local, done[i:i + CHUNK])
        team_conflicts.add(local, [_conflict_row(item) for item in found])
        refused: dict[str, list[str]] = {}
        for item in found:
            if new_in_frozen(item["field"], item["server_value"]):
                refused.setdefault(item["table_name"], []).append(item["row_uuid"])
        cases: set[str | None] = set()
        for table in reversed(travelling_tables()) if refused else ():  # (children first)
            cases |= team_pull.remove_rows(local, table, refused.get(table.name, []))[0]
        team_pull.refresh_cases(local, cases)
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
        return team_changes.change_bound(conn)


def pull(db: Database, server: Engine, *, marker: Marker | None = None) -> tuple[int, int]:
    """Pull every row changed on the server since the last pull: (rows written here, rows deleted)."""
    result = pull_cases(db, server, marker=marker)
    return result.pulled, result.deleted


@_cycle_collector_paused
def pull_cases(db: Database, server: Engine, *, marker: Marker | None = None) -> SyncResult:
    """:func:`pull`, and the cases the server no longer shows this login: removed here (``unshared``),
    or kept with their unsynced changes (``withheld``)."""
    mark = marker or (lambda _point: None)
    with db.engine.connect() as local:
        state = team_outbox.state_of(local)
    if state is None:
        raise NotInTeamMode()
    last = int(state.last_seq)
    bound = _bound(server)
    data: dict[str, list[dict[str, Any]]] = {t.name: [] for t in travelling_tables()}
    tombstones: Sequence[Any] = []
    with server.connect() as conn:
        for table in travelling_tables() if bound > last else ():
            data[table.name] = team_pull.changed_rows(conn, table, last, bound)
        if bound > last:
            tombstones = team_pull.tombstones(conn, last, bound)
        visible = team_pull.visible_cases(conn)
        if last > 0:  # (a first pull reads everything anyway)
            _add_newly_visible(db, conn, data, visible)
        _restore_kept(db, conn, data)
        signers = team_pull.pushed_by(conn, (r["uuid"] for r in data["signatures"])) if data["signatures"] else {}
    mark("pulled")
    written = removed = clashes = 0
    with db.engine.begin() as local:
        waiting = team_pull.waiting_keys(local)
        cases: set[str | None] = set()
        by_table: dict[str, list[str]] = {}
        for table_name, row_uuid in tombstones:
            by_table.setdefault(table_name, []).append(row_uuid)
        for table in reversed(travelling_tables()):
            gone_cases, gone = team_pull.remove_rows(local, table, by_table.get(table.name, []))
            cases |= gone_cases
            removed += gone
        for table in travelling_tables():
            rows = [r for r in data[table.name] if (table.name, r["uuid"]) not in waiting]
            if not rows:
                continue
            have = team_pull.existing_rows(local, table, (r["uuid"] for r in rows))
            if table.name == "signatures":
                clashes += _signature_clashes(local, [r for r in rows if r["uuid"] not in have], state, signers)
            team_pull.write_rows(local, table, [r for r in rows if r["uuid"] not in have],
                                 [r for r in rows if r["uuid"] in have])
            written += len(rows)
            cases |= team_pull.row_cases(local, table, rows)
        team_pull.refresh_cases(local, cases)
        unshared, withheld = _drop_unshared(local, visible)
        team_pull.mark_pulled(local, bound)
    mark("pull-commit")
    return SyncResult(pulled=written, deleted=removed, conflicts=clashes, unshared=unshared, withheld=withheld)


def _signature_clashes(local: Connection, arriving: list[dict[str, Any]], state: SyncState,
                       signers: dict[str, tuple[str, Any]]) -> int:
    """Signatures arriving from the server for a party that already signed the same version here (two
    laptops recorded it offline; the server kept the first one pushed): the server's stands, this
    laptop's goes whole into the Konfliktliste (kept there; the server's cannot be replaced). Returns the
    new entries."""
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
    team_conflicts.add(local, entries)
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
    with db.engine.connect() as local:
        held = set(team_pull.held_cases(local))
        held |= team_pull.cases_in_outbox(local)
        held -= team_pull.withheld_cases(local)
    missing = sorted(visible - held)
    for table in travelling_tables() if missing else ():
        known = {r["uuid"] for r in data[table.name]}
        for values in team_pull.rows_of_cases(conn, table, missing):
            if values["uuid"] not in known:
                data[table.name].append(values)


def _restore_kept(db: Database, conn: Connection, data: dict[str, list[dict[str, Any]]]) -> None:
    """Rows deleted here whose deletion the server did not apply (a colleague had changed them; a
    Konfliktliste entry asks the user): the server's rows stay, so they come back here, with every
    row of their case as the server has it (rows with changes waiting here are left alone)."""
    with db.engine.connect() as local:
        listed = team_conflicts.kept_deletions(local)
        by_table: dict[str, set[str]] = {}
        for _case_uuid, deleted in listed:
            for table_name, row_uuid in deleted:
                by_table.setdefault(table_name, set()).add(row_uuid)
        here = {(t, u) for t, uuids in by_table.items() for u in team_pull.existing_rows(local, table_named(t), uuids)}
        cases = {case_uuid for case_uuid, deleted in listed
                 if case_uuid and any((t, u) not in here for t, u in deleted)}
        for table in travelling_tables() if cases else ():
            known = {r["uuid"] for r in data[table.name]}
            # (every row of the case, the ones still here too: the local deletion may have changed them,
            # e.g. a consent's person set to none)
            data[table.name] += [r for r in team_pull.rows_of_cases(conn, table, sorted(cases))
                                 if r["uuid"] not in known]


# --- both ----------------------------------------------------------------------------------------


def sync(db: Database, server: Engine, *, marker: Marker | None = None, reconnect: bool = False) -> SyncResult:
    """Push, then pull; the audit log records the sync (who, when, how many rows, conflicts). Cases
    the server refused (:class:`PushRefused`) do not stop the pull: it is raised at the end. Another
    server than the known one: :class:`.reconnect.ServerChanged`, or with ``reconnect`` everything sent
    again as at a first sync (see :mod:`.reconnect`). A server whose schema is not this program's:
    :class:`.schema_check.SchemaMismatch`, before anything is sent or received."""
    from . import reconnect as reconnecting
    from .conflicts import take_back_signature_overwrites
    from .schema_check import check_schema

    with server.connect() as conn:  # the same schema on both sides, or nothing is transferred
        check_schema(conn)
    reconnected = reconnecting.check_server(db, server, reconnect=reconnect)
    listed = reconnecting.resolve_resends(db, server)
    listed += take_back_signature_overwrites(db, server)  # (refused by the server: the entry open again)
    refused: PushRefused | None = None
    try:
        pushed, conflicts, not_deleted = _push(db, server, marker=marker)
    except PushRefused as exc:
        refused, pushed, conflicts, not_deleted = exc, exc.written, exc.conflicts, exc.not_deleted
    result = pull_cases(db, server, marker=marker)
    result.pushed = pushed
    result.conflicts += conflicts + listed
    result.not_deleted = not_deleted
    result.reconnected = reconnected
    with db.engine.begin() as local:
        audit_store.append(local, [new_entry(
            SYNC_ACTION, f"sync +{pushed} -{result.pulled + result.deleted} !{result.conflicts}"[:64], None, None)])
    if refused is not None:
        refused.report(result)
        raise refused
    return result


def last_sync(db: Database) -> dt.datetime | None:
    with db.engine.connect() as local:
        state = team_outbox.state_of(local)
    return state.last_sync_at if state is not None else None


def current_identity() -> str:
    return current_user()
