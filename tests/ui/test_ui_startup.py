"""Start-up: the password dialog is the first window and comes up before the heavy modules
(SQLAlchemy, the services, the main window, reportlab, Alembic) are loaded; they load while the
user types (the dialog takes the keys meanwhile), and after "Entsperren" the main window opens on
the unlocked database; the password is tried in the background (a wrong one still says so)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kooperation_desktop.protection import ProtectionError, vault
from kooperation_desktop.services import Services
from ui.protection import dialogs

pytestmark = pytest.mark.gui

CHILD = r"""
import sys, threading, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from ui import app as ui_app
from ui.protection import dialogs

HEAVY = ("sqlalchemy", "kooperation_desktop.services", "ui.main_window", "reportlab", "alembic", "cryptography")

def ask_unlock(parent, attempt):
    dialog = dialogs.UnlockDialog(attempt, parent)
    dialog.show(); dialog.repaint()
    print("AT_DIALOG", [m for m in HEAVY if m in sys.modules], flush=True)
    deadline = time.monotonic() + 60  # the preload (a thread) starts once the dialog has painted
    while time.monotonic() < deadline and ("ui.main_window" not in sys.modules
                                           or any(t.name == "preload" for t in threading.enumerate())):
        QApplication.processEvents()  # the user types; the heavy modules load meanwhile
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


# The real start (ui.app.run with its own password dialog): the user types while the heavy modules
# load. The preload is held "still loading" until every key has arrived (or 20 s have passed); the
# keys come from a thread, like keys from the keyboard, whether or not the event loop is free.
TYPING_CHILD = r"""
import sys, threading
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from ui import app as ui_app
from ui.protection import startup

PASSWORD = sys.argv[2]
started, typed_all = threading.Event(), threading.Event()
loading = []  # one entry while the preload runs
real_preload = startup.preload

def preload():
    loading.append(True)
    started.set()
    try:
        real_preload()
        typed_all.wait(20)
    finally:
        loading.clear()

startup.preload = preload
field = []
arrived = []  # per typed key: did it arrive while the modules were still loading?

class Keys(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and type(obj).__name__ == "UnlockDialog" and not field:
            field.append(obj.password_edit)
            threading.Thread(target=typist, daemon=True).start()
        elif event.type() == QEvent.Type.KeyPress and field and obj is field[0] and event.text() != "\r":
            arrived.append(bool(loading))
            if len(arrived) == len(PASSWORD):
                typed_all.set()
        return False

def key(text, code=Qt.Key.Key_A):
    QCoreApplication.postEvent(field[0], QKeyEvent(QEvent.Type.KeyPress, code, Qt.KeyboardModifier.NoModifier, text))

def typist():
    started.wait(20)
    for char in PASSWORD:
        key(char)
    typed_all.wait(20)
    key("\r", Qt.Key.Key_Return)

def shown(_app=None):
    QApplication.processEvents()
    window = next(w for w in QApplication.topLevelWidgets() if type(w).__name__ == "MainWindow" and w.isVisible())
    print("TYPED", len(arrived), "WHILE_LOADING", sum(arrived), flush=True)
    print("MAIN", window.model.rowCount(), window.case_view.case.title, flush=True)
    return 0

app = QApplication(sys.argv[:1])
keys = Keys()
app.installEventFilter(keys)
QApplication.exec = shown
sys.exit(ui_app.run(Path(sys.argv[1])))
"""


def _data_folder(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    services = Services.open(data, "richtig-langes-passwort-1")
    services.cases.create("Familie Çelik")
    services.close()
    vault.confirm_recovery_key(data)  # noted at set-up: the start shows no new one
    return data


def _start(child: str, data: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "KOOPERATION_PASSPHRASE"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run([sys.executable, "-c", child, str(data), "richtig-langes-passwort-1"], capture_output=True,
                          text=True, env=env, timeout=120, cwd=Path(__file__).resolve().parents[2])


def test_password_dialog_first_then_main_window(tmp_path: Path) -> None:
    out = _start(CHILD, _data_folder(tmp_path))
    lines = [line for line in out.stdout.splitlines() if line.split(" ", 1)[0] in ("AT_DIALOG", "WHILE_TYPING", "MAIN")]
    assert lines == ["AT_DIALOG []",
                     "WHILE_TYPING ['sqlalchemy', 'kooperation_desktop.services', 'ui.main_window', 'cryptography']",
                     "MAIN 1 Familie Çelik"], out.stdout + out.stderr


def test_the_password_dialog_takes_keys_while_the_program_loads(tmp_path: Path) -> None:
    out = _start(TYPING_CHILD, _data_folder(tmp_path))
    lines = [line for line in out.stdout.splitlines() if line.split(" ", 1)[0] in ("TYPED", "MAIN")]
    # every key arrived while the heavy modules were still loading, and they made the password
    assert lines == ["TYPED 25 WHILE_LOADING 25", "MAIN 1 Familie Çelik"], out.stdout + out.stderr


def test_a_wrong_password_says_so_and_the_dialog_answers_meanwhile(qtbot, tmp_path: Path) -> None:
    data = _data_folder(tmp_path)
    opened: list[Services] = []

    def attempt(text: str) -> str | None:  # what the start does with the typed text
        try:
            opened.append(Services.open(data, text))
        except ProtectionError as exc:
            return str(exc)
        return None

    dialog = dialogs.UnlockDialog(attempt, background=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.password_edit, "nicht-das-Passwort")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    # tried in the background: the dialog says so and cannot be closed meanwhile
    assert dialog.busy() and not dialog.password_edit.isEnabled() and not dialog.ok_button.isEnabled()
    assert dialog.ok_button.text() == "Wird geöffnet …"
    dialog.reject()
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=30000)
    assert dialog.isVisible() and not opened
    assert dialog.error.isVisible() and dialog.error.text().startswith("Das Passwort ist falsch.")
    assert dialog.password_edit.isEnabled() and dialog.password_edit.text() == ""
    assert dialog.ok_button.text() == "&Entsperren"
    qtbot.keyClicks(dialog.password_edit, "richtig-langes-passwort-1")
    with qtbot.waitSignal(dialog.accepted, timeout=30000):
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert len(opened) == 1
    opened[0].close()


LAUNCH_CHILD = r"""
import sys
from ui.launch import main
from ui.protection import dialogs

def ask_unlock(parent, attempt):
    print("AT_DIALOG", [m for m in ("kooperation_desktop.cli", "filelock") if m in sys.modules], flush=True)
    return False  # the user quits ("Beenden")

dialogs.ask_unlock = ask_unlock
print("EXIT", main(["--data-dir", sys.argv[1]]), flush=True)
"""


def test_the_usual_start_opens_the_window_without_the_command_lines_modules(tmp_path: Path) -> None:
    """``kooperation-desktop`` (or with ``--data-dir`` only) goes straight to the window: the
    command line's parser with its sub-commands, and the filelock package (the folder's lock is
    the OS's flock), are not loaded before the password dialog."""
    out = _start(LAUNCH_CHILD, _data_folder(tmp_path))
    lines = [line for line in out.stdout.splitlines() if line.split(" ", 1)[0] in ("AT_DIALOG", "EXIT")]
    assert lines == ["AT_DIALOG []", "EXIT 0"], out.stdout + out.stderr


def test_the_launcher_reports_a_window_that_cannot_start_on_one_line(monkeypatch, capsys, tmp_path: Path) -> None:
    from kooperation_desktop.cli import CliError
    from ui import launch

    def broken(data_dir: Path | None) -> int:
        raise CliError("Das Programmfenster kann nicht starten, Qt fehlt etwas (libxcb).")

    monkeypatch.setattr(launch, "open_window", broken)
    assert launch.main(["--data-dir", str(tmp_path)]) == 1
    assert capsys.readouterr().err == "Fehler: Das Programmfenster kann nicht starten, Qt fehlt etwas (libxcb).\n"
    # anything else than the window goes through the command line as before
    with pytest.raises(SystemExit) as stopped:
        launch.main(["--data-dir", str(tmp_path), "--help"])
    assert stopped.value.code == 0 and "Aufruf:" in capsys.readouterr().out
