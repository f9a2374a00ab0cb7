"""Everyday use: the family view (large type) and the PDF preview with printing and saving."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from helpers import GOAL_WORDS, NO_CONSENT, TASK_PARTNER
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QLabel

from kooperation_desktop.pdf.render import render_agreement_bytes
from ui import dialogs, preview
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, complete_case) -> MainWindow:
    services, _cid, _aid = complete_case
    w = MainWindow(services)
    qtbot.addWidget(w)
    w.show()
    return w


def texts(view) -> str:
    return " ".join(" ".join(view.texts()).split())


def test_family_view_shows_goals_tasks_and_meetings_in_large_type(qtbot, window: MainWindow) -> None:
    window.family_view_action.trigger()
    view = window.family.view
    qtbot.waitExposed(view)
    shown = texts(view)
    assert GOAL_WORDS in shown and TASK_PARTNER in shown
    assert "Wer macht was bis wann?" in shown and "Kleidung am Vorabend bereitlegen." in shown
    assert "Wann sehen wir uns?" in shown and "alle zwei Wochen" in shown
    assert NO_CONSENT not in shown
    goal = next(lb for lb in view.findChildren(QLabel) if GOAL_WORDS in lb.text())
    assert goal.font().pointSizeF() >= 18
    # read-only: nothing to type into
    assert not [w for w in view.findChildren(QLabel) if w.textInteractionFlags() & Qt.TextInteractionFlag.TextEditable]


def test_family_view_full_screen_with_f11_and_closes_with_escape(qtbot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    view = window.family.view
    qtbot.waitExposed(view)
    assert not view.isFullScreen()
    qtbot.keyClick(view, Qt.Key.Key_F11)
    assert view.windowState() & Qt.WindowState.WindowFullScreen
    qtbot.keyClick(view, Qt.Key.Key_F11)
    assert not view.windowState() & Qt.WindowState.WindowFullScreen
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not view.isVisible())


def test_family_view_without_agreement_says_so(qtbot, services, monkeypatch) -> None:
    services.cases.create("Familie Neu")
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, text, _t="": shown.append(text))
    w = MainWindow(services)
    qtbot.addWidget(w)
    assert w.family.open() is None
    assert shown == ["Für diesen Fall gibt es noch keine Vereinbarung."]


def test_preview_shows_every_page_prints_and_saves(qtbot, window: MainWindow, tmp_path: Path,
                                                   monkeypatch) -> None:
    services = window.services
    case = services.cases.get(window.selected_case_id())
    document = services.agreements.document(case.agreements[0].id)
    expected_pages = len(PdfReader(io.BytesIO(render_agreement_bytes(*document))).pages)

    window.preview_action.trigger()
    dialog = window.preview.dialog
    qtbot.waitExposed(dialog)
    assert len(dialog.page_labels) == expected_pages >= 2
    first = dialog.page_labels[0].pixmap()
    assert first.width() > 600 and first.height() > first.width()  # an A4 page, portrait
    assert dialog.info.text() == f"{expected_pages} Seiten"

    # printing: the print dialog is replaced by a PDF printer (as "print to file" would do)
    printed = tmp_path / "gedruckt.pdf"

    def fake_ask_print(_parent, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return True

    monkeypatch.setattr(preview, "ask_print", fake_ask_print)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert len(PdfReader(str(printed)).pages) == expected_pages
    assert dialog.info.text() == f"{expected_pages} Seiten an den Drucker gegeben."

    # cancelling the print dialog prints nothing
    monkeypatch.setattr(preview, "ask_print", lambda _p, _printer: False)
    assert dialog.print_document() == 0

    saved = tmp_path / "gespeichert.pdf"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda _p, _s: saved)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert saved.read_bytes().startswith(b"%PDF-")
    assert GOAL_WORDS in " ".join(" ".join(p.extract_text() for p in PdfReader(str(saved)).pages).split())
    dialog.close_button.click()
    QApplication.processEvents()


def test_english_ui_from_the_shipped_translation(qtbot, qapp, complete_case) -> None:
    from PySide6.QtCore import QLocale

    from ui import i18n, settings

    services, _cid, _aid = complete_case
    assert Path(i18n.qm_path("en")).is_file()
    locale = QLocale()
    translators = i18n.install_language(qapp, "en")
    try:
        assert translators, "kooperation_en.qm did not load"
        w = MainWindow(services)
        qtbot.addWidget(w)
        assert i18n.translate_widget_tree(w) > 5
        menus = [a.text() for a in w.menuBar().actions()]
        assert "&Case" in menus and "&Tools" in menus
        assert w.new_button.text() == "&New case…" and w.filter_edit.placeholderText() == "Search: name, file number …"
        assert w.family_view_action.text() == "&Family view…"
        assert w.preview_action.text() == "Pre&view and print…"
        dialog = settings.SettingsDialog(settings.AppSettings())
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Settings" and dialog.idle.specialValueText() == "never lock"
        w.family_view_action.trigger()
        assert w.family.view.windowTitle() == "Family view"
        assert "What we want to achieve" in w.family.view.texts()
        w.family.view.close()
    finally:
        for t in translators:
            qapp.removeTranslator(t)
        qapp.setProperty("kooperation_language", None)
        QLocale.setDefault(locale)
    assert i18n.current_language() == "de"
    german = MainWindow(services)
    qtbot.addWidget(german)
    assert i18n.translate_widget_tree(german) == 0  # German: nothing to swap
    assert german.new_button.text() == "&Neuer Fall…"
