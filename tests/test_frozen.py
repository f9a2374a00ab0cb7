"""A finalised version stays as it was finalised: later changes to the case do not change it."""

from __future__ import annotations

import datetime as dt

import pypdf
from sqlalchemy import text

from conftest import INFORMAL, MOTHER
from kooperation_desktop.domain import rules
from kooperation_desktop.domain.model import AgreementStatus, Partner, PartnerKind


def pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def test_later_changes_to_the_case_do_not_change_a_final_version(complete_case, tmp_path):
    services, case_id, agreement_id = complete_case
    final = services.finalise(agreement_id)
    case = services.get_case(case_id)
    # after finalising: a person is renamed, a new partner joins, the neighbour's consent is revoked
    mother = next(p for p in case.persons if p.last_name == MOTHER[1])
    mother.first_name = "Umbenannt"
    services.save(mother)
    services.save(Partner(case_id=case_id, kind=PartnerKind.RESOURCE_INFORMAL, name="Neu Dazugekommen"))
    neighbour = next(p for p in case.partners if p.name == INFORMAL)
    consent = next(c for c in case.consents if c.partner_id == neighbour.id)
    problems = services.revoke_consent(consent.id, dt.date.today())
    assert any("abgeschlossen" in p.message for p in problems)  # the final version is flagged

    doc_case, doc = services.document(agreement_id)
    assert rules.content_hash(doc_case, doc) == final.content_hash
    assert services.verify_stored(agreement_id)
    out = services.export_pdf(agreement_id, tmp_path / "v1.pdf")
    printed = pdf_text(out)
    assert MOTHER[0] in printed and "Umbenannt" not in printed
    assert INFORMAL in printed  # it was agreed with her consent; the old version is a record of that
    assert "Neu Dazugekommen" not in printed


def test_tampering_with_the_stored_version_is_detected(complete_case):
    services, _case_id, agreement_id = complete_case
    services.finalise(agreement_id)
    assert services.verify_stored(agreement_id)
    with services._engine.begin() as conn:  # someone edits the database file behind the app's back
        conn.execute(text("UPDATE agreements SET frozen_content = replace(frozen_content, 'Deniz', 'Dennis') "
                          "WHERE id = :i"), {"i": agreement_id})
    assert not services.verify_stored(agreement_id)


def test_a_draft_is_printed_with_the_case_as_it_is_now(complete_case):
    services, case_id, agreement_id = complete_case
    services.save(Partner(case_id=case_id, kind=PartnerKind.YOUTH_OFFICE, name="Zweites Jugendamt"))
    doc_case, doc = services.document(agreement_id)
    assert doc.status == AgreementStatus.DRAFT
    assert any(p.name == "Zweites Jugendamt" for p in doc_case.partners)
    assert not services.verify_stored(agreement_id)
