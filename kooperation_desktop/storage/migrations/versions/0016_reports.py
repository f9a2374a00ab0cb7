"""Reports to the Jugendamt (Entwicklungsbericht): period, status, edited texts, sign-off, copy
list, frozen content and its SHA-256 once sent.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-01 14:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False, server_default="1"),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey(
            "cases.id", name="fk_reports_case_id_cases", ondelete="CASCADE"), nullable=False),
        sa.Column("agreement_id", sa.Integer(), sa.ForeignKey(
            "agreements.id", name="fk_reports_agreement_id_agreements", ondelete="SET NULL"), nullable=True),
        sa.Column("document_id", sa.String(64), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=True),
        sa.Column("period_end", sa.Date(), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("sections", sa.JSON(), nullable=False),
        sa.Column("goal_categories", sa.JSON(), nullable=False),
        sa.Column("checked_by", sa.Text(), nullable=False),
        sa.Column("checked_on", sa.Date(), nullable=True),
        sa.Column("checked_how", sa.String(16), nullable=False),
        sa.Column("sent_on", sa.Date(), nullable=True),
        sa.Column("sent_to", sa.Text(), nullable=False),
        sa.Column("copies", sa.JSON(), nullable=False),
        sa.Column("frozen_content", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_reports"),
    )
    op.create_index("ix_reports_case_id", "reports", ["case_id"])
    op.create_index("ix_reports_agreement_id", "reports", ["agreement_id"])


def downgrade() -> None:
    op.drop_index("ix_reports_agreement_id", table_name="reports")
    op.drop_index("ix_reports_case_id", table_name="reports")
    op.drop_table("reports")
