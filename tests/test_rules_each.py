"""One test per rule of ``domain/rules.py``, without database or Qt.

Each test fails when its rule is removed or its boundary moved (checked with mutmut, see
benchmarks/README.md, "Mutationstest"). The tests assert what a user reads: the German message and
the field it is shown at, the partners that may appear, whether a version may be changed, and the
SHA-256 printed on a finalised version.

Dates lie in 2020 on purpose: a consent given 01.01.2020 and revoked 01.06.2020 held on 01.03.2020
but not today, so every rule judged "as of" a day gives a different answer when it is judged as of
today instead.
"""

from __future__ import annotations

import datetime as dt
import time

import pytest

from kooperation_desktop.domain import labels, limits, rules, wizard
from kooperation_desktop.domain.model import (
    FAMILY_LANGUAGES,
    Agreement,
    AgreementStatus,
    Case,
    CaseStatus,
    CommunicationKind,
    CommunicationRule,
    Consent,
    Goal,
    Indicator,
    InfoCategory,
    Partner,
    PartnerKind,
    Person,
    Problem,
    Role,
    ScaleKind,
    Task,
)

GIVEN = dt.date(2020, 1, 1)  # every consent of the family case was given that day
ON = dt.date(2020, 3, 1)  # the day the rules are judged as of
LATER = dt.date(2020, 6, 1)  # revoked that day: after ON, before today

MOTHER, SON = 1, 2
YOUTH_OFFICE, PROFESSIONAL, NEIGHBOUR, SCHOOL = 11, 12, 13, 14  # the school has no consent


def family() -> Case:
    case = Case(title="Familie Çelik", file_number="AZ 51-0815", help_type="§ 31 SGB VIII", id=1)
    case.persons = [Person(case_id=1, first_name="Ağrı", last_name="Çelik", family_role="Mutter", id=MOTHER),
                    Person(case_id=1, first_name="Deniz", last_name="Çelik", family_role="Sohn", id=SON)]
    case.partners = [
        Partner(case_id=1, kind=PartnerKind.YOUTH_OFFICE, name="Herr Wróbel", organisation="Jugendamt",
                id=YOUTH_OFFICE),
        Partner(case_id=1, kind=PartnerKind.PROFESSIONAL, name="Frau Iwanowa", organisation="Lindenhof e. V.",
                id=PROFESSIONAL),
        Partner(case_id=1, kind=PartnerKind.RESOURCE_INFORMAL, name="Fatma Yılmaz", function="Nachbarin",
                id=NEIGHBOUR),
        Partner(case_id=1, kind=PartnerKind.RESOURCE_PROFESSIONAL, name="Herr Schulz", organisation="Grundschule",
                id=SCHOOL),
    ]
    case.consents = [
        Consent(case_id=1, person_id=MOTHER, categories=[InfoCategory.AGREEMENT], given_on=GIVEN, id=100),
        Consent(case_id=1, person_id=MOTHER, partner_id=NEIGHBOUR, categories=[InfoCategory.AGREEMENT],
                given_on=GIVEN, id=101),
    ]
    return case


def agreement() -> Agreement:
    """A draft that passes every completeness check for :func:`family` as of ``ON``."""
    a = Agreement(case_id=1, id=5, document_id="KV-2020-000001", start_date=dt.date(2020, 2, 1),
                  planned_end=dt.date(2020, 8, 1), mandate="Tagesstruktur stärken",
                  transition_offers="Elterncafé")
    a.goals = [Goal(agreement_id=5, client_words="Morgens ohne Streit los", professional_wording="Morgenroutine",
                    id=20, indicators=[Indicator(goal_id=20, description="Deniz ist um 7:45 fertig",
                                                 baseline=-1, target=0, id=30)])]
    a.tasks = [Task(agreement_id=5, person_id=MOTHER, what="Kleidung bereitlegen"),
               Task(agreement_id=5, partner_id=NEIGHBOUR, what="Deniz dienstags abholen")]
    a.roles = [Role(agreement_id=5, partner_id=p, description="Begleitet") for p in
               (YOUTH_OFFICE, PROFESSIONAL, NEIGHBOUR)]
    a.communication = [CommunicationRule(agreement_id=5, what="Treffen", rhythm="alle 2 Wochen")]
    return a


def problems(case: Case, a: Agreement, on: dt.date | None = ON) -> list[tuple[str, str]]:
    """What the overview step shows: (field, German message) of every completeness problem."""
    return [(p.field, p.message) for p in rules.completeness(case, a, on)]


def revoke(case: Case, consent_id: int, on: dt.date = LATER) -> None:
    next(c for c in case.consents if c.id == consent_id).revoked_on = on


def no_consent(name: str) -> str:
    return (f"Für „{name}“ liegt kein gültiges Einverständnis der Familie vor. "
            "Ohne Einverständnis können keine Aufgaben, Rollen oder Daten weitergegeben werden.")


def named(place: str, name: str) -> str:
    return (f"{place} nennt „{name}“. Dafür liegt kein Einverständnis der Familie vor: "
            "bitte den Namen entfernen oder zuerst das Einverständnis erfassen.")


def test_the_complete_agreement_has_no_problem():
    assert problems(family(), agreement()) == []


# --- RuleViolation: the message a refused use case shows ----------------------------------


def test_a_rule_violation_shows_its_problems_one_per_line():
    one = rules.RuleViolation("Version 1 ist abgeschlossen.")
    assert one.problems == [Problem("", "Version 1 ist abgeschlossen.")]
    assert str(one) == "Version 1 ist abgeschlossen."
    single = rules.RuleViolation(Problem("partner", "Fehlt."))
    assert single.problems == [Problem("partner", "Fehlt.")] and str(single) == "Fehlt."
    two = rules.RuleViolation([Problem("a", "Erstens."), Problem("b", "Zweitens.")])
    assert str(two) == "Erstens.\nZweitens."
    assert [p.field for p in two.problems] == ["a", "b"]


# --- consent ------------------------------------------------------------------------------


def test_the_general_consent_counts_as_of_the_day_judged():
    case = family()
    assert rules.has_general_consent(case, ON)
    revoke(case, 100)
    assert rules.has_general_consent(case, ON)  # it still held on ON
    assert not rules.has_general_consent(case, LATER)
    assert not rules.has_general_consent(case)  # judged as of today


def test_a_consent_naming_a_partner_is_not_the_general_consent():
    case = family()
    case.consents = [c for c in case.consents if c.partner_id is not None]  # only the neighbour's
    assert not rules.has_general_consent(case, ON)


def test_a_consent_whose_person_was_removed_proves_nothing():
    case = family()
    for c in case.consents:
        c.person_id = None
    assert not rules.has_general_consent(case, ON)
    assert not rules.partner_has_consent(case, case.partner(NEIGHBOUR), ON)
    assert rules.consented_partners(case, ON) == []


def test_youth_office_and_professional_are_covered_by_the_general_consent_alone():
    case = family()
    case.consents = [c for c in case.consents if c.partner_id is None]
    assert rules.partner_has_consent(case, case.partner(YOUTH_OFFICE), ON)
    assert rules.partner_has_consent(case, case.partner(PROFESSIONAL), ON)
    revoke(case, 100)
    assert rules.partner_has_consent(case, case.partner(YOUTH_OFFICE), ON)
    assert not rules.partner_has_consent(case, case.partner(YOUTH_OFFICE))
    assert not rules.partner_has_consent(case, case.partner(PROFESSIONAL))


def test_a_resource_needs_its_own_consent_not_the_general_one_nor_anothers():
    case = family()
    school = case.partner(SCHOOL)
    # the general consent and the neighbour's consent both cover "agreement": neither names the school
    assert not rules.partner_has_consent(case, school, ON)
    case.consents.append(Consent(person_id=MOTHER, partner_id=SCHOOL, categories=[InfoCategory.AGREEMENT],
                                 given_on=GIVEN, revoked_on=LATER))
    assert rules.partner_has_consent(case, school, ON)
    assert not rules.partner_has_consent(case, school)  # revoked before today


def test_a_resource_consent_must_cover_the_category():
    case = family()
    school = case.partner(SCHOOL)
    case.consents.append(Consent(person_id=MOTHER, partner_id=SCHOOL, categories=[InfoCategory.CONTACT],
                                 given_on=GIVEN))
    assert not rules.partner_has_consent(case, school, ON)  # the agreement's contents are not covered
    assert rules.partner_has_consent(case, school, ON, InfoCategory.CONTACT)
    assert not rules.partner_has_consent(case, case.partner(NEIGHBOUR), ON, InfoCategory.HEALTH)


def test_consented_partners_keep_the_order_of_the_case_and_the_day():
    case = family()
    assert [p.id for p in rules.consented_partners(case, ON)] == [YOUTH_OFFICE, PROFESSIONAL, NEIGHBOUR]
    revoke(case, 101)
    assert [p.id for p in rules.consented_partners(case, ON)] == [YOUTH_OFFICE, PROFESSIONAL, NEIGHBOUR]
    assert [p.id for p in rules.consented_partners(case)] == [YOUTH_OFFICE, PROFESSIONAL]


def test_a_partner_without_consent_is_refused_with_its_name():
    case = family()
    rules.check_partner_allowed(case, None, ON)  # a task of the family names no partner
    rules.check_partner_allowed(case, NEIGHBOUR, ON)
    with pytest.raises(rules.RuleViolation) as err:
        rules.check_partner_allowed(case, SCHOOL, ON)
    assert err.value.problems == [Problem("partner", no_consent("Herr Schulz, Grundschule"))]
    revoke(case, 101)
    rules.check_partner_allowed(case, NEIGHBOUR, ON)  # still held on ON
    with pytest.raises(rules.RuleViolation, match="Fatma Yılmaz"):
        rules.check_partner_allowed(case, NEIGHBOUR)


def test_a_partner_of_another_case_is_refused():
    with pytest.raises(rules.RuleViolation) as err:
        rules.check_partner_allowed(family(), 999, ON)
    assert err.value.problems == [
        Problem("partner", "Diese Kooperationspartnerin / dieser Partner gehört nicht zu diesem Fall.")]


def test_an_entry_may_name_only_persons_and_partners_of_its_case():
    case = family()
    rules.check_case_refs(case, MOTHER, SCHOOL)  # consent is judged elsewhere
    rules.check_case_refs(case, None, None)
    with pytest.raises(rules.RuleViolation) as err:
        rules.check_case_refs(case, 999, NEIGHBOUR)
    assert err.value.problems == [Problem("person", "Diese Person gehört nicht zu diesem Fall.")]
    with pytest.raises(rules.RuleViolation) as err:
        rules.check_case_refs(case, SON, 999, field="_id")
    assert err.value.problems == [
        Problem("partner_id", "Diese Kooperationspartnerin / dieser Partner gehört nicht zu diesem Fall.")]


def test_a_partner_without_any_name_is_called_diese_person():
    case = family()
    case.partners.append(Partner(case_id=1, kind=PartnerKind.RESOURCE_INFORMAL, id=15))
    with pytest.raises(rules.RuleViolation) as err:
        rules.check_partner_allowed(case, 15, ON)
    assert str(err.value) == no_consent("diese Person")


def test_roles_and_tasks_of_a_partner_without_consent_are_named():
    case, a = family(), agreement()
    revoke(case, 101)
    assert rules.consent_problems(case, a, ON) == []
    assert [(p.field, p.message) for p in rules.consent_problems(case, a)] == [
        ("roles[2]", "Rolle: " + no_consent("Fatma Yılmaz")),
        ("tasks[1]", "Aufgabe „Deniz dienstags abholen“: " + no_consent("Fatma Yılmaz")),
    ]


def test_roles_and_tasks_of_the_family_or_of_a_removed_partner_need_no_consent():
    case, a = family(), agreement()
    a.roles += [Role(person_id=MOTHER, description="Sorgeberechtigt"), Role(partner_id=999, description="?")]
    a.tasks += [Task(partner_id=999, what="?")]
    assert rules.consent_problems(case, a, ON) == []


def test_the_consents_as_they_stood_on_a_day():
    case = family()
    revoke(case, 101)
    next(c for c in case.consents if c.id == 101).revocation_note = "mündlich widerrufen"
    case.consents.append(Consent(case_id=1, person_id=MOTHER, partner_id=SCHOOL, categories=[InfoCategory.SCHOOL],
                                 given_on=LATER, id=102))
    case.consents.append(Consent(case_id=1, person_id=SON, categories=[InfoCategory.AGREEMENT], id=103))

    def stood(on: dt.date) -> list[tuple[int | None, dt.date | None, str]]:
        return [(c.id, c.revoked_on, c.revocation_note) for c in rules.consents_as_of(case, on).consents]

    # given later (or on no known day): not there yet; revoked later: not revoked yet
    assert stood(ON) == [(100, None, ""), (101, None, "")]
    # revoked that very day: not yet either (the version may have been finalised before it)
    assert stood(LATER) == [(100, None, ""), (101, None, ""), (102, None, "")]
    after = LATER + dt.timedelta(days=1)
    assert stood(after) == [(100, None, ""), (101, LATER, "mündlich widerrufen"), (102, None, "")]
    assert rules.consents_as_of(case, ON).persons == case.persons  # the rest of the case as it is
    assert [c.id for c in case.consents] == [100, 101, 102, 103] and case.consents[1].revoked_on == LATER


def test_a_consent_an_agreement_rests_on_stays_as_it_was_given():
    import dataclasses

    stored = family().consents[1]
    changed = dataclasses.replace(stored, categories=[InfoCategory.AGREEMENT, InfoCategory.HEALTH])
    rules.check_consent_change(stored, changed, case_has_frozen=False)  # no finalised version yet: free
    rules.check_consent_change(stored, dataclasses.replace(stored, note="Kopie in der Akte"), case_has_frozen=True)
    for change in ({"categories": [InfoCategory.HEALTH]}, {"given_on": ON}, {"partner_id": SCHOOL},
                   {"revoked_on": LATER}, {"text": "Ein anderer Text"}):
        with pytest.raises(rules.RuleViolation) as err:
            rules.check_consent_change(stored, dataclasses.replace(stored, **change), case_has_frozen=True)
        assert err.value.problems == [Problem(
            "status", "Auf diesem Einverständnis beruht eine abgeschlossene Vereinbarung. Es bleibt so, wie es "
                      "erteilt wurde; ein Widerruf ist jederzeit möglich.")], change


def test_a_revocation_is_dated_today_or_earlier_and_not_before_the_consent():
    consent = family().consents[1]  # given on GIVEN
    today = dt.date.today()
    for day in (GIVEN, LATER, today):
        rules.check_revocation(consent, day)
    rules.check_revocation(Consent(person_id=MOTHER), GIVEN - dt.timedelta(days=400))  # given on no known day
    with pytest.raises(rules.RuleViolation) as err:
        rules.check_revocation(consent, today + dt.timedelta(days=1))
    assert err.value.problems == [Problem("revoked_on", "Ein Widerruf gilt ab dem Tag, an dem er erklärt wird: "
                                                        "das Datum darf nicht in der Zukunft liegen.")]
    with pytest.raises(rules.RuleViolation) as err:
        rules.check_revocation(consent, GIVEN - dt.timedelta(days=1))
    assert err.value.problems == [Problem("revoked_on", "Der Widerruf kann nicht vor dem Einverständnis liegen.")]


# --- mentions of partners without consent in printed free texts ---------------------------


@pytest.mark.parametrize(("edit", "field", "place"), [
    (lambda a, t: setattr(a, "mandate", t), "mandate", "Auftrag des Jugendamts"),
    (lambda a, t: setattr(a, "client_view", t), "client_view", "Sicht der Familie"),
    (lambda a, t: setattr(a, "goodwill", t), "goodwill", "Zusammenarbeit"),
    (lambda a, t: setattr(a, "transition_offers", t), "transition", "Übergang"),
    (lambda a, t: setattr(a, "transition_partners", t), "transition", "Übergang"),
    (lambda a, t: setattr(a, "transition_self", t), "transition", "Übergang"),
    (lambda a, t: setattr(a.goals[0], "client_words", t), "goals[0]", "Ziel 1"),
    (lambda a, t: setattr(a.goals[1], "professional_wording", t), "goals[1]", "Ziel 2"),
    (lambda a, t: setattr(a.goals[1].indicators[1], "description", t), "goals[1].indicators[1]",
     "Ziel 2, Indikator 2"),
    (lambda a, t: a.goals[0].indicators[0].level_texts.__setitem__(4, t), "goals[0].indicators[0]",
     "Ziel 1, Indikator 1"),
    (lambda a, t: setattr(a.tasks[1], "what", t), "tasks[1]", "Aufgabe 2"),
    (lambda a, t: setattr(a.roles[1], "description", t), "roles[1]", "Rolle 2"),
    (lambda a, t: setattr(a.communication[1], "what", t), "communication[1]", "Absprache 2"),
    (lambda a, t: setattr(a.communication[0], "who", t), "communication[0]", "Absprache 1"),
    (lambda a, t: setattr(a.communication[0], "to_whom", t), "communication[0]", "Absprache 1"),
    (lambda a, t: setattr(a.communication[0], "rhythm", t), "communication[0]", "Absprache 1"),
])
def test_every_printed_free_text_naming_a_partner_without_consent_is_flagged(edit, field, place):
    case, a = family(), agreement()
    a.goals.append(Goal(client_words="Schule", professional_wording="Schulbesuch", id=21, indicators=[
        Indicator(description="Pünktlich", baseline=0, target=1),
        Indicator(description="Gern", scale=ScaleKind.SCALE_0_10, baseline=3, target=7)]))
    a.communication.append(CommunicationRule(kind=CommunicationKind.REPORT, what="Bericht", to_whom="Jugendamt"))
    assert problems(case, a) == []
    edit(a, "Absprache mit HERR SCHULZ von der Schule")  # the name in other letter case is found too
    assert problems(case, a) == [(field, named(place, "Herr Schulz"))]
    assert [(p.field, p.message) for p in rules.mention_problems(case, a, ON)] == [(field, named(place, "Herr Schulz"))]


def test_a_mention_counts_as_of_the_day_judged():
    case, a = family(), agreement()
    a.client_view = "Fatma Yılmaz hilft uns sehr."
    revoke(case, 101)
    assert rules.mention_problems(case, a, ON) == []
    assert rules.completeness(case, a, ON) == []
    assert (("client_view", named("Sicht der Familie", "Fatma Yılmaz"))
            in [(p.field, p.message) for p in rules.completeness(case, a)])
    assert [p.field for p in rules.mention_problems(case, a)] == ["client_view"]


def test_names_shorter_than_three_letters_are_not_searched():
    case, a = family(), agreement()
    case.partners += [Partner(case_id=1, kind=PartnerKind.RESOURCE_INFORMAL, name=" Al ", id=15),
                      Partner(case_id=1, kind=PartnerKind.RESOURCE_INFORMAL, name=" Ute ", id=16)]
    a.mandate = "Alltag mit Ute üben"
    assert problems(case, a) == [("mandate", named("Auftrag des Jugendamts", "Ute"))]


@pytest.mark.parametrize("edit", [
    lambda a: (setattr(a.communication[0], "who", "Mutter und Herr"), setattr(a.communication[0], "to_whom", "Schulz")),
    lambda a: (setattr(a.goals[0].indicators[0], "description", "Spricht mit Herr"),
               a.goals[0].indicators[0].level_texts.__setitem__(0, "Schulz ist nicht gemeint")),
])
def test_a_name_is_not_pieced_together_from_two_fields(edit):
    """The end of one field and the start of the next are two texts, not one name."""
    case, a = family(), agreement()
    edit(a)
    assert rules.mention_problems(case, a, ON) == []


def test_a_text_without_the_name_is_not_flagged():
    case, a = family(), agreement()
    a.mandate = "Herr Schul wird informiert"  # not the name of Herr Schulz
    assert rules.mention_problems(case, a, ON) == []


# --- completeness: one test per check -----------------------------------------------------


def test_no_person_of_the_family():
    case = family()
    case.persons = []
    assert problems(case, agreement()) == [("persons", "Es ist noch keine Person der Familie eingetragen.")]


def test_no_general_consent():
    case = family()
    case.consents = [c for c in case.consents if c.partner_id is not None]
    assert problems(case, agreement()) == [
        ("consents", "Das Einverständnis der Familie zur Hilfe und Zusammenarbeit fehlt."),
        ("partners", "Das beauftragende Jugendamt ist nicht eingetragen."),
        ("roles[0]", "Rolle: " + no_consent("Herr Wróbel, Jugendamt")),
        ("roles[1]", "Rolle: " + no_consent("Frau Iwanowa, Lindenhof e. V.")),
    ]


def test_the_general_consent_is_judged_as_of_the_day():
    case = family()
    revoke(case, 100)
    assert problems(case, agreement()) == []
    assert ("consents", "Das Einverständnis der Familie zur Hilfe und Zusammenarbeit fehlt.") in problems(
        case, agreement(), None)


def test_no_partner_at_all():
    case, a = family(), agreement()
    case.partners = []
    assert problems(case, a) == [
        ("partners", ("Es ist noch keine Kooperationspartnerin / kein Kooperationspartner "
                      "(mit Einverständnis) eingetragen.")),
        ("partners", "Das beauftragende Jugendamt ist nicht eingetragen."),
    ]


def test_no_youth_office():
    case, a = family(), agreement()
    case.partners = [p for p in case.partners if p.id != YOUTH_OFFICE]
    assert problems(case, a) == [("partners", "Das beauftragende Jugendamt ist nicht eingetragen.")]


def test_a_youth_office_counts_only_with_the_general_consent():
    case = family()
    revoke(case, 100)
    assert ("partners", "Das beauftragende Jugendamt ist nicht eingetragen.") in problems(case, agreement(), None)


def test_no_goal():
    a = agreement()
    a.goals = []
    assert problems(family(), a) == [("goals", "Es ist noch kein gemeinsames Ziel formuliert.")]


def test_a_goal_needs_the_familys_words_and_the_professional_wording():
    a = agreement()
    a.goals.append(Goal(client_words="  ", professional_wording="\t", indicators=[
        Indicator(description="Beobachtbar", baseline=0, target=1)]))
    assert problems(family(), a) == [
        ("goals[1].client_words", "Ziel 2: Die Worte der Familie fehlen."),
        ("goals[1].professional_wording", "Ziel 2: Die fachliche Formulierung fehlt."),
    ]


def test_a_goal_without_indicator():
    a = agreement()
    a.goals.append(Goal(client_words="Ruhe", professional_wording="Ruhe"))
    assert problems(family(), a) == [("goals[1].indicators", "Ziel 2 hat noch keinen Indikator.")]


def test_an_indicator_needs_description_baseline_and_target():
    a = agreement()
    a.goals[0].indicators.append(Indicator(description=" "))
    assert problems(family(), a) == [
        ("goals[0].indicators[1].description", "Ziel 1, Indikator 2: Beschreibung fehlt."),
        ("goals[0].indicators[1].baseline", "Ziel 1, Indikator 2: Ausgangswert fehlt."),
        ("goals[0].indicators[1].target", "Ziel 1, Indikator 2: Zielwert fehlt."),
    ]


def test_an_indicator_without_baseline():
    a = agreement()
    a.goals[0].indicators[0].baseline = None
    assert problems(family(), a) == [("goals[0].indicators[0].baseline", "Ziel 1, Indikator 1: Ausgangswert fehlt.")]


def test_level_zero_is_a_baseline_and_a_target():
    a = agreement()
    a.goals[0].indicators[0].baseline = 0
    a.goals[0].indicators[0].target = 0
    assert problems(family(), a) == []


def test_no_task_for_a_partner():
    a = agreement()
    a.tasks = [t for t in a.tasks if t.partner_id is None]
    a.tasks.append(Task(partner_id=NEIGHBOUR, what="  "))  # an empty row does not count
    assert problems(family(), a) == [
        ("tasks", "Es ist noch keine Aufgabe einer Kooperationspartnerin / eines Partners vereinbart.")]


def test_no_task_for_the_family():
    a = agreement()
    a.tasks = [t for t in a.tasks if t.person_id is None]
    a.tasks.append(Task(person_id=SON, what=" "))  # an empty row does not count
    assert problems(family(), a) == [("tasks", "Die Familie hat noch keine eigene Aufgabe (Arbeitsteilung).")]


def test_one_task_each_is_enough():
    a = agreement()
    a.tasks = [Task(person_id=SON, what="Wecker stellen"), Task(partner_id=YOUTH_OFFICE, what="Einladen")]
    assert problems(family(), a) == []


def test_every_consented_partner_needs_a_described_role():
    case, a = family(), agreement()
    a.roles[1].description = " "  # the professional's role is empty
    a.roles.append(Role(partner_id=SCHOOL, description="Klassenlehrer"))  # no consent: flagged once, as a role
    assert problems(case, a) == [
        ("roles", "Die Rolle von „Frau Iwanowa, Lindenhof e. V.“ ist nicht beschrieben."),
        ("roles[3]", "Rolle: " + no_consent("Herr Schulz, Grundschule")),
    ]
    a.roles = a.roles[:3]
    case.partners.remove(case.partner(SCHOOL))  # a partner without consent needs no role
    a.roles[1].description = "Begleitet"
    assert problems(case, a) == []


def test_no_mandate():
    a = agreement()
    a.mandate = " "
    assert problems(family(), a) == [("mandate", "Der Auftrag des Jugendamts ist nicht beschrieben.")]


def test_no_communication():
    a = agreement()
    a.communication = []
    assert problems(family(), a) == [
        ("communication", "Es ist noch keine Absprache zu Treffen, Rückmeldungen oder Berichten getroffen.")]


def test_no_start():
    a = agreement()
    a.start_date = None
    assert problems(family(), a) == [("start_date", "Der Beginn fehlt.")]


def test_no_planned_end():
    a = agreement()
    a.planned_end = None
    assert problems(family(), a) == [("planned_end", "Das geplante Ende der Hilfe fehlt.")]


def test_an_end_on_the_start_day_is_refused_one_day_later_accepted():
    a = agreement()
    a.planned_end = a.start_date
    assert problems(family(), a) == [("planned_end", "Das geplante Ende muss nach dem Beginn liegen.")]
    a.planned_end = a.start_date - dt.timedelta(days=1)
    assert problems(family(), a) == [("planned_end", "Das geplante Ende muss nach dem Beginn liegen.")]
    a.planned_end = a.start_date + dt.timedelta(days=1)
    assert problems(family(), a) == []


def test_no_transition():
    a = agreement()
    a.transition_offers = " "
    a.transition_self = "Die Mutter plant die Woche selbst."  # on her own is not a transition
    assert problems(family(), a) == [
        ("transition", "Der Übergang (Anschlussangebote, Partner, die bleiben) ist nicht beschrieben.")]


def test_partners_who_stay_are_a_transition_on_their_own():
    a = agreement()
    a.transition_offers = ""
    a.transition_partners = "Die Nachbarin bleibt."
    assert problems(family(), a) == []


def test_an_agreement_language_other_than_german_or_english():
    a = agreement()
    a.language = "fr"
    assert problems(family(), a) == [
        ("language", "Die Sprache „fr“ ist für die Vereinbarung nicht möglich (Deutsch oder Englisch).")]
    a.language = "en"
    assert problems(family(), a) == []


def test_a_family_language_the_program_cannot_print():
    a = agreement()
    a.family_language = "xx"
    assert problems(family(), a) == [
        ("family_language", "Die Sprache „xx“ ist für die Fassung der Familie nicht möglich.")]
    for code in (None, *FAMILY_LANGUAGES):
        a.family_language = code
        assert problems(family(), a) == []


def test_completeness_judges_tasks_and_roles_as_of_the_day():
    case, a = family(), agreement()
    revoke(case, 101)
    assert problems(case, a) == []
    today = problems(case, a, None)
    assert ("roles[2]", "Rolle: " + no_consent("Fatma Yılmaz")) in today
    assert ("tasks[1]", "Aufgabe „Deniz dienstags abholen“: " + no_consent("Fatma Yılmaz")) in today


# --- what the user typed, field by field (validate, check_valid) --------------------------


def invalid(entity: rules.Entity) -> list[tuple[str, str]]:
    return [(p.field, p.message) for p in rules.validate(entity)]


def test_a_person_needs_a_first_or_last_name():
    assert invalid(Person(first_name=" ", last_name="")) == [
        ("first_name", "Bitte einen Vornamen oder Nachnamen eingeben.")]
    assert invalid(Person(first_name="Ağrı")) == invalid(Person(last_name="Çelik")) == []


def test_a_partner_needs_a_name_or_an_organisation():
    assert invalid(Partner(name=" ", organisation="")) == [
        ("name", "Bitte einen Namen oder eine Einrichtung eingeben.")]
    assert invalid(Partner(name="Herr Schulz")) == invalid(Partner(organisation="Grundschule")) == []


def test_a_consent_needs_its_person_a_past_day_and_a_revocation_after_it():
    today = dt.date.today()
    assert invalid(Consent(person_id=MOTHER, given_on=today, revoked_on=today)) == []
    assert invalid(Consent(given_on=today + dt.timedelta(days=1), revoked_on=today)) == [
        ("person_id", "Bitte angeben, wer aus der Familie das Einverständnis gegeben hat."),
        ("given_on", "Das Datum des Einverständnisses darf nicht in der Zukunft liegen."),
        ("revoked_on", "Der Widerruf kann nicht vor dem Einverständnis liegen."),
    ]


@pytest.mark.parametrize("weight", [0, -1, float("nan"), float("inf"), "1"])
def test_a_goal_weight_is_a_number_above_zero(weight):
    assert invalid(Goal(weight=weight)) == [("weight", "Die Gewichtung muss eine Zahl größer als 0 sein.")]
    assert invalid(Goal(weight=0.5)) == invalid(Goal(weight=2)) == []


def test_an_indicator_has_whole_values_on_its_scale_and_five_levels():
    assert invalid(Indicator(baseline=-2, target=2)) == invalid(Indicator(baseline=None, target=None)) == []
    assert invalid(Indicator(scale=ScaleKind.SCALE_0_10, baseline=0, target=10)) == []
    assert invalid(Indicator(baseline=-3, target=True)) == [
        ("baseline", "Der Ausgangswert muss eine ganze Zahl zwischen −2 und +2 sein."),
        ("target", "Der Zielwert muss eine ganze Zahl zwischen −2 und +2 sein."),
    ]
    assert invalid(Indicator(scale=ScaleKind.SCALE_0_10, baseline=1.5, target=11)) == [
        ("baseline", "Der Ausgangswert muss eine ganze Zahl zwischen 0 und 10 sein."),
        ("target", "Der Zielwert muss eine ganze Zahl zwischen 0 und 10 sein."),
    ]
    assert invalid(Indicator(level_texts=["a", "b", "c", "d"])) == [
        ("level_texts", "Es müssen genau fünf Stufen (−2 bis +2) beschrieben sein.")]


@pytest.mark.parametrize("kind", [Role, Task])
def test_a_role_or_task_names_exactly_one_person_or_partner(kind):
    message = ("party", "Bitte genau eine Person der Familie oder eine Kooperationspartnerin / "
                        "einen Kooperationspartner auswählen.")
    assert invalid(kind()) == invalid(kind(person_id=MOTHER, partner_id=NEIGHBOUR)) == [message]
    assert invalid(kind(person_id=MOTHER)) == invalid(kind(partner_id=NEIGHBOUR)) == []


def test_check_valid_refuses_with_every_problem_and_passes_a_valid_entry():
    rules.check_valid(Person(first_name="Ağrı"))
    with pytest.raises(rules.RuleViolation) as err:
        rules.check_valid(Indicator(baseline=5, target=5))
    assert [p.field for p in err.value.problems] == ["baseline", "target"]


# --- freezing -----------------------------------------------------------------------------


def final(a: Agreement, at: dt.datetime = dt.datetime(2020, 3, 1, 12, 0)) -> Agreement:
    a.status, a.finalised_at = AgreementStatus.FINAL, at
    return a


def test_a_draft_is_judged_as_of_today_a_final_version_as_of_its_finalising_day():
    a = agreement()
    assert rules.as_of(a) is None
    a.finalised_at = dt.datetime(2020, 3, 1, 12, 0)  # a draft carrying a date (e.g. imported) is still a draft
    assert rules.as_of(a) is None
    a.status = AgreementStatus.FINAL
    assert rules.as_of(a) == ON
    a.finalised_at = None  # a final version without its date: judged as of today
    assert rules.as_of(a) is None


@pytest.fixture
def berlin(monkeypatch: pytest.MonkeyPatch):
    """The computer's clock runs in German time (UTC+1 in winter)."""
    monkeypatch.setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3")  # POSIX rule: needs no tzdata package
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_the_finalising_day_is_the_local_day(berlin):
    utc = dt.UTC
    late = final(agreement(), dt.datetime(2020, 2, 29, 23, 30, tzinfo=utc))  # 00:30 on 01.03. in Germany
    assert rules.as_of(late) == dt.date(2020, 3, 1)
    naive = final(agreement(), dt.datetime(2020, 2, 29, 23, 30))  # stored without zone: local already
    assert rules.as_of(naive) == dt.date(2020, 2, 29)


def test_a_final_version_keeps_its_hash_when_consents_change_later_a_draft_does_not():
    case, a = family(), final(agreement())
    h = rules.content_hash(case, a)
    revoke(case, 101)  # the neighbour's consent, revoked after finalising
    case.consents.append(Consent(person_id=MOTHER, partner_id=SCHOOL, categories=[InfoCategory.AGREEMENT],
                                 given_on=dt.date(2020, 3, 2)))  # the school's, given the day after
    assert rules.content_hash(case, a) == h
    draft = agreement()
    draft.finalised_at = a.finalised_at
    assert rules.content_hash(case, draft) != rules.content_hash(family(), draft)


def test_hash_does_not_depend_on_storage_or_workflow_fields():
    case, a = family(), final(agreement())
    h = rules.content_hash(case, a)
    b = final(agreement())
    b.id, b.case_id, b.wizard_step, b.predecessor_id = 77, 78, "overview", 76
    b.status, b.content_hash, b.created_at = AgreementStatus.SIGNED, "abc", dt.datetime(2020, 1, 5)
    b.goals[0].id, b.goals[0].agreement_id, b.goals[0].indicators[0].goal_id = 79, 77, 79
    for t in b.tasks:
        t.agreement_id, t.id = 77, 80
    assert rules.content_hash(case, b) == h


def test_the_german_default_language_is_not_part_of_the_content():
    case, a = family(), final(agreement())
    assert b'"language"' not in rules.canonical_content(case, a)
    a.language = "en"
    assert b'"language":"en"' in rules.canonical_content(case, a)


def test_the_hash_of_a_finalised_version_never_changes_between_releases():
    """The SHA-256 printed on every final PDF and stored with it: a version finalised with an
    earlier release must verify with this one, so the canonical content is pinned byte for byte."""
    case = family()
    case.persons[0].birth_date = dt.date(1985, 3, 14)
    a = final(agreement(), dt.datetime(2020, 3, 1, 12, 0, tzinfo=dt.UTC))
    a.goals[0].indicators[0].level_texts = ["nie", "selten", "manchmal", "oft", "immer"]
    a.tasks[1].goal_id, a.tasks[1].due_date = 20, dt.date(2020, 4, 1)
    a.tasks.append(Task(person_id=99, what="Aufgabe einer gelöschten Person"))
    a.roles.append(Role(partner_id=SCHOOL, description="Schule (ohne Einverständnis)"))
    a.roles.append(Role(person_id=MOTHER, description="Sorgeberechtigt"))
    a.communication[0].next_date = dt.date(2020, 3, 15)
    # a snapshot frozen by an earlier release has no choice of signers; thawing it
    # (serialize.thaw) gives it the guardians, as it had then
    signing = rules.legacy_signers(case)
    for person in case.persons:
        person.signs = person.id in signing
    content = rules.canonical_content(case, a)
    assert content.decode("utf-8").startswith(
        '{"case":{"file_number":"AZ 51-0815","help_type":"§ 31 SGB VIII","title":"Familie Çelik"},'
        '"client_view":"","communication":[{"kind":"meeting","next_date":"2020-03-15","position":0,'
        '"rhythm":"alle 2 Wochen","to_whom":"","what":"Treffen","who":""}],')
    assert '"party":"person:?"' in content.decode() and '"party":"partner:?"' in content.decode()
    assert rules.content_hash(case, a) == PINNED_HASH


def test_who_signs_is_content_where_it_differs_from_the_rule_before_the_choice():
    import json

    case, a = family(), agreement()
    assert rules.legacy_signers(case) == {MOTHER, SON}  # then: everyone, as nobody has custody
    assert [p.id for p in rules.family_signers(case, a)] == [MOTHER]  # now: the mother has a task
    assert json.loads(rules.canonical_content(case, a))["signers"] == [case.persons[0].display_name]
    mother_alone = rules.content_hash(case, a)
    case.persons[1].signs = True  # both sign, as before the choice existed: not written out
    assert "signers" not in json.loads(rules.canonical_content(case, a))
    assert rules.content_hash(case, a) != mother_alone


def test_finalising_freezes_who_signs_into_every_person():
    case, a = family(), agreement()
    case.persons[1].signs = True  # the son chose to sign; the mother signs by default (her task)
    resolved = rules.with_signers_resolved(case, a)
    assert [(p.id, p.signs) for p in resolved.persons] == [(MOTHER, True), (SON, True)]
    case.persons[1].signs = None
    assert [(p.id, p.signs) for p in rules.with_signers_resolved(case, a).persons] == [(MOTHER, True), (SON, False)]
    assert case.persons[1].signs is None  # the case itself is left as it is
    assert rules.with_signers_resolved(case, a).title == case.title


def test_a_minor_is_under_18_on_the_day_and_an_unknown_birthday_is_not():
    child = Person(first_name="Deniz", birth_date=dt.date(2008, 3, 1))
    assert rules.is_minor(child, dt.date(2026, 2, 28))
    assert not rules.is_minor(child, dt.date(2026, 3, 1))  # the 18th birthday
    assert not rules.is_minor(Person(first_name="Ağrı"), dt.date(2026, 2, 28))


PINNED_HASH = "023bd169a11497c90742a8b41af25d231e67cb1716aa880975d68f006146f924"


@pytest.mark.parametrize("status", [AgreementStatus.FINAL, AgreementStatus.SIGNED, AgreementStatus.SUPERSEDED,
                                    AgreementStatus.ENDED])
def test_only_a_draft_may_be_changed(status):
    a = agreement()
    rules.check_editable(a)
    a.status, a.version = status, 3
    with pytest.raises(rules.RuleViolation) as err:
        rules.check_editable(a)
    assert err.value.problems == [Problem(
        "status", "Version 3 ist abgeschlossen und kann nicht mehr geändert werden. "
                  "Für Änderungen bitte eine neue Version anlegen.")]


# --- closed cases, case titles, the case list's filter ------------------------------------


def test_a_closed_case_is_read_only_until_it_is_reopened():
    import dataclasses

    rules.check_case_writable(CaseStatus.OPEN)
    with pytest.raises(rules.RuleViolation) as err:
        rules.check_case_writable(CaseStatus.CLOSED)
    assert err.value.problems == [Problem("status", rules.CASE_READ_ONLY)]
    closed = Case(title="Familie Çelik", file_number="AZ 1", help_type="§ 31 SGB VIII", status=CaseStatus.CLOSED)
    rules.check_case_change(closed, dataclasses.replace(closed))  # nothing changed
    rules.check_case_change(closed, dataclasses.replace(closed, status=CaseStatus.OPEN, title="Neu"))  # re-opened
    opened = dataclasses.replace(closed, status=CaseStatus.OPEN)
    rules.check_case_change(opened, dataclasses.replace(closed, title="Neu"))  # closed with its last change
    for change in ({"title": "Neu"}, {"file_number": "AZ 2"}, {"help_type": "§ 27 SGB VIII"}):
        with pytest.raises(rules.RuleViolation) as err:
            rules.check_case_change(closed, dataclasses.replace(closed, **change))
        assert err.value.problems == [Problem("status", rules.CASE_READ_ONLY)], change


def test_a_case_needs_a_title():
    rules.check_case_title("Familie Çelik")
    with pytest.raises(rules.RuleViolation) as err:
        rules.check_case_title("  ")
    assert err.value.problems == [Problem("title", "Bitte einen Titel für den Fall eingeben, z. B. „Familie Çelik“.")]


def test_a_case_list_filter_longer_than_the_limit_is_refused():
    rules.check_filter("x" * limits.MAX_FILTER)
    with pytest.raises(rules.RuleViolation) as err:
        rules.check_filter("x" * 1200)
    assert err.value.problems == [
        Problem("filter", f"Der Suchtext ist zu lang (1.200 Zeichen; höchstens {limits.MAX_FILTER} Zeichen).")]


# --- the wizard's "may I go on?" rules (domain/wizard.py) ---------------------------------


def go_on(step: wizard.Step, case: Case, a: Agreement, on: dt.date | None = ON) -> list[tuple[str, str]]:
    return [(p.field, p.message) for p in wizard.may_go_on(step, case, a, on)]


@pytest.mark.parametrize("step", list(wizard.Step))
def test_every_wizard_step_lets_a_complete_agreement_go_on(step):
    assert go_on(step, family(), agreement()) == []


def test_participants_need_a_person_names_and_the_youth_office():
    case = family()
    case.persons = [Person(first_name="Anna"), Person(last_name="Çelik"), Person(first_name=" ", last_name=" ")]
    case.partners = [Partner(kind=PartnerKind.RESOURCE_INFORMAL, name="Oma"),
                     Partner(kind=PartnerKind.PROFESSIONAL, organisation="Lindenhof"),
                     Partner(kind=PartnerKind.RESOURCE_PROFESSIONAL, name=" ", organisation=" ")]
    assert go_on(wizard.Step.PARTICIPANTS, case, agreement()) == [
        ("persons[2]", "Person 3: Bitte einen Namen eintragen."),
        ("partners[2]", "Partner 3: Bitte einen Namen oder eine Einrichtung eintragen."),
        ("partners", "Bitte das beauftragende Jugendamt eintragen."),
    ]
    case.persons = []
    case.partners = [Partner(kind=PartnerKind.YOUTH_OFFICE, name="Herr Wróbel")]
    case.consents = []  # entering the youth office needs no consent yet
    assert go_on(wizard.Step.PARTICIPANTS, case, agreement()) == [
        ("persons", "Bitte mindestens eine Person der Familie eintragen.")]


def test_the_consent_step_needs_the_general_consent_as_of_the_day():
    case = family()
    revoke(case, 100)
    assert go_on(wizard.Step.CONSENT, case, agreement()) == []
    assert go_on(wizard.Step.CONSENT, case, agreement(), None) == [
        ("consents", ("Ohne das Einverständnis der Familie kann keine Vereinbarung entstehen. "
                      "Bitte das Einverständnis erfassen."))]


def test_the_goals_step_needs_one_goal_in_either_wording():
    a = agreement()
    a.goals = [Goal(client_words=" ", professional_wording="")]
    assert go_on(wizard.Step.GOALS, family(), a) == [("goals", "Bitte mindestens ein gemeinsames Ziel formulieren.")]
    a.goals.append(Goal(professional_wording="Schulbesuch"))
    assert go_on(wizard.Step.GOALS, family(), a) == []


def test_the_indicators_step_needs_a_described_indicator_per_goal():
    a = agreement()
    a.goals.append(Goal(client_words="Schule", indicators=[Indicator(description=" ")]))
    a.goals.append(Goal(professional_wording="Ruhe", indicators=[Indicator(), Indicator(description="Leiser")]))
    assert go_on(wizard.Step.INDICATORS, family(), a) == [
        ("goals[1].indicators", "Ziel 2 „Schule“: Bitte mindestens einen Indikator beschreiben.")]


def test_the_tasks_step_needs_a_task_and_consent_for_every_partner_in_it():
    case, a = family(), agreement()
    a.tasks = [Task(person_id=MOTHER, what=" ")]
    assert go_on(wizard.Step.TASKS, case, a) == [
        ("tasks", "Bitte mindestens eine Aufgabe vereinbaren: Wer macht was bis wann?")]
    a.tasks.append(Task(partner_id=NEIGHBOUR, what="Abholen"))
    revoke(case, 101)
    assert go_on(wizard.Step.TASKS, case, a) == []
    assert go_on(wizard.Step.TASKS, case, a, None) == [
        ("roles[2]", "Rolle: " + no_consent("Fatma Yılmaz")),
        ("tasks[1]", "Aufgabe „Abholen“: " + no_consent("Fatma Yılmaz")),
    ]


def test_the_communication_step_needs_an_arrangement_naming_only_consented_partners():
    case, a = family(), agreement()
    a.mandate = "Herr Schulz wird informiert"  # shown on another step
    a.communication = []
    assert go_on(wizard.Step.COMMUNICATION, case, a) == [
        ("communication", "Bitte mindestens eine Absprache zu Treffen, Rückmeldung oder Bericht treffen.")]
    a.communication = [CommunicationRule(what="Bericht", to_whom="Herr Schulz")]
    assert go_on(wizard.Step.COMMUNICATION, case, a) == [("communication[0]", named("Absprache 1", "Herr Schulz"))]
    case.consents.append(Consent(person_id=MOTHER, partner_id=SCHOOL, categories=[InfoCategory.AGREEMENT],
                                 given_on=GIVEN, revoked_on=LATER))
    assert go_on(wizard.Step.COMMUNICATION, case, a) == []
    assert go_on(wizard.Step.COMMUNICATION, case, a, None) == [
        ("communication[0]", named("Absprache 1", "Herr Schulz"))]


def test_the_timeframe_step_needs_an_end_after_the_start():
    a = agreement()
    a.planned_end = None
    assert go_on(wizard.Step.TIMEFRAME, family(), a) == [
        ("planned_end", "Bitte das geplante Ende der Hilfe eintragen (die Hilfe ist zeitlich begrenzt).")]
    a.planned_end = a.start_date
    assert go_on(wizard.Step.TIMEFRAME, family(), a) == [
        ("planned_end", "Das geplante Ende muss nach dem Beginn liegen.")]
    a.planned_end = a.start_date + dt.timedelta(days=1)
    assert go_on(wizard.Step.TIMEFRAME, family(), a) == []
    a.start_date = None  # the start is asked elsewhere
    assert go_on(wizard.Step.TIMEFRAME, family(), a) == []


def test_the_timeframe_step_shows_names_in_its_own_texts_only():
    case, a = family(), agreement()
    a.mandate = a.goals[0].client_words = "mit Herr Schulz"  # other steps' texts
    a.communication[0].who = "Herr Schulz"
    assert go_on(wizard.Step.TIMEFRAME, case, a) == []
    a.transition_self, a.client_view, a.goodwill = "Herr Schulz", "Herr Schulz", "Herr Schulz"
    assert go_on(wizard.Step.TIMEFRAME, case, a) == [
        ("client_view", named("Sicht der Familie", "Herr Schulz")),
        ("goodwill", named("Zusammenarbeit", "Herr Schulz")),
        ("transition", named("Übergang", "Herr Schulz")),
    ]
    revoke(case, 101)
    a.transition_self = "Fatma Yılmaz"
    assert ("transition", named("Übergang", "Fatma Yılmaz")) not in go_on(wizard.Step.TIMEFRAME, case, a)
    assert go_on(wizard.Step.TIMEFRAME, case, a, None)[-1:] == [("transition", named("Übergang", "Fatma Yılmaz"))]


def test_each_step_shows_only_its_own_problems():
    empty_case, empty = Case(title="leer"), Agreement()
    expected = {
        wizard.Step.PARTICIPANTS: ["persons", "partners"],
        wizard.Step.CONSENT: ["consents"],
        wizard.Step.GOALS: ["goals"],
        wizard.Step.INDICATORS: [],
        wizard.Step.TASKS: ["tasks"],
        wizard.Step.COMMUNICATION: ["communication"],
        wizard.Step.TIMEFRAME: ["planned_end"],
        wizard.Step.OVERVIEW: [],
    }
    assert {s: [f for f, _ in go_on(s, empty_case, empty)] for s in wizard.Step} == expected


def test_steps_forward_and_back():
    order = list(wizard.Step)
    assert [wizard.next_step(s) for s in order] == [*order[1:], None]
    assert [wizard.previous_step(s) for s in order] == [None, *order[:-1]]


# --- dates as the user types and reads them (domain/labels.py) ----------------------------


def test_an_empty_date_reads_as_asked():
    assert labels.format_date(None) == ""
    assert labels.format_date(None, "laufend") == "laufend"
    assert labels.format_date(dt.date(2027, 3, 1), "laufend") == "01.03.2027"


def test_years_from_1900_to_2200_are_accepted():
    assert labels.parse_date(" 1.1.1900 ") == dt.date(1900, 1, 1)
    assert labels.parse_date("31.12.2200") == dt.date(2200, 12, 31)
    for wrong in ("31.12.1899", "1.1.2201", "1.1.20", "1.1"):
        with pytest.raises(ValueError) as err:
            labels.parse_date(wrong)
        assert str(err.value) == f"„{wrong}“ ist kein gültiges Datum. Bitte als TT.MM.JJJJ eingeben, z. B. 01.03.2027."


# --- look-ups of the model the rules rely on (domain/model.py) ----------------------------


def test_a_case_finds_its_persons_and_partners_by_id():
    case = family()
    assert case.person(SON).first_name == "Deniz" and case.person(MOTHER).first_name == "Ağrı"
    assert case.person(None) is None and case.person(NEIGHBOUR) is None
    assert case.partner(SCHOOL).name == "Herr Schulz" and case.partner(MOTHER) is None


def test_a_gas_level_reads_its_own_text():
    ind = Indicator(level_texts=["viel weniger", "weniger", "erwartet", "mehr", "viel mehr"])
    assert [ind.level_text(level) for level in (-2, -1, 0, 1, 2)] == ind.level_texts
