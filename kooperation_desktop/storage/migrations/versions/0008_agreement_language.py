"""The language of an agreement's PDF ("de" or "en"); every existing agreement stays German.

Revision ID: 0008
Revises: 0006
Create Date: 2026-11-26 12:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("agreements") as batch:
        batch.add_column(sa.Column("language", sa.String(8), nullable=False, server_default="de"))


def downgrade() -> None:
    with op.batch_alter_table("agreements") as batch:
        batch.drop_column("language")
