"""Rows of team mode (the agency's PostgreSQL, see :mod:`kooperation_desktop.team`): the teams and
who belongs to them. On the laptop's SQLite these tables stay empty.

``team_members.role_name`` is the member's PostgreSQL login role: the server's row-level security
policies compare it with ``current_user`` (see :mod:`kooperation_desktop.team.server`).
"""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Integer, String, false
from sqlalchemy.orm import Mapped, mapped_column

from .rows_base import Base

# PostgreSQL's limit for a role name (NAMEDATALEN - 1)
ROLE_NAME_LENGTH = 63


class TeamRow(Base):
    __tablename__ = "teams"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class TeamMemberRow(Base):
    __tablename__ = "team_members"

    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"), primary_key=True)
    role_name: Mapped[str] = mapped_column(String(ROLE_NAME_LENGTH), primary_key=True, index=True)
    is_lead: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
