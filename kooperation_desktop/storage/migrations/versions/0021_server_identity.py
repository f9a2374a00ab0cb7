"""The laptop remembers which server it synchronises with: ``sync_state.server_id`` (the server's
identity at the first sync; another server, or one re-initialised or restored, is noticed and not
mistaken for the old one, see :mod:`kooperation_desktop.team.reconnect`). NULL: not known yet (a folder
synchronised before this version learns it at its next sync).

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-01 20:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("sync_state") as batch:
        batch.add_column(sa.Column("server_id", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_state") as batch:
        batch.drop_column("server_id")
