"""Helpers shared by the core tests (tests/) and the UI tests (tests/ui/): the complete case and the
names it uses. A plain module, imported as ``from helpers import …`` (tests/ is on ``sys.path`` under
pytest); the fixtures that use it live in tests/conftest.py."""

from __future__ import annotations

import datetime as dt

from kooperation_desktop.domain.model import (
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
from kooperation_desktop.protection import keys as _keys
from kooperation_desktop.services import Services

# the production scrypt cost, read before tests/conftest.py (which imports this module first) lowers it
PRODUCTION_SCRYPT_N = _keys.SCRYPT_N

# Names the complete case uses (tests of the PDF and the UI look for them).
MOTHER = ("Ağrı Şükrü", "Çelik")  # display name "Ağrı Şükrü Çelik"
AUNT = ("Nguyễn Thị", "Minh Khai")  # display name "Nguyễn Thị Minh Khai"
CHILD = ("Deniz", "Çelik")
YOUTH_OFFICE = ("Łukasz Wróbel", "Jugendamt Musterstadt")
PROFESSIONAL = ("Жанна Иванова", "Familienhilfe Lindenhof e. V.")
INFORMAL = "Fatma Yılmaz"  # neighbour, informal resource WITH consent
NO_CONSENT = "Herr Schulz"  # Grundschule am Park: professional resource WITHOUT consent
GOAL_WORDS = "Wir wollen morgens ohne Streit aus dem Haus kommen."
INDICATOR_TEXT = "Deniz ist an Schultagen um 7:45 Uhr fertig angezogen."
TASK_PARTNER = "Fatma Yılmaz holt Deniz dienstags von der Schule ab."


def examples(count: int) -> int:
    """A property test's example count: ``count``; under the quick loop's hypothesis profile
    (``--hypothesis-profile=quick``, tests/conftest.py) at most that profile's few. For
    ``@settings(max_examples=examples(30), ...)``: a count named in ``@settings`` would override any profile."""
    from hypothesis import settings

    if settings.get_current_profile_name() == "quick":
        return min(count, settings.default.max_examples)
    return count


def build_complete_case(services: Services) -> tuple[int, int]:
    """Fill ``services`` with one case whose draft agreement passes ``services.agreements.check()``.

    Returns ``(case_id, agreement_id)``. Contents (see the module constants):

    - case "Familie Çelik", file number "AZ 51-2026-0815", § 31 SGB VIII;
    - persons: Ağrı Şükrü Çelik (mother, guardian), Nguyễn Thị Minh Khai (aunt), Deniz Çelik (son);
    - partners: youth office Łukasz Wróbel (Jugendamt Musterstadt), professional Жанна Иванова,
      informal resource Fatma Yılmaz (neighbour) WITH consent, and a professional resource
      "Herr Schulz" (Grundschule am Park) WITHOUT consent — he must never appear in the PDF;
    - consents: general consent (written) and Fatma Yılmaz's (on screen), both given by the mother;
    - agreement v1 (draft): mandate, client view, planned end in 180 days, next review, transition;
      two goals (GAS indicator −2…+2 with level texts, and a 0–10 indicator); roles for every
      consented partner and the mother; tasks for the professional, the neighbour, the youth office
      and the mother; two communication rules (meeting, report).
    """
    case = services.cases.create("Familie Çelik", "AZ 51-2026-0815",
                                "§ 31 SGB VIII – Sozialpädagogische Familienhilfe")
    cid = case.id
    assert cid is not None
    mother = services.parties.save(Person(case_id=cid, first_name=MOTHER[0], last_name=MOTHER[1],
                                  family_role="Mutter", birth_date=dt.date(1985, 3, 14), is_guardian=True))
    services.parties.save(Person(case_id=cid, first_name=AUNT[0], last_name=AUNT[1], family_role="Tante"))
    son = services.parties.save(Person(case_id=cid, first_name=CHILD[0], last_name=CHILD[1], family_role="Sohn",
                               birth_date=dt.date(2015, 9, 1)))
    yo = services.parties.save(Partner(case_id=cid, kind=PartnerKind.YOUTH_OFFICE, name=YOUTH_OFFICE[0],
                               organisation=YOUTH_OFFICE[1], function="Fallführung ASD",
                               contact="0123 456789"))
    pro = services.parties.save(Partner(case_id=cid, kind=PartnerKind.PROFESSIONAL, name=PROFESSIONAL[0],
                                organisation=PROFESSIONAL[1], function="Fachkraft SPFH"))
    neighbour = services.parties.save(Partner(case_id=cid, kind=PartnerKind.RESOURCE_INFORMAL, name=INFORMAL,
                                      function="Nachbarin"))
    services.parties.save(Partner(case_id=cid, kind=PartnerKind.RESOURCE_PROFESSIONAL, name=NO_CONSENT,
                          organisation="Grundschule am Park", function="Klassenlehrer"))
    services.consent.record(Consent(case_id=cid, person_id=mother.id, form=ConsentForm.WRITTEN,
                                    categories=[InfoCategory.CONTACT, InfoCategory.AGREEMENT,
                                                InfoCategory.PROGRESS]))
    services.consent.record(Consent(case_id=cid, person_id=mother.id, partner_id=neighbour.id,
                                    form=ConsentForm.ON_SCREEN,
                                    categories=[InfoCategory.CONTACT, InfoCategory.AGREEMENT]))

    agreement = services.agreements.current_draft(cid)
    aid = agreement.id
    assert aid is not None and agreement.start_date is not None
    agreement.planned_end = agreement.start_date + dt.timedelta(days=180)
    agreement.next_review = agreement.start_date + dt.timedelta(days=90)
    agreement.mandate = "Unterstützung der Mutter bei Tagesstruktur und Schulbesuch von Deniz."
    agreement.client_view = "Wir wollen, dass es morgens ruhiger wird."
    agreement.transition_offers = "Elterncafé im Familienzentrum"
    agreement.transition_partners = "Fatma Yılmaz bleibt Ansprechpartnerin."
    agreement.transition_self = "Die Mutter plant die Woche selbst."
    services.agreements.update(agreement)

    g1 = services.parties.save(Goal(agreement_id=aid, position=0, client_words=GOAL_WORDS,
                            professional_wording="Eine verlässliche Morgenroutine ist etabliert."))
    services.parties.save(Indicator(goal_id=g1.id, position=0, description=INDICATOR_TEXT, scale=ScaleKind.GAS,
                            level_texts=["an keinem Tag", "an 1–2 Tagen", "an 3 Tagen", "an 4 Tagen",
                                         "an allen 5 Tagen"],
                            baseline=-2, target=0))
    g2 = services.parties.save(Goal(agreement_id=aid, position=1, client_words="Deniz geht gern zur Schule.",
                            professional_wording="Regelmäßiger Schulbesuch.", weight=2.0))
    services.parties.save(Indicator(goal_id=g2.id, position=0, description="Wie gern geht Deniz zur Schule?",
                            scale=ScaleKind.SCALE_0_10, baseline=3, target=7))

    services.parties.save(Role(agreement_id=aid, partner_id=yo.id, description="Beauftragt die Hilfe, Fallführung."))
    services.parties.save(Role(agreement_id=aid, partner_id=pro.id, description="Begleitet die Familie wöchentlich."))
    services.parties.save(Role(agreement_id=aid, partner_id=neighbour.id, description="Unterstützt im Alltag."))
    services.parties.save(Role(agreement_id=aid, person_id=mother.id, description="Sorgeberechtigte, entscheidet mit."))

    services.parties.save(Task(agreement_id=aid, position=0, partner_id=pro.id, goal_id=g1.id,
                       what="Wochenplan mit der Familie erstellen.",
                       due_date=agreement.start_date + dt.timedelta(days=14)))
    services.parties.save(Task(agreement_id=aid, position=1, partner_id=neighbour.id, goal_id=g2.id, what=TASK_PARTNER))
    services.parties.save(Task(agreement_id=aid, position=2, partner_id=yo.id, what="Hilfeplangespräch einladen."))
    services.parties.save(Task(agreement_id=aid, position=3, person_id=mother.id, goal_id=g1.id,
                       what="Kleidung am Vorabend bereitlegen."))
    services.parties.save(Task(agreement_id=aid, position=4, person_id=son.id, what="Wecker selbst stellen."))

    services.parties.save(CommunicationRule(agreement_id=aid, position=0, kind=CommunicationKind.MEETING,
                                    what="Treffen in der Wohnung der Familie", who="Familie, Fachkraft",
                                    rhythm="alle zwei Wochen"))
    services.parties.save(CommunicationRule(agreement_id=aid, position=1, kind=CommunicationKind.REPORT,
                                    what="Bericht zum Hilfeplangespräch", who="Fachkraft", to_whom="Jugendamt",
                                    rhythm="vor jedem Hilfeplangespräch"))
    problems = services.agreements.check(aid)
    assert problems == [], problems
    return cid, aid


def bulk_cases(services: Services, titles: list[str]) -> list[int]:
    """Open cases with these titles (file number "AZ <n>"), inserted in one transaction: a list of more
    than a thousand cases in a test that runs in a second. The first title is the oldest change, the
    last the newest (each a minute apart); their due index is up to date (a case without an agreement has
    nothing due), so a window opened on them does not compute it case by case. Returns their ids in the
    order of ``titles``."""
    from sqlalchemy import func, insert, select

    from kooperation_desktop.storage.followup import replace_due_entries
    from kooperation_desktop.storage.rows import CaseRow
    from kooperation_desktop.storage.search import search_text_of

    start = dt.datetime(2026, 1, 1, 8, 0, tzinfo=dt.UTC)
    with services.db.transaction() as s:
        first = (s.scalar(select(func.max(CaseRow.id))) or 0) + 1
        ids = list(range(first, first + len(titles)))
        s.execute(insert(CaseRow), [
            {"id": case_id, "title": title, "file_number": f"AZ {n}", "help_type": "", "status": "open",
             "created_at": start, "updated_at": start + dt.timedelta(minutes=n),
             "search_text": search_text_of(title, f"AZ {n}", "", [])}
            for n, (case_id, title) in enumerate(zip(ids, titles, strict=True))])
        replace_due_entries(s, [(case_id, []) for case_id in ids])
    return ids
