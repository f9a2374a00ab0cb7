"""Laptop and server must speak the same schema: compared before every sync (and before the window's
team view reads the server), so that a program newer or older than the server's schema never fails in
the middle with PostgreSQL's "column … does not exist" or silently loses the columns one side lacks.

The server's schema is its Alembic revision (``alembic_version``, readable by every worker login); this
program's is the head of its own migration files (:func:`..storage.db.head_revisions`, computed from
the scripts: a migration added later counts without a change here). Equal: go on. A revision this
program knows, but not its head: the server is older (``server init`` with the new version upgrades
it). A revision it does not know: a newer program set the server up (this laptop needs the update).
Either way nothing is sent or received; the changes wait on the laptop.
"""

from __future__ import annotations

from sqlalchemy import Connection

from ..storage import team_server
from ..storage.db import head_revisions, known_revisions
from .connection import ServerError
from .sync import SyncError


class SchemaMismatch(SyncError, ServerError):
    """The server's schema is not this program's (German message; nothing transferred; exit code 1)."""


def _shown(revisions: frozenset[str] | set[str]) -> str:
    return ", ".join(sorted(revisions))


def server_revisions(conn: Connection) -> set[str]:
    """The Alembic revision(s) of the server's schema (empty: not set up)."""
    if not team_server.has_table(conn, "alembic_version"):
        return set()
    return {v for v in team_server.schema_version(conn).split(", ") if v}


def mismatch(server: set[str]) -> SchemaMismatch | None:
    """Why a server at the revisions ``server`` does not fit this program; None when it does."""
    heads = head_revisions()
    if server == heads:
        return None
    if not server:
        return SchemaMismatch(
            "Auf dem Server ist noch kein Schema von Kooperation Desktop eingerichtet. Bitte die Verwaltung "
            "bitten, „kooperation-desktop server init“ auszuführen; bis dahin bleiben Ihre Änderungen auf "
            "diesem Laptop.")
    if server - known_revisions():
        return SchemaMismatch(
            "Der Server wurde mit einer neueren Version von Kooperation Desktop eingerichtet. Bitte aktualisieren "
            "Sie das Programm auf diesem Laptop; bis dahin bleiben Ihre Änderungen hier.")
    return SchemaMismatch(
        f"Der Server ist auf einem älteren Stand (Schema {_shown(server)}) als dieses Programm "
        f"({_shown(heads)}). Bitte die Verwaltung bitten, „kooperation-desktop server init“ mit der neuen "
        "Version auszuführen; bis dahin bleiben Ihre Änderungen auf diesem Laptop.")


def check_schema(conn: Connection) -> None:
    """Raise :class:`SchemaMismatch` unless the server's schema is this program's."""
    problem = mismatch(server_revisions(conn))
    if problem is not None:
        raise problem
