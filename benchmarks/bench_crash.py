"""Crash-safety benchmark: 100 times start the editing path in a child process, SIGKILL it while it
writes (after a random number, 1 to 60, of committed edits, as the next one begins), reopen, check
PRAGMA integrity_check and every committed edit.

    KOOPERATION_PASSPHRASE=… python benchmarks/bench_crash.py [--runs 100] [--seed 1]

Prints survived/lost counts (a run "survived" when the database is intact and nothing committed
is missing). Uses a temporary data folder; the password only protects that test database.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

from kooperation_desktop.protection.crashprobe import prepare, run_once


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    os.environ.setdefault("KOOPERATION_PASSPHRASE", "benchmark-passwort-2026")
    rng = random.Random(args.seed)
    survived = lost_runs = lost_edits = committed = 0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        case_id = prepare(data)
        for i in range(args.runs):
            result = run_once(data, case_id, kill_after=rng.randint(1, 60))
            committed += result.committed
            if result.integrity == "ok" and result.lost == 0:
                survived += 1
            else:
                lost_runs += 1
                lost_edits += result.lost
                print(f"run {i + 1}: integrity={result.integrity} lost={result.lost}/{result.committed}")
    print(f"runs: {args.runs}  survived: {survived}  lost: {lost_runs}  "
          f"committed edits checked: {committed}  lost edits: {lost_edits}  "
          f"({time.perf_counter() - started:.0f} s)")
    return 0 if lost_runs == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
