"""Protection of the family's data on the laptop: encryption keys, audit trail, retention,
backup and restore, the GDPR export. Qt-free.

Modules:

- :mod:`.keys` — password → key derivation, the recovery key, the key file beside the database;
- :mod:`.folder` — the data folder while it is open: one opener at a time (lock), owner-only files,
  no leftovers of a crash;
- :mod:`.vault` — unlocking the encrypted database (set-up, unlock, migration of a plain database,
  change of password = re-key); light, no SQLAlchemy;
- :mod:`.opener` — a data folder opened as one :class:`~kooperation_desktop.storage.database.Database`
  (lock, unlock, migrate, audit trail and read-only closed cases on its own sessions);
- :mod:`.audit` — append-only audit trail recorded from the open database's session events;
- :mod:`.model` — what it records and lists: audit entries, closed and expired cases (no storage);
- :mod:`.retention` — closed cases are read-only, listing and deleting cases past retention;
- :mod:`.backup` — one encrypted, verified backup file and its restore;
- :mod:`.gdpr` — everything stored about one person (GDPR Art. 15) as JSON.
"""

from .folder import FolderInUse
from .keys import PassphraseRequired, ProtectionError, WrongPassphrase

__all__ = ["FolderInUse", "PassphraseRequired", "ProtectionError", "WrongPassphrase"]
