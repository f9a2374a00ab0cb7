"""Median times of what a user waits for: opening the data folder and listing the cases, and
exporting an agreement as PDF — plain and sealed, side by side in one run. Prints figures and
ratios only (no pass/fail).

    python benchmarks/bench_export.py [--runs N] [--cases N] [--profile]

The PDF case is bench_scale's (10 goals, 30 indicators, 20 tasks, finalised); ``--cases 10000``
first bulk-writes that many synthetic cases into the folder (about a minute per 10,000 on a quiet
machine), as in issue 17's measurement. The plain export is compared with two baselines measured
in the same run, in alternating order (the machine's speed and load cancel out):

* the sealed export of the same version (render + PAdES seal + write): the plain export must take
  less time, it does less;
* a minimal reportlab document (one page, one paragraph, one small table, DejaVu Sans): what any
  PDF costs on this machine;
* the same plain export without the paragraph reuse of :class:`.usertext.Paragraph` (reportlab's
  own parsing and line breaking, as before issue 17's fix).

Target (issue 17): plain export ≤ 150 ms; before the fix 386 ms, more than the sealed export.
``--profile`` prints where the plain export's time goes (cProfile, top 25 by cumulative time).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("KOOPERATION_PASSPHRASE", "bench-passwort-2026")

from bench_scale import build_pdf_case, generate
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import SimpleDocTemplate, Table
from reportlab.platypus.paragraph import Paragraph as PlainParagraph

from kooperation_desktop.demo import create_demo
from kooperation_desktop.pdf.fonts import FONT, register_fonts
from kooperation_desktop.pdf.usertext import Paragraph
from kooperation_desktop.services import Services
from kooperation_desktop.signing.service import SigningService


def median_ms(action: Callable[[], object], runs: int) -> tuple[float, float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times), max(times)


def minimal_pdf() -> bytes:
    """The baseline: one page with a paragraph and a 2×2 table in the same font."""
    register_fonts()
    style = ParagraphStyle("body", fontName=FONT, fontSize=11, leading=15)
    buf = io.BytesIO()
    SimpleDocTemplate(buf).build([
        Paragraph("Kooperationsvereinbarung – Familie Çelik-Wróbel", style),
        Table([[Paragraph("Wer", style), Paragraph("Was", style)],
               [Paragraph("Ağrı Şükrü Çelik", style), Paragraph("Kleidung am Vorabend bereitlegen.", style)]]),
    ])
    return buf.getvalue()


def without_reuse(action: Callable[[], object]) -> Callable[[], None]:
    """``action`` with reportlab's own Paragraph.wrap and parsing (every paragraph parsed, its lines
    broken on every wrap): the export as it was before issue 17, measured in the same run."""
    def run() -> None:
        saved = {name: vars(Paragraph).get(name) for name in ("_setup", "wrap")}
        for name in saved:
            setattr(Paragraph, name, getattr(PlainParagraph, name))
        try:
            action()
        finally:
            for name, method in saved.items():
                if method is None:
                    delattr(Paragraph, name)
                else:
                    setattr(Paragraph, name, method)
    return run


def interleaved(actions: dict[str, Callable[[], object]], runs: int) -> dict[str, list[tuple[float, float]]]:
    """Each action once per round, ``runs`` rounds: a slow phase of the machine hits all alike.
    Per run (wall-clock ms, CPU ms of this process): on a busy machine the CPU time waits less."""
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in actions}
    for _ in range(runs):
        for name, action in actions.items():
            start, cpu = time.perf_counter(), time.process_time()
            action()
            times[name].append(((time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description="Messungen: Datenbank öffnen, Fälle auflisten, PDF-Export.")
    parser.add_argument("--runs", type=int, default=15, help="Wiederholungen je Messung (Standard: 15)")
    parser.add_argument("--cases", type=int, default=0, help="so viele erzeugte Fälle zusätzlich im Ordner")
    parser.add_argument("--profile", action="store_true", help="Profil des einfachen PDF-Exports ausgeben")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        start = time.perf_counter()
        services = Services.open(data)  # first open: creates the database and runs the migrations
        first_open = (time.perf_counter() - start) * 1000
        if args.cases:
            generate(services, args.cases)
        pdf_aid = build_pdf_case(services)
        demo = create_demo(services)
        services.close()

        def open_and_list() -> None:
            opened = Services.open(data)
            opened.cases.list()
            opened.close()

        open_list = median_ms(open_and_list, args.runs)
        services = Services.open(data)
        signing = SigningService(services.db)
        signing.set_up_seal("Familienhilfe Lindenhof e. V.", "bench-siegel")
        plain, sealed = Path(tmp) / "plain.pdf", Path(tmp) / "sealed.pdf"
        actions: dict[str, Callable[[], object]] = {
            "plain": lambda: services.agreements.export_pdf(pdf_aid, plain),
            "sealed": lambda: signing.export(pdf_aid, sealed),
            "minimal": minimal_pdf,
            "plain_unreused": without_reuse(lambda: services.agreements.export_pdf(pdf_aid, plain)),
        }
        for action in actions.values():  # warm-up: fonts and modules are loaded once per process
            action()
        results = {
            "Services.open + list_cases": open_list,
            "list_cases (geöffnet)": median_ms(services.cases.list, args.runs),
            "export_pdf (Demo-Vereinbarung)": median_ms(
                lambda: services.agreements.export_pdf(demo.agreement_id, Path(tmp) / "demo.pdf"), args.runs),
        }
        pdf_times = interleaved(actions, args.runs)
        size_kb = plain.stat().st_size / 1024
        if args.profile:
            profile = cProfile.Profile()
            profile.runcall(lambda: [services.agreements.export_pdf(pdf_aid, plain) for _ in range(5)])
        services.close()

    print(f"Erstes Öffnen (Datenbank anlegen, Migrationen): {first_open:8.1f} ms")
    for name, (med, lo, hi) in results.items():
        print(f"{name:<34} Median {med:8.1f} ms   (min {lo:.1f}, max {hi:.1f}, n={args.runs})")
    wall = {name: statistics.median(run[0] for run in runs) for name, runs in pdf_times.items()}
    cpu = {name: statistics.median(run[1] for run in runs) for name, runs in pdf_times.items()}
    print(f"\nPDF-Fall: 10 Ziele, 30 Indikatoren, 20 Aufgaben; {args.cases} weitere Fälle im Ordner; "
          f"{size_kb:.0f} KiB (Median, n={args.runs}, abwechselnd gemessen)")
    print("                                                  Wanduhr        CPU")
    for name, label in (("plain", "PDF-Export einfach (Services.export_pdf)"),
                        ("sealed", "PDF-Export + Siegel (SigningService.export)"),
                        ("minimal", "minimales reportlab-Dokument (Bezug)"),
                        ("plain_unreused", "einfach, ohne Wiederverwendung (wie vorher)")):
        print(f"  {label:<46} {wall[name]:8.1f} ms {cpu[name]:8.1f} ms")
    print("  Ziel: einfach ≤ 150 ms")
    for over, label, goal in (("sealed", "einfach / Siegel: ", "   (Ziel < 1)"), ("minimal", "einfach / minimal:", ""),
                              ("plain_unreused", "einfach / wie vorher:", "")):
        print(f"  {label} {wall['plain'] / wall[over]:6.2f} ×   CPU {cpu['plain'] / cpu[over]:6.2f} ×{goal}")
    if args.profile:
        print("\nProfil: 5 × einfacher PDF-Export (kumulierte Zeit)")
        pstats.Stats(profile).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
