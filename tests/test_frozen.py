"""A finalised version stays as it was finalised: later changes to the case do not change it."""

from __future__ import annotations

import datetime as dt

import pypdf
from helpers import INFORMAL, MOTHER
from sqlalchemy import text

from kooperation_desktop.domain import rules
from kooperation_desktop.domain.model import AgreementStatus, Partner, PartnerKind


def pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def test_later_changes_to_the_case_do_not_change_a_final_version(complete_case, tmp_path):
    services, case_id, agreement_id = complete_case
    final = services.agreements.finalise(agreement_id)
    case = services.cases.get(case_id)
    # after finalising: a person is renamed, a new partner joins, the neighbour's consent is revoked
    mother = next(p for p in case.persons if p.last_name == MOTHER[1])
    mother.first_name = "Umbenannt"
    services.parties.save(mother)
    services.parties.save(Partner(case_id=case_id, kind=PartnerKind.RESOURCE_INFORMAL, name="Neu Dazugekommen"))
    neighbour = next(p for p in case.partners if p.name == INFORMAL)
    consent = next(c for c in case.consents if c.partner_id == neighbour.id)
    problems = services.consent.revoke(consent.id, dt.date.today())
    assert any("abgeschlossen" in p.message for p in problems)  # the final version is flagged

    doc_case, doc = services.agreements.document(agreement_id)
    assert rules.content_hash(doc_case, doc) == final.content_hash
    assert services.agreements.verify_stored(agreement_id)
    out = services.agreements.export_pdf(agreement_id, tmp_path / "v1.pdf")
    printed = pdf_text(out)
    assert MOTHER[0] in printed and "Umbenannt" not in printed
    assert INFORMAL in printed  # it was agreed with her consent; the old version is a record of that
    assert "Neu Dazugekommen" not in printed


def test_tampering_with_the_stored_version_is_detected(complete_case):
    services, _case_id, agreement_id = complete_case
    services.agreements.finalise(agreement_id)
    assert services.agreements.verify_stored(agreement_id)
    with services.db.engine.begin() as conn:  # someone edits the database file behind the app's back
        conn.execute(text("UPDATE agreements SET frozen_content = replace(frozen_content, 'Deniz', 'Dennis') "
                          "WHERE id = :i"), {"i": agreement_id})
    assert not services.agreements.verify_stored(agreement_id)


def test_a_draft_is_printed_with_the_case_as_it_is_now(complete_case):
    services, case_id, agreement_id = complete_case
    services.parties.save(Partner(case_id=case_id, kind=PartnerKind.YOUTH_OFFICE, name="Zweites Jugendamt"))
    doc_case, doc = services.agreements.document(agreement_id)
    assert doc.status == AgreementStatus.DRAFT
    assert any(p.name == "Zweites Jugendamt" for p in doc_case.partners)
    assert not services.agreements.verify_stored(agreement_id)


def test_consent_dates_later_than_finalising_do_not_change_the_version(complete_case, tmp_path):
    """Judged as of the day it was finalised: a later consent or revocation does not alter v1."""
    from helpers import NO_CONSENT

    from kooperation_desktop.domain.model import Consent, InfoCategory

    services, case_id, agreement_id = complete_case
    final = services.agreements.finalise(agreement_id)
    case = services.cases.get(case_id)
    school = next(p for p in case.partners if p.name == NO_CONSENT)
    services.consent.record(Consent(case_id=case_id, person_id=case.persons[0].id, partner_id=school.id,
                                    categories=[InfoCategory.AGREEMENT], given_on=dt.date.today()))
    # thirty days later (the frozen rule judges consents as of the finalising day)
    case_now, doc = services.agreements.document(agreement_id)
    later = doc.finalised_at + dt.timedelta(days=30)
    assert rules.content_hash(case_now, doc) == final.content_hash
    doc.finalised_at = later  # what a wrong "as of today" rule would see
    assert rules.content_hash(case_now, doc) == final.content_hash  # snapshot holds no later consent
    assert NO_CONSENT not in pdf_text(services.agreements.export_pdf(agreement_id, tmp_path / "v1.pdf"))


def test_consent_in_the_future_is_refused(services):
    import pytest

    from kooperation_desktop.domain.model import Consent, Person
    from kooperation_desktop.domain.rules import RuleViolation

    case = services.cases.create("Familie Zukunft")
    person = services.parties.save(Person(case_id=case.id, first_name="Anna"))
    with pytest.raises(RuleViolation, match="Zukunft"):
        services.consent.record(Consent(case_id=case.id, person_id=person.id,
                                        given_on=dt.date.today() + dt.timedelta(days=7)))
    consent = services.consent.record(Consent(case_id=case.id, person_id=person.id))
    with pytest.raises(RuleViolation, match="Zukunft"):
        services.consent.revoke(consent.id, dt.date.today() + dt.timedelta(days=1))
    assert services.cases.get(case.id).consents[0].revoked_on is None


def test_who_gave_a_consent_cannot_be_deleted_once_a_version_is_final(complete_case):
    import pytest

    from kooperation_desktop.domain.model import Consent, InfoCategory, Person
    from kooperation_desktop.domain.rules import RuleViolation

    services, case_id, agreement_id = complete_case
    father = services.parties.save(Person(case_id=case_id, first_name="Karl", last_name="Vater", is_guardian=True))
    case = services.cases.get(case_id)
    partner = next(p for p in case.partners if p.name == INFORMAL)
    services.consent.record(Consent(case_id=case_id, person_id=father.id, partner_id=partner.id,
                                    categories=[InfoCategory.CONTACT]))
    services.agreements.finalise(agreement_id)
    with pytest.raises(RuleViolation, match="Einverständnis"):
        services.parties.delete(father)
    with pytest.raises(RuleViolation, match="kann nicht gelöscht"):
        services.parties.delete(partner)
    consents = services.cases.get(case_id).consents
    assert any(c.person_id == father.id for c in consents)
    assert sum(c.partner_id == partner.id for c in consents) == 2
