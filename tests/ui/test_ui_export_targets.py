"""The window shows an export's refusal to write over a file of the data folder (issue 12); the core
refusals themselves: tests/test_export_targets.py."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import test_export_targets as core
from test_export_targets import REFUSED_FILE, SEAL_PASSWORD, _targets

from kooperation_desktop.services import Services

pytestmark = pytest.mark.gui
folders = core.folders  # the fixture: a data folder with every kind of link into it, and a folder outside


@pytest.mark.gui
def test_the_window_shows_the_refusal(qtbot, folders, monkeypatch) -> None:
    from ui import dialogs as app_dialogs
    from ui.main_window import MainWindow
    from ui.protection import menu as ui_protection
    from ui.signing import dialogs as signing_dialogs

    data, outside = folders
    _targets(data, outside)  # the links outside
    db, keys = data / "kooperation.sqlite", data / "kooperation.keys"
    keys_before, link_before = keys.read_bytes(), os.readlink(outside / "symlink.pdf")
    shown: list[str] = []
    monkeypatch.setattr(app_dialogs, "show_error", lambda _p, text, _t="": shown.append(text))
    monkeypatch.setattr(ui_protection, "show_error", lambda _p, text, *_a: shown.append(text))
    monkeypatch.setattr(signing_dialogs, "unlock_seal", lambda _p, signing: signing.unlock(SEAL_PASSWORD) or True)
    with Services.open(data) as services:
        window = MainWindow(services)
        qtbot.addWidget(window)
        window.show()
        window.refresh(select_id=services.cases.list()[0].id)
        monkeypatch.setattr(app_dialogs, "ask_save_path", lambda _p, _s: db)
        assert window.export_pdf() is None
        monkeypatch.setattr(ui_protection, "ask_backup_target", lambda _p: data / "kooperation.keys")
        assert window.protection.create_backup() is None
        monkeypatch.setattr(ui_protection, "ask_person", lambda _p, _names: 0)
        monkeypatch.setattr(ui_protection, "ask_export_target", lambda _p, _s: outside / "symlink.pdf")
        assert window.protection.export_person() is None
        window.close()
    assert len(shown) == 3, shown
    assert all(REFUSED_FILE in text for text in shown), shown
    # (the window itself writes to the database while open, so compare what the exports aimed at)
    assert keys.read_bytes() == keys_before and os.readlink(outside / "symlink.pdf") == link_before
    with Services.open(data) as again:
        assert [c.title for c in again.cases.list()] == ["Familie Çelik"]


@pytest.mark.gui
def test_print_to_file_from_the_preview_is_refused_over_the_database(qtbot, complete_case, monkeypatch) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from ui import dialogs as app_dialogs
    from ui import preview
    from ui.main_window import MainWindow

    services, case_id, _agreement_id = complete_case
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.refresh(select_id=case_id)
    dialog = window.preview.open()
    assert dialog is not None
    qtbot.addWidget(dialog)
    db = Path(services.data_dir) / "kooperation.sqlite"
    before = db.read_bytes()

    def print_to_the_database(_parent, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(db))
        return True

    shown: list[str] = []
    monkeypatch.setattr(preview, "ask_print", print_to_the_database)
    monkeypatch.setattr(app_dialogs, "show_error", lambda _p, text, _t="": shown.append(text))
    assert dialog.print_document() == 0
    assert shown == [f"„{db}“ {REFUSED_FILE}"]
    assert db.read_bytes() == before
