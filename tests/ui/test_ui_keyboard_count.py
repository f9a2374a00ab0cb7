"""A complete first agreement with the keyboard alone, counting the key presses and focus changes.

Family of three, two partners (youth office, professional), the family's consent, two goals with an
indicator each, tasks for the family and a partner, roles, the mandate, a communication rule, the
time frame, finalising and the sealed PDF. The walk prints its count (``benchmarks/keyboard_walk.py``
reports it with the wall time); the test fails if the walk needs clearly more keys than today.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QWidget, QWizard
from pytestqt.exceptions import TimeoutError

from kooperation_desktop.domain.model import AgreementStatus
from kooperation_desktop.domain.wizard import Step
from ui import dialogs
from ui.i18n import install_german_qt_texts
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
NO_MOD = Qt.KeyboardModifier.NoModifier

# this walk on the code before issue 13: 492 key presses (72 besides typed text), 62 focus changes;
# after (each page starts in its first empty field, „… hinzufügen“ fills an empty row first, Enter adds
# the next row; one more key to confirm finalising): 487 (67 besides typed text). It must not grow again.
KEYS_BEFORE = 492
KEYS_AFTER = 487


@dataclass
class Keyboard:
    """Presses keys like a user and counts them (a typed text counts one press per character)."""

    qtbot: object
    presses: int = 0
    focus_changes: int = 0
    typed: int = 0  # of the presses: characters of typed texts
    log: list[str] = field(default_factory=list)

    def focused(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def key(self, key: Qt.Key, modifier: Qt.KeyboardModifier = NO_MOD) -> None:
        self.presses += 1
        self.log.append(f"{'Alt+' if modifier == ALT else ''}{key.name.removeprefix('Key_')}")
        self.qtbot.keyClick(self.focused(), key, modifier)  # type: ignore[attr-defined]
        if modifier == ALT:  # a mnemonic "animates" the click of its button: let it land
            self.qtbot.wait(150)  # type: ignore[attr-defined]

    def type(self, text: str) -> None:
        self.presses += len(text)
        self.typed += len(text)
        self.log.append(f"«{text[:12]}»")
        self.qtbot.keyClicks(self.focused(), text)  # type: ignore[attr-defined]

    def tab_to(self, name: str, limit: int = 120) -> QWidget:
        """Tab until the widget with the accessible name ``name`` has the focus."""
        seen: list[str] = []
        for _ in range(limit):
            widget = self.focused()
            if widget.accessibleName() == name:
                return widget
            seen.append(widget.accessibleName() or type(widget).__name__)
            self.key(Qt.Key.Key_Tab)
        raise AssertionError(f"„{name}“ not reached with Tab; visited: {seen[:60]}")

    def field(self, name: str, text: str) -> None:
        """Tab to a field and type into it."""
        self.tab_to(name)
        self.type(text)

    def combo_to(self, text: str) -> None:
        combo = self.focused()
        assert isinstance(combo, QComboBox)
        for _ in range(combo.count()):
            if text in combo.currentText():
                return
            self.key(Qt.Key.Key_Down)
        assert text in combo.currentText(), combo.currentText()

    def weiter(self, wizard: QWizard, expected: Step) -> None:
        """Alt+W („&Weiter“; Enter in a list's field adds the next row instead)."""
        assert "&W" in wizard.button(QWizard.WizardButton.NextButton).text()
        self.key(Qt.Key.Key_W, ALT)
        try:
            self.qtbot.waitUntil(lambda: wizard.current_step() == expected, timeout=10_000)  # type: ignore[attr-defined]
        except TimeoutError:
            raise AssertionError(f"still on {wizard.current_step()}: {wizard.currentPage().problems.text()} "
                                 f"(focus: {self.focused().accessibleName()})") from None


@pytest.fixture(autouse=True)
def german_qt(qapp: QApplication) -> None:
    install_german_qt_texts(qapp)


def walk_first_agreement(qtbot, services, tmp_path: Path, monkeypatch) -> Keyboard:
    """The walk itself; returns the counter (used by the test and by benchmarks/keyboard_walk.py)."""
    kb = Keyboard(qtbot)
    out = tmp_path / "erste-vereinbarung.pdf"
    # the modal questions a user answers with one key each (Enter / a file name + Enter)
    monkeypatch.setattr(dialogs, "ask_save_path", lambda _p, _s: setattr(kb, "presses", kb.presses + 1) or out)
    if hasattr(dialogs, "ask_finalise"):
        monkeypatch.setattr(dialogs, "ask_finalise",
                            lambda _p, *_a: setattr(kb, "presses", kb.presses + 1) or True)
    from ui.signing import dialogs as signing_dialogs

    monkeypatch.setattr(signing_dialogs, "ask_seal_setup",
                        lambda _p: signing_dialogs.SealSetup("Familienhilfe Lindenhof e. V.", "siegel-passwort-1"))
    services.cases.create("Familie Tastatur")
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    app = QApplication.instance()

    def focus_changed(_old, new) -> None:
        if new is not None:
            kb.focus_changes += 1

    app.focusChanged.connect(focus_changed)  # type: ignore[union-attr]
    try:
        kb.key(Qt.Key.Key_B, CTRL)  # „Vereinbarung bearbeiten…“
        wizard = window.wizard
        qtbot.waitUntil(lambda: wizard.isVisible() and wizard.isActiveWindow())
        _walk_pages(kb, wizard)
    finally:
        app.focusChanged.disconnect(focus_changed)  # type: ignore[union-attr]
    agreement = services.agreements.get(wizard.agreement.id)
    assert agreement.status != AgreementStatus.DRAFT
    assert out.exists()
    case = services.cases.get(wizard.case_id)
    assert len(case.persons) == 3 and len(case.partners) == 2
    assert len(agreement.goals) == 2 and all(g.indicators for g in agreement.goals)
    anna = next(p for p in case.persons if p.first_name == "Anna")
    assert (agreement.tasks[0].person_id, agreement.tasks[0].what) == (anna.id, "Brot am Abend kaufen")
    kb.qtbot.keyClick(kb.focused(), Qt.Key.Key_Escape)
    return kb


def _walk_pages(kb: Keyboard, wizard) -> None:
    # Beteiligte: three persons; the first name of person 1 has the focus
    family = [("Anna", "Berg", "Mutter", True), ("Jonas", "Berg", "Stiefvater", False),
              ("Mia", "Berg", "Tochter", False)]
    for i, (first, last, role, guardian) in enumerate(family, start=1):
        if i > 1:
            add_person_row(kb, i)
        assert kb.focused().accessibleName() == f"Vorname (Person {i})"
        kb.type(first)
        kb.key(Qt.Key.Key_Tab)
        kb.type(last)
        kb.key(Qt.Key.Key_Tab)
        kb.type(role)
        if guardian:
            kb.tab_to(f"personensorgeberechtigt (Person {i})")
            kb.key(Qt.Key.Key_Space)
    kb.key(Qt.Key.Key_J, ALT)  # &Jugendamt hinzufügen: into the empty row (before: a second row)
    assert kb.focused().accessibleName().startswith("Name (Jugendamt ")
    kb.type("Herr Lange")
    kb.key(Qt.Key.Key_Tab)
    kb.type("Jugendamt Nord")
    kb.key(Qt.Key.Key_F, ALT)  # &Fachkraft hinzufügen
    assert kb.focused().accessibleName().startswith("Name (Fachkraft ")
    kb.type("Frau Sommer")
    kb.weiter(wizard, Step.CONSENT)

    # Einverständnis
    kb.tab_to("Form des Einverständnisses")
    kb.key(Qt.Key.Key_Down)
    kb.tab_to("Allgemeines Einverständnis")
    kb.key(Qt.Key.Key_Space)
    kb.tab_to("Einverständnis erfassen")
    kb.key(Qt.Key.Key_Space)
    kb.qtbot.wait(50)
    kb.weiter(wizard, Step.GOALS)

    # Ziele: two goals
    kb.tab_to("In den Worten der Familie (Ziel 1)")
    kb.type("Wir wollen morgens ruhig fruehstuecken.")
    kb.key(Qt.Key.Key_Tab)
    kb.type("Verlaessliche Morgenroutine")
    add_goal_row(kb)
    assert kb.focused().accessibleName() == "In den Worten der Familie (Ziel 2)"
    kb.type("Mia geht gern zur Schule.")
    kb.key(Qt.Key.Key_Tab)
    kb.type("Regelmaessiger Schulbesuch")
    kb.weiter(wizard, Step.INDICATORS)

    # Indikatoren: one per goal, baseline and target
    for goal in (1, 2):
        if goal == 2:
            kb.key(Qt.Key.Key_E, ALT)  # Zi&el
            kb.key(Qt.Key.Key_Down)
            kb.qtbot.wait(50)  # the first goal's boxes are deleted later
        kb.key(Qt.Key.Key_B, ALT)
        assert kb.focused().accessibleName() == "Beschreibung, Indikator 1"
        kb.type("Alle sitzen um 7 Uhr am Tisch." if goal == 1 else "Mia ist 5 Tage in der Schule.")
        kb.key(Qt.Key.Key_A, ALT)  # Ausgangswert
        kb.key(Qt.Key.Key_Up)  # "–" -> -2
        kb.key(Qt.Key.Key_T, ALT)  # Zielwert
        kb.key(Qt.Key.Key_Up)
        kb.key(Qt.Key.Key_Up)
        kb.key(Qt.Key.Key_Up)  # -> 0
    kb.weiter(wizard, Step.TASKS)

    # Arbeitsteilung: a task for the mother, one for the professional; roles; the mandate
    kb.tab_to("Was (Aufgabe 1)")  # „Wer“: the first person, Anna Berg, is chosen already
    kb.type("Brot am Abend kaufen")
    add_task_row(kb)
    kb.combo_to("Frau Sommer")
    kb.key(Qt.Key.Key_Tab)
    kb.type("Besucht die Familie jede Woche")
    kb.field("Rolle von Herr Lange, Jugendamt Nord – Jugendamt", "steuert die Hilfe")
    kb.key(Qt.Key.Key_Tab)
    kb.type("begleitet die Familie")
    kb.tab_to("Auftrag des Jugendamts")
    kb.type("Unterstuetzung bei der Tagesstruktur")
    kb.weiter(wizard, Step.COMMUNICATION)

    # Kommunikation
    kb.field("Was (Absprache 1)", "Hausbesuch")
    kb.weiter(wizard, Step.TIMEFRAME)

    # Zeitrahmen: the planned end and the transition
    end = dt.date.today() + dt.timedelta(days=200)
    kb.field("Geplantes Ende", f"{end:%d.%m.%Y}")
    kb.field("Anschlussangebote", "Erziehungsberatung")
    kb.weiter(wizard, Step.OVERVIEW)

    # Überblick: finalise (and confirm), then the sealed PDF
    overview = wizard.page_overview
    assert overview.finalise_button.isEnabled(), overview.missing_texts() if hasattr(
        overview, "missing_texts") else [overview.missing.item(i).text() for i in range(overview.missing.count())]
    kb.key(Qt.Key.Key_A, ALT)  # Vereinbarung &abschließen
    kb.qtbot.waitUntil(lambda: not wizard.agreement.is_editable, timeout=10_000)
    kb.key(Qt.Key.Key_P, ALT)  # &PDF speichern…
    kb.qtbot.waitUntil(lambda: "PDF gespeichert" in overview.result.text(), timeout=30_000)


def add_person_row(kb: Keyboard, number: int) -> None:
    focused = kb.focused()
    if getattr(focused, "accessibleName", lambda: "")().startswith("Rolle in der Familie") and _enter_adds():
        kb.key(Qt.Key.Key_Return)
    else:
        kb.key(Qt.Key.Key_P, ALT)  # &Person hinzufügen


def add_goal_row(kb: Keyboard) -> None:
    kb.key(Qt.Key.Key_H, ALT)  # Ziel &hinzufügen


def add_task_row(kb: Keyboard) -> None:
    if _enter_adds():
        kb.key(Qt.Key.Key_Return)
    else:
        kb.key(Qt.Key.Key_A, ALT)  # &Aufgabe hinzufügen


def _enter_adds() -> bool:
    from ui.widgets import RowEditor

    return bool(getattr(RowEditor, "ENTER_ADDS_ROW", False))


def test_first_agreement_with_the_keyboard_alone(qtbot, services, tmp_path, monkeypatch, capsys) -> None:
    started = time.perf_counter()
    kb = walk_first_agreement(qtbot, services, tmp_path, monkeypatch)
    seconds = time.perf_counter() - started
    with capsys.disabled():
        print(f"\nkeyboard walk: {kb.presses} key presses ({kb.presses - kb.typed} besides typed text), "
              f"{kb.focus_changes} focus changes, {seconds:.1f} s")
        if os.environ.get("KEYBOARD_WALK_LOG"):
            print(" ".join(kb.log))
    assert kb.presses <= KEYS_AFTER < KEYS_BEFORE


def test_alt_shortcuts_are_unique_on_every_german_page(qtbot, complete_case, monkeypatch) -> None:
    """Every Alt+letter on a page (with the wizard's own buttons) leads to one place only — in
    German too (the English run is in test_ui_english_wizard.py), the finalised overview included."""
    from test_ui_english_wizard import mnemonics, shown_texts

    from ui.wizard.wizard import AgreementWizard

    services, case_id, _aid = complete_case
    wizard = AgreementWizard(services, case_id)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.restart()
    monkeypatch.setattr(dialogs, "ask_finalise", lambda _p, _v: True)
    seen: dict[str, list[str]] = {}
    for i in range(len(wizard.pageIds()) + 1):
        if i == len(wizard.pageIds()):
            wizard.page_overview.finalise()  # the overview once more, finalised: the next steps' buttons
        page = wizard.currentPage()
        QApplication.processEvents()
        buttons = [wizard.button(b).text() for b in (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
                                                      QWizard.WizardButton.FinishButton)
                   if wizard.button(b).isVisible()]
        letters = mnemonics([t for t in shown_texts(page) if "&" in t] + buttons)
        seen[page.title()] = sorted(letters)
        assert len(letters) == len(set(letters)), (page.title(), sorted(letters))
        if i < len(wizard.pageIds()) - 1:
            wizard.next()
    assert "w" in seen["Beteiligte"]  # Alt+W: „Weiter“


def test_enter_adds_the_next_row_and_the_add_button_fills_an_empty_row_first(qtbot) -> None:
    from types import SimpleNamespace

    from ui.widgets import Column, RowEditor

    editor = RowEditor([Column("name", "Name"), Column("what", "Was", "grow")],
                       lambda: SimpleNamespace(name="", what=""), item_name="Zeile")
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    editor.add_button.click()
    editor.add_button.click()  # the first row is still empty: no second empty row
    assert editor.row_count() == 1
    assert QApplication.focusWidget() is editor.widget(0, "name")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # an empty row: Enter adds nothing
    assert editor.row_count() == 1
    qtbot.keyClicks(QApplication.focusWidget(), "Oma Fatma")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "holt Mia dienstags ab")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # in the sentence field: the next row
    assert editor.row_count() == 2
    assert QApplication.focusWidget() is editor.widget(1, "name")
    assert editor.entities()[0].what == "holt Mia dienstags ab"  # no line break typed
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert editor.row_count() == 2
