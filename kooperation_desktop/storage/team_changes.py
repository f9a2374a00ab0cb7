"""The server's change sequence of the team mode (see :mod:`kooperation_desktop.team.sync`): the
sequence, the triggers stamping ``change_seq`` on every insert and update of a travelling row, the
tombstones of deleted rows, the workers' grants on the sync tables, and the advisory lock between
writers (shared, taken once per statement by a statement-level trigger that fires before the row
triggers take their numbers) and a puller reading its bound (exclusive, for a moment).

Installed by migration ``0015`` on PostgreSQL (``0022``: the lock once per statement, not per row);
``connection`` arguments are the server's.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, func, select, text

from .travelling import travelling_tables

#: the advisory lock between writers (shared, taken by the triggers) and a puller reading its bound
LOCK_KEY = 7_301_015


def _table_names(tables: Iterable[str] | None) -> list[str]:
    return [t.name for t in travelling_tables()] if tables is None else list(tables)


def install_server_sync(connection: Connection, tables: Iterable[str] | None = None) -> None:
    """On PostgreSQL: the change sequence, the triggers stamping ``change_seq`` on every insert and
    update of a travelling row and the tombstone trigger on delete (idempotent). ``tables``: the
    travelling tables to give the triggers (default: all of today's models; a migration names the
    tables it makes travel, those of later migrations do not exist yet).

    The writers' shared lock is taken by ``sync_lock``, a BEFORE trigger FOR EACH STATEMENT (an insert,
    update or delete, also one a foreign key's ``ON DELETE`` runs, an upsert, a ``COPY``): it fires
    before any row trigger of the statement takes a number, and the lock holds until the transaction
    ends; the row triggers only take their numbers (measured: a third of the row trigger's time)."""
    connection.execute(text("CREATE SEQUENCE IF NOT EXISTS sync_change_seq"))
    connection.execute(text(f"""
        CREATE OR REPLACE FUNCTION sync_lock() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_advisory_xact_lock_shared({LOCK_KEY});
            RETURN NULL;
        END $$"""))
    connection.execute(text("""
        CREATE OR REPLACE FUNCTION sync_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.change_seq := nextval('sync_change_seq');
            IF NEW.uuid IS NULL THEN  -- a row written on the server directly (not by a laptop)
                NEW.uuid := gen_random_uuid()::text;
            END IF;
            RETURN NEW;
        END $$"""))
    connection.execute(text("""
        CREATE OR REPLACE FUNCTION sync_tombstone() RETURNS trigger LANGUAGE plpgsql
        SECURITY DEFINER SET search_path = public AS $$
        BEGIN
            INSERT INTO sync_tombstones (seq, table_name, row_uuid, deleted_at)
                VALUES (nextval('sync_change_seq'), TG_TABLE_NAME, OLD.uuid, now() AT TIME ZONE 'UTC');
            RETURN OLD;
        END $$"""))
    for name in _table_names(tables):
        connection.execute(text(f'DROP TRIGGER IF EXISTS sync_lock ON "{name}"'))
        connection.execute(text(f'CREATE TRIGGER sync_lock BEFORE INSERT OR UPDATE OR DELETE ON "{name}" '
                                "FOR EACH STATEMENT EXECUTE FUNCTION sync_lock()"))
        connection.execute(text(f'DROP TRIGGER IF EXISTS sync_stamp ON "{name}"'))
        connection.execute(text(f'CREATE TRIGGER sync_stamp BEFORE INSERT OR UPDATE ON "{name}" '
                                "FOR EACH ROW EXECUTE FUNCTION sync_stamp()"))
        connection.execute(text(f'DROP TRIGGER IF EXISTS sync_tombstone ON "{name}"'))
        connection.execute(text(f'CREATE TRIGGER sync_tombstone AFTER DELETE ON "{name}" '
                                "FOR EACH ROW EXECUTE FUNCTION sync_tombstone()"))


#: a worker records pushed entries under its own name, for a case it may see or one deleted (the push
#: that deleted it records its entries after the deletion; a replay finds them by ``who``), or for no
#: case: never for another team's case (its authors are shown in that team's Konfliktliste)
_PUSHED_CHECK = ("who = current_user::text AND (case_uuid IS NULL "
                 "OR EXISTS (SELECT 1 FROM cases parent WHERE parent.uuid = sync_pushed.case_uuid) "
                 "OR sync_pushed.case_uuid IN (SELECT t.row_uuid FROM sync_tombstones t WHERE t.table_name = 'cases'))")


def grant_server_sync(connection: Connection, worker_role: str) -> None:
    """``server init``: what the workers' group role needs for sync. The tombstones are readable (uuids
    only; the trigger writes them as their owner); a worker adds pushed entries under its own name for
    the cases it may see (:data:`_PUSHED_CHECK`) and reads its own and those of the cases it may see
    (who changed a field, for the Konfliktliste)."""
    connection.exec_driver_sql(f"GRANT SELECT ON sync_tombstones TO {worker_role}")
    connection.exec_driver_sql(f"GRANT SELECT, INSERT ON sync_pushed TO {worker_role}")
    connection.exec_driver_sql("ALTER TABLE sync_pushed ENABLE ROW LEVEL SECURITY")
    connection.exec_driver_sql("ALTER TABLE sync_pushed FORCE ROW LEVEL SECURITY")
    connection.exec_driver_sql("DROP POLICY IF EXISTS kd_rows ON sync_pushed")
    connection.exec_driver_sql(
        f"CREATE POLICY kd_rows ON sync_pushed TO {worker_role} USING (who = current_user::text OR EXISTS "
        "(SELECT 1 FROM cases parent WHERE parent.uuid = sync_pushed.case_uuid)) "
        f"WITH CHECK ({_PUSHED_CHECK})")


def uninstall_server_sync(connection: Connection, tables: Iterable[str] | None = None, *,
                          functions: bool = True) -> None:
    """The triggers of ``tables`` (default: every travelling table) and, with ``functions``, the
    trigger functions and the change sequence."""
    for name in _table_names(tables):
        connection.execute(text(f'DROP TRIGGER IF EXISTS sync_lock ON "{name}"'))
        connection.execute(text(f'DROP TRIGGER IF EXISTS sync_stamp ON "{name}"'))
        connection.execute(text(f'DROP TRIGGER IF EXISTS sync_tombstone ON "{name}"'))
    if not functions:
        return
    connection.execute(text("DROP FUNCTION IF EXISTS sync_lock()"))
    connection.execute(text("DROP FUNCTION IF EXISTS sync_stamp()"))
    connection.execute(text("DROP FUNCTION IF EXISTS sync_tombstone()"))
    connection.execute(text("DROP SEQUENCE IF EXISTS sync_change_seq"))


def synced_tables(connection: Connection) -> list[str]:
    """The tables that carry the change triggers on this server (those its migrations made travel)."""
    return list(connection.scalars(text(
        "SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
        "WHERE t.tgname = 'sync_stamp' AND NOT t.tgisinternal ORDER BY c.relname")))


def change_bound(connection: Connection) -> int:
    """The highest change number no running server transaction can still go below (takes the writers'
    lock exclusively until the end of the caller's transaction: run it in a transaction of its own)."""
    connection.execute(select(func.pg_advisory_xact_lock(LOCK_KEY)))
    last, called = connection.execute(text("SELECT last_value, is_called FROM sync_change_seq")).one()
    return int(last) if called else 0
