"""The family's copy in their language: the agreement's fixed texts the family reads are printed in
German and in this language ("tr", "ru", "ar", "uk", "pl", "fa", "en"); NULL (every existing
agreement): German only.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-01 14:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("agreements") as batch:
        batch.add_column(sa.Column("family_language", sa.String(8), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("agreements") as batch:
        batch.drop_column("family_language")
