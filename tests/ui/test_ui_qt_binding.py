"""The Qt binding must not crash a long working session.

PySide6 6.12.0 released a reference to ``None`` on every call of a void method (``setText``,
``addItem`` ...): after a few thousand calls Python 3.11 aborts with "none_dealloc" and the social
worker loses the window. pyproject.toml therefore caps the version; this test is the check before
the cap is lifted. It runs in a child process, so the abort it guards against cannot take the test
run with it.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.gui

PROBE = """
import sys
from PySide6.QtWidgets import QApplication, QLabel, QListWidget
app = QApplication([])
label, items = QLabel(), QListWidget()
before = sys.getrefcount(None)
for _ in range(20000):
    label.setText("Ağrı")
    items.addItem("Термин")
print(sys.getrefcount(None) - before)
"""


def test_twenty_thousand_widget_calls_neither_crash_nor_leak_none():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-500:]
    assert abs(int(done.stdout.strip().splitlines()[-1])) < 100
