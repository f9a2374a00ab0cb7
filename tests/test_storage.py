"""Storage: every entity survives save/load/update/delete, arbitrary text survives, the database
file keeps everything across a restart, and the SQLite settings that protect the data are on."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
import sys
from pathlib import Path

import pytest
from helpers import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kooperation_desktop.domain.model import (
    AgreementStatus,
    CaseStatus,
    CommunicationKind,
    CommunicationRule,
    Consent,
    ConsentForm,
    Goal,
    Indicator,
    InfoCategory,
    Partner,
    PartnerKind,
    Person,
    Role,
    ScaleKind,
    Task,
)
from kooperation_desktop.paths import default_data_dir
from kooperation_desktop.services import Services

# Any text a user may type or paste: emoji, RTL, combining marks, control characters (no NUL,
# no lone surrogates), markup.
user_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=60
) | st.sampled_from(["<b>fett</b> &amp; &lt;", "Ağrı Şükrü Çelik", "Nguyễn Thị Minh Khai", "محمد علي",
                     "👨‍👩‍👧 Familie", "a\tb\r\nc\x1b[0m", "' OR 1=1; --", "100 % _x_ \\"])


def _without(obj, *names):
    return {k: v for k, v in dataclasses.asdict(obj).items() if k not in names}


@pytest.fixture
def case_with_draft(services: Services):
    case = services.cases.create("Familie Test")
    person = services.parties.save(Person(case_id=case.id, first_name="Mia", last_name="Test"))
    services.consent.record(Consent(case_id=case.id, person_id=person.id))
    agreement = services.agreements.current_draft(case.id)
    return case.id, person, agreement.id


def test_case_round_trip(services: Services):
    case = services.cases.create("Familie Wróbel", "AZ 1", "§ 30 SGB VIII")
    loaded = services.cases.get(case.id)
    assert (loaded.title, loaded.file_number, loaded.help_type, loaded.status) == (
        "Familie Wróbel", "AZ 1", "§ 30 SGB VIII", CaseStatus.OPEN)
    assert loaded.created_at is not None and loaded.created_at.tzinfo is not None
    loaded.title, loaded.status = "Familie Wróbel-Iwanowa", CaseStatus.CLOSED
    services.cases.update(loaded)
    again = services.cases.get(case.id)
    assert again.title == "Familie Wróbel-Iwanowa" and again.status == CaseStatus.CLOSED
    services.cases.delete(case.id)
    assert services.cases.list() == []


def test_person_partner_consent_round_trip(services: Services):
    cid = services.cases.create("Familie Иванова").id
    person = services.parties.save(Person(case_id=cid, first_name="Жанна", last_name="Иванова", family_role="Mutter",
                                  birth_date=dt.date(1990, 2, 28), is_guardian=True))
    partner = services.parties.save(Partner(case_id=cid, kind=PartnerKind.RESOURCE_PROFESSIONAL, name="Frau Koch",
                                    organisation="Kita Sonnenblume", function="Erzieherin", contact="01234"))
    consent = services.consent.record(Consent(case_id=cid, person_id=person.id, partner_id=partner.id,
                                              categories=[InfoCategory.CONTACT, InfoCategory.HEALTH],
                                              form=ConsentForm.WRITTEN, given_on=dt.date(2026, 1, 5),
                                              note="liegt in der Akte"))
    case = services.cases.get(cid)
    assert case.persons == [person]
    assert case.partners == [partner]
    assert case.consents == [consent]
    assert case.consents[0].categories == [InfoCategory.CONTACT, InfoCategory.HEALTH]
    assert case.consents[0].text_version and "einverstanden" in case.consents[0].text

    person.first_name, partner.kind, consent.categories = "Zhanna", PartnerKind.RESOURCE_INFORMAL, []
    services.parties.save(person), services.parties.save(partner), services.parties.save(consent)
    case = services.cases.get(cid)
    assert case.persons[0].first_name == "Zhanna"
    assert case.partners[0].kind == PartnerKind.RESOURCE_INFORMAL
    assert case.consents[0].categories == []

    services.parties.delete(consent)
    services.parties.delete(partner)
    services.parties.delete(person)
    case = services.cases.get(cid)
    assert case.persons == case.partners == case.consents == []


def test_agreement_children_round_trip(services: Services, case_with_draft):
    cid, person, aid = case_with_draft
    goal = services.parties.save(Goal(agreement_id=aid, position=0, client_words="ruhiger Morgen",
                              professional_wording="Morgenroutine", weight=1.5))
    ind = services.parties.save(Indicator(goal_id=goal.id, description="pünktlich", scale=ScaleKind.GAS,
                                  level_texts=["a", "b", "c", "d", "e"], baseline=-2, target=1))
    ind2 = services.parties.save(Indicator(goal_id=goal.id, position=1, description="Stimmung",
                                   scale=ScaleKind.SCALE_0_10, baseline=0, target=10))
    role = services.parties.save(Role(agreement_id=aid, person_id=person.id, description="Mutter"))
    task = services.parties.save(Task(agreement_id=aid, person_id=person.id, what="Wecker stellen",
                              due_date=dt.date(2026, 12, 24), goal_id=goal.id))
    rule = services.parties.save(CommunicationRule(agreement_id=aid, kind=CommunicationKind.FEEDBACK, what="Anruf",
                                           who="Fachkraft", to_whom="Mutter", rhythm="wöchentlich",
                                           next_date=dt.date(2026, 12, 1)))
    loaded = services.agreements.get(aid)
    assert [_without(g, "indicators") for g in loaded.goals] == [_without(goal, "indicators")]
    assert loaded.goals[0].indicators == [ind, ind2]
    assert loaded.roles == [role] and loaded.tasks == [task] and loaded.communication == [rule]

    ind.level_texts[4] = "übertroffen"
    task.what = "Wecker selbst stellen"
    services.parties.save(ind), services.parties.save(task)
    loaded = services.agreements.get(aid)
    assert loaded.goals[0].indicators[0].level_texts[4] == "übertroffen"
    assert loaded.tasks[0].what == "Wecker selbst stellen"

    services.parties.delete(goal)  # takes its indicators; the task stays, without goal
    services.parties.delete(role), services.parties.delete(rule)
    loaded = services.agreements.get(aid)
    assert loaded.goals == [] and loaded.roles == [] and loaded.communication == []
    assert loaded.tasks[0].goal_id is None


def test_agreement_fields_round_trip(services: Services, case_with_draft):
    _, _, aid = case_with_draft
    a = services.agreements.get(aid)
    assert a.status == AgreementStatus.DRAFT and a.version == 1 and a.document_id.startswith("KV-")
    a.planned_end, a.mandate, a.wizard_step = dt.date(2027, 6, 30), "Auftrag", "goals"
    services.agreements.update(a)
    b = services.agreements.get(aid)
    assert (b.planned_end, b.mandate, b.wizard_step) == (dt.date(2027, 6, 30), "Auftrag", "goals")


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    svc = Services.open(tmp_path_factory.mktemp("prop"))
    case = svc.cases.create("Eigenschaften")
    person = svc.parties.save(Person(case_id=case.id, first_name="P"))
    svc.consent.record(Consent(case_id=case.id, person_id=person.id))
    agreement = svc.agreements.current_draft(case.id)
    yield svc, case.id, person.id, agreement.id
    svc.close()


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(a=user_text, b=user_text, c=user_text)
def test_arbitrary_text_survives(shared, a, b, c):
    svc, cid, pid, aid = shared
    person = svc.parties.save(Person(case_id=cid, first_name=a, last_name=b + "x", family_role=c))
    partner = svc.parties.save(Partner(case_id=cid, name=a + "y", organisation=b, function=c, contact=a))
    goal = svc.parties.save(Goal(agreement_id=aid, client_words=a, professional_wording=b))
    ind = svc.parties.save(Indicator(goal_id=goal.id, description=c, level_texts=[a, b, c, a, b]))
    task = svc.parties.save(Task(agreement_id=aid, person_id=pid, what=a + b + c))
    agreement = svc.agreements.get(aid)
    agreement.mandate, agreement.client_view = a, c
    svc.agreements.update(agreement)

    case = svc.cases.get(cid)
    assert case.person(person.id) == person
    assert case.partner(partner.id) == partner
    loaded = svc.agreements.get(aid)
    g = next(x for x in loaded.goals if x.id == goal.id)
    assert (g.client_words, g.professional_wording) == (a, b)
    assert g.indicators == [ind]
    assert next(t for t in loaded.tasks if t.id == task.id).what == a + b + c
    assert (loaded.mandate, loaded.client_view) == (a, c)
    svc.parties.delete(goal), svc.parties.delete(task), svc.parties.delete(person), svc.parties.delete(partner)


def test_reopening_keeps_everything(tmp_path: Path):
    from helpers import build_complete_case

    svc = Services.open(tmp_path)
    cid, aid = build_complete_case(svc)
    before_case, before_agreement = svc.cases.get(cid), svc.agreements.get(aid)
    finalised = svc.agreements.finalise(aid)
    svc.close()

    svc = Services.open(tmp_path)  # a second start migrates nothing and loses nothing
    try:
        after_case = svc.cases.get(cid)
        after_agreement = svc.agreements.get(aid)
        assert after_case.persons == before_case.persons
        assert after_case.partners == before_case.partners
        assert after_case.consents == before_case.consents
        assert after_agreement.goals == before_agreement.goals
        assert after_agreement.tasks == before_agreement.tasks
        assert after_agreement.content_hash == finalised.content_hash
        assert after_agreement.finalised_at == finalised.finalised_at
        assert [c.id for c in svc.cases.list()] == [cid]
    finally:
        svc.close()


def test_database_settings_protect_data(services: Services):
    db = services.data_dir / "kooperation.sqlite"
    assert db.exists()
    plain = sqlite3.connect(db)
    with pytest.raises(sqlite3.DatabaseError):  # encrypted (SQLCipher): plain sqlite cannot read it
        plain.execute("PRAGMA journal_mode").fetchone()
    plain.close()
    from kooperation_desktop.storage.db import cipher_connect

    con = cipher_connect(db, services.key_state.db_key)
    try:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        con.close()
    # foreign keys are enforced: a person of a case that does not exist is refused
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    with services.db.engine.connect() as conn:  # checking the engine's pragmas
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        with pytest.raises(IntegrityError):
            conn.execute(text("INSERT INTO persons (case_id, first_name, last_name, family_role, is_guardian)"
                              " VALUES (999, 'x', 'y', '', 0)"))


@pytest.mark.skipif(sys.platform != "linux", reason="XDG_DATA_HOME is the Linux convention")
def test_default_data_dir_is_created(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    path = default_data_dir()
    assert path.is_dir() and path.name == "Kooperation Desktop"
