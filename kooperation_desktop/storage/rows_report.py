"""Rows of the report to the Jugendamt (Entwicklungsbericht). Migration ``versions/0016_reports.py``;
``0020_report_sync.py``: a report travels in the team mode like every other row of a case."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .rows_base import Base, UTCDateTime, edit_counter
from .rows_sync import Travelling


class ReportRow(Travelling, Base):
    """One report: its period, status (draft → checked → sent), the edited section texts, the
    sign-off, the copy list and — once sent — the frozen content and its SHA-256."""

    __tablename__ = "reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    row_version: Mapped[int] = edit_counter()
    __mapper_args__ = {"version_id_col": row_version}
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    agreement_id: Mapped[int | None] = mapped_column(ForeignKey("agreements.id", ondelete="SET NULL"), index=True)
    document_id: Mapped[str] = mapped_column(String(64), default="")
    period_start: Mapped[dt.date | None] = mapped_column(Date)
    period_end: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="draft")
    sections: Mapped[dict[str, str]] = mapped_column(JSON)  # edited texts: key -> text
    goal_categories: Mapped[dict[str, str]] = mapped_column(JSON)  # goal number -> category
    checked_by: Mapped[str] = mapped_column(Text, default="")
    checked_on: Mapped[dt.date | None] = mapped_column(Date)
    checked_how: Mapped[str] = mapped_column(String(16), default="")
    sent_on: Mapped[dt.date | None] = mapped_column(Date)
    sent_to: Mapped[str] = mapped_column(Text, default="")
    copies: Mapped[list[str]] = mapped_column(JSON)
    frozen_content: Mapped[str] = mapped_column(Text, default="")
    content_hash: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    updated_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
