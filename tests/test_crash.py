"""Crash safety: the editing path in a child process is killed with SIGKILL at random moments
while it writes; after reopening the database is intact and every committed edit is there."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from kooperation_desktop.protection.crashprobe import prepare, run_once


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_while_writing_loses_no_committed_edit(tmp_path: Path) -> None:
    data = tmp_path / "data"
    case_id = prepare(data)
    rng = random.Random(4)
    total = 0
    for _ in range(3):
        result = run_once(data, case_id, kill_after=rng.uniform(0.2, 0.8))
        assert result.integrity == "ok"
        assert result.lost == 0, f"{result.lost} of {result.committed} committed edits lost"
        total += result.committed
    assert total > 10  # the child really was writing when it was killed
