"""Importing a case file cannot bypass the consent rule; a refused import leaves no row behind."""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import examples
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from sqlalchemy import func, select

from kooperation_desktop.demo import create_demo
from kooperation_desktop.domain import rules
from kooperation_desktop.domain.model import AgreementStatus, PartnerKind
from kooperation_desktop.exchange import ExchangeError, case_to_dict, import_case
from kooperation_desktop.services import Services
from kooperation_desktop.storage.rows import Base

OMA = "Жанна Иванова"
OMA_CONTACT = "0171 2345678"
TODAY = dt.date.today()


def row_counts(services: Services) -> dict[str, int]:
    """Rows of every table of the data folder (the audit trail included)."""
    with services.db.reading() as s:
        return {t.name: s.scalar(select(func.count()).select_from(t)) or 0 for t in Base.metadata.sorted_tables}


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Services, dict[str, Any]]]:
    """One data folder with the demo case, and the demo case as a case file (dict)."""
    services = Services.open(tmp_path_factory.mktemp("daten"))
    try:
        demo = create_demo(services)
        yield services, case_to_dict(services, demo.case_id)
    finally:
        services.close()


def write(data: dict[str, Any], path: Path) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _moment(day: dt.date) -> str:
    """Noon of ``day`` in the local time zone (the day the program shows for it in any zone; noon UTC
    is already the next day east of UTC+12)."""
    return dt.datetime.combine(day, dt.time(12)).astimezone().isoformat()


def _oma_consent(data: dict[str, Any]) -> dict[str, Any]:
    oma_id = next(p["id"] for p in data["case"]["partners"] if p["name"] == OMA)
    return next(c for c in data["case"]["consents"] if c["partner_id"] == oma_id)


def _given_early(data: dict[str, Any]) -> dict[str, Any]:
    """Every consent given 20 days ago (before any version of these tests was finalised)."""
    for consent in data["case"]["consents"]:
        consent["given_on"] = (TODAY - dt.timedelta(days=20)).isoformat()
    return data


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


# --- (a) the case from the issue ---------------------------------------------------------------


def test_a_version_finalised_after_the_revocation_comes_in_as_a_draft(shared, tmp_path: Path) -> None:
    services, demo = shared
    data = _given_early(copy.deepcopy(demo))
    consent = _oma_consent(data)
    consent["revoked_on"] = (TODAY - dt.timedelta(days=10)).isoformat()  # revoked ...
    data["case"]["agreements"][0]["finalised_at"] = _moment(TODAY - dt.timedelta(days=5))  # ... then finalised

    result = import_case(services, write(data, tmp_path / "fall.json"))

    (agreement_id,) = result.agreement_ids
    agreement = services.agreements.get(agreement_id)
    assert agreement.status == AgreementStatus.DRAFT and agreement.content_hash == ""
    (why,) = [w for w in result.warnings if "als Entwurf übernommen" in w]
    assert "Version 1" in why and OMA in why and "Einverständnis" in why
    assert any(OMA in p.message for p in services.agreements.check(agreement_id))  # the app's own check agrees
    # the PDF is a draft (not sealed) and shows neither Oma's contact nor her tasks
    from kooperation_desktop.signing.service import SigningService

    exported = SigningService(services.db).export(agreement_id, tmp_path / "v.pdf")
    assert not exported.sealed
    text = _pdf_text(exported.path)
    assert "ENTWURF" in text.upper() and OMA_CONTACT not in text


def test_the_same_file_with_the_revocation_after_finalising_stays_final(shared, tmp_path: Path) -> None:
    services, demo = shared
    data = _given_early(copy.deepcopy(demo))
    consent = _oma_consent(data)
    consent["revoked_on"] = (TODAY - dt.timedelta(days=5)).isoformat()
    data["case"]["agreements"][0]["finalised_at"] = _moment(TODAY - dt.timedelta(days=10))

    result = import_case(services, write(data, tmp_path / "fall.json"))

    agreement = services.agreements.get(result.agreement_ids[0])
    assert agreement.status == AgreementStatus.FINAL
    assert rules.as_of(agreement) == TODAY - dt.timedelta(days=10)  # it keeps its own day
    assert services.agreements.verify_stored(agreement.id)
    case, frozen = services.agreements.document(agreement.id)
    assert OMA in [p.name for p in rules.consented_partners(case, rules.as_of(frozen))]


# --- (c) a refused import leaves nothing behind ------------------------------------------------


def test_a_refused_import_leaves_every_table_unchanged(shared, tmp_path: Path) -> None:
    services, demo = shared
    data = copy.deepcopy(demo)
    first = data["case"]["agreements"][0]
    second = copy.deepcopy(first)
    second.update(id=first["id"] + 1, version=2, predecessor_id=first["id"],
                  finalised_at=_moment(TODAY - dt.timedelta(days=1)))
    first.update(status="superseded", finalised_at=_moment(TODAY - dt.timedelta(days=5)))
    data["case"]["agreements"].append(second)
    consent = _oma_consent(_given_early(data))
    consent["revoked_on"] = (TODAY - dt.timedelta(days=10)).isoformat()  # version 1 relied on it later
    before = row_counts(services)

    with pytest.raises(ExchangeError) as info:
        import_case(services, write(data, tmp_path / "fall.json"))

    message = str(info.value)
    assert "Version 1" in message and OMA in message and "\n" not in message
    assert row_counts(services) == before  # audit_log too: no create/delete pair remains


# --- (b) random consent histories around each version's day -----------------------------------


def _active(consent: dict[str, Any], day: dt.date) -> bool:
    """Documented meaning (docs/case-json-format.md): given on or before the day, not revoked
    before it (a revocation dated that very day counts as after the finalising)."""
    given = dt.date.fromisoformat(consent["given_on"])
    revoked = consent["revoked_on"] and dt.date.fromisoformat(consent["revoked_on"])
    return given <= day and (not revoked or revoked >= day)


@st.composite
def consent_histories(draw: st.DrawFn) -> tuple[list[int], list[tuple[int, int | None]], bool]:
    """(days before today each version was finalised, oldest first; per consent (given, revoked)
    as days before today; whether the newest version is a draft)."""
    versions = draw(st.integers(1, 3))
    days = sorted(draw(st.lists(st.integers(1, 30), min_size=versions, max_size=versions, unique=True)),
                  reverse=True)
    consents = []
    for _ in range(3):  # the demo's consents: general, Oma, school
        # often given before every version (else most files fail the general consent)
        given_ago = draw(st.integers(25, 40) | st.integers(0, 40))
        revoked_ago = draw(st.none() | st.integers(0, given_ago))
        consents.append((given_ago, revoked_ago))
    return days, consents, draw(st.booleans())


def _case_file(demo: dict[str, Any], days: list[int], consents: list[tuple[int, int | None]],
               draft_last: bool) -> dict[str, Any]:
    data = copy.deepcopy(demo)
    template = data["case"]["agreements"][0]
    agreements = []
    for i, ago in enumerate(days):
        version = copy.deepcopy(template)
        version.update(id=i + 1, version=i + 1, predecessor_id=i or None,
                       status="superseded" if i < len(days) - 1 else "final",
                       finalised_at=_moment(TODAY - dt.timedelta(days=ago)))
        agreements.append(version)
    if draft_last:
        agreements[-1].update(status="draft", finalised_at=None, content_hash="")
    data["case"]["agreements"] = agreements
    for consent, (given_ago, revoked_ago) in zip(data["case"]["consents"], consents, strict=True):
        consent["given_on"] = (TODAY - dt.timedelta(days=given_ago)).isoformat()
        consent["revoked_on"] = (None if revoked_ago is None
                                 else (TODAY - dt.timedelta(days=revoked_ago)).isoformat())
    return data


# 30 histories (each imports a case of up to three versions, ~0.4 s): the cases that matter come up within them
@settings(max_examples=examples(30), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(history=consent_histories())
def test_no_imported_final_version_relies_on_a_consent_not_active_on_its_day(shared, tmp_path: Path,
                                                                              history) -> None:
    services, demo = shared
    data = _case_file(demo, *history)
    before = row_counts(services)
    try:
        result = import_case(services, write(data, tmp_path / "zufall.json"))
    except ExchangeError as e:  # an older version fails the rules on its day: nothing was imported
        assert "kann nicht übernommen werden" in str(e)
        assert row_counts(services) == before
        event("refused: an older version fails on its day")
        return
    source = data["case"]
    partners = {p["id"]: p for p in source["partners"]}
    general = [c for c in source["consents"] if c["partner_id"] is None]
    case = services.cases.get(result.case_id)
    name_to_file_id = {p["name"]: p["id"] for p in source["partners"]}
    event("newest came in as a draft" if any("als Entwurf übernommen" in w for w in result.warnings)
          else "imported as in the file")
    for agreement_id in result.agreement_ids:
        agreement = services.agreements.get(agreement_id)
        if agreement.status == AgreementStatus.DRAFT:
            continue
        day = rules.as_of(agreement)
        assert day is not None
        # independent of the app: every partner of the version had an active consent that day
        assert any(_active(c, day) for c in general)
        for item in [*agreement.roles, *agreement.tasks]:
            if item.partner_id is None:
                continue
            partner = partners[name_to_file_id[case.partner(item.partner_id).name]]
            if partner["kind"] in (PartnerKind.YOUTH_OFFICE.value, PartnerKind.PROFESSIONAL.value):
                continue  # covered by the general consent
            assert any(c["partner_id"] == partner["id"] and "agreement" in c["categories"] and _active(c, day)
                       for c in source["consents"]), (partner["name"], day)
        # the app's own checks: the rules as of that day, and the frozen version as printed
        assert rules.completeness(rules.consents_as_of(case, day), agreement, day) == []
        frozen_case, frozen = services.agreements.document(agreement_id)
        assert rules.consent_problems(frozen_case, frozen, rules.as_of(frozen)) == []
        assert services.agreements.verify_stored(agreement_id)
