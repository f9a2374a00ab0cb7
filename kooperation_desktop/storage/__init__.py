"""Storage: SQLAlchemy rows, the SQLite engine, Alembic migrations and row <-> domain conversion.

Nothing from here but domain objects leaves the package; use :class:`kooperation_desktop.services.Services`.
"""
