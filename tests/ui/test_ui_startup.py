"""Start-up: the password dialog is the first window and comes up before the heavy modules
(SQLAlchemy, the services, the main window, reportlab, Alembic) are loaded; they load while the
user types, and after "Entsperren" the main window opens on the unlocked database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kooperation_desktop.protection import vault
from kooperation_desktop.services import Services

pytestmark = pytest.mark.gui

CHILD = r"""
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from ui import app as ui_app
from ui.protection import dialogs

HEAVY = ("sqlalchemy", "kooperation_desktop.services", "ui.main_window", "reportlab", "alembic", "cryptography")

def ask_unlock(parent, attempt):
    dialog = dialogs.UnlockDialog(attempt, parent)
    dialog.show(); dialog.repaint()
    print("AT_DIALOG", [m for m in HEAVY if m in sys.modules], flush=True)
    for _ in range(20):  # the user types; the event loop runs the preload meanwhile
        QApplication.processEvents()
    print("WHILE_TYPING", [m for m in HEAVY if m in sys.modules], flush=True)
    dialog.password_edit.setText(sys.argv[2])
    dialog.ok_button.click()
    return dialog.result() == dialogs.QDialog.DialogCode.Accepted

dialogs.ask_unlock = ask_unlock

def shown(_app=None):
    QApplication.processEvents()
    window = next(w for w in QApplication.topLevelWidgets() if type(w).__name__ == "MainWindow" and w.isVisible())
    print("MAIN", window.model.rowCount(), window.case_view.case.title, flush=True)
    return 0

QApplication.exec = shown
sys.exit(ui_app.run(Path(sys.argv[1])))
"""


def test_password_dialog_first_then_main_window(tmp_path: Path) -> None:
    data = tmp_path / "data"
    services = Services.open(data, "richtig-langes-passwort-1")
    services.cases.create("Familie Çelik")
    services.close()
    vault.confirm_recovery_key(data)  # noted at set-up: the start shows no new one
    env = {k: v for k, v in os.environ.items() if k != "KOOPERATION_PASSPHRASE"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    out = subprocess.run([sys.executable, "-c", CHILD, str(data), "richtig-langes-passwort-1"], capture_output=True,
                         text=True, env=env, timeout=120, cwd=Path(__file__).resolve().parents[2])
    lines = [line for line in out.stdout.splitlines() if line.split(" ", 1)[0] in ("AT_DIALOG", "WHILE_TYPING", "MAIN")]
    assert lines == ["AT_DIALOG []",
                     "WHILE_TYPING ['sqlalchemy', 'kooperation_desktop.services', 'ui.main_window']",
                     "MAIN 1 Familie Çelik"], out.stdout + out.stderr
