"""Agreements: the draft, its fields, document numbers, the completeness check, finalising,
new versions, the printed document (a finalised version as frozen) and its PDF."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from sqlalchemy.orm import Session

from kooperation_desktop import assets

from ..atomic import write_bytes
from ..domain import rules, serialize
from ..domain.model import Agreement, AgreementStatus, AgreementSummary, Case, Problem
from ..domain.rules import RuleViolation
from ..paths import guard_target
from ..storage import agreements as repo
from ..storage import cases as cases_repo
from ..storage.cases import utc_now
from ..storage.database import Database, check_row_version

# the agreement's own fields update() may change on a draft
EDITABLE = ("title", "start_date", "planned_end", "next_review", "mandate", "goodwill",
            "client_view", "transition_offers", "transition_partners", "transition_self", "language",
            "family_language")


def _check_identity(s: Session, stored: Agreement, agreement: Agreement) -> None:
    """A draft's new version number and document number (importing a case file) are possible."""
    others = repo.other_versions(s, stored.id or 0, stored.case_id)
    if not isinstance(agreement.version, int) or agreement.version < 1 or agreement.version in others:
        raise RuleViolation(Problem("version", f"Version {agreement.version} ist in diesem Fall nicht möglich."))
    if agreement.document_id != stored.document_id and (others or not agreement.document_id.strip()):
        raise RuleViolation(Problem("document_id", "Die Dokumentnummer kann nicht mehr geändert werden."))
    if agreement.document_id != stored.document_id and repo.document_id_used(s, agreement.document_id,
                                                                              stored.case_id):
        raise RuleViolation(Problem("document_id", f"Die Dokumentnummer {agreement.document_id} gehört schon "
                                                   "zu einem anderen Fall (Dokumentnummern sind eindeutig)."))


class AgreementService:
    """The agreement use cases over one open database."""

    def __init__(self, db: Database):
        self.db = db

    def current_draft(self, case_id: int) -> Agreement:
        """The case's draft agreement, creating version 1 (or a copy of the newest final
        version) if there is none."""
        with self.db.transaction() as s:
            if not cases_repo.exists(s, case_id):
                raise cases_repo.not_found("Fall", case_id)
            newest = repo.newest_first(s, case_id)
            draft = next((a for a in newest if a.status == AgreementStatus.DRAFT), None)
            if draft is not None:
                return repo.get(s, draft.id)
            if not newest:
                rules.check_case_writable(cases_repo.status(s, case_id))
                agreement_id = repo.insert(s, Agreement(
                    case_id=case_id, version=1, status=AgreementStatus.DRAFT,
                    document_id=repo.new_document_id(s), start_date=dt.date.today(),
                    goodwill=assets.text("texts", "goodwill_de.txt").strip()))
                cases_repo.touch(s, case_id)
                return repo.get(s, agreement_id)
            newest_id = newest[0].id
        return self.new_version(newest_id)

    def newest(self) -> AgreementSummary | None:
        """The agreement version created last in this data folder (None: there is none)."""
        with self.db.reading() as s:
            return repo.newest(s)

    def exists(self, agreement_id: int) -> bool:
        with self.db.reading() as s:
            return repo.find_own(s, agreement_id) is not None

    def get(self, agreement_id: int) -> Agreement:
        """The agreement with goals (with indicators), roles, tasks and communication rules."""
        with self.db.reading() as s:
            return repo.get(s, agreement_id)

    def update(self, agreement: Agreement) -> Agreement:
        """Save the agreement's own fields (dates, mandate, texts, wizard_step). Frozen → refused,
        except ``wizard_step``. Status, hash, dates of creation/finalising are never changed here.

        A draft's ``document_id`` and ``version`` may be set too (used when importing a case file):
        the version must be ≥ 1 and not used by another version of the case, and the document id
        can only change while the draft is the case's only agreement."""
        with self.db.transaction() as s:
            stored = repo.own(s, agreement.id)
            assert stored.id is not None
            up_to_date = agreement.row_version in (None, stored.row_version)
            changed = [f for f in EDITABLE if getattr(stored, f) != getattr(agreement, f)]
            identity = [f for f in ("document_id", "version") if getattr(stored, f) != getattr(agreement, f)]
            if changed or identity:
                rules.check_editable(stored)
                check_row_version(stored, agreement.row_version)  # only the resume step may come from an older copy
            if identity:
                _check_identity(s, stored, agreement)
                changed += identity
            values = {f: getattr(agreement, f) for f in changed}
            if stored.wizard_step != agreement.wizard_step:
                values["wizard_step"] = agreement.wizard_step
            if values:
                rules.check_case_writable(cases_repo.status(s, stored.case_id))
            row_version = repo.update_fields(s, stored.id, values)
            if changed:
                cases_repo.touch(s, stored.case_id)
            if up_to_date:  # the caller's copy is the stored state now (an older copy stays older)
                agreement.row_version = row_version
            return repo.get(s, stored.id)

    def document_id_in_use(self, document_id: str) -> bool:
        """True when an agreement in this data folder has this document number."""
        with self.db.reading() as s:
            return repo.document_id_used(s, document_id)

    def new_document_id(self) -> str:
        """A document number no agreement in this data folder has."""
        with self.db.reading() as s:
            return repo.new_document_id(s)

    def original_document_id(self, agreement_id: int) -> str:
        """The number an imported version had in its case file when it got a new one here ("" otherwise)."""
        with self.db.reading() as s:
            return repo.original_document_id(s, agreement_id)

    def record_original_document_id(self, agreement_id: int, original: str) -> None:
        """Note the number an imported version had in its case file (it got a new one here)."""
        with self.db.transaction() as s:
            rules.check_case_writable(cases_repo.status(s, repo.own(s, agreement_id).case_id))
            repo.set_original_document_id(s, agreement_id, original)

    def check(self, agreement_id: int) -> list[Problem]:
        """Completeness check: what is missing, in German (empty: complete)."""
        with self.db.reading() as s:
            agreement = repo.get(s, agreement_id)
            return rules.completeness(cases_repo.get(s, agreement.case_id), agreement)

    def finalise(self, agreement_id: int, *, at: dt.datetime | None = None) -> Agreement:
        """Freeze the version: status FINAL, finalised_at, content_hash = SHA-256 of the
        canonical content. Refused (RuleViolation) while :meth:`check` reports problems.
        Older final/signed versions of the same document become SUPERSEDED (their content
        and hash stay as they are).

        ``at`` (importing a case file: the moment the file says it was finalised): the version
        is judged by the same rules as of that day, with the consents as they stood then
        (:func:`rules.consents_as_of`), and keeps that moment."""
        with self.db.transaction() as s:
            agreement = repo.get(s, agreement_id)
            rules.check_editable(agreement)
            case = cases_repo.get(s, agreement.case_id)
            judged = agreement
            if at is not None:
                at = at if at.tzinfo is not None else at.replace(tzinfo=dt.UTC)
                judged = dataclasses.replace(agreement, status=AgreementStatus.FINAL, finalised_at=at)
                on = rules.as_of(judged)
                assert on is not None
                case = rules.consents_as_of(case, on)
                problems = rules.completeness(case, agreement, on)
            else:
                problems = rules.completeness(case, agreement)
            if problems:
                raise RuleViolation(problems)
            case = rules.with_signers_resolved(case, agreement)  # who signs is frozen with the version
            rules.check_case_writable(cases_repo.status(s, agreement.case_id))
            repo.freeze(s, agreement_id, finalised_at=at or utc_now(), content_hash=rules.content_hash(case, judged),
                        frozen=serialize.freeze(case, agreement))
            cases_repo.touch(s, agreement.case_id)
            return repo.get(s, agreement_id)

    def new_version(self, agreement_id: int) -> Agreement:
        """A new draft (version + 1, predecessor_id set) copying the frozen version's content;
        the old version stays untouched. Refused for a draft and while the case has a draft."""
        with self.db.transaction() as s:
            old = repo.get(s, agreement_id)
            if old.status == AgreementStatus.DRAFT:
                raise RuleViolation(Problem(
                    "status", f"Version {old.version} ist noch ein Entwurf und kann direkt bearbeitet werden."))
            draft = repo.draft_version(s, old.case_id)
            if draft is not None:
                raise RuleViolation(Problem(
                    "status", f"Es gibt schon einen Entwurf (Version {draft}). Bitte diesen bearbeiten."))
            rules.check_case_writable(cases_repo.status(s, old.case_id))
            new_id = repo.insert_copy(s, old)
            cases_repo.touch(s, old.case_id)
            return repo.get(s, new_id)

    def document(self, agreement_id: int) -> tuple[Case, Agreement]:
        """The case and agreement as they are printed.

        A draft is shown with the case as it is now. A finalised version is shown exactly as it
        was finalised (its frozen snapshot): persons, partners and consents changed later do not
        change it; its current status (e.g. superseded) is taken from the database.
        """
        with self.db.reading() as s:
            stored = repo.own(s, agreement_id)
            frozen = repo.frozen_content(s, agreement_id)
            if not frozen:
                return cases_repo.get(s, stored.case_id), repo.get(s, agreement_id)
        try:
            case, agreement = serialize.thaw(frozen)
        except serialize.FormatError as e:
            raise RuleViolation(Problem("frozen_content", str(e))) from None
        case.id, agreement.id, agreement.case_id = stored.case_id, stored.id, stored.case_id
        agreement.status = stored.status
        agreement.finalised_at, agreement.content_hash = stored.finalised_at, stored.content_hash
        return case, agreement

    def verify_stored(self, agreement_id: int) -> bool:
        """True when a finalised version's stored content still has its SHA-256 (drafts: False)."""
        case, agreement = self.document(agreement_id)
        if agreement.status == AgreementStatus.DRAFT or not agreement.content_hash:
            return False
        return rules.content_hash(case, agreement) == agreement.content_hash

    def export_pdf(self, agreement_id: int, out: Path) -> Path:
        """Render the agreement (only consented partners) to ``out`` (written atomically:
        a temporary file in the same folder, synced, then renamed)."""
        from ..pdf.render import render_agreement_bytes  # lazy: reportlab is heavy

        out = guard_target(out, self.db.data_dir)
        case, agreement = self.document(agreement_id)
        return write_bytes(out, render_agreement_bytes(case, agreement))
