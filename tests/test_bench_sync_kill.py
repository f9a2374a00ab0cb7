"""The kill -9 benchmark of the sync (benchmarks/bench_sync_kill.py, issue 14) counts a lost, a doubled
and a left-over row as such. Its runs (a real child process per run, several seconds each) are the
benchmark's, not the suite's; tests/test_sync.py kills a sync at each of its commit points."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_sync_kill.py"


def _bench() -> ModuleType:
    if "bench_sync_kill" in sys.modules:
        return sys.modules["bench_sync_kill"]
    spec = importlib.util.spec_from_file_location("bench_sync_kill", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_sync_kill"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _row(uuid: str, first_name: str, version: int = 1) -> tuple:
    return (("case_uuid", "c1"), ("first_name", first_name), ("row_version", version), ("uuid", uuid))


def test_the_benchmark_counts_lost_doubled_and_surplus_rows() -> None:
    compare = _bench().compare
    laptop = {"persons": [_row("p1", "Ada"), _row("p2", "Bo")], "cases": [(("title", "X"), ("uuid", "c1"))]}
    same = {"persons": [_row("p1", "Ada", 3), _row("p2", "Bo")], "cases": [(("title", "X"), ("uuid", "c1"))]}
    assert compare(laptop, same) == (0, 0, [])  # a row version counted up on the server is no difference
    # Bo's edit lost (the old name on the server), Ada there twice under a new uuid, a deleted row left over
    server = {"persons": [_row("p1", "Ada"), _row("p9", "Ada"), _row("p2", "Bob"), _row("p3", "Gelöscht")],
              "cases": [(("title", "X"), ("uuid", "c1"))]}
    lost, doubled, problems = compare(laptop, server)
    assert (lost, doubled) == (1, 1)
    assert problems == ["persons: 2 Zeilen zu viel auf dem Server"]
