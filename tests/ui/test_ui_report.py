"""„Bericht für das Jugendamt…“ (issue 15): the dialog drafts the report, every section is editable
(the family's statement its own field), shows what was left out and why, marks it checked and sent,
and exports the PDF; no text is cut at 100 % and 150 %."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from screens import start_on_screen

from kooperation_desktop.domain.reports import ReportStatus
from kooperation_desktop.followup.service import FollowUpService
from ui import dialogs, settings
from ui.main_window import MainWindow
from ui.signing import dialogs as signing_dialogs

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parent.parent.parent
SCRIPT = ROOT / "tests" / "ui" / "report_clipping.py"
HEALTH = "Deniz war beim Kinderarzt."


@pytest.fixture
def window(qtbot, complete_case):
    services, case_id, agreement_id = complete_case
    services.agreements.finalise(agreement_id)
    follow = FollowUpService(services.db)
    review = follow.new_review(case_id, dt.date.today())
    review.ratings[0].client_value, review.ratings[0].professional_value = 2, 0
    review.successes = HEALTH
    review.next_steps = "Weiter mit dem Wochenplan."
    follow.save_review(review)
    w = MainWindow(services)
    qtbot.addWidget(w)
    w.show()
    w.open_case(case_id)
    return w, services, case_id


def test_the_report_dialog_drafts_edits_checks_sends_and_exports(window, qtbot, tmp_path, monkeypatch) -> None:
    w, services, case_id = window
    assert w.report.action.isEnabled()
    assert w.report.action in w.menuBar().actions()[0].menu().actions()
    dialog = w.report.open_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert "Weiter mit dem Wochenplan." in dialog.edits["next_steps"].toPlainText()
    assert "Kinderarzt" not in " ".join(e.toPlainText() for e in dialog.edits.values())
    assert "Gesundheit – keine Einwilligung zur Weitergabe an das Jugendamt" in dialog.omitted_label.text()
    assert "ausgelassen: Erfolge" in dialog.omitted_label.text()
    assert "+2" in dialog.edits["disputed"].toPlainText()
    assert dialog.warning_label.isHidden()
    dialog.edits["next_steps"].setPlainText("Die Mutter beginnt eine Therapie.")
    dialog.save_button.click()
    assert "Gesundheit" in dialog.warning_label.text() and not dialog.warning_label.isHidden()
    dialog.edits["next_steps"].setPlainText("Weiter mit dem Wochenplan.")
    dialog.edits["family_statement"].setPlainText("Wir sind mit dem Bericht einverstanden.")
    dialog.checked_by.setText("Frau Schmidt")
    dialog.check_button.click()
    assert dialog.report is not None and dialog.report.status == ReportStatus.CHECKED
    assert "geprüft von Frau Schmidt" in dialog.status_label.text()
    assert dialog.send_button.isEnabled()
    dialog.sent_to.setText("Jugendamt Musterstadt")
    dialog.send_button.click()
    assert dialog.report.status == ReportStatus.SENT
    assert not dialog.edits["family_statement"].isEnabled() and not dialog.save_button.isEnabled()

    out = tmp_path / "bericht.pdf"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda _parent, _suggested: out)
    monkeypatch.setattr(signing_dialogs, "unlock_seal",
                        lambda _parent, signing: bool(signing.set_up_seal("Familienhilfe Lindenhof e. V.",
                                                                          "siegel-passwort")))
    assert dialog.export_pdf() == out
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(out.read_bytes())).pages).split())
    assert "Wir sind mit dem Bericht einverstanden." in text and "Kinderarzt" not in text
    assert b"/ByteRange" in out.read_bytes()  # sealed (PAdES)
    dialog.close_button.click()
    assert [r.status for r in dialog.reports.reports(case_id)] == [ReportStatus.SENT]


def test_the_settings_dialog_sets_when_the_report_is_due(window, monkeypatch) -> None:
    w, services, _case_id = window
    seen = []

    def answer(_parent, values):
        seen.append(values.report_lead_days)
        return settings.AppSettings(report_lead_days=21)

    monkeypatch.setattr(settings, "ask_settings", answer)
    w.settings.edit()
    assert seen == [14]  # the data folder's value (the default)
    assert w.report.reports.lead_days() == 21


def _start(tmp_path: Path, scale: str, screen: tuple[int, int]) -> subprocess.Popen[str]:
    shots = os.environ.get("REPORT_SHOTS")
    if shots:
        (Path(shots) / scale).mkdir(parents=True, exist_ok=True)
    return start_on_screen(SCRIPT, tmp_path / f"{scale}_{screen[0]}", scale, screen,
                           [str(Path(shots) / scale)] if shots else [])


def test_no_text_of_the_report_dialog_is_cut_at_100_and_150_percent(tmp_path: Path) -> None:
    runs = {scale: _start(tmp_path, scale, (1366, 768)) for scale in ("1", "1.5")}
    results: dict[str, list[str]] = {}
    for scale, process in runs.items():
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
        report = json.loads(out.strip().splitlines()[-1])
        assert abs(report["screen"][0] - round(1366 / float(scale))) <= 1  # really scaled
        results[scale] = report["clipped"]
    assert results == {"1": [], "1.5": []}
