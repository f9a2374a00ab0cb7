"""A check script of tests/ui run in its own Python on an offscreen screen of a given size and scale
(``QT_QPA_PLATFORM=offscreen:configfile=…``): the clipping checks of the wizard and the report dialog."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def start_on_screen(script: Path, folder: Path, scale: str, screen: tuple[int, int],
                    extra_args: Sequence[str] = ()) -> subprocess.Popen[str]:
    """Start ``script DATA_DIR [extra_args]`` (data folder ``folder/data``) on a ``screen`` of
    width × height at ``QT_SCALE_FACTOR=scale``; stdout and stderr are captured."""
    folder.mkdir()
    config = folder / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": screen[0],
                                               "height": screen[1], "logicalDpi": 96, "logicalBaseDpi": 96,
                                               "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "QT_SCALE_FACTOR": scale,
           "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, str(script), str(folder / "data"), *extra_args], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
