"""Rows of the data-protection feature: the append-only audit trail and provider settings
(retention period). See :mod:`kooperation_desktop.protection`.

The audit rows hold no content: who (the OS user profile), when, which entity (table name and id),
which case, which action. ``case_id`` is deliberately no foreign key: the record of a deletion
outlives the deleted case. Migration 0005 adds triggers that refuse UPDATE and DELETE on it.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .rows_base import Base, UTCDateTime


class AuditRow(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False)
    user: Mapped[str] = mapped_column(Text, default="")
    action: Mapped[str] = mapped_column(String(32))
    entity_type: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    case_id: Mapped[int | None] = mapped_column(Integer, index=True)


class ProtectionSettingRow(Base):
    __tablename__ = "protection_settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
