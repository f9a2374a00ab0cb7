"""Queries of the team-mode pull (:mod:`kooperation_desktop.team.sync`): which cases the server still
shows this login, which this laptop holds, which have changes waiting, and removing a case no longer
shared (every row of it, past the outbox: nothing of it is pushed as a deletion).

``server`` arguments are connections to the agency's PostgreSQL (row-level security decides what they
see), ``local`` ones to this laptop's database.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, Table, delete, insert, select, update
from sqlalchemy.orm import Session

from .retention import delete_case_rows
from .rows import AgreementRow, CaseRow
from .rows_signing import SignatureRow
from .rows_sync import ConflictRow, OutboxRow, PushedRow, TombstoneRow

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
    signatures: Table = SignatureRow.__table__  # type: ignore[assignment]
    agreements: Table = AgreementRow.__table__  # type: ignore[assignment]
    cases: Table = CaseRow.__table__  # type: ignore[assignment]
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
    signatures: Table = SignatureRow.__table__  # type: ignore[assignment]
    for chunk in _chunks(signature_uuids):
        local.execute(delete(signatures).where(signatures.c.uuid.in_(chunk)))
        local.execute(delete(OutboxRow).where(OutboxRow.table_name == "signatures", OutboxRow.row_uuid.in_(chunk)))


def add_conflicts(local: Connection, rows: Sequence[dict[str, Any]]) -> None:
    """New entries of the Konfliktliste."""
    if rows:
        local.execute(insert(ConflictRow), list(rows))


def signature_id(s: Session, signature_uuid: str) -> int | None:
    """The local id of the signature with this uuid (None: not here)."""
    return s.scalar(select(SignatureRow.id).where(SignatureRow.uuid == signature_uuid))


def overwrite_signature(s: Session, signature_id: int, values: dict[str, Any]) -> None:
    """Write ``values`` over the signature, through the session ``s`` (in team mode the outbox records
    it as a change of that row)."""
    table: Table = SignatureRow.__table__  # type: ignore[assignment]
    s.execute(update(table).where(table.c.id == signature_id).values(values))
