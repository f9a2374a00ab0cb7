"""A complete first agreement with the keyboard alone, counting the key presses and focus changes.

Family of three, two partners (youth office, professional), the family's consent, two goals with an
indicator each, tasks for the family and a partner, roles, the mandate, a communication rule, the
time frame, finalising and the sealed PDF. The walk prints its count (``benchmarks/keyboard_walk.py``
reports it with the wall time); the test fails if the walk needs clearly more keys than today.
"""

from __future__ import annotations

import datetime as dt
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
from ui.app import install_german_qt_texts
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
NO_MOD = Qt.KeyboardModifier.NoModifier

# the walk's key presses when this test was written, before the wizard learnt "Enter adds a row";
# the walk must not get longer again
KEYS_BEFORE = 510  # 90 of them besides typed text; 80 focus changes


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
        self.qtbot.keyClick(self.focused(), key, modifier)  # type: ignore[attr-defined]
        if modifier == ALT:  # a mnemonic "animates" the click of its button: let it land
            self.qtbot.wait(150)  # type: ignore[attr-defined]

    def type(self, text: str) -> None:
        self.presses += len(text)
        self.typed += len(text)
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
            self.qtbot.waitUntil(lambda: wizard.current_step() == expected, timeout=2000)  # type: ignore[attr-defined]
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
    services.create_case("Familie Tastatur")
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
        kb.key(Qt.Key.Key_E, CTRL)  # „Vereinbarung bearbeiten…“
        wizard = window.wizard
        qtbot.waitUntil(lambda: wizard.isVisible() and wizard.isActiveWindow())
        _walk_pages(kb, wizard)
    finally:
        app.focusChanged.disconnect(focus_changed)  # type: ignore[union-attr]
    agreement = services.get_agreement(wizard.agreement.id)
    assert agreement.status != AgreementStatus.DRAFT
    assert out.exists()
    case = services.get_case(wizard.case_id)
    assert len(case.persons) == 3 and len(case.partners) == 2
    assert len(agreement.goals) == 2 and all(g.indicators for g in agreement.goals)
    kb.qtbot.keyClick(kb.focused(), Qt.Key.Key_Escape)
    return kb


def _walk_pages(kb: Keyboard, wizard) -> None:
    # Beteiligte: three persons; the first name of person 1 has the focus
    family = [("Anna", "Berg", "Mutter", True), ("Jonas", "Berg", "Stiefvater", False), ("Mia", "Berg", "Tochter", False)]
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
    kb.field("Name (Jugendamt 1)", "Herr Lange")
    kb.key(Qt.Key.Key_Tab)
    kb.type("Jugendamt Nord")
    kb.field("Name (Fachkraft 1)", "Frau Sommer")
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
    kb.tab_to("Wer (Aufgabe 1)")
    kb.combo_to("Anna Berg")
    kb.key(Qt.Key.Key_Tab)
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
    kb.qtbot.waitUntil(lambda: not wizard.agreement.is_editable, timeout=2000)
    kb.key(Qt.Key.Key_P, ALT)  # &PDF speichern…
    kb.qtbot.waitUntil(lambda: "PDF gespeichert" in overview.result.text(), timeout=5000)


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
    if KEYS_BEFORE:
        assert kb.presses <= KEYS_BEFORE
