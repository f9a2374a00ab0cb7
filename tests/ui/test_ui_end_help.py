"""„Hilfe beenden…“ in the window: the menu action and the button of the signing panel mark the
final or signed version as ended, after asking; a draft cannot be ended."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from kooperation_desktop.domain.model import AgreementStatus
from ui.main_window import MainWindow
from ui.signing import dialogs

pytestmark = pytest.mark.gui


def open_window(qtbot, services, case_id: int) -> MainWindow:
    w = MainWindow(services)
    qtbot.addWidget(w)
    w.show()
    w.refresh(select_id=case_id)
    return w


def status_column(w: MainWindow) -> list[str]:
    table = w.case_view.agreements
    return [table.item(r, 1).text() for r in range(table.rowCount())]


def answer(monkeypatch: pytest.MonkeyPatch, yes: bool) -> list[int]:
    """Answer „Die Hilfe beenden?“ with yes/no; the list collects the versions asked about."""
    asked: list[int] = []

    def ask(parent, version: int) -> bool:
        asked.append(version)
        return yes

    monkeypatch.setattr(dialogs, "ask_end_help", ask)
    return asked


def test_a_draft_cannot_be_ended(qtbot, complete_case) -> None:
    services, case_id, _agreement_id = complete_case
    w = open_window(qtbot, services, case_id)
    assert w.end_help_action in w.signing_menu.actions()
    assert not w.end_help_action.isEnabled()
    assert not w.signing_panel.end_button.isEnabled()
    w.case_view.show_page(w.case_view.AGREEMENT)  # the signing panel is on the page „Vereinbarung“
    assert w.signing_panel.end_button.isVisibleTo(w)


def test_answering_no_changes_nothing(qtbot, complete_case, monkeypatch) -> None:
    services, case_id, agreement_id = complete_case
    services.agreements.finalise(agreement_id)
    w = open_window(qtbot, services, case_id)
    assert w.end_help_action.isEnabled() and w.signing_panel.end_button.isEnabled()
    asked = answer(monkeypatch, yes=False)
    w.end_help_action.trigger()
    assert asked == [1]
    assert services.cases.get(case_id).agreements[0].status == AgreementStatus.FINAL
    assert status_column(w) == ["abgeschlossen"]
    assert w.end_help_action.isEnabled()


def test_answering_yes_ends_the_help(qtbot, complete_case, monkeypatch) -> None:
    services, case_id, agreement_id = complete_case
    services.agreements.finalise(agreement_id)
    w = open_window(qtbot, services, case_id)
    asked = answer(monkeypatch, yes=True)
    qtbot.mouseClick(w.signing_panel.end_button, Qt.MouseButton.LeftButton)
    assert asked == [1]
    assert services.cases.get(case_id).agreements[0].status == AgreementStatus.ENDED
    assert status_column(w) == ["beendet"]
    assert "beendet" in w.statusBar().currentMessage()
    assert "beendet" in w.signing_panel.state.text()
    assert not w.end_help_action.isEnabled()
    assert not w.signing_panel.end_button.isEnabled()
    assert not w.signing_panel.sign_button.isEnabled()  # an ended version is not signed any more


def test_only_the_selected_frozen_version_can_be_ended(qtbot, complete_case, monkeypatch) -> None:
    """With a new draft (version 2) next to the final version 1: selecting the draft disables the
    action, selecting version 1 enables it, and only version 1 is ended."""
    services, case_id, agreement_id = complete_case
    services.agreements.finalise(agreement_id)
    services.agreements.new_version(agreement_id)
    w = open_window(qtbot, services, case_id)
    table = w.case_view.agreements
    assert status_column(w) == ["Entwurf", "abgeschlossen"]
    assert w.end_help_action.isEnabled()  # nothing selected: the newest finalised version
    select = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    table.selectionModel().select(table.model().index(0, 0), select)
    assert not w.end_help_action.isEnabled() and not w.signing_panel.end_button.isEnabled()
    table.selectionModel().select(table.model().index(1, 0), select)
    assert w.end_help_action.isEnabled() and w.signing_panel.end_button.isEnabled()
    asked = answer(monkeypatch, yes=True)
    w.end_help_action.trigger()
    assert asked == [1]
    assert [a.status for a in services.cases.get(case_id).agreements] == [AgreementStatus.DRAFT,
                                                                         AgreementStatus.ENDED]
    assert status_column(w) == ["Entwurf", "beendet"]


def test_the_core_refusal_is_shown_in_german(qtbot, complete_case, monkeypatch) -> None:
    """Ended meanwhile (e.g. in a second window): the core's German message, no traceback."""
    services, case_id, agreement_id = complete_case
    services.agreements.finalise(agreement_id)
    w = open_window(qtbot, services, case_id)
    answer(monkeypatch, yes=True)
    w.signing.end(agreement_id)  # behind the window's back
    shown: list[str] = []
    from ui import dialogs as app_dialogs
    monkeypatch.setattr(app_dialogs, "show_rule_violation",
                        lambda parent, exc, title="": shown.extend(p.message for p in exc.problems))
    w.end_help_action.trigger()
    assert shown == ["Version 1 ist beendet und kann nicht beendet werden."]
    assert status_column(w) == ["beendet"]
    assert not w.end_help_action.isEnabled()


def test_end_help_speaks_english(qtbot, english, complete_case) -> None:
    services, case_id, agreement_id = complete_case
    services.agreements.finalise(agreement_id)
    w = open_window(qtbot, services, case_id)
    assert w.end_help_action.text() == "End he&lp…"
    assert w.signing_panel.end_button.text() == "End he&lp…"
    assert w.end_help_action.isEnabled()
