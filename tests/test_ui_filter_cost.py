"""Typing in the search field filters the list only; it does not recompute every case's due dates."""

from __future__ import annotations

import pytest

from kooperation_desktop.followup.service import FollowUpService
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def test_filter_keystrokes_do_not_reload_the_due_panel(qtbot, complete_case, monkeypatch):
    services, case_id, _agreement_id = complete_case
    services.create_case("Familie Иванова")
    calls: list[int] = []
    original = FollowUpService.due_items
    monkeypatch.setattr(FollowUpService, "due_items",
                        lambda self, *a, **kw: calls.append(1) or original(self, *a, **kw))
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    before = len(calls)
    qtbot.keyClicks(window.filter_edit, "Ivan")
    window.apply_filter()  # what the typing timer calls
    assert window.model.rowCount() == 0  # the filter is German-/Cyrillic-aware: "Ivan" ≠ "Иванова"
    window.filter_edit.clear()
    qtbot.keyClicks(window.filter_edit, "Çel")
    window.apply_filter()
    assert window.model.rowCount() == 1
    assert len(calls) == before  # the list was filtered, the due panel was left alone
    window.refresh()  # after an edit
    assert len(calls) == before + 1
