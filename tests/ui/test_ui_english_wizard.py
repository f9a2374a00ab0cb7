"""English for the agreement wizard, the case view and the common dialogs; German stays the default
and unchanged. The core's own rule messages (German ``Problem`` texts) are not translated."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QWidget,
    QWizard,
)

from kooperation_desktop import undo
from kooperation_desktop.domain.model import (
    CommunicationRule,
    Consent,
    Goal,
    Indicator,
    Partner,
    PartnerKind,
    Person,
    Role,
    Task,
)
from kooperation_desktop.domain.wizard import STEPS, Step
from ui import dialogs, domain_labels, i18n
from ui.case_view import CaseView
from ui.wizard.wizard import AgreementWizard

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "kooperation_wizard_en.ts"
SOURCES = sorted(
    [ROOT / "ui" / "wizard" / name for name in ("__init__.py", "base.py", "wizard.py")]
    + list((ROOT / "ui" / "wizard").glob("page_*.py"))
    + [ROOT / "ui" / name for name in ("case_view.py", "dialogs.py", "widgets.py", "domain_labels.py")]
)

ENGLISH_TITLES = [
    "Participants", "Consent", "Goals", "Indicators", "Tasks & roles", "Communication & reports",
    "Time frame & transition", "Overview",
]
NEIGHBOUR = "Fatma Yılmaz"


@pytest.fixture
def english(english: None) -> Iterator[None]:
    """conftest's English UI, with this area's translation file among those loaded."""
    assert any(Path(p).name == TS.with_suffix(".qm").name for p in i18n.qm_paths("en"))
    yield


def german_sources() -> set[str]:
    """Every German text of this area whose English differs (e.g. not "Name", "Status")."""
    german = set()
    for message in ET.parse(TS).getroot().iter("message"):
        source, translation = message.findtext("source") or "", message.findtext("translation") or ""
        if source != translation and len(source) > 2:
            german.add(source)
    return german


def shown_texts(root: QWidget) -> list[str]:
    """The UI texts a user sees on ``root``: labels, buttons, group titles, placeholders, combo
    items, table headers (not the contents of input fields, which are the user's data)."""
    texts: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root):
            continue
        if isinstance(w, (QLabel, QAbstractButton)):
            texts.append(w.text())
        if isinstance(w, QGroupBox):
            texts.append(w.title())
        if isinstance(w, (QLineEdit, QPlainTextEdit)):
            texts.append(w.placeholderText())
        if isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QTableWidget):
            texts += [w.horizontalHeaderItem(c).text() for c in range(w.columnCount())]
        texts.append(w.accessibleName())
    return [t for t in texts if t]


def german_leftovers(root: QWidget) -> list[str]:
    german = german_sources()
    found = []
    for text in shown_texts(root):
        plain = re.sub(r"</?b>", "", text)
        if plain in german or any(len(g) > 12 and g in plain for g in german):
            found.append(text)
    return found


def mnemonics(texts: list[str]) -> list[str]:
    return [m.group(1).lower() for t in set(texts) for m in [re.search(r"&([^&\s])", t)] if m]


# --- English -------------------------------------------------------------------------------------

def test_wizard_pages_in_english(qtbot, english, complete_case, monkeypatch) -> None:
    services, case_id, _aid = complete_case
    wizard = AgreementWizard(services, case_id)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.restart()
    assert wizard.windowTitle() == "Cooperation agreement – Familie Çelik"
    assert wizard.buttonText(QWizard.WizardButton.CancelButton) == "Close"
    assert wizard.buttonText(QWizard.WizardButton.FinishButton) == "&Close"
    assert "everything you entered is already saved" in wizard.button(QWizard.WizardButton.CancelButton).toolTip()

    titles, subtitles = [], []
    for i in range(len(STEPS)):
        page = wizard.currentPage()
        QApplication.processEvents()
        titles.append(page.title())
        subtitles.append(page.subTitle())
        assert german_leftovers(page) == [], (page.title(), german_leftovers(page))
        # every Alt+letter on a page (and the wizard's own buttons) leads to one place only
        buttons = [wizard.button(b).text() for b in (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
                                                      QWizard.WizardButton.FinishButton)
                   if wizard.button(b).isVisible()]
        letters = mnemonics([t for t in shown_texts(page) if "&" in t] + buttons)
        assert len(letters) == len(set(letters)), (page.title(), sorted(letters))
        if i + 1 < len(STEPS):
            wizard.next()
            assert wizard.currentId() == i + 1, page.problems.text()
    assert titles == ENGLISH_TITLES
    assert subtitles[0].startswith("Who belongs to the family, who already helps?")
    assert subtitles[-1] == "What is still missing? Finalise the agreement and save it as a PDF."

    p = wizard.page_participants
    assert p.accessibleName() == "Participants"
    headers = [w.text() for w in p.persons.grid_host.findChildren(QLabel)]
    assert {"First name", "Last name", "Role in the family", "Date of birth", "Has\ncustody"} <= set(headers)
    assert p.persons.add_button.text() == "&Add person"
    assert p.youth_office.add_button.text() == "Add &youth office"
    assert p.persons.remove_button(0).text() == "Remove"
    assert p.persons.remove_button(0).accessibleName() == "Remove Person 1"
    assert p.persons.widget(1, "birth_date").line.placeholderText() == "DD.MM.YYYY"

    c = wizard.page_consent
    assert c.record_button.text() == "&Record consent"
    assert [c.form_combo.itemText(i) for i in range(c.form_combo.count())] == [
        "– please choose –", "in writing", "orally", "confirmed on screen"]
    assert c.general_status.text().startswith("Given on ") and c.general_status.text().endswith("(in writing).")
    assert [c.recorded.horizontalHeaderItem(i).text() for i in range(6)] == [
        "Who", "For whom", "Since", "Form", "Revoked", "Which information"]
    assert c.recorded.item(0, 1).text() == "Help and cooperation (general)"
    row = c.row_for(NEIGHBOUR)
    assert row.check.text().startswith(f"Consent for {NEIGHBOUR} (Helper around the family) – given on ")
    assert [b.text() for b in row.categories.values()][:2] == [
        "Name and contact details", "Contents of this agreement (goals, tasks, dates)"]

    g = wizard.page_goals
    assert g.goals.add_button.text() == "Add &goal"

    ind = wizard.page_indicators
    box = ind.boxes[0]
    assert box.title() == "Indicator 1" and ind.add_button.text() == "&Add indicator"
    assert box.scale.itemText(0) == "Goal attainment scale −2 to +2" and box.scale.itemText(1) == "Scale 0 to 10"
    assert box.levels_box.findChildren(QLabel)[0].text() == "−2  much less than expected"
    assert ind.goal_combo.itemText(0).startswith("Goal 1: ")

    t = wizard.page_tasks
    who = t.tasks.widget(0, "who")
    choices = [who.itemText(i) for i in range(who.count())]
    assert any(x.endswith(" (family)") for x in choices) and any(x.endswith(" – Youth office") for x in choices)
    assert t.role_edit("Ağrı Şükrü Çelik (family)").accessibleName() == "Role of Ağrı Şükrü Çelik (family)"
    assert t.tasks.widget(0, "due_date").line.placeholderText() == "ongoing"

    comm = wizard.page_communication
    kind = comm.rules.widget(0, "kind")
    assert [kind.itemText(i) for i in range(kind.count())] == ["Meeting / talk", "Feedback", "Report", "Contact person"]

    tf = wizard.page_timeframe
    date_labels = [w.text() for w in tf.body.findChildren(QLabel)]
    assert {"&Start of the help:", "&Planned end:", "Ne&xt review:", "Who stays &with the family?"} <= set(date_labels)
    assert tf.planned_end.line.accessibleName() == "Planned end"

    o = wizard.page_overview
    assert o.summary.text().startswith("Version 1 · draft · Document ")
    assert o.finalise_button.text() == "&Finalise agreement" and o.export_button.text() == "Save &PDF…"
    assert o.complete_label.text() == "Everything needed has been entered. The agreement can be finalised."
    from ui import dialogs

    monkeypatch.setattr(dialogs, "ask_finalise", lambda _p, _v: True)
    o.finalise()
    assert o.preview_button.text() == "1. &Preview && print…" and o.sign_button.text() == "2. &Sign…"
    assert "· finalised · " in o.summary.text() and " · finalised on " in o.summary.text()
    o.initializePage()  # entering a page of a frozen version
    assert o.frozen_banner.text().startswith("Version 1 is finalised and can no longer be changed. To make changes, "
                                             "choose “Edit agreement…” in the main window")
    assert o.complete_label.text().startswith("This version is finalised. Checksum (SHA-256): ")


def test_undo_bar_and_date_error_in_english(qtbot, english, complete_case) -> None:
    services, case_id, _aid = complete_case
    wizard = AgreementWizard(services, case_id)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.restart()
    page = wizard.page_participants
    row = next(r for r in range(page.informal.row_count()) if page.informal.widget(r, "name").text() == NEIGHBOUR)
    page.informal.remove_button(row).click()
    assert page.undo_bar.isVisible()
    assert page.undo_bar.label.text() == f"“{NEIGHBOUR}” was removed."
    assert page.undo_bar.undo_button.text() == "&Undo"
    page.undo_bar.undo_button.click()
    assert NEIGHBOUR in [page.informal.widget(r, "name").text() for r in range(page.informal.row_count())]

    birth = page.persons.widget(0, "birth_date")
    birth.line.setText("31.02.2020")
    birth.line.editingFinished.emit()
    assert birth.error.text() == "“31.02.2020” is not a valid date. Please enter it as DD.MM.YYYY, e.g. 01.03.2027."


def test_case_view_and_dialogs_in_english(qtbot, english, complete_case) -> None:
    services, case_id, _aid = complete_case
    view = CaseView()
    qtbot.addWidget(view)
    assert view.title.text() == "No case selected"
    assert view.details.text() == "Select a case on the left or create one with “New case…”."
    view.show_case(services.cases.get(case_id))
    assert [h.text() for h in view.headings] == [
        "<b>Family</b>", "<b>Cooperation partners</b>", "<b>Consents</b>", "<b>Agreements</b>"]
    assert view.details.text().startswith("File number: AZ 51-2026-0815 · ")
    assert [view.persons.horizontalHeaderItem(i).text() for i in range(4)] == [
        "Name", "Role in the family", "Date of birth", "Parental custody"]
    assert {view.persons.item(r, 3).text() for r in range(view.persons.rowCount())} == {"yes", "no"}
    kinds = {view.partners.item(r, 1).text() for r in range(view.partners.rowCount())}
    assert {"Youth office (commissioning)", "Social worker (delivering the help)",
            "Helper around the family"} <= kinds
    assert view.agreements.item(0, 1).text() == "draft"
    assert view.consents.item(0, 3).text() == "in writing"
    assert german_leftovers(view) == []

    new_case = dialogs.NewCaseDialog()
    qtbot.addWidget(new_case)
    assert new_case.windowTitle() == "New case" and new_case.ok_button.text() == "Create case"
    new_case.accept()
    assert new_case.title_error.text() == "Please enter a name, e.g. “Çelik family”."
    revoke = dialogs.RevocationDialog(None, NEIGHBOUR)
    qtbot.addWidget(revoke)
    assert revoke.windowTitle() == "Revoke consent"
    assert german_leftovers(revoke) == [] and german_leftovers(new_case) == []


# --- German (the default) ------------------------------------------------------------------------

def test_german_stays_as_before(qtbot, complete_case) -> None:
    assert i18n.current_language() == "de"
    services, case_id, _aid = complete_case
    wizard = AgreementWizard(services, case_id)
    qtbot.addWidget(wizard)
    wizard.restart()
    assert [wizard.page(i).title() for i in range(len(STEPS))] == [s.title for s in STEPS]
    assert [wizard.page(i).subTitle() for i in range(len(STEPS))] == [s.subtitle for s in STEPS]
    assert wizard.windowTitle() == "Kooperationsvereinbarung – Familie Çelik"
    assert wizard.buttonText(QWizard.WizardButton.CancelButton) == "Schließen"
    assert wizard.buttonText(QWizard.WizardButton.FinishButton) == "&Schließen"
    p = wizard.page_participants
    assert p.persons.add_button.text() == "&Person hinzufügen"
    assert p.persons.remove_button(0).accessibleName() == "Person 1 entfernen"
    assert p.persons.widget(1, "birth_date").line.placeholderText() == "TT.MM.JJJJ"
    assert wizard.page_consent.form_combo.itemText(1) == "schriftlich"
    assert wizard.page_indicators.add_button.text() == "&Indikator hinzufügen"
    assert wizard.page_overview.finalise_button.text() == "Vereinbarung &abschließen"
    row = next(r for r in range(p.informal.row_count()) if p.informal.widget(r, "name").text() == NEIGHBOUR)
    p.informal.remove_button(row).click()
    assert p.undo_bar.label.text() == f"„{NEIGHBOUR}“ wurde entfernt."

    view = CaseView()
    qtbot.addWidget(view)
    view.show_case(services.cases.get(case_id))
    assert [h.text() for h in view.headings] == [
        "<b>Familie</b>", "<b>Kooperationspartner</b>", "<b>Einverständnisse</b>", "<b>Vereinbarungen</b>"]
    assert "Jugendamt (beauftragend)" in {view.partners.item(r, 1).text() for r in range(view.partners.rowCount())}
    assert view.agreements.item(0, 1).text() == "Entwurf"


def test_ui_row_names_match_the_core_in_german() -> None:
    """The undo bar's and the save errors' row names (UI side) are the core's German ones."""
    entities = [
        Person(case_id=1, first_name="Ağrı", last_name="Çelik"), Person(case_id=1),
        Partner(case_id=1, kind=PartnerKind.YOUTH_OFFICE, name="Łukasz Wróbel"),
        Goal(agreement_id=1, client_words="Ruhe am Morgen"), Goal(agreement_id=1),
        Indicator(goal_id=1, description=" pünktlich "), Task(agreement_id=1, what="wecken"),
        Role(agreement_id=1), CommunicationRule(agreement_id=1, what="Treffen"),
        Consent(case_id=1, person_id=1, partner_id=None, categories=[]),
    ]
    assert [domain_labels.describe(e) for e in entities] == [undo.describe(e) for e in entities]


def test_the_ui_shows_the_cores_label_catalogue() -> None:
    """The UI's enum and step labels come from the core's one catalogue (no copy in a .ts)."""
    # German: the core's words unchanged
    assert domain_labels.partner_kind(PartnerKind.YOUTH_OFFICE) == "Jugendamt (beauftragend)"
    assert domain_labels.step_title(Step.TASKS) == "Arbeitsteilung & Rollen"


def test_every_text_has_an_english_translation(tmp_path: Path, qapp: QApplication) -> None:
    """The shipped .ts covers every text of these sources (pyside6-lupdate on a copy), and the
    shipped .qm says the same as the .ts."""
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    tool = str(lupdate) if lupdate.exists() else shutil.which("pyside6-lupdate")
    assert tool, "pyside6-lupdate not found (PySide6 installs it)"
    copy = tmp_path / TS.name
    copy.write_bytes(TS.read_bytes())
    subprocess.run([tool, *map(str, SOURCES), "-ts", str(copy)], check=True, capture_output=True)
    root = ET.parse(copy).getroot()
    messages = [(ctx.findtext("name") or "", m) for ctx in root.iter("context") for m in ctx.iter("message")]
    assert len(messages) > 250  # the enum and step labels live in the core's catalogue, not here
    current = [(ctx, m) for ctx, m in messages if m.find("translation").get("type") not in ("vanished", "obsolete")]
    open_ = [m.findtext("source") for _, m in current
             if m.find("translation").get("type") == "unfinished" or not (m.findtext("translation") or "").strip()]
    assert open_ == [], f"texts without English translation (update {TS.name} and the .qm): {open_}"

    translator = QTranslator()
    assert translator.load(str(TS.with_suffix(".qm")))
    stale = [(ctx, m.findtext("source")) for ctx, m in current
             if translator.translate(ctx, m.findtext("source")) != m.findtext("translation")]
    assert stale == [], f"rebuild {TS.with_suffix('.qm').name} with pyside6-lrelease: {stale[:5]}"
    assert QCoreApplication.translate("WizardStep", "Überblick") == "Überblick"  # not installed here


def test_the_ui_shows_the_cores_labels_in_english(english) -> None:
    from kooperation_desktop.domain import labels
    from kooperation_desktop.domain.model import CaseStatus

    assert domain_labels.partner_kind(PartnerKind.YOUTH_OFFICE) == labels.label(PartnerKind.YOUTH_OFFICE, "en") \
        == "Youth office (commissioning)"
    assert domain_labels.partner_kind_short(PartnerKind.YOUTH_OFFICE) == "Youth office"
    assert domain_labels.case_status(CaseStatus.CLOSED) == "closed"
    assert (domain_labels.step_title(Step.TASKS), domain_labels.step_subtitle(Step.OVERVIEW)) == \
        ("Tasks & roles", "What is still missing? Finalise the agreement and save it as a PDF.")
