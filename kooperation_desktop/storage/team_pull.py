"""Queries of the team-mode pull (:mod:`kooperation_desktop.team.sync`): which cases the server still
shows this login, which this laptop holds, which have changes waiting, and removing a case no longer
shared (every row of it, past the outbox: nothing of it is pushed as a deletion).

``server`` arguments are connections to the agency's PostgreSQL (row-level security decides what they
see), ``local`` ones to this laptop's database.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, Table, select, update
from sqlalchemy.orm import Session

from .retention import delete_case_rows
from .rows import CaseRow
from .rows_sync import OutboxRow, TombstoneRow

CHUNK = 500
#: ``cases.change_seq`` on a laptop (where it is otherwise NULL and never travels): the case was no
#: longer shared but kept for its unsynced changes; when the server shows it again it is fetched whole
WITHHELD = -1


def _chunks(values: Iterable[str]) -> Iterable[list[str]]:
    wanted = sorted(set(values))
    for i in range(0, len(wanted), CHUNK):
        yield wanted[i:i + CHUNK]


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
    table: Table = CaseRow.__table__  # type: ignore[assignment]
    for chunk in _chunks(case_uuids):
        local.execute(update(table).where(table.c.uuid.in_(chunk))
                      .values(change_seq=WITHHELD if withheld else None))


def remove_case(local: Connection, case_id: int) -> dict[str, Any]:
    """Delete every row of the case on this laptop (children first; a plain session on ``local``:
    none of the database's session listeners, so no outbox entry and no audit of each row)."""
    with Session(bind=local) as s:
        return delete_case_rows(s, case_id)
