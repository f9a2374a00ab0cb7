"""A fictional example family with a complete, finalised agreement (``kooperation-desktop demo``).

Built through the :class:`~kooperation_desktop.services.Services` API only, so the example passes
every rule a real case passes. All names and details are invented.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .domain.model import (
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
    require_id,
)
from .domain.rules import RuleViolation
from .services import Services

DEMO_TITLE = "Beispiel (erfunden): Familie Çelik-Wróbel"  # marked in every list, view and PDF
DEMO_FILE_NUMBER = "51.2-2026-0147"
LEGACY_DEMO_TITLES = ("Familie Çelik-Wróbel",)  # the demo's title before it was marked as an example


@dataclass(slots=True)
class DemoResult:
    case_id: int
    agreement_id: int
    created: bool  # False: the demo family was already there


def demo_case_ids(services: Services) -> list[int]:
    """The ids of every demo case (its title and file number; real cases are never matched)."""
    return [summary.id for summary in services.cases.list(DEMO_FILE_NUMBER)
            if summary.title in (DEMO_TITLE, *LEGACY_DEMO_TITLES) and summary.file_number == DEMO_FILE_NUMBER]


def find_demo(services: Services) -> int | None:
    """The id of an existing demo case, if any."""
    ids = demo_case_ids(services)
    return ids[0] if ids else None


def remove_demo(services: Services) -> list[int]:
    """Delete exactly the demo case(s) (with everything in them); returns the deleted ids."""
    ids = demo_case_ids(services)
    for case_id in ids:
        services.cases.delete(case_id)
    return ids


def _age_birthday(today: dt.date, age: int, month: int, day: int) -> dt.date:
    """A birthday (month/day) such that the person is ``age`` years old today."""
    year = today.year - age
    if (month, day) > (today.month, today.day):
        year -= 1
    return dt.date(year, month, day)


def create_demo(services: Services, today: dt.date | None = None) -> DemoResult:
    """Fill the database with the demo family; does nothing if it is already there."""
    existing = find_demo(services)
    if existing is not None:
        case = services.cases.get(existing)
        newest = max(case.agreements, key=lambda a: a.version) if case.agreements else None
        return DemoResult(existing, newest.id if newest else 0, created=False)

    today = today or dt.date.today()
    case = services.cases.create(DEMO_TITLE, DEMO_FILE_NUMBER, "§ 31 SGB VIII – Sozialpädagogische Familienhilfe")
    cid = require_id(case.id)

    # --- the client system ---
    mother = services.parties.save(Person(cid, "Ağrı Şükrü", "Çelik", "Mutter", _age_birthday(today, 34, 4, 12), True))
    stepfather = services.parties.save(Person(cid, "Łukasz", "Wróbel", "Stiefvater",
                                              _age_birthday(today, 38, 9, 2), False))
    mia = services.parties.save(Person(cid, "Mia", "Çelik", "Tochter", _age_birthday(today, 9, 3, 14), False))

    # --- partners: the family's own resources first (help is subsidiary), then professionals ---
    oma = services.parties.save(Partner(cid, PartnerKind.RESOURCE_INFORMAL, "Жанна Иванова", "",
                                "Oma von Mia (Mutter von Herrn Wróbel)", "Tel. 0171 2345678"))
    youth_office = services.parties.save(Partner(cid, PartnerKind.YOUTH_OFFICE, "Frau Nguyễn Thị Minh Khai",
                                         "Jugendamt Musterstadt, Allgemeiner Sozialer Dienst (ASD)",
                                         "Fallführende Fachkraft im ASD",
                                         "Rathausplatz 1, 12345 Musterstadt, Tel. 0123 98765-41"))
    professional = services.parties.save(Partner(cid, PartnerKind.PROFESSIONAL, "Jonas Becker",
                                         "Familienhilfe Lindenhof e. V.",
                                         "Sozialpädagogische Familienhilfe",
                                         "Tel. 0123 456789 (Mo–Fr 9–17 Uhr), j.becker@lindenhof.example"))
    school = services.parties.save(Partner(cid, PartnerKind.RESOURCE_PROFESSIONAL, "Frau Sabine Krüger",
                                   "Grundschule am Park", "Klassenlehrerin von Mia (Klasse 3b)",
                                   "Sekretariat Tel. 0123 55501"))

    # --- consents: general, then one per resource ---
    consent_day = today - dt.timedelta(days=7)
    services.consent.record(Consent(
        cid, mother.id, None, [InfoCategory.CONTACT, InfoCategory.AGREEMENT, InfoCategory.PROGRESS],
        consent_day, ConsentForm.WRITTEN, note="Beim Erstgespräch vorgelesen und unterschrieben."))
    services.consent.record(Consent(
        cid, mother.id, oma.id, [InfoCategory.CONTACT, InfoCategory.AGREEMENT, InfoCategory.PROGRESS],
        consent_day, ConsentForm.ORAL, note="Frau Çelik möchte, dass die Oma bei den Treffen dabei sein kann."))
    services.consent.record(Consent(
        cid, mother.id, school.id, [InfoCategory.CONTACT, InfoCategory.AGREEMENT, InfoCategory.SCHOOL],
        consent_day, ConsentForm.WRITTEN, note="Nur Pünktlichkeit und Befinden in der Schule, keine Noten."))

    # --- the agreement ---
    agreement = services.agreements.current_draft(cid)
    agreement.start_date = today
    agreement.planned_end = today + dt.timedelta(days=365)
    next_review = today + dt.timedelta(days=182)
    agreement.next_review = next_review
    agreement.mandate = (
        "Das Jugendamt Musterstadt beauftragt die Familienhilfe Lindenhof e. V. mit einer Sozialpädagogischen "
        "Familienhilfe nach § 31 SGB VIII im Umfang von 6 Fachleistungsstunden pro Woche für zunächst zwölf Monate. "
        "Auftrag laut Hilfeplan: die Eltern bei einem verlässlichen Tagesablauf unterstützen, Konflikte in der "
        "Familie ohne Anschreien lösen helfen und das Netzwerk der Familie (vor allem die Oma) stärken. "
        "Der Auftrag wird beim Hilfeplangespräch überprüft."
    )
    agreement.goodwill = (
        "Wir arbeiten mit gegenseitigem Wohlwollen zusammen und nicht gegeneinander. Jede und jeder bringt ein, "
        "was sie oder er gut kann. Erfolge würdigen wir gemeinsam. Die Familie hat in allen Fragen eine "
        "gleichberechtigte Stimme. Wenn es Schwierigkeiten gibt, sprechen wir sie offen an."
    )
    agreement.client_view = (
        "Frau Çelik: „Morgens ist bei uns immer Chaos, und dann schreien wir uns an. Das will ich nicht mehr.“ "
        "Herr Wróbel: „Ich will helfen, weiß aber oft nicht, ob ich mich einmischen darf.“ "
        "Mia: „Ich will nicht mehr zu spät kommen, dann gucken alle.“"
    )
    agreement.transition_offers = (
        "Erziehungsberatungsstelle Musterstadt (offene Sprechstunde) für Fragen nach dem Ende der Hilfe; "
        "Hort der Grundschule am Park ab dem nächsten Schuljahr; Mutter-Kind-Schwimmkurs im Familienzentrum Nord."
    )
    agreement.transition_partners = (
        "Oma Жанна Иванова bleibt feste Ansprechpartnerin an zwei Nachmittagen; Frau Krüger gibt weiter "
        "freitags Rückmeldung im Mitteilungsheft."
    )
    agreement.transition_self = (
        "Die Familie hält den Wochenplan am Kühlschrank selbst aktuell und bespricht ihn sonntags beim Abendessen. "
        "Bei Streit nutzt sie die Stopp-Regel und meldet sich bei Bedarf bei der Erziehungsberatung."
    )
    agreement = services.agreements.update(agreement)
    aid = require_id(agreement.id)

    def gas(description: str, levels: list[str], baseline: int, target: int = 0) -> Indicator:
        return Indicator(None, 0, description, ScaleKind.GAS, levels, baseline, target)

    def scale(description: str, baseline: int, target: int) -> Indicator:
        return Indicator(None, 1, description, ScaleKind.SCALE_0_10, ["", "", "", "", ""], baseline, target)

    goals = [
        (Goal(aid, 0,
              "Morgens soll es bei uns ruhiger zugehen, und Mia soll pünktlich in der Schule sein.",
              "Die Familie entwickelt eine verlässliche Morgenroutine; Mia erscheint an Schultagen pünktlich "
              "zum Unterrichtsbeginn um 7:55 Uhr."),
         [gas("An wie vielen Schultagen pro Woche ist Mia pünktlich um 7:55 Uhr in der Klasse? "
              "(Rückmeldung der Klassenlehrerin im Mitteilungsheft)",
              ["an höchstens einem Tag", "an zwei oder drei Tagen", "an vier Tagen",
               "an allen fünf Tagen", "vier Wochen lang an allen Tagen"], baseline=-2),
          scale("Wie ruhig war der Morgen? Mutter und Mia schätzen jeden Freitag gemeinsam ein "
                "(0 = nur Stress, 10 = ganz entspannt).", baseline=3, target=7)]),
        (Goal(aid, 1,
              "Wir wollen weniger streiten und mehr zusammen lachen.",
              "Die Erwachsenen lösen Konflikte ohne Anschreien und Abwertung; Herr Wróbel findet eine mit der "
              "Mutter abgestimmte Rolle in der Erziehung von Mia."),
         [gas("Wie oft pro Woche gibt es lauten Streit zwischen den Erwachsenen? (Familientagebuch)",
              ["fast jeden Tag", "vier- bis fünfmal", "zwei- bis dreimal", "höchstens einmal",
               "kein lauter Streit, Konflikte werden besprochen"], baseline=-1),
          scale("Wie wohl fühlt sich Mia zu Hause? (Skalierungsfrage mit Smiley-Leiste, 0 bis 10)",
                baseline=4, target=8)]),
        (Goal(aid, 2,
              "Oma Жанна soll wieder öfter für Mia da sein, damit ich auch mal durchatmen kann.",
              "Das familiäre Netzwerk wird gestärkt: Die Großmutter übernimmt feste Betreuungszeiten, die Mutter "
              "nutzt die Entlastung für eigene Termine und Erholung."),
         [gas("An wie vielen festen Nachmittagen pro Woche ist Mia bei ihrer Oma?",
              ["an keinem Nachmittag", "unregelmäßig, nach Absprache", "an einem festen Nachmittag",
               "an zwei festen Nachmittagen", "an zwei festen Nachmittagen und bei Bedarf zusätzlich"],
              baseline=-1),
          scale("Wie entlastet fühlt sich Frau Çelik? (Selbsteinschätzung, 0 = gar nicht, 10 = sehr)",
                baseline=2, target=6)]),
    ]
    goal_ids: list[int] = []
    for goal, indicators in goals:
        saved = services.parties.save(goal)
        goal_ids.append(require_id(saved.id))
        for position, indicator in enumerate(indicators):
            indicator.goal_id = saved.id
            indicator.position = position
            services.parties.save(indicator)

    roles = [
        Role(aid, mother.id, None, "Mutter und Personensorgeberechtigte. Sie entscheidet über Ziele und Aufgaben "
                                   "mit und sagt, was ihr hilft und was nicht."),
        Role(aid, stepfather.id, None, "Stiefvater. Er unterstützt die Mutter im Alltag, vor allem morgens; "
                                       "Erziehungsfragen stimmt er mit ihr ab."),
        Role(aid, mia.id, None, "Mia sagt bei jedem Treffen, was ihr gut tut und was sie sich wünscht."),
        Role(aid, None, oma.id, "Oma und verlässliche Bezugsperson für Mia; sie entlastet die Familie an "
                                "festen Nachmittagen."),
        Role(aid, None, youth_office.id, "Beauftragt und finanziert die Hilfe, ist fallführend, lädt zum "
                                         "Hilfeplangespräch ein und entscheidet über die Fortsetzung."),
        Role(aid, None, professional.id, "Unterstützt die Familie zu Hause, moderiert die gemeinsamen Treffen, "
                                         "hält die Absprachen nach und schreibt den Bericht mit der Familie."),
        Role(aid, None, school.id, "Gibt Rückmeldung zu Pünktlichkeit und Befinden von Mia in der Schule."),
    ]
    for role in roles:
        services.parties.save(role)

    four_weeks = today + dt.timedelta(days=28)
    tasks = [
        Task(aid, 0, mother.id, None, "Legt abends mit Mia Kleidung und Schulsachen für den nächsten Tag bereit.",
             None, goal_ids[0]),
        Task(aid, 1, stepfather.id, None, "Weckt Mia an Schultagen um 6:45 Uhr und frühstückt mit ihr.",
             None, goal_ids[0]),
        Task(aid, 2, mia.id, None, "Packt ihren Ranzen abends selbst, mit der Checkliste an der Tür.",
             None, goal_ids[0]),
        Task(aid, 3, mother.id, None, "Führt gemeinsam mit Herrn Wróbel ein Familientagebuch: Streit und schöne "
                                      "Momente der Woche.", None, goal_ids[1]),
        Task(aid, 4, None, professional.id, "Erarbeitet mit der Familie einen Wochenplan für Morgen- und "
                                            "Abendroutinen und hängt ihn gut sichtbar auf.", four_weeks, goal_ids[0]),
        Task(aid, 5, None, professional.id, "Übt mit Frau Çelik und Herrn Wróbel die Stopp-Regel für Streit und "
                                            "bespricht die Rolle von Herrn Wróbel in der Erziehung.",
             today + dt.timedelta(days=90), goal_ids[1]),
        Task(aid, 6, None, school.id, "Schreibt freitags eine kurze Rückmeldung zur Pünktlichkeit ins "
                                      "Mitteilungsheft.", None, goal_ids[0]),
        Task(aid, 7, None, oma.id, "Holt Mia dienstags und donnerstags von der Schule ab und betreut sie bis "
                                   "18 Uhr.", None, goal_ids[2]),
        Task(aid, 8, None, youth_office.id, "Lädt zum Hilfeplangespräch ein und prüft dort die Fortsetzung der "
                                            "Hilfe.", agreement.next_review, None),
    ]
    for task in tasks:
        services.parties.save(task)

    rules = [
        CommunicationRule(aid, 0, CommunicationKind.MEETING, "Hausbesuch mit der ganzen Familie",
                          "Familie, Herr Becker", "", "wöchentlich, dienstags 16 Uhr", today + dt.timedelta(days=5)),
        CommunicationRule(aid, 1, CommunicationKind.MEETING, "Hilfeplangespräch im Jugendamt",
                          "Familie, Frau Nguyễn, Herr Becker; Oma auf Wunsch der Familie", "", "halbjährlich",
                          agreement.next_review),
        CommunicationRule(aid, 2, CommunicationKind.FEEDBACK, "Kurze Rückmeldung aus der Schule",
                          "Frau Krüger", "Frau Çelik", "freitags im Mitteilungsheft", None),
        CommunicationRule(aid, 3, CommunicationKind.REPORT,
                          "Entwicklungsbericht, vorher mit der Familie besprochen", "Herr Becker",
                          "Jugendamt Musterstadt (ASD), Frau Nguyễn", "zwei Wochen vor jedem Hilfeplangespräch",
                          next_review - dt.timedelta(days=14)),
        CommunicationRule(aid, 4, CommunicationKind.CONTACT, "Ansprechperson bei Fragen und in Krisen",
                          "Herr Becker, Tel. 0123 456789 (Mo–Fr 9–17 Uhr)", "", "", None),
    ]
    for rule in rules:
        services.parties.save(rule)

    problems = services.agreements.check(aid)
    if problems:
        raise RuleViolation(problems)
    final = services.agreements.finalise(aid)
    return DemoResult(cid, require_id(final.id), created=True)
