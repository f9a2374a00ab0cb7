"""The Konfliktliste: fields changed both on this laptop and on the server, never resolved silently.

Until the user decides, the row holds the server value and the entry the local one. Keeping the local
value writes it into the row as a normal local change (an outbox entry, pushed at the next sync);
keeping the server value only closes the entry.

Two laptops that each recorded a signature of the same party for the same agreement version (one per
party and version) make an entry of its own (``field`` = :data:`SIGNATURE`): the server's signature
stands in the row, this laptop's whole signature is the entry's local value. The server's stands for
good: a signature on the server is never replaced (the server refuses it, issue 14: signatures are
append-only), so only „server“ closes the entry; a closed entry is kept with both signatures
(``list_conflicts(include_resolved=True)``, ``conflicts --alle``). An overwrite still waiting in the
outbox from a „keep mine“ of an older version is taken back before the push
(:func:`take_back_signature_overwrites`): the server's signature again here, the entry open again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import Engine, Table
from sqlalchemy.orm import Session

from ..domain import labels
from ..domain.model import AgreementStatus, CaseStatus, Person
from ..domain.reports import ReportStatus
from ..protection import audit
from ..storage import team_conflicts as repo
from ..storage import team_pull, team_push, team_resend
from ..storage.database import Database
from ..storage.entities import named_in_frozen_agreement
from ..storage.rows_sync import ConflictRow
from ..storage.travelling import table_named, travelling_tables
from . import outbox

KEEP_LOCAL, KEEP_SERVER = "local", "server"
#: the ``field`` of a clash of two signatures of the same party (not a column: the whole signature)
SIGNATURE = "signature"
#: the ``field`` of a deletion made here on an older state of rows a colleague changed meanwhile (the
#: server kept them): local value = the rows deleted here ``[[table, uuid], ...]``, server value = the
#: newer rows ``[{"table", "uuid", "values"}, ...]``; keeping this laptop's side deletes them again
DELETION = "deletion"
#: the ``field`` of a new row the server did not take (whole row: the local value, what was typed):
#: its parent was deleted on the server (server value None), or it is content of a version no longer
#: a draft on the server (server value: the version's status; see :func:`new_in_frozen`)
NEW_ROW = "*"
#: keeping this laptop's signature of a party that signed the same version on another laptop first
SIGNATURE_STANDS = ("Eine Unterschrift auf dem Server kann nicht ersetzt werden; nur „server“ ist möglich. Die "
                    "Unterschrift dieses Laptops bleibt in der Konfliktliste festgehalten (anzeigen mit "
                    "„conflicts --alle“).")
Keep = Literal["local", "server"]


def new_in_frozen(field: str, server_value: Any) -> bool:
    """An entry of a new row (a goal, a task …) added here to a draft that was finalised meanwhile on
    the server: the finalised version stays as it was signed; what was typed is the local value."""
    return field == NEW_ROW and server_value is not None


class ConflictError(Exception):
    """A conflict that cannot be resolved as asked (German message)."""


@dataclass(frozen=True)
class Conflict:
    id: int
    table: str
    row_uuid: str
    case_uuid: str | None
    case_title: str  # "" when the case is gone
    field: str
    local_value: Any
    server_value: Any
    local_by: str
    local_at: dt.datetime | None
    server_by: str
    server_at: dt.datetime | None
    row_deleted: bool  # the server deleted the row: the local value cannot be kept
    resolved: bool
    resolution: str
    #: the row as the app names it („Person „Lotta Weg““: :func:`..domain.labels.row_name`), recorded
    #: with the entry (older entries: named by the row here, else by what the entry holds of it)
    row_name: str = ""
    case_file_number: str = ""  # the case's Aktenzeichen ("" if none, or the case is gone)


def _case_titles(db: Database, case_uuids: set[str]) -> dict[str, str]:
    with db.engine.connect() as c:
        return repo.case_titles(c, case_uuids)


def list_conflicts(db: Database, *, include_resolved: bool = False) -> list[Conflict]:
    """The Konfliktliste, oldest first (the open entries only, unless ``include_resolved``)."""
    with db.sessionmaker() as s:
        rows = repo.entries(s, include_resolved=include_resolved)
        titles = _case_titles(db, {r.case_uuid for r in rows if r.case_uuid})
        with db.engine.connect() as c:
            here = repo.row_values(c, {(r.table_name, r.row_uuid) for r in rows if not r.row_name})
            numbers = repo.case_file_numbers(c, {r.case_uuid for r in rows if r.case_uuid})
        return [Conflict(id=r.id, table=r.table_name, row_uuid=r.row_uuid, case_uuid=r.case_uuid,
                         case_title=titles.get(r.case_uuid or "", ""), field=r.field,
                         local_value=outbox.decode(r.local_value), server_value=outbox.decode(r.server_value),
                         local_by=r.local_by, local_at=r.local_at, server_by=r.server_by, server_at=r.server_at,
                         row_deleted=r.row_deleted, resolved=r.resolved, resolution=r.resolution,
                         case_file_number=numbers.get(r.case_uuid or "", ""),
                         row_name=r.row_name or labels.row_name(
                             r.table_name, here.get((r.table_name, r.row_uuid)) or _row_of_entry(r))) for r in rows]


def _row_of_entry(r: ConflictRow) -> dict[str, Any] | None:
    """What the entry itself holds of its row (a row added here: what was typed; a deletion made here:
    the server's newer values), for a row no longer on this laptop."""
    if r.field == NEW_ROW and isinstance(r.local_value, dict):
        return {name: outbox.decode(value) for name, value in r.local_value.items()}
    if r.field == DELETION and isinstance(r.server_value, list):
        for newer in r.server_value:
            if isinstance(newer, dict) and (newer.get("table"), newer.get("uuid")) == (r.table_name, r.row_uuid) \
                    and isinstance(newer.get("values"), dict):
                return {name: outbox.decode(value) for name, value in newer["values"].items()}
    return None


def open_count(db: Database) -> int:
    with db.engine.connect() as c:
        return repo.open_count(c)


def resolve(db: Database, conflict_id: int, keep: Keep) -> None:
    """Decide one entry: ``keep="local"`` writes the local value into the row (pushed at the next
    sync), ``keep="server"`` leaves the row as it is."""
    if keep not in (KEEP_LOCAL, KEEP_SERVER):
        raise ConflictError("Bitte „local“ (eigener Wert) oder „server“ (Wert vom Server) wählen.")
    with db.transaction() as s:
        entry = repo.entry(s, conflict_id)
        if entry is None:
            raise ConflictError(f"Einen Konflikt Nr. {conflict_id} gibt es nicht.")
        if entry.resolved:
            raise ConflictError(f"Konflikt Nr. {conflict_id} ist schon entschieden.")
        if entry.field == DELETION:
            _decide_deletion(s, entry, keep)
        elif keep == KEEP_LOCAL and entry.field == SIGNATURE:
            raise ConflictError(SIGNATURE_STANDS)
        elif keep == KEEP_LOCAL:
            if new_in_frozen(entry.field, entry.server_value):
                raise ConflictError(FROZEN_VERSION)
            table = table_named(entry.table_name)
            if entry.row_deleted or entry.field not in table.c:
                raise ConflictError("Der Eintrag wurde auf dem Server gelöscht; der eigene Wert kann nicht "
                                    "übernommen werden (nur „server“).")
            local_id = repo.local_id(s, table, entry.row_uuid)
            if local_id is None:
                raise ConflictError("Den Eintrag gibt es hier nicht mehr; nur „server“ ist möglich.")
            check_writable(s, entry, table, local_id)
            repo.write_local(s, table, local_id, entry.field, outbox.decode(entry.local_value))
            audit.write_entry(s, audit.CHANGED, table.name, local_id, None)
        entry.resolved = True
        entry.resolution = keep


#: keeping this laptop's value of a version that was finalised meanwhile (its content is frozen)
FROZEN_VERSION = ("Diese Version der Vereinbarung ist inzwischen abgeschlossen und kann nicht mehr geändert "
                  "werden; nur „server“ ist möglich. Den eigenen Wert bitte in eine neue Version übernehmen.")
#: ... of a report to the Jugendamt that was sent meanwhile (its content is frozen)
SENT_REPORT = ("Dieser Bericht an das Jugendamt ist inzwischen versendet und kann nicht mehr geändert werden; "
               "nur „server“ ist möglich. Den eigenen Wert bitte in einen neuen Bericht übernehmen.")
#: ... of a case that was closed (archived) meanwhile
CLOSED_CASE = ("Dieser Fall ist inzwischen abgeschlossen und archiviert; der eigene Wert kann erst übernommen "
               "werden, wenn der Fall wieder geöffnet ist (oder „server“ wählen).")


def check_writable(s: Session, entry: ConflictRow, table: Table, local_id: int) -> None:
    """Keeping this laptop's value writes into the row: refused (ConflictError) where the app refuses
    every other change — the content of a finalised version, a sent report, a closed case (re-opening
    it: its status, is the one change a closed case takes)."""
    status = repo.version_status(s, table, local_id)
    if status is not None and status != AgreementStatus.DRAFT.value:
        raise ConflictError(FROZEN_VERSION)
    if repo.report_status(s, table, local_id) == ReportStatus.SENT.value:
        raise ConflictError(SENT_REPORT)
    reopening = (entry.table_name, entry.field) == ("cases", "status")
    if repo.case_status(s, entry.case_uuid) == CaseStatus.CLOSED.value and not reopening:
        raise ConflictError(CLOSED_CASE)


#: deleting anyway a row not (yet) back on this laptop
NOT_BACK = ("Die Daten vom Server sind noch nicht wieder auf diesem Laptop; bitte zuerst synchronisieren "
            "(oder „server“ wählen: die Einträge bleiben).")


#: deleting anyway a person or partner a finalised version names meanwhile (the app refuses it, too)
NAMED_IN_FROZEN = ("Dieser Eintrag ist inzwischen Teil einer abgeschlossenen Vereinbarung und kann nicht gelöscht "
                   "werden; nur „server“ ist möglich.")


def _decide_deletion(s: Session, entry: ConflictRow, keep: Keep) -> None:
    """A deletion made here on an older state: ``keep="local"`` deletes the rows again (a local
    change, pushed at the next sync: on the server now), ``keep="server"`` keeps them. A whole case
    (deleted after its retention period) goes with its finalised versions, as the app deletes it."""
    if keep == KEEP_SERVER:
        return
    top = table_named(entry.table_name)
    if repo.local_id(s, top, entry.row_uuid) is None:
        raise ConflictError(NOT_BACK)
    whole_case = top.name == "cases"
    order = {t.name: i for i, t in enumerate(travelling_tables())}
    rows = sorted(((str(t), str(u)) for t, u in entry.local_value or []), key=lambda r: -order.get(r[0], 0))
    for table_name, row_uuid in rows:  # (children first)
        table = table_named(table_name)
        local_id = repo.local_id(s, table, row_uuid)
        if local_id is None:
            continue
        status = repo.version_status(s, table, local_id)
        if status is not None and status != AgreementStatus.DRAFT.value and not whole_case:
            raise ConflictError(FROZEN_VERSION)
        if not whole_case and table_name in ("persons", "partners") and named_in_frozen_agreement(
                s, Person(case_id=0) if table_name == "persons" else object(), local_id):
            raise ConflictError(NAMED_IN_FROZEN)
        repo.delete_local(s, table, local_id)
        audit.write_entry(s, audit.DELETED, table.name, local_id, None)


def take_back_signature_overwrites(db: Database, server: Engine) -> int:
    """Outbox entries that would write over a signature on the server (a „keep mine“ chosen before a
    signature on the server was kept for good; the server refuses them, the case would stick at every
    sync): the server's signature is written here again (past the outbox), the entries dropped and the
    Konfliktliste entry opened again (one added if there is none). Local only; run before the push.
    Returns the entries opened (or added)."""
    with db.engine.connect() as local:
        waiting = repo.signature_overwrites(local)
        state = outbox.state_of(local)
    if not waiting or state is None:
        return 0
    table = table_named("signatures")
    with server.connect() as conn:
        theirs = team_resend.server_rows(conn, table, sorted({row_uuid for _id, row_uuid, _case in waiting}))
    taken = [(entry_id, row_uuid, case_uuid) for entry_id, row_uuid, case_uuid in waiting if row_uuid in theirs]
    if not taken:
        return 0  # (not on the server: no overwrite of a signature there)
    uuids = sorted({row_uuid for _id, row_uuid, _case in taken})
    opened = 0
    with db.engine.begin() as local:
        mine = {r["uuid"]: r for r in team_push.local_rows(local, table, uuids)}
        for row_uuid in uuids:
            if repo.reopen(local, SIGNATURE, row_uuid):
                opened += 1
            elif row_uuid in mine:  # no entry (made otherwise): this laptop's content goes into a new one
                case_uuid = next(c for _id, u, c in taken if u == row_uuid)
                repo.add(local, [{
                    "table_name": "signatures", "row_uuid": row_uuid, "case_uuid": case_uuid, "field": SIGNATURE,
                    "local_value": {k: outbox.encode(v) for k, v in mine[row_uuid].items()},
                    "server_value": {k: outbox.encode(v) for k, v in theirs[row_uuid].items()
                                     if k not in ("image_png", "strokes")},
                    "local_by": state.identity, "local_at": mine[row_uuid].get("recorded_at"), "server_by": "Server",
                    "server_at": theirs[row_uuid].get("recorded_at"), "row_deleted": False, "resolved": False,
                    "resolution": ""}])
                opened += 1
        team_pull.write_rows(local, table, [], [theirs[u] for u in uuids])
        outbox.drop_entries(local, [entry_id for entry_id, _u, _c in taken])
    return opened
