"""Another server: a data folder in team mode must not take a different server for the one it knows.

At the first sync the laptop remembers the server's identity (``sync_state.server_id``: the cluster's
system identifier and the database's oid, :func:`..storage.team_resend.server_identity`). Before each
sync it compares: another identity (another server, the database moved or re-initialised), or a change
number below the one the laptop last saw (the server was restored from a backup), means the new server
does not hold what the laptop sent before, and the laptop's change number means nothing there.

- A plain ``sync`` (and „Synchronisieren“ in the window) then refuses with :class:`ServerChanged`:
  nothing is sent or received (a different machine answering at the known address gets nothing).
- ``sync --url …`` (the user names the server) and ``sync --neu-verbinden`` connect anew
  (:func:`resend_all`): every row the laptop holds is queued once more (op ``resend``) and the pull
  starts from the beginning, as at a first sync.

Before the push, :func:`resolve_resends` decides each resend entry against what the server holds: a row
the server lacks is inserted (the entry becomes an ``insert``; the row's earlier update entries are in
its current values); a row the server holds with changes still waiting here goes through the usual
three-way merge of those changes; a row it holds without waiting changes is compared: different
values, unless the server's version is newer than the laptop's copy, go to the Konfliktliste (the
server value stays, the laptop's is listed), so a restore never overwrites silently and never loses
what only the laptop still has. The server is only read here; the outbox and the Konfliktliste change
in one local transaction: a sync killed at any point simply decides again.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Engine

from ..storage import team_conflicts, team_outbox, team_push, team_resend
from ..storage.database import Database
from ..storage.rows_sync import new_uuid
from ..storage.team_push import OutboxEntry
from ..storage.travelling import is_versioned, portable_columns, table_named, travelling_tables
from .connection import ServerError
from .outbox import INSERT, UPDATE, encode, same
from .status import server_name
from .sync import BOOKKEEPING, NotInTeamMode, SyncError

RESEND = "resend"
#: columns the server decides (a case's team): never compared
SERVER_COLUMNS = frozenset({("cases", "team_id")})


class ServerChanged(SyncError, ServerError):
    """The server is not the one this folder synchronised with (German message; nothing transferred)."""

    def __init__(self, server: str) -> None:
        super().__init__(
            f"Der Server „{server}“ ist nicht mehr derselbe wie beim letzten Synchronisieren (neu eingerichtet, "
            "umgezogen oder aus einer Sicherung zurückgespielt); damit nichts verloren geht, wurde nichts "
            "übertragen. Wenn das so stimmt (bitte bei der Administration nachfragen): "
            "„kooperation-desktop sync --neu-verbinden“ sendet alles, was dieser Laptop hat, noch einmal wie "
            "beim ersten Mal (nichts wird doppelt).")


def check_server(db: Database, server: Engine, *, reconnect: bool = False) -> bool:
    """Is ``server`` the one this folder knows? Remembered at the first sync. Another one: with
    ``reconnect`` everything is queued again (:func:`resend_all`, returns True), else
    :class:`ServerChanged`."""
    with server.connect() as conn:
        identity = team_resend.server_identity(conn)
        number = team_resend.change_number(conn)
    with db.engine.connect() as local:
        state = team_outbox.state_of(local)
    if state is None:
        raise NotInTeamMode()
    went_back = number < state.last_seq
    if not went_back and state.server_id in (None, identity):
        if state.server_id is None:  # the first sync (or a folder synchronised before this check)
            with db.engine.begin() as local:
                team_resend.remember_server(local, identity)
        return False
    if not reconnect:
        raise ServerChanged(server_name(state.server_url))
    resend_all(db, identity)
    return True


def resend_all(db: Database, server_id: str) -> int:
    """Connect anew: every travelling row the laptop holds queued once more, the pull from the
    beginning, ``server_id`` remembered (one local transaction). Returns the rows queued."""
    now = dt.datetime.now(dt.UTC)
    with db.engine.begin() as local:
        team_resend.drop_op(local, RESEND)
        entries: list[dict[str, Any]] = [
            {"entry_uuid": new_uuid(), "table_name": table.name, "row_uuid": row_uuid, "case_uuid": case_uuid,
             "op": RESEND, "fields": {}, "base_version": None, "created_at": now}
            for table in travelling_tables() for row_uuid, case_uuid in team_outbox.all_owners(local, table)]
        team_outbox.add_entries(local, entries)
        team_resend.start_over(local, server_id)
    return len(entries)


def resolve_resends(db: Database, server: Engine) -> int:
    """Decide the waiting resend entries against what the server holds (see the module text).
    Returns the new entries of the Konfliktliste."""
    with db.engine.connect() as local:
        if not team_resend.has_entries(local, RESEND):
            return 0
        state = team_outbox.state_of(local)
        entries = team_resend.entries(local)
    if state is None:
        raise NotInTeamMode()
    resends = [e for e in entries if e.op == RESEND]
    others: dict[tuple[str, str], list[OutboxEntry]] = {}
    for e in entries:
        if e.op != RESEND:
            others.setdefault((e.table_name, e.row_uuid), []).append(e)
    by_table: dict[str, list[str]] = {}
    for e in resends:
        by_table.setdefault(e.table_name, []).append(e.row_uuid)
    with server.connect() as conn:
        held = {name: team_resend.server_rows(conn, table_named(name), uuids) for name, uuids in by_table.items()}
    compare: dict[str, list[str]] = {}
    for e in resends:
        if e.row_uuid in held[e.table_name] and not others.get((e.table_name, e.row_uuid)):
            compare.setdefault(e.table_name, []).append(e.row_uuid)
    with db.engine.connect() as local:
        mine = {name: {r["uuid"]: r for r in team_push.local_rows(local, table_named(name), uuids)}
                for name, uuids in compare.items()}
    inserts: list[int] = []
    done: list[int] = []
    conflicts: list[dict[str, Any]] = []
    for e in resends:
        waiting = others.get((e.table_name, e.row_uuid), [])
        server_row = held[e.table_name].get(e.row_uuid)
        if server_row is None:
            if any(w.op == INSERT for w in waiting):
                done.append(e.id)  # (a new row of this laptop: its insert goes anyway)
            else:  # the server lacks it: inserted with its current values (the updates included)
                inserts.append(e.id)
                done += [w.id for w in waiting if w.op == UPDATE]
            continue
        done.append(e.id)
        local_row = mine.get(e.table_name, {}).get(e.row_uuid)
        if not waiting and local_row is not None:
            conflicts += _differences(e, local_row, server_row, state.identity)
    with db.engine.begin() as local:
        team_resend.set_op(local, inserts, INSERT)
        team_outbox.drop_entries(local, done)
        team_conflicts.add(local, conflicts)
    return len(conflicts)


def _differences(entry: OutboxEntry, local: dict[str, Any], server: dict[str, Any],
                 identity: str) -> list[dict[str, Any]]:
    """The fields in which the laptop's copy of a row differs from the server's, as conflicts (none
    when the server's version is the newer one: the laptop's copy is only older)."""
    if is_versioned(entry.table_name):
        mine, theirs = local.get("row_version"), server.get("row_version")
        if mine is not None and theirs is not None and int(theirs) > int(mine):
            return []
    found = []
    for name in portable_columns(entry.table_name):
        if name in ("uuid", "row_version") or name in BOOKKEEPING or (entry.table_name, name) in SERVER_COLUMNS:
            continue
        if same(local.get(name), server.get(name)):
            continue
        found.append({"table_name": entry.table_name, "row_uuid": entry.row_uuid, "case_uuid": entry.case_uuid,
                      "field": name, "local_value": encode(local.get(name)), "server_value": encode(server.get(name)),
                      "local_by": identity, "local_at": local.get("updated_at") or entry.created_at,
                      "server_by": "Server", "server_at": None, "row_deleted": False, "resolved": False,
                      "resolution": ""})
    return found
