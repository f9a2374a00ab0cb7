"""Team-mode synchronisation: a globally unique ``uuid`` (filled for existing rows) and the server's
``change_seq`` on every travelling row; the outbox, the sync state and the Konfliktliste of a laptop;
the tombstones and pushed-entry memory of the server. On PostgreSQL also the change sequence, its
triggers and the tombstone triggers (:func:`kooperation_desktop.storage.team_changes.install_server_sync`).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-01 14:30:00
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TRAVELLING = ("cases", "persons", "partners", "consents", "agreements", "goals", "indicators", "roles", "tasks",
              "communication_rules", "followup_reviews", "followup_review_ratings", "followup_reflections",
              "followup_reflection_ratings", "followup_transition_plans", "followup_done", "signatures")


def _fill_uuids(table: str) -> None:
    bind = op.get_bind()
    t = sa.table(table, sa.column("id", sa.Integer()), sa.column("uuid", sa.String(36)))
    ids = [row[0] for row in bind.execute(sa.select(t.c.id))]
    if ids:
        bind.execute(sa.update(t).where(t.c.id == sa.bindparam("row_id")).values(uuid=sa.bindparam("new_uuid")),
                     [{"row_id": i, "new_uuid": str(uuid.uuid4())} for i in ids])


def upgrade() -> None:
    for table in TRAVELLING:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("uuid", sa.String(length=36), nullable=True))
            batch.add_column(sa.Column("change_seq", sa.BigInteger(), nullable=True))
        _fill_uuids(table)
        with op.batch_alter_table(table) as batch:
            batch.create_index(f"ix_{table}_uuid", ["uuid"], unique=True)
            batch.create_index(f"ix_{table}_change_seq", ["change_seq"], unique=False)
    op.create_table(
        "sync_outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_uuid", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("row_uuid", sa.String(length=36), nullable=False),
        sa.Column("case_uuid", sa.String(length=36), nullable=True),
        sa.Column("op", sa.String(length=8), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_outbox")),
    )
    with op.batch_alter_table("sync_outbox") as batch:
        batch.create_index("ix_sync_outbox_row_uuid", ["row_uuid"], unique=False)
    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("server_url", sa.Text(), nullable=False),
        sa.Column("identity", sa.Text(), nullable=False),
        sa.Column("client_id", sa.String(length=36), nullable=False),
        sa.Column("ca_file", sa.Text(), nullable=False),
        sa.Column("plain", sa.Boolean(), nullable=False),
        sa.Column("last_seq", sa.BigInteger(), nullable=False),
        sa.Column("last_sync_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_state")),
    )
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("row_uuid", sa.String(length=36), nullable=False),
        sa.Column("case_uuid", sa.String(length=36), nullable=True),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("local_value", sa.JSON(), nullable=True),
        sa.Column("server_value", sa.JSON(), nullable=True),
        sa.Column("local_by", sa.Text(), nullable=False),
        sa.Column("local_at", sa.DateTime(), nullable=True),
        sa.Column("server_by", sa.Text(), nullable=False),
        sa.Column("server_at", sa.DateTime(), nullable=True),
        sa.Column("row_deleted", sa.Boolean(), nullable=False),
        sa.Column("resolved", sa.Boolean(), nullable=False),
        sa.Column("resolution", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
    )
    with op.batch_alter_table("sync_conflicts") as batch:
        batch.create_index("ix_sync_conflicts_row_uuid", ["row_uuid"], unique=False)
    op.create_table(
        "sync_tombstones",
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("row_uuid", sa.String(length=36), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_sync_tombstones")),
    )
    op.create_table(
        "sync_pushed",
        sa.Column("entry_uuid", sa.String(length=36), nullable=False),
        sa.Column("client_id", sa.String(length=36), nullable=False),
        sa.Column("row_uuid", sa.String(length=36), nullable=False),
        sa.Column("case_uuid", sa.String(length=36), nullable=True),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("who", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=True),
        sa.Column("result", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("entry_uuid", name=op.f("pk_sync_pushed")),
    )
    with op.batch_alter_table("sync_pushed") as batch:
        batch.create_index("ix_sync_pushed_row_uuid", ["row_uuid"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        from kooperation_desktop.storage.team_changes import install_server_sync

        install_server_sync(op.get_bind(), TRAVELLING)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        from kooperation_desktop.storage.team_changes import uninstall_server_sync

        uninstall_server_sync(op.get_bind(), TRAVELLING)
    for name in ("sync_pushed", "sync_tombstones", "sync_conflicts", "sync_state", "sync_outbox"):
        op.drop_table(name)
    for table in TRAVELLING:
        with op.batch_alter_table(table) as batch:
            batch.drop_index(f"ix_{table}_change_seq")
            batch.drop_index(f"ix_{table}_uuid")
            batch.drop_column("change_seq")
            batch.drop_column("uuid")
