"""Rows of the signing feature: one signature per party and agreement version."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, Float, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .rows_base import Base, UTCDateTime
from .rows_sync import Travelling


class SignatureRow(Travelling, Base):
    __tablename__ = "signatures"
    __table_args__ = (UniqueConstraint("agreement_id", "party_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id", ondelete="CASCADE"), index=True)
    party_key: Mapped[str] = mapped_column(String(64))
    signer_name: Mapped[str] = mapped_column(Text, default="")
    role: Mapped[str] = mapped_column(Text, default="")
    method: Mapped[str] = mapped_column(String(16))
    content_hash: Mapped[str] = mapped_column(String(64))
    strokes: Mapped[str] = mapped_column(Text, default="")  # JSON: [[[x, y], ...], ...]
    pad_width: Mapped[float] = mapped_column(Float, default=0.0)
    pad_height: Mapped[float] = mapped_column(Float, default=0.0)
    image_png: Mapped[bytes] = mapped_column(LargeBinary, default=b"")
    place: Mapped[str] = mapped_column(Text, default="")
    signed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    signed_on: Mapped[dt.date | None] = mapped_column(Date)
    recorded_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    note: Mapped[str] = mapped_column(Text, default="")
