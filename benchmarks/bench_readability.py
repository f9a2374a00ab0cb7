"""How long the readability check takes (issue 16): the wizard runs it after each pause in typing.

    .venv/bin/python benchmarks/bench_readability.py [--runs N]

Prints medians (min/max) for: the first call (imports textstat and nltk, parses Pyphen's German
dictionary; wall time and this process's CPU time), a goal of one sentence,
the shipped consent text (~100 words) and a long text (~1,000 words, one character changed per run
so textstat's cache does not answer), each also as a ratio to the baseline measured in the same run:
splitting the same long text into words (``str.split``), the least any text check has to do.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kooperation_desktop.domain import readability
from kooperation_desktop.pdf.texts import consent_text


def timed(fn: Callable[[int], object], runs: int) -> list[float]:
    out = []
    for i in range(runs):
        start = time.perf_counter()
        fn(i)
        out.append(time.perf_counter() - start)
    return out


def show(name: str, times: list[float], base: float | None = None) -> None:
    med = statistics.median(times)
    ratio = f"   ×{med / base:,.0f} der Basis" if base else ""
    print(f"{name:<42} {med * 1000:8.2f} ms  (min {min(times) * 1000:.2f}, max {max(times) * 1000:.2f}){ratio}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    runs = parser.parse_args().runs

    start, cpu = time.perf_counter(), time.process_time()
    readability.analyse("Wir gehen los.")
    first, first_cpu = time.perf_counter() - start, time.process_time() - cpu

    goal = "Wir wollen morgens ohne Streit aus dem Haus kommen"
    consent = consent_text("de")[1]
    long_text = " ".join([consent] * 10)
    print(f"Langer Text: {len(long_text.split())} Wörter; {runs} Läufe")

    base = timed(lambda i: (long_text + str(i)).split(), runs)
    show("Basis: str.split des langen Texts", base)
    med = statistics.median(base)
    show("erster Aufruf (Import textstat, nltk)", [first])
    show("  davon Rechenzeit dieses Prozesses", [first_cpu])  # on a busy machine far below the wall time
    show("ein Ziel (1 Satz)", timed(lambda i: readability.analyse(f"{goal} {i}."), runs), med)
    show("Einverständnistext (~100 Wörter)", timed(lambda i: readability.analyse(consent + str(i)), runs), med)
    show("langer Text (~1.000 Wörter)", timed(lambda i: readability.analyse(long_text + str(i)), runs), med)


if __name__ == "__main__":
    main()
