"""Team mode: teams, their members (PostgreSQL login roles) and, per case, its team and the colleague
covering it. On the laptop's SQLite the tables stay empty and the columns NULL; on the agency's
PostgreSQL ``server init`` adds the roles and row-level security policies that use them
(:mod:`kooperation_desktop.team.server`).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01 14:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "teams",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_teams")),
        sa.UniqueConstraint("name", name=op.f("uq_teams_name")),
    )
    op.create_table(
        "team_members",
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("role_name", sa.String(length=63), nullable=False),
        sa.Column("is_lead", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.ForeignKeyConstraint(["team_id"], ["teams.id"], name=op.f("fk_team_members_team_id_teams"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("team_id", "role_name", name=op.f("pk_team_members")),
    )
    op.create_index(op.f("ix_team_members_role_name"), "team_members", ["role_name"], unique=False)
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("team_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("assigned_to", sa.String(length=63), nullable=True))
        batch.create_index(batch.f("ix_cases_team_id"), ["team_id"], unique=False)
        batch.create_index(batch.f("ix_cases_assigned_to"), ["assigned_to"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.drop_index(batch.f("ix_cases_assigned_to"))
        batch.drop_index(batch.f("ix_cases_team_id"))
        batch.drop_column("assigned_to")
        batch.drop_column("team_id")
    op.drop_index(op.f("ix_team_members_role_name"), table_name="team_members")
    op.drop_table("team_members")
    op.drop_table("teams")
