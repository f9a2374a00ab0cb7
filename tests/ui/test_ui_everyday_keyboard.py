"""Accessibility: the whole wizard with the keyboard alone, and accessible names on every input."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
    QWizard,
)
from pytestqt.exceptions import TimeoutError

from kooperation_desktop.domain.wizard import Step
from ui import dialogs
from ui.i18n import install_german_qt_texts
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(autouse=True)
def german_qt(qapp: QApplication) -> None:
    install_german_qt_texts(qapp)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def tab_to(qtbot, name: str, limit: int = 120) -> QWidget:
    """Press Tab until the widget named ``name`` (accessible name) has the focus."""
    seen: list[str] = []
    for _ in range(limit):
        widget = focused()
        if widget.accessibleName() == name:
            return widget
        seen.append(widget.accessibleName() or type(widget).__name__)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    raise AssertionError(f"„{name}“ not reached with Tab; visited: {seen[:60]}")


def type_text(qtbot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def weiter(qtbot, wizard: QWizard, expected: Step, enter: bool = False) -> None:
    """Alt+W (the mnemonic of „Weiter“) or, from a one-line field, Enter (the default button)."""
    if enter:
        assert not isinstance(focused(), QPlainTextEdit)  # there Enter is a new line
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    else:
        assert "&W" in wizard.button(QWizard.WizardButton.NextButton).text()
        qtbot.keyClick(focused(), Qt.Key.Key_W, ALT)  # a mnemonic "animates" the click: wait for it
    try:
        qtbot.waitUntil(lambda: wizard.current_step() == expected, timeout=10_000)
    except TimeoutError:
        raise AssertionError(f"still on {wizard.current_step()}: {wizard.currentPage().problems.text()} "
                             f"(focus: {focused().accessibleName()})") from None


def test_whole_wizard_with_the_keyboard_only(qtbot, services, monkeypatch) -> None:
    discarded: list[list[str]] = []  # "could not be saved" questions must not come up
    monkeypatch.setattr(dialogs, "ask_discard", lambda _p, messages: discarded.append(messages) or True)
    services.cases.create("Familie Tastatur")
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    qtbot.keyClick(focused(), Qt.Key.Key_B, CTRL)  # „Vereinbarung bearbeiten…“ (Ctrl+E exports)
    wizard = window.wizard
    qtbot.waitUntil(lambda: wizard.isVisible() and wizard.isActiveWindow())
    assert wizard.current_step() == Step.PARTICIPANTS

    # Beteiligte: the first person's first name has the focus
    assert focused().accessibleName() == "Vorname (Person 1)"
    type_text(qtbot, "Anna")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    type_text(qtbot, "Berg")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    type_text(qtbot, "Mutter")
    tab_to(qtbot, "personensorgeberechtigt (Person 1)")
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    tab_to(qtbot, "Name (Jugendamt 1)")
    type_text(qtbot, "Herr Lange")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    type_text(qtbot, "Jugendamt Nord")
    tab_to(qtbot, "Name (Fachkraft 1)")
    type_text(qtbot, "Frau Sommer")
    # Enter in a list's field adds the next row (issue 13); Alt+W goes on
    weiter(qtbot, wizard, Step.CONSENT)
    case = services.cases.get(wizard.case_id)
    assert [(p.display_name, p.is_guardian) for p in case.persons] == [("Anna Berg", True)]

    # Einverständnis: the form (arrow key), tick the general consent with Space, record it with
    # „Einverständnis erfassen“
    tab_to(qtbot, "Form des Einverständnisses")
    qtbot.keyClick(focused(), Qt.Key.Key_Down)
    tab_to(qtbot, "Allgemeines Einverständnis")
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    tab_to(qtbot, "Einverständnis erfassen")
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    qtbot.wait(50)
    assert len(services.cases.get(wizard.case_id).consents) == 1, wizard.currentPage().problems.text()
    # Alt+W is taken twice here too („&Widerrufen…“): Enter from a field (not a button) goes on
    tab_to(qtbot, "Form des Einverständnisses")
    weiter(qtbot, wizard, Step.GOALS, enter=True)
    assert len(services.cases.get(wizard.case_id).consents) == 1

    # Ziele
    tab_to(qtbot, "In den Worten der Familie (Ziel 1)")
    type_text(qtbot, "Wir wollen morgens ruhig fruehstuecken.")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    type_text(qtbot, "Verlaessliche Morgenroutine")
    weiter(qtbot, wizard, Step.INDICATORS)

    # Indikatoren: Alt+B jumps to the description (label buddy)
    qtbot.keyClick(focused(), Qt.Key.Key_B, ALT)
    assert focused().accessibleName() == "Beschreibung, Indikator 1"
    type_text(qtbot, "Alle sitzen um 7 Uhr am Tisch.")
    qtbot.keyClick(focused(), Qt.Key.Key_A, ALT)  # Ausgangswert
    qtbot.keyClick(focused(), Qt.Key.Key_Up)  # "–" -> -2
    weiter(qtbot, wizard, Step.TASKS)

    # Arbeitsteilung: who (combo, arrow keys), what
    # the page starts in the first task's „Was“ (issue 13: the first field still to fill in); back to „Wer“
    assert focused().accessibleName() == "Was (Aufgabe 1)"
    qtbot.keyClick(focused(), Qt.Key.Key_Backtab)
    assert focused().accessibleName() == "Wer (Aufgabe 1)"
    combo = focused()
    assert isinstance(combo, QComboBox)
    for _ in range(combo.count()):
        if "Anna Berg" in combo.currentText():
            break
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert "Anna Berg" in combo.currentText()
    qtbot.keyClick(combo, Qt.Key.Key_Tab)
    type_text(qtbot, "Brot am Abend kaufen")
    weiter(qtbot, wizard, Step.COMMUNICATION)

    # Kommunikation
    tab_to(qtbot, "Was (Absprache 1)")
    type_text(qtbot, "Hausbesuch")
    weiter(qtbot, wizard, Step.TIMEFRAME)

    # Zeitrahmen: the planned end as TT.MM.JJJJ
    end = dt.date.today() + dt.timedelta(days=200)
    tab_to(qtbot, "Geplantes Ende")
    type_text(qtbot, f"{end:%d.%m.%Y}")
    weiter(qtbot, wizard, Step.OVERVIEW, enter=True)  # Alt+W: also „&Wer bleibt an der Seite …“

    agreement = services.agreements.get(wizard.agreement.id)
    assert agreement.goals[0].client_words == "Wir wollen morgens ruhig fruehstuecken."
    assert agreement.goals[0].indicators[0].description == "Alle sitzen um 7 Uhr am Tisch."
    assert agreement.goals[0].indicators[0].baseline == -2
    assert [t.what for t in agreement.tasks] == ["Brot am Abend kaufen"]
    assert agreement.communication[0].what == "Hausbesuch"
    assert agreement.planned_end == end
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)  # „Schließen“: everything is saved
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert discarded == []


INPUTS = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, QAbstractButton)


def test_every_input_on_every_wizard_page_has_an_accessible_name(qtbot, complete_case) -> None:
    services, case_id, _aid = complete_case
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.refresh(select_id=case_id)
    wizard = window.edit_agreement()
    wizard.restart()
    missing: dict[str, list[str]] = {}
    pages = 0
    while True:
        page = wizard.currentPage()
        pages += 1
        for w in page.findChildren(QWidget):
            if not isinstance(w, INPUTS) or not w.isVisibleTo(page):
                continue
            if isinstance(w.parent(), (QAbstractSpinBox, QComboBox)):
                continue  # the line edit inside a spin box or combo box: the outer widget is named
            if not w.accessibleName().strip():
                missing.setdefault(page.title(), []).append(
                    f"{type(w).__name__} {getattr(w, 'text', lambda: '')()!r}")
        if wizard.currentId() == len(wizard.pageIds()) - 1:
            break
        before = wizard.currentId()
        wizard.next()
        assert wizard.currentId() != before, page.problems.text()
    assert pages == 8
    assert missing == {}
