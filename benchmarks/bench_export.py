"""Median times of what a user waits for: opening the data folder and listing the cases, and
exporting the demo agreement as PDF. Prints figures only (no pass/fail).

    python benchmarks/bench_export.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from kooperation_desktop.demo import create_demo
from kooperation_desktop.services import Services


def median_ms(action: Callable[[], object], runs: int) -> tuple[float, float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times), max(times)


def main() -> None:
    parser = argparse.ArgumentParser(description="Messungen: Datenbank öffnen, Fälle auflisten, PDF-Export.")
    parser.add_argument("--runs", type=int, default=15, help="Wiederholungen je Messung (Standard: 15)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        start = time.perf_counter()
        services = Services.open(data)  # first open: creates the database and runs the migrations
        first_open = (time.perf_counter() - start) * 1000
        demo = create_demo(services)
        services.close()

        def open_and_list() -> None:
            s = Services.open(data)
            s.cases.list()
            s.close()

        services = Services.open(data)
        out = Path(tmp) / "demo.pdf"

        def export() -> None:
            services.agreements.export_pdf(demo.agreement_id, out)

        export()  # warm-up: fonts are loaded once per process
        results = {
            "Services.open + list_cases": median_ms(open_and_list, args.runs),
            "list_cases (geöffnet)": median_ms(services.cases.list, args.runs),
            "export_pdf (Demo-Vereinbarung)": median_ms(export, args.runs),
        }
        size_kb = out.stat().st_size / 1024
        services.close()

    print(f"Erstes Öffnen (Datenbank anlegen, Migrationen): {first_open:8.1f} ms")
    for name, (med, lo, hi) in results.items():
        print(f"{name:<34} Median {med:8.1f} ms   (min {lo:.1f}, max {hi:.1f}, n={args.runs})")
    print(f"PDF-Größe: {size_kb:.0f} KiB")


if __name__ == "__main__":
    main()
