"""Due index: the next open date of every due source of an open case, for the start screen.

Derived data: the tables start empty and ``FollowUpService`` fills them for every open case that
has no ``followup_due_state`` row (once after this migration, then only for changed cases).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26 12:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "followup_due_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey(
            "cases.id", name="fk_followup_due_entries_case_id_cases", ondelete="CASCADE"), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("key", sa.String(80), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_followup_due_entries"),
    )
    op.create_index("ix_followup_due_entries_case_id", "followup_due_entries", ["case_id"])
    op.create_index("ix_followup_due_entries_due_on", "followup_due_entries", ["due_on"])
    op.create_table(
        "followup_due_state",
        sa.Column("case_id", sa.Integer(), sa.ForeignKey(
            "cases.id", name="fk_followup_due_state_case_id_cases", ondelete="CASCADE"), nullable=False),
        sa.Column("computed_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("case_id", name="pk_followup_due_state"),
    )


def downgrade() -> None:
    op.drop_table("followup_due_state")
    op.drop_index("ix_followup_due_entries_due_on", table_name="followup_due_entries")
    op.drop_index("ix_followup_due_entries_case_id", table_name="followup_due_entries")
    op.drop_table("followup_due_entries")
