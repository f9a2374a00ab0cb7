"""Application start-up pieces: German Qt texts and the handler of unexpected errors."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QApplication, QWizard

from ui.app import _log_without_client_data
from ui.i18n import install_german_qt_texts

pytestmark = pytest.mark.gui


def test_qt_buttons_speak_german(qapp: QApplication, qtbot) -> None:
    assert install_german_qt_texts(qapp), "qtbase_de.qm not found"
    wizard = QWizard()
    qtbot.addWidget(wizard)
    texts = [wizard.buttonText(b).replace("&", "") for b in
             (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton, QWizard.WizardButton.CancelButton)]
    assert "Zurück" in texts[0] and "Weiter" in texts[1] and texts[2] == "Abbrechen"


def test_unexpected_error_log_holds_no_client_data(capsys: pytest.CaptureFixture[str]) -> None:
    try:
        raise ValueError("Ağrı Şükrü Çelik, geboren 14.03.1985")
    except ValueError:
        exc_type, _exc, tb = sys.exc_info()
        _log_without_client_data(exc_type, tb)
    err = capsys.readouterr().err
    assert "ValueError" in err and "test_ui_app.py" in err
    assert "Çelik" not in err and "1985" not in err
