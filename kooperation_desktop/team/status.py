"""Team mode in the window: the use cases behind the status line and „Synchronisieren“ (Qt-free).

- :func:`team_status`: is this data folder in team mode (None: single-laptop mode), when did it last
  synchronise, how many changed rows wait for the next push, how many conflicts are open;
- :func:`connect`: an engine on the agency's server for this folder's login (``sync_state``) with the
  password the user typed (never stored), TLS as the folder was set up (:mod:`.connection`);
- :func:`run_sync`: push and pull (:func:`.sync.sync`) with every failure turned into one German
  :class:`~.connection.ServerError` (server unreachable, login refused, certificate mismatch …).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from ..storage.database import Database
from ..storage.team_view import waiting_rows
from . import conflicts, outbox
from .connection import ServerAddress, ServerError, server_engine, translate_error

if TYPE_CHECKING:
    from .sync import SyncResult


@dataclass(frozen=True)
class TeamStatus:
    """What the status line shows."""

    identity: str  # the server login of this laptop's user
    server: str  # host and database, for messages (no password)
    last_sync_at: dt.datetime | None  # UTC
    pending: int  # rows changed here, waiting for the next push (one save of a case is one change)
    conflicts: int  # open entries of the Konfliktliste


def team_status(db: Database) -> TeamStatus | None:
    """The team-mode status of the data folder; None in single-laptop mode."""
    with db.engine.connect() as c:
        state = outbox.state_of(c)
        if state is None:
            return None
        pending = waiting_rows(c)
    return TeamStatus(identity=state.identity, server=server_name(state.server_url),
                      last_sync_at=state.last_sync_at, pending=pending, conflicts=conflicts.open_count(db))


def is_team_mode(db: Database) -> bool:
    with db.engine.connect() as c:
        return outbox.is_team_mode(c)


def server_name(url: str) -> str:
    """``host/database`` of a server address (for messages), or the address as it is."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return url
    host = parsed.host or "localhost"
    return f"{host}/{parsed.database}" if parsed.database else host


def when_text(at: dt.datetime, now: dt.datetime | None = None) -> str:
    """The time of a sync in local time: ``14:32`` today, else ``30.11.2026 14:32``."""
    local = at.replace(tzinfo=dt.UTC).astimezone() if at.tzinfo is None else at.astimezone()
    today = (now or dt.datetime.now().astimezone()).astimezone().date()
    return local.strftime("%H:%M") if local.date() == today else local.strftime("%d.%m.%Y %H:%M")


def connect(db: Database, password: str) -> Engine:
    """An engine on the server this folder synchronises with, logged in with ``password``.
    Raises :class:`ServerError` (German) for an unusable address or certificate file."""
    with db.engine.connect() as c:
        state = outbox.state_of(c)
    if state is None:
        raise ServerError("Dieser Datenordner ist nicht mit einem Server verbunden.")
    try:
        url = make_url(state.server_url)
    except ArgumentError:
        raise ServerError(f"„{state.server_url}“ ist keine Server-Adresse.") from None
    if not url.username and state.identity:
        url = url.set(username=state.identity)
    address = ServerAddress(url.set(password=password or None).render_as_string(hide_password=False),
                            ca=Path(state.ca_file) if state.ca_file else None, allow_plain=state.plain)
    return server_engine(address)


def run_sync(db: Database, password: str) -> SyncResult:
    """Synchronise with the server; every failure is one German :class:`ServerError`."""
    from .sync import SyncError, sync  # loaded on the first sync, not with the window

    engine = connect(db, password)
    try:
        return sync(db, engine)
    except DBAPIError as exc:
        raise translate_error(exc, engine.url) from None
    except SyncError as exc:
        raise ServerError(str(exc)) from None
    finally:
        engine.dispose()
