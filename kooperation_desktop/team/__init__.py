"""Team mode: the agency's PostgreSQL as the shared store (issue 14).

- :mod:`.connection`: the engine for a ``postgresql://`` address, TLS (``verify-full``) by default, and
  one German line (with an exit code) for every way the connection can fail;
- :mod:`.server`: ``server init`` (schema, group roles, row-level security), teams, users, status;
- :mod:`.cli`: the ``server`` sub-commands.

Qt-free, like the rest of the core. The laptop's own encrypted SQLite stays the default and needs none of it.
"""
