"""The agency's PostgreSQL: schema, group roles and row-level security (``server init``), teams and
users, and a status overview. See docs/team-mode.md.

Access is enforced by the database itself, not only by the program:

- every social worker logs in with an own LOGIN role, member of the group role ``kd_worker``; team
  leads are members of ``kd_lead`` too (which includes ``kd_worker``);
- ``team_members`` says which role belongs to which team (``is_lead`` for the team's lead);
- ``cases`` and every table holding case data have ROW LEVEL SECURITY enabled and forced: a role sees
  and changes only the cases of its teams and the cases assigned to it (``cases.assigned_to``, holiday
  cover); a child table reaches its case through its foreign key
  (``EXISTS (SELECT 1 FROM cases parent WHERE parent.id = persons.case_id)``, goals through
  ``agreements``, …), and that subquery is itself filtered by the parent's policy. The planner probes
  the parent's primary key per row when a statement reads one case (0.1 ms) and hashes the visible
  parents once when it reads many;
- deleting is narrower: only the rows of a case of the role's own teams (``cases.team_id``), the case
  row as every child row; the covering colleague edits a case but deletes nothing of it (a retention
  deletion by the cover would otherwise empty the owning team's case, children first);
- a trigger on ``cases`` lets only a lead of the case's team assign it (``assigned_to``) or give it to
  another team, and only to a member of ``kd_worker``;
- the audit log stays append-only (migration 0005's triggers) and readable only for visible cases.

Which tables hold case data is derived from the models' foreign keys (as for retention), so a table a
later migration adds is covered by the next ``server init``; a table that neither reaches ``cases``
nor is listed in :data:`NON_CASE_TABLES` stops ``init`` (a new table has to be classified).

``init_server`` must run as a superuser (or a role with CREATEROLE and BYPASSRLS): it owns the tables
and sees every row. The statements themselves (roles, grants, policies, teams, users, status) live in
:mod:`kooperation_desktop.storage.team_server`; this module decides what to run and says it in German.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, MetaData
from sqlalchemy.exc import DBAPIError

from ..storage import team_server as repo
from ..storage.db import upgrade_to_head
from ..storage.rows import Base
from ..storage.rows_team import ROLE_NAME_LENGTH
from ..storage.team_changes import grant_server_sync
from ..storage.team_server import GROUP_ROLES, WORKER_ROLE
from .connection import ServerAddress, ServerError, server_engine, translate_error
from .sync import SYNC_TABLES

# tables without case data: readable by every worker, written only by the administrator
NON_CASE_TABLES = frozenset({"teams", "team_members", "protection_settings"}) | SYNC_TABLES
ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")
MAX_TEAM_NAME = 200


class TeamError(ServerError):
    """A German message about teams or users (unknown team, invalid name …); exit code 1."""


# --- which rows a role may see -------------------------------------------------------------------


def case_data_policies(metadata: MetaData = Base.metadata) -> dict[str, str]:
    """Per table holding case data (``cases`` excluded): the SQL condition of the rows the current
    role may see and write, through the foreign key that leads towards ``cases``."""
    return repo.case_data_policies(NON_CASE_TABLES, metadata)


def case_data_delete_policies(metadata: MetaData = Base.metadata) -> dict[str, str]:
    """Per table of :func:`case_data_policies`: the rows the current role may delete, those of the
    cases of its own teams (the covering colleague deletes nothing of a case it covers)."""
    return repo.case_data_delete_policies(NON_CASE_TABLES, metadata)


def _check_administrator(administrator: repo.Administrator) -> None:
    if not administrator.may_set_up:
        raise TeamError(f"„{administrator.name}“ darf den Server nicht einrichten: dafür braucht es einen "
                        "Superuser (z. B. postgres) oder eine Rolle mit CREATEROLE und BYPASSRLS.")


def _check_not_newer(conn: Connection) -> None:
    """A schema set up by a newer version of the program: this one cannot upgrade (nor downgrade) it."""
    from ..storage.db import known_revisions

    if repo.has_table(conn, "alembic_version"):
        unknown = set(repo.schema_version(conn).split(", ")) - known_revisions() - {""}
        if unknown:
            raise TeamError(f"Der Server wurde mit einer neueren Version von Kooperation Desktop eingerichtet "
                            f"(Schema {', '.join(sorted(unknown))}); diese Version kann ihn nicht einrichten. "
                            "Bitte „server init“ mit der neueren Version ausführen.")


@contextmanager
def _administration(target: str | Engine | ServerAddress) -> Iterator[Engine]:
    """The engine for ``target`` (an engine is used as it is; an address gets its own, disposed after)."""
    if isinstance(target, Engine):
        yield target
        return
    engine = server_engine(target)
    try:
        yield engine
    finally:
        engine.dispose()


@contextmanager
def _translated(engine: Engine) -> Iterator[None]:
    try:
        yield
    except DBAPIError as exc:
        raise translate_error(exc, engine.url) from None


@dataclass(frozen=True)
class InitResult:
    schema_version: str
    policies: int  # tables under row-level security


def init_server(target: str | Engine | ServerAddress, *, ca: Path | None = None,
                allow_plain: bool = False) -> InitResult:
    """Create or upgrade the schema on the server, then the group roles, grants and row-level
    security policies. Idempotent: a second run changes nothing (and brings policies up to date)."""
    if isinstance(target, str):
        target = ServerAddress(target, ca=ca, allow_plain=allow_plain)
    with _administration(target) as engine, _translated(engine):
        with engine.connect() as conn:
            _check_administrator(repo.administrator(conn))
            _check_not_newer(conn)
        upgrade_to_head(engine)
        case_data = case_data_policies()
        with engine.begin() as conn:
            repo.lock_init(conn)
            repo.ensure_group_roles(conn)
            repo.grant_access(conn, case_data, NON_CASE_TABLES)
            grant_server_sync(conn, WORKER_ROLE)
            repo.install_policies(conn, case_data, case_data_delete_policies())
            version = repo.schema_version(conn)
        return InitResult(schema_version=version, policies=1 + len(case_data))


# --- teams and users -----------------------------------------------------------------------------


def _check_team_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise TeamError("Der Teamname ist leer.")
    if len(cleaned) > MAX_TEAM_NAME:
        raise TeamError(f"Der Teamname ist zu lang (höchstens {MAX_TEAM_NAME} Zeichen).")
    return cleaned


def check_role_name(name: str) -> str:
    """A PostgreSQL role name for a social worker: lower-case letters, digits and _, not starting with
    a digit, not ``pg_…`` and not one of the group roles (so it never needs quoting)."""
    if not ROLE_NAME.match(name) or len(name) > ROLE_NAME_LENGTH:
        raise TeamError(f"„{name}“ geht nicht als Benutzername: nur Kleinbuchstaben a–z, Ziffern und _, "
                        f"höchstens {ROLE_NAME_LENGTH} Zeichen, nicht mit einer Ziffer am Anfang (z. B. anna_berg).")
    if name.startswith("pg_") or name in GROUP_ROLES or name in ("public", "postgres"):
        raise TeamError(f"„{name}“ ist ein reservierter Name; bitte einen anderen Benutzernamen wählen.")
    return name


def _require_initialised(conn: Connection) -> None:
    if not repo.has_worker_role(conn):
        raise TeamError("Der Server ist noch nicht eingerichtet: zuerst „kooperation-desktop server init“.")


def add_team(target: str | Engine | ServerAddress, name: str, *, ca: Path | None = None,
             allow_plain: bool = False) -> tuple[int, bool]:
    """Create the team ``name`` unless it exists; ``(team id, created)``."""
    if isinstance(target, str):
        target = ServerAddress(target, ca=ca, allow_plain=allow_plain)
    cleaned = _check_team_name(name)
    with _administration(target) as engine, _translated(engine), engine.begin() as conn:
        _require_initialised(conn)
        new_id = repo.insert_team(conn, cleaned)
        if new_id is not None:
            return new_id, True
        existing = repo.team_id(conn, cleaned)
        assert existing is not None  # the insert found it
        return existing, False


@dataclass(frozen=True)
class AddUserResult:
    """What ``add_user`` changed (for the German summary of ``server add-user``)."""

    role_name: str
    team: str
    created: bool  # a new login role (False: an existing one)
    lead: bool  # now the team's lead
    joined: bool = True  # newly a member of ``team`` (False: was a member already)
    was_lead: bool = False  # led ``team`` before
    left: tuple[repo.Membership, ...] = ()  # teams left (``move``), with whether the user led them
    password_changed: bool = False
    covering: int = 0  # cases of the teams left that stay assigned to the user (holiday cover)

    @property
    def changed(self) -> bool:
        return (self.created or self.joined or self.lead != self.was_lead or bool(self.left)
                or self.password_changed)


def add_user(target: str | Engine | ServerAddress, role_name: str, password: str | None, team: str, *,
             lead: bool = False, move: bool = False, ca: Path | None = None,
             allow_plain: bool = False) -> AddUserResult:
    """Create the LOGIN role ``role_name`` (member of ``kd_worker``) unless it exists, and make it a
    member of ``team``: its lead exactly when ``lead`` (an existing lead given without ``lead`` is no
    longer the lead). ``move``: the user leaves every other team (and its lead). The group role
    ``kd_lead`` follows: a member exactly while the user leads a team. A given password replaces the
    old one; a new role needs one. Running it again changes nothing."""
    if isinstance(target, str):
        target = ServerAddress(target, ca=ca, allow_plain=allow_plain)
    role = check_role_name(role_name)
    team_name = _check_team_name(team)
    if password is not None and not password:
        raise TeamError("Das Passwort ist leer.")
    with _administration(target) as engine, _translated(engine), engine.begin() as conn:
        _require_initialised(conn)
        team_id = repo.team_id(conn, team_name)
        if team_id is None:
            raise TeamError(f"Das Team „{team_name}“ gibt es nicht (anlegen mit „server add-team“).")
        exists = repo.role_exists(conn, role)
        if exists and not repo.is_worker(conn, role):  # never take over (or re-key) another role of the server
            raise TeamError(f"Die Rolle „{role}“ gibt es auf dem Server schon, aber nicht als Fachkraft; "
                            "bitte einen anderen Benutzernamen wählen.")
        if not exists:
            if password is None:
                raise TeamError(f"Für den neuen Benutzer „{role}“ wird ein Passwort gebraucht.")
            repo.create_login(conn, role, password)
        elif password is not None:
            repo.set_password(conn, role, password)
        before = {m.team_id: m for m in repo.memberships(conn, role)}
        left = tuple(m for m in before.values() if move and m.team_id != team_id)
        for membership in left:
            repo.remove_membership(conn, role, membership.team_id)
        repo.set_membership(conn, role, team_id, lead)
        leads_any = lead or any(m.lead for m in before.values() if m.team_id != team_id and m not in left)
        repo.set_lead_role(conn, role, leads_any)
        covering = repo.assigned_cases(conn, role, [m.team_id for m in left]) if left else 0
        previous = before.get(team_id)
        return AddUserResult(role_name=role, team=team_name, created=not exists, lead=lead,
                             joined=previous is None, was_lead=previous is not None and previous.lead,
                             left=left, password_changed=exists and password is not None, covering=covering)


# --- status --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TeamStatus:
    name: str
    members: tuple[tuple[str, bool], ...]  # (role name, is lead), sorted
    cases: int


@dataclass(frozen=True)
class ServerStatus:
    schema_version: str
    current: bool  # the schema is at this program's newest migration
    initialised: bool  # group roles and policies exist
    teams: tuple[TeamStatus, ...]
    cases_without_team: int
    newer: bool = False  # the schema is at a revision this program does not know (a newer version set it up)


def status(target: str | Engine | ServerAddress, *, ca: Path | None = None,
           allow_plain: bool = False) -> ServerStatus:
    """Schema version, teams with their members and case counts (as the administrator sees them)."""
    from ..storage.db import head_revisions, known_revisions

    if isinstance(target, str):
        target = ServerAddress(target, ca=ca, allow_plain=allow_plain)
    with _administration(target) as engine, _translated(engine), engine.connect() as conn:
        if not repo.has_table(conn, "alembic_version"):
            return ServerStatus("", False, False, (), 0)
        version = repo.schema_version(conn)
        current = set(version.split(", ")) == set(head_revisions())
        newer = bool(set(version.split(", ")) - known_revisions() - {""})
        if not repo.has_table(conn, "team_members"):
            return ServerStatus(version, current, False, (), 0, newer)
        initialised = repo.is_initialised(conn)
        members = repo.members_by_team(conn)
        counts = repo.case_counts(conn)
        teams = tuple(TeamStatus(name, tuple(members.get(team_id, [])), counts.get(team_id, 0))
                      for team_id, name in repo.teams(conn))
        return ServerStatus(version, current, initialised, teams, counts.get(None, 0), newer)
