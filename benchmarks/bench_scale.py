"""Fast with years of data: synthetic cases in bulk, then the figures of issue 6 against their targets.

    KOOPERATION_PASSPHRASE=bench /work/venv/bin/python benchmarks/bench_scale.py --cases 1000,10000,50000

(the script sets KOOPERATION_PASSPHRASE itself if it is missing; every data folder is a new temporary
folder, deleted at the end). Per case it writes: 3 persons, 4 partners (youth office, professional,
professional resource, informal resource), a general consent and one per partner, agreement version 1
(final, with frozen snapshot and content hash as ``services.agreements.finalise`` would store them) and version 2
(draft copy), each with 5 goals x 2 indicators, 8 tasks, 4 roles, 2 communication rules, and 3 reviews
with 10 indicator ratings each. The rows are bulk-inserted through the ORM row classes in one
``services.db.transaction()`` per chunk (the per-entity Services API would take hours for 50,000 cases);
the texts (search_text, snapshot, hash) are computed by the product's own functions.
One extra case is built through the public Services API and finalised: the PDF case
(10 goals, 30 indicators, 20 tasks).

Measured (median of --runs, side by side in one run):
- cold start: a child process (QT_QPA_PLATFORM=offscreen) that opens Services on the folder
  (password unlock done with the environment passphrase instead of the unlock dialog), builds the
  app's MainWindow (list filled) and shows it, against a child that shows a bare QMainWindow;
  time from process start (Popen) to "shown" read back by the parent (OS file cache warm).
- filter-as-you-type: what the window does per keystroke – count_cases(prefix) and, if there are
  hits, the first page list_cases(prefix, limit=100, hits=count) – for each keystroke of a surname
  and of a file number (the whole list_cases(prefix) as a diagnostic); and in a child, the main
  window's apply_filter() (the debounce timer's slot: count + model reset + the rows the table paints).
- the "Heute fällig" panel: building the due index once (as after the upgrade that introduced it;
  afterwards the app keeps it current on every change), the start-screen query, and the query after
  one case was edited (that case recomputed).
- open a case with its newest agreement: get_case + get_agreement.
- one field edit saved: services.parties.save(goal) with a changed professional wording (draft version).
- PDF export of the PDF case: services.agreements.export_pdf and SigningService.export (sealed, PAdES).
- memory: VmHWM / VmRSS of the cold-start child with N cases in the list.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import fields
from pathlib import Path
from typing import Any

os.environ.setdefault("KOOPERATION_PASSPHRASE", "bench-passwort-2026")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import func, insert, select

from kooperation_desktop.domain import rules, serialize
from kooperation_desktop.domain.model import (
    Agreement,
    AgreementStatus,
    Case,
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
from kooperation_desktop.followup.service import FollowUpService
from kooperation_desktop.services import Services
from kooperation_desktop.storage import mapping
from kooperation_desktop.storage.rows import (
    AgreementRow,
    CaseRow,
    CommunicationRuleRow,
    ConsentRow,
    GoalRow,
    IndicatorRow,
    PartnerRow,
    PersonRow,
    RoleRow,
    TaskRow,
)
from kooperation_desktop.storage.rows_followup import ReviewRatingRow, ReviewRow
from kooperation_desktop.storage.search import search_text_of
from kooperation_desktop.usecases.consent import consent_text
from kooperation_desktop_ui.case_list_model import PAGE_SIZE  # the rows the window loads per page
from kooperation_desktop_ui.followup.due_panel import SHOWN_LIMIT  # the rows of the due panel

REPO_ROOT = Path(__file__).resolve().parent.parent

TARGETS = {
    "start": 1.3,  # x bare
    "filter": 30.0,
    "open": 50.0,
    "edit": 10.0,
    "pdf": 150.0,
    "sealed": 300.0,
    "rss": 200.0,
}

LAST_NAMES = ["Çelik", "Nguyễn", "Wróbel", "Иванова", "Yılmaz", "Schulz", "Müller", "Schmidt", "Öztürk",
              "Kowalski", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Demir", "Kaya",
              "Popescu", "Novák", "Petrović", "Jansen", "Al-Hassan", "Haddad", "Krause", "Lehmann",
              "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Neumann", "Schwarz", "Zimmermann",
              "Braun", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Krüger", "Şahin", "Aydın"]
FIRST_ADULT = ["Ağrı", "Anna", "Fatma", "Łucja", "Жанна", "Minh Khai", "Sabine", "Petra", "Ayşe", "Olga",
               "Maria", "Katarina", "Leyla", "Nadine", "Jana", "Thomas", "Michael", "Emre", "Dariusz"]
FIRST_CHILD = ["Deniz", "Lena", "Mia", "Ben", "Elif", "Noah", "Emma", "Paul", "Can", "Sofia", "Luca",
               "Mila", "Jonas", "Zeynep", "Anh", "Milan", "Hanna", "Yusuf", "Lina", "Kacper"]
HELP_TYPES = ["§ 31 SGB VIII – Sozialpädagogische Familienhilfe", "§ 30 SGB VIII – Erziehungsbeistand",
              "§ 35a SGB VIII – Eingliederungshilfe", "§ 27 Abs. 2 SGB VIII – Flexible Hilfe"]
GOAL_WORDS = ["Morgens soll es ruhiger werden.", "Deniz geht gern zur Schule.", "Wir streiten weniger.",
              "Ich schaffe die Termine beim Amt allein.", "Die Kinder schlafen rechtzeitig.",
              "Wir essen zusammen zu Abend.", "Die Wohnung ist aufgeräumt.", "Ich habe jemanden zum Reden."]
PRO_WORDS = ["Eine verlässliche Morgenroutine ist etabliert.", "Regelmäßiger Schulbesuch.",
             "Konflikte werden ohne Eskalation gelöst.", "Selbstständige Erledigung von Behördenangelegenheiten.",
             "Verlässliche Abendroutine.", "Gemeinsame Mahlzeiten als Familienritual.",
             "Haushaltsführung mit Wochenplan.", "Soziales Netz der Mutter ist gestärkt."]
TASKS = ["Wochenplan mit der Familie erstellen.", "Kleidung am Vorabend bereitlegen.", "Hilfeplangespräch einladen.",
         "Wecker selbst stellen.", "Kontakt zur Klassenlehrerin halten.", "Einmal pro Woche beim Einkauf helfen.",
         "Termin bei der Erziehungsberatung vereinbaren.", "Hausaufgabenzeit einhalten."]
LEVELS = ["an keinem Tag", "an 1–2 Tagen", "an 3 Tagen", "an 4 Tagen", "an allen 5 Tagen"]
GOODWILL = "Alle Beteiligten arbeiten wohlwollend zusammen und nicht gegeneinander."


def entity_dict(entity: Any) -> dict[str, Any]:
    """Column values of ``entity``'s row, converted like mapping.from_domain does."""
    cls = type(entity)
    row_cls = mapping.ROW_OF[cls]
    return {f.name: mapping.row_value(cls, f.name, getattr(entity, f.name))
            for f in fields(entity) if f.name not in mapping.CHILD_LISTS and hasattr(row_cls, f.name)}


class Ids:
    def __init__(self, services: Services) -> None:
        self.next: dict[type, int] = {}
        with services.db.reading() as s:
            for row in (CaseRow, PersonRow, PartnerRow, ConsentRow, AgreementRow, GoalRow, IndicatorRow,
                        RoleRow, TaskRow, CommunicationRuleRow, ReviewRow, ReviewRatingRow):
                self.next[row] = (s.scalar(select(func.max(row.id))) or 0) + 1

    def __call__(self, row: type) -> int:
        value = self.next[row]
        self.next[row] = value + 1
        return value


def build_case(i: int, ids: Ids, rnd: random.Random, consent_text: tuple[str, str],
               out: dict[type, list[dict[str, Any]]]) -> None:
    """One synthetic case, appended to ``out`` as row dicts per row class."""
    now = dt.datetime(2026, 11, 26, 8, 0, tzinfo=dt.UTC) - dt.timedelta(minutes=i * 7)
    start = (now - dt.timedelta(days=rnd.randint(20, 700))).date()
    last = rnd.choice(LAST_NAMES)
    case = Case(title=f"Familie {last}", file_number=f"AZ 51-{2020 + i % 7}-{i:06d}",
                help_type=rnd.choice(HELP_TYPES), status=CaseStatus.CLOSED if i % 5 == 0 else CaseStatus.OPEN,
                created_at=now - dt.timedelta(days=400), id=ids(CaseRow))
    cid = case.id
    mother = Person(case_id=cid, first_name=rnd.choice(FIRST_ADULT), last_name=last, family_role="Mutter",
                    birth_date=dt.date(1980 + i % 15, 1 + i % 12, 1 + i % 28), is_guardian=True, id=ids(PersonRow))
    other = Person(case_id=cid, first_name=rnd.choice(FIRST_ADULT), last_name=rnd.choice(LAST_NAMES),
                   family_role="Tante", id=ids(PersonRow))
    child = Person(case_id=cid, first_name=rnd.choice(FIRST_CHILD), last_name=last, family_role="Sohn",
                   birth_date=dt.date(2012 + i % 8, 1 + i % 12, 1 + i % 28), id=ids(PersonRow))
    case.persons = [mother, other, child]
    case.partners = [
        Partner(case_id=cid, kind=PartnerKind.YOUTH_OFFICE, name=f"{rnd.choice(FIRST_ADULT)} {rnd.choice(LAST_NAMES)}",
                organisation="Jugendamt Musterstadt", function="Fallführung ASD", contact="0123 456789",
                id=ids(PartnerRow)),
        Partner(case_id=cid, kind=PartnerKind.PROFESSIONAL, name=f"{rnd.choice(FIRST_ADULT)} {rnd.choice(LAST_NAMES)}",
                organisation="Familienhilfe Lindenhof e. V.", function="Fachkraft SPFH", id=ids(PartnerRow)),
        Partner(case_id=cid, kind=PartnerKind.RESOURCE_PROFESSIONAL, name=f"Frau {rnd.choice(LAST_NAMES)}",
                organisation="Grundschule am Park", function="Klassenlehrerin", id=ids(PartnerRow)),
        Partner(case_id=cid, kind=PartnerKind.RESOURCE_INFORMAL,
                name=f"{rnd.choice(FIRST_ADULT)} {rnd.choice(LAST_NAMES)}", function="Nachbarin", id=ids(PartnerRow)),
    ]
    version, text = consent_text
    case.consents = [Consent(case_id=cid, person_id=mother.id, form=ConsentForm.WRITTEN, given_on=start,
                             categories=[InfoCategory.CONTACT, InfoCategory.AGREEMENT, InfoCategory.PROGRESS],
                             text_version=version, text=text, id=ids(ConsentRow))]
    for p in case.partners:
        case.consents.append(Consent(case_id=cid, person_id=mother.id, partner_id=p.id, form=ConsentForm.ON_SCREEN,
                                     given_on=start, categories=[InfoCategory.CONTACT, InfoCategory.AGREEMENT],
                                     text_version=version, text=text, id=ids(ConsentRow)))

    doc_id = f"KV-{i:08X}"
    agreements = []
    for v in (1, 2):
        a = Agreement(case_id=cid, version=v, status=AgreementStatus.FINAL if v == 1 else AgreementStatus.DRAFT,
                      document_id=doc_id, start_date=start, planned_end=start + dt.timedelta(days=365),
                      next_review=start + dt.timedelta(days=180 * v),
                      mandate="Unterstützung der Mutter bei Tagesstruktur und Schulbesuch.",
                      goodwill=GOODWILL, client_view="Wir wollen, dass es morgens ruhiger wird.",
                      transition_offers="Elterncafé im Familienzentrum",
                      transition_partners="Die Nachbarin bleibt Ansprechpartnerin.",
                      transition_self="Die Mutter plant die Woche selbst.",
                      created_at=now - dt.timedelta(days=300 - 100 * v), id=ids(AgreementRow),
                      predecessor_id=agreements[0].id if v == 2 else None)
        for g in range(5):
            goal = Goal(agreement_id=a.id, position=g, client_words=GOAL_WORDS[(i + g) % len(GOAL_WORDS)],
                        professional_wording=PRO_WORDS[(i + g) % len(PRO_WORDS)], weight=1.0 + g % 2,
                        id=ids(GoalRow))
            goal.indicators = [
                Indicator(goal_id=goal.id, position=0, description="An wie vielen Schultagen klappt es?",
                          scale=ScaleKind.GAS, level_texts=list(LEVELS), baseline=-2, target=0, id=ids(IndicatorRow)),
                Indicator(goal_id=goal.id, position=1, description="Wie zufrieden ist die Familie (0–10)?",
                          scale=ScaleKind.SCALE_0_10, level_texts=["", "", "", "", ""], baseline=3, target=7,
                          id=ids(IndicatorRow)),
            ]
            a.goals.append(goal)
        a.roles = [Role(agreement_id=a.id, partner_id=p.id, description=f"Rolle: {p.function}", id=ids(RoleRow))
                   for p in case.partners[:3]] + [
            Role(agreement_id=a.id, person_id=mother.id, description="Sorgeberechtigte, entscheidet mit.",
                 id=ids(RoleRow))]
        parties = [("partner", p.id) for p in case.partners] + [("person", mother.id), ("person", child.id),
                                                                ("person", mother.id), ("partner", case.partners[1].id)]
        for t in range(8):
            kind, pid = parties[t]
            a.tasks.append(Task(agreement_id=a.id, position=t, what=TASKS[t],
                                person_id=pid if kind == "person" else None,
                                partner_id=pid if kind == "partner" else None,
                                due_date=start + dt.timedelta(days=14 * (t + 1)) if t % 2 == 0 else None,
                                goal_id=a.goals[t % 5].id, id=ids(TaskRow)))
        a.communication = [
            CommunicationRule(agreement_id=a.id, position=0, kind=CommunicationKind.MEETING,
                              what="Treffen in der Wohnung der Familie", who="Familie, Fachkraft",
                              rhythm="alle zwei Wochen", id=ids(CommunicationRuleRow)),
            CommunicationRule(agreement_id=a.id, position=1, kind=CommunicationKind.REPORT,
                              what="Bericht zum Hilfeplan", who="Fachkraft", to_whom="Jugendamt", rhythm="halbjährlich",
                              next_date=start + dt.timedelta(days=170), id=ids(CommunicationRuleRow)),
        ]
        agreements.append(a)
    final = agreements[0]
    final.finalised_at = final.created_at + dt.timedelta(days=1)  # type: ignore[operator]
    final.content_hash = rules.content_hash(case, final)
    frozen = serialize.freeze(case, final)

    search_text = search_text_of(case.title, case.file_number, case.help_type,
                                 [(p.first_name, p.last_name) for p in case.persons])
    out[CaseRow].append({**entity_dict(case), "updated_at": now, "search_text": search_text})
    out[PersonRow].extend(entity_dict(p) for p in case.persons)
    out[PartnerRow].extend(entity_dict(p) for p in case.partners)
    out[ConsentRow].extend(entity_dict(c) for c in case.consents)
    for a in agreements:
        out[AgreementRow].append({**entity_dict(a), "frozen_content": frozen if a is final else ""})
        for g in a.goals:
            out[GoalRow].append(entity_dict(g))
            out[IndicatorRow].extend(entity_dict(x) for x in g.indicators)
        out[RoleRow].extend(entity_dict(r) for r in a.roles)
        out[TaskRow].extend(entity_dict(t) for t in a.tasks)
        out[CommunicationRuleRow].extend(entity_dict(c) for c in a.communication)
    present = [p.display_name for p in case.persons[:1]] + [p.display_name for p in case.partners[:2]]
    for r in range(3):
        rid = ids(ReviewRow)
        held = start + dt.timedelta(days=60 * (r + 1))
        out[ReviewRow].append({"id": rid, "case_id": cid, "agreement_id": final.id, "agreement_version": 1,
                               "document_id": doc_id, "held_on": held, "present": present,
                               "successes": "Die Morgen sind ruhiger geworden.", "obstacles": "Krankheit im Winter.",
                               "next_steps": "Weiter wie vereinbart.", "created_at": now})
        pos = 0
        for g in final.goals:
            for ind in g.indicators:
                lo, hi = (-2, 2) if ind.scale == ScaleKind.GAS else (0, 10)
                out[ReviewRatingRow].append({
                    "id": ids(ReviewRatingRow), "review_id": rid, "position": pos, "indicator_id": ind.id,
                    "goal_id": g.id, "goal_title": g.professional_wording, "goal_weight": g.weight,
                    "indicator_text": ind.description, "scale": ind.scale.value, "level_texts": list(ind.level_texts),
                    "baseline": ind.baseline, "target": ind.target, "client_value": rnd.randint(lo, hi),
                    "professional_value": rnd.randint(lo, hi), "note": ""})
                pos += 1


ROW_ORDER = (CaseRow, PersonRow, PartnerRow, ConsentRow, AgreementRow, GoalRow, IndicatorRow, RoleRow, TaskRow,
             CommunicationRuleRow, ReviewRow, ReviewRatingRow)


def generate(services: Services, n: int, chunk: int = 500, seed: int = 6) -> dict[str, float]:
    """Bulk-insert ``n`` synthetic cases; returns seconds spent building and inserting."""
    rnd = random.Random(seed)
    consent = consent_text()
    ids = Ids(services)
    build_s = insert_s = 0.0
    done = 0
    while done < n:
        t0 = time.perf_counter()
        out: dict[type, list[dict[str, Any]]] = {row: [] for row in ROW_ORDER}
        for i in range(done, min(n, done + chunk)):
            build_case(i + 1, ids, rnd, consent, out)
        t1 = time.perf_counter()
        with services.db.transaction() as s:
            for row in ROW_ORDER:
                if out[row]:
                    s.execute(insert(row), out[row])
        insert_s += time.perf_counter() - t1
        build_s += t1 - t0
        done = min(n, done + chunk)
    return {"build": build_s, "insert": insert_s}


def build_pdf_case(services: Services) -> int:
    """Through the public API: a finalised agreement with 10 goals, 30 indicators, 20 tasks."""
    case = services.cases.create("Familie Çelik-Wróbel", "AZ 51-2026-PDF", HELP_TYPES[0])
    cid = case.id
    mother = services.parties.save(Person(case_id=cid, first_name="Ağrı Şükrü", last_name="Çelik", family_role="Mutter",
                                  birth_date=dt.date(1985, 3, 14), is_guardian=True))
    son = services.parties.save(Person(case_id=cid, first_name="Deniz", last_name="Çelik", family_role="Sohn"))
    services.parties.save(Person(case_id=cid, first_name="Nguyễn Thị", last_name="Minh Khai", family_role="Tante"))
    save = services.parties.save
    partners = [save(Partner(case_id=cid, kind=k, name=n, organisation=o, function=f)) for k, n, o, f in (
        (PartnerKind.YOUTH_OFFICE, "Łukasz Wróbel", "Jugendamt Musterstadt", "Fallführung ASD"),
        (PartnerKind.PROFESSIONAL, "Жанна Иванова", "Familienhilfe Lindenhof e. V.", "Fachkraft SPFH"),
        (PartnerKind.RESOURCE_PROFESSIONAL, "Frau Schulz", "Grundschule am Park", "Klassenlehrerin"),
        (PartnerKind.RESOURCE_INFORMAL, "Fatma Yılmaz", "", "Nachbarin"))]
    services.consent.record(Consent(case_id=cid, person_id=mother.id, form=ConsentForm.WRITTEN,
                                    categories=[InfoCategory.CONTACT, InfoCategory.AGREEMENT, InfoCategory.PROGRESS]))
    for p in partners:
        services.consent.record(Consent(case_id=cid, person_id=mother.id, partner_id=p.id, form=ConsentForm.ON_SCREEN,
                                        categories=[InfoCategory.CONTACT, InfoCategory.AGREEMENT]))
    a = services.agreements.current_draft(cid)
    aid = a.id
    a.planned_end = a.start_date + dt.timedelta(days=365)  # type: ignore[operator]
    a.next_review = a.start_date + dt.timedelta(days=90)  # type: ignore[operator]
    a.mandate, a.client_view = "Unterstützung der Mutter bei Tagesstruktur und Schulbesuch.", GOAL_WORDS[0]
    a.transition_offers, a.transition_self = "Elterncafé im Familienzentrum", "Die Mutter plant die Woche selbst."
    services.agreements.update(a)
    goals = []
    for g in range(10):
        goal = services.parties.save(Goal(agreement_id=aid, position=g, client_words=GOAL_WORDS[g % 8],
                                  professional_wording=PRO_WORDS[g % 8]))
        goals.append(goal)
        for k in range(3):
            gas = k != 2
            services.parties.save(Indicator(goal_id=goal.id, position=k,
                                    description=f"Beobachtbar {k + 1}: {TASKS[(g + k) % 8]}",
                                    scale=ScaleKind.GAS if gas else ScaleKind.SCALE_0_10,
                                    level_texts=list(LEVELS) if gas else ["", "", "", "", ""],
                                    baseline=-2 if gas else 3, target=0 if gas else 7))
    for p in partners:
        services.parties.save(Role(agreement_id=aid, partner_id=p.id, description=f"Rolle: {p.function}"))
    services.parties.save(Role(agreement_id=aid, person_id=mother.id, description="Sorgeberechtigte, entscheidet mit."))
    for t in range(20):
        party = partners[t % 4] if t % 3 else (mother if t % 2 else son)
        services.parties.save(Task(agreement_id=aid, position=t, what=TASKS[t % 8], goal_id=goals[t % 10].id,
                           partner_id=party.id if isinstance(party, Partner) else None,
                           person_id=party.id if isinstance(party, Person) else None))
    services.parties.save(CommunicationRule(agreement_id=aid, position=0, kind=CommunicationKind.MEETING,
                                    what="Treffen in der Wohnung der Familie", who="Familie, Fachkraft",
                                    rhythm="alle zwei Wochen"))
    services.agreements.finalise(aid)
    return aid  # type: ignore[return-value]


def timed(action: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    action()
    return (time.perf_counter() - t0) * 1000


# --- child processes -------------------------------------------------------------------------
BARE_CHILD = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.resize(1100, 750); w.setWindowTitle("bare"); w.show(); app.processEvents()
print("SHOWN", flush=True)
"""

APP_CHILD = """
import os, sys, time
from pathlib import Path
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication
from kooperation_desktop.services import Services
from kooperation_desktop_ui.main_window import MainWindow
from kooperation_desktop_ui.i18n import install_language, translate_widget_tree
t_imp = time.perf_counter()
app = QApplication(sys.argv[:1])
install_language(app)
services = Services.open(Path(sys.argv[1]))   # instead of the unlock dialog: passphrase from the environment
t_open = time.perf_counter()
w = MainWindow(services)
translate_widget_tree(w)
w.show(); app.processEvents()
t_shown = time.perf_counter()
status = {k: v for k, v in (l.split(":", 1) for l in open("/proc/self/status")) if k in ("VmHWM", "VmRSS")}
print("SHOWN", round((t_imp - t0) * 1000, 1), round((t_open - t_imp) * 1000, 1), round((t_shown - t_open) * 1000, 1),
      int(status["VmHWM"].split()[0]) // 1024, int(status["VmRSS"].split()[0]) // 1024, w.model.rowCount(), flush=True)
if len(sys.argv) > 2:   # UI keystrokes: filter text set, then what the debounce timer calls (apply_filter) and a paint
    budget = time.perf_counter() + float(sys.argv[3])
    t = time.perf_counter(); w.refresh(); app.processEvents()
    print("REFRESH", round((time.perf_counter() - t) * 1000, 2), flush=True)
    for word in sys.argv[2].split(","):
        for k in range(1, len(word) + 1):
            w.filter_edit.blockSignals(True); w.filter_edit.setText(word[:k]); w.filter_edit.blockSignals(False)
            t = time.perf_counter(); w.apply_filter(); app.processEvents()
            print("KEY", round((time.perf_counter() - t) * 1000, 2), w.model.rowCount(), flush=True)
            if time.perf_counter() > budget:
                print("BUDGET", flush=True); break
        else:
            continue
        break
services.close()
"""


DIALOG_CHILD = """
import os, sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from ui import app as ui_app
from kooperation_desktop_ui.protection import dialogs
marks = {}
def ask_unlock(parent, attempt):   # the real start-up dialog, answered by the child
    d = dialogs.UnlockDialog(attempt, parent); d.show(); d.repaint()
    print("FIRST", flush=True)
    t = time.perf_counter()
    while time.perf_counter() - t < float(sys.argv[2]):   # the user types the password meanwhile
        QApplication.processEvents()
    marks["unlock"] = time.perf_counter()   # "Entsperren"
    ok = attempt(os.environ["KOOPERATION_PASSPHRASE"]) is None
    marks["open"] = time.perf_counter()
    return ok
dialogs.ask_unlock = ask_unlock
def shown(_app=None):
    QApplication.processEvents()
    t = time.perf_counter()
    status = {k: v for k, v in (l.split(":", 1) for l in open("/proc/self/status")) if k in ("VmHWM", "VmRSS")}
    print("SHOWN", round((t - marks["unlock"]) * 1000, 1), round((marks["open"] - marks["unlock"]) * 1000, 1),
          int(status["VmHWM"].split()[0]) // 1024, int(status["VmRSS"].split()[0]) // 1024, flush=True)
    return 0
QApplication.exec = shown
sys.exit(ui_app.run(Path(sys.argv[1])))
"""


def run_child(code: str, args: list[str], timeout: float, extra_env: dict[str, str] | None = None,
              marker: str = "SHOWN") -> tuple[float, list[str]]:
    """(ms from Popen to the ``marker`` line, all lines); the child is killed after ``timeout`` seconds."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO_ROOT), **(extra_env or {}))
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True, env=env, cwd=str(REPO_ROOT))
    killer = threading.Timer(timeout, proc.kill)
    killer.start()
    shown = float("nan")
    lines = []
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith(marker) and math.isnan(shown):
            shown = (time.perf_counter() - t0) * 1000
        lines.append(line.strip())
    proc.wait()
    killer.cancel()
    if proc.returncode != 0:
        lines.append("TIMEOUT" if time.perf_counter() - t0 >= timeout else f"EXIT {proc.returncode}")
    return shown, lines


# --- one size --------------------------------------------------------------------------------
def measure(n: int, runs: int, ui_budget_s: float, start_budget: float, start_timeout: float) -> dict[str, Any]:
    from kooperation_desktop.signing.service import SigningService

    res: dict[str, Any] = {"n": n}
    with tempfile.TemporaryDirectory(prefix="kd-bench-") as tmp:
        data = Path(tmp) / "data"
        services = Services.open(data)
        t0 = time.perf_counter()
        gen = generate(services, n)
        res["gen_s"] = time.perf_counter() - t0
        res["gen_detail"] = gen
        pdf_aid = build_pdf_case(services)
        follow = FollowUpService(services.db)
        t0 = time.perf_counter()
        res["due_built"] = follow.update_due_index()
        res["due_build_s"] = time.perf_counter() - t0
        print(f"  Fälligkeiten-Index für {res['due_built']} Fälle in {res['due_build_s']:.1f} s", flush=True)

        def due_panel() -> None:  # what the start screen's panel asks: the oldest SHOWN_LIMIT and the counts
            follow.update_due_index()
            follow.due_items(limit=SHOWN_LIMIT, update=False)
            follow.due_counts(update=False)

        res["due_query"] = statistics.median(timed(due_panel) for _ in range(max(3, runs)))
        res["due_items"] = sum(follow.due_counts())
        res["due_all"] = statistics.median(timed(follow.due_items) for _ in range(2))
        with services.db.reading() as s:
            res["rows"] = sum(s.scalar(select(func.count()).select_from(r)) or 0 for r in ROW_ORDER)
        res["db_mb"] = sum(f.stat().st_size for f in data.iterdir()) / 2**20
        print(f"  {n} Fälle erzeugt in {res['gen_s']:.1f} s ({res['rows']} Zeilen, {res['db_mb']:.0f} MB)", flush=True)

        # filter-as-you-type: every keystroke of a surname and of a file number
        words = ["yılmaz", "az 51-2023-000"]
        keys = [w[:k] for w in words for k in range(1, len(w) + 1)]
        per_key = []
        whole_key = []
        hits = {}

        def keystroke(k: str) -> None:  # what the window asks per keystroke: the count, the first page if any
            hits[k] = services.cases.count(k)
            if hits[k]:
                services.cases.list(k, limit=PAGE_SIZE, hits=hits[k])

        for _ in range(runs):
            for k in keys:
                per_key.append(timed(lambda k=k: keystroke(k)))
                whole_key.append(timed(lambda k=k: services.cases.list(k)))
        res["filter_med"] = statistics.median(per_key)
        res["filter_max"] = max(per_key)
        res["filter_first"] = statistics.median(per_key[i] for i in range(0, len(per_key), len(keys)))  # "y"
        res["filter_hits_y"] = hits["y"]
        res["filter_whole_med"] = statistics.median(whole_key)
        res["list_all"] = statistics.median(timed(lambda: services.cases.list("")) for _ in range(max(3, runs // 2)))

        rnd = random.Random(1)
        sample = [rnd.randint(1, n) for _ in range(max(20, runs * 4))]

        def open_case(cid: int) -> None:
            case = services.cases.get(cid)
            services.agreements.get(case.agreements[0].id)

        res["open"] = statistics.median(timed(lambda c=c: open_case(c)) for c in sample)

        drafts = []
        for cid in sample:
            case = services.cases.get(cid)
            if case.status != CaseStatus.OPEN:  # closed cases are archived, read-only
                continue
            draft = next(a for a in case.agreements if a.status == AgreementStatus.DRAFT)
            drafts.append(services.agreements.get(draft.id).goals[0])
        edits = []
        for j, goal in enumerate(drafts):
            goal.professional_wording = f"{goal.professional_wording} (geändert {j})"
            edits.append(timed(lambda g=goal: services.parties.save(g)))
        res["edit"] = statistics.median(edits)
        # after edits: the start screen recomputes only the edited cases
        res["due_stale"] = len(follow.stale_due_cases())
        res["due_after_edit"] = timed(due_panel)
        res["due_one_edit"] = []
        for goal in drafts[:runs]:
            goal.professional_wording += "."
            services.parties.save(goal)
            res["due_one_edit"].append(timed(due_panel))
        res["due_one_edit"] = statistics.median(res["due_one_edit"]) if res["due_one_edit"] else float("nan")

        plain, sealed = Path(tmp) / "plain.pdf", Path(tmp) / "sealed.pdf"
        res["pdf_first"] = timed(lambda: services.agreements.export_pdf(pdf_aid, plain))
        pdf_runs = max(runs, 9)  # a short figure: more runs against the machine's noise
        plain_ms = [timed(lambda: services.agreements.export_pdf(pdf_aid, plain)) for _ in range(pdf_runs)]
        res["pdf"], res["pdf_min"] = statistics.median(plain_ms), min(plain_ms)
        signing = SigningService(services.db)
        signing.set_up_seal("Familienhilfe Lindenhof e. V.", "bench-siegel")
        res["sealed_first"] = timed(lambda: signing.export(pdf_aid, sealed))
        sealed_ms = [timed(lambda: signing.export(pdf_aid, sealed)) for _ in range(pdf_runs)]
        res["sealed"], res["sealed_min"] = statistics.median(sealed_ms), min(sealed_ms)
        res["pdf_pages"] = plain.read_bytes().count(b"/Type /Page\n") or plain.read_bytes().count(b"/Type /Page")
        services.close()

        # cold start, alternating bare / app; the app is also started with the due panel emptied
        # (diagnostic: what the rest of the window costs). A variant whose first start takes longer
        # than start_budget seconds is started only once (and killed after start_timeout).
        variants: dict[str, dict[str, str]] = {"app": {}}
        bare: list[float] = []
        first: list[float] = []
        unlock: list[list[str]] = []
        times: dict[str, list[float]] = {v: [] for v in variants}
        details: dict[str, list[list[str]]] = {v: [] for v in variants}
        spent: dict[str, float] = {v: 0.0 for v in variants}
        for k in range(runs):
            bare.append(run_child(BARE_CHILD, [], 120)[0])
            # as shipped, with the real password dialog: the first window, then "Entsperren" → main window
            ms, lines = run_child(DIALOG_CHILD, [str(data), "1.5"], start_timeout, marker="FIRST")
            first.append(ms)
            unlock += [line.split() for line in lines if line.startswith("SHOWN")]
            for v, extra in variants.items():
                if k > 0 and (spent[v] > start_budget or not times[v] or math.isnan(times[v][-1])):
                    continue
                t = time.perf_counter()
                ms, lines = run_child(APP_CHILD, [str(data)], start_timeout, extra)
                spent[v] += time.perf_counter() - t
                times[v].append(ms)
                shown = [line.split() for line in lines if line.startswith("SHOWN")]
                if shown:
                    details[v].append(shown[0])
        res["bare"] = statistics.median(bare)
        res["first"] = statistics.median(first)
        res["first_ratio"] = res["first"] / res["bare"]
        res["unlock_main"] = statistics.median(float(x[1]) for x in unlock) if unlock else float("nan")
        res["unlock_open"] = statistics.median(float(x[2]) for x in unlock) if unlock else float("nan")
        res["unlock_hwm"] = max(int(x[3]) for x in unlock) if unlock else float("nan")
        res["unlock_n"] = len(unlock)
        for v, extra_env in variants.items():
            d = details[v]
            res[f"{v}_n"] = len(times[v])
            res[v] = statistics.median(times[v]) if d else float("nan")
            res[f"{v}_ratio"] = res[v] / res["bare"]
            res[f"{v}_imports"] = statistics.median(float(x[1]) for x in d) if d else float("nan")
            res[f"{v}_open"] = statistics.median(float(x[2]) for x in d) if d else float("nan")
            res[f"{v}_window"] = statistics.median(float(x[3]) for x in d) if d else float("nan")
            res[f"{v}_hwm"] = max(int(x[4]) for x in d) if d else float("nan")
            res[f"{v}_rss"] = statistics.median(int(x[5]) for x in d) if d else float("nan")
            res[f"{v}_rows"] = int(d[0][6]) if d else 0

            # UI keystrokes (one child; the window's own refresh with everything connected to it)
            if d:
                _ms, lines = run_child(APP_CHILD, [str(data), "yılmaz", str(ui_budget_s)], start_timeout + ui_budget_s,
                                       extra_env)
                keys = [float(line.split()[1]) for line in lines if line.startswith("KEY")]
            else:
                lines, keys = ["TIMEOUT"], []
            res[f"{v}_keys"] = keys
            res[f"{v}_refresh"] = next((float(line.split()[1]) for line in lines if line.startswith("REFRESH")),
                                       float("nan"))
            res[f"{v}_key_med"] = statistics.median(keys) if keys else float("nan")
            res[f"{v}_budget_hit"] = any(line in ("BUDGET", "TIMEOUT") for line in lines)
    return res


def verdict(value: float, target: float) -> str:
    if isinstance(value, float) and math.isnan(value):
        return "NICHT gemessen (Zeitlimit)"
    return "erfüllt" if value <= target else "NICHT erfüllt"


def machine() -> str:
    import PySide6
    import sqlalchemy

    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    commit = subprocess.run(["git", "rev-parse", "HEAD"], check=False, cwd=REPO_ROOT, capture_output=True,
                            text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], check=False, cwd=REPO_ROOT,
                           capture_output=True, text=True).stdout.strip()
    mem = next((line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), "?")
    return (f"{os.cpu_count()} CPU ({cpu}), {int(mem) // 1024} MB RAM, {platform.platform()}, "
            f"Python {platform.python_version()}, PySide6 {PySide6.__version__}, SQLAlchemy {sqlalchemy.__version__}; "
            f"commit {commit}{' (+ uncommitted changes)' if dirty else ''}")


def fmt(value: float, spec: str = ".0f") -> str:
    return "–" if isinstance(value, float) and math.isnan(value) else format(value, spec)


def table(results: list[dict[str, Any]]) -> str:
    cols = [f"{r['n']:,}".replace(",", ".") + " Fälle" for r in results]
    lines = ["| Messung | Ziel | " + " | ".join(cols) + " |", "| --- | --- |" + " --- |" * len(cols)]

    def row(label: str, target: str, cells: list[str]) -> None:
        lines.append(f"| {label} | {target} | " + " | ".join(cells) + " |")

    row("Erstes Fenster (Passwort-Dialog, wie ausgeliefert) / leeres QMainWindow", "",
        [f"{fmt(r['first'])} / {fmt(r['bare'])} ms = **{fmt(r['first_ratio'], '.2f')} ×**" for r in results])
    row("  „Entsperren“ bis Hauptfenster mit Liste (davon scrypt + Öffnen); Spitze VmHWM", "",
        [f"**{fmt(r['unlock_main'])}** ms ({fmt(r['unlock_open'])} ms); {fmt(r['unlock_hwm'])} MB (n={r['unlock_n']})"
         for r in results])
    for v, label in (("app", "Hauptfenster, Passwort aus der Umgebung"),):
        row(f"Kaltstart bis Hauptfenster ({label}) / leeres QMainWindow", "≤ 1,3 ×" if v == "app" else "",
            [f"{fmt(r[v])} / {fmt(r['bare'])} ms = **{fmt(r[v + '_ratio'], '.2f')} ×** (n={r[v + '_n']})"
             for r in results])
        row("  davon Importe / Services.open (scrypt) / Fenster mit Liste", "",
            [f"{fmt(r[v + '_imports'])} / {fmt(r[v + '_open'])} / {fmt(r[v + '_window'])} ms" for r in results])
        row(f"  Speicher ({label}): Spitze VmHWM (VmRSS), Zeilen in der Liste", "≤ 200 MB" if v == "app" else "",
            [f"**{fmt(r[v + '_hwm'])}** MB ({fmt(r[v + '_rss'])} MB), {r[v + '_rows']}" for r in results])
        row("Filtern je Tastendruck im Fenster, apply_filter() + Neuzeichnen", "≤ 30 ms",
            [f"**{fmt(r[v + '_key_med'])}** ms (n={len(r[v + '_keys'])}"
             f"{', Zeitbudget erschöpft' if r[v + '_budget_hit'] else ''})" for r in results])
        row("  nach einer Änderung: refresh() (Liste + Fällig-Liste)", "",
            [f"{fmt(r[v + '_refresh'])} ms" for r in results])
    row("Filtern je Tastendruck, Services: count_cases + erste Seite (Median; max)", "≤ 30 ms",
        [f"**{r['filter_med']:.1f}** ms; {r['filter_max']:.0f} ms" for r in results])
    row("  erster Buchstabe „y“ (Treffer)", "", [f"{r['filter_first']:.0f} ms ({r['filter_hits_y']})" for r in results])
    row("  Diagnose: alle Treffer als Liste, list_cases(prefix) (Median)", "",
        [f"{r['filter_whole_med']:.0f} ms" for r in results])
    row("  Diagnose: ganze Liste, list_cases(\"\")", "", [f"{r['list_all']:.0f} ms" for r in results])
    row("Fällig-Liste: Index einmalig aufbauen (alle Fälle)", "",
        [f"{r['due_build_s']:.1f} s ({r['due_built']})" for r in results])
    row("  Fällig-Liste beim Start wie im Fenster: die ältesten 100 + Zahlen (Einträge ≤ 14 Tage)", "",
        [f"{r['due_query']:.1f} ms ({r['due_items']})" for r in results])
    row("  Diagnose: alle Einträge als Liste, due_items()", "", [f"{r['due_all']:.0f} ms" for r in results])
    row("  nach Änderungen an n Fällen / nach einer Änderung", "",
        [f"{r['due_after_edit']:.0f} ms (n={r['due_stale']}) / {fmt(r['due_one_edit'], '.1f')} ms" for r in results])
    row("Fall mit neuester Vereinbarung öffnen (get_case + get_agreement)", "≤ 50 ms",
        [f"**{r['open']:.1f}** ms" for r in results])
    row("Ein Feld speichern (save eines Ziels)", "≤ 10 ms", [f"**{r['edit']:.1f}** ms" for r in results])
    row("PDF-Export (10 Ziele, 30 Indikatoren, 20 Aufgaben)", "≤ 150 ms",
        [f"**{r['pdf']:.0f}** ms (min {r['pdf_min']:.0f}; 1. Mal {r['pdf_first']:.0f})" for r in results])
    row("PDF-Export + Siegel (SigningService.export)", "≤ 300 ms",
        [f"**{r['sealed']:.0f}** ms (min {r['sealed_min']:.0f}; 1. Mal {r['sealed_first']:.0f})" for r in results])
    row("Erzeugen der Daten", "", [f"{r['gen_s']:.0f} s, {r['rows']:,} Zeilen, {r['db_mb']:.0f} MB".replace(",", ".")
                                   for r in results])
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description="Messung mit vielen Fällen (Issue 6).")
    parser.add_argument("--cases", default="1000,10000", help="Fallzahlen, kommagetrennt (Standard 1000,10000)")
    parser.add_argument("--runs", type=int, default=5, help="Wiederholungen je Messung (Standard 5)")
    parser.add_argument("--ui-budget", type=float, default=60.0,
                        help="Sekunden für Tastendrücke im Fenster je Größe und Variante (Standard 60)")
    parser.add_argument("--start-budget", type=float, default=60.0,
                        help="dauert ein Programmstart länger (Sekunden), wird er nur einmal gemessen (Standard 60)")
    parser.add_argument("--start-timeout", type=float, default=900.0,
                        help="ein Programmstart wird nach so vielen Sekunden abgebrochen (Standard 900)")
    args = parser.parse_args()
    results = []
    for n in (int(x) for x in args.cases.split(",")):
        print(f"{n} Fälle …", flush=True)
        results.append(measure(n, args.runs, args.ui_budget, args.start_budget, args.start_timeout))
        print(table(results), flush=True)
    print()
    print(machine())
    print(f"Median aus {args.runs} Läufen. Tastendrücke im Fenster (ms): " + "; ".join(
        f"{r['n']} {v}: " + ", ".join(f"{k:.0f}" for k in r[v + "_keys"]) for r in results for v in ("app",)))
    last = results[-1]
    for key, value, label in (("start", last["app_ratio"], "Kaltstart"),
                              ("filter", last["app_key_med"], "Filtern im Fenster"),
                              ("filter", last["filter_med"], "Filtern (Services)"),
                              ("open", last["open"], "Fall öffnen"), ("edit", last["edit"], "Feld speichern"),
                              ("pdf", last["pdf"], "PDF"), ("sealed", last["sealed"], "PDF + Siegel"),
                              ("rss", last["app_hwm"], "Speicher")):
        print(f"{label:<22} {verdict(value, TARGETS[key])} bei {last['n']} Fällen")


if __name__ == "__main__":
    main()
