"""English in the main window's own lists: case list headers and states, the due panel, messages."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from ui.followup import due_panel
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def _window(qtbot, complete_case, monkeypatch) -> MainWindow:
    services, _case_id, agreement_id = complete_case
    services.agreements.finalise(agreement_id)
    start = services.agreements.get(agreement_id).start_date
    monkeypatch.setattr(due_panel, "today", lambda: start + dt.timedelta(days=20))
    window = MainWindow(services)
    qtbot.addWidget(window)
    return window


def _headers(window: MainWindow) -> list[str]:
    model = window.model
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def test_lists_and_due_panel_in_english(qtbot, complete_case, monkeypatch, english) -> None:
    window = _window(qtbot, complete_case, monkeypatch)
    assert _headers(window) == ["Case", "File no.", "Type of help", "Persons", "Agreement", "Last changed"]
    assert window.model.index(0, 4).data() == "finalised, version 1"
    panel = window.followup_panel
    assert panel.title.text().startswith("<b>Due today / overdue: 1</b>")
    texts = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert "overdue (6 days ago) · Familie Çelik · Task: Wochenplan mit der Familie erstellen." in texts
    assert not any(german in t for t in texts for german in ("überfällig", "Aufgabe", "Treffen", "Bericht"))
    assert panel.done_button.text() == "&Done"
    assert window.statusBar().currentMessage() == "All data stays on this device."


def test_lists_and_due_panel_stay_german_by_default(qtbot, complete_case, monkeypatch) -> None:
    window = _window(qtbot, complete_case, monkeypatch)
    assert _headers(window) == ["Fall", "Aktenzeichen", "Hilfeart", "Personen", "Vereinbarung", "Zuletzt geändert"]
    assert window.model.index(0, 4).data() == "abgeschlossen, Version 1"
    texts = [window.followup_panel.list.item(i).text() for i in range(window.followup_panel.list.count())]
    assert "überfällig (seit 6 Tagen) · Familie Çelik · Aufgabe: Wochenplan mit der Familie erstellen." in texts
    assert window.statusBar().currentMessage() == "Alle Daten bleiben auf diesem Gerät."
