"""Opening a data folder: lock it, unlock (or set up) the encrypted database, migrate it, and
return the one open :class:`~kooperation_desktop.storage.database.Database` with the data
protection's listeners (audit trail, read-only closed cases) on its own sessions.

Kept apart from :mod:`.vault` (keys and passwords, no SQLAlchemy) so the start can ask for the
password before the heavy modules are loaded.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import configure_mappers

from ..storage.database import Database
from ..storage.db import head_revisions, make_engine, upgrade_to_head
from ..storage.files import KeyState
from ..team import outbox
from . import audit, folder, retention
from .vault import db_path, unlock


def prepare() -> None:
    """Do ahead of the first opening what does not need the key (otherwise the opening does it):
    load the cipher modules, set up the ORM's row classes and read the newest migration from the
    migration files. The window calls this while the password is typed."""
    import sqlcipher3  # noqa: F401 - loaded for the module cache: the key check and the engine
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: F401 - unwrapping the key

    configure_mappers()
    head_revisions()  # cached: the check "nothing to migrate" after the key is derived is a query


def open_database(data_dir: Path, passphrase: str | None = None, *,
                  lock: folder.FolderLock | None = None, key_state: KeyState | None = None) -> Database:
    """Open (create and migrate with Alembic if needed) the encrypted ``data_dir/kooperation.sqlite``.

    ``passphrase``: the user's password or the office's recovery key; None → the environment
    variable ``KOOPERATION_PASSPHRASE`` (for scripts and the command line). A new folder is
    set up encrypted with it (``key_state.new_recovery_key`` is then set, to show until
    confirmed); a plain database of an earlier version is encrypted. Raises
    :class:`~kooperation_desktop.protection.ProtectionError` (``PassphraseRequired``,
    ``WrongPassphrase``, ``FolderInUse``) with a German message; nothing is touched then.

    The folder is locked for this process until :meth:`Database.close` (a second opener, here or
    in another process, gets ``FolderInUse``). ``lock``: a lock the caller already holds on
    ``data_dir`` (e.g. taken before asking for the password); it is handed over on success and
    stays the caller's on failure. The database records the audit trail and keeps closed cases
    read-only (listeners on its own sessions only). ``key_state``: the key the caller already
    unlocked with :func:`~.vault.unlock` on ``data_dir`` (the window derives it while the modules
    load); ``passphrase`` is then not used."""
    data_dir = Path(data_dir)
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    held = lock if lock is not None else folder.FolderLock(data_dir).acquire()
    try:
        warning = folder.tighten(data_dir)
        if key_state is None:
            key_state = unlock(data_dir, passphrase)
        folder.remove_orphans(data_dir)  # the state is final now: leftovers of a crash go
        engine = make_engine(db_path(data_dir), key=key_state.current_key)
        try:
            upgrade_to_head(engine)
        except Exception:
            engine.dispose()
            raise
    except BaseException:
        if lock is None:
            held.release()
        raise
    db = Database(engine, data_dir, key_state=key_state, folder_lock=held, folder_warning=warning)
    audit.attach(db)
    retention.attach_read_only_guard(db)
    outbox.attach(db)  # team mode only: the sync outbox
    return db
