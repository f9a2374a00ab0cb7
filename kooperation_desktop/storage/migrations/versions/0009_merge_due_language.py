"""Join the due index (0007) and the agreement language (0008) into one head.

Revision ID: 0009
Revises: 0007, 0008
Create Date: 2026-11-26 13:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

revision: str = "0009"
down_revision: tuple[str, ...] = ("0007", "0008")
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
