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
- a trigger on ``cases`` lets only a lead of the case's team assign it (``assigned_to``) or give it to
  another team, and only to a member of ``kd_worker``;
- the audit log stays append-only (migration 0005's triggers) and readable only for visible cases.

Which tables hold case data is derived from the models' foreign keys (as for retention), so a table a
later migration adds is covered by the next ``server init``; a table that neither reaches ``cases``
nor is listed in :data:`NON_CASE_TABLES` stops ``init`` (a new table has to be classified).

``init_server`` must run as a superuser (or a role with CREATEROLE and BYPASSRLS): it owns the tables
and sees every row.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, MetaData, text
from sqlalchemy.exc import DBAPIError

from ..storage.db import upgrade_to_head
from ..storage.retention import case_tables
from ..storage.rows import Base
from ..storage.rows_team import ROLE_NAME_LENGTH
from .connection import ServerAddress, ServerError, server_engine, translate_error
from .sync import SYNC_TABLES, grant_server_sync

WORKER_ROLE = "kd_worker"
LEAD_ROLE = "kd_lead"
GROUP_ROLES = (WORKER_ROLE, LEAD_ROLE)
# tables without case data: readable by every worker, written only by the administrator
NON_CASE_TABLES = frozenset({"teams", "team_members", "protection_settings"}) | SYNC_TABLES
# tables a worker may only read and add to (their append-only triggers refuse the rest)
APPEND_ONLY_TABLES = frozenset({"audit_log"})
MY_TEAMS = "(SELECT tm.team_id FROM team_members tm WHERE tm.role_name = current_user::text)"
CASE_VISIBLE = f"(team_id IN {MY_TEAMS} OR assigned_to = current_user::text)"
ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")
MAX_TEAM_NAME = 200


class TeamError(ServerError):
    """A German message about teams or users (unknown team, invalid name …); exit code 1."""


# --- which rows a role may see -------------------------------------------------------------------


def case_data_policies(metadata: MetaData = Base.metadata) -> dict[str, str]:
    """Per table holding case data (``cases`` excluded): the SQL condition of the rows the current
    role may see and write, through the foreign key that leads towards ``cases``."""
    policies: dict[str, str] = {}
    for table, links in case_tables(metadata):
        direct = [column for column, parent in links if parent.name == "cases"]
        required = sorted((column, parent.name) for column, parent in links
                          if not table.c[column].nullable and parent.name != "cases")
        if direct:
            column, parent_name = sorted(direct)[0], "cases"
        elif required:
            column, parent_name = required[0]
        else:
            column, parent_name = sorted((c, p.name) for c, p in links)[0]
        parent_key = next(iter(metadata.tables[parent_name].primary_key.columns)).name
        policies[table.name] = (f"EXISTS (SELECT 1 FROM {parent_name} parent "
                                f"WHERE parent.{parent_key} = {table.name}.{column})")
    for table in metadata.sorted_tables:
        if table.name in policies or table.name == "cases" or table.name in NON_CASE_TABLES:
            continue
        if "case_id" in table.c:  # e.g. the audit log: no foreign key (it outlives the case), NULL = no case
            policies[table.name] = (f"{table.name}.case_id IS NULL OR EXISTS (SELECT 1 FROM cases parent "
                                    f"WHERE parent.id = {table.name}.case_id)")
            continue
        raise RuntimeError(f"table {table.name} reaches no case and is not in NON_CASE_TABLES: classify it")
    return policies


def _policy_statements(table: str, condition: str) -> list[str]:
    return [f"DROP POLICY IF EXISTS kd_rows ON {table}",
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY",
            f"CREATE POLICY kd_rows ON {table} TO {WORKER_ROLE} USING ({condition}) WITH CHECK ({condition})"]


_CASES_POLICIES = [
    "ALTER TABLE cases ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE cases FORCE ROW LEVEL SECURITY",
    "DROP POLICY IF EXISTS kd_rows ON cases",
    "DROP POLICY IF EXISTS kd_read ON cases",
    "DROP POLICY IF EXISTS kd_insert ON cases",
    "DROP POLICY IF EXISTS kd_update ON cases",
    "DROP POLICY IF EXISTS kd_delete ON cases",
    f"CREATE POLICY kd_read ON cases FOR SELECT TO {WORKER_ROLE} USING {CASE_VISIBLE}",
    f"CREATE POLICY kd_insert ON cases FOR INSERT TO {WORKER_ROLE} WITH CHECK (team_id IN {MY_TEAMS})",
    f"CREATE POLICY kd_update ON cases FOR UPDATE TO {WORKER_ROLE} USING {CASE_VISIBLE} WITH CHECK {CASE_VISIBLE}",
    # the covering colleague works on the case but does not delete it
    f"CREATE POLICY kd_delete ON cases FOR DELETE TO {WORKER_ROLE} USING (team_id IN {MY_TEAMS})",
    # team_members: each role sees its own memberships (the policies above read them)
    "ALTER TABLE team_members ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE team_members FORCE ROW LEVEL SECURITY",
    "DROP POLICY IF EXISTS kd_own ON team_members",
    f"CREATE POLICY kd_own ON team_members FOR SELECT TO {WORKER_ROLE} USING (role_name = current_user::text)",
]

# Only a lead of the case's team assigns it (holiday cover) or gives it to another team; only to a
# member of kd_worker. The administrator (superuser / BYPASSRLS) may do anything.
_CASES_GUARD = f"""
CREATE OR REPLACE FUNCTION kd_cases_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    privileged boolean;
    team integer;
BEGIN
    SELECT rolsuper OR rolbypassrls INTO privileged FROM pg_roles WHERE rolname = current_user;
    IF coalesce(privileged, false) THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.assigned_to IS NULL THEN
            RETURN NEW;
        END IF;
        team := NEW.team_id;
    ELSE
        IF NEW.assigned_to IS NOT DISTINCT FROM OLD.assigned_to AND NEW.team_id IS NOT DISTINCT FROM OLD.team_id THEN
            RETURN NEW;
        END IF;
        team := OLD.team_id;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM team_members tm WHERE tm.team_id = team
                   AND tm.role_name = current_user::text AND tm.is_lead) THEN
        RAISE EXCEPTION 'Nur die Teamleitung kann einen Fall zuweisen oder einem anderen Team geben.'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.assigned_to IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM pg_roles r WHERE r.rolname = NEW.assigned_to
            AND pg_has_role(r.oid, '{WORKER_ROLE}', 'MEMBER')) THEN
        RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', MESSAGE =
            'Zuweisen nur an Kolleginnen und Kollegen mit Zugang zum Server (' || NEW.assigned_to || ').';
    END IF;
    RETURN NEW;
END $$
"""


def _ensure_group_roles(conn: Connection) -> None:
    for role in GROUP_ROLES:
        if conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}) is None:
            conn.exec_driver_sql(f"CREATE ROLE {role} NOLOGIN")
    if conn.scalar(text("SELECT pg_has_role(:lead, :worker, 'MEMBER')"),
                   {"lead": LEAD_ROLE, "worker": WORKER_ROLE}) is not True:
        conn.exec_driver_sql(f"GRANT {WORKER_ROLE} TO {LEAD_ROLE}")


def _grants(conn: Connection, case_data: dict[str, str]) -> None:
    database = conn.scalar(text("SELECT current_database()"))
    schema = conn.scalar(text("SELECT current_schema()"))
    quoted_db = '"' + str(database).replace('"', '""') + '"'
    conn.exec_driver_sql(f"REVOKE ALL ON DATABASE {quoted_db} FROM PUBLIC")
    conn.exec_driver_sql(f"GRANT CONNECT ON DATABASE {quoted_db} TO {WORKER_ROLE}")
    # the policies' sub-plans look expensive to the planner: JIT compilation would cost more than a
    # whole statement of this application (200 ms for a 40 ms read of 20,000 rows)
    conn.exec_driver_sql(f"ALTER DATABASE {quoted_db} SET jit = off")
    conn.exec_driver_sql(f'GRANT USAGE ON SCHEMA "{schema}" TO {WORKER_ROLE}')
    for table in ["cases", *case_data]:
        if table in APPEND_ONLY_TABLES:
            conn.exec_driver_sql(f"REVOKE UPDATE, DELETE, TRUNCATE ON {table} FROM {WORKER_ROLE}")
            conn.exec_driver_sql(f"GRANT SELECT, INSERT ON {table} TO {WORKER_ROLE}")
        else:
            conn.exec_driver_sql(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {WORKER_ROLE}")
    for table in [*sorted(NON_CASE_TABLES), "alembic_version"]:
        conn.exec_driver_sql(f"GRANT SELECT ON {table} TO {WORKER_ROLE}")
    conn.exec_driver_sql(f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "{schema}" TO {WORKER_ROLE}')


def _check_administrator(conn: Connection) -> None:
    row = conn.execute(text("SELECT rolsuper, rolcreaterole, rolbypassrls FROM pg_roles "
                            "WHERE rolname = current_user")).one()
    if not (row.rolsuper or (row.rolcreaterole and row.rolbypassrls)):
        user = conn.scalar(text("SELECT current_user"))
        raise TeamError(f"„{user}“ darf den Server nicht einrichten: dafür braucht es einen Superuser "
                        "(z. B. postgres) oder eine Rolle mit CREATEROLE und BYPASSRLS.")


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
            _check_administrator(conn)
        upgrade_to_head(engine)
        case_data = case_data_policies()
        with engine.begin() as conn:
            # one init at a time (two administrators at once would race on CREATE ROLE)
            conn.execute(text("SELECT pg_advisory_xact_lock(hashtext('kooperation-desktop server init'))"))
            _ensure_group_roles(conn)
            _grants(conn, case_data)
            grant_server_sync(conn, WORKER_ROLE)
            for statement in _CASES_POLICIES:
                conn.exec_driver_sql(statement)
            for table, condition in case_data.items():
                for statement in _policy_statements(table, condition):
                    conn.exec_driver_sql(statement)
            conn.exec_driver_sql(_CASES_GUARD)
            conn.exec_driver_sql("DROP TRIGGER IF EXISTS kd_cases_guard ON cases")
            conn.exec_driver_sql("CREATE TRIGGER kd_cases_guard BEFORE INSERT OR UPDATE ON cases "
                                 "FOR EACH ROW EXECUTE FUNCTION kd_cases_guard()")
            version = _schema_version(conn)
        return InitResult(schema_version=version, policies=1 + len(case_data))


def _schema_version(conn: Connection) -> str:
    try:
        versions = sorted(str(v) for v in conn.scalars(text("SELECT version_num FROM alembic_version")))
    except DBAPIError:
        return ""
    return ", ".join(versions)


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
    if conn.scalar(text("SELECT to_regclass('team_members') IS NOT NULL "
                        "AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :r)"), {"r": WORKER_ROLE}) is not True:
        raise TeamError("Der Server ist noch nicht eingerichtet: zuerst „kooperation-desktop server init“.")


def add_team(target: str | Engine | ServerAddress, name: str, *, ca: Path | None = None,
             allow_plain: bool = False) -> tuple[int, bool]:
    """Create the team ``name`` unless it exists; ``(team id, created)``."""
    if isinstance(target, str):
        target = ServerAddress(target, ca=ca, allow_plain=allow_plain)
    cleaned = _check_team_name(name)
    with _administration(target) as engine, _translated(engine), engine.begin() as conn:
        _require_initialised(conn)
        new_id = conn.scalar(text("INSERT INTO teams (name) VALUES (:n) ON CONFLICT (name) DO NOTHING "
                                  "RETURNING id"), {"n": cleaned})
        if new_id is not None:
            return int(new_id), True
        return int(conn.scalar(text("SELECT id FROM teams WHERE name = :n"), {"n": cleaned})), False


def _scram_verifier(conn: Connection, role: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier of ``password``, computed here by libpq: the password itself never
    reaches the server (nor its statement log)."""
    raw = conn.connection.driver_connection
    verifier: bytes = raw.pgconn.encrypt_password(  # type: ignore[union-attr]  # psycopg connection
        password.encode("utf-8"), role.encode("utf-8"), b"scram-sha-256")
    return verifier.decode("ascii")


def _is_worker(conn: Connection, role: str) -> bool:
    """``role`` is a plain member of kd_worker (not a superuser: pg_has_role is true for those)."""
    return bool(conn.scalar(text(
        "SELECT NOT u.rolsuper AND EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
        "WHERE m.member = u.oid AND g.rolname = :worker) FROM pg_roles u WHERE u.rolname = :r"),
        {"r": role, "worker": WORKER_ROLE}))


@dataclass(frozen=True)
class AddUserResult:
    role_name: str
    team: str
    created: bool  # a new login role (False: an existing one joined the team)
    lead: bool


def add_user(target: str | Engine | ServerAddress, role_name: str, password: str | None, team: str, *,
             lead: bool = False, ca: Path | None = None, allow_plain: bool = False) -> AddUserResult:
    """Create the LOGIN role ``role_name`` (member of ``kd_worker``, and ``kd_lead`` with ``lead``) and
    its membership of ``team``. An existing role joins the team (a given password replaces the old one);
    running it again changes nothing. A new role needs a password."""
    if isinstance(target, str):
        target = ServerAddress(target, ca=ca, allow_plain=allow_plain)
    role = check_role_name(role_name)
    team_name = _check_team_name(team)
    if password is not None and not password:
        raise TeamError("Das Passwort ist leer.")
    with _administration(target) as engine, _translated(engine), engine.begin() as conn:
        _require_initialised(conn)
        team_id = conn.scalar(text("SELECT id FROM teams WHERE name = :n"), {"n": team_name})
        if team_id is None:
            raise TeamError(f"Das Team „{team_name}“ gibt es nicht (anlegen mit „server add-team“).")
        exists = conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}) is not None
        if exists and not _is_worker(conn, role):  # never take over (or re-key) another role of the server
            raise TeamError(f"Die Rolle „{role}“ gibt es auf dem Server schon, aber nicht als Fachkraft; "
                            "bitte einen anderen Benutzernamen wählen.")
        if not exists:
            if password is None:
                raise TeamError(f"Für den neuen Benutzer „{role}“ wird ein Passwort gebraucht.")
            verifier = _scram_verifier(conn, role, password).replace("'", "''")
            conn.exec_driver_sql(f"CREATE ROLE {role} LOGIN PASSWORD '{verifier}'")
        elif password is not None:
            verifier = _scram_verifier(conn, role, password).replace("'", "''")
            conn.exec_driver_sql(f"ALTER ROLE {role} LOGIN PASSWORD '{verifier}'")
        conn.exec_driver_sql(f"GRANT {WORKER_ROLE} TO {role}")
        if lead:
            conn.exec_driver_sql(f"GRANT {LEAD_ROLE} TO {role}")
        conn.execute(text("INSERT INTO team_members (team_id, role_name, is_lead) VALUES (:t, :r, :l) "
                          "ON CONFLICT (team_id, role_name) DO UPDATE SET is_lead = team_members.is_lead OR :l"),
                     {"t": team_id, "r": role, "l": lead})
        return AddUserResult(role_name=role, team=team_name, created=not exists, lead=lead)


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


def status(target: str | Engine | ServerAddress, *, ca: Path | None = None,
           allow_plain: bool = False) -> ServerStatus:
    """Schema version, teams with their members and case counts (as the administrator sees them)."""
    from ..storage.db import head_revisions

    if isinstance(target, str):
        target = ServerAddress(target, ca=ca, allow_plain=allow_plain)
    with _administration(target) as engine, _translated(engine), engine.connect() as conn:
        if conn.scalar(text("SELECT to_regclass('alembic_version') IS NOT NULL")) is not True:
            return ServerStatus("", False, False, (), 0)
        version = _schema_version(conn)
        current = set(version.split(", ")) == set(head_revisions())
        if conn.scalar(text("SELECT to_regclass('team_members') IS NOT NULL")) is not True:
            return ServerStatus(version, current, False, (), 0)
        initialised = bool(conn.scalar(text(
            "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :r) "
            "AND EXISTS (SELECT 1 FROM pg_policies WHERE tablename = 'cases')"), {"r": WORKER_ROLE}))
        members: dict[int, list[tuple[str, bool]]] = {}
        for team_id, role, is_lead in conn.execute(text(
                "SELECT team_id, role_name, is_lead FROM team_members ORDER BY role_name")):
            members.setdefault(team_id, []).append((role, bool(is_lead)))
        counts = {team_id: n for team_id, n in conn.execute(text(
            "SELECT team_id, count(*) FROM cases GROUP BY team_id"))}
        teams = tuple(TeamStatus(name, tuple(members.get(team_id, [])), int(counts.get(team_id, 0)))
                      for team_id, name in conn.execute(text("SELECT id, name FROM teams ORDER BY name")))
        return ServerStatus(version, current, initialised, teams, int(counts.get(None, 0)))
