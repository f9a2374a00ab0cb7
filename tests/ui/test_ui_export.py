"""One PDF export use case in the window: the menu action, the button, Ctrl+P, the preview's
„Speichern…“ and „Zum Unterschreiben drucken…“ all save a finalised version SEALED and a draft
plain (ENTWURF); the main window has no second, unsealed export path."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from kooperation_desktop.signing.service import ExportResult, SigningService
from ui import dialogs as app_dialogs
from ui.main_window import MainWindow
from ui.signing import dialogs as signing_dialogs

pytestmark = pytest.mark.gui

ORG = "Familienhilfe Lindenhof e. V."
PASSWORD = "siegel-passwort-1"


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(str(path)).pages).split())


def _window(qtbot, services, case_id: int, tmp_path: Path, monkeypatch) -> tuple[MainWindow, list[Path]]:
    """The window on ``case_id``; every save dialog answers the next numbered file, listed."""
    monkeypatch.setattr(signing_dialogs, "ask_seal_setup", lambda parent: signing_dialogs.SealSetup(ORG, PASSWORD))
    asked: list[Path] = []
    numbers = itertools.count(1)

    def ask_save_path(_parent, _suggested: Path) -> Path:
        asked.append(tmp_path / f"export-{next(numbers)}.pdf")
        return asked[-1]

    monkeypatch.setattr(app_dialogs, "ask_save_path", ask_save_path)
    w = MainWindow(services)
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)  # shortcuts reach the active window only
    w.refresh(select_id=case_id)
    return w, asked


def _every_export_path(qtbot, w: MainWindow, asked: list[Path]) -> list[str]:
    """Save through every way the window offers; the names of the ways, in order."""
    ways: list[str] = []

    def done(way: str) -> None:
        ways.append(way)
        assert len(asked) == len(ways) and asked[-1].exists(), f"{way}: nothing saved"

    assert w.export_action.shortcut() == QKeySequence("Ctrl+E")  # issue 13: Ctrl+E exports, Ctrl+P prints
    qtbot.keyClick(w, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    done("Strg+E")
    w.export_action.trigger()
    done("Menü „PDF exportieren…“")
    qtbot.mouseClick(w.export_button, Qt.MouseButton.LeftButton)
    done("Knopf „PDF exportieren…“")
    MainWindow.export_pdf(w)  # the class's own method: no dead, unsealed export behind it
    done("MainWindow.export_pdf")
    w.preview_action.trigger()
    dialog = w.preview.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    done("Vorschau „Speichern…“")
    dialog.close_button.click()
    QApplication.processEvents()
    return ways


def test_every_export_of_a_final_version_is_sealed(qtbot, complete_case, tmp_path: Path, monkeypatch) -> None:
    services, case_id, agreement_id = complete_case
    services.agreements.finalise(agreement_id)
    w, asked = _window(qtbot, services, case_id, tmp_path, monkeypatch)
    ways = _every_export_path(qtbot, w, asked)
    opened: list[Path] = []
    monkeypatch.setattr(signing_dialogs, "open_externally", lambda path: opened.append(path) or True)
    w.signing_controller.print_action.trigger()
    ways.append("Zum Unterschreiben drucken")
    assert len(asked) == len(ways) and opened == asked[-1:]
    checker = SigningService(services.db)  # a fresh one: the seal check needs no unlocked key
    for way, path in zip(ways, asked, strict=True):
        data = path.read_bytes()
        assert b"/ByteRange" in data, f"{way}: not sealed"
        assert checker.verify_file(path).ok, way
        assert "ENTWURF" not in pdf_text(path), way
    assert "PDF gespeichert und versiegelt" in w.statusBar().currentMessage()


def test_every_export_of_a_draft_is_plain_and_marked_draft(qtbot, complete_case, tmp_path: Path,
                                                           monkeypatch) -> None:
    services, case_id, _agreement_id = complete_case
    monkeypatch.setattr(signing_dialogs, "ask_seal_password",
                        lambda *_a, **_k: pytest.fail("a draft needs no seal"))
    w, asked = _window(qtbot, services, case_id, tmp_path, monkeypatch)
    ways = _every_export_path(qtbot, w, asked)
    assert len(asked) == len(ways)
    for way, path in zip(ways, asked, strict=True):
        assert b"/ByteRange" not in path.read_bytes(), f"{way}: a draft must not be sealed"
        assert "ENTWURF" in pdf_text(path), way
    assert SigningService(services.db).seal_identity() is None  # no seal set up for a draft


def test_the_window_keeps_its_own_export_method(qtbot, complete_case) -> None:
    """No part replaces a method of the window or hangs attributes onto it."""
    services, _case_id, _agreement_id = complete_case
    w = MainWindow(services)
    qtbot.addWidget(w)
    assert "export_pdf" not in vars(w)
    assert type(w).export_pdf is MainWindow.export_pdf


def test_a_part_works_without_the_main_window(qtbot, complete_case, tmp_path: Path, monkeypatch) -> None:
    """Parts are built from what they need: a case view, a PdfExport and a parent widget."""
    from PySide6.QtWidgets import QWidget

    from ui.case_view import CaseView
    from ui.preview import PreviewController
    from ui.signing.export import PdfExport

    services, case_id, agreement_id = complete_case
    services.agreements.finalise(agreement_id)
    monkeypatch.setattr(signing_dialogs, "ask_seal_setup", lambda parent: signing_dialogs.SealSetup(ORG, PASSWORD))
    out = tmp_path / "teil.pdf"
    monkeypatch.setattr(app_dialogs, "ask_save_path", lambda _parent, _suggested: out)
    parent = QWidget()
    qtbot.addWidget(parent)
    view = CaseView(parent)
    export = PdfExport(SigningService(services.db), parent)
    saved: list[ExportResult] = []
    export.saved.connect(saved.append)
    preview = PreviewController(services, export, view, parent)
    assert preview.open() is None  # no case shown: nothing to preview
    view.show_case(services.cases.get(case_id))
    preview.action.trigger()
    assert preview.dialog is not None
    qtbot.mouseClick(preview.dialog.save_button, Qt.MouseButton.LeftButton)
    assert SigningService(services.db).verify_file(out).ok
    assert len(saved) == 1 and saved[0].sealed and saved[0].path == out
    preview.dialog.close_button.click()
    QApplication.processEvents()
