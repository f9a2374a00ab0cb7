"""The agreement wizard driven like a user: typing into real widgets and clicking real buttons."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QWidget, QWizard

from kooperation_desktop.domain.labels import format_date
from kooperation_desktop.domain.model import AgreementStatus, PartnerKind
from kooperation_desktop.domain.wizard import Step
from kooperation_desktop.services import Services
from ui import dialogs
from ui.i18n import install_german_qt_texts
from ui.main_window import MainWindow
from ui.wizard.wizard import AgreementWizard

pytestmark = pytest.mark.gui

MOTHER = "Ağrı Şükrü Çelik"
AUNT = "Жанна Иванова"
NEIGHBOUR = "Fatma Yılmaz"
YOUTH_OFFICE = "Łukasz Wróbel"
PROFESSIONAL = "Nguyễn Thị Minh Khai"
GOAL_FAMILY = "Wir wollen morgens ohne Streit aus dem Haus kommen."
GOAL_PROFESSIONAL = "Eine verlässliche Morgenroutine ist etabliert."
INDICATOR = "Deniz ist an Schultagen um 7:45 Uhr fertig angezogen."
TASK_FAMILY = "Kleidung am Vorabend bereitlegen."
TASK_PARTNER = "Holt Deniz dienstags von der Schule ab."
MEETING = "Treffen in der Wohnung der Familie"


@pytest.fixture(autouse=True)
def german_qt(qapp: QApplication) -> None:
    install_german_qt_texts(qapp)


def type_into(qtbot, widget: QWidget, text: str) -> None:
    """Type like a user: key presses for ASCII; other letters (ü, ğ, ı, ễ, Ж …) arrive the way a
    keyboard layout or input method delivers them, as committed text (QTest has no key codes for them)."""
    widget.setFocus()
    for chunk in re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]+", text):
        if chunk.isascii():
            qtbot.keyClicks(widget, chunk)
        else:
            event = QInputMethodEvent()
            event.setCommitString(chunk)
            QApplication.sendEvent(widget, event)


def click(qtbot, widget: QWidget) -> None:
    assert widget.isEnabled(), widget.accessibleName() or widget.objectName()
    if isinstance(widget, QCheckBox):  # on the box itself, not on the empty space right of its text
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(8, widget.height() // 2))
    else:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    QApplication.processEvents()  # new rows are shown by a queued event, as in the running app


def choose(qtbot, combo: QComboBox, text: str) -> None:
    """Pick the item containing ``text`` with the keyboard (Down until it is current)."""
    combo.setFocus()
    for _ in range(combo.count()):
        if text in combo.currentText():
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert text in combo.currentText(), [combo.itemText(i) for i in range(combo.count())]


def next_page(qtbot, wizard: QWizard, expected: Step) -> None:
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    page = wizard.currentPage()
    assert wizard.current_step() == expected, page.problems.text()


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def pdf_text(path: Path) -> str:
    return squash(" ".join(page.extract_text() or "" for page in PdfReader(str(path)).pages))


def fill_participants(qtbot, wizard: AgreementWizard) -> None:
    page = wizard.page_participants
    persons = page.persons
    type_into(qtbot, persons.widget(0, "first_name"), "Ağrı Şükrü")
    type_into(qtbot, persons.widget(0, "last_name"), "Çelik")
    type_into(qtbot, persons.widget(0, "family_role"), "Mutter")
    type_into(qtbot, persons.widget(0, "birth_date").line, "14.03.1985")
    click(qtbot, persons.widget(0, "is_guardian"))
    click(qtbot, persons.add_button)
    type_into(qtbot, persons.widget(1, "first_name"), "Жанна")
    type_into(qtbot, persons.widget(1, "last_name"), "Иванова")
    type_into(qtbot, persons.widget(1, "family_role"), "Tante")

    click(qtbot, page.informal.add_button)
    type_into(qtbot, page.informal.widget(0, "name"), NEIGHBOUR)
    type_into(qtbot, page.informal.widget(0, "function"), "Nachbarin")
    # the youth office and the professional have an empty row ready
    type_into(qtbot, page.youth_office.widget(0, "name"), YOUTH_OFFICE)
    type_into(qtbot, page.youth_office.widget(0, "organisation"), "Jugendamt Musterstadt")
    type_into(qtbot, page.youth_office.widget(0, "function"), "Fallführung ASD")
    type_into(qtbot, page.professional.widget(0, "name"), PROFESSIONAL)
    type_into(qtbot, page.professional.widget(0, "organisation"), "Familienhilfe Lindenhof e. V.")


def fill_consent(qtbot, wizard: AgreementWizard) -> None:
    page = wizard.page_consent
    assert MOTHER in page.person_combo.currentText()  # the guardian is offered first
    click(qtbot, page.general_check)
    click(qtbot, page.row_for(NEIGHBOUR).check)
    click(qtbot, page.record_button)  # the form of the consent has no default: it must be chosen
    assert page.recorded.rowCount() == 0
    assert "Form" in page.problems.text()
    choose(qtbot, page.form_combo, "mündlich")
    click(qtbot, page.record_button)
    assert page.recorded.rowCount() == 2
    assert not page.general_check.isEnabled()  # recorded: shown as given


def fill_goal(qtbot, wizard: AgreementWizard) -> None:
    goals = wizard.page_goals.goals
    type_into(qtbot, goals.widget(0, "client_words"), GOAL_FAMILY)
    type_into(qtbot, goals.widget(0, "professional_wording"), GOAL_PROFESSIONAL)


def test_wizard_from_empty_database_to_pdf(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    services = Services.open(tmp_path / "data")
    try:
        window = MainWindow(services)
        qtbot.addWidget(window)
        window.show()
        assert window.model.rowCount() == 0

        # new case through the main window's dialog
        click(qtbot, window.new_button)
        dialog = window.new_case_dialog
        assert dialog is not None and dialog.isVisible()
        type_into(qtbot, dialog.title_edit, "Familie Çelik")
        type_into(qtbot, dialog.file_number_edit, "AZ 51-2026-0815")
        choose(qtbot, dialog.help_type_combo, "§ 31")
        click(qtbot, dialog.ok_button)
        assert window.model.rowCount() == 1
        assert window.model.index(0, 0).data() == "Familie Çelik"

        click(qtbot, window.edit_button)
        wizard = window.wizard
        assert wizard is not None and wizard.isVisible()
        assert wizard.windowTitle().startswith("Kooperationsvereinbarung")
        assert wizard.buttonText(QWizard.WizardButton.NextButton).replace("&", "").startswith("Weiter")
        assert wizard.current_step() == Step.PARTICIPANTS

        fill_participants(qtbot, wizard)
        next_page(qtbot, wizard, Step.CONSENT)
        assert wizard.buttonText(QWizard.WizardButton.BackButton).replace("&", "").endswith("Zurück")

        fill_consent(qtbot, wizard)
        next_page(qtbot, wizard, Step.GOALS)

        fill_goal(qtbot, wizard)
        next_page(qtbot, wizard, Step.INDICATORS)

        box = wizard.page_indicators.boxes[0]
        type_into(qtbot, box.description, INDICATOR)
        for edit, text in zip(box.level_edits, ["an keinem Tag", "an 1–2 Tagen", "an 3 Tagen",
                                                 "an 4 Tagen", "an allen 5 Tagen"], strict=True):
            type_into(qtbot, edit, text)
        box.baseline.setFocus()
        qtbot.keyClick(box.baseline, Qt.Key.Key_Up)  # "–" → −2
        box.target.setFocus()
        for _ in range(3):
            qtbot.keyClick(box.target, Qt.Key.Key_Up)  # "–" → −2 → −1 → 0
        assert (box.baseline.text(), box.target.text()) == ("-2", "0")
        next_page(qtbot, wizard, Step.TASKS)

        tasks_page = wizard.page_tasks
        tasks = tasks_page.tasks
        assert MOTHER in tasks.widget(0, "who").currentText()
        type_into(qtbot, tasks.widget(0, "what"), TASK_FAMILY)
        click(qtbot, tasks.add_button)
        choose(qtbot, tasks.widget(1, "who"), NEIGHBOUR)
        type_into(qtbot, tasks.widget(1, "what"), TASK_PARTNER)
        due = dt.date.today() + dt.timedelta(days=60)
        type_into(qtbot, tasks.widget(1, "due_date").line, format_date(due))
        for name, role in ((YOUTH_OFFICE, "Beauftragt die Hilfe."), (PROFESSIONAL, "Begleitet die Familie."),
                           (NEIGHBOUR, "Unterstützt im Alltag."), (MOTHER, "Entscheidet mit.")):
            type_into(qtbot, tasks_page.role_edit(name), role)
        type_into(qtbot, tasks_page.mandate, "Unterstützung bei Tagesstruktur und Schulbesuch.")
        next_page(qtbot, wizard, Step.COMMUNICATION)

        rules = wizard.page_communication.rules
        type_into(qtbot, rules.widget(0, "what"), MEETING)
        type_into(qtbot, rules.widget(0, "who"), "Familie, Fachkraft")
        type_into(qtbot, rules.widget(0, "rhythm"), "alle zwei Wochen")
        next_page(qtbot, wizard, Step.TIMEFRAME)

        timeframe = wizard.page_timeframe
        assert timeframe.start_date.date() == dt.date.today()  # a new draft starts today
        end = dt.date.today() + dt.timedelta(days=365)
        type_into(qtbot, timeframe.planned_end.line, format_date(end))
        type_into(qtbot, timeframe.texts["transition_offers"], "Elterncafé im Familienzentrum")
        next_page(qtbot, wizard, Step.OVERVIEW)

        overview = wizard.page_overview
        assert overview.missing.count() == 0, [overview.missing.item(i).text() for i in range(overview.missing.count())]
        confirmations: list[int] = []  # finalising asks first (issue 13)
        monkeypatch.setattr(dialogs, "ask_finalise", lambda _p, version: confirmations.append(version) or True)
        click(qtbot, overview.finalise_button)
        assert confirmations == [1]
        assert "abgeschlossen" in overview.summary.text()
        assert not overview.finalise_button.isEnabled()

        out = tmp_path / "vereinbarung.pdf"
        asked: list[Path] = []
        monkeypatch.setattr(dialogs, "ask_save_path", lambda parent, suggested: asked.append(suggested) or out)
        from ui.signing import dialogs as signing_dialogs  # first sealed save: the organisation sets up its seal

        monkeypatch.setattr(signing_dialogs, "ask_seal_setup",
                            lambda parent: signing_dialogs.SealSetup("Familienhilfe Lindenhof e. V.",
                                                                     "siegel-passwort-1"))
        click(qtbot, overview.export_button)
        assert out.exists() and asked and asked[0].suffix == ".pdf"
        from kooperation_desktop.signing.service import SigningService

        assert SigningService(services.db).verify_file(out).ok  # a finalised version leaves the wizard sealed
        assert "Familie" not in asked[0].name  # no client names in the suggested file name

        text = pdf_text(out)
        for expected in (GOAL_FAMILY, INDICATOR, TASK_FAMILY, TASK_PARTNER, MOTHER, AUNT, NEIGHBOUR,
                         YOUTH_OFFICE, PROFESSIONAL):
            assert squash(expected) in text, expected

        click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
        assert not wizard.isVisible()
        agreements = window.case_view.agreements
        assert agreements.rowCount() == 1
        assert agreements.item(0, 1).text() == "abgeschlossen"
        case = services.cases.get(window.selected_case_id())
        assert case.agreements[0].status == AgreementStatus.FINAL
    finally:
        services.close()


def test_reopening_a_half_filled_wizard_restores_and_resumes(qtbot, services: Services) -> None:
    case = services.cases.create("Familie Çelik")
    wizard = AgreementWizard(services, case.id)
    qtbot.addWidget(wizard)
    wizard.show()
    fill_participants(qtbot, wizard)
    # saved while typing, before the page is left
    qtbot.waitUntil(lambda: [p.display_name for p in services.cases.get(case.id).persons] == [MOTHER, AUNT],
                    timeout=10_000)
    next_page(qtbot, wizard, Step.CONSENT)
    fill_consent(qtbot, wizard)
    next_page(qtbot, wizard, Step.GOALS)
    # typed, then closed at once: nothing typed may be lost
    fill_goal(qtbot, wizard)
    click(qtbot, wizard.button(QWizard.WizardButton.CancelButton))
    assert not wizard.isVisible()

    again = AgreementWizard(services, case.id)
    qtbot.addWidget(again)
    again.show()
    assert again.current_step() == Step.GOALS
    goals = again.page_goals.goals
    assert goals.row_count() == 1
    assert goals.widget(0, "client_words").toPlainText() == GOAL_FAMILY
    assert goals.widget(0, "professional_wording").toPlainText() == GOAL_PROFESSIONAL

    click(qtbot, again.button(QWizard.WizardButton.BackButton))
    click(qtbot, again.button(QWizard.WizardButton.BackButton))
    assert again.current_step() == Step.PARTICIPANTS
    persons = again.page_participants.persons
    assert [persons.widget(r, "first_name").text() for r in range(persons.row_count())] == ["Ağrı Şükrü", "Жанна"]
    assert persons.widget(0, "birth_date").text() == "14.03.1985"
    assert persons.widget(0, "is_guardian").isChecked()
    assert again.page_participants.informal.widget(0, "name").text() == NEIGHBOUR
    assert again.page_participants.youth_office.widget(0, "organisation").text() == "Jugendamt Musterstadt"

    click(qtbot, persons.remove_button(1))  # "Entfernen" deletes the person
    assert persons.row_count() == 1
    assert [p.display_name for p in services.cases.get(case.id).persons] == [MOTHER]


def test_next_is_blocked_without_a_person(qtbot, services: Services) -> None:
    case = services.cases.create("Familie ohne Namen")
    wizard = AgreementWizard(services, case.id)
    qtbot.addWidget(wizard)
    wizard.show()
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    page = wizard.page_participants
    assert wizard.current_step() == Step.PARTICIPANTS
    assert page.problems.isVisible()
    assert "Bitte mindestens eine Person der Familie eintragen." in page.problems.messages()
    assert "Bitte das beauftragende Jugendamt eintragen." in page.problems.messages()


def test_invalid_date_shows_german_error_at_the_field_and_blocks(qtbot, services: Services) -> None:
    case = services.cases.create("Familie Çelik")
    wizard = AgreementWizard(services, case.id)
    qtbot.addWidget(wizard)
    wizard.show()
    fill_participants(qtbot, wizard)
    birth = wizard.page_participants.persons.widget(1, "birth_date")
    type_into(qtbot, birth.line, "31.02.2020")
    qtbot.keyClick(birth.line, Qt.Key.Key_Tab)  # leaving the field
    assert birth.error.isVisible()
    assert "kein gültiges Datum" in birth.error.text()
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    assert wizard.current_step() == Step.PARTICIPANTS
    birth.line.clear()
    type_into(qtbot, birth.line, "01.03.2015")
    assert not birth.error.isVisible()
    next_page(qtbot, wizard, Step.CONSENT)
    person = services.cases.get(case.id).persons[1]
    assert person.birth_date == dt.date(2015, 3, 1)


def test_only_consented_partners_get_tasks_and_revoking_warns(
    qtbot, complete_case, monkeypatch: pytest.MonkeyPatch
) -> None:
    services, case_id, _agreement_id = complete_case
    wizard = AgreementWizard(services, case_id)
    qtbot.addWidget(wizard)
    wizard.show()
    for step in (Step.CONSENT, Step.GOALS, Step.INDICATORS, Step.TASKS):
        next_page(qtbot, wizard, step)
    combo = wizard.page_tasks.tasks.widget(0, "who")
    offered = [combo.itemText(i) for i in range(combo.count())]
    assert any("Fatma Yılmaz" in t for t in offered)
    assert not any("Herr Schulz" in t for t in offered)  # no consent: not offered

    for _ in range(3):
        click(qtbot, wizard.button(QWizard.WizardButton.BackButton))
    page = wizard.page_consent
    assert wizard.current_step() == Step.CONSENT
    case = services.cases.get(case_id)
    neighbour = next(p for p in case.partners if p.kind == PartnerKind.RESOURCE_INFORMAL)
    row = next(i for i, c in enumerate(case.consents) if c.partner_id == neighbour.id)
    page.recorded.selectRow(row)
    monkeypatch.setattr(dialogs, "ask_revocation",
                        lambda parent, what: dialogs.Revocation(dt.date.today(), "telefonisch"))
    click(qtbot, page.revoke_button)
    warning = page.revoke_warning.text()
    assert page.revoke_warning.isVisible()
    assert "widerrufen" in warning and "Fatma Yılmaz" in warning
    assert page.row_for("Fatma Yılmaz").check.isEnabled()  # may be given again
    # going on to the tasks page is now blocked: the neighbour still has a task and a role
    for step in (Step.GOALS, Step.INDICATORS, Step.TASKS):
        next_page(qtbot, wizard, step)
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    assert wizard.current_step() == Step.TASKS
    assert "Fatma Yılmaz" in wizard.page_tasks.problems.text()


def tab_sequence(page: QWidget) -> list[str]:
    """Accessible names of the page's inputs in the order the Tab key visits them."""
    names: list[str] = []
    w = page.nextInFocusChain()
    while w is not page and len(names) < 500:
        if (w.focusPolicy() & Qt.FocusPolicy.TabFocus) and w.isVisibleTo(page) and w.accessibleName():
            names.append(w.accessibleName())
        w = w.nextInFocusChain()
    return list(dict.fromkeys(names))


def test_tab_order_follows_the_page_top_down(qtbot, complete_case) -> None:
    services, case_id, _ = complete_case
    wizard = AgreementWizard(services, case_id)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.page_participants
    click(qtbot, page.persons.add_button)  # rows added later must still come before what follows
    order = tab_sequence(page)
    expected = ["Vorname (Person 1)", "Nachname (Person 1)", "Geburtsdatum (Person 1)", "Vorname (Person 4)",
                "Person hinzufügen", "Name (Wer hilft der Familie schon 1)", "Name (Jugendamt 1)",
                "Name (Fachkraft 1)", "Name (Weitere Fachstellen 1)"]
    positions = [order.index(name) for name in expected]
    assert positions == sorted(positions), order
