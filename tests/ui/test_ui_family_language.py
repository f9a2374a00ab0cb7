"""The family's copy in their language on screen (issue 16, part 2): the wizard's choice and the
family view (the PDF: tests/test_family_copy_pdf.py)."""

from __future__ import annotations

import pytest
from test_pdf_language import fixed_case
from test_ui_pdf_language import _mnemonic_clashes, _wizard_on_timeframe

from kooperation_desktop.family_texts import BINDING, family_texts

pytestmark = pytest.mark.gui


def _view(qtbot, language: str | None):  # type: ignore[no-untyped-def]
    from ui.family_view import FamilyView

    case, agreement = fixed_case()
    agreement.family_language = language
    view = FamilyView(case, agreement)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_the_family_view_shows_arabic_right_to_left_after_each_german_text(qtbot, german) -> None:
    from PySide6.QtCore import Qt

    view = _view(qtbot, "ar")
    texts = view.texts()
    ar = family_texts("ar")
    assert ar is not None
    for german_text in (BINDING, "Das wollen wir erreichen", "Wer macht was bis wann?", "Wann sehen wir uns?"):
        first = texts.index(german_text)
        assert texts[first + 1] == ar(german_text)  # German first, the translation right below
    assert ar("Abgeschlossen am {date}", date="05.01.2026") in texts
    assert ar("Am {date} schauen wir gemeinsam, was sich verändert hat.", date="01.04.2026") in texts
    # the translations are laid out right to left (Qt shapes the letters), the German texts not
    assert len(view.translations) >= 8
    for label in view.translations:
        assert label.layoutDirection() == Qt.LayoutDirection.RightToLeft, label.text()
        assert label.alignment() & Qt.AlignmentFlag.AlignRight
        assert label.isVisibleTo(view)
    heading = next(label for label in view.findChildren(type(view.translations[0]))
                   if label.text() == "Das wollen wir erreichen")
    assert heading.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert texts.count("•  Ohne Streit los.") == 1  # what was typed stays as typed, once


def test_the_family_view_in_turkish_stays_left_to_right(qtbot, german) -> None:
    from PySide6.QtCore import Qt

    view = _view(qtbot, "tr")
    assert "Bağlayıcı olan Almanca metindir." in view.texts()
    assert view.translations
    assert all(label.layoutDirection() == Qt.LayoutDirection.LeftToRight for label in view.translations)


def test_without_a_family_language_the_view_is_german_only(qtbot, german) -> None:
    view = _view(qtbot, None)
    assert view.translations == []
    assert BINDING not in view.texts()
    assert view.texts()[:2] == ["Unsere Vereinbarung", "Familie Çelik"]


def test_the_wizard_stores_the_family_language(qtbot, german, complete_case) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    services, case_id, agreement_id = complete_case
    wizard, page = _wizard_on_timeframe(qtbot, services, case_id, agreement_id)
    field = page.language
    assert field.family_label.text() == "Zusätzlich für die &Familie:"
    assert _mnemonic_clashes(page, field.family_label) == []
    combo = field.family_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "keine (nur Deutsch)", "Türkçe", "Русский", "العربية", "Українська", "Polski", "فارسی", "English"]
    assert combo.currentIndex() == 0 and services.agreements.get(agreement_id).family_language is None
    qtbot.waitExposed(wizard)
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow)
    page.start_date.setFocus()
    qtbot.waitUntil(page.start_date.hasFocus)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)  # Alt+F: buddy
    qtbot.waitUntil(combo.hasFocus)
    combo.setCurrentIndex(combo.findText("العربية"))
    assert page.unsaved() == []  # saved through the page's own path
    assert services.agreements.get(agreement_id).family_language == "ar"
    assert services.agreements.get(agreement_id).language == "de"  # the PDF's language is its own choice
    wizard.close()

    wizard, page = _wizard_on_timeframe(qtbot, services, case_id, agreement_id)
    assert page.language.family_combo.currentText() == "العربية"  # shown again when reopened
    page.language.family_combo.setCurrentIndex(0)
    assert page.unsaved() == []
    assert services.agreements.get(agreement_id).family_language is None
    wizard.close()


def test_the_family_language_field_in_the_english_ui(qtbot, english, complete_case) -> None:
    services, case_id, agreement_id = complete_case
    wizard, page = _wizard_on_timeframe(qtbot, services, case_id, agreement_id)
    field = page.language
    assert field.family_label.text() == "Also for the famil&y:"  # Alt+Y: F is „&Follow-on offers“
    assert _mnemonic_clashes(page, field.family_label) == []
    assert field.family_combo.itemText(0) == "none (German only)"
    assert field.family_combo.itemText(3) == "العربية"
    assert field.family_label.width() >= field.family_label.sizeHint().width()
    wizard.close()


def test_the_family_view_in_the_english_ui_shows_english_once(qtbot, english) -> None:
    view = _view(qtbot, "en")
    assert view.translations == []
    assert view.texts().count("When do we meet?") == 1
    view = _view(qtbot, "uk")
    assert "When do we meet?" in view.texts() and "Коли ми зустрічаємося?" in view.texts()
