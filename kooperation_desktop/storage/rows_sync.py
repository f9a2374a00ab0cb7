"""Rows of team-mode synchronisation (see ``docs/team-mode.md``, "Synchronisation").

:class:`Travelling` gives every row that travels between laptops and the agency's server a globally
unique ``uuid`` (the numbers users see stay as they are) and ``change_seq``, the server's change
sequence number of the row's last change (set by a PostgreSQL trigger on the server; NULL on a laptop).

On a laptop: :class:`OutboxRow` (local changes not yet pushed), :class:`SyncStateRow` (the server and
how far this laptop has pulled; no row: single-laptop mode), :class:`ConflictRow` (the Konfliktliste).
On the server: :class:`TombstoneRow` (deleted rows, for the pull) and :class:`PushedRow` (outbox entries
already applied, so pushing one twice is harmless). Both kinds of tables exist in every database (one
schema); each side leaves the other's empty. Migration ``0015``.
"""

from __future__ import annotations

import datetime as dt
import uuid as uuid_module
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .rows_base import Base, UTCDateTime


def new_uuid() -> str:
    return str(uuid_module.uuid4())


class Travelling:
    """Mixin of every travelling row: its global identity and the server's change sequence."""

    uuid: Mapped[str | None] = mapped_column(String(36), default=new_uuid, index=True, unique=True)
    change_seq: Mapped[int | None] = mapped_column(BigInteger, index=True)


class OutboxRow(Base):
    """A local change of a travelling row, written in the same transaction as the change."""

    __tablename__ = "sync_outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # the entry's global identity: the server remembers it (a local id may come again after a restore)
    entry_uuid: Mapped[str] = mapped_column(String(36), default=new_uuid)
    table_name: Mapped[str] = mapped_column(String(64))
    row_uuid: Mapped[str] = mapped_column(String(36), index=True)
    case_uuid: Mapped[str | None] = mapped_column(String(36))
    op: Mapped[str] = mapped_column(String(8))  # insert, update, delete
    # {column: [old, new]} (sync codec; a foreign key as the referenced row's uuid)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    base_version: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False)


class SyncStateRow(Base):
    """The one row (id 1) of a laptop in team mode."""

    __tablename__ = "sync_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    server_url: Mapped[str] = mapped_column(Text, default="")  # without the password
    identity: Mapped[str] = mapped_column(Text, default="")  # the login (database role) of this worker
    client_id: Mapped[str] = mapped_column(String(36))  # this laptop, for the server's PushedRow
    ca_file: Mapped[str] = mapped_column(Text, default="")
    plain: Mapped[bool] = mapped_column(Boolean, default=False)  # --ohne-tls
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    last_sync_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    # the server's identity at the first sync (migration 0021): another one is noticed, see team/reconnect.py
    server_id: Mapped[str | None] = mapped_column(String(64))


class ConflictRow(Base):
    """A field changed both here and on the server (Konfliktliste). Until resolved the server value
    is in the row and the local one here."""

    __tablename__ = "sync_conflicts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    table_name: Mapped[str] = mapped_column(String(64))
    row_uuid: Mapped[str] = mapped_column(String(36), index=True)
    case_uuid: Mapped[str | None] = mapped_column(String(36))
    field: Mapped[str] = mapped_column(String(64))
    local_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    server_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    local_by: Mapped[str] = mapped_column(Text, default="")
    local_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    server_by: Mapped[str] = mapped_column(Text, default="")
    server_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    row_deleted: Mapped[bool] = mapped_column(Boolean, default=False)  # the server deleted the row
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)
    resolution: Mapped[str] = mapped_column(String(16), default="")  # local, server
    #: the row as the app names it when the entry was recorded („Person „Lotta Weg““; "": not named)
    row_name: Mapped[str] = mapped_column(Text, default="", server_default="")


class TombstoneRow(Base):
    """Server: a deleted travelling row (written by a trigger), so laptops delete it too."""

    __tablename__ = "sync_tombstones"

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    table_name: Mapped[str] = mapped_column(String(64))
    row_uuid: Mapped[str] = mapped_column(String(36))
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class PushedRow(Base):
    """Server: an outbox entry already applied (pushing it again only replays its result)."""

    __tablename__ = "sync_pushed"

    entry_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    client_id: Mapped[str] = mapped_column(String(36))
    row_uuid: Mapped[str] = mapped_column(String(36), index=True)
    case_uuid: Mapped[str | None] = mapped_column(String(36))  # row-level security: who may read it
    fields: Mapped[list[str]] = mapped_column(JSON)  # the columns it changed
    who: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    result: Mapped[Any] = mapped_column(JSON, nullable=True)  # the conflicts it raised (on one entry per row)
