"""The wizard's choice of the PDF language (the PDF itself: tests/test_pdf_language.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kooperation_desktop.pdf.texts import goodwill_text
from kooperation_desktop.services import Services

pytestmark = pytest.mark.gui


def _mnemonic_clashes(page, label) -> list[str]:  # type: ignore[no-untyped-def]
    """Other labels and buttons of the page and wizard with the same Alt letter as ``label``."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    def letter(text: str) -> str:
        found = re.search(r"&(\w)", text.replace("&&", ""))
        return found.group(1).lower() if found else ""

    mine = letter(label.text())
    assert mine
    widgets = page.wizard().findChildren(QLabel) + page.wizard().findChildren(QAbstractButton)
    return [w.text() for w in widgets if w is not label and w.isVisibleTo(page.wizard()) and letter(w.text()) == mine]


def _wizard_on_timeframe(qtbot, services: Services, case_id: int, agreement_id: int):  # type: ignore[no-untyped-def]
    from ui.wizard.wizard import AgreementWizard

    agreement = services.agreements.get(agreement_id)
    agreement.wizard_step = "timeframe"  # the wizard reopens where it was left
    services.agreements.update(agreement)
    wizard = AgreementWizard(services, case_id)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.page_timeframe
    assert wizard.currentPage() is page
    return wizard, page


@pytest.mark.gui
def test_the_wizard_chooses_the_language_with_the_keyboard(qtbot, complete_case) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from ui.i18n import install_german_qt_texts

    install_german_qt_texts(QApplication.instance())
    services, case_id, agreement_id = complete_case
    wizard, page = _wizard_on_timeframe(qtbot, services, case_id, agreement_id)
    field = page.language
    assert field.label.text() == "S&prache der Vereinbarung (PDF):"
    assert _mnemonic_clashes(page, field.label) == []
    assert field.combo.currentText() == "Deutsch"  # German by default
    assert page.goodwill.toPlainText() == goodwill_text("de")
    qtbot.waitExposed(wizard)
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow)  # on a loaded machine activation comes later
    page.start_date.setFocus()
    qtbot.waitUntil(page.start_date.hasFocus)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # Alt+P: buddy
    qtbot.waitUntil(field.combo.hasFocus)
    qtbot.keyClick(field.combo, Qt.Key.Key_Down)
    assert field.combo.currentText() == "English"
    assert page.goodwill.toPlainText() == goodwill_text("en")  # the shipped text follows
    assert page.unsaved() == []  # saved through the page's own path
    saved = services.agreements.get(agreement_id)
    assert (saved.language, saved.goodwill) == ("en", goodwill_text("en"))
    page.goodwill.setPlainText("Wir helfen uns gegenseitig.")  # the user's own text stays as typed
    qtbot.keyClick(field.combo, Qt.Key.Key_Up)
    assert page.unsaved() == []
    saved = services.agreements.get(agreement_id)
    assert (saved.language, saved.goodwill) == ("de", "Wir helfen uns gegenseitig.")
    wizard.close()

    qtbot.keyClick(field.combo, Qt.Key.Key_Down)  # English again, then finalise
    assert page.unsaved() == []
    services.agreements.finalise(agreement_id)
    # reopening makes version 2 (a copy of the finalised one): it keeps the language
    wizard, page = _wizard_on_timeframe(qtbot, services, case_id, services.agreements.current_draft(case_id).id)
    assert wizard.agreement.version == 2
    assert page.language.combo.currentText() == "English"
    assert page.language.combo.isEnabled()
    wizard.close()


@pytest.mark.gui
def test_the_language_field_in_the_english_ui(qtbot, qapp, complete_case, tmp_path: Path) -> None:
    from PySide6.QtCore import QLocale

    from ui import i18n

    services, case_id, agreement_id = complete_case
    locale = QLocale()
    translators = i18n.install_language(qapp, "en")
    try:
        wizard, page = _wizard_on_timeframe(qtbot, services, case_id, agreement_id)
        field = page.language
        assert field.label.text() == "&Language of the agreement (PDF):"  # Alt+L: P is „&Planned end“
        assert _mnemonic_clashes(page, field.label) == []
        assert field.combo.accessibleName() == "Language of the agreement (PDF)"
        assert [field.combo.itemText(i) for i in range(field.combo.count())] == ["Deutsch", "English"]
        # the label is not cut off
        assert field.label.width() >= field.label.sizeHint().width()
        wizard.close()
    finally:
        for t in translators:
            qapp.removeTranslator(t)
        qapp.setProperty("kooperation_language", None)
        QLocale.setDefault(locale)
