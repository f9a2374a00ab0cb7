"""The read-only rule for closed cases is an explicit rule the use cases call before writing
(issue 17, section 3): it holds without any session listener, i.e. over a Database that has
none of the data protection's listeners attached."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from helpers import build_complete_case

from kooperation_desktop.domain.model import AgreementStatus, CaseStatus, Consent, Person
from kooperation_desktop.domain.rules import CASE_READ_ONLY, RuleViolation
from kooperation_desktop.services import Services
from kooperation_desktop.signing.service import SigningService
from kooperation_desktop.storage.database import Database
from kooperation_desktop.storage.db import make_engine, upgrade_to_head


@pytest.fixture
def bare(tmp_path: Path):
    """Services over a plain database without the opener's listeners (no audit, no guard)."""
    engine = make_engine(tmp_path / "bare.sqlite")
    upgrade_to_head(engine)
    services = Services(Database(engine, tmp_path))
    yield services
    services.close()


def _close(services: Services, case_id: int) -> None:
    case = services.cases.get(case_id)
    case.status = CaseStatus.CLOSED
    services.cases.update(case)


def test_every_write_use_case_refuses_a_closed_case_without_a_listener(bare: Services) -> None:
    cid, aid = build_complete_case(bare)
    person = bare.cases.get(cid).persons[0]
    consent = bare.cases.get(cid).consents[0]
    empty = bare.cases.create("Familie Leer").id
    assert empty is not None
    _close(bare, cid)
    _close(bare, empty)
    agreement = bare.agreements.get(aid)
    agreement.mandate = "geändert"
    case = bare.cases.get(cid)
    case.title = "Anderer Titel"
    person.first_name = "Geändert"
    refused = [
        lambda: bare.parties.save(Person(case_id=cid, first_name="Neu")),
        lambda: bare.parties.save(person),
        lambda: bare.parties.delete(bare.agreements.get(aid).tasks[0]),
        lambda: bare.consent.record(Consent(case_id=cid, person_id=person.id)),
        lambda: bare.consent.revoke(consent.id, dt.date.today()),  # type: ignore[arg-type]
        lambda: bare.agreements.update(agreement),
        lambda: bare.agreements.record_original_document_id(aid, "KV-ALT"),
        lambda: bare.agreements.current_draft(empty),
        lambda: bare.cases.update(case),
    ]
    for write in refused:
        with pytest.raises(RuleViolation) as error:
            write()
        assert error.value.problems[0].message == CASE_READ_ONLY
    assert bare.cases.get(cid).title == "Familie Çelik"
    assert bare.agreements.get(aid).mandate != "geändert"
    assert bare.cases.get(empty).agreements == []

    reopened = bare.cases.get(cid)
    reopened.status = CaseStatus.OPEN
    bare.cases.update(reopened)
    bare.parties.save(Person(case_id=cid, first_name="Neu"))
    assert [p.first_name for p in bare.cases.get(cid).persons][-1] == "Neu"


def test_finalising_and_a_new_version_are_refused_in_a_closed_case(bare: Services) -> None:
    cid, aid = build_complete_case(bare)
    _close(bare, cid)
    with pytest.raises(RuleViolation, match="archiviert"):
        bare.agreements.finalise(aid)
    case = bare.cases.get(cid)
    case.status = CaseStatus.OPEN
    bare.cases.update(case)
    bare.agreements.finalise(aid)
    _close(bare, cid)
    with pytest.raises(RuleViolation, match="archiviert"):
        bare.agreements.new_version(aid)
    assert [a.version for a in bare.cases.get(cid).agreements] == [1]


def test_signing_and_ending_are_refused_in_a_closed_case(bare: Services) -> None:
    cid, aid = build_complete_case(bare)
    bare.agreements.finalise(aid)
    signing = SigningService(bare.db)
    key = signing.overview(aid).parties[0].key
    _close(bare, cid)
    with pytest.raises(RuleViolation, match="archiviert"):
        signing.record_paper(aid, key, dt.date.today())
    with pytest.raises(RuleViolation, match="archiviert"):
        signing.end(aid)
    assert signing.signatures(aid) == []
    assert bare.agreements.get(aid).status == AgreementStatus.FINAL
