"""The due panel of the main window on the due index (the index itself: tests/test_followup_due_index.py)."""

from __future__ import annotations

import datetime as dt

import pytest
import test_followup_due_index as core

pytestmark = pytest.mark.gui
three_cases = core.three_cases  # the fixture: three cases with due items ...
services = core.services  # ... in the data folder it opens


@pytest.mark.gui
def test_panel_shows_the_oldest_items_and_counts_all(qtbot, three_cases, services, monkeypatch) -> None:
    from ui.followup import due_panel
    from ui.main_window import MainWindow

    follow, _ids = three_cases
    late = dt.date.today() + dt.timedelta(days=400)
    monkeypatch.setattr(due_panel, "today", lambda: late)
    monkeypatch.setattr(due_panel, "SHOWN_LIMIT", 2)
    window = MainWindow(services)
    qtbot.addWidget(window)
    panel = window.followup_panel
    whole = follow.due_items(late)
    assert len(whole) > 2
    texts = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert texts[:2] == [due_panel.item_text(i, late) for i in whole[:2]]
    assert texts[2] == f"… und {len(whole) - 2} weitere (gezeigt werden die 2 ältesten)"
    assert f"Heute fällig / überfällig: {sum(i.due_on <= late for i in whole)}" in panel.title.text()
    panel.list.setCurrentRow(2)  # the note is not an item to open or mark
    assert panel.selected_item() is None and not panel.done_button.isEnabled()
