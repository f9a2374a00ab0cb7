"""One opener per data folder, as the window shows it (the lock itself: tests/test_folder_lock.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kooperation_desktop.services import Services

pytestmark = pytest.mark.gui
PASSWORD = os.environ["KOOPERATION_PASSPHRASE"]


@pytest.mark.gui
def test_a_second_window_says_the_data_are_open_before_asking_for_the_password(qtbot, tmp_path: Path,
                                                                                monkeypatch) -> None:
    from ui.protection import dialogs, open_services, startup

    data = tmp_path / "daten"
    messages: list[str] = []
    monkeypatch.setattr(startup, "show_error", lambda _p, text, _t="": messages.append(text))
    monkeypatch.setattr(dialogs, "ask_unlock", lambda *_a: pytest.fail("no password asked"))
    first = Services.open(data, PASSWORD)
    try:
        assert open_services(data) is None
    finally:
        first.close()
    assert len(messages) == 1 and messages[0].startswith(f"Die Daten in „{data}“ sind bereits geöffnet (von ")
    monkeypatch.setattr(dialogs, "ask_unlock", lambda _p, attempt: attempt(PASSWORD) is None)
    monkeypatch.setattr(dialogs, "show_recovery_key", lambda _p, key: True)  # set up here, never shown yet
    again = open_services(data)  # once the other one is closed, the window opens
    assert again is not None
    again.close()
