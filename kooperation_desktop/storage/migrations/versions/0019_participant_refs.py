"""A reflection's participants refer to persons and partners by their global uuid: ``ref``
"person:<id>" / "partner:<id>" (a local id, naming another row, or none, on a colleague's laptop and on
the server) becomes "person:<uuid>" / "partner:<uuid>" in ``followup_reflections.participants``, and in
what still holds such a list on a laptop: the outbox's waiting changes of it (pushed later, they must
carry the new form) and the Konfliktliste's values.

Every laptop and the server run this migration themselves, and the JSON may have travelled already (a
reflection written on laptop A holds A's ids everywhere). So an old ref is resolved the same way in
every copy, through the uuids, which are the same everywhere: within the reflection's case, the row with
that id if its display name still equals the participant's name, else the one row of that kind whose
display name equals it. Otherwise (deleted, renamed, two of the same name) the entry stays with ref "".
The name is what counts in a reflection; the ref only helps choosing.

Core statements only: no outbox entries, no audit entries, ``row_version`` unchanged (a laptop's
migration is no change of its own to push). On the server the sync trigger stamps the rewritten rows
with a new ``change_seq``: the laptops pull them again, equal to their own rewrite.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-01 19:30:00
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NO_NAME = "(ohne Namen)"  # the participant's name of a row without one (as FollowUpService.participants)
REFLECTIONS = "followup_reflections"

_reflections = sa.table(REFLECTIONS, sa.column("id", sa.Integer()), sa.column("case_id", sa.Integer()),
                        sa.column("uuid", sa.String(36)), sa.column("participants", sa.JSON()))
_persons = sa.table("persons", sa.column("id", sa.Integer()), sa.column("case_id", sa.Integer()),
                    sa.column("uuid", sa.String(36)), sa.column("first_name", sa.Text()),
                    sa.column("last_name", sa.Text()))
_partners = sa.table("partners", sa.column("id", sa.Integer()), sa.column("case_id", sa.Integer()),
                     sa.column("uuid", sa.String(36)), sa.column("name", sa.Text()),
                     sa.column("organisation", sa.Text()))
_outbox = sa.table("sync_outbox", sa.column("id", sa.Integer()), sa.column("table_name", sa.String(64)),
                   sa.column("row_uuid", sa.String(36)), sa.column("fields", sa.JSON()))
_conflicts = sa.table("sync_conflicts", sa.column("id", sa.Integer()), sa.column("table_name", sa.String(64)),
                      sa.column("row_uuid", sa.String(36)), sa.column("field", sa.String(64)),
                      sa.column("local_value", sa.JSON()), sa.column("server_value", sa.JSON()))


class _Target(NamedTuple):
    """A person or partner a participant may name."""

    id: int
    case_id: int
    uuid: str | None
    name: str  # as the participant's name was made of it


def _person_name(first: str | None, last: str | None) -> str:
    return " ".join(p for p in ((first or "").strip(), (last or "").strip()) if p) or NO_NAME


def _partner_name(name: str | None, organisation: str | None) -> str:
    return (name or "").strip() or (organisation or "").strip() or NO_NAME


class _Index:
    """The persons and partners of the cases with a reflection, by id, by uuid and by (case, name)."""

    def __init__(self, bind: sa.Connection) -> None:
        with_reflection = sa.select(_reflections.c.case_id)
        rows: dict[str, list[_Target]] = {
            "person": [_Target(i, c, u, _person_name(f, la)) for i, c, u, f, la in bind.execute(
                sa.select(_persons.c.id, _persons.c.case_id, _persons.c.uuid, _persons.c.first_name,
                          _persons.c.last_name).where(_persons.c.case_id.in_(with_reflection)))],
            "partner": [_Target(i, c, u, _partner_name(n, o)) for i, c, u, n, o in bind.execute(
                sa.select(_partners.c.id, _partners.c.case_id, _partners.c.uuid, _partners.c.name,
                          _partners.c.organisation).where(_partners.c.case_id.in_(with_reflection)))],
        }
        self.by_id = {kind: {t.id: t for t in targets} for kind, targets in rows.items()}
        self.by_uuid = {kind: {t.uuid: t for t in targets if t.uuid} for kind, targets in rows.items()}
        self.by_name: dict[str, dict[tuple[int, str], list[_Target]]] = {kind: {} for kind in rows}
        for kind, targets in rows.items():
            for t in targets:
                self.by_name[kind].setdefault((t.case_id, t.name), []).append(t)


#: one participant entry rewritten: (entry, the reflection's case id, the index) -> new entry
_Convert = Callable[[dict[str, Any], int, _Index], dict[str, Any]]


def _to_uuid(entry: dict[str, Any], case_id: int, index: _Index) -> dict[str, Any]:
    kind, _sep, key = str(entry.get("ref") or "").partition(":")
    if kind not in index.by_id or not key.isdigit():  # "", or the uuid form already
        return entry
    name = entry.get("name", "")
    target = index.by_id[kind].get(int(key))
    if target is None or target.case_id != case_id or target.name != name:
        same_name = index.by_name[kind].get((case_id, name), [])
        target = same_name[0] if len(same_name) == 1 else None
    return {**entry, "ref": f"{kind}:{target.uuid}" if target is not None and target.uuid else ""}


def _to_id(entry: dict[str, Any], case_id: int, index: _Index) -> dict[str, Any]:
    kind, _sep, key = str(entry.get("ref") or "").partition(":")
    if kind not in index.by_uuid or not key or key.isdigit():
        return entry
    target = index.by_uuid[kind].get(key)
    return {**entry, "ref": f"{kind}:{target.id}" if target is not None and target.case_id == case_id else ""}


def _rewrite(participants: Any, case_id: int, index: _Index, convert: _Convert) -> Any:
    if not isinstance(participants, list):
        return participants
    return [convert(e, case_id, index) if isinstance(e, dict) else e for e in participants]


def _update(bind: sa.Connection, table: sa.TableClause, column: str, changed: list[dict[str, Any]]) -> None:
    if changed:
        bind.execute(sa.update(table).where(table.c.id == sa.bindparam("row_id"))
                     .values({column: sa.bindparam("new_value", type_=sa.JSON())}), changed)


def _rewrite_all(convert: _Convert) -> None:
    bind = op.get_bind()
    index = _Index(bind)
    case_of: dict[str, int] = {}  # reflection uuid -> its case
    changed: list[dict[str, Any]] = []
    for row_id, case_id, row_uuid, participants in bind.execute(sa.select(
            _reflections.c.id, _reflections.c.case_id, _reflections.c.uuid, _reflections.c.participants)):
        if row_uuid:
            case_of[row_uuid] = case_id
        new = _rewrite(participants, case_id, index, convert)
        if new != participants:
            changed.append({"row_id": row_id, "new_value": new})
    _update(bind, _reflections, "participants", changed)

    # a laptop's waiting changes of the list ({"participants": [old, new]}; an insert carries no values)
    changed = []
    for row_id, row_uuid, fields in bind.execute(sa.select(_outbox.c.id, _outbox.c.row_uuid, _outbox.c.fields)
                                                 .where(_outbox.c.table_name == REFLECTIONS)):
        pair = fields.get("participants") if isinstance(fields, dict) else None
        if row_uuid not in case_of or not isinstance(pair, list):
            continue
        new_pair = [_rewrite(value, case_of[row_uuid], index, convert) for value in pair]
        if new_pair != pair:
            changed.append({"row_id": row_id, "new_value": {**fields, "participants": new_pair}})
    _update(bind, _outbox, "fields", changed)

    # the Konfliktliste: choosing "mine" or "the server's" writes the value back into the row
    for column in ("local_value", "server_value"):
        changed = []
        for row_id, row_uuid, value in bind.execute(
                sa.select(_conflicts.c.id, _conflicts.c.row_uuid, _conflicts.c[column])
                .where(_conflicts.c.table_name == REFLECTIONS, _conflicts.c.field == "participants")):
            if row_uuid in case_of:
                new = _rewrite(value, case_of[row_uuid], index, convert)
                if new != value:
                    changed.append({"row_id": row_id, "new_value": new})
        _update(bind, _conflicts, column, changed)


def upgrade() -> None:
    _rewrite_all(_to_uuid)


def downgrade() -> None:
    _rewrite_all(_to_id)
