"""Command line of Kooperation Desktop (entry point ``kooperation-desktop``).

Without a sub-command the window opens: the launcher (:mod:`ui.launch`, the installed command)
passes ``open_window``; the core itself never imports the ``ui`` package.
Every sub-command takes ``--data-dir DIR``. Errors print one German line on stderr and exit
with code 1 (2 for wrong usage), never a traceback; set ``KOOPERATION_DEBUG=1`` to see one.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import errno
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from . import __version__
from .signing.commands import add_seal_arguments
from .signing.commands import export as seal_export

# the domain modules load with the sub-command that needs them: the window's start (no
# sub-command) does not wait for them
if TYPE_CHECKING:
    from .domain.model import AgreementSummary
    from .followup.model import DueItem
    from .services import Services
    from .signing.model import PartyStatus

PROG = "kooperation-desktop"


class CliError(Exception):
    """A German message for the user; exit code 1."""


_ARGPARSE_DE = (
    (r"^the following arguments are required: (.*)$", r"Es fehlt: \1"),
    (r"^unrecognized arguments: (.*)$", r"Unbekannte Angabe: \1"),
    (r"^argument (\S+): invalid int value: (.*)$", r"\1 erwartet eine Zahl, nicht \2"),
    (r"^argument (\S+): invalid choice: (.*?) \(choose from (.*)\)$", r"\1: \2 gibt es nicht (möglich: \3)"),
    (r"^argument (\S+): expected one argument$", r"\1 braucht einen Wert"),
    (r"^argument (\S+): (.*)$", r"\1: \2"),  # German messages of our own type functions (e.g. dates)
)


def _date_argument(text: str) -> dt.date:
    """argparse type for TT.MM.JJJJ: a wrong date is a usage error with the German message."""
    from .domain import labels

    try:
        return labels.parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


MAX_DUE_DAYS = 3650


def _days_argument(text: str) -> int:
    try:
        days = int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"„{text}“ ist keine Zahl. Bitte die Anzahl der Tage angeben, "
                                         "z. B. 14.") from None
    if not 0 <= days <= MAX_DUE_DAYS:
        raise argparse.ArgumentTypeError(f"Bitte eine Anzahl Tage zwischen 0 und {MAX_DUE_DAYS} angeben.")
    return days


class _GermanHelpFormatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                  groups: Iterable[Any], prefix: str | None = None) -> None:
        return super().add_usage(usage, actions, groups, "Aufruf: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse with German headings and a one-line German error (exit code 2)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _GermanHelpFormatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "Argumente"
        self._optionals.title = "Optionen"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help="diese Hilfe anzeigen und beenden")

    def error(self, message: str) -> NoReturn:
        for pattern, german in _ARGPARSE_DE:
            message = re.sub(pattern, german, message)
        self.exit(2, f"Fehler beim Aufruf: {message} (Hilfe: {self.prog} --help)\n")


def _default_data_dir(create: bool = True) -> Path:
    from .paths import default_data_dir

    return Path(default_data_dir(create=create))


def _add_data_dir(parser: argparse.ArgumentParser, default: object = argparse.SUPPRESS) -> None:
    # Sub-commands use SUPPRESS so "--data-dir X demo" and "demo --data-dir X" both work.
    parser.add_argument("--data-dir", metavar="ORDNER", type=Path, default=default,
                        help="Datenordner (Standard: der Datenordner des Benutzers, siehe README)")
    from .protection.commands import add_passphrase_option

    add_passphrase_option(parser, default)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Kooperationsvereinbarungen in den Hilfen zur Erziehung: offline erstellen, "
                    "drucken und nachhalten.\nOhne Befehl öffnet sich das Programmfenster.",
        epilog="Beispiel: kooperation-desktop demo --data-dir /tmp/probe",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}",
                        help="Programmversion anzeigen und beenden")
    parser.add_argument("--self-test", action="store_true",
                        help="Selbsttest: Datenbank in einem Temp-Ordner, ein PDF erzeugen, beenden (0 = in Ordnung)")
    _add_data_dir(parser, default=None)
    sub = parser.add_subparsers(dest="command", title="Befehle", metavar="BEFEHL", parser_class=_Parser)

    p = sub.add_parser("demo", help="eine erfundene Beispielfamilie mit fertiger Vereinbarung anlegen",
                       description="Legt eine erfundene Familie mit Beteiligten, Einverständnissen und einer "
                                   "abgeschlossenen Kooperationsvereinbarung an. Ein zweiter Aufruf legt "
                                   "nichts doppelt an.")
    _add_data_dir(p)

    p = sub.add_parser("list", help="alle Fälle als Tabelle anzeigen",
                       description="Zeigt alle Fälle mit Nummer, Titel, Aktenzeichen und Stand der Vereinbarung.")
    p.add_argument("--filter", default="", metavar="TEXT", help="nur Fälle, die diesen Text enthalten")
    _add_data_dir(p)

    p = sub.add_parser("export-pdf", help="eine Vereinbarung als PDF speichern",
                       description="Speichert eine Kooperationsvereinbarung als PDF. Ohne --agreement: die "
                                   "neueste Vereinbarung aller Fälle.")
    p.add_argument("--agreement", type=int, metavar="NR", help="Nummer der Vereinbarung (siehe „list“)")
    p.add_argument("--out", type=Path, required=True, metavar="DATEI", help="Ziel-Datei (.pdf)")
    add_seal_arguments(p)  # abgeschlossene Versionen werden versiegelt (signing/commands.py)
    _add_data_dir(p)

    p = sub.add_parser("export-case", help="einen Fall als JSON-Datei speichern",
                       description="Speichert einen Fall mit allen Versionen seiner Vereinbarung als JSON-Datei "
                                   "(Format: docs/case-json-format.md).")
    p.add_argument("--case", type=int, required=True, metavar="NR", help="Nummer des Falls (siehe „list“)")
    p.add_argument("--out", type=Path, required=True, metavar="DATEI", help="Ziel-Datei (.json)")
    _add_data_dir(p)

    p = sub.add_parser("import-case", help="einen Fall aus einer JSON-Datei übernehmen",
                       description="Übernimmt einen Fall aus einer mit „export-case“ gespeicherten Datei als "
                                   "neuen Fall (mit neuen Nummern).")
    p.add_argument("file", type=Path, metavar="DATEI", help="die JSON-Datei")
    _add_data_dir(p)

    p = sub.add_parser("verify", help="das Siegel einer PDF-Datei prüfen",
                       description="Prüft das digitale Siegel einer exportierten Vereinbarung: wer versiegelt hat, "
                                   "wann, ob die Datei unverändert ist und ob ihr Prüfwert zur Datenbank passt. "
                                   "Rückgabewert 0 nur bei unverändertem Siegel dieser Organisation über die "
                                   "ganze Datei, sonst 3.")
    p.add_argument("file", type=Path, metavar="DATEI.pdf", help="die PDF-Datei")
    _add_data_dir(p)

    p = sub.add_parser("due", help="„Heute fällig / überfällig“: was in allen offenen Fällen ansteht",
                       description="Zeigt, was in allen offenen Fällen fällig oder überfällig ist (Überprüfungen, "
                                   "Treffen, Berichte, Aufgaben, Ende der Hilfe), das Älteste zuerst, wie die "
                                   "Startseite des Programms; die letzte Zeile zählt zusammen.")
    p.add_argument("--date", type=_date_argument, metavar="TT.MM.JJJJ",
                   help="Stichtag statt heute")
    p.add_argument("--days", type=_days_argument, default=None, metavar="N",
                   help="auch was in den nächsten N Tagen fällig wird (Standard: 14)")
    _add_data_dir(p)

    p = sub.add_parser("sign-paper", help="eine Unterschrift auf Papier eintragen (oder: wer unterschreibt)",
                       description="Trägt ein, dass eine Person oder Stelle die ausgedruckte, abgeschlossene "
                                   "Vereinbarung auf Papier unterschrieben hat. Ohne --party: zeigt, wer "
                                   "unterschreibt (mit dem Schlüssel für --party) und wer schon unterschrieben hat.",
                       epilog="Beispiel: kooperation-desktop sign-paper --agreement 2 --party person:1 "
                              "--date 01.03.2027")
    p.add_argument("--agreement", type=int, required=True, metavar="NR",
                   help="Nummer der Vereinbarung (siehe „list“)")
    p.add_argument("--party", metavar="SCHLÜSSEL",
                   help="wer unterschrieben hat, z. B. person:1 oder partner:4 (ohne --party: Liste)")
    p.add_argument("--date", type=_date_argument, metavar="TT.MM.JJJJ",
                   help="Tag der Unterschrift (nötig mit --party)")
    p.add_argument("--note", default="", metavar="TEXT", help="Bemerkung, z. B. wo das Original liegt")
    _add_data_dir(p)
    from .protection.commands import add_commands as add_protection_commands

    add_protection_commands(sub, _add_data_dir)
    from .team.cli import register as register_server

    register_server(sub)
    from .report.cli import register as add_report_commands  # export-report (report/cli.py)

    add_report_commands(sub)
    from .team.sync_cli import register as register_sync

    register_sync(sub, _add_data_dir, _services)
    return parser


def _holds_data(path: Path) -> bool:
    from .protection.vault import database_state

    return path.is_dir() and database_state(path) != "new"


def _require_data(path: Path) -> None:
    """A command that only works on existing data never creates a data folder."""
    if not path.exists():
        raise CliError(f"Den Datenordner „{path}“ gibt es nicht. Bitte mit --data-dir den Ordner mit den Daten "
                       "angeben (neue Daten legen „demo“, „import-case“, „restore“ oder das Programmfenster an).")
    if not _holds_data(path):
        raise CliError(f"Im Datenordner „{path}“ liegen keine Daten. Bitte mit --data-dir den Ordner mit den "
                       "Daten angeben (neue Daten legen „demo“, „import-case“, „restore“ oder das Programmfenster an).")


@contextlib.contextmanager
def _services(data_dir: Path | None, passphrase: str | None = None, *, create: bool = False) -> Iterator[Services]:
    """The open services of ``data_dir`` (default: the user's data folder), locked for this
    process. ``create``: a missing data folder is set up (demo, import-case); otherwise a missing
    or empty one is a German error and nothing is created."""
    from .services import Services  # lazily: "--help" stays fast

    path = data_dir if data_dir is not None else _default_data_dir(create=create)
    if path.exists() and not path.is_dir():
        raise CliError(f"„{path}“ ist kein Ordner.")
    if not create:
        _require_data(path)
    path.mkdir(mode=0o700, parents=True, exist_ok=True)  # social data: owner only
    from .protection.commands import announce_recovery_key, passphrase_for

    services = Services.open(path, passphrase if passphrase is not None else passphrase_for(path, _PASSPHRASE_FILE))
    try:
        if services.folder_warning:
            print(f"Hinweis: {services.folder_warning}", file=sys.stderr)
        announce_recovery_key(services)
        yield services
    finally:
        services.close()


def _newest_agreement(services: Services) -> AgreementSummary:
    newest = services.agreements.newest()
    if newest is None:
        raise CliError("Es gibt noch keine Vereinbarung. Tipp: „kooperation-desktop demo“ legt ein Beispiel an.")
    return newest


def _cmd_demo(args: argparse.Namespace) -> int:
    from .demo import DEMO_TITLE, create_demo

    with _services(args.data_dir, create=True) as services:
        result = create_demo(services)
    if result.created:
        print(f"Beispiel angelegt: „{DEMO_TITLE}“ (Fall {result.case_id}, Vereinbarung {result.agreement_id}).")
    else:
        print(f"Das Beispiel „{DEMO_TITLE}“ ist schon vorhanden (Fall {result.case_id}); "
              "nichts wurde doppelt angelegt.")
    return 0


def _cmd_list(args: argparse.Namespace) -> int:
    from .domain import labels

    with _services(args.data_dir) as services:
        cases = services.cases.list(args.filter)
        if not cases:
            print("Keine Fälle gefunden.")
            return 0
        rows = [("Nr.", "Titel", "Aktenzeichen", "Personen", "Vereinbarung")]
        for c in cases:
            latest = "—"
            if c.latest_version is not None and c.latest_status is not None:
                latest = f"Version {c.latest_version}, {labels.label(c.latest_status)}"
                ids = [a.id for a in services.cases.get(c.id).agreements if a.version == c.latest_version]
                if ids:
                    latest += f" (Nr. {ids[0]})"
            rows.append((str(c.id), c.title, c.file_number, c.person_names, latest))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for i, row in enumerate(rows):
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths))
    return 0


def _check_target(out: Path, example: str, data_dir: Path | None) -> None:
    """Refuse a target before the database is opened: a folder, a missing folder, or anything in
    the data folder (the core's exports check the latter again, see paths.guard_target)."""
    from .paths import guard_target

    if out.is_dir():
        raise CliError(f"„{out}“ ist ein Ordner. Bitte einen Dateinamen angeben, z. B. {out / example}.")
    if not out.parent.is_dir():
        raise CliError(f"Den Ordner „{out.parent}“ gibt es nicht. Bitte zuerst anlegen oder einen anderen wählen.")
    guard_target(out, data_dir if data_dir is not None else _default_data_dir())


def _cmd_export_pdf(args: argparse.Namespace) -> int:
    out: Path = args.out
    _check_target(out, "vereinbarung.pdf", args.data_dir)
    with _services(args.data_dir) as services:
        if args.agreement is None:
            agreement_id = _newest_agreement(services).id
        else:
            agreement_id = args.agreement
            if not services.agreements.exists(agreement_id):
                raise CliError(f"Eine Vereinbarung mit der Nummer {agreement_id} gibt es nicht (siehe „list“).")
        result = seal_export(services, agreement_id, out, args)
    print(f"PDF gespeichert{' und versiegelt' if result.sealed else ''}: {result.path}")
    return 0


def _cmd_verify(args: argparse.Namespace) -> int:
    from .signing.commands import verify

    if not args.file.is_file():
        raise CliError(f"Die Datei „{args.file}“ gibt es nicht.")
    data_dir = args.data_dir if args.data_dir is not None else _default_data_dir(create=False)
    if args.data_dir is not None and data_dir.exists() and not data_dir.is_dir():
        raise CliError(f"„{data_dir}“ ist kein Ordner.")
    if not _holds_data(data_dir):  # a check only reads: no data folder is created for it
        result, code = verify(None, data_dir, args.file)
        result.database = (f"Im Datenordner „{data_dir}“ liegen keine Daten; der Prüfwert wurde nicht mit einer "
                           "Datenbank verglichen.")
    else:
        from .protection.folder import FolderInUse

        try:
            with _services(args.data_dir) as services:
                result, code = verify(services, data_dir, args.file)
        except CliError:
            raise
        except FolderInUse as exc:  # the window has the data open: check the seal alone
            result, code = verify(None, data_dir, args.file)
            result.database = f"{exc} Der Prüfwert wurde deshalb nicht mit der Datenbank verglichen."
        except Exception:  # noqa: BLE001 - the database is optional for checking a seal
            result, code = verify(None, data_dir, args.file)
    print("\n".join(result.lines()))
    return code


def _cmd_export_case(args: argparse.Namespace) -> int:
    from .exchange import export_case

    _check_target(args.out, "fall.json", args.data_dir)
    with _services(args.data_dir) as services:
        if not services.cases.exists(args.case):
            raise CliError(f"Einen Fall mit der Nummer {args.case} gibt es nicht (siehe „list“).")
        try:
            written = export_case(services, args.case, args.out)
        except OSError as exc:
            if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
                raise CliError(f"Der Datenträger ist voll: {args.out} wurde nicht gespeichert (es blieb auch "
                               "keine halbe Datei zurück). Bitte Platz schaffen oder ein anderes Ziel wählen.") from exc
            raise
    print(f"Fall {args.case} gespeichert: {written}")
    return 0


def _cmd_import_case(args: argparse.Namespace) -> int:
    from .exchange import import_case, read_case_file

    read_case_file(args.file)  # validate before the database is even opened
    with _services(args.data_dir, create=True) as services:
        result = import_case(services, args.file)
    for warning in result.warnings:
        print(f"Hinweis: {warning}", file=sys.stderr)
    print(f"Fall „{result.title}“ übernommen als Fall {result.case_id} "
          f"({len(result.agreement_ids)} Version(en) der Vereinbarung).")
    return 0


def _due_state(item: DueItem, on: dt.date) -> str:
    state = item.state(on)
    if state == "überfällig":
        return f"überfällig {item.days_text(on)}"
    return "heute fällig" if state == "heute fällig" else item.days_text(on)


def _cmd_due(args: argparse.Namespace) -> int:
    from .domain import labels
    from .followup import due as due_mod
    from .followup.model import DUE_KIND_LABEL
    from .followup.service import FollowUpService

    on: dt.date = args.date or dt.date.today()
    days: int = due_mod.DEFAULT_HORIZON_DAYS if args.days is None else args.days
    with _services(args.data_dir) as services:
        followup = FollowUpService(services.db)
        items = followup.due_items(on, days)
        urgent, soon = followup.due_counts(on, days, update=False)
    width = max((len(_due_state(i, on)) for i in items), default=0)
    for item in items:
        print(f"{labels.format_date(item.due_on)}  {_due_state(item, on).ljust(width)}  "
              f"{item.case_title} · {DUE_KIND_LABEL[item.kind]}: {_one_line(item.what)}")
    if not items:
        after = "am Tag danach" if days == 1 else f"in den {days} Tagen danach"
        print(f"Nichts fällig: weder bis {labels.format_date(on)} noch {after}.")
    print(f"Heute fällig / überfällig: {urgent} · demnächst ({labels.counted(days, 'Tag', 'Tage')}): {soon}"
          + ("" if args.date is None else f" · Stichtag {labels.format_date(on)}"))
    return 0


class _UsageError(CliError):
    """Wrong combination of options; exit code 2 like argparse's errors."""


def _signing_state(party: PartyStatus) -> str:
    from .domain import labels
    from .signing.model import SignatureMethod
    from .signing.service import paper_text

    sig = party.signature
    if sig is None:
        return "noch nicht unterschrieben"
    if sig.method == SignatureMethod.PAPER:
        return paper_text(sig.signed_on) + (f" ({_one_line(sig.note)})" if sig.note.strip() else "")
    return f"am Bildschirm unterschrieben am {labels.format_date(sig.signed_on)}" + \
        (f" in {sig.place}" if sig.place else "")


def _cmd_sign_paper(args: argparse.Namespace) -> int:
    from .domain import labels
    from .services import NotFound
    from .signing.service import SigningService

    if args.party is None and (args.date is not None or args.note):
        raise _UsageError("--date und --note gehören zu --party (wer unterschrieben hat).")
    if args.party is not None and args.date is None:
        raise _UsageError("Es fehlt: --date TT.MM.JJJJ (der Tag der Unterschrift).")
    with _services(args.data_dir) as services:
        signing = SigningService(services.db)
        try:
            overview = signing.overview(args.agreement)
        except NotFound:
            raise CliError(f"Eine Vereinbarung mit der Nummer {args.agreement} gibt es nicht (siehe „list“).") from None
        status = labels.label(overview.status)
        if args.party is None:
            print(f"Vereinbarung Nr. {overview.agreement_id}, Version {overview.version} ({status}), "
                  f"Dokument-Nr. {overview.document_id}")
            if not overview.parties:
                print("Niemand unterschreibt diese Version.")
            width = max((len(p.key) for p in overview.parties), default=0)
            for listed in overview.parties:
                print(f"{listed.key.ljust(width)}  {listed.name} ({listed.role_label}): {_signing_state(listed)}")
            signed = sum(p.signed for p in overview.parties)
            print(f"Unterschrieben: {signed} von {len(overview.parties)}")
            return 0
        party = next((p for p in overview.parties if p.key == args.party.strip()), None)
        if party is None:
            keys = ", ".join(p.key for p in overview.parties) or "keine"
            raise CliError(f"„{args.party}“ unterschreibt Vereinbarung {args.agreement} nicht. Möglich: {keys} "
                           f"(Liste: {PROG} sign-paper --agreement {args.agreement}).")
        signing.record_paper(args.agreement, party.key, args.date, args.note)
        after = signing.overview(args.agreement)
    missing = [p.name for p in after.parties if not p.signed]
    print(f"Eingetragen: {party.name} ({party.role_label}) hat Version {after.version} am "
          f"{labels.format_date(args.date)} auf Papier unterschrieben.")
    if missing:
        print(f"Es fehlen noch {len(missing)} Unterschrift(en): {', '.join(missing)}.")
    else:
        print(f"Alle haben unterschrieben; Version {after.version} ist jetzt "
              f"{labels.label(after.status)}.")
    return 0


_COMMANDS = {
    "demo": _cmd_demo,
    "list": _cmd_list,
    "export-pdf": _cmd_export_pdf,
    "export-case": _cmd_export_case,
    "import-case": _cmd_import_case,
    "verify": _cmd_verify,
    "due": _cmd_due,
    "sign-paper": _cmd_sign_paper,
}


def _protection_commands() -> dict[str, Callable[[argparse.Namespace], int]]:
    from .protection import commands as pc

    return {
        "backup": lambda args: pc.cmd_backup(args, _services),
        "restore": lambda args: pc.cmd_restore(args, _default_data_dir),
        "change-password": lambda args: pc.cmd_change_password(args, _services),
        "recovery-key": lambda args: pc.cmd_recovery_key(args, _services),
    }


_PASSPHRASE_FILE: Path | None = None  # --passphrase-file of the current call (set in main)


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _error_line(exc: BaseException) -> str:
    """One German line describing ``exc``."""
    from .domain.rules import RuleViolation
    from .exchange import ExchangeError
    from .paths import ProtectedTargetError
    from .protection import ProtectionError
    from .signing.errors import SealError

    if isinstance(exc, (CliError, ExchangeError, SealError, ProtectionError, ProtectedTargetError)):
        return _one_line(str(exc))
    from .protection.space import OPEN_NEEDS, DiskFull, is_disk_full

    if is_disk_full(exc):  # SQLITE_FULL or ENOSPC: say so, in German
        return _one_line(str(DiskFull(OPEN_NEEDS)))
    if isinstance(exc, RuleViolation):
        return _one_line("; ".join(p.message for p in exc.problems) or str(exc))
    if isinstance(exc, FileNotFoundError):
        return _one_line(f"Datei oder Ordner nicht gefunden: {exc.filename or exc}")
    if isinstance(exc, PermissionError):
        return _one_line(f"Keine Berechtigung für {exc.filename or exc}")
    if isinstance(exc, OSError):
        return _one_line(f"Dateifehler: {exc.strerror or exc}" + (f" ({exc.filename})" if exc.filename else ""))
    if isinstance(exc, (LookupError, ValueError)):
        return _one_line(f"Ungültige Angabe: {exc}")
    if type(exc).__module__.startswith("sqlalchemy"):
        return _one_line("Die Datenbank konnte nicht gelesen oder geschrieben werden: "
                         f"{getattr(exc, 'orig', None) or exc}")
    return _one_line(f"Unerwarteter Fehler ({type(exc).__name__}): {exc}")


def main(argv: Sequence[str] | None = None, open_window: Callable[[Path | None], int] | None = None) -> int:
    """Run one sub-command; without one, ``open_window(data_dir)`` (given by :mod:`ui.launch`)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    global _PASSPHRASE_FILE
    _PASSPHRASE_FILE = getattr(args, "passphrase_file", None)
    try:
        if args.self_test:
            from .selftest import run_self_test  # packaging/build.sh runs this on the built app

            return run_self_test()
        if args.command is None:
            if open_window is None:
                raise CliError("Ohne Befehl öffnet nur „kooperation-desktop“ das Programmfenster. "
                               f"Die Befehle zeigt „{PROG} --help“.")
            return open_window(args.data_dir)
        handler = getattr(args, "handler", None)  # a feature module's register() sets it
        return handler(args) if handler else {**_COMMANDS, **_protection_commands()}[args.command](args)
    except KeyboardInterrupt:
        print("Abgebrochen.", file=sys.stderr)
        return 130
    except _UsageError as exc:
        print(f"Fehler beim Aufruf: {exc} (Hilfe: {PROG} {args.command} --help)", file=sys.stderr)
        return 2
    except Exception as exc:  # the user gets one line, never a traceback
        if os.environ.get("KOOPERATION_DEBUG"):
            raise
        print(f"Fehler: {_error_line(exc)}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
