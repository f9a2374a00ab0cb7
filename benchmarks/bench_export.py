"""Median times of what a user waits for: opening the data folder and listing the cases, and
exporting an agreement as PDF — plain and sealed, side by side in one run. Prints figures and
ratios only (no pass/fail).

    python benchmarks/bench_export.py [--runs N] [--cases N] [--data DIR] [--profile]

The PDF case is bench_scale's (10 goals, 30 indicators, 20 tasks, finalised); ``--cases 10000``
first bulk-writes that many synthetic cases into the folder (about a minute per 10,000 on a quiet
machine), as in issue 17's measurement. ``--data DIR`` keeps that folder: a later run with the same
DIR (e.g. of an older commit, to compare before and after under the same load) reuses it instead of
writing the cases again. The plain export is compared with baselines measured in the same run, in
alternating order (the machine's speed and load cancel out):

* the sealed export of the same version (render + PAdES seal + write): the plain export must take
  less time, it does less;
* a minimal reportlab document (one page, one paragraph, one small table, DejaVu Sans): what any
  PDF costs on this machine;
* a bare reportlab document with as many pages as the export (each page a heading, 12 paragraphs
  and a 3 x 8 table in DejaVu Sans), written to a file the same way: what the pages themselves cost;
* the same plain export without the reuse of :class:`.usertext.Paragraph` and the layout's tables
  (reportlab's own parsing, line breaking and drawing of every paragraph, and measuring of every
  table on every wrap, as before issue 17's fixes).

It also prints what reportlab does per plain export (counts do not depend on the load): paragraphs
made, markups parsed, line breakings, paragraphs reportlab drew, text runs written.

Target (issue 17): plain export ≤ 150 ms; before the fix 386 ms, more than the sealed export.
``--profile`` prints where the plain export's time goes (cProfile, top 25 by cumulative time).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("KOOPERATION_PASSPHRASE", "bench-passwort-2026")

from bench_scale import build_pdf_case, generate
from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import PageBreak, SimpleDocTemplate, Table, paraparser
from reportlab.platypus import paragraph as rl_paragraph
from reportlab.platypus.paragraph import Paragraph as PlainParagraph

from kooperation_desktop.atomic import write_bytes
from kooperation_desktop.demo import create_demo
from kooperation_desktop.pdf import layout
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


def bare_pages(pages: int, out: Path) -> Callable[[], None]:
    """The baseline with the export's number of pages: per page a heading, 12 paragraphs and a 3 x 8
    table (reportlab's own Paragraph, DejaVu Sans), written to ``out`` like the export."""
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=11, leading=15)
    words = "Kleidung am Vorabend bereitlegen, gemeinsam frühstücken und pünktlich losgehen."

    def run() -> None:
        story: list[object] = []
        for page in range(pages):
            story.append(PlainParagraph(f"Seite {page + 1}: Ağrı Şükrü Çelik", body))
            story += [PlainParagraph(f"{n}. {words}", body) for n in range(12)]
            story += [Table([[PlainParagraph(f"{row}.{col} Stufe", body) for col in range(3)] for row in range(8)]),
                      PageBreak()]
        buf = io.BytesIO()
        SimpleDocTemplate(buf).build(story[:-1])
        write_bytes(out, buf.getvalue())
    return run


def count_work(action: Callable[[], object]) -> dict[str, int]:
    """What reportlab does during ``action``: paragraphs made, markups parsed, line breakings,
    paragraphs drawn by reportlab, text runs written (the canvas' text objects)."""
    counts: dict[str, int] = {}
    methods = {"made": (rl_paragraph.Paragraph, "__init__"), "parsed": (paraparser.ParaParser, "parse"),
               "broken": (rl_paragraph.Paragraph, "breakLines"), "drawn": (rl_paragraph.Paragraph, "drawPara"),
               "text runs": (PDFTextObject, "_textOut")}
    saved = {name: getattr(cls, attr) for name, (cls, attr) in methods.items()}

    def counting(name: str, method: Callable[..., object]) -> Callable[..., object]:
        def counted(*args: object, **kwargs: object) -> object:
            counts[name] = counts.get(name, 0) + 1
            return method(*args, **kwargs)
        return counted

    for name, (cls, attr) in methods.items():
        setattr(cls, attr, counting(name, saved[name]))
    try:
        action()
    finally:
        for name, (cls, attr) in methods.items():
            setattr(cls, attr, saved[name])
    return {name: counts.get(name, 0) for name in methods}


def without_reuse(action: Callable[[], object]) -> Callable[[], None]:
    """``action`` with reportlab's own Paragraph parsing, wrap and drawing (every paragraph parsed,
    its lines broken on every wrap, drawn every time) and Table layout (every table's cells measured
    on every wrap): the export as it was before issue 17's fixes, measured in the same run
    (right-to-left lines still in reading order)."""
    table = getattr(layout, "_Table", None)  # the layout's tables (newer versions)
    plain: list[tuple[type, str, object]] = [
        (Paragraph, "_setup", PlainParagraph._setup), (Paragraph, "wrap", PlainParagraph.wrap),
        (Paragraph, "drawPara", vars(Paragraph).get("_draw_lines", PlainParagraph.drawPara)),
        *([(table, "_calc", Table._calc)] if table else [])]

    def run() -> None:
        saved = [(cls, name, vars(cls).get(name)) for cls, name, _method in plain]
        for cls, name, method in plain:
            setattr(cls, name, method)
        try:
            action()
        finally:
            for cls, name, method in saved:
                if method is None:
                    delattr(cls, name)
                else:
                    setattr(cls, name, method)
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
    parser.add_argument("--data", type=Path, help="Datenordner behalten und bei späteren Läufen wiederverwenden")
    parser.add_argument("--profile", action="store_true", help="Profil des einfachen PDF-Exports ausgeben")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        data = args.data or Path(tmp) / "data"
        made = data / "bench_export.json"  # what an earlier run with --data put there
        start = time.perf_counter()
        services = Services.open(data)  # first open: creates the database and runs the migrations
        first_open = (time.perf_counter() - start) * 1000
        if made.exists():
            known = json.loads(made.read_text(encoding="utf-8"))
            pdf_aid, demo_aid, args.cases = known["pdf"], known["demo"], known["cases"]
        else:
            if args.cases:
                generate(services, args.cases)
            pdf_aid = build_pdf_case(services)
            demo_aid = create_demo(services).agreement_id
            if args.data:
                made.write_text(json.dumps({"pdf": pdf_aid, "demo": demo_aid, "cases": args.cases}), encoding="utf-8")
        services.close()

        def open_and_list() -> None:
            opened = Services.open(data)
            opened.cases.list()
            opened.close()

        open_list = median_ms(open_and_list, args.runs)
        services = Services.open(data)
        signing = SigningService(services.db)
        if signing.seal_identity() is None:
            signing.set_up_seal("Familienhilfe Lindenhof e. V.", "bench-siegel")
        else:  # a kept data folder (--data) has its seal from the first run
            signing.unlock("bench-siegel")
        plain, sealed = Path(tmp) / "plain.pdf", Path(tmp) / "sealed.pdf"
        services.agreements.export_pdf(pdf_aid, plain)
        pages = len(PdfReader(plain).pages)
        actions: dict[str, Callable[[], object]] = {
            "plain": lambda: services.agreements.export_pdf(pdf_aid, plain),
            "sealed": lambda: signing.export(pdf_aid, sealed),
            "minimal": minimal_pdf,
            "bare": bare_pages(pages, Path(tmp) / "bare.pdf"),
            "plain_unreused": without_reuse(lambda: services.agreements.export_pdf(pdf_aid, plain)),
        }
        for action in actions.values():  # warm-up: fonts and modules are loaded once per process
            action()
        results = {
            "Services.open + list_cases": open_list,
            "list_cases (geöffnet)": median_ms(services.cases.list, args.runs),
            "export_pdf (Demo-Vereinbarung)": median_ms(
                lambda: services.agreements.export_pdf(demo_aid, Path(tmp) / "demo.pdf"), args.runs),
        }
        work = {name: count_work(actions[name]) for name in ("plain", "plain_unreused", "bare")}
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
          f"{pages} Seiten, {size_kb:.0f} KiB (Median, n={args.runs}, abwechselnd gemessen; "
          f"Last {os.getloadavg()[0]:.1f} / {os.getloadavg()[1]:.1f})")
    print("                                                  Wanduhr        CPU")
    for name, label in (("plain", "PDF-Export einfach (Services.export_pdf)"),
                        ("sealed", "PDF-Export + Siegel (SigningService.export)"),
                        ("minimal", "minimales reportlab-Dokument (Bezug)"),
                        ("bare", f"reportlab-Dokument mit {pages} Seiten (Bezug)"),
                        ("plain_unreused", "einfach, ohne Wiederverwendung (wie vorher)")):
        print(f"  {label:<46} {wall[name]:8.1f} ms {cpu[name]:8.1f} ms")
    print("  Ziel: einfach ≤ 150 ms")
    for over, label, goal in (("sealed", "einfach / Siegel: ", "   (Ziel < 1)"), ("minimal", "einfach / minimal:", ""),
                              ("bare", "einfach / gleich viele Seiten:", ""),
                              ("plain_unreused", "einfach / wie vorher:", "")):
        print(f"  {label:<30} {wall['plain'] / wall[over]:6.2f} ×   CPU {cpu['plain'] / cpu[over]:6.2f} ×{goal}")
    print("\nArbeit von reportlab je Export (Zählungen, unabhängig von der Last):")
    print("  " + " " * 44 + "".join(f"{name:>11}" for name in work["plain"]))
    for name, label in (("plain", "einfach"), ("plain_unreused", "einfach, ohne Wiederverwendung"),
                        ("bare", f"reportlab-Dokument mit {pages} Seiten")):
        print(f"  {label:<44}" + "".join(f"{n:>11}" for n in work[name].values()))
    if args.profile:
        print("\nProfil: 5 × einfacher PDF-Export (kumulierte Zeit)")
        pstats.Stats(profile).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
