"""The report to the Jugendamt (issue 15): drafting from three reviews (levels and T-scores of the
follow-up's own functions), disputed points, the consent filter (no health note reaches the PDF),
a revocation honoured, the sign-off with freezing and sealing, the due item and the CLI."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
from pathlib import Path

import pytest
from helpers import GOAL_WORDS, INDICATOR_TEXT, build_complete_case
from pypdf import PdfReader

from kooperation_desktop.domain.model import (
    CommunicationKind,
    CommunicationRule,
    Consent,
    ConsentForm,
    Indicator,
    InfoCategory,
    PartnerKind,
    ScaleKind,
)
from kooperation_desktop.domain.reports import ReportStatus
from kooperation_desktop.domain.rules import RuleViolation
from kooperation_desktop.followup import gas
from kooperation_desktop.followup.model import DueKind, Rater
from kooperation_desktop.followup.service import FollowUpService
from kooperation_desktop.pdf.report import render_report_bytes
from kooperation_desktop.report.draft import draft_report
from kooperation_desktop.services import Services
from kooperation_desktop.signing import certs
from kooperation_desktop.signing.seal import verify_pdf
from kooperation_desktop.signing.service import SigningService
from kooperation_desktop.usecases.reports import ReportService

TODAY = dt.date.today()
START = TODAY - dt.timedelta(days=150)
HEALTH_NOTE = "Deniz war beim Kinderarzt, die ADHS-Abklärung läuft."
SCHOOL_GAS = "Deniz macht seine Hausaufgaben am Küchentisch."


def _text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())


def _case(services: Services) -> tuple[int, int]:
    """The complete case, started 150 days ago, with a second GAS indicator on goal 2, finalised."""
    case_id, agreement_id = build_complete_case(services)
    agreement = services.agreements.get(agreement_id)
    agreement.start_date = START
    agreement.next_review = START + dt.timedelta(days=90)
    agreement.planned_end = START + dt.timedelta(days=365)
    services.agreements.update(agreement)
    goal2 = agreement.goals[1]
    services.parties.save(Indicator(goal_id=goal2.id, position=1, description=SCHOOL_GAS, scale=ScaleKind.GAS,
                                    level_texts=["nie", "selten", "manchmal", "oft", "immer"], baseline=-1, target=0))
    services.agreements.finalise(agreement_id)
    return case_id, agreement_id


def _review(follow: FollowUpService, case_id: int, days_ago: int, values: list[tuple[int | None, int | None]],
            successes: str = "", obstacles: str = "", next_steps: str = "", notes: list[str] | None = None):
    review = follow.new_review(case_id, TODAY - dt.timedelta(days=days_ago))
    for i, (rating, (client, pro)) in enumerate(zip(review.ratings, values, strict=True)):
        rating.client_value, rating.professional_value = client, pro
        if notes and i < len(notes):
            rating.note = notes[i]
    review.successes, review.obstacles, review.next_steps = successes, obstacles, next_steps
    return follow.save_review(review)


@pytest.fixture
def reviewed(services: Services):
    """Three reviews: 120, 60 and 10 days ago (ratings: goal 1 GAS, goal 2 scale 0–10, goal 2 GAS)."""
    case_id, agreement_id = _case(services)
    follow = FollowUpService(services.db)
    reviews = [
        _review(follow, case_id, 120, [(-1, -2), (4, 4), (-1, -1)], successes="Der Wochenplan hängt am Kühlschrank."),
        _review(follow, case_id, 60, [(0, -1), (5, 5), (0, -1)], successes="Deniz kam drei Wochen pünktlich.",
                obstacles="Familie und Fachkraft sind sich uneinig, ob die Oma öfter einspringen soll."),
        _review(follow, case_id, 10, [(2, 0), (6, 4), (1, 0)], successes=HEALTH_NOTE,
                next_steps="Weiter mit dem Wochenplan; Stopp-Regel üben.", notes=[HEALTH_NOTE, "", ""]),
    ]
    return services, follow, case_id, agreement_id, reviews


def test_levels_and_t_scores_per_goal_come_from_the_follow_up_functions(reviewed) -> None:
    services, _follow, case_id, _aid, reviews = reviewed
    doc = draft_report(services, case_id, TODAY - dt.timedelta(days=90), TODAY)
    first, second, last = reviews
    assert [g.number for g in doc.goals] == [1, 2]
    g1, g2 = doc.goals
    assert g1.client_words == GOAL_WORDS
    assert [(i.description, i.baseline, i.latest_client, i.latest_professional) for i in g1.indicators] == [
        (INDICATOR_TEXT, -2, 2, 0)]
    assert [(i.baseline, i.latest_client, i.latest_professional) for i in g2.indicators] == [(3, 6, 4), (-1, 1, 0)]
    for rater in Rater:
        # the goal set: then = the review before the period, now = the latest review
        assert doc.t_then[rater.value] == gas.review_t_score(first, rater)
        assert doc.t_now[rater.value] == gas.review_t_score(last, rater)
        for goal in (g1, g2):
            goal_id = {1: last.ratings[0].goal_id, 2: last.ratings[1].goal_id}[goal.number]
            mine = [r for r in last.ratings if r.goal_id == goal_id]
            assert goal.t_now[rater.value] == gas.t_score(gas.weighted_levels(mine, rater))
    assert doc.t_baseline == gas.baseline_t_score(last.ratings)
    assert [p.client for p in doc.chart] == [doc.t_baseline] + [gas.review_t_score(r, Rater.CLIENT) for r in reviews]
    text = _text(render_report_bytes(doc))
    assert gas.format_t(doc.t_now["client"]) in text and "Kiresuk" in text
    assert text.count("Kiresuk") == 1  # the method is named once, in the footnote


def test_disputed_points_follow_the_rule(reviewed) -> None:
    services, _follow, case_id, _aid, _reviews = reviewed
    doc = draft_report(services, case_id, TODAY - dt.timedelta(days=90), TODAY)
    disputed = doc.sections["disputed"].splitlines()
    # 10 days ago: goal 1 family +2 vs professional 0 (two levels) and the 0–10 scale 6 vs 4; goal 2's GAS
    # +1 vs 0 is one level only; 60 days ago a note of disagreement
    assert any(INDICATOR_TEXT in line and "+2" in line for line in disputed)
    assert not any(SCHOOL_GAS in line for line in disputed)
    assert any("uneinig" in line for line in disputed)
    assert len(disputed) == 3


def test_consent_for_progress_but_not_health_keeps_every_health_note_out_of_the_pdf(reviewed) -> None:
    services, _follow, case_id, _aid, _reviews = reviewed
    case = services.cases.get(case_id)
    general = next(c for c in case.consents if c.partner_id is None)
    assert InfoCategory.PROGRESS in general.categories and InfoCategory.HEALTH not in general.categories
    doc = draft_report(services, case_id, TODAY - dt.timedelta(days=90), TODAY)
    assert "Weiter mit dem Wochenplan" in doc.sections["next_steps"]  # progress: in
    assert all("Kinderarzt" not in text for text in doc.sections.values())
    left_out = [o.text for o in doc.omissions]
    assert any(t.startswith("ausgelassen: Erfolge (Überprüfung am ") for t in left_out)
    assert any(t.endswith("Gesundheit – keine Einwilligung zur Weitergabe an das Jugendamt") for t in left_out)
    assert len([t for t in left_out if "Gesundheit" in t]) == 2  # the success and the rating's note
    text = _text(render_report_bytes(doc))
    assert "Kinderarzt" not in text and "ADHS" not in text
    assert "Weiter mit dem Wochenplan" in text
    # a text the social worker changes is checked by its words (the family's own statement is theirs)
    reports = ReportService(services.db)
    report = reports.create(case_id)
    report.sections = {"next_steps": "Termin beim Kinderarzt abwarten.", "family_statement": "Deniz ist oft krank."}
    assert report.id is not None
    reports.save(report)
    (warning,) = reports.document(report.id).warnings
    assert "Nächste Schritte und Empfehlung" in warning and "Gesundheit" in warning


def test_a_revocation_since_the_last_report_is_honoured(reviewed) -> None:
    services, _follow, case_id, _aid, _reviews = reviewed
    case = services.cases.get(case_id)
    mother = case.persons[0]
    office = next(p for p in case.partners if p.kind == PartnerKind.YOUTH_OFFICE)
    health = services.consent.record(Consent(case_id=case_id, person_id=mother.id, partner_id=office.id,
                                             categories=[InfoCategory.HEALTH], form=ConsentForm.WRITTEN,
                                             given_on=TODAY - dt.timedelta(days=30)))
    reports = ReportService(services.db)
    first = reports.create(case_id, TODAY - dt.timedelta(days=90), TODAY - dt.timedelta(days=5))
    assert first.id is not None
    assert "Kinderarzt" in reports.document(first.id).sections["successes"]  # consented: in
    reports.mark_checked(first.id, "Frau Teamleitung", TODAY)
    reports.mark_sent(first.id, TODAY, "Jugendamt Musterstadt")
    assert health.id is not None
    services.consent.revoke(health.id, TODAY, "Die Mutter möchte das nicht mehr.")
    assert reports.default_period(case_id, TODAY) == (TODAY - dt.timedelta(days=4), TODAY)
    again = reports.create(case_id, TODAY - dt.timedelta(days=90), TODAY)
    assert again.id is not None
    doc = reports.document(again.id)
    assert all("Kinderarzt" not in text for text in doc.sections.values())
    assert "Kinderarzt" not in _text(reports.render(again.id))
    assert "Kinderarzt" in reports.document(first.id).sections["successes"]  # the sent one stays as sent


def test_status_flow_freezing_and_the_sealed_pdf(reviewed, tmp_path: Path) -> None:
    services, _follow, case_id, _aid, _reviews = reviewed
    reports = ReportService(services.db)
    report = reports.create(case_id)
    assert report.id is not None and report.status == ReportStatus.DRAFT
    with pytest.raises(RuleViolation, match="zuerst von der Teamleitung geprüft"):
        reports.mark_sent(report.id, TODAY, "Jugendamt")
    report.sections = {"family_statement": "Wir finden, dass es morgens viel besser läuft."}
    report = reports.save(report)
    reports.mark_checked(report.id, "Frau Schmidt", TODAY, "paper")
    checked = reports.get(report.id)
    checked.sections = {**checked.sections, "next_steps": "Fortsetzung der Hilfe für sechs Monate empfohlen."}
    assert reports.save(checked).status == ReportStatus.DRAFT  # an edit needs a new check
    reports.mark_checked(report.id, "Frau Schmidt", TODAY, "paper")
    sent = reports.mark_sent(report.id, TODAY, "Jugendamt Musterstadt, Herr Wróbel")
    assert sent.status == ReportStatus.SENT and reports.verify_stored(report.id)
    assert sent.content_hash == hashlib.sha256(sent.frozen_content.encode("utf-8")).hexdigest()
    sent.sections = {"family_statement": "geändert"}
    with pytest.raises(RuleViolation, match="eingefroren"):
        reports.save(sent)
    with pytest.raises(RuleViolation, match="eingefroren"):
        reports.mark_checked(report.id, "Jemand", TODAY)
    with pytest.raises(RuleViolation, match="eingefroren"):
        reports.delete(report.id)
    signing = SigningService(services.db)
    signing.set_up_seal("Familienhilfe Lindenhof e. V.", "siegel-passwort")
    out = reports.export(report.id, tmp_path / "bericht.pdf", signing)
    assert out.sealed
    data = out.path.read_bytes()
    check = verify_pdf(data, certs.trust_roots(services.data_dir))
    assert check.ok and check.claim is not None and check.claim.content_hash == sent.content_hash
    verified = signing.verify_bytes(data)  # „PDF prüfen…“ knows the report
    assert verified.ok and verified.database_match and sent.document_id in verified.database
    assert not signing.verify_bytes(data + b"%").ok
    text = _text(data)
    assert sent.content_hash in text and "Frau Schmidt" in text and "Wir finden, dass es morgens" in text
    assert "Fortsetzung der Hilfe" in text and "Verteiler" in text and "Seite 1 von" in text
    with pytest.raises(Exception, match="Datenordner|data"):
        reports.export(report.id, services.data_dir / "kooperation.sqlite", signing)


def test_report_due_n_days_before_the_hilfeplan_meeting(services: Services) -> None:
    case_id, agreement_id = build_complete_case(services)
    meeting = TODAY + dt.timedelta(days=40)
    services.parties.save(CommunicationRule(agreement_id=agreement_id, position=5, kind=CommunicationKind.MEETING,
                                            what="Hilfeplangespräch im Jugendamt", rhythm="halbjährlich",
                                            next_date=meeting))
    services.agreements.finalise(agreement_id)
    follow = FollowUpService(services.db)

    def report_items() -> list:
        return [i for i in follow.due_items(TODAY, 60) if i.what.startswith("Bericht fällig")]

    items = report_items()
    assert [(i.kind, i.due_on) for i in items] == [(DueKind.REPORT, meeting - dt.timedelta(days=14))]
    assert meeting.strftime("%d.%m.%Y") in items[0].what
    ReportService(services.db).set_lead_days(21)
    assert [i.due_on for i in report_items()] == [meeting - dt.timedelta(days=21)]
    assert follow.due_items(TODAY, 60) == follow.case_due_items(case_id, TODAY, 60)  # the index agrees
    reports = ReportService(services.db)
    report = reports.create(case_id)
    assert report.id is not None
    reports.mark_checked(report.id, "Frau Schmidt", TODAY)
    reports.mark_sent(report.id, TODAY, "Jugendamt")
    assert report_items() == []  # sent: no longer due


def test_english_agreement_gives_an_english_report(reviewed) -> None:
    services, _follow, case_id, agreement_id, _reviews = reviewed
    doc = draft_report(services, case_id, TODAY - dt.timedelta(days=90), TODAY)
    text = _text(render_report_bytes(dataclasses.replace(doc, language="en")))
    assert "Development report" in text and "Page 1 of" in text and "Entwicklungsbericht" not in text


def test_cli_export_report(reviewed, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    services, _follow, case_id, _aid, _reviews = reviewed
    data_dir = services.data_dir
    services.close()
    from kooperation_desktop.cli import main

    out = tmp_path / "bericht.pdf"
    code = main(["export-report", "--data-dir", str(data_dir), "--case", str(case_id), "--out", str(out),
                 "--from", (TODAY - dt.timedelta(days=90)).strftime("%d.%m.%Y"), "--to", TODAY.strftime("%d.%m.%Y")])
    assert code == 0, capsys.readouterr().err
    text = _text(out.read_bytes())
    assert GOAL_WORDS in text and "Kinderarzt" not in text
    code = main(["export-report", "--data-dir", str(data_dir), "--case", "999", "--out", str(out)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and len(err) == 1 and "Fall mit der Nummer 999" in err[0]
