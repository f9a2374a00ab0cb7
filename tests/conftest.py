"""Shared test set-up. Qt runs headless (offscreen) everywhere, set before Qt is imported."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the databases are encrypted (SQLCipher); tests and CLI subprocesses unlock with this password
os.environ.setdefault("KOOPERATION_PASSPHRASE", "test-passwort-Kooperation-2026")

import datetime as dt  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from kooperation_desktop.domain.model import (  # noqa: E402
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
from kooperation_desktop.services import Services  # noqa: E402
from kooperation_desktop.protection import keys as _keys  # noqa: E402

# cheap scrypt for the many test databases (the cost is stored in each key file;
# tests/test_protection.py checks the production cost on its own)
PRODUCTION_SCRYPT_N = _keys.SCRYPT_N
_keys.SCRYPT_N = 2**12

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


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    """A fresh :class:`Services` on an empty, migrated SQLite database in ``tmp_path / "data"``;
    closed after the test. ``services.data_dir`` is that folder."""
    svc = Services.open(tmp_path / "data")
    try:
        yield svc
    finally:
        svc.close()


def build_complete_case(services: Services) -> tuple[int, int]:
    """Fill ``services`` with one case whose draft agreement passes ``services.check()``.

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
    case = services.create_case("Familie Çelik", "AZ 51-2026-0815",
                                "§ 31 SGB VIII – Sozialpädagogische Familienhilfe")
    cid = case.id
    assert cid is not None
    mother = services.save(Person(case_id=cid, first_name=MOTHER[0], last_name=MOTHER[1],
                                  family_role="Mutter", birth_date=dt.date(1985, 3, 14), is_guardian=True))
    services.save(Person(case_id=cid, first_name=AUNT[0], last_name=AUNT[1], family_role="Tante"))
    son = services.save(Person(case_id=cid, first_name=CHILD[0], last_name=CHILD[1], family_role="Sohn",
                               birth_date=dt.date(2015, 9, 1)))
    yo = services.save(Partner(case_id=cid, kind=PartnerKind.YOUTH_OFFICE, name=YOUTH_OFFICE[0],
                               organisation=YOUTH_OFFICE[1], function="Fallführung ASD",
                               contact="0123 456789"))
    pro = services.save(Partner(case_id=cid, kind=PartnerKind.PROFESSIONAL, name=PROFESSIONAL[0],
                                organisation=PROFESSIONAL[1], function="Fachkraft SPFH"))
    neighbour = services.save(Partner(case_id=cid, kind=PartnerKind.RESOURCE_INFORMAL, name=INFORMAL,
                                      function="Nachbarin"))
    services.save(Partner(case_id=cid, kind=PartnerKind.RESOURCE_PROFESSIONAL, name=NO_CONSENT,
                          organisation="Grundschule am Park", function="Klassenlehrer"))
    services.record_consent(Consent(case_id=cid, person_id=mother.id, form=ConsentForm.WRITTEN,
                                    categories=[InfoCategory.CONTACT, InfoCategory.AGREEMENT,
                                                InfoCategory.PROGRESS]))
    services.record_consent(Consent(case_id=cid, person_id=mother.id, partner_id=neighbour.id,
                                    form=ConsentForm.ON_SCREEN,
                                    categories=[InfoCategory.CONTACT, InfoCategory.AGREEMENT]))

    agreement = services.current_draft(cid)
    aid = agreement.id
    assert aid is not None and agreement.start_date is not None
    agreement.planned_end = agreement.start_date + dt.timedelta(days=180)
    agreement.next_review = agreement.start_date + dt.timedelta(days=90)
    agreement.mandate = "Unterstützung der Mutter bei Tagesstruktur und Schulbesuch von Deniz."
    agreement.client_view = "Wir wollen, dass es morgens ruhiger wird."
    agreement.transition_offers = "Elterncafé im Familienzentrum"
    agreement.transition_partners = "Fatma Yılmaz bleibt Ansprechpartnerin."
    agreement.transition_self = "Die Mutter plant die Woche selbst."
    services.update_agreement(agreement)

    g1 = services.save(Goal(agreement_id=aid, position=0, client_words=GOAL_WORDS,
                            professional_wording="Eine verlässliche Morgenroutine ist etabliert."))
    services.save(Indicator(goal_id=g1.id, position=0, description=INDICATOR_TEXT, scale=ScaleKind.GAS,
                            level_texts=["an keinem Tag", "an 1–2 Tagen", "an 3 Tagen", "an 4 Tagen",
                                         "an allen 5 Tagen"],
                            baseline=-2, target=0))
    g2 = services.save(Goal(agreement_id=aid, position=1, client_words="Deniz geht gern zur Schule.",
                            professional_wording="Regelmäßiger Schulbesuch.", weight=2.0))
    services.save(Indicator(goal_id=g2.id, position=0, description="Wie gern geht Deniz zur Schule?",
                            scale=ScaleKind.SCALE_0_10, baseline=3, target=7))

    services.save(Role(agreement_id=aid, partner_id=yo.id, description="Beauftragt die Hilfe, Fallführung."))
    services.save(Role(agreement_id=aid, partner_id=pro.id, description="Begleitet die Familie wöchentlich."))
    services.save(Role(agreement_id=aid, partner_id=neighbour.id, description="Unterstützt im Alltag."))
    services.save(Role(agreement_id=aid, person_id=mother.id, description="Sorgeberechtigte, entscheidet mit."))

    services.save(Task(agreement_id=aid, position=0, partner_id=pro.id, goal_id=g1.id,
                       what="Wochenplan mit der Familie erstellen.", due_date=agreement.start_date + dt.timedelta(days=14)))
    services.save(Task(agreement_id=aid, position=1, partner_id=neighbour.id, goal_id=g2.id, what=TASK_PARTNER))
    services.save(Task(agreement_id=aid, position=2, partner_id=yo.id, what="Hilfeplangespräch einladen."))
    services.save(Task(agreement_id=aid, position=3, person_id=mother.id, goal_id=g1.id,
                       what="Kleidung am Vorabend bereitlegen."))
    services.save(Task(agreement_id=aid, position=4, person_id=son.id, what="Wecker selbst stellen."))

    services.save(CommunicationRule(agreement_id=aid, position=0, kind=CommunicationKind.MEETING,
                                    what="Treffen in der Wohnung der Familie", who="Familie, Fachkraft",
                                    rhythm="alle zwei Wochen"))
    services.save(CommunicationRule(agreement_id=aid, position=1, kind=CommunicationKind.REPORT,
                                    what="Bericht zum Hilfeplangespräch", who="Fachkraft", to_whom="Jugendamt",
                                    rhythm="vor jedem Hilfeplangespräch"))
    problems = services.check(aid)
    assert problems == [], problems
    return cid, aid


@pytest.fixture
def complete_case(services: Services) -> tuple[Services, int, int]:
    """``(services, case_id, agreement_id)``: the :func:`build_complete_case` case in a fresh
    database; the agreement is a DRAFT that passes ``services.check()`` (so ``finalise`` works)."""
    case_id, agreement_id = build_complete_case(services)
    return services, case_id, agreement_id


_DIALOG_MODULES = ("ui.dialogs", "ui.signing.dialogs", "ui.protection.menu", "ui.protection.startup",
                   "ui.protection.dialogs",
                   "ui.protection.views", "ui.settings", "ui.preview", "ui.followup.case_section")


@pytest.fixture(autouse=True)
def _no_unanswered_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog nobody answers would hang the run. Every ``ask_*``/``show_*`` dialog function
    of the UI fails the test instead, unless the test answers it (monkeypatches it itself).
    Closing a wizard with unsaved input (``ask_discard``) drops it, as "Verwerfen" would, so a
    failing test cannot hang at teardown."""
    import importlib

    for name in _DIALOG_MODULES:
        module = importlib.import_module(name)
        for attr, value in list(vars(module).items()):
            if callable(value) and attr.startswith(("ask_", "show_")) and getattr(value, "__module__", "") == name:
                def unanswered(*_args, _what=f"{name}.{attr}", **_kw):
                    raise AssertionError(f"unerwarteter Dialog im Test: {_what}")
                monkeypatch.setattr(module, attr, unanswered)
    from ui import dialogs

    monkeypatch.setattr(dialogs, "ask_discard", lambda parent, messages: True)


@pytest.fixture(autouse=True)
def _temporary_qsettings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Every test writes its settings (QSettings, INI) into a temporary folder: the user's real
    settings are never read or touched by a test."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("config")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


@pytest.fixture
def english(qapp) -> Iterator[None]:
    """The UI as started with English chosen in the settings: only the English translators (Qt's
    German ``qtbase_de`` left by other tests is taken out meanwhile); everything restored after."""
    from PySide6.QtCore import QLocale, QTranslator

    from ui import i18n

    earlier = [t for t in qapp.findChildren(QTranslator) if not t.language().startswith("en")]
    for t in earlier:
        qapp.removeTranslator(t)
    locale = QLocale()
    translators = i18n.install_language(qapp, "en")
    assert translators, "no English .qm loaded"
    try:
        yield
    finally:
        for t in translators:
            qapp.removeTranslator(t)
            t.setParent(None)
        qapp.setProperty("kooperation_language", None)
        QLocale.setDefault(locale)
        for t in earlier:
            qapp.installTranslator(t)
