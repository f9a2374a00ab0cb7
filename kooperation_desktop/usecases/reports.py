"""Reports to the Jugendamt (Entwicklungsbericht): drafting, editing, the sign-off (draft →
checked by the team lead → sent), freezing, the PDF and its export (sealed once sent), and the
setting of when the report is due.

Over one open :class:`~kooperation_desktop.storage.database.Database` like the other use cases;
every query in :mod:`kooperation_desktop.storage.reports`, every rule in
:mod:`kooperation_desktop.domain.reports`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..atomic import write_bytes
from ..domain import reports as rules
from ..domain.model import InfoCategory, Problem
from ..domain.reports import ReportStatus
from ..domain.rules import RuleViolation, check_case_writable
from ..followup.due import REPORT_BEFORE_REVIEW_DAYS
from ..paths import guard_target
from ..report.draft import build_document, default_period, load_inputs, with_report
from ..report.model import Report, ReportDocument, document_from_json, document_to_json
from ..storage import cases as cases_repo
from ..storage import reports as repo
from ..storage.database import Database

REPORT_SUBJECT = "Entwicklungsbericht"
MAX_LEAD_DAYS = 120


@dataclass(frozen=True, slots=True)
class ReportExport:
    path: Path
    sealed: bool


def content_hash(frozen: str) -> str:
    return hashlib.sha256(frozen.encode("utf-8")).hexdigest()


class ReportService:
    """The report use cases over one open database."""

    def __init__(self, db: Database):
        self.db = db

    # --- drafting ------------------------------------------------------------------------------
    def default_period(self, case_id: int, today: dt.date | None = None) -> tuple[dt.date, dt.date]:
        """Since the last sent report, else since the agreement's start; until today."""
        return default_period(load_inputs(self.db, case_id), today or dt.date.today())

    def draft(self, case_id: int, start: dt.date | None = None, end: dt.date | None = None, *,
              on: dt.date | None = None, goal_categories: dict[str, str] | None = None) -> ReportDocument:
        """The drafted report (not stored), consents judged as of ``on`` (default today)."""
        on = on or dt.date.today()
        inputs = load_inputs(self.db, case_id)
        d_start, d_end = default_period(inputs, on)
        start, end = start or d_start, end or d_end
        rules.check_period(start, end)
        return build_document(inputs.case, inputs.agreement, inputs.reviews, inputs.reflections, inputs.done,
                              start, end, on, goal_categories)

    def create(self, case_id: int, start: dt.date | None = None, end: dt.date | None = None) -> Report:
        """A new stored draft for the period (default: :meth:`default_period`)."""
        inputs = load_inputs(self.db, case_id)
        d_start, d_end = default_period(inputs, dt.date.today())
        start, end = start or d_start, end or d_end
        rules.check_period(start, end)
        with self.db.transaction() as s:
            check_case_writable(cases_repo.status(s, case_id))
            return repo.insert(s, Report(case_id=case_id, agreement_id=inputs.agreement.id,
                                         period_start=start, period_end=end))

    def reports(self, case_id: int) -> list[Report]:
        with self.db.reading() as s:
            return repo.for_case(s, case_id)

    def get(self, report_id: int) -> Report:
        with self.db.reading() as s:
            return repo.get(s, report_id)

    def document(self, report_id: int, *, on: dt.date | None = None) -> ReportDocument:
        """What the report prints: a sent report exactly as frozen; otherwise drafted afresh from
        the case (as of ``on``, default today) with the report's edited texts and sign-off."""
        report = self.get(report_id)
        if report.status == ReportStatus.SENT and report.frozen_content:
            doc = document_from_json(report.frozen_content)
            doc.content_hash = report.content_hash
            return doc
        assert report.case_id is not None
        doc = self.draft(report.case_id, report.period_start, report.period_end, on=on,
                         goal_categories=report.goal_categories)
        return with_report(doc, report)

    # --- editing -------------------------------------------------------------------------------
    def save(self, report: Report) -> Report:
        """Store the edited texts, the goals' categories, the period and the copy list. A sent
        report is refused; a checked one whose content changes is a draft again."""
        rules.check_period(report.period_start, report.period_end)
        copies = rules.check_copies(report.copies)
        categories = {str(k): v for k, v in report.goal_categories.items()}
        if any(v not in {c.value for c in InfoCategory} for v in categories.values()):
            raise RuleViolation(Problem("goal_categories", "Unbekannte Kategorie bei einem Ziel."))
        assert report.id is not None
        with self.db.transaction() as s:
            stored = repo.get(s, report.id)
            rules.check_editable(stored.status)
            assert stored.case_id is not None
            check_case_writable(cases_repo.status(s, stored.case_id))
            values: dict[str, Any] = {"sections": {k: v for k, v in report.sections.items() if isinstance(v, str)},
                                      "goal_categories": categories, "period_start": report.period_start,
                                      "period_end": report.period_end, "copies": copies}
            changed = {k: v for k, v in values.items() if getattr(stored, k) != v}
            if not changed:
                return stored
            if stored.status == ReportStatus.CHECKED and set(changed) != {"copies"}:
                changed.update(status=rules.status_after_edit(stored.status), checked_by="", checked_on=None,
                               checked_how="")
            saved = repo.update(s, report, changed)
        report.row_version, report.status = saved.row_version, saved.status
        return saved

    def delete(self, report_id: int) -> None:
        """Delete a report that was not sent (a sent one is part of the file)."""
        with self.db.transaction() as s:
            stored = repo.get(s, report_id)
            rules.check_editable(stored.status)
            repo.delete_report(s, report_id)

    # --- sign-off ------------------------------------------------------------------------------
    def mark_checked(self, report_id: int, name: str, on: dt.date | None = None, how: str = "screen") -> Report:
        """draft → checked by the team lead (name, date; on screen or on paper)."""
        on = on or dt.date.today()
        with self.db.transaction() as s:
            stored = repo.get(s, report_id)
            rules.check_mark_checked(stored.status, name, on, how)
            return repo.update(s, stored, {"status": ReportStatus.CHECKED, "checked_by": name.strip(),
                                           "checked_on": on, "checked_how": how})

    def mark_sent(self, report_id: int, on: dt.date | None = None, to_whom: str = "") -> Report:
        """checked → sent (date, to whom): the content is frozen (judged as of today, so every
        revocation recorded until now is honoured) with its SHA-256; nothing of it changes after."""
        on = on or dt.date.today()
        stored = self.get(report_id)
        rules.check_mark_sent(stored.status, on, to_whom, stored.checked_on)
        doc = self.document(report_id)
        doc.status, doc.sent_on, doc.sent_to = ReportStatus.SENT, on, to_whom.strip()
        frozen = document_to_json(doc)
        with self.db.transaction() as s:
            again = repo.get(s, report_id)
            rules.check_mark_sent(again.status, on, to_whom, again.checked_on)
            return repo.update(s, stored, {"status": ReportStatus.SENT, "sent_on": on, "sent_to": to_whom.strip(),
                                           "frozen_content": frozen, "content_hash": content_hash(frozen)})

    def verify_stored(self, report_id: int) -> bool:
        """True when a sent report's frozen content still has its SHA-256."""
        report = self.get(report_id)
        return bool(report.frozen_content) and content_hash(report.frozen_content) == report.content_hash

    # --- PDF -------------------------------------------------------------------------------------
    def render(self, report_id: int) -> bytes:
        """The report as a PDF (unsealed)."""
        from ..pdf.report import render_report_bytes  # lazy: reportlab is heavy

        return render_report_bytes(self.document(report_id))

    def needs_seal(self, report_id: int) -> bool:
        return self.get(report_id).status == ReportStatus.SENT

    def export(self, report_id: int, out: Path, signing: Any = None, password: str | None = None) -> ReportExport:
        """Write the PDF to ``out`` (atomically; never over the data folder's files). A sent report
        is sealed (PAdES) with the organisation's seal of ``signing`` (the
        :class:`~kooperation_desktop.signing.service.SigningService`; unlocked, or ``password``)."""
        out = guard_target(out, self.db.data_dir)
        data = self.render(report_id)
        if not self.needs_seal(report_id):
            write_bytes(out, data)
            return ReportExport(out, False)
        from ..signing.seal import Claim, seal_pdf
        from ..signing.service import SigningService

        signing = signing or SigningService(self.db)
        signer = signing.unlock(password) if password is not None else signing._unlocked()
        ident = signing.seal_identity()
        report = self.get(report_id)
        claim = Claim(report.document_id, 1, report.content_hash)
        sealed = seal_pdf(data, signer, ident.organisation if ident else "Organisation", claim,
                          subject=REPORT_SUBJECT)
        write_bytes(out, sealed)
        return ReportExport(out, True)

    # --- the due item's setting -------------------------------------------------------------
    def lead_days(self) -> int:
        """How many days before the Hilfeplan meeting the report is due (default 14)."""
        with self.db.reading() as s:
            days = repo.lead_days(s)
        return REPORT_BEFORE_REVIEW_DAYS if days is None else days

    def set_lead_days(self, days: int) -> None:
        if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= MAX_LEAD_DAYS:
            raise RuleViolation(Problem("lead_days", f"Bitte eine Zahl von 0 bis {MAX_LEAD_DAYS} Tagen eingeben."))
        with self.db.transaction() as s:
            repo.set_lead_days(s, days)
