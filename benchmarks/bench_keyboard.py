"""The first agreement with the keyboard alone (issue 13): key presses, focus changes, wall time.

Runs the scripted walk of ``tests/ui/test_ui_keyboard_count.py`` (headless Qt) and prints its count
and the wall time of the whole scripted run:

    .venv/bin/python benchmarks/bench_keyboard.py
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    started = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-s", "-p", "no:cacheprovider",
         "tests/ui/test_ui_keyboard_count.py"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    found = re.search(r"keyboard walk: .*", run.stdout)
    if run.returncode != 0 or not found:
        print(run.stdout[-3000:], run.stderr[-2000:], sep="\n", file=sys.stderr)
        print("Der Tastatur-Durchlauf ist fehlgeschlagen.", file=sys.stderr)
        return 1
    print(found.group(0))
    print(f"wall time of the scripted run (pytest start included): {wall:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
