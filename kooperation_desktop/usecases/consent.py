"""Consent: the current consent text, recording and revoking a consent."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

from ..domain import rules
from ..domain.model import AgreementStatus, Consent, Problem
from ..pdf import texts
from ..storage import agreements as agreements_repo
from ..storage import cases as cases_repo
from ..storage import entities as repo
from ..storage.cases import not_found
from ..storage.database import Database

if TYPE_CHECKING:
    from .parties import PartyService


def consent_text() -> tuple[str, str]:
    """(version, text) of the current German consent text: the shipped one (pdf/texts.py reads it)."""
    return texts.consent_text("de")


def consent_defaults(consent: Consent) -> None:
    """A new consent is given today, with the current consent text, unless they are set."""
    if consent.given_on is None:
        consent.given_on = dt.date.today()
    if not consent.text.strip():
        consent.text_version, consent.text = consent_text()


class ConsentService:
    """The consent use cases over one open database (a new consent is saved by ``parties``)."""

    def __init__(self, db: Database, parties: PartyService):
        self.db = db
        self.parties = parties

    @staticmethod
    def text() -> tuple[str, str]:
        """(version, text) of the current consent text to show / read out."""
        return consent_text()

    def record(self, consent: Consent) -> Consent:
        """Store a consent; ``given_on`` defaults to today, ``text``/``text_version`` to the
        current consent text from resources if empty."""
        consent_defaults(consent)
        saved = self.parties.save(consent)
        assert isinstance(saved, Consent)
        return saved

    def revoke(self, consent_id: int, on: dt.date, note: str = "") -> list[Problem]:
        """Record the revocation; returns the affected draft/final agreements' problems
        (each message starts with the agreement's version, e.g. „Version 2 (Entwurf): …“)."""
        with self.db.transaction() as s:
            stored = repo.find(s, Consent, consent_id)
            if not isinstance(stored, Consent):
                raise not_found("Einverständnis", consent_id)
            rules.check_revocation(stored, on)
            rules.check_case_writable(cases_repo.status(s, stored.case_id))
            repo.revoke_consent(s, consent_id, on, note)
            cases_repo.touch(s, stored.case_id)
        problems: list[Problem] = []
        when = max(on, dt.date.today())
        with self.db.reading() as s:
            case = cases_repo.get(s, stored.case_id)
            for summ in case.agreements:
                if summ.status not in (AgreementStatus.DRAFT, AgreementStatus.FINAL, AgreementStatus.SIGNED):
                    continue
                agreement = agreements_repo.get(s, summ.id)
                label = "Entwurf" if summ.status == AgreementStatus.DRAFT else "abgeschlossen"
                for p in rules.consent_problems(case, agreement, when):
                    problems.append(dataclasses.replace(p, message=f"Version {summ.version} ({label}): {p.message}"))
        return problems
