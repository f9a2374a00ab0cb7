"""Median times of exporting the demo agreement: plain PDF next to PDF + seal (PAdES B-B with the
organisation's key), and verifying the sealed file. Prints figures only (no pass/fail).

    python benchmarks/bench_seal.py [--runs N]

Uses a temporary data folder; the database password and the seal password are made up here.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from kooperation_desktop.demo import create_demo
from kooperation_desktop.services import Services
from kooperation_desktop.signing.service import SigningService


def median_ms(action: Callable[[], object], runs: int) -> tuple[float, float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times), max(times)


def main() -> None:
    parser = argparse.ArgumentParser(description="Messung: PDF-Export mit und ohne Siegel.")
    parser.add_argument("--runs", type=int, default=15, help="Wiederholungen je Messung (Standard: 15)")
    args = parser.parse_args()
    os.environ.setdefault("KOOPERATION_PASSPHRASE", "benchmark-passwort-2026")

    with tempfile.TemporaryDirectory() as tmp:
        services = Services.open(Path(tmp) / "data")
        demo = create_demo(services)
        signing = SigningService(services.db)
        start = time.perf_counter()
        signing.set_up_seal("Familienhilfe Lindenhof e. V.", "benchmark-siegel")
        setup_ms = (time.perf_counter() - start) * 1000
        plain, sealed = Path(tmp) / "plain.pdf", Path(tmp) / "sealed.pdf"

        def export_plain() -> None:
            services.agreements.export_pdf(demo.agreement_id, plain)

        def export_sealed() -> None:
            signing.export(demo.agreement_id, sealed)

        export_plain()
        export_sealed()  # warm-up: fonts and pyHanko are loaded once per process
        results = {
            "export_pdf (ohne Siegel)": median_ms(export_plain, args.runs),
            "Export + Siegel": median_ms(export_sealed, args.runs),
            "Siegel prüfen (verify)": median_ms(lambda: signing.verify_file(sealed), args.runs),
        }
        unlock = median_ms(lambda: signing.unlock("benchmark-siegel"), max(3, args.runs // 5))
        sizes = plain.stat().st_size / 1024, sealed.stat().st_size / 1024
        services.close()

    print(f"Siegel einrichten (Schlüssel + Zertifikat + PKCS#12): {setup_ms:8.1f} ms")
    print(f"{'Siegel entsperren (Passwort)':<28} Median {unlock[0]:8.1f} ms   "
          f"(min {unlock[1]:.1f}, max {unlock[2]:.1f})")
    for name, (med, lo, hi) in results.items():
        print(f"{name:<28} Median {med:8.1f} ms   (min {lo:.1f}, max {hi:.1f}, n={args.runs})")
    print(f"PDF-Größe: {sizes[0]:.0f} KiB ohne, {sizes[1]:.0f} KiB mit Siegel")


if __name__ == "__main__":
    main()
