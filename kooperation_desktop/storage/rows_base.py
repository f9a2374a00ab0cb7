"""The declarative base every row module builds on: the naming convention of constraints, the
UTC datetime column type and the row version counter.

Its own module so the row modules (:mod:`.rows`, :mod:`.rows_audit`, :mod:`.rows_followup`,
:mod:`.rows_signing`) import it without importing each other. Import ``Base`` through
:mod:`.rows`, which imports every row module: its ``metadata`` then holds every table.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import DateTime, Integer, MetaData
from sqlalchemy.orm import DeclarativeBase, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Stores naive UTC, returns timezone-aware UTC datetimes."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        naive: dt.datetime = value
        return naive

    def process_result_value(self, value: Any, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        stored: dt.datetime = value.replace(tzinfo=dt.UTC)
        return stored


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def edit_counter() -> Any:
    """The row's version counter (SQLAlchemy ``version_id_col``, migration 0010): 1 when inserted,
    +1 with every UPDATE of the row. An UPDATE runs ``... WHERE row_version = <the value read>``, so
    a concurrent write of the same row fails (``StaleDataError``) instead of overwriting it; the
    domain objects carry the value they were loaded with (``row_version``), and the services refuse
    a save of an older copy (``services.ChangedElsewhere``)."""
    return mapped_column(Integer, nullable=False, default=1, server_default="1")
