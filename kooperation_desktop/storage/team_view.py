"""The team view's and the status line's repository (team mode, see
:mod:`kooperation_desktop.team.teamview` and :mod:`kooperation_desktop.team.status`): the cases a
server login may see (the server's row-level security decides which), the teams it leads,
„Fall übernehmen“ (``cases.assigned_to``), and the laptop's count of rows waiting in the outbox.

The functions take the caller's session or connection (one use case, one transaction).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, func, select, update
from sqlalchemy.orm import Session

from .rows import CaseRow
from .rows_sync import OutboxRow
from .rows_team import TeamMemberRow, TeamRow


@dataclass(frozen=True)
class VisibleCase:
    id: int
    uuid: str
    title: str
    file_number: str  # "" none
    team: str  # "" when the case belongs to no team
    assigned_to: str  # the colleague covering it ("" none)


def current_login(s: Session) -> str:
    """The server login of this session (``current_user``)."""
    return str(s.scalar(select(func.current_user())))


def teams_led_by(s: Session, login: str) -> tuple[str, ...]:
    """Names of the teams ``login`` leads, by name (as far as the session may see memberships)."""
    return tuple(s.scalars(select(TeamRow.name).join(TeamMemberRow, TeamMemberRow.team_id == TeamRow.id)
                           .where(TeamMemberRow.role_name == login, TeamMemberRow.is_lead.is_(True))
                           .order_by(TeamRow.name)))


def visible_cases(s: Session) -> list[VisibleCase]:
    """Every case the session may see, by title (own fields and the team's name)."""
    teams: dict[int, str] = {i: n for i, n in s.execute(select(TeamRow.id, TeamRow.name))}
    rows = s.execute(select(CaseRow.id, CaseRow.uuid, CaseRow.title, CaseRow.file_number, CaseRow.team_id,
                            CaseRow.assigned_to).order_by(CaseRow.title, CaseRow.id)).all()
    return [VisibleCase(id=r.id, uuid=str(r.uuid), title=r.title, file_number=r.file_number or "",
                        team=teams.get(r.team_id, "") if r.team_id is not None else "",
                        assigned_to=r.assigned_to or "") for r in rows]


def assign(conn: Connection, case_uuid: str, colleague: str | None) -> bool:
    """Set the case's ``assigned_to`` (None: no cover); False when the case is not there (or not visible)."""
    changed = conn.execute(update(CaseRow).where(CaseRow.uuid == case_uuid).values(assigned_to=colleague)).rowcount
    return bool(changed)


def waiting_rows(connection: Connection) -> int:
    """How many rows have changes waiting in the outbox (a save writes several entries per row)."""
    rows = select(OutboxRow.table_name, OutboxRow.row_uuid).distinct().subquery()
    return int(connection.execute(select(func.count()).select_from(rows)).scalar_one())
