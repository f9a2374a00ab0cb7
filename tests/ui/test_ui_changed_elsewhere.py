"""The wizard shows "changed elsewhere, reload" when its copy of the draft is older than what is
stored (issue 11), instead of overwriting the newer text or failing with a traceback."""

from __future__ import annotations

import pytest

from kooperation_desktop.services import CHANGED_ELSEWHERE, Services
from ui.wizard.wizard import AgreementWizard

pytestmark = pytest.mark.gui


def test_wizard_autosave_of_a_stale_draft_shows_the_message(qtbot, complete_case) -> None:
    services: Services = complete_case[0]
    case_id, agreement_id = complete_case[1], complete_case[2]
    wizard = AgreementWizard(services, case_id)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.page_tasks
    page.initializePage()
    elsewhere = services.agreements.get(agreement_id)  # e.g. a second window on the same draft
    elsewhere.mandate = "Auftrag, anderswo gespeichert"
    services.agreements.update(elsewhere)

    page.mandate.setFocus()
    page.mandate.setPlainText("Auftrag im Assistenten, auf altem Stand")
    # The autosave timer saves what was typed; on a slow machine it may fire before any explicit
    # save, so the test waits for the message the user sees instead of racing the timer.
    qtbot.waitUntil(lambda: CHANGED_ELSEWHERE in page.problems.messages(), timeout=10_000)
    assert services.agreements.get(agreement_id).mandate == "Auftrag, anderswo gespeichert"
