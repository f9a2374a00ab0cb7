"""Crash safety: the editing path in a child process is killed with SIGKILL while it writes; after
reopening the database is intact and every committed edit is there.

Progress is counted by events, not by time: the child reports each committed edit, and the parent
kills it as the edit after the N-th begins (N drawn from a seeded random), so a slow or busy
machine only makes the test take longer, never fail."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from kooperation_desktop.protection.crashprobe import prepare, run_once


@pytest.mark.slow  # real processes killed (SIGKILL) while writing, three times
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_while_writing_loses_no_committed_edit(tmp_path: Path) -> None:
    data = tmp_path / "data"
    case_id = prepare(data)
    rng = random.Random(4)
    for _ in range(3):
        kill_after = rng.randint(3, 15)
        result = run_once(data, case_id, kill_after=kill_after)
        assert result.committed >= kill_after, (
            f"the child reported only {result.committed} of {kill_after} edits (it died or hung)")
        assert result.integrity == "ok"
        assert result.lost == 0, f"{result.lost} of {result.committed} committed edits lost"
