"""Team mode (issue 14): a worker covering a colleague's case (holiday cover, „Fall übernehmen“) may not
delete anything of it on the server (only the case's own team deletes). In the wizard the „Entfernen“
buttons of such a case are disabled and say why, instead of taking a row away that the next sync would
bring back with a note; „Löschen…“ of a review or reflection likewise. The own team's cases keep them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from helpers import build_complete_case
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from sqlalchemy import update
from team_helpers import laptop

from kooperation_desktop.domain.wizard import Step
from kooperation_desktop.followup.service import FollowUpService
from kooperation_desktop.services import Services
from kooperation_desktop.storage.rows import CaseRow
from ui.main_window import MainWindow
from ui.wizard.wizard import AgreementWizard

pytestmark = pytest.mark.gui

COVER = "Als Vertretung können Sie hier nichts entfernen; das darf die zuständige Fachkraft."


def _remove_buttons(wizard: AgreementWizard) -> dict[Step, list[QPushButton]]:
    """The „Entfernen“ buttons of every step with rows, the wizard walked through step by step."""
    found: dict[Step, list[QPushButton]] = {}
    while True:
        step = wizard.current_step()
        page = wizard.currentPage()
        buttons = [b for b in page.findChildren(QPushButton) if b.text() in ("Entfernen", "Indikator entfernen")]
        if buttons:
            found[step] = buttons
        if step == Step.OVERVIEW:
            return found
        wizard.next()
        QApplication.processEvents()


def _wizard(qtbot, services: Services, case_id: int) -> AgreementWizard:
    wizard = AgreementWizard(services, case_id)
    qtbot.add_widget(wizard)
    wizard.show()
    qtbot.wait_exposed(wizard)
    return wizard


@pytest.mark.parametrize("covered", [True, False])
def test_entfernen_is_off_in_a_covered_case(qtbot, tmp_path: Path, covered: bool) -> None:
    services = laptop(tmp_path / "data", "postgresql://anna@127.0.0.1:1/kd", "anna")
    try:
        case_id, agreement_id = build_complete_case(services)
        if covered:  # assigned to this laptop's login for holiday cover
            with services.db.transaction() as s:
                s.execute(update(CaseRow).where(CaseRow.id == case_id).values(assigned_to="anna"))
        persons = len(services.cases.get(case_id).persons)
        wizard = _wizard(qtbot, services, case_id)
        found = _remove_buttons(wizard)
        assert set(found) == {Step.PARTICIPANTS, Step.GOALS, Step.INDICATORS, Step.TASKS, Step.COMMUNICATION}
        buttons = [b for step_buttons in found.values() for b in step_buttons]
        if covered:
            assert all(not b.isEnabled() and b.toolTip() == COVER for b in buttons)
        else:
            assert all(b.isEnabled() and b.toolTip() != COVER for b in buttons)
        wizard.close()

        wizard = _wizard(qtbot, services, case_id)  # a click on the first person's „Entfernen“
        wizard.go_to_step(Step.PARTICIPANTS)
        QApplication.processEvents()
        qtbot.mouseClick(wizard.page_participants.persons.remove_button(0), Qt.MouseButton.LeftButton)
        QApplication.processEvents()
        assert len(services.cases.get(case_id).persons) == (persons if covered else persons - 1)
        assert services.agreements.get(agreement_id).goals  # (the agreement is still there)
        wizard.close()
    finally:
        services.close()


@pytest.mark.parametrize("covered", [True, False])
def test_a_review_of_a_covered_case_cannot_be_deleted(qtbot, tmp_path: Path, covered: bool) -> None:
    services = laptop(tmp_path / "data", "postgresql://anna@127.0.0.1:1/kd", "anna")
    try:
        case_id, agreement_id = build_complete_case(services)
        services.agreements.finalise(agreement_id)
        follow = FollowUpService(services.db)
        review = follow.new_review(case_id, dt.date(2027, 3, 1))
        review.ratings[0].client_value, review.ratings[0].professional_value = 1, 0
        follow.save_review(review)
        if covered:
            with services.db.transaction() as s:
                s.execute(update(CaseRow).where(CaseRow.id == case_id).values(assigned_to="anna"))
        window = MainWindow(services)
        qtbot.add_widget(window)
        window.show()
        window.refresh(select_id=case_id)
        section = window.followup_section
        section.table.selectRow(0)
        assert section.edit_button.isEnabled()  # changing stays possible
        assert section.delete_button.isEnabled() is not covered
        assert (section.delete_button.toolTip() == COVER) is covered
        window.close()
    finally:
        services.close()
