"""The reports' repository (table ``reports``, :class:`~.rows_report.ReportRow`): every query of
:class:`~kooperation_desktop.usecases.reports.ReportService`."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..domain.reports import ReportStatus
from ..report.model import Report
from .cases import not_found
from .database import check_row_version
from .retention import set_setting, setting
from .rows_followup import DueStateRow
from .rows_report import ReportRow

LEAD_DAYS_KEY = "report_lead_days"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def to_domain(row: ReportRow) -> Report:
    return Report(case_id=row.case_id, agreement_id=row.agreement_id, document_id=row.document_id,
                  period_start=row.period_start, period_end=row.period_end, status=ReportStatus(row.status),
                  sections=dict(row.sections or {}), goal_categories=dict(row.goal_categories or {}),
                  checked_by=row.checked_by, checked_on=row.checked_on, checked_how=row.checked_how,
                  sent_on=row.sent_on, sent_to=row.sent_to, copies=list(row.copies or []),
                  frozen_content=row.frozen_content, content_hash=row.content_hash, created_at=row.created_at,
                  id=row.id, row_version=row.row_version)


def _row(s: Session, report_id: int) -> ReportRow:
    row = s.get(ReportRow, report_id)
    if row is None:
        raise not_found("Bericht", report_id)
    return row


def get(s: Session, report_id: int) -> Report:
    return to_domain(_row(s, report_id))


def for_case(s: Session, case_id: int) -> list[Report]:
    """The case's reports, oldest first."""
    rows = s.scalars(select(ReportRow).where(ReportRow.case_id == case_id).order_by(ReportRow.id))
    return [to_domain(r) for r in rows]


def last_sent(s: Session, case_id: int) -> Report | None:
    row = s.scalar(select(ReportRow).where(ReportRow.case_id == case_id, ReportRow.status == ReportStatus.SENT.value)
                   .order_by(ReportRow.period_end.desc(), ReportRow.id.desc()).limit(1))
    return None if row is None else to_domain(row)


def by_document(s: Session, document_id: str) -> Report | None:
    """The sent report with this report number (None: none here)."""
    row = s.scalar(select(ReportRow).where(ReportRow.document_id == document_id,
                                           ReportRow.status == ReportStatus.SENT.value).limit(1))
    return None if row is None else to_domain(row)


def sent_dates(s: Session, case_id: int) -> list[dt.date]:
    """The days the case's reports were sent (for the due item "Bericht fällig")."""
    return sorted(d for d in s.scalars(select(ReportRow.sent_on).where(
        ReportRow.case_id == case_id, ReportRow.status == ReportStatus.SENT.value)) if d is not None)


def new_document_id(s: Session) -> str:
    while True:
        candidate = "EB-" + uuid.uuid4().hex[:8].upper()
        if s.scalar(select(ReportRow.id).where(ReportRow.document_id == candidate)) is None:
            return candidate


def insert(s: Session, report: Report) -> Report:
    row = ReportRow(case_id=report.case_id, agreement_id=report.agreement_id, document_id=new_document_id(s),
                    period_start=report.period_start, period_end=report.period_end, status=report.status.value,
                    sections=dict(report.sections), goal_categories=dict(report.goal_categories),
                    checked_by="", checked_on=None, checked_how="", sent_on=None, sent_to="",
                    copies=list(report.copies), frozen_content="", content_hash="", created_at=_now(),
                    updated_at=_now())
    s.add(row)
    s.flush()
    return to_domain(row)


def update(s: Session, report: Report, values: dict[str, object]) -> Report:
    """Set ``values`` on the stored report (refused when it changed since ``report`` was read)."""
    assert report.id is not None
    row = _row(s, report.id)
    check_row_version(row, report.row_version)
    for name, value in values.items():
        setattr(row, name, value.value if isinstance(value, ReportStatus) else value)
    row.updated_at = _now()
    s.flush()
    return to_domain(row)


def delete_report(s: Session, report_id: int) -> None:
    s.delete(_row(s, report_id))


def lead_days(s: Session) -> int | None:
    raw = setting(s, LEAD_DAYS_KEY)
    return int(raw) if raw and raw.isdigit() else None


def set_lead_days(s: Session, days: int) -> None:
    """Store the setting and forget the due index of every case (their report dates move)."""
    set_setting(s, LEAD_DAYS_KEY, str(days))
    s.execute(delete(DueStateRow))
