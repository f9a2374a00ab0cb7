"""Typing in the search field filters the list only; it does not recompute every case's due dates."""

from __future__ import annotations

import pytest

from kooperation_desktop.followup.service import FollowUpService
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def test_filter_keystrokes_do_not_reload_the_due_panel(qtbot, complete_case, monkeypatch):
    services, case_id, _agreement_id = complete_case
    services.cases.create("Familie Иванова")
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


def test_a_keystroke_rebuilds_the_case_view_only_when_the_selected_case_changes(qtbot, complete_case):
    services, case_id, _agreement_id = complete_case
    other = services.cases.create("Familie Nowak").id
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    window.refresh(select_id=case_id)
    shown: list[int | None] = []
    window.case_view.case_shown.connect(lambda c: shown.append(c.id if c is not None else None))
    qtbot.keyClicks(window.filter_edit, "Fam")  # both cases still listed: Çelik stays selected
    window.apply_filter()
    assert window.selected_case_id() == case_id and shown == []
    qtbot.keyClicks(window.filter_edit, "ilie Now")  # Çelik drops out: Nowak is selected and shown, once
    window.apply_filter()
    assert window.selected_case_id() == other and shown == [other]
    assert window.case_view.title.text() == "Familie Nowak"
    window.refresh()  # after an edit elsewhere the case view is rebuilt, once
    assert shown == [other, other]


def test_a_search_without_hits_counts_once_and_reads_no_list(qtbot, complete_case, monkeypatch):
    """A keystroke with no hit costs one count (a scan of the search index), not a walk through
    every case in date order looking for a first page; a few hits are read with the count given."""
    from kooperation_desktop.usecases.cases import CaseService

    services, case_id, _agreement_id = complete_case
    listed: list[tuple[str, int | None]] = []
    original = CaseService.list
    monkeypatch.setattr(CaseService, "list", lambda self, text="", *a, hits=None, **kw: listed.append(
        (text, hits)) or original(self, text, *a, hits=hits, **kw))
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    listed.clear()
    qtbot.keyClicks(window.filter_edit, "niemand")
    window.apply_filter()
    assert window.model.rowCount() == 0 and window.no_hits_label.isVisibleTo(window)
    assert [call for call in listed if call[0] == "niemand"] == []
    window.filter_edit.clear()
    qtbot.keyClicks(window.filter_edit, "celik")
    window.apply_filter()
    assert window.model.rowCount() == 1 and [call for call in listed if call[0] == "celik"] == [("celik", 1)]
