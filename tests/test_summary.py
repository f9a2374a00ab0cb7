"""The one-page family summary at the front of the agreement PDF, read back with pypdf."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

from helpers import GOAL_WORDS, INFORMAL, NO_CONSENT, TASK_PARTNER
from pypdf import PdfReader

from kooperation_desktop.domain.model import CommunicationKind, CommunicationRule, Task
from kooperation_desktop.pdf.render import render_agreement_bytes
from kooperation_desktop.pdf.style import MARGIN_B, MARGIN_T, PAGE_H
from kooperation_desktop.pdf.summary import MIN_FONT_SIZE, family_summary
from kooperation_desktop.services import Services


def squash(text: str) -> str:
    return " ".join(text.split())


def pages(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def render(services: Services, agreement_id: int) -> bytes:
    case, agreement = services.agreements.document(agreement_id)
    return render_agreement_bytes(case, agreement)


def test_first_page_is_the_family_summary(complete_case) -> None:
    services, _cid, aid = complete_case
    agreement = services.agreements.get(aid)
    first, second = (squash(t) for t in pages(render(services, aid))[:2])
    assert first.startswith("Unsere Vereinbarung – kurz gesagt Familie Çelik")
    # the family's own words, who does what until when, when we meet next
    assert "Das wollen wir erreichen" in first and GOAL_WORDS in first
    assert "Wer macht was bis wann?" in first
    assert "Ağrı Şükrü Çelik" in first and "Kleidung am Vorabend bereitlegen. (laufend)" in first
    due = agreement.start_date + dt.timedelta(days=14)
    assert f"Wochenplan mit der Familie erstellen. (bis {due:%d.%m.%Y})" in first
    assert TASK_PARTNER in first
    assert "Wann sehen wir uns?" in first
    assert "Treffen in der Wohnung der Familie – alle zwei Wochen." in first
    assert f"Am {agreement.next_review:%d.%m.%Y} schauen wir gemeinsam, was sich verändert hat." in first
    assert "Alles andere steht genau auf den nächsten Seiten." in first
    assert NO_CONSENT not in first
    # the full agreement starts on page 2; the summary is not in it
    assert second.startswith("Kooperationsvereinbarung Familie Çelik")
    assert "Unterschriften" not in first and "Ort, Datum" not in first


def test_summary_type_is_at_least_14_pt(complete_case) -> None:
    services, _cid, aid = complete_case
    page = PdfReader(io.BytesIO(render(services, aid))).pages[0]
    sizes: list[float] = []

    def visit(text, cm, tm, font_dict, font_size):
        y = tm[5] * cm[3] + cm[5]
        # the footer and the corner mark are page decoration, not the summary
        if text.strip() and MARGIN_B < y < PAGE_H - MARGIN_T:
            sizes.append(font_size * tm[3] * cm[3])

    page.extract_text(visitor_text=visit)
    assert len(sizes) > 20
    assert min(sizes) >= MIN_FONT_SIZE


def test_revoked_consent_takes_the_partner_off_the_summary(complete_case) -> None:
    services, cid, aid = complete_case
    case = services.cases.get(cid)
    neighbour = next(p for p in case.partners if p.name == INFORMAL)
    consent = next(c for c in case.consents if c.partner_id == neighbour.id)
    services.consent.revoke(consent.id, dt.date.today(), "widerrufen")
    case, agreement = services.agreements.document(aid)
    summary = family_summary(case, agreement)
    assert all(t.who != INFORMAL for t in summary.tasks)
    assert [t.who for t in summary.tasks if t.family] == ["Ağrı Şükrü Çelik", "Deniz Çelik"]
    first = squash(pages(render_agreement_bytes(case, agreement))[0])
    assert INFORMAL not in first and TASK_PARTNER not in first
    assert "Kleidung am Vorabend bereitlegen." in first


def test_next_meeting_date_and_typed_markup(complete_case) -> None:
    services, _cid, aid = complete_case
    case, agreement = services.agreements.document(aid)
    soon = dt.date.today() + dt.timedelta(days=3)
    agreement.communication.append(CommunicationRule(
        agreement_id=aid, position=5, kind=CommunicationKind.MEETING, what="Kaffee <b>bei</b> Oma & Opa",
        rhythm="einmal im Monat", next_date=soon))
    agreement.communication.append(CommunicationRule(
        agreement_id=aid, position=6, kind=CommunicationKind.MEETING, what="Vergangenes Treffen",
        next_date=dt.date.today() - dt.timedelta(days=3)))
    first = squash(pages(render_agreement_bytes(case, agreement))[0])
    # the next dated meeting comes first and prints as typed
    meetings = first[first.index("Wann sehen wir uns?"):]
    assert meetings.startswith(
        f"Wann sehen wir uns? • Kaffee <b>bei</b> Oma & Opa – einmal im Monat. Nächstes Mal am {soon:%d.%m.%Y}.")
    assert "Vergangenes Treffen." in meetings
    assert "Nächstes Mal am " + f"{dt.date.today() - dt.timedelta(days=3):%d.%m.%Y}" not in meetings


def test_many_long_tasks_still_one_page_and_say_what_is_left_out(complete_case) -> None:
    services, _cid, aid = complete_case
    case, agreement = services.agreements.document(aid)
    mother = case.persons[0]
    agreement.tasks = [
        Task(agreement_id=aid, position=i, person_id=mother.id,
             what=f"Aufgabe Nummer {i + 1}: " + "eine lange Beschreibung mit vielen Worten " * 8)
        for i in range(25)
    ]
    agreement.goals = [dataclasses.replace(agreement.goals[0], client_words="Ziel " + "sehr lang " * 200)]
    texts = [squash(t) for t in pages(render_agreement_bytes(case, agreement))]
    first = texts[0]
    assert "Aufgabe Nummer 1:" in first and "Aufgabe Nummer 25:" not in first
    assert "Nicht alles passt auf diese Seite." in first and "weitere Aufgaben" in first
    assert "Wann sehen wir uns?" in first  # the meetings keep their room
    assert "…" in first  # the very long goal is shortened here (in full on the next pages)
    assert texts[1].startswith("Kooperationsvereinbarung Familie Çelik")
    assert "Aufgabe Nummer 25:" in " ".join(texts[1:])


def test_empty_draft_says_what_is_missing_in_plain_words(services: Services) -> None:
    case = services.cases.create("Familie Leer")
    draft = services.agreements.current_draft(case.id)
    first = squash(pages(render(services, draft.id))[0])
    assert "Entwurf – noch nicht abgeschlossen" in first
    assert "Die Ziele sind noch nicht eingetragen." in first
    assert "Die Aufgaben sind noch nicht eingetragen." in first
    assert "Der nächste Termin ist noch nicht vereinbart." in first
