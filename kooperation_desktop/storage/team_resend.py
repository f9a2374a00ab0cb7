"""Queries of a laptop connected to another server (:mod:`kooperation_desktop.team.reconnect`): the
server's identity and change number, the laptop's remembered identity, and the resend entries of the
outbox (every row the laptop holds, sent again as at a first sync).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, Table, delete, select, text, update

from .rows_sync import OutboxRow, SyncStateRow
from .team_push import OutboxEntry, outbox_entries
from .travelling import as_dicts, portable_select

CHUNK = 500


# --- the server -----------------------------------------------------------------------------------


def server_identity(server: Connection) -> str:
    """The identity of the server's database: its cluster's system identifier (new with every
    ``initdb``) and the database's oid (new with every ``CREATE DATABASE``, restore into a new database
    included). Readable by every login."""
    system, oid = server.execute(text(
        "SELECT (SELECT system_identifier FROM pg_control_system()), "
        "(SELECT oid FROM pg_database WHERE datname = current_database())")).one()
    return f"{system}:{oid}"


def change_number(server: Connection) -> int:
    """The server's last change number (it never goes back on the same server; a restore sets it back)."""
    last, called = server.execute(text("SELECT last_value, is_called FROM sync_change_seq")).one()
    return int(last) if called else 0


def server_rows(server: Connection, table: Table, uuids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """The server rows ``uuids`` (as far as the login may see them), in their portable form, by uuid."""
    found: dict[str, dict[str, Any]] = {}
    for i in range(0, len(uuids), CHUNK):
        for row in as_dicts(server.execute(portable_select(table).where(table.c.uuid.in_(uuids[i:i + CHUNK])))):
            found[row["uuid"]] = row
    return found


# --- the laptop -----------------------------------------------------------------------------------


def remember_server(local: Connection, server_id: str) -> None:
    local.execute(update(SyncStateRow).where(SyncStateRow.id == 1).values(server_id=server_id))


def start_over(local: Connection, server_id: str) -> None:
    """Another server: remembered, and its pull starts from the beginning (as a first sync's)."""
    local.execute(update(SyncStateRow).where(SyncStateRow.id == 1).values(server_id=server_id, last_seq=0))


def has_entries(local: Connection, op: str) -> bool:
    return local.execute(select(OutboxRow.id).where(OutboxRow.op == op).limit(1)).first() is not None


def entries(local: Connection) -> list[OutboxEntry]:
    return outbox_entries(local)


def drop_op(local: Connection, op: str) -> None:
    local.execute(delete(OutboxRow).where(OutboxRow.op == op))


def set_op(local: Connection, ids: Iterable[int], op: str) -> None:
    wanted = list(ids)
    for i in range(0, len(wanted), CHUNK):
        local.execute(update(OutboxRow).where(OutboxRow.id.in_(wanted[i:i + CHUNK])).values(op=op))
