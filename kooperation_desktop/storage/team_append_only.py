"""What stays as it was on the agency's server (issue 14: "finalised versions, signatures, consents'
history and the audit log are append-only", enforced by the database): triggers, installed by
``server init`` (:func:`install_append_only`, from :func:`.team_server.install_policies`), that refuse
a worker role (not a superuser, not BYPASSRLS: the administrator may do anything) to

- change an agreement version that is no longer a draft, beyond what the program itself writes to it:
  its status onward (final → signed → superseded / ended, never back to draft), the bookkeeping
  (``row_version``, ``change_seq``, ``wizard_step``) and a ``predecessor_id`` the database empties;
- add, change or remove the content of such a version (goals, indicators, roles, tasks, communication
  rules: :data:`.travelling.VERSION_CONTENT`);
- change or remove a signature; change what a consent says, or remove it, once an agreement of its
  case is no longer a draft (a revocation is still recorded, once; the note stays editable); change or
  remove a report that was sent.

A version that became final in the same transaction (the push of a laptop that finalised it offline:
the version arrives final, then its goals; or the push takes it from draft to final, then writes the
goals changed before) is still the laptop's own work: its content may be written until the commit. The
transaction notes such versions in a temporary table that only the trigger functions (``SECURITY
DEFINER``) write; a worker cannot create temporary tables (``REVOKE ALL ON DATABASE … FROM PUBLIC``).

Removing is checked at the commit (deferred constraint triggers): a removed signature, goal, finalised
version, sent report … is refused when what it belongs to (its version, its case) is still there then.
A whole case deleted in one transaction (``DELETE FROM cases`` with its cascade, or the retention
deletion a laptop pushes row by row, children first) takes everything with it and passes.

The audit log is append-only since migration 0005 (its own triggers, and the worker role has no UPDATE
or DELETE on it).

Cost: nothing on the tables that are not append-only (persons, cases …). Adding and changing a version's
content is checked once per statement against the versions it touches (transition tables); the other
checks are row triggers whose ``WHEN`` clause only lets through the rows in question (a version not a
draft, a sent report, a consent's fixed fields changed).
"""

from __future__ import annotations

from sqlalchemy import Connection

from .travelling import VERSION_CONTENT, foreign_keys

FROZEN_VERSION = "Diese Version der Vereinbarung ist abgeschlossen und kann nicht mehr geändert werden."
SIGNATURE = "Eine Unterschrift kann nicht mehr geändert oder gelöscht werden."
CONSENT = ("Auf diesem Einverständnis beruht eine abgeschlossene Vereinbarung. Es bleibt so, wie es "
           "erteilt wurde; nur ein Widerruf kann noch hinzukommen.")
SENT_REPORT = "Dieser Bericht ist versendet und kann nicht mehr geändert oder gelöscht werden."

#: columns a non-draft version may change (status onward and predecessor_id emptied: checked apart)
_VERSION_BOOKKEEPING = ("row_version", "change_seq", "wizard_step", "status", "predecessor_id")
#: the columns of a consent that stay as given once an agreement rests on it (rules._CONSENT_FIXED)
_CONSENT_GIVEN = ("case_id", "person_id", "partner_id", "categories", "given_on", "form", "text_version", "text")
_CONSENT_REVOCATION = ("revoked_on", "revocation_note")


def _text_array(names: tuple[str, ...]) -> str:
    return "ARRAY[" + ", ".join(f"'{n}'" for n in names) + "]::text[]"


def _raise(message: str) -> str:
    return f"RAISE EXCEPTION '{message}' USING ERRCODE = 'P0001';"


_HELPERS = [
    # the administrator (superuser or BYPASSRLS) may do anything; asked in the triggers' WHEN clauses
    """CREATE OR REPLACE FUNCTION kd_privileged() RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT coalesce((SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user), false)
    $$""",
    # the versions that became final in this transaction (inserted final or taken from draft)
    """CREATE OR REPLACE FUNCTION kd_note_version() RETURNS trigger LANGUAGE plpgsql
        SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    BEGIN
        IF to_regclass('pg_temp.kd_versions_here') IS NULL THEN
            CREATE TEMP TABLE kd_versions_here (id integer PRIMARY KEY) ON COMMIT DROP;
        END IF;
        EXECUTE 'INSERT INTO pg_temp.kd_versions_here (id) VALUES ($1) ON CONFLICT DO NOTHING' USING NEW.id;
        RETURN NULL;
    END $$""",
    """CREATE OR REPLACE FUNCTION kd_version_here(version integer) RETURNS boolean LANGUAGE plpgsql
        SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    DECLARE
        found boolean;
    BEGIN
        IF to_regclass('pg_temp.kd_versions_here') IS NULL THEN
            RETURN false;
        END IF;
        EXECUTE 'SELECT EXISTS (SELECT 1 FROM pg_temp.kd_versions_here WHERE id = $1)' INTO found USING version;
        RETURN found;
    END $$""",
]


def _agreements() -> list[str]:
    without = _text_array(_VERSION_BOOKKEEPING)
    return [
        f"""CREATE OR REPLACE FUNCTION kd_frozen_version() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF kd_version_here(OLD.id) THEN
                RETURN NULL;
            END IF;
            IF NEW.status = 'draft' OR (to_jsonb(OLD) - {without}) IS DISTINCT FROM (to_jsonb(NEW) - {without})
                    OR (NEW.predecessor_id IS NOT NULL AND NEW.predecessor_id IS DISTINCT FROM OLD.predecessor_id) THEN
                {_raise(FROZEN_VERSION)}
            END IF;
            RETURN NULL;
        END $$""",
        f"""CREATE OR REPLACE FUNCTION kd_frozen_version_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF EXISTS (SELECT 1 FROM cases c WHERE c.id = OLD.case_id) AND NOT kd_version_here(OLD.id) THEN
                {_raise(FROZEN_VERSION)}
            END IF;
            RETURN NULL;
        END $$""",
        *_triggers("agreements", [
            ("kd_version_final_new", "AFTER INSERT", "FOR EACH ROW",
             "NEW.status <> 'draft' AND NOT kd_privileged()", "kd_note_version"),
            ("kd_version_final", "AFTER UPDATE", "FOR EACH ROW",
             "OLD.status = 'draft' AND NEW.status <> 'draft' AND NOT kd_privileged()", "kd_note_version"),
            ("kd_append_only", "AFTER UPDATE", "FOR EACH ROW",
             "OLD.status <> 'draft' AND NOT kd_privileged()", "kd_frozen_version"),
            ("kd_append_only_delete", "DELETE", "DEFERRED",
             "OLD.status <> 'draft' AND NOT kd_privileged()", "kd_frozen_version_deleted"),
        ]),
    ]


def _version_path(table: str, alias: str) -> tuple[str, str]:
    """The joins from ``alias`` (a row of ``table``) up to its version, and the version's alias."""
    joins, current, current_alias = [], table, alias
    for i, column in enumerate(VERSION_CONTENT[table]):
        parent = foreign_keys(current)[column]
        joins.append(f"JOIN {parent} p{i} ON p{i}.id = {current_alias}.{column}")
        current, current_alias = parent, f"p{i}"
    return " ".join(joins), current_alias


def _content(table: str) -> list[str]:
    """A version's content: adding and changing checked per statement, removing at the commit."""
    frozen = "{v}.status <> 'draft' AND NOT kd_version_here({v}.id)"
    joins, version = _version_path(table, "r")
    without = _text_array(("row_version", "change_seq"))
    changed = (f"SELECT r.* FROM kd_old r JOIN kd_new n ON n.id = r.id "
               f"WHERE (to_jsonb(r) - {without}) IS DISTINCT FROM (to_jsonb(n) - {without})")
    first_column = VERSION_CONTENT[table][0]
    return [
        f"""CREATE OR REPLACE FUNCTION kd_frozen_{table}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF kd_privileged() THEN
                RETURN NULL;
            END IF;
            IF TG_OP = 'UPDATE' THEN
                IF EXISTS (SELECT 1 FROM ({changed}) r {joins} WHERE {frozen.format(v=version)})
                        OR EXISTS (SELECT 1 FROM kd_new r JOIN kd_old o ON o.id = r.id {joins}
                                   WHERE {frozen.format(v=version)}
                                   AND (to_jsonb(o) - {without}) IS DISTINCT FROM (to_jsonb(r) - {without})) THEN
                    {_raise(FROZEN_VERSION)}
                END IF;
            ELSIF EXISTS (SELECT 1 FROM kd_new r {joins} WHERE {frozen.format(v=version)}) THEN
                {_raise(FROZEN_VERSION)}
            END IF;
            RETURN NULL;
        END $$""",
        f"""CREATE OR REPLACE FUNCTION kd_frozen_{table}_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF EXISTS (SELECT 1 FROM (SELECT OLD.{first_column} AS {first_column}) r {joins}
                       WHERE {frozen.format(v=version)}) THEN
                {_raise(FROZEN_VERSION)}
            END IF;
            RETURN NULL;
        END $$""",
        *_triggers(table, [
            ("kd_append_only_insert", "AFTER INSERT", "REFERENCING NEW TABLE AS kd_new FOR EACH STATEMENT",
             None, f"kd_frozen_{table}"),
            ("kd_append_only", "AFTER UPDATE",
             "REFERENCING OLD TABLE AS kd_old NEW TABLE AS kd_new FOR EACH STATEMENT", None, f"kd_frozen_{table}"),
            ("kd_append_only_delete", "DELETE", "DEFERRED", "NOT kd_privileged()", f"kd_frozen_{table}_deleted"),
        ]),
    ]


def _kept(table: str, function: str, parent: tuple[str, str], bookkeeping: tuple[str, ...], message: str,
          only: str | None = None) -> list[str]:
    """A row of ``table`` that stays as it is (``only``: the rows concerned, a WHEN condition on ``OLD``):
    no change beyond ``bookkeeping``, no removal while ``parent`` (``(table, column)`` it belongs to) is
    still there at the commit."""
    without = _text_array(bookkeeping)
    parent_table, column = parent
    concerned = f"{only} AND NOT kd_privileged()" if only else "NOT kd_privileged()"
    return [
        f"""CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' THEN
                IF EXISTS (SELECT 1 FROM {parent_table} p WHERE p.id = OLD.{column}) THEN
                    {_raise(message)}
                END IF;
            ELSIF (to_jsonb(OLD) - {without}) IS DISTINCT FROM (to_jsonb(NEW) - {without}) THEN
                {_raise(message)}
            END IF;
            RETURN NULL;
        END $$""",
        *_triggers(table, [
            ("kd_append_only", "AFTER UPDATE", "FOR EACH ROW", concerned, function),
            ("kd_append_only_delete", "DELETE", "DEFERRED", concerned, function),
        ]),
    ]


def _signatures() -> list[str]:
    return _kept("signatures", "kd_signature_kept", ("agreements", "agreement_id"), ("change_seq",), SIGNATURE)


def _consents() -> list[str]:
    rests_on = ("EXISTS (SELECT 1 FROM agreements v WHERE v.case_id = {row}.case_id AND v.status <> 'draft' "
                "AND NOT kd_version_here(v.id))")
    given = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in _CONSENT_GIVEN)
    revocation = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in _CONSENT_REVOCATION)
    return [
        f"""CREATE OR REPLACE FUNCTION kd_consent_kept() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' THEN
                IF {rests_on.format(row='OLD')} THEN
                    {_raise(CONSENT)}
                END IF;
            ELSIF (({given}) OR (OLD.revoked_on IS NOT NULL AND ({revocation})))
                    AND ({rests_on.format(row='OLD')} OR {rests_on.format(row='NEW')}) THEN
                {_raise(CONSENT)}
            END IF;
            RETURN NULL;
        END $$""",
        *_triggers("consents", [
            ("kd_append_only", "AFTER UPDATE", "FOR EACH ROW",
             f"({given} OR {revocation}) AND NOT kd_privileged()", "kd_consent_kept"),
            ("kd_append_only_delete", "DELETE", "DEFERRED", "NOT kd_privileged()", "kd_consent_kept"),
        ]),
    ]


def _reports() -> list[str]:
    return _kept("reports", "kd_sent_report", ("cases", "case_id"), ("row_version", "change_seq", "updated_at"),
                 SENT_REPORT, only="OLD.status = 'sent'")


def _triggers(table: str, specs: list[tuple[str, str, str, str | None, str]]) -> list[str]:
    """(re)create the triggers ``(name, event, how, WHEN condition, function)``; how "DEFERRED": a
    constraint trigger checked at the commit."""
    statements: list[str] = []
    for name, event, how, when, function in specs:
        statements.append(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        condition = f" WHEN ({when})" if when else ""
        if how == "DEFERRED":
            statements.append(f"CREATE CONSTRAINT TRIGGER {name} AFTER {event} ON {table} "
                              f"DEFERRABLE INITIALLY DEFERRED FOR EACH ROW{condition} EXECUTE FUNCTION {function}()")
        else:
            statements.append(f"CREATE TRIGGER {name} {event} ON {table} {how}{condition} "
                              f"EXECUTE FUNCTION {function}()")
    return statements


def append_only_statements() -> list[str]:
    """Every statement of :func:`install_append_only`, in order."""
    content = [s for table in VERSION_CONTENT if table != "agreements" for s in _content(table)]
    return [*_HELPERS, *_agreements(), *content, *_signatures(), *_consents(), *_reports()]


def check_removals(conn: Connection) -> None:
    """Run the checks of the rows removed so far in this transaction now rather than at the commit
    (then defer again): the push calls it after a case's deletions, so a refusal rolls back that case
    alone (its savepoint) instead of failing the commit of every case pushed with it."""
    conn.exec_driver_sql("SET CONSTRAINTS ALL IMMEDIATE")
    conn.exec_driver_sql("SET CONSTRAINTS ALL DEFERRED")


def install_append_only(conn: Connection) -> None:
    """The append-only triggers on the server (``server init``; idempotent: replaces older ones)."""
    for statement in append_only_statements():
        conn.exec_driver_sql(statement)
