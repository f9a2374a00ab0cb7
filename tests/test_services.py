"""The use cases and their rules: consent, completeness, freezing, versions, the case list."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from kooperation_desktop.domain import rules
from kooperation_desktop.domain.model import (
    AgreementStatus,
    CommunicationRule,
    Consent,
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
from kooperation_desktop.domain.rules import RuleViolation
from kooperation_desktop.services import NotFound, Services


def _setup_resource(services: Services):
    cid = services.cases.create("Familie Kaya").id
    mother = services.parties.save(Person(case_id=cid, first_name="Elif", last_name="Kaya"))
    services.consent.record(Consent(case_id=cid, person_id=mother.id))  # general consent
    aunt = services.parties.save(Partner(case_id=cid, kind=PartnerKind.RESOURCE_INFORMAL, name="Tante Ayşe"))
    aid = services.agreements.current_draft(cid).id
    return cid, mother, aunt, aid


# --- consent -----------------------------------------------------------------------------

def test_task_for_resource_without_consent_is_refused(services: Services):
    cid, _, aunt, aid = _setup_resource(services)
    with pytest.raises(RuleViolation) as err:
        services.parties.save(Task(agreement_id=aid, partner_id=aunt.id, what="Abholen"))
    assert err.value.problems[0].field == "partner"
    assert "Einverständnis" in str(err.value)
    with pytest.raises(RuleViolation):
        services.parties.save(Role(agreement_id=aid, partner_id=aunt.id, description="Oma-Ersatz"))
    assert services.agreements.get(aid).tasks == []


def test_task_with_consent_accepted_and_flagged_after_revocation(services: Services):
    cid, mother, aunt, aid = _setup_resource(services)
    consent = services.consent.record(Consent(case_id=cid, person_id=mother.id, partner_id=aunt.id,
                                              categories=[InfoCategory.AGREEMENT]))
    task = services.parties.save(Task(agreement_id=aid, partner_id=aunt.id, what="Abholen am Dienstag"))
    assert task.id is not None
    assert [t.what for t in services.agreements.get(aid).tasks] == ["Abholen am Dienstag"]

    problems = services.consent.revoke(consent.id, dt.date.today(), "Familie möchte das nicht mehr")
    assert len(problems) == 1
    assert problems[0].field == "tasks[0]"
    assert "Abholen am Dienstag" in problems[0].message and "Version 1" in problems[0].message
    revoked = services.cases.get(cid).consents[1]
    assert revoked.revoked_on == dt.date.today() and revoked.revocation_note == "Familie möchte das nicht mehr"
    assert any(p.field == "tasks[0]" for p in services.agreements.check(aid))
    # no new task for her after the revocation
    with pytest.raises(RuleViolation):
        services.parties.save(Task(agreement_id=aid, partner_id=aunt.id, what="Noch etwas"))


def test_consent_for_other_category_does_not_count(services: Services):
    cid, mother, aunt, aid = _setup_resource(services)
    services.consent.record(Consent(case_id=cid, person_id=mother.id, partner_id=aunt.id,
                                    categories=[InfoCategory.CONTACT]))
    with pytest.raises(RuleViolation):
        services.parties.save(Task(agreement_id=aid, partner_id=aunt.id, what="Abholen"))


def test_consent_needs_the_person_who_consented(services: Services):
    cid = services.cases.create("Familie Roth").id
    with pytest.raises(RuleViolation) as err:
        services.consent.record(Consent(case_id=cid))
    assert err.value.problems[0].field == "person_id"


def test_consent_behind_a_final_agreement_stays_as_recorded(complete_case):
    services, cid, aid = complete_case
    services.agreements.finalise(aid)
    consent = services.cases.get(cid).consents[1]
    consent.categories = [InfoCategory.HEALTH]
    with pytest.raises(RuleViolation):
        services.parties.save(consent)
    with pytest.raises(RuleViolation):
        services.parties.delete(consent)
    consent = services.cases.get(cid).consents[1]
    consent.note = "Kopie an die Nachbarin ausgehändigt"
    services.parties.save(consent)  # the note may change
    assert services.cases.get(cid).consents[1].note == "Kopie an die Nachbarin ausgehändigt"
    assert services.cases.get(cid).consents[1].categories == [InfoCategory.CONTACT, InfoCategory.AGREEMENT]


def test_revocation_before_consent_is_refused(services: Services):
    cid, mother, aunt, _ = _setup_resource(services)
    consent = services.consent.record(Consent(case_id=cid, person_id=mother.id, partner_id=aunt.id,
                                              given_on=dt.date(2026, 5, 1)))
    with pytest.raises(RuleViolation):
        services.consent.revoke(consent.id, dt.date(2026, 4, 1))


# --- validation --------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("scale", "baseline", "target", "field"),
    [(ScaleKind.GAS, 3, 0, "baseline"), (ScaleKind.GAS, -2, -3, "target"),
     (ScaleKind.SCALE_0_10, -1, 5, "baseline"), (ScaleKind.SCALE_0_10, 2, 11, "target")],
)
def test_indicator_values_out_of_range_refused(services: Services, scale, baseline, target, field):
    _, _, _, aid = _setup_resource(services)
    goal = services.parties.save(Goal(agreement_id=aid, client_words="x"))
    with pytest.raises(RuleViolation) as err:
        services.parties.save(Indicator(goal_id=goal.id, scale=scale, baseline=baseline, target=target))
    assert [p.field for p in err.value.problems] == [field]
    assert services.agreements.get(aid).goals[0].indicators == []


def test_indicator_values_in_range_accepted(services: Services):
    _, _, _, aid = _setup_resource(services)
    goal = services.parties.save(Goal(agreement_id=aid, client_words="x"))
    services.parties.save(Indicator(goal_id=goal.id, scale=ScaleKind.SCALE_0_10, baseline=0, target=10))
    services.parties.save(Indicator(goal_id=goal.id, scale=ScaleKind.GAS, baseline=-2, target=2))
    assert len(services.agreements.get(aid).goals[0].indicators) == 2


def test_other_typed_values_refused_with_field(services: Services):
    cid, mother, _, aid = _setup_resource(services)
    with pytest.raises(RuleViolation) as err:
        services.parties.save(Goal(agreement_id=aid, weight=0))
    assert err.value.problems[0].field == "weight"
    with pytest.raises(RuleViolation) as err:
        services.parties.save(Person(case_id=cid, first_name="  ", last_name=""))
    assert err.value.problems[0].field == "first_name"
    with pytest.raises(RuleViolation) as err:
        services.parties.save(Task(agreement_id=aid, what="niemand"))
    assert err.value.problems[0].field == "party"
    yo = services.parties.save(Partner(case_id=cid, kind=PartnerKind.YOUTH_OFFICE, name="JA"))
    with pytest.raises(RuleViolation) as err:
        services.parties.save(Role(agreement_id=aid, person_id=mother.id, partner_id=yo.id))
    assert err.value.problems[0].field == "party"
    with pytest.raises(RuleViolation):
        services.cases.create("   ")


def test_unknown_ids_raise_not_found(services: Services):
    with pytest.raises(NotFound):
        services.cases.get(4711)
    with pytest.raises(NotFound):
        services.agreements.get(4711)
    with pytest.raises(NotFound):
        services.parties.save(Goal(agreement_id=4711))


# --- finalise, freeze, versions ----------------------------------------------------------

def test_finalise_refused_while_incomplete(services: Services):
    _, _, _, aid = _setup_resource(services)
    with pytest.raises(RuleViolation) as err:
        services.agreements.finalise(aid)
    fields = {p.field for p in err.value.problems}
    assert {"goals", "tasks", "mandate", "communication", "planned_end"} <= fields
    assert services.agreements.get(aid).status == AgreementStatus.DRAFT


def test_finalise_complete_agreement(complete_case):
    services, cid, aid = complete_case
    final = services.agreements.finalise(aid)
    assert final.status == AgreementStatus.FINAL
    assert final.finalised_at is not None and final.finalised_at.tzinfo is not None
    expected = rules.content_hash(services.cases.get(cid), services.agreements.get(aid))
    assert final.content_hash == expected and len(expected) == 64
    # stable: loading again and hashing again gives the same value
    assert rules.content_hash(services.cases.get(cid), services.agreements.get(aid)) == final.content_hash
    summary = services.cases.get(cid).agreements[0]
    assert (summary.status, summary.content_hash) == (AgreementStatus.FINAL, final.content_hash)
    with pytest.raises(RuleViolation):
        services.agreements.finalise(aid)


def test_final_version_cannot_be_edited(complete_case):
    services, cid, aid = complete_case
    services.agreements.finalise(aid)
    a = services.agreements.get(aid)
    goal, task, rule, role = a.goals[0], a.tasks[0], a.communication[0], a.roles[0]
    goal.client_words = "geändert"
    for attempt in (lambda: services.parties.save(goal),
                    lambda: services.parties.save(Goal(agreement_id=aid, client_words="neu")),
                    lambda: services.parties.save(Indicator(goal_id=goal.id, description="neu")),
                    lambda: services.parties.delete(goal.indicators[0]),
                    lambda: services.parties.delete(task),
                    lambda: services.parties.save(CommunicationRule(agreement_id=aid, what="neu")),
                    lambda: services.parties.delete(rule),
                    lambda: services.parties.delete(role)):
        with pytest.raises(RuleViolation) as err:
            attempt()
        assert err.value.problems[0].field == "status"
    a.mandate = "anderer Auftrag"
    with pytest.raises(RuleViolation):
        services.agreements.update(a)
    # a person named in the frozen version cannot be deleted
    mother = services.cases.get(cid).persons[0]
    with pytest.raises(RuleViolation):
        services.parties.delete(mother)
    # only where the wizard was left may still change
    b = services.agreements.get(aid)
    b.wizard_step = "overview"
    assert services.agreements.update(b).wizard_step == "overview"
    after = services.agreements.get(aid)
    assert after.mandate != "anderer Auftrag" and after.goals[0].client_words != "geändert"
    assert rules.content_hash(services.cases.get(cid), after) == after.content_hash


def test_new_version_copies_and_leaves_old_untouched(complete_case):
    services, cid, aid = complete_case
    old = services.agreements.finalise(aid)
    new = services.agreements.new_version(aid)
    assert (new.version, new.status, new.predecessor_id, new.document_id) == (
        2, AgreementStatus.DRAFT, aid, old.document_id)
    assert new.content_hash == "" and new.finalised_at is None
    # content copied
    assert [(g.client_words, [i.description for i in g.indicators]) for g in new.goals] == [
        (g.client_words, [i.description for i in g.indicators]) for g in old.goals]
    assert [(r.person_id, r.partner_id, r.description) for r in new.roles] == [
        (r.person_id, r.partner_id, r.description) for r in old.roles]
    assert [c.what for c in new.communication] == [c.what for c in old.communication]
    # tasks point to the new goals
    old_goal_pos = {g.id: i for i, g in enumerate(old.goals)}
    new_goal_pos = {g.id: i for i, g in enumerate(new.goals)}
    assert [(t.what, new_goal_pos.get(t.goal_id)) for t in new.tasks] == [
        (t.what, old_goal_pos.get(t.goal_id)) for t in old.tasks]
    assert not {g.id for g in new.goals} & {g.id for g in old.goals}
    # same content → same hash (but for the version number), although stored separately
    assert rules.content_hash(services.cases.get(cid), dataclasses.replace(new, version=1)) == old.content_hash

    # edit the new version; the old one is untouched
    goal = new.goals[0]
    goal.client_words = "Morgens läuft es schon besser."
    services.parties.save(goal)
    services.parties.delete(new.tasks[0])
    old_again = services.agreements.get(aid)
    assert old_again.goals == old.goals and old_again.tasks == old.tasks
    assert rules.content_hash(services.cases.get(cid), old_again) == old.content_hash

    # finalising v2 supersedes v1 (content and hash of v1 stay)
    services.agreements.finalise(new.id)
    v1 = services.agreements.get(aid)
    assert v1.status == AgreementStatus.SUPERSEDED and v1.content_hash == old.content_hash
    assert [s.version for s in services.cases.get(cid).agreements] == [2, 1]


def test_current_draft(complete_case):
    services, cid, aid = complete_case
    assert services.agreements.current_draft(cid).id == aid  # the existing draft
    services.agreements.finalise(aid)
    draft = services.agreements.current_draft(cid)  # only a frozen version: a copy of it
    assert (draft.version, draft.predecessor_id, draft.status) == (2, aid, AgreementStatus.DRAFT)
    assert services.agreements.current_draft(cid).id == draft.id
    with pytest.raises(RuleViolation):
        services.agreements.new_version(aid)  # there is a draft already


def test_first_draft_is_prefilled(services: Services):
    cid = services.cases.create("Familie Neu").id
    draft = services.agreements.current_draft(cid)
    assert draft.version == 1 and draft.status == AgreementStatus.DRAFT
    assert draft.start_date == dt.date.today()
    assert len(draft.document_id) == 11 and draft.document_id[:3] == "KV-"
    assert draft.document_id[3:] == draft.document_id[3:].upper()
    int(draft.document_id[3:], 16)
    assert "Wohlwollen" in draft.goodwill


def test_draft_identity_can_be_set_for_import_but_stays_unique(complete_case):
    services, cid, aid = complete_case
    a = services.agreements.get(aid)
    a.document_id, a.version = "KV-0000ABCD", 3
    b = services.agreements.update(a)
    assert (b.document_id, b.version) == ("KV-0000ABCD", 3)
    services.agreements.finalise(aid)
    draft = services.agreements.current_draft(cid)
    assert (draft.document_id, draft.version) == ("KV-0000ABCD", 4)
    draft.version = 3  # taken by the final version
    with pytest.raises(RuleViolation):
        services.agreements.update(draft)
    draft.version, draft.document_id = 4, "KV-FFFFFFFF"  # a second version keeps the document id
    with pytest.raises(RuleViolation):
        services.agreements.update(draft)
    final = services.agreements.get(aid)
    final.version = 7
    with pytest.raises(RuleViolation):
        services.agreements.update(final)


# --- case list ---------------------------------------------------------------------------

def test_filter_finds_non_ascii_names_case_insensitively(complete_case):
    services, cid, _ = complete_case
    other = services.cases.create("Familie Meyer", "AZ 99", "§ 30 SGB VIII").id
    services.parties.save(Person(case_id=other, first_name="Jan", last_name="Meyer"))
    for query in ("çelik", "ÇEL", "Çelik", "ağrı", "AĞRI ŞÜKRÜ", "ağri", "nguyễn", "MINH KHAI", "az 51", "31 sgb"):
        assert [c.id for c in services.cases.list(query)] == [cid], query
    assert [c.id for c in services.cases.list("meyer")] == [other]
    assert {c.id for c in services.cases.list("")} == {cid, other}
    assert {c.id for c in services.cases.list("sgb viii")} == {cid, other}
    assert services.cases.list("%") == [] and services.cases.list("_") == []


def test_case_list_row(complete_case):
    services, cid, aid = complete_case
    row = services.cases.list()[0]
    assert row.person_names == "Ağrı Şükrü Çelik, Nguyễn Thị Minh Khai, Deniz Çelik"
    assert (row.latest_status, row.latest_version) == (AgreementStatus.DRAFT, 1)
    services.agreements.finalise(aid)
    services.agreements.new_version(aid)
    row = services.cases.list()[0]
    assert (row.latest_status, row.latest_version) == (AgreementStatus.DRAFT, 2)


def test_renaming_a_person_updates_filter_and_order(services: Services):
    a = services.cases.create("Fall A").id
    b = services.cases.create("Fall B").id
    assert [c.id for c in services.cases.list()] == [b, a]  # newest change first
    p = services.parties.save(Person(case_id=a, first_name="Łukasz", last_name="Wróbel"))
    assert [c.id for c in services.cases.list()] == [a, b]
    assert [c.id for c in services.cases.list("wróbel")] == [a]
    p.last_name = "Nowak"
    services.parties.save(p)
    assert services.cases.list("wróbel") == []
    assert [c.id for c in services.cases.list("łukasz nowak")] == [a]
    before = services.cases.list()[0].updated_at
    draft = services.agreements.current_draft(b)
    services.parties.save(Goal(agreement_id=draft.id, client_words="x"))
    rows = services.cases.list()
    assert rows[0].id == b and rows[0].updated_at > before


# --- PDF ---------------------------------------------------------------------------------

def test_export_pdf_writes_file_atomically(complete_case, tmp_path):
    pytest.importorskip("kooperation_desktop.pdf.render")
    services, _, aid = complete_case
    out = tmp_path / "vereinbarung.pdf"
    assert services.agreements.export_pdf(aid, out) == out
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_the_newest_agreement_is_found_without_loading_every_case(complete_case):
    services, case_id, agreement_id = complete_case
    assert services.agreements.exists(agreement_id) and not services.agreements.exists(agreement_id + 100)
    assert services.cases.exists(case_id) and not services.cases.exists(case_id + 100)
    other = services.cases.create("Familie Später").id
    later = services.agreements.current_draft(other)
    newest = services.agreements.newest()
    assert newest is not None and newest.id == later.id
    services.agreements.finalise(agreement_id)
    again = services.agreements.new_version(agreement_id)  # created last, in the first case
    newest = services.agreements.newest()
    assert newest is not None and (newest.id, newest.version) == (again.id, 2)


def test_no_newest_agreement_in_an_empty_folder(services: Services):
    services.cases.create("Familie Leer")
    assert services.agreements.newest() is None
