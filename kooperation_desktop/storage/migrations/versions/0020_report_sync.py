"""Team mode: the reports to the Jugendamt (Entwicklungsbericht) travel like every other row of a case.

``reports`` gets what migration 0015 gave the other travelling tables: a globally unique ``uuid``
(filled for existing rows) and the server's ``change_seq``, both indexed (``row_version`` it has since
0016). On PostgreSQL the server's sync triggers (change sequence, tombstones) on ``reports``; the
row-level security policy it has had since ``server init`` (through ``case_id``).

A laptop already in team mode (a ``sync_state`` row) queues its existing reports as new rows in the
outbox, as switching to team mode does with everything: the next sync uploads them (they never
travelled before, so no other copy has them). Core statements only: no audit entries, ``row_version``
unchanged. Downgrade: the waiting outbox entries of reports go (the table no longer travels).

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-01 19:50:00
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "reports"

_reports = sa.table(TABLE, sa.column("id", sa.Integer()), sa.column("case_id", sa.Integer()),
                    sa.column("uuid", sa.String(36)))
_cases = sa.table("cases", sa.column("id", sa.Integer()), sa.column("uuid", sa.String(36)))
_state = sa.table("sync_state", sa.column("id", sa.Integer()))
_outbox = sa.table("sync_outbox", sa.column("entry_uuid", sa.String(36)), sa.column("table_name", sa.String(64)),
                   sa.column("row_uuid", sa.String(36)), sa.column("case_uuid", sa.String(36)),
                   sa.column("op", sa.String(8)), sa.column("fields", sa.JSON()),
                   sa.column("base_version", sa.Integer()), sa.column("created_at", sa.DateTime()))


def _fill_uuids(bind: sa.Connection) -> None:
    ids = [row[0] for row in bind.execute(sa.select(_reports.c.id))]
    if ids:
        bind.execute(sa.update(_reports).where(_reports.c.id == sa.bindparam("row_id"))
                     .values(uuid=sa.bindparam("new_uuid")),
                     [{"row_id": i, "new_uuid": str(uuid.uuid4())} for i in ids])


def _queue_existing(bind: sa.Connection) -> None:
    """In team mode (a laptop): every report as a new row in the outbox."""
    if bind.execute(sa.select(sa.func.count()).select_from(_state)).scalar_one() == 0:
        return
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)  # (stored naive UTC, as the outbox's column type does)
    rows = bind.execute(sa.select(_reports.c.uuid, _cases.c.uuid)
                        .select_from(_reports.join(_cases, _cases.c.id == _reports.c.case_id))
                        .order_by(_reports.c.id)).all()
    if rows:
        bind.execute(sa.insert(_outbox), [
            {"entry_uuid": str(uuid.uuid4()), "table_name": TABLE, "row_uuid": row_uuid, "case_uuid": case_uuid,
             "op": "insert", "fields": {}, "base_version": None, "created_at": now} for row_uuid, case_uuid in rows])


def upgrade() -> None:
    bind = op.get_bind()
    with op.batch_alter_table(TABLE) as batch:
        batch.add_column(sa.Column("uuid", sa.String(length=36), nullable=True))
        batch.add_column(sa.Column("change_seq", sa.BigInteger(), nullable=True))
    if bind.dialect.name == "postgresql":
        from kooperation_desktop.storage.team_changes import install_server_sync

        # before the uuids are filled: the trigger stamps the existing rows with a change number
        install_server_sync(bind, (TABLE,))
    _fill_uuids(bind)
    with op.batch_alter_table(TABLE) as batch:
        batch.create_index(f"ix_{TABLE}_uuid", ["uuid"], unique=True)
        batch.create_index(f"ix_{TABLE}_change_seq", ["change_seq"], unique=False)
    _queue_existing(bind)


def downgrade() -> None:
    bind = op.get_bind()
    bind.execute(sa.delete(_outbox).where(_outbox.c.table_name == TABLE))
    if bind.dialect.name == "postgresql":
        from kooperation_desktop.storage.team_changes import uninstall_server_sync

        uninstall_server_sync(bind, (TABLE,), functions=False)
    with op.batch_alter_table(TABLE) as batch:
        batch.drop_index(f"ix_{TABLE}_change_seq")
        batch.drop_index(f"ix_{TABLE}_uuid")
        batch.drop_column("change_seq")
        batch.drop_column("uuid")
