"""The Konfliktliste names each entry's row („Person „Lotta Weg“: Geburtsdatum“): the row's name as it
read when the entry was recorded (the row may be deleted later). Entries recorded before keep "" (the
list names them by the row still here, else by the table). The table exists on the server too (0015),
where it stays empty: the column is added alike.

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-01 23:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("sync_conflicts") as batch:
        batch.add_column(sa.Column("row_name", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("sync_conflicts") as batch:
        batch.drop_column("row_name")
