"""Every word readable (issue 13): long realistic German texts on every wizard page at 100 % and
150 %, on a 1366×768 and a 1920×1080 screen, and on a small 720×540 one (the rows of tasks and of
communication become cards); no input's text wider than its visible area, no label cut, no field
drawn over another, no page scrolling sideways; the unlock dialog after a wrong password too.

Qt's scale factor is fixed per process: each screen/scale runs ``tests/wizard_clipping.py`` in a
subprocess of its own (they run side by side)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget
from screens import start_on_screen

from ui.widgets import GrowingTextEdit

ROOT = Path(__file__).resolve().parent.parent.parent
SCRIPT = ROOT / "tests" / "ui" / "wizard_clipping.py"
RUNS = [(scale, screen) for scale in ("1", "1.5") for screen in ((1366, 768), (1920, 1080))] + [("1", (720, 540))]

pytestmark = pytest.mark.gui


def _start(tmp_path: Path, scale: str, screen: tuple[int, int]) -> subprocess.Popen[str]:
    return start_on_screen(SCRIPT, tmp_path / f"{scale}_{screen[0]}", scale, screen)


def test_no_text_is_cut_on_any_wizard_page_at_100_and_150_percent(tmp_path: Path) -> None:
    runs = {(scale, screen): _start(tmp_path, scale, screen) for scale, screen in RUNS}
    results: dict[str, list[str]] = {}
    for (scale, screen), process in runs.items():
        out, err = process.communicate(timeout=240)
        assert process.returncode == 0, err[-3000:]
        report = json.loads(out.strip().splitlines()[-1])
        expected = [round(screen[0] / float(scale)), round(screen[1] / float(scale))]
        assert abs(report["screen"][0] - expected[0]) <= 1, (report["screen"], expected)  # really scaled
        results[f"{float(scale):.0%} {screen[0]}×{screen[1]}"] = report["clipped"]
    assert {k: v for k, v in results.items() if v} == {}


# --- the growing text field --------------------------------------------------------------------

def test_a_sentence_field_grows_with_its_text_and_tab_moves_on(qtbot) -> None:
    host = QWidget()
    layout = QVBoxLayout(host)
    edit = GrowingTextEdit(host)
    after = QLineEdit(host)
    layout.addWidget(edit)
    layout.addWidget(after)
    host.resize(300, 400)
    qtbot.addWidget(host)
    host.show()
    one_line = edit.height()
    edit.setPlainText("Legt abends mit Mia Kleidung und Schulranzen für den nächsten Morgen bereit und schaut "
                      "gemeinsam mit ihr ins Hausaufgabenheft.")
    qtbot.waitUntil(lambda: edit.height() > 2 * one_line)
    last = edit.document().lastBlock()
    assert edit.blockBoundingGeometry(last).translated(edit.contentOffset()).bottom() <= edit.viewport().height()
    assert not edit.horizontalScrollBar().isVisible()
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow)
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert after.hasFocus()  # Tab leaves the field, it types no tab character
    assert "\t" not in edit.toPlainText()


def test_the_check_sees_a_cut_label_and_a_cut_field(qtbot) -> None:
    """The clipping test's own check: it reports what it must (so a green run means something)."""
    sys.path.insert(0, str(SCRIPT.parent))
    from wizard_clipping import clipped_widgets

    host = QWidget()
    qtbot.addWidget(host)
    line = QLineEdit("Oma von Mia (Mutter von Herrn Wróblewski-Becker)", host)
    line.setGeometry(0, 0, 120, 30)
    label = QLabel("Die Daten sind verschlüsselt. Bitte Ihr Passwort eingeben.", host)
    label.setWordWrap(True)
    label.setGeometry(0, 40, 150, 20)
    host.resize(300, 100)
    host.show()
    found = clipped_widgets(host, "test")
    assert any("QLineEdit" in f for f in found) and any("QLabel" in f for f in found), found
