"""The application context: one open data folder's :class:`~kooperation_desktop.storage.database.Database`
and the use-case services over it (:mod:`kooperation_desktop.usecases`).

``services.cases``, ``services.parties``, ``services.consent`` and ``services.agreements`` are the
use cases the UI and the command line call; ``services.db`` is the database (the feature services
— signing, follow-up, data protection — take it; its ``transaction()``/``reading()``/``atomic()``
are the session scopes). A refused use case raises
:class:`~kooperation_desktop.domain.rules.RuleViolation`; an id that does not exist raises
:class:`NotFound`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .domain.rules import Entity
from .protection import opener
from .storage.database import (  # NotFound, ChangedElsewhere: part of this API (re-exported)
    CHANGED_ELSEWHERE,
    ChangedElsewhere,
    Database,
    NotFound,
    check_row_version,
)
from .storage.files import KeyState
from .usecases.agreements import AgreementService
from .usecases.cases import CaseService
from .usecases.consent import ConsentService
from .usecases.parties import PartyService

if TYPE_CHECKING:
    from .protection.folder import FolderLock

__all__ = ["CHANGED_ELSEWHERE", "ChangedElsewhere", "Entity", "NotFound", "Services", "check_row_version"]


class Services:
    """The use cases over one open :class:`~kooperation_desktop.storage.database.Database`.
    Create with :meth:`open` (or ``Services(db)``), end with :meth:`close`."""

    def __init__(self, db: Database):
        self.db = db
        self.cases = CaseService(db)
        self.parties = PartyService(db)
        self.consent = ConsentService(db, self.parties)
        self.agreements = AgreementService(db)

    @classmethod
    def open(cls, data_dir: Path, passphrase: str | None = None, *,
             lock: FolderLock | None = None) -> Services:
        """Services over a newly opened database (:func:`~kooperation_desktop.protection.opener.open_database`:
        set up, unlock, migrate, lock the folder; see there for ``passphrase``, ``lock`` and the
        errors raised)."""
        return cls(opener.open_database(data_dir, passphrase, lock=lock))

    @property
    def data_dir(self) -> Path:
        return self.db.data_dir

    @property
    def key_state(self) -> KeyState:
        """The unlocked key (``new_recovery_key``: a recovery key this opening made, to show)."""
        if self.db.key_state is None:
            raise RuntimeError("the database was opened without encryption")
        return self.db.key_state

    @property
    def folder_warning(self) -> str | None:
        """German, when others can read the data folder and its rights could not be tightened."""
        return self.db.folder_warning

    def close(self) -> None:
        """Close the database and give the data folder free (a second call does nothing more)."""
        self.db.close()

    def __enter__(self) -> Services:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
