"""A version counter on every row edited in place (SQLAlchemy ``version_id_col``): a stale copy can
no longer overwrite a newer change. Existing rows start at 1.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("cases", "persons", "partners", "consents", "agreements", "goals", "indicators", "roles", "tasks",
          "communication_rules", "followup_reviews", "followup_reflections", "followup_transition_plans")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("row_version", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("row_version")
