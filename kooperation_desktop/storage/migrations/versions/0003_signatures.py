"""Signatures of agreement versions (on screen or recorded on paper).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 10:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "signatures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("party_key", sa.String(length=64), nullable=False),
        sa.Column("signer_name", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("strokes", sa.Text(), nullable=False),
        sa.Column("pad_width", sa.Float(), nullable=False),
        sa.Column("pad_height", sa.Float(), nullable=False),
        sa.Column("image_png", sa.LargeBinary(), nullable=False),
        sa.Column("place", sa.Text(), nullable=False),
        sa.Column("signed_at", sa.DateTime(), nullable=True),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["agreement_id"], ["agreements.id"],
                                name=op.f("fk_signatures_agreement_id_agreements"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signatures")),
        sa.UniqueConstraint("agreement_id", "party_key", name=op.f("uq_signatures_agreement_id")),
    )
    with op.batch_alter_table("signatures") as batch:
        batch.create_index(batch.f("ix_signatures_agreement_id"), ["agreement_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("signatures") as batch:
        batch.drop_index(batch.f("ix_signatures_agreement_id"))
    op.drop_table("signatures")
