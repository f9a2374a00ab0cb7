"""Signing in the window: draw on the pad with the mouse, save, export the sealed PDF and find the
signature image in it; paper signatures; version history; „PDF prüfen…“."""

from __future__ import annotations

import datetime as dt
import io
import math
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from kooperation_desktop.domain.model import AgreementStatus
from kooperation_desktop.signing.model import SignatureMethod
from ui import dialogs as app_dialogs
from ui.main_window import MainWindow
from ui.signing import dialogs
from ui.signing.pad import SignaturePad

pytestmark = pytest.mark.gui

ORG = "Familienhilfe Lindenhof e. V."
PASSWORD = "siegel-passwort-1"


def draw(qtbot, pad: SignaturePad, offset: int = 0) -> None:
    """A signature drawn with the mouse: two strokes."""
    points = [QPoint(30 + i * 8, 90 + int(35 * math.sin(i / 3 + offset))) for i in range(50)]
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[0])
    for p in points[1:]:
        QTest.mouseMove(pad, p)
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[-1])
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(60, 40))
    for y in range(40, 140, 10):
        QTest.mouseMove(pad, QPoint(60 + y // 3, y))
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(93, 130))


@pytest.fixture
def window(qtbot, complete_case, monkeypatch: pytest.MonkeyPatch):
    services, case_id, agreement_id = complete_case
    services.agreements.finalise(agreement_id)
    monkeypatch.setattr(dialogs, "ask_seal_setup", lambda parent: dialogs.SealSetup(ORG, PASSWORD))
    w = MainWindow(services)
    qtbot.addWidget(w)
    w.show()
    w.refresh(select_id=case_id)
    return w, services, case_id, agreement_id


def test_pad_collects_mouse_strokes_and_clears(qtbot):
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.show()
    assert pad.is_empty()
    with qtbot.waitSignal(pad.changed):
        draw(qtbot, pad)
    strokes = pad.strokes()
    assert len(strokes) == 2 and len(strokes[0]) > 20
    pad.clear()
    assert pad.is_empty()


def test_drawn_signature_appears_in_the_sealed_pdf(qtbot, window, tmp_path: Path, monkeypatch):
    w, services, case_id, agreement_id = window
    assert "0 von" in w.signing_panel.state.text()
    qtbot.mouseClick(w.signing_panel.sign_button, Qt.MouseButton.LeftButton)
    dialog = w.signing_controller.sign_dialog
    assert dialog.isVisible()
    assert not dialog.sign_button.isEnabled()  # nothing drawn yet
    draw(qtbot, dialog.pad)
    assert dialog.sign_button.isEnabled()
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert "Ort" in " ".join(dialog.error.messages())  # the place is missing
    qtbot.keyClicks(dialog.place, "Musterstadt")
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert dialog.error.messages() == []
    first = dialog.overview.parties[0]
    assert first.signed and first.signature.method == SignatureMethod.SCREEN
    assert "1 von" in dialog.heading.text()

    # another party signed on paper
    monkeypatch.setattr(dialogs, "ask_paper_date", lambda parent, who: (dt.date.today(), "Original in der Akte"))
    assert dialog.current() is not None and not dialog.current().signed
    qtbot.mouseClick(dialog.paper_button, Qt.MouseButton.LeftButton)
    assert "2 von" in dialog.heading.text()
    dialog.close()

    out = tmp_path / "unterschrieben.pdf"
    monkeypatch.setattr(app_dialogs, "ask_save_path", lambda parent, suggested: out)
    qtbot.mouseClick(w.export_button, Qt.MouseButton.LeftButton)
    assert out.exists()
    data = out.read_bytes()
    assert b"/ByteRange" in data  # sealed
    reader = PdfReader(io.BytesIO(data))
    images = [img for page in reader.pages for img in page.images]
    assert len(images) == 1  # the drawn signature
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert f"Musterstadt, {dt.date.today():%d.%m.%Y}" in text
    assert f"auf Papier unterschrieben am {dt.date.today():%d.%m.%Y}" in text
    assert "unterschreibt auf Papier" in text
    assert w.signing.verify_bytes(data).ok


def test_signing_a_draft_is_refused_in_the_window(qtbot, complete_case, monkeypatch):
    services, case_id, _agreement_id = complete_case
    shown: list[str] = []
    monkeypatch.setattr(app_dialogs, "show_error", lambda parent, text, title="": shown.append(text))
    w = MainWindow(services)
    qtbot.addWidget(w)
    w.refresh(select_id=case_id)
    assert not w.signing_panel.sign_button.isEnabled()
    assert w.signing_controller.open_sign_dialog() is None
    assert shown and "abgeschlossen" in shown[0]


def test_all_parties_signed_shows_signed_status(qtbot, window, monkeypatch):
    w, services, case_id, agreement_id = window
    monkeypatch.setattr(dialogs, "ask_paper_date", lambda parent, who: (dt.date.today(), ""))
    dialog = dialogs.SignDialog(w.signing, agreement_id, w)
    qtbot.addWidget(dialog)
    for party in list(dialog.overview.parties):
        dialog.select_party(party.key)
        assert dialog.record_paper()
    assert dialog.overview.complete
    assert services.agreements.get(agreement_id).status == AgreementStatus.SIGNED
    w.refresh(select_id=case_id)
    assert "vollständig" in w.signing_panel.state.text()
    assert w.case_view.agreements.item(0, 1).text() == "unterschrieben"


def test_history_dialog_lists_versions_and_changes(qtbot, window):
    w, services, case_id, agreement_id = window
    draft = services.agreements.new_version(agreement_id)
    goal = draft.goals[0]
    goal.client_words = "Morgens ruhig und pünktlich los."
    services.parties.save(goal)
    services.agreements.finalise(draft.id)
    w.refresh(select_id=case_id)
    qtbot.mouseClick(w.signing_panel.history_button, Qt.MouseButton.LeftButton)
    dialog = w.signing_controller.history_dialog
    assert dialog.versions.rowCount() == 2
    assert dialog.versions.item(0, 1).text() == "abgeschlossen"
    assert dialog.versions.item(1, 1).text() == "ersetzt"
    rows = [[dialog.changes.item(r, c).text() for c in range(4)] for r in range(dialog.changes.rowCount())]
    assert rows[0][:2] == ["Ziele", "geändert"]
    assert "Morgens ruhig und pünktlich los." in rows[0][3]
    dialog.new.setCurrentIndex(1)
    assert dialog.changes.rowCount() == 0 and "verschiedene" in dialog.summary.text()


def test_verify_dialog_reports_intact_and_changed(qtbot, window, tmp_path: Path, monkeypatch):
    w, services, case_id, agreement_id = window
    good = tmp_path / "gut.pdf"
    monkeypatch.setattr(app_dialogs, "ask_save_path", lambda parent, suggested: good)
    assert w.export_pdf() == good
    bad = tmp_path / "schlecht.pdf"
    bad.write_bytes(good.read_bytes() + b"\n1 0 obj\n<<>>\nendobj\n")
    monkeypatch.setattr(dialogs, "ask_pdf_to_verify", lambda parent: good)
    dialog = w.signing_controller.verify_pdf()
    assert dialog.verification.ok and "Unverändert" in dialog.verdict.text()
    assert ORG in dialog.details.toPlainText()
    monkeypatch.setattr(dialogs, "ask_pdf_to_verify", lambda parent: bad)
    dialog = w.signing_controller.verify_pdf()
    assert not dialog.verification.ok and "Verändert" in dialog.verdict.text()


def test_wrong_seal_password_is_asked_again(qtbot, window, tmp_path: Path, monkeypatch):
    w, services, case_id, agreement_id = window
    w.signing.set_up_seal(ORG, PASSWORD)
    w.signing.lock()
    answers = iter(["falsch-falsch", PASSWORD])
    retries: list[bool] = []
    monkeypatch.setattr(dialogs, "ask_seal_password",
                        lambda parent, retry=False: retries.append(retry) or next(answers))
    out = tmp_path / "x.pdf"
    monkeypatch.setattr(app_dialogs, "ask_save_path", lambda parent, suggested: out)
    assert w.export_pdf() == out
    assert retries == [False, True]
