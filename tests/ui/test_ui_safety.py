"""Nothing typed is lost silently, and nothing frozen changes without the user asking for it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard

from kooperation_desktop.domain.model import AgreementStatus
from kooperation_desktop.domain.wizard import Step
from ui import dialogs
from ui.main_window import MainWindow
from ui.wizard.wizard import AgreementWizard

pytestmark = pytest.mark.gui


def test_closing_with_input_that_cannot_be_saved_asks_first(qtbot, services, monkeypatch):
    case = services.cases.create("Familie Nurrolle")
    wizard = AgreementWizard(services, case.id)
    qtbot.addWidget(wizard)
    wizard.show()
    persons = wizard.page_participants.persons
    qtbot.keyClicks(persons.widget(0, "family_role"), "Mutter")  # no name: cannot be saved
    qtbot.keyClicks(persons.widget(0, "birth_date").line, "31.02.1991")  # no such day
    asked: list[list[str]] = []
    monkeypatch.setattr(dialogs, "ask_discard", lambda parent, messages: asked.append(messages) or False)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CancelButton), Qt.MouseButton.LeftButton)
    assert wizard.isVisible()  # "Weiter bearbeiten": the wizard stays open
    assert asked and any("Vornamen" in m for m in asked[0]) and any("TT.MM.JJJJ" in m for m in asked[0])
    assert wizard.page_participants.problems.isVisible()
    assert persons.widget(0, "family_role").text() == "Mutter"  # still there to be completed

    monkeypatch.setattr(dialogs, "ask_discard", lambda parent, messages: True)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CancelButton), Qt.MouseButton.LeftButton)
    assert not wizard.isVisible()


def test_editing_a_final_version_asks_before_making_a_new_one(qtbot, complete_case, monkeypatch, tmp_path):
    services, case_id, agreement_id = complete_case
    services.agreements.finalise(agreement_id)
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    window.refresh(select_id=case_id)
    monkeypatch.setattr(dialogs, "ask_new_version", lambda parent, version: False)
    assert window.edit_agreement() is None
    assert [a.version for a in services.cases.get(case_id).agreements] == [1]

    monkeypatch.setattr(dialogs, "ask_new_version", lambda parent, version: True)
    wizard = window.edit_agreement()
    assert wizard is not None and wizard.agreement.version == 2
    wizard.close()
    QApplication.processEvents()
    statuses = {a.version: a.status for a in services.cases.get(case_id).agreements}
    assert statuses == {1: AgreementStatus.FINAL, 2: AgreementStatus.DRAFT}
    # "PDF exportieren" prints the valid, final version 1, not the new draft
    assert window.case_view.agreement_to_print().version == 1


def test_a_refused_revocation_is_not_reported_as_done(qtbot, complete_case, monkeypatch):
    import datetime as dt

    services, case_id, _agreement_id = complete_case
    wizard = AgreementWizard(services, case_id)
    qtbot.addWidget(wizard)
    wizard.show()
    while wizard.current_step() != Step.CONSENT:
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    page = wizard.page_consent
    page.recorded.selectRow(0)
    monkeypatch.setattr(dialogs, "ask_revocation",
                        lambda parent, what: dialogs.Revocation(on=dt.date(2000, 1, 1), note=""))
    page.revoke_selected()
    text = page.revoke_warning.text()
    assert "Nicht widerrufen" in text and "widerrufen am" not in text
    assert all(c.revoked_on is None for c in services.cases.get(case_id).consents)
