"""English for the dialogs of data protection (unlock, first password, lock screen), signing and
follow-up; German stays the default. And every window fits the screen (150 % scaling)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QListWidget

from kooperation_desktop.followup.service import FollowUpService
from kooperation_desktop.protection import ProtectionError
from kooperation_desktop.services import Services
from kooperation_desktop.signing.service import SigningService
from ui import i18n
from ui.followup.review_dialog import ReviewDialog
from ui.protection.dialogs import SetPasswordDialog, UnlockDialog
from ui.protection.lock import LockController, LockOverlay
from ui.screen import available_geometry
from ui.signing.dialogs import SignDialog
from ui.wizard.wizard import AgreementWizard

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "kooperation_dialogs_en.ts"
SOURCES = sorted(
    [p for p in (ROOT / "ui" / "followup").glob("*.py") if p.name != "due_panel.py"]
    + list((ROOT / "ui" / "signing").glob("*.py")) + list((ROOT / "ui" / "protection").glob("*.py")))
PASSWORD = "ein langer Satz als Passwort"


@pytest.fixture(scope="module")
def encrypted_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An encrypted data folder (password PASSWORD), as at every start after the first."""
    folder = tmp_path_factory.mktemp("encrypted") / "data"
    Services.open(folder, PASSWORD).close()
    return folder


def real_attempt(data_dir: Path):  # type: ignore[no-untyped-def]
    """What the start-up unlock does with the typed text (ui.protection.open_services)."""
    def attempt(text: str) -> str | None:
        try:
            Services.open(data_dir, text).close()
        except ProtectionError as exc:
            return str(exc)
        return None
    return attempt


def visible_texts(widget) -> str:
    return " ".join(label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget))


def test_unlock_and_first_password_dialogs_speak_english(qtbot, english, encrypted_dir) -> None:
    unlock = UnlockDialog(real_attempt(encrypted_dir))
    qtbot.addWidget(unlock)
    unlock.show()
    assert unlock.windowTitle() == "Unlock – Kooperation Desktop"
    assert "The data is encrypted. Please enter your password." in visible_texts(unlock)
    assert "enter the recovery key from the office" in visible_texts(unlock)
    assert unlock.ok_button.text() == "&Unlock" and unlock.cancel_button.text() == "&Quit"
    qtbot.keyClicks(unlock.password_edit, "falsch")
    assert unlock.attempt() is False
    # the core's German message is shown in English too
    assert unlock.error.text() == "The password is wrong. Please try again (mind upper and lower case)."
    unlock.password_edit.setText(PASSWORD)
    assert unlock.attempt() is True  # the right password opens the data

    first = SetPasswordDialog()
    qtbot.addWidget(first)
    first.show()
    assert first.windowTitle() == "Set password – Kooperation Desktop"
    assert "Please set a password that only you know (at least 10 characters" in visible_texts(first)
    assert first.ok_button.text() == "&Set password"
    qtbot.keyClicks(first.password_edit, "kurz")
    assert first.meter.label.text() == "Too short or too simple (at least 10 characters)."
    first.password_edit.setText("ein langer Satz aus Wörtern")
    first.repeat_edit.setText("ein anderer Satz aus Wörtern")
    first.ok_button.click()
    assert first.error.text() == "The two passwords do not match."
    assert first.isVisible()


def test_lock_screen_speaks_english(qtbot, english, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    window.setWindowTitle("Kooperation Desktop")
    qtbot.addWidget(window)
    window.show()
    lock = LockController(window, tmp_path, check_passphrase=lambda text: text == "richtig richtig")
    assert lock.action.text() == "&Lock"
    lock.lock("test")
    dialog = lock.dialog
    assert dialog is not None and dialog.isVisible()
    assert window.windowTitle() == "Kooperation Desktop – locked"
    overlay = next(o for o in window.findChildren(LockOverlay))
    assert overlay.findChild(QLabel).text() == "Locked"
    assert dialog.windowTitle() == "Locked – Kooperation Desktop"
    assert "The program is locked. Your entries are kept" in visible_texts(dialog)
    assert dialog.cancel_button is None  # no way around the lock
    dialog.password_edit.setText("falsch")
    dialog.attempt()
    assert dialog.error.text() == "The password is wrong."
    lock.throttle.succeeded()  # no waiting in the test
    dialog.password_edit.setText("richtig richtig")
    assert dialog.attempt() is True
    assert not lock.locked and window.windowTitle() == "Kooperation Desktop"


def test_signing_dialog_speaks_english(qtbot, english, complete_case) -> None:
    services, _case_id, agreement_id = complete_case
    services.agreements.finalise(agreement_id)
    dialog = SignDialog(SigningService(services.db), agreement_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Sign the agreement"
    assert dialog.heading.text() == "Version 1 · 0 of 5 signed"  # the son with a task signs too (issue 13)
    assert "Each person signs for themselves." in visible_texts(dialog)
    assert dialog.who.text().startswith("Signature of <b>")
    assert (dialog.clear_button.text(), dialog.sign_button.text(), dialog.paper_button.text()) == \
        ("C&lear", "&Save signature", "Signed on &paper…")
    parties = dialog.findChild(QListWidget)
    assert parties.item(0).text().endswith("– open")
    # the role and kind labels in English (the names and the typed "Mutter" as typed)
    rows = [parties.item(i).text() for i in range(parties.count())]
    assert rows[0].split("\n")[1] == "Mutter, with parental responsibility"
    assert any("\nYouth office (commissioning), Fallführung ASD\n" in row for row in rows)
    assert not any("personensorgeberechtigt" in row or "Jugendamt (beauftragend)" in row for row in rows)
    assert dialog.pad.accessibleName() == "Signature field"


def test_review_dialog_speaks_english(qtbot, english, complete_case) -> None:
    services, case_id, agreement_id = complete_case
    services.agreements.finalise(agreement_id)
    dialog = ReviewDialog(FollowUpService(services.db), case_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Record review"
    shown = visible_texts(dialog)
    assert "Review of agreement" in shown and "What went well (appreciate successes):" in shown.replace("&", "")
    assert "T-score (goal attainment):" in dialog.t_label.text()
    assert dialog.save_button.text() == "Save review"
    assert dialog.rows[0].client.itemText(0) == "– not rated yet –"
    assert dialog.rows[1].client.itemText(4) == "3 of 10"  # the 0–10 indicator
    dialog.rows[0].client.setCurrentIndex(0)
    dialog.rows[1].client.setCurrentIndex(0)
    dialog.accept()  # nothing rated: the core's (German) message, shown in place
    assert dialog.isVisible() and dialog.error.isVisible()


def test_german_stays_the_default(qtbot, complete_case, encrypted_dir) -> None:
    assert i18n.current_language() == "de"
    services, case_id, agreement_id = complete_case
    unlock = UnlockDialog(real_attempt(encrypted_dir))
    qtbot.addWidget(unlock)
    assert unlock.windowTitle() == "Entsperren – Kooperation Desktop" and unlock.ok_button.text() == "&Entsperren"
    unlock.password_edit.setText("falsch")
    unlock.attempt()
    assert unlock.error.text() == ("Das Passwort ist falsch. Bitte noch einmal versuchen "
                                   "(auf Groß- und Kleinschreibung achten).")
    services.agreements.finalise(agreement_id)
    sign = SignDialog(SigningService(services.db), agreement_id)
    qtbot.addWidget(sign)
    assert sign.windowTitle() == "Vereinbarung unterschreiben"
    assert sign.heading.text() == "Version 1 · 0 von 5 unterschrieben"
    review = ReviewDialog(FollowUpService(services.db), case_id)
    qtbot.addWidget(review)
    assert review.windowTitle() == "Überprüfung erfassen"
    assert review.rows[0].client.itemText(0) == "– noch nicht eingeschätzt –"


def test_every_dialog_text_has_an_english_translation(tmp_path: Path) -> None:
    """The shipped .ts covers every text of these sources (run pyside6-lupdate on a copy)."""
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    tool = str(lupdate) if lupdate.exists() else shutil.which("pyside6-lupdate")
    assert tool, "pyside6-lupdate not found (PySide6 installs it)"
    copy = tmp_path / TS.name
    copy.write_bytes(TS.read_bytes())
    subprocess.run([tool, *map(str, SOURCES), "-ts", str(copy)], check=True, capture_output=True)
    messages = list(ET.parse(copy).getroot().iter("message"))
    assert len(messages) > 250
    open_ = [m.findtext("source") for m in messages if m.find("translation").get("type") == "unfinished"
             or not (m.findtext("translation") or "").strip()]
    assert open_ == [], f"texts without English translation (update {TS.name} and the .qm): {open_}"
    assert TS.with_suffix(".qm").is_file()


# --- 150 % scaling: windows fit the screen -------------------------------------------------------

def _inside_screen(window) -> bool:
    area = available_geometry(window)
    return window.width() <= area.width() and window.height() <= area.height() and \
        window.minimumWidth() <= area.width() and window.minimumHeight() <= area.height()


def test_wizard_and_dialogs_never_exceed_the_available_screen(qtbot, complete_case) -> None:
    services, case_id, agreement_id = complete_case
    wizard = AgreementWizard(services, case_id)
    qtbot.addWidget(wizard)
    wizard.show()
    area = available_geometry(wizard)
    assert _inside_screen(wizard), (wizard.size(), area)
    # as large as it likes where there is room, never larger than 90 % of the free area
    assert wizard.width() == min(1040, int(area.width() * 0.9))
    assert wizard.height() == min(720, int(area.height() * 0.9))
    services.agreements.finalise(agreement_id)
    review = ReviewDialog(FollowUpService(services.db), case_id)
    sign = SignDialog(SigningService(services.db), agreement_id)
    for dialog in (review, sign):
        qtbot.addWidget(dialog)
        dialog.show()
        QApplication.processEvents()
        assert _inside_screen(dialog), (type(dialog).__name__, dialog.size(), area)


SCREEN_CHECK = r"""
import sys
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from helpers import build_complete_case
from kooperation_desktop.protection import keys
keys.SCRYPT_N = 2**12  # cheap key derivation, as in the test run
from kooperation_desktop.followup.service import FollowUpService
from kooperation_desktop.services import Services
from kooperation_desktop.signing.service import SigningService
from ui.followup.review_dialog import ReviewDialog
from ui.signing.dialogs import SignDialog
from ui.wizard.wizard import AgreementWizard
services = Services.open(Path(sys.argv[2]))
case_id, agreement_id = build_complete_case(services)
area = app.primaryScreen().availableGeometry()
print("screen", area.width(), area.height(), app.primaryScreen().devicePixelRatio())
wizard = AgreementWizard(services, case_id)
services.agreements.finalise(agreement_id)
review = ReviewDialog(FollowUpService(services.db), case_id)
for w in (wizard, review, SignDialog(SigningService(services.db), agreement_id)):
    w.show()
    app.processEvents()
    frame = w.frameGeometry()
    print(type(w).__name__, frame.width(), frame.height(), area.contains(frame))
services.close()
"""


@pytest.mark.parametrize("screen", [(1920, 1080), (1366, 768)])
def test_windows_fit_a_laptop_screen_at_150_percent(tmp_path: Path, screen: tuple[int, int]) -> None:
    """A real 150 % run: Qt's offscreen platform with a laptop-sized screen and QT_SCALE_FACTOR=1.5."""
    import json
    import os

    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": screen[0],
                                               "height": screen[1], "logicalDpi": 96, "logicalBaseDpi": 96,
                                               "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "QT_SCALE_FACTOR": "1.5"}
    script = tmp_path / "check.py"
    script.write_text(SCREEN_CHECK)
    run = subprocess.run([sys.executable, str(script), str(ROOT / "tests"), str(tmp_path / "data")], env=env,
                         cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    lines = [line.split() for line in run.stdout.splitlines()]
    assert lines[0][0] == "screen" and int(lines[0][2]) <= 720  # logical pixels: scaled by 1.5
    windows = {parts[0]: parts[1:] for parts in lines[1:]}
    assert set(windows) == {"AgreementWizard", "ReviewDialog", "SignDialog"}
    for name, (_w, _h, inside) in windows.items():
        assert inside == "True", (name, windows[name], lines[0])


# --- reviews can be changed and deleted ----------------------------------------------------------

def _record(section, date: str, gas: int, scale: int, successes: str = "") -> None:
    dialog = section.record_review()
    dialog.date.line.setText(date)
    dialog.rows[0].set_values(gas, gas)
    dialog.rows[1].set_values(scale, scale)
    dialog.successes.setPlainText(successes)
    dialog.save_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted


@pytest.fixture
def section(qtbot, complete_case):
    from ui.main_window import MainWindow

    services, case_id, agreement_id = complete_case
    services.agreements.finalise(agreement_id)
    w = MainWindow(services)
    qtbot.addWidget(w)
    w.show()
    w.refresh(select_id=case_id)
    return w.followup_section


def test_a_review_is_edited_from_the_table(qtbot, section) -> None:
    _record(section, "01.03.2027", -1, 5, "Wecker selbst gestellt.")
    _record(section, "01.06.2027", 1, 7)
    assert not section.edit_button.isEnabled() and not section.delete_button.isEnabled()  # nothing selected
    first = next(r for r in section.reviews if r.successes)
    section.select_entry(first.id)
    assert section.edit_button.isEnabled() and section.delete_button.isEnabled()
    dialog = section.edit_selected()
    assert dialog.windowTitle() == "Überprüfung bearbeiten"
    assert dialog.date.line.text() == "01.03.2027" and dialog.successes.toPlainText() == "Wecker selbst gestellt."
    assert dialog.rows[0].client.currentData() == -1
    dialog.rows[0].set_values(0, 0)
    dialog.successes.setPlainText("Wecker selbst gestellt, dreimal.")
    dialog.save_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert len(section.reviews) == 2  # changed, not added
    changed = next(r for r in section.reviews if r.id == first.id)
    assert changed.successes == "Wecker selbst gestellt, dreimal." and changed.ratings[0].client_value == 0
    assert section.table.item(1, 4).text() == "Wecker selbst gestellt, dreimal."  # older one below
    assert section.t_chart.series()[0].values[1] == pytest.approx(50.0)  # the chart follows


def test_a_review_is_deleted_only_after_asking(qtbot, section, monkeypatch) -> None:
    from ui.followup import case_section

    _record(section, "01.03.2027", -1, 5)
    _record(section, "01.06.2027", 1, 7)
    asked: list[str] = []
    answer = [False]
    monkeypatch.setattr(case_section, "ask_delete_entry", lambda _p, what: asked.append(what) or answer[0])
    section.table.selectRow(0)  # the newest: 01.06.2027
    assert section.delete_selected() is False
    assert asked == ["Die Überprüfung vom 01.06.2027"] and len(section.reviews) == 2
    answer[0] = True
    section.table.selectRow(0)
    assert section.delete_selected() is True
    assert [r.held_on.isoformat() for r in section.reviews] == ["2027-03-01"]
    assert section.table.rowCount() == 1 and section.t_chart.labels() == ["Beginn", "01.03.2027"]
    assert section.follow.reviews(section.case.id)[0].held_on.isoformat() == "2027-03-01"  # stored
    section.table.selectRow(0)
    assert section.delete_selected() is True
    assert section.reviews == [] and section.t_label.text() == (
        "Noch keine Überprüfung – sie wird nach dem nächsten Hilfeplangespräch erfasst.")
    assert not section.review_pdf_button.isEnabled()


def test_a_reflection_can_be_deleted_but_not_edited(qtbot, section, monkeypatch) -> None:
    from ui.followup import case_section

    dialog = section.record_reflection()
    dialog.date.line.setText("02.06.2027")
    dialog.set_present("Ağrı Şükrü Çelik")
    dialog.set_rating("a", "Ağrı Şükrü Çelik", 4)
    dialog.save_button.click()
    section.table.selectRow(0)
    assert not section.edit_button.isEnabled() and section.delete_button.isEnabled()
    assert section.edit_selected() is None
    monkeypatch.setattr(case_section, "ask_delete_entry", lambda _p, what: what == "Die Reflexion vom 02.06.2027")
    assert section.delete_selected() is True
    assert section.reflections == [] and section.radar.sessions() == []


def test_entry_buttons_speak_english(qtbot, english, section) -> None:
    # a section built while English is installed
    from ui.followup.case_section import FollowUpSection

    fresh = FollowUpSection(section.follow)
    qtbot.addWidget(fresh)
    assert fresh.edit_button.text() == "Edit…" and fresh.delete_button.text() == "Delete…"
    assert fresh.review_button.text() == "Record &review…"


def test_listed_core_texts_are_the_cores_own(encrypted_dir) -> None:
    """The core texts translated at display time are still the core's texts (else they would stay
    German without anyone noticing)."""
    from kooperation_desktop.followup.gas import WEIGHTING_NOTE
    from kooperation_desktop.followup.reflection import SCALE_LABELS
    from kooperation_desktop.protection import keys
    from ui.followup import charts
    from ui.protection import dialogs as protection_dialogs

    assert set(charts.CORE_TEXTS) == {WEIGHTING_NOTE, *SCALE_LABELS.values()}
    core = {keys.password_strength("")[1], *(keys.password_strength(p)[1] for p in
                                             ("kurz", "aaaaaaaaaaaaaaaaaaaaaaaaaaaa", "abcdefghijk", "Abcdefgh1234",
                                              "Abcdefgh1234!xyz", "Abcdefgh1234!xyzQRSTUVW"))}
    core |= set(keys.password_problems("kurz")) | set(keys.password_problems(" ein Passwort mit Leerzeichen "))
    core.add(real_attempt(encrypted_dir)("falsch"))
    assert core <= set(protection_dialogs.CORE_TEXTS), core - set(protection_dialogs.CORE_TEXTS)


def test_reflection_statements_speak_english(qtbot, english, complete_case) -> None:
    """The ten conditions a–j (seed part 3) in the reflection dialog, its low-rated summary and the
    radar come from the label catalogue in English, not German."""
    from kooperation_desktop.domain import labels
    from ui.followup.reflection_dialog import ReflectionDialog

    services, case_id, agreement_id = complete_case
    services.agreements.finalise(agreement_id)
    dialog = ReflectionDialog(FollowUpService(services.db), case_id)
    qtbot.addWidget(dialog)
    dialog.show()
    shown = visible_texts(dialog)
    assert "<b>a</b> The family agrees to the help and to working together, and supports it." in shown
    assert "<b>i</b> The family's voice counts as much as the professionals' voice." in shown
    for key in "abcdefghij":
        assert labels.reflection_condition(key, "en").statement in shown
        assert labels.reflection_condition(key, "de").statement not in shown
    tips = [w.toolTip() for w in dialog.findChildren(QLabel) if w.toolTip()]
    assert "d. Dividing the work and clarifying the mandate" in tips
    name = dialog.people[0].name
    dialog.set_present(name)
    dialog.set_rating("f", name, 1)
    assert "Goodwill between the partners and no competing with each other" in dialog.low_label.text()
    assert "Talk openly about tensions" in dialog.low_label.text()
    assert "Wohlwollen" not in dialog.low_label.text()
