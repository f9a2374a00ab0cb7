"""The team view (Qt-free): cases and due items across the team, read from the agency's server as the
user's own login, so the server's row-level security decides what is visible (a lead: every case of
the team; a worker: the cases of their teams and those assigned to them) — and „Fall übernehmen“
(holiday cover): a lead assigns a case to a colleague (``cases.assigned_to``; the server's trigger lets
only a lead of the case's team do that).

The colleague's next sync pulls the whole case (:func:`.sync.pull` fetches every row of a case that
became visible since).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from ..followup import due as due_mod
from ..followup.model import DueItem, Review
from ..storage import followup as followup_repo
from ..storage import team_view as repo
from .connection import ServerError, translate_error
from .server import check_role_name

#: SQLSTATEs of the server's own German refusals (the lead-only trigger): shown as they are
_OWN_MESSAGES = ("42501", "23503")


@dataclass(frozen=True)
class TeamCase:
    uuid: str
    title: str
    file_number: str
    team: str  # "" when the case belongs to no team
    assigned_to: str  # the colleague covering it ("" none)
    due: tuple[DueItem, ...]  # open due items up to the horizon, oldest first


@dataclass(frozen=True)
class TeamOverview:
    login: str  # the server login looking
    lead_of: tuple[str, ...]  # names of the teams this login leads
    cases: tuple[TeamCase, ...]

    @property
    def is_lead(self) -> bool:
        return bool(self.lead_of)


@contextmanager
def _translated(engine: Engine) -> Iterator[None]:
    try:
        yield
    except DBAPIError as exc:
        orig = getattr(exc, "orig", None)
        if getattr(orig, "sqlstate", None) in _OWN_MESSAGES:
            primary = getattr(getattr(orig, "diag", None), "message_primary", None)
            if primary:
                raise ServerError(str(primary)) from None
        raise translate_error(exc, engine.url) from None


def _due(s: Session, case_id: int, today: dt.date, horizon_days: int) -> tuple[DueItem, ...]:
    case = followup_repo.case_head(s, case_id)
    data = due_mod.CaseFollowUp(
        case=case, agreement=followup_repo.current_agreement(s, case_id),
        reviews=[Review(case_id=case_id, held_on=held) for held in followup_repo.review_dates(s, case_id)],
        transition=followup_repo.latest_plan(s, case_id), done=followup_repo.done_keys(s, case_id))
    return tuple(due_mod.case_due_items(data, today, horizon_days))


def team_overview(engine: Engine, today: dt.date | None = None,
                  horizon_days: int = due_mod.DEFAULT_HORIZON_DAYS) -> TeamOverview:
    """Every case the login may see on the server, with its open due items (raises ServerError)."""
    from .schema_check import check_schema

    on = today or dt.date.today()
    with _translated(engine), Session(engine) as s:
        check_schema(s.connection())  # (another schema: the rows would not read)
        login = repo.current_login(s)
        lead_of = repo.teams_led_by(s, login)
        cases = tuple(TeamCase(uuid=c.uuid, title=c.title, file_number=c.file_number, team=c.team,
                               assigned_to=c.assigned_to, due=_due(s, c.id, on, horizon_days))
                      for c in repo.visible_cases(s))
    return TeamOverview(login=login, lead_of=lead_of, cases=cases)


def assign_case(engine: Engine, case_uuid: str, colleague: str) -> None:
    """„Fall übernehmen“: the colleague (a server login) covers the case from now on; ``""`` ends the
    cover. Only a lead of the case's team may (the server refuses others: ServerError)."""
    name = colleague.strip()
    if name:
        check_role_name(name)
    from .schema_check import check_schema

    with _translated(engine), engine.begin() as conn:
        check_schema(conn)
        if not repo.assign(conn, case_uuid, name or None):
            raise ServerError("Diesen Fall gibt es auf dem Server nicht, oder er ist für Sie nicht sichtbar.")
