"""The "Überblick" step (issue 13): finalising asks first and says what freezing means; afterwards
the checksum shows once and the next steps follow; each missing item jumps to its step and field;
the last page's closing button reads "Schließen", not like finalising."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QWizard

from kooperation_desktop.domain.model import AgreementStatus
from kooperation_desktop.domain.wizard import Step
from ui import dialogs
from ui.i18n import install_german_qt_texts
from ui.wizard.wizard import AgreementWizard

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def german_qt(qapp: QApplication) -> None:
    install_german_qt_texts(qapp)


def open_overview(qtbot, services, case_id: int) -> AgreementWizard:
    wizard = AgreementWizard(services, case_id)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.go_to_step(Step.OVERVIEW)
    assert wizard.current_step() == Step.OVERVIEW
    return wizard


def shown_texts(wizard: AgreementWizard) -> list[str]:
    page = wizard.page_overview
    return [w.text() for w in page.findChildren(QLabel) if w.isVisibleTo(page) and w.text()]


def test_finalising_asks_first_then_shows_the_checksum_once_and_the_next_steps(
        qtbot, complete_case, monkeypatch) -> None:
    services, case_id, agreement_id = complete_case
    wizard = open_overview(qtbot, services, case_id)
    page = wizard.page_overview
    asked: list[int] = []
    answer = [False]
    monkeypatch.setattr(dialogs, "ask_finalise", lambda _p, version: asked.append(version) or answer[0])

    page.finalise_button.click()  # "Noch nicht": nothing is frozen
    assert asked == [1]
    assert services.agreements.get(agreement_id).status == AgreementStatus.DRAFT
    assert not page.next_steps.isVisibleTo(page)

    answer[0] = True
    page.finalise_button.click()
    frozen = services.agreements.get(agreement_id)
    assert frozen.status != AgreementStatus.DRAFT
    checksum = frozen.content_hash[:16]
    assert sum(checksum in text for text in shown_texts(wizard)) == 1, shown_texts(wizard)
    assert page.next_steps.isVisibleTo(page)
    assert page.preview_button.text() == "1. &Vorschau && drucken…" and page.sign_button.text() == "2. &Unterschreiben…"
    assert "Nächste Schritte:" in shown_texts(wizard)
    assert not page.finalise_hint.isVisibleTo(page)
    requested: list[str] = []
    page.next_step_requested.connect(requested.append)
    page.sign_button.click()
    assert requested == ["sign"]


def test_the_confirmation_says_what_freezing_means(qtbot) -> None:
    box = dialogs.finalise_question(None, 2)
    qtbot.addWidget(box)
    text = box.text()
    assert text.startswith("Version 2 wird jetzt eingefroren")
    assert "nicht mehr geändert werden" in text and "neue Version" in text and "Prüfsumme" in text
    assert [b.text() for b in box.buttons()] == ["Abschließen", "Noch nicht"]
    assert box.defaultButton().text() == "Abschließen"


def test_the_last_page_closes_with_schliessen(qtbot, complete_case) -> None:
    services, case_id, _aid = complete_case
    wizard = open_overview(qtbot, services, case_id)
    assert wizard.button(QWizard.WizardButton.FinishButton).text() == "&Schließen"
    assert wizard.button(QWizard.WizardButton.FinishButton).isVisible()
    assert not wizard.button(QWizard.WizardButton.CancelButton).isVisible()  # one closing button only
    assert "Fertig" not in [wizard.button(b).text().replace("&", "") for b in
                            (QWizard.WizardButton.FinishButton, QWizard.WizardButton.NextButton)]


def test_each_missing_item_jumps_to_its_step_and_field(qtbot, complete_case) -> None:
    services, case_id, agreement_id = complete_case
    agreement = services.agreements.get(agreement_id)
    agreement.mandate = ""
    services.agreements.update(agreement)
    indicator = services.agreements.get(agreement_id).goals[1].indicators[0]
    indicator.target = None
    services.parties.save(indicator)
    wizard = open_overview(qtbot, services, case_id)
    page = wizard.page_overview
    items = {page.missing.item(i).data(0x0100): page.missing.item(i) for i in range(page.missing.count())}
    assert set(items) == {"mandate", "goals[1].indicators[0].target"}
    assert "#a4000f" not in page.missing.styleSheet()  # links, not a wall of red

    page.missing.itemActivated.emit(items["mandate"])  # Enter / a click on the item
    assert wizard.current_step() == Step.TASKS
    assert wizard.focusWidget() is wizard.page_tasks.mandate

    wizard.go_to_step(Step.OVERVIEW)
    items = {page.missing.item(i).data(0x0100): page.missing.item(i) for i in range(page.missing.count())}
    page.missing.itemClicked.emit(items["goals[1].indicators[0].target"])
    assert wizard.current_step() == Step.INDICATORS
    indicators = wizard.page_indicators
    assert indicators.goal_combo.currentIndex() == 1
    assert wizard.focusWidget() is indicators.boxes[0].target
