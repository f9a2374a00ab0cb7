"""The server administration's repository (team mode, see :mod:`kooperation_desktop.team.server`):
every statement ``server init``, ``add-team``, ``add-user`` and ``status`` run on the agency's
PostgreSQL — group roles, grants, row-level security policies and the cases' guard trigger, teams,
login roles and memberships, and the status overview's counts.

The functions take the caller's connection (one command, one transaction) and run as the
administrator. Role names reach the SQL text only after :func:`kooperation_desktop.team.server.
check_role_name` (lower-case letters, digits and _), so they never need quoting.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, MetaData, text
from sqlalchemy.exc import DBAPIError

from .retention import case_tables
from .rows import Base
from .team_append_only import install_append_only

WORKER_ROLE = "kd_worker"
LEAD_ROLE = "kd_lead"
GROUP_ROLES = (WORKER_ROLE, LEAD_ROLE)
# tables a worker may only read and add to (their append-only triggers refuse the rest)
APPEND_ONLY_TABLES = frozenset({"audit_log"})
MY_TEAMS = "(SELECT tm.team_id FROM team_members tm WHERE tm.role_name = current_user::text)"
CASE_VISIBLE = f"(team_id IN {MY_TEAMS} OR assigned_to = current_user::text)"


# --- which rows a role may see -------------------------------------------------------------------


def _case_links(non_case_tables: Iterable[str], metadata: MetaData) -> dict[str, tuple[str, str, str] | None]:
    """Per table holding case data (``cases`` excluded): the foreign key leading towards ``cases``
    (column, parent table, parent key); None for a table with a plain ``case_id`` (no foreign key)."""
    skip = frozenset(non_case_tables)
    links_of: dict[str, tuple[str, str, str] | None] = {}
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
        links_of[table.name] = (column, parent_name, parent_key)
    for table in metadata.sorted_tables:
        if table.name in links_of or table.name == "cases" or table.name in skip:
            continue
        if "case_id" in table.c:  # e.g. the audit log: no foreign key (it outlives the case), NULL = no case
            links_of[table.name] = None
            continue
        raise RuntimeError(f"table {table.name} reaches no case and is not in NON_CASE_TABLES: classify it")
    return links_of


def case_data_policies(non_case_tables: Iterable[str], metadata: MetaData = Base.metadata) -> dict[str, str]:
    """Per table holding case data (``cases`` excluded): the SQL condition of the rows the current
    role may see and write, through the foreign key that leads towards ``cases``. A table that
    reaches no case and is not in ``non_case_tables`` raises RuntimeError (it has to be classified)."""
    policies: dict[str, str] = {}
    for name, link in _case_links(non_case_tables, metadata).items():
        if link is None:
            policies[name] = (f"{name}.case_id IS NULL OR EXISTS (SELECT 1 FROM cases parent "
                              f"WHERE parent.id = {name}.case_id)")
            continue
        column, parent_name, parent_key = link
        policies[name] = (f"EXISTS (SELECT 1 FROM {parent_name} parent "
                          f"WHERE parent.{parent_key} = {name}.{column})")
    return policies


def case_data_delete_policies(non_case_tables: Iterable[str], metadata: MetaData = Base.metadata) -> dict[str, str]:
    """Per table of :func:`case_data_policies`: the SQL condition of the rows the current role may
    delete, those of the cases of its own teams. The covering colleague (``assigned_to``) sees and
    edits the case's rows but deletes none of them, as it does not delete the case (issue 14: a
    retention deletion by the cover, children first, emptied the owning team's case)."""
    links = _case_links(non_case_tables, metadata)

    def owned(name: str, alias: str, depth: int) -> str:
        link = links[name]
        parent = f"p{depth}"
        if link is None:
            return (f"{alias}.case_id IS NULL OR EXISTS (SELECT 1 FROM cases {parent} "
                    f"WHERE {parent}.id = {alias}.case_id AND {parent}.team_id IN {MY_TEAMS})")
        column, parent_name, parent_key = link
        above = (f"{parent}.team_id IN {MY_TEAMS}" if parent_name == "cases"
                 else f"({owned(parent_name, parent, depth + 1)})")
        return (f"EXISTS (SELECT 1 FROM {parent_name} {parent} "
                f"WHERE {parent}.{parent_key} = {alias}.{column} AND {above})")

    return {name: owned(name, name, 0) for name in links}


def _policy_statements(table: str, condition: str, deletable: str | None = None) -> list[str]:
    """Row-level security of one table of case data: read, add and change the rows of the visible
    cases; delete those matching ``deletable`` (default: ``condition``). Replaces older policies
    (``kd_rows``: one for every command, before the covering colleague lost deleting)."""
    return [*(f"DROP POLICY IF EXISTS {policy} ON {table}"
              for policy in ("kd_rows", "kd_read", "kd_insert", "kd_update", "kd_delete")),
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY",
            f"CREATE POLICY kd_read ON {table} FOR SELECT TO {WORKER_ROLE} USING ({condition})",
            f"CREATE POLICY kd_insert ON {table} FOR INSERT TO {WORKER_ROLE} WITH CHECK ({condition})",
            f"CREATE POLICY kd_update ON {table} FOR UPDATE TO {WORKER_ROLE} USING ({condition}) "
            f"WITH CHECK ({condition})",
            f"CREATE POLICY kd_delete ON {table} FOR DELETE TO {WORKER_ROLE} USING ({deletable or condition})"]


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


# --- server init ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Administrator:
    """The connected role and whether it may set the server up."""

    name: str
    superuser: bool
    createrole: bool
    bypassrls: bool

    @property
    def may_set_up(self) -> bool:
        return self.superuser or (self.createrole and self.bypassrls)


def administrator(conn: Connection) -> Administrator:
    row = conn.execute(text("SELECT current_user AS name, rolsuper, rolcreaterole, rolbypassrls FROM pg_roles "
                            "WHERE rolname = current_user")).one()
    return Administrator(str(row.name), bool(row.rolsuper), bool(row.rolcreaterole), bool(row.rolbypassrls))


def lock_init(conn: Connection) -> None:
    """One init at a time (two administrators at once would race on CREATE ROLE); held to the
    transaction's end."""
    conn.execute(text("SELECT pg_advisory_xact_lock(hashtext('kooperation-desktop server init'))"))


def ensure_group_roles(conn: Connection) -> None:
    """The group roles ``kd_worker`` and ``kd_lead`` (a member of ``kd_worker``)."""
    for role in GROUP_ROLES:
        if not role_exists(conn, role):
            conn.exec_driver_sql(f"CREATE ROLE {role} NOLOGIN")
    if conn.scalar(text("SELECT pg_has_role(:lead, :worker, 'MEMBER')"),
                   {"lead": LEAD_ROLE, "worker": WORKER_ROLE}) is not True:
        conn.exec_driver_sql(f"GRANT {WORKER_ROLE} TO {LEAD_ROLE}")


def grant_access(conn: Connection, case_data: Iterable[str], non_case_tables: Iterable[str]) -> None:
    """What ``kd_worker`` may do with the database, its tables and sequences (the policies then
    narrow it to rows): change the case data (``cases`` and ``case_data``; the append-only tables
    only read and add), read ``non_case_tables`` and the schema version."""
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
    for table in [*sorted(non_case_tables), "alembic_version"]:
        conn.exec_driver_sql(f"GRANT SELECT ON {table} TO {WORKER_ROLE}")
    conn.exec_driver_sql(f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "{schema}" TO {WORKER_ROLE}')


def install_policies(conn: Connection, case_data: dict[str, str], deletable: dict[str, str] | None = None) -> None:
    """Row-level security on ``cases``, ``team_members`` and every table of ``case_data`` (table ->
    condition, see :func:`case_data_policies`; ``deletable``: table -> the rows a role may delete, see
    :func:`case_data_delete_policies`), the cases' guard trigger and the append-only triggers
    (:mod:`.team_append_only`); replaces older ones."""
    for statement in _CASES_POLICIES:
        conn.exec_driver_sql(statement)
    for table, condition in case_data.items():
        for statement in _policy_statements(table, condition, (deletable or {}).get(table)):
            conn.exec_driver_sql(statement)
    conn.exec_driver_sql(_CASES_GUARD)
    conn.exec_driver_sql("DROP TRIGGER IF EXISTS kd_cases_guard ON cases")
    conn.exec_driver_sql("CREATE TRIGGER kd_cases_guard BEFORE INSERT OR UPDATE ON cases "
                         "FOR EACH ROW EXECUTE FUNCTION kd_cases_guard()")
    install_append_only(conn)  # finalised versions, signatures, consents, sent reports


def schema_version(conn: Connection) -> str:
    """The Alembic revision(s) of the server's schema, ``", "``-joined; "" when there is none."""
    try:
        versions = sorted(str(v) for v in conn.scalars(text("SELECT version_num FROM alembic_version")))
    except DBAPIError:
        return ""
    return ", ".join(versions)


def has_table(conn: Connection, name: str) -> bool:
    return conn.scalar(text("SELECT to_regclass(:t) IS NOT NULL"), {"t": name}) is True


def is_initialised(conn: Connection) -> bool:
    """``server init`` ran: the memberships table, the worker group role and the cases' policies exist."""
    return bool(has_table(conn, "team_members") and conn.scalar(text(
        "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :r) "
        "AND EXISTS (SELECT 1 FROM pg_policies WHERE tablename = 'cases')"), {"r": WORKER_ROLE}))


def has_worker_role(conn: Connection) -> bool:
    """The memberships table and the worker group role exist (users can be added)."""
    return conn.scalar(text("SELECT to_regclass('team_members') IS NOT NULL "
                            "AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :r)"), {"r": WORKER_ROLE}) is True


# --- teams ---------------------------------------------------------------------------------------


def insert_team(conn: Connection, name: str) -> int | None:
    """The new team's id, or None when a team of that name exists."""
    new_id = conn.scalar(text("INSERT INTO teams (name) VALUES (:n) ON CONFLICT (name) DO NOTHING RETURNING id"),
                         {"n": name})
    return None if new_id is None else int(new_id)


def team_id(conn: Connection, name: str) -> int | None:
    found = conn.scalar(text("SELECT id FROM teams WHERE name = :n"), {"n": name})
    return None if found is None else int(found)


# --- login roles and memberships -----------------------------------------------------------------


def role_exists(conn: Connection, role: str) -> bool:
    return conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}) is not None


def is_worker(conn: Connection, role: str) -> bool:
    """``role`` is a plain member of kd_worker (not a superuser: pg_has_role is true for those)."""
    return bool(conn.scalar(text(
        "SELECT NOT u.rolsuper AND EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
        "WHERE m.member = u.oid AND g.rolname = :worker) FROM pg_roles u WHERE u.rolname = :r"),
        {"r": role, "worker": WORKER_ROLE}))


def _scram_verifier(conn: Connection, role: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier of ``password``, computed here by libpq: the password itself never
    reaches the server (nor its statement log)."""
    raw = conn.connection.driver_connection
    verifier: bytes = raw.pgconn.encrypt_password(  # type: ignore[union-attr]  # psycopg connection
        password.encode("utf-8"), role.encode("utf-8"), b"scram-sha-256")
    return verifier.decode("ascii")


def create_login(conn: Connection, role: str, password: str) -> None:
    """A new LOGIN role with ``password`` (sent as its SCRAM verifier), member of ``kd_worker``."""
    verifier = _scram_verifier(conn, role, password).replace("'", "''")
    conn.exec_driver_sql(f"CREATE ROLE {role} LOGIN PASSWORD '{verifier}'")
    conn.exec_driver_sql(f"GRANT {WORKER_ROLE} TO {role}")


def set_password(conn: Connection, role: str, password: str) -> None:
    verifier = _scram_verifier(conn, role, password).replace("'", "''")
    conn.exec_driver_sql(f"ALTER ROLE {role} LOGIN PASSWORD '{verifier}'")


def set_lead_role(conn: Connection, role: str, lead: bool) -> None:
    """Make ``role`` a member of ``kd_lead`` (``lead``) or take it out of the group."""
    member = bool(conn.scalar(text(
        "SELECT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
        "JOIN pg_roles u ON u.oid = m.member WHERE g.rolname = :lead AND u.rolname = :r)"),
        {"lead": LEAD_ROLE, "r": role}))
    if lead and not member:
        conn.exec_driver_sql(f"GRANT {LEAD_ROLE} TO {role}")
    elif member and not lead:
        conn.exec_driver_sql(f"REVOKE {LEAD_ROLE} FROM {role}")


@dataclass(frozen=True)
class Membership:
    team_id: int
    team: str
    lead: bool


def memberships(conn: Connection, role: str) -> list[Membership]:
    """The teams ``role`` belongs to, by name (locked until the transaction ends: two administrators
    changing the same user wait for each other)."""
    rows = conn.execute(text("SELECT tm.team_id, t.name, tm.is_lead FROM team_members tm JOIN teams t "
                             "ON t.id = tm.team_id WHERE tm.role_name = :r ORDER BY t.name FOR UPDATE OF tm"),
                        {"r": role})
    return [Membership(int(r.team_id), str(r.name), bool(r.is_lead)) for r in rows]


def set_membership(conn: Connection, role: str, team: int, lead: bool) -> None:
    """``role`` belongs to ``team``, as its lead exactly when ``lead``."""
    conn.execute(text("INSERT INTO team_members (team_id, role_name, is_lead) VALUES (:t, :r, :l) "
                      "ON CONFLICT (team_id, role_name) DO UPDATE SET is_lead = :l"),
                 {"t": team, "r": role, "l": lead})


def remove_membership(conn: Connection, role: str, team: int) -> None:
    conn.execute(text("DELETE FROM team_members WHERE team_id = :t AND role_name = :r"), {"t": team, "r": role})


def assigned_cases(conn: Connection, role: str, team_ids: list[int]) -> int:
    """How many cases of the teams ``team_ids`` are assigned to ``role`` (holiday cover)."""
    return int(conn.scalar(text("SELECT count(*) FROM cases WHERE assigned_to = :r AND team_id = ANY(:t)"),
                           {"r": role, "t": team_ids}) or 0)


# --- status --------------------------------------------------------------------------------------


def members_by_team(conn: Connection) -> dict[int, list[tuple[str, bool]]]:
    """Team id -> (role name, is lead) of its members, by role name."""
    members: dict[int, list[tuple[str, bool]]] = {}
    for team, role, is_lead in conn.execute(text(
            "SELECT team_id, role_name, is_lead FROM team_members ORDER BY role_name")):
        members.setdefault(int(team), []).append((str(role), bool(is_lead)))
    return members


def case_counts(conn: Connection) -> dict[int | None, int]:
    """Team id (None: no team) -> number of cases."""
    return {team: int(n) for team, n in conn.execute(text("SELECT team_id, count(*) FROM cases GROUP BY team_id"))}


def teams(conn: Connection) -> list[tuple[int, str]]:
    """(id, name) of every team, by name."""
    return [(int(i), str(n)) for i, n in conn.execute(text("SELECT id, name FROM teams ORDER BY name"))]
