"""Storage: SQLAlchemy rows, the SQLite engine, Alembic migrations and row <-> domain conversion.

Nothing from here but domain objects leaves the package: the repositories (:mod:`.cases`,
:mod:`.agreements`, :mod:`.entities`) take a Session and return domain objects (:mod:`.mapping`:
one ``to_domain``/``from_domain`` per row class).
"""
