"""Core rules without a database: consent, completeness, freezing and the wizard's step flow."""

from __future__ import annotations

import datetime as dt

import pytest

from kooperation_desktop.domain import labels, rules, wizard
from kooperation_desktop.domain.model import (
    Agreement,
    AgreementStatus,
    Case,
    CommunicationRule,
    Consent,
    Goal,
    Indicator,
    InfoCategory,
    Partner,
    PartnerKind,
    Person,
    Role,
    Task,
)

TODAY = dt.date(2026, 11, 26)


def make_case() -> Case:
    case = Case(title="Familie Çelik", id=1)
    case.persons = [Person(case_id=1, first_name="Ağrı Şükrü", last_name="Çelik", is_guardian=True, id=1)]
    case.partners = [
        Partner(case_id=1, kind=PartnerKind.RESOURCE_INFORMAL, name="Жанна Иванова", function="Nachbarin", id=10),
        Partner(case_id=1, kind=PartnerKind.YOUTH_OFFICE, name="Nguyễn Thị Minh Khai", organisation="Jugendamt", id=11),
        Partner(case_id=1, kind=PartnerKind.PROFESSIONAL, name="Łukasz Wróbel", organisation="Träger", id=12),
        Partner(case_id=1, kind=PartnerKind.RESOURCE_PROFESSIONAL, name="Frau Berg", organisation="Grundschule", id=13),
    ]
    case.consents = [
        Consent(case_id=1, person_id=1, partner_id=None, given_on=dt.date(2026, 11, 1), id=100),
        Consent(case_id=1, person_id=1, partner_id=10, categories=[InfoCategory.AGREEMENT],
                given_on=dt.date(2026, 11, 1), id=101),
    ]
    return case


def make_agreement() -> Agreement:
    a = Agreement(case_id=1, id=5, start_date=dt.date(2026, 12, 1), planned_end=dt.date(2027, 6, 30),
                  mandate="Unterstützung bei der Tagesstruktur", transition_offers="Erziehungsberatung")
    a.goals = [Goal(agreement_id=5, client_words="Morgens pünktlich los", professional_wording="Tagesstruktur",
                    id=20, indicators=[Indicator(goal_id=20, description="Mia ist um 7:45 an der Schule",
                                                 baseline=-1, target=0, id=30)])]
    a.tasks = [Task(agreement_id=5, person_id=1, what="Wecker stellen"),
               Task(agreement_id=5, partner_id=10, what="Mia dienstags abholen")]
    a.roles = [Role(agreement_id=5, partner_id=p, description="Rolle") for p in (10, 11, 12)]
    a.communication = [CommunicationRule(agreement_id=5, what="Treffen", rhythm="alle 2 Wochen")]
    return a


def test_complete_agreement_has_no_problems():
    assert rules.completeness(make_case(), make_agreement(), TODAY) == []


def test_empty_agreement_lists_what_is_missing_in_german():
    messages = [p.message for p in rules.completeness(Case(title="x"), Agreement(), TODAY)]
    assert "Es ist noch kein gemeinsames Ziel formuliert." in messages
    assert "Das geplante Ende der Hilfe fehlt." in messages
    assert any("Einverständnis" in m for m in messages)
    assert any("Treffen, Rückmeldungen oder Berichten" in m for m in messages)


def test_goal_without_indicator_is_named():
    a = make_agreement()
    a.goals.append(Goal(client_words="Mehr Ruhe am Abend", professional_wording="x"))
    problems = rules.completeness(make_case(), a, TODAY)
    assert [p.message for p in problems] == ["Ziel 2 hat noch keinen Indikator."]
    assert problems[0].field == "goals[1].indicators"


def test_resource_without_consent_may_not_take_part():
    case = make_case()
    school = case.partner(13)
    assert not rules.partner_has_consent(case, school, TODAY)
    with pytest.raises(rules.RuleViolation) as err:
        rules.check_partner_allowed(case, 13, TODAY)
    assert "kein gültiges Einverständnis" in str(err.value)
    assert school not in rules.consented_partners(case, TODAY)


def test_consent_must_cover_the_agreement_category():
    case = make_case()
    case.consents.append(Consent(person_id=1, partner_id=13, categories=[InfoCategory.CONTACT],
                                 given_on=dt.date(2026, 11, 1)))
    assert not rules.partner_has_consent(case, case.partner(13), TODAY)


def test_youth_office_and_professional_need_the_general_consent():
    case = make_case()
    assert rules.partner_has_consent(case, case.partner(11), TODAY)
    case.consents[0].revoked_on = dt.date(2026, 11, 20)
    assert not rules.partner_has_consent(case, case.partner(11), TODAY)
    assert not rules.partner_has_consent(case, case.partner(12), TODAY)


def test_revoked_consent_flags_tasks_and_roles():
    case = make_case()
    case.consents[1].revoked_on = dt.date(2026, 11, 25)
    problems = rules.consent_problems(case, make_agreement(), TODAY)
    assert {p.field for p in problems} == {"roles[0]", "tasks[1]"}
    # before the revocation date the consent still held
    assert rules.consent_problems(case, make_agreement(), dt.date(2026, 11, 24)) == []


def test_consent_not_active_before_it_was_given():
    c = Consent(given_on=dt.date(2026, 12, 1))
    assert not c.is_active(TODAY)
    assert c.is_active(dt.date(2026, 12, 1))


def test_hash_changes_with_content_but_not_with_storage_ids():
    case, a = make_case(), make_agreement()
    h = rules.content_hash(case, a)
    assert len(h) == 64
    b = make_agreement()
    b.id, b.wizard_step = 999, "overview"
    assert rules.content_hash(case, b) == h
    b.goals[0].client_words = "Morgens pünktlich los!"
    assert rules.content_hash(case, b) != h


def test_hash_ignores_partners_without_consent():
    case, a = make_case(), make_agreement()
    h = rules.content_hash(case, a)
    case.partners[3].name = "Herr Anders"  # school has no consent: not part of the agreement
    assert rules.content_hash(case, a) == h


def test_frozen_agreement_is_not_editable():
    a = make_agreement()
    rules.check_editable(a)
    a.status = AgreementStatus.FINAL
    with pytest.raises(rules.RuleViolation, match="neue Version"):
        rules.check_editable(a)


def test_dates_are_tt_mm_jjjj():
    assert labels.format_date(dt.date(2027, 3, 1)) == "01.03.2027"
    assert labels.parse_date("1.3.2027") == dt.date(2027, 3, 1)
    with pytest.raises(ValueError, match="TT.MM.JJJJ"):
        labels.parse_date("31.02.2027")
    with pytest.raises(ValueError, match="kein gültiges Datum"):
        labels.parse_date("morgen")


# --- wizard step flow --------------------------------------------------------------------


def test_wizard_steps_follow_the_seed_order():
    assert [s.title for s in wizard.STEPS] == [
        "Beteiligte", "Einverständnis", "Ziele", "Indikatoren", "Arbeitsteilung & Rollen",
        "Kommunikation & Berichte", "Zeitrahmen & Übergang", "Überblick",
    ]
    assert wizard.next_step(wizard.Step.PARTICIPANTS) == wizard.Step.CONSENT
    assert wizard.previous_step(wizard.Step.PARTICIPANTS) is None
    assert wizard.next_step(wizard.Step.OVERVIEW) is None


def test_participants_step_asks_for_the_family_first():
    # the family's own resources are asked before professional ones
    sub = wizard.step_info(wizard.Step.PARTICIPANTS).subtitle
    assert sub.index("Umfeld der Familie") < sub.index("Fachstellen")


def test_wizard_blocks_without_person_and_consent():
    empty = Case(title="x")
    msgs = wizard.may_go_on(wizard.Step.PARTICIPANTS, empty, Agreement(), TODAY)
    assert any("mindestens eine Person" in p.message for p in msgs)
    assert wizard.may_go_on(wizard.Step.PARTICIPANTS, make_case(), make_agreement(), TODAY) == []
    case = make_case()
    case.consents = []
    assert wizard.may_go_on(wizard.Step.CONSENT, case, make_agreement(), TODAY)[0].field == "consents"


def test_wizard_blocks_goal_without_indicator_and_end_before_start():
    case, a = make_case(), make_agreement()
    a.goals[0].indicators = []
    assert wizard.may_go_on(wizard.Step.INDICATORS, case, a, TODAY)[0].field == "goals[0].indicators"
    a.planned_end = a.start_date
    assert "nach dem Beginn" in wizard.may_go_on(wizard.Step.TIMEFRAME, case, a, TODAY)[0].message


def test_wizard_blocks_task_for_partner_without_consent():
    case, a = make_case(), make_agreement()
    a.tasks.append(Task(partner_id=13, what="Bericht an die Schule"))
    problems = wizard.may_go_on(wizard.Step.TASKS, case, a, TODAY)
    assert problems and "Frau Berg" in problems[0].message


def test_resume_step():
    a = make_agreement()
    assert wizard.resume_step(a) == wizard.Step.PARTICIPANTS
    a.wizard_step = "indicators"
    assert wizard.resume_step(a) == wizard.Step.INDICATORS
    a.wizard_step = "garbage"
    assert wizard.resume_step(a) == wizard.Step.PARTICIPANTS


def test_free_text_naming_a_partner_without_consent_blocks():
    case, a = make_case(), make_agreement()
    a.communication[0].to_whom = "Bericht an Frau Berg (Grundschule)"
    problems = rules.completeness(case, a, TODAY)
    assert [p.field for p in problems] == ["communication[0]"]
    assert "Frau Berg" in problems[0].message and "kein Einverständnis" in problems[0].message
    assert wizard.may_go_on(wizard.Step.COMMUNICATION, case, a, TODAY)
    # with her consent the same text is fine
    case.consents.append(Consent(person_id=1, partner_id=13, categories=[InfoCategory.AGREEMENT],
                                 given_on=dt.date(2026, 11, 2)))
    assert rules.mention_problems(case, a, TODAY) == []


def test_frozen_version_is_judged_as_of_its_finalising_day():
    case, a = make_case(), make_agreement()
    a.status = AgreementStatus.FINAL
    a.finalised_at = dt.datetime(2026, 11, 10, 12, 0)
    h = rules.content_hash(case, a)
    case.consents[1].revoked_on = dt.date(2026, 11, 20)  # revoked after finalising
    assert rules.content_hash(case, a) == h
    case.consents.append(Consent(person_id=1, partner_id=13, categories=[InfoCategory.AGREEMENT],
                                 given_on=dt.date(2026, 11, 15)))  # consent after finalising
    assert rules.content_hash(case, a) == h
