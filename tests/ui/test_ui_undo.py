"""'Entfernen' in the wizard can be taken back with 'Rückgängig' (or Ctrl+Z)."""

from __future__ import annotations

import pytest
from helpers import GOAL_WORDS, INDICATOR_TEXT, INFORMAL, TASK_PARTNER
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard

from kooperation_desktop.domain.wizard import Step
from ui.wizard.wizard import AgreementWizard

pytestmark = pytest.mark.gui


def open_at(qtbot, services, case_id, step: Step) -> AgreementWizard:
    wizard = AgreementWizard(services, case_id)
    qtbot.addWidget(wizard)
    wizard.show()
    while wizard.current_step() != step:
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
        QApplication.processEvents()
    return wizard


def test_removed_partner_comes_back_with_consent_and_task(qtbot, complete_case):
    services, case_id, agreement_id = complete_case
    wizard = open_at(qtbot, services, case_id, Step.PARTICIPANTS)
    page = wizard.page_participants
    informal = page.informal
    row = next(r for r in range(informal.row_count()) if informal.widget(r, "name").text() == INFORMAL)
    qtbot.mouseClick(informal.remove_button(row), Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert page.undo_bar.isVisible()
    assert INFORMAL in page.undo_bar.label.text() and "entfernt" in page.undo_bar.label.text()
    assert TASK_PARTNER not in {t.what for t in services.agreements.get(agreement_id).tasks}

    qtbot.mouseClick(page.undo_bar.undo_button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert not page.undo_bar.isVisible()
    names = [informal.widget(r, "name").text() for r in range(informal.row_count())]
    assert INFORMAL in names
    assert TASK_PARTNER in {t.what for t in services.agreements.get(agreement_id).tasks}
    assert services.agreements.check(agreement_id) == []  # consent, role and task are all back


def test_ctrl_z_brings_back_a_goal_with_its_indicator(qtbot, complete_case):
    services, case_id, agreement_id = complete_case
    wizard = open_at(qtbot, services, case_id, Step.GOALS)
    page = wizard.page_goals
    goals = page.goals
    row = next(r for r in range(goals.row_count())
               if goals.widget(r, "client_words").toPlainText() == GOAL_WORDS)
    qtbot.mouseClick(goals.remove_button(row), Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert GOAL_WORDS not in {g.client_words for g in services.agreements.get(agreement_id).goals}
    page.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    agreement = services.agreements.get(agreement_id)
    goal = next(g for g in agreement.goals if g.client_words == GOAL_WORDS)
    assert [i.description for i in goal.indicators] == [INDICATOR_TEXT]
    assert GOAL_WORDS in [goals.widget(r, "client_words").toPlainText() for r in range(goals.row_count())]
