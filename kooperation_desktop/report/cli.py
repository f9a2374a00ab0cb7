"""``export-report``: the report to the Jugendamt as a PDF on the command line.

``export-report --case NR --out DATEI [--from TT.MM.JJJJ --to TT.MM.JJJJ]``: without a period the
case's newest stored report (a sent one sealed, like a finalised agreement), or — when the case has
none — a draft for the period since the last report; with ``--from``/``--to`` a draft for that
period (not stored). Errors: one German line, exit 1 (2 for wrong usage).
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

__all__ = ["register"]


def register(subparsers: Any) -> None:
    """Add ``export-report`` to the command line's sub-commands."""
    from .. import cli
    from ..signing.commands import add_seal_arguments

    p = subparsers.add_parser(
        "export-report", help="den Bericht für das Jugendamt als PDF speichern",
        description="Speichert den Entwicklungsbericht eines Falls für das Jugendamt als PDF. Ohne Zeitraum: der "
                    "neueste gespeicherte Bericht des Falls (ein versendeter versiegelt), sonst ein Entwurf seit "
                    "dem letzten Bericht. Mit --from/--to: ein Entwurf für diesen Zeitraum.")
    p.add_argument("--case", type=int, required=True, metavar="NR", help="Nummer des Falls (siehe „list“)")
    p.add_argument("--out", type=Path, required=True, metavar="DATEI", help="Ziel-Datei (.pdf)")
    p.add_argument("--from", dest="period_from", type=cli._date_argument, metavar="TT.MM.JJJJ",
                   help="Beginn des Berichtszeitraums")
    p.add_argument("--to", dest="period_to", type=cli._date_argument, metavar="TT.MM.JJJJ",
                   help="Ende des Berichtszeitraums (Standard: heute)")
    add_seal_arguments(p)
    cli._add_data_dir(p)
    p.set_defaults(handler=_cmd_export_report)


def _cmd_export_report(args: argparse.Namespace) -> int:
    from .. import cli
    from ..atomic import write_bytes
    from ..paths import guard_target
    from ..pdf.report import render_report_bytes
    from ..usecases.reports import ReportService

    out: Path = args.out
    cli._check_target(out, "bericht.pdf", args.data_dir)
    start: dt.date | None = args.period_from
    end: dt.date | None = args.period_to
    if start is not None and end is not None and end < start:
        raise cli._UsageError("--to liegt vor --from.")
    with cli._services(args.data_dir) as services:
        if not services.cases.exists(args.case):
            raise cli.CliError(f"Einen Fall mit der Nummer {args.case} gibt es nicht (siehe „list“).")
        reports = ReportService(services.db)
        stored = reports.reports(args.case)
        if stored and start is None and end is None:
            report_id = stored[-1].id
            assert report_id is not None
            password = None
            if reports.needs_seal(report_id):
                from ..signing.commands import seal_password
                password = seal_password(args)
                if not password:
                    raise cli.CliError("Versendete Berichte werden versiegelt gespeichert. Bitte das Siegel-Passwort "
                                       "angeben: --seal-password-file DATEI oder Umgebungsvariable "
                                       "KOOPERATION_SEAL_PASSWORD.")
            result = reports.export(report_id, out, password=password)
            path, sealed = result.path, result.sealed
        else:
            doc = reports.draft(args.case, start, end)
            path, sealed = write_bytes(guard_target(out, services.db.data_dir), render_report_bytes(doc)), False
    print(f"Bericht gespeichert{' und versiegelt' if sealed else ''}: {path}")
    return 0
