"""The readability indicator beside the texts the family reads (issue 16, part 1): it follows the
typing (after a pause), shows "leicht"/"mittel"/"schwer", names the hardest sentence on hover, and
shows nothing for an empty text. It never takes the focus."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard

from kooperation_desktop.domain import readability
from kooperation_desktop.domain.readability import Level
from kooperation_desktop.domain.wizard import Step
from ui.readability import ReadabilityIndicator
from ui.wizard.wizard import AgreementWizard

pytestmark = pytest.mark.gui

CONVOLUTED = (
    "Die Erziehungsberechtigten verpflichten sich im Rahmen der Kooperationsvereinbarung, die morgendliche "
    "Organisation des Haushalts so zu gestalten, dass die regelmaessige Teilnahme am Unterricht gewaehrleistet "
    "wird, wobei die Unterstuetzungsleistungen der Fachkraft beruecksichtigt werden."
)
PLAIN = "Wir kommen morgens ohne Streit aus dem Haus."


@pytest.fixture(autouse=True)
def german_qt(german: None) -> None:
    readability.warm_up()  # the one-time loading (seconds on a busy machine) before the waits below


def wizard_at(qtbot, complete_case, step: Step) -> AgreementWizard:
    services, case_id, _ = complete_case
    wizard = AgreementWizard(services, case_id)
    qtbot.addWidget(wizard)
    wizard.show()
    while wizard.current_step() != step:
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
        QApplication.processEvents()
    return wizard


def retype(qtbot, field, text: str) -> None:
    """Select all and type ``text`` like a user (ASCII only here: key presses)."""
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)


def test_typing_in_the_familys_words_shows_hard_then_easy(qtbot, complete_case) -> None:
    wizard = wizard_at(qtbot, complete_case, Step.GOALS)
    goals = wizard.page_goals.goals
    field = goals.widget(0, "client_words")
    indicator = goals.readability(0, "client_words")
    assert isinstance(indicator, ReadabilityIndicator)
    assert goals.readability(0, "professional_wording") is None  # only what the family reads in its words
    assert indicator.focusPolicy() == Qt.FocusPolicy.NoFocus

    retype(qtbot, field, CONVOLUTED)
    assert indicator.timer.isActive()  # measured after the pause, not at every key
    qtbot.waitUntil(lambda: indicator.text() == "schwer")
    assert indicator.level() == Level.HARD
    tip = indicator.toolTip()
    assert f"Schwierigster Satz: „{CONVOLUTED}“" in tip
    assert "Langer Satz: 31 Wörter" in tip and "„Kooperationsvereinbarung“" in tip and "Passiv" in tip
    assert indicator.accessibleName() == "Lesbarkeit: schwer"
    assert field.accessibleDescription() == "Lesbarkeit: schwer"  # heard with the field
    assert field.toPlainText() == CONVOLUTED  # never changes or blocks the text

    retype(qtbot, field, PLAIN)
    qtbot.waitUntil(lambda: indicator.text() == "leicht")
    assert indicator.level() == Level.EASY
    assert indicator.toolTip().startswith("Leicht zu lesen.")
    assert indicator.dot.isVisible()

    retype(qtbot, field, "")
    qtbot.waitUntil(lambda: indicator.level() is None)
    assert indicator.text() == "" and not indicator.dot.isVisible() and indicator.toolTip() == ""


def test_tasks_and_the_shipped_goodwill_text_have_an_indicator(qtbot, complete_case) -> None:
    wizard = wizard_at(qtbot, complete_case, Step.TASKS)
    tasks = wizard.page_tasks.tasks
    indicator = tasks.readability(0, "what")
    assert isinstance(indicator, ReadabilityIndicator)
    retype(qtbot, tasks.widget(0, "what"), "Die Oma holt Deniz am Dienstag ab")
    qtbot.waitUntil(lambda: indicator.text() == "leicht")

    wizard = wizard_at(qtbot, complete_case, Step.TIMEFRAME)
    page = wizard.page_timeframe
    assert page.goodwill.toPlainText().startswith("Wir begegnen uns mit Wohlwollen.")  # the shipped text
    qtbot.waitUntil(lambda: page.goodwill_readability.text() == "leicht")
    page.goodwill.setPlainText("")
    qtbot.waitUntil(lambda: page.goodwill_readability.level() is None)
    retype(qtbot, page.goodwill, CONVOLUTED)
    qtbot.waitUntil(lambda: page.goodwill_readability.text() == "schwer")


def test_the_indicator_in_english(qtbot, english) -> None:
    indicator = ReadabilityIndicator(delay_ms=0)
    qtbot.addWidget(indicator)
    indicator.set_text(CONVOLUTED)
    qtbot.waitUntil(lambda: indicator.text() == "hard")
    assert indicator.accessibleName() == "Readability: hard"
    assert "Hardest sentence:" in indicator.toolTip() and "Long sentence: 31 words" in indicator.toolTip()


def test_the_indicator_never_waits_for_the_dictionary(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    indicator = ReadabilityIndicator(delay_ms=10)
    qtbot.addWidget(indicator)
    monkeypatch.setattr(readability, "is_ready", lambda: False)  # as if still loading in the background
    monkeypatch.setattr(readability, "start_warm_up", lambda: None)
    indicator.set_text(CONVOLUTED)
    indicator.update_now()
    assert indicator.level() is None and indicator.timer.isActive()  # nothing yet, asks again later
    monkeypatch.undo()
    qtbot.waitUntil(lambda: indicator.text() == "schwer")
