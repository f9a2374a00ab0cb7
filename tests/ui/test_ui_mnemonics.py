"""Alt shortcuts stay unique (issue 13): in every window the tests reach – the main window with its
menus (welcome panel, and each tab of the case view), every wizard page, the signing dialog – in
German and in English, no two visible, enabled buttons, tabs, field labels or menu titles share
an underlined letter, and no two items of one menu do."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parent))
from mnemonics import clashes

from kooperation_desktop.services import Services
from kooperation_desktop.signing.service import SigningService

pytestmark = pytest.mark.gui


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def walk(services: Services, case_id: int, agreement_id: int, qtbot, monkeypatch) -> Iterator[tuple[str, QWidget]]:
    """Every window of the walk, shown in each of its states (yielded while shown)."""
    from ui.followup import due_panel
    from ui.i18n import translate_widget_tree
    from ui.main_window import MainWindow
    from ui.signing.dialogs import SignDialog
    from ui.wizard.wizard import AgreementWizard

    wizard = AgreementWizard(services, case_id)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.restart()
    for i in range(len(wizard.pageIds())):
        settle()
        yield f"Assistent, Schritt {i + 1} ({wizard.currentPage().step.value})", wizard
        if i < len(wizard.pageIds()) - 1:
            wizard.next()
    wizard.close()

    services.agreements.finalise(agreement_id)
    start = services.agreements.get(agreement_id).start_date
    monkeypatch.setattr(due_panel, "today", lambda: start + dt.timedelta(days=20))  # a task is due
    window = MainWindow(services)
    qtbot.addWidget(window)
    translate_widget_tree(window)  # as ui.app does (nothing to swap in German)
    window.show()
    window.refresh(select_id=case_id)
    window.followup_panel.list.setCurrentRow(0)
    assert window.followup_panel.isVisible()
    tabs = window.case_view.tabs
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        settle()
        yield f"Hauptfenster, Fallansicht „{tabs.tabText(i)}“", window
    window.show_welcome()
    settle()
    yield "Hauptfenster mit Willkommen", window
    window.close()

    sign = SignDialog(SigningService(services.db), agreement_id)
    qtbot.addWidget(sign)
    sign.show()
    settle()
    yield "Unterschreiben", sign
    sign.close()


def all_clashes(services: Services, case_id: int, agreement_id: int, qtbot, monkeypatch) -> list[str]:
    found: list[str] = []
    seen = 0
    for where, window in walk(services, case_id, agreement_id, qtbot, monkeypatch):
        found += clashes(window, where)
        seen += 1
    assert seen >= 14  # 8 wizard steps, 4 case view tabs, welcome, signing
    return found


def test_alt_shortcuts_are_unique_in_german(qtbot, german, complete_case, monkeypatch) -> None:
    found = all_clashes(*complete_case, qtbot, monkeypatch)
    assert found == [], "\n".join(found)


def test_alt_shortcuts_are_unique_in_english(qtbot, english, complete_case, monkeypatch) -> None:
    found = all_clashes(*complete_case, qtbot, monkeypatch)
    assert found == [], "\n".join(found)


def test_the_check_sees_a_clash(qtbot) -> None:
    """The check itself: two buttons and a field label on one letter, a literal "&&" ignored."""
    host = QWidget()
    qtbot.addWidget(host)
    QPushButton("Zum &Fall", host).move(0, 0)
    QPushButton("&Familie", host).move(0, 40)
    QPushButton("A && &B", host).move(0, 80)
    label = QLabel("&Aktenzeichen:", host)
    label.setBuddy(QPushButton("x", host))
    host.show()
    found = clashes(host, "Test")
    assert found == ["Test: Alt+F: QPushButton „Zum &Fall“, QPushButton „&Familie“"], found
