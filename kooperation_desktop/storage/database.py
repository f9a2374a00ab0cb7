"""One open data folder's database: the engine, its own sessionmaker, the unlocked key, the
folder lock — and the session scopes every use case writes and reads through.

A :class:`Database` is made by the code that opens a data folder
(:func:`kooperation_desktop.protection.opener.open_database`); the use-case services take it.
ORM listeners (audit trail, read-only closed cases, the due index) are attached to this
database's own :attr:`Database.sessionmaker` only: two databases open in one process never see
each other's events, and a ``Session`` made elsewhere sees none of them.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from ..domain.model import Problem
from ..domain.rules import RuleViolation
from . import due_index
from .files import KeyState

if TYPE_CHECKING:
    from ..protection.folder import FolderLock


class NotFound(LookupError):
    """The case, agreement or entity with that id does not exist (any more)."""


CHANGED_ELSEWHERE = "Dieser Eintrag wurde inzwischen an anderer Stelle geändert. Bitte neu laden."


class ChangedElsewhere(RuleViolation):
    """A save of a stale copy: the row was changed (saved from another copy) since this copy was
    loaded. Nothing was written; reload and apply the change again."""

    def __init__(self) -> None:
        super().__init__(Problem("row_version", CHANGED_ELSEWHERE))


def check_row_version(row: Any, loaded: int | None) -> None:
    """Refuse (:class:`ChangedElsewhere`) to write a copy loaded at ``loaded`` over a newer row.
    ``loaded`` None: a copy that does not know its version (built by the caller): not checked."""
    if loaded is not None and row.row_version != loaded:
        raise ChangedElsewhere()


class SessionSource(Protocol):
    """What a feature service needs of the database: a short write transaction and a read."""

    def transaction(self) -> contextlib.AbstractContextManager[Session]: ...

    def reading(self) -> contextlib.AbstractContextManager[Session]: ...


class Database:
    """One open database (create it with :func:`~kooperation_desktop.protection.opener.open_database`;
    end it with :meth:`close`). Never hand a Session to ``ui/``."""

    def __init__(self, engine: Engine, data_dir: Path, *, key_state: KeyState | None = None,
                 folder_lock: FolderLock | None = None, folder_warning: str | None = None):
        self.engine = engine
        self.data_dir = Path(data_dir)
        self.sessionmaker: sessionmaker[Session] = sessionmaker(engine)
        self.key_state = key_state  # None: a plain (unencrypted) database, e.g. of an earlier version
        self.folder_lock = folder_lock
        self.folder_warning = folder_warning  # German, when others can read the folder and chmod failed
        # (thread id, session) while :meth:`atomic` runs: the use cases of that thread share it
        self._shared: tuple[int, Session] | None = None
        due_index.listen_due_index(self.sessionmaker)

    def listen(self, identifier: str, fn: Callable[..., Any]) -> None:
        """Attach an ORM session event listener to this database's sessions only."""
        event.listen(self.sessionmaker, identifier, fn)

    def close(self) -> None:
        """Close the database and give the data folder free (a second call does nothing more)."""
        self.engine.dispose()
        if self.folder_lock is not None:
            self.folder_lock.release()

    def handover_lock(self) -> FolderLock | None:
        """The folder lock, taken away from this database (:meth:`close` keeps it held): for a
        caller that closes the database and goes on working in the folder (restore)."""
        lock, self.folder_lock = self.folder_lock, None
        return lock

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _shared_session(self) -> Session | None:
        shared = self._shared
        return shared[1] if shared is not None and shared[0] == threading.get_ident() else None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """One short write transaction (inside :meth:`atomic`: that shared one). A row changed
        since it was read raises :class:`ChangedElsewhere`."""
        shared = self._shared_session()
        if shared is not None:
            shared.expire_all()  # collections loaded by an earlier use case are read afresh
            yield shared
            shared.flush()
            return
        try:
            with self.sessionmaker() as s, s.begin():
                yield s
        except StaleDataError:  # a row's version counter moved between reading and writing it
            raise ChangedElsewhere() from None

    @contextlib.contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only session."""
        shared = self._shared_session()
        if shared is not None:
            shared.expire_all()
            yield shared
            return
        with self.sessionmaker() as s:
            yield s

    @contextlib.contextmanager
    def atomic(self) -> Iterator[None]:
        """Run several use cases of this thread as ONE transaction (e.g. importing a case file):
        their writes, audit entries included, are committed together at the end, or none of them
        when an exception leaves the block. A use case that raises inside must be the end of the
        block (its own writes are not undone separately). Not nested."""
        if self._shared_session() is not None:
            raise RuntimeError("Database.atomic() is not re-entrant")
        with self.sessionmaker() as s, s.begin():
            self._shared = (threading.get_ident(), s)
            try:
                yield
            finally:
                self._shared = None
