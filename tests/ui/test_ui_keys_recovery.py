"""The recovery key in the window: shown until it is confirmed as noted (the keys themselves:
tests/test_keys_recovery.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_keys_recovery import PASSWORD, _confirmed

from kooperation_desktop.protection import vault

pytestmark = pytest.mark.gui


@pytest.mark.gui
def test_the_window_shows_the_recovery_key_until_it_is_confirmed(qtbot, tmp_path: Path, monkeypatch) -> None:
    from ui.protection import dialogs, open_services

    data = tmp_path / "daten"
    shown: list[str] = []
    answers = iter([False, True])  # closed without confirming, then "Ich habe ihn ausgedruckt / notiert"
    monkeypatch.setattr(dialogs, "ask_new_password", lambda _p, migrating=False: PASSWORD)
    monkeypatch.setattr(dialogs, "show_recovery_key", lambda _p, key: shown.append(key) or next(answers))
    monkeypatch.setattr(dialogs, "ask_unlock", lambda _p, attempt: attempt(PASSWORD) is None)
    for _start in range(3):
        services = open_services(data)
        assert services is not None
        services.close()
    assert len(shown) == 2 and shown[0] != shown[1]  # shown again (a new one) until confirmed
    assert vault.check_passphrase(data, shown[1]) and not vault.check_passphrase(data, shown[0])


@pytest.mark.gui
def test_a_recovery_key_renewed_in_the_menu_counts_as_noted_only_when_confirmed(qtbot, services,
                                                                                 monkeypatch) -> None:
    from ui.main_window import MainWindow
    from ui.protection import dialogs
    from ui.protection import menu as protection_menu

    window = MainWindow(services)
    qtbot.addWidget(window)
    answers = iter([False, True])
    monkeypatch.setattr(protection_menu, "ask_password", lambda *_a: PASSWORD)
    monkeypatch.setattr(dialogs, "show_recovery_key", lambda _p, key: next(answers))
    first = window.protection.renew_recovery()
    assert first and not _confirmed(services.data_dir)  # closed without confirming
    second = window.protection.renew_recovery()
    assert second and second != first and _confirmed(services.data_dir)
    assert vault.check_passphrase(services.data_dir, second)
