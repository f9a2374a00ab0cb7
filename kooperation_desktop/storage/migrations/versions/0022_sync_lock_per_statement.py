"""The server's writers' lock (the shared advisory lock the puller's bound waits for) once per statement
instead of once per row: a statement-level trigger ``sync_lock`` on every travelling table takes it
before the row triggers stamp their change numbers; the row triggers only stamp (a push of 1,000 rows:
1,000 lock calls less). Re-installs :func:`kooperation_desktop.storage.team_changes.install_server_sync`
on the tables that carry the change triggers. Nothing changes on SQLite (the laptops).

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-01 22:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        from kooperation_desktop.storage.team_changes import install_server_sync, synced_tables

        install_server_sync(bind, synced_tables(bind))


def downgrade() -> None:
    # the triggers of 0022 stay: they take the same lock before the same numbers (the functions of the
    # revisions before are the same but for where the lock is taken), and 0015/0020 remove them
    pass
