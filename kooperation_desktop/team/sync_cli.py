"""Command line of synchronisation: ``sync`` and ``conflicts``.

``sync --url postgresql://anna@server/kooperation [--ca ca.pem] [--ohne-tls]`` connects this data folder
with the agency's server (remembered: later just ``sync``), pushes the local changes and pulls the
colleagues'. The password of the server login comes from ``KOOPERATION_SERVER_PASSWORD``, from
``--server-passwort-datei`` or from a prompt. Another server at the remembered address (set up anew,
restored) is refused in German; ``sync --neu-verbinden`` (or ``--url``) sends everything as at a first sync
(:mod:`.reconnect`). ``conflicts`` lists the Konfliktliste, ``conflicts --resolve ID --keep local|server``
decides one entry.

Test hooks (used by the kill -9 tests and benchmarks/bench_sync_kill.py): ``KOOPERATION_SYNC_MARKERS=1``
prints ``SYNC-START`` when the sync begins (connected) and ``SYNC-PUNKT <n> <name>`` at every commit point;
``KOOPERATION_SYNC_PAUSE_AT=N`` stops there after the N-th point.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import getpass
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.labels import counted

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from ..services import Services

PASSWORD_ENV = "KOOPERATION_SERVER_PASSWORD"
ServicesOf = Callable[..., contextlib.AbstractContextManager["Services"]]


def register(sub: Any, add_data_dir: Callable[[argparse.ArgumentParser], None], services: ServicesOf) -> None:
    """Add ``sync`` and ``conflicts`` to the sub-commands ``sub`` (each parser's ``handler`` runs it)."""
    p = sub.add_parser("sync", help="mit dem Server des Trägers synchronisieren (Team-Modus)",
                       description="Schickt die eigenen Änderungen an den Server und holt die der Kolleginnen und "
                                   "Kollegen. Beim ersten Mal mit --url; danach merkt sich der Datenordner den Server. "
                                   f"Passwort: Umgebungsvariable {PASSWORD_ENV}, --server-passwort-datei oder Abfrage.")
    p.add_argument("--url", metavar="URL", help="Server, z. B. postgresql://anna@server.traeger.de/kooperation")
    p.add_argument("--ca", metavar="DATEI", type=Path,
                   help="Zertifikat der Stelle, die das Server-Zertifikat ausgestellt hat (PEM)")
    p.add_argument("--ohne-tls", action="store_true",
                   help="ohne Verschlüsselung verbinden (nur für einen Test-Server auf diesem Rechner)")
    p.add_argument("--server-passwort-datei", metavar="DATEI", type=Path,
                   help="Datei, deren erste Zeile das Passwort der Server-Anmeldung ist")
    p.add_argument("--neu-verbinden", "--reconnect", dest="neu_verbinden", action="store_true",
                   help="der Server ist ein anderer (neu eingerichtet, umgezogen, aus einer Sicherung "
                        "zurückgespielt): alles, was dieser Laptop hat, noch einmal senden wie beim ersten Mal")
    add_data_dir(p)
    p.set_defaults(handler=lambda args: cmd_sync(args, services))

    p = sub.add_parser("conflicts", help="die Konfliktliste der Synchronisation zeigen oder entscheiden",
                       description="Felder, die hier und auf dem Server verschieden geändert wurden. Bis zur "
                                   "Entscheidung gilt der Wert vom Server; der eigene steht in der Liste.")
    p.add_argument("--resolve", metavar="NR", type=int, help="diesen Konflikt entscheiden (mit --keep)")
    p.add_argument("--keep", choices=("local", "server"),
                   help="local: den eigenen Wert übernehmen; server: den Wert vom Server behalten")
    p.add_argument("--alle", action="store_true", help="auch schon entschiedene Konflikte zeigen")
    add_data_dir(p)
    p.set_defaults(handler=lambda args: cmd_conflicts(args, services))


def _fail(message: str) -> Exception:
    from ..cli import CliError

    return CliError(message)


def _password(args: argparse.Namespace) -> str:
    if args.server_passwort_datei is not None:
        try:
            return str(args.server_passwort_datei.read_text(encoding="utf-8").splitlines()[0])
        except (OSError, IndexError):
            raise _fail(f"Die Passwort-Datei „{args.server_passwort_datei}“ ist nicht lesbar oder leer.") from None
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    if sys.stdin.isatty():
        return getpass.getpass("Passwort der Server-Anmeldung: ")
    raise _fail(f"Kein Server-Passwort: {PASSWORD_ENV} setzen oder --server-passwort-datei angeben.")


def _markers() -> Callable[[str], None] | None:
    if not os.environ.get("KOOPERATION_SYNC_MARKERS"):
        return None
    print("SYNC-START", flush=True)  # connected: the sync begins now
    pause_at = int(os.environ.get("KOOPERATION_SYNC_PAUSE_AT", "0") or 0)
    seen = [0]

    def mark(point: str) -> None:
        seen[0] += 1
        print(f"SYNC-PUNKT {seen[0]} {point}", flush=True)
        if pause_at and seen[0] >= pause_at:
            while True:  # the test kills this process here
                time.sleep(3600)

    return mark


@contextlib.contextmanager
def _connected(engine: Engine) -> Iterator[Engine]:
    """Failures of the server (connection, login, certificate, refused statements) as one German line."""
    from sqlalchemy.exc import DBAPIError

    from .connection import ServerError, translate_error

    try:
        yield engine
    except DBAPIError as exc:
        raise _fail(str(translate_error(exc, engine.url))) from None
    except ServerError as exc:
        raise _fail(str(exc)) from None
    finally:
        engine.dispose()


def cmd_sync(args: argparse.Namespace, services: ServicesOf) -> int:
    from ..protection.model import current_user
    from . import conflicts, outbox, sync

    with services(args.data_dir) as svc:
        with svc.db.engine.connect() as c:
            state = outbox.state_of(c)
        url = args.url or (state.server_url if state is not None else "")
        if not url:
            raise _fail("Dieser Datenordner ist mit keinem Server verbunden: beim ersten Mal "
                        "„sync --url postgresql://NAME@SERVER/DATENBANK“ angeben.")
        ca = str(args.ca) if args.ca is not None else (state.ca_file if state is not None and not args.url else "")
        if args.ca is not None and not args.ca.is_file():
            raise _fail(f"Die Zertifikatsdatei „{args.ca}“ gibt es nicht.")
        plain = bool(args.ohne_tls) or (state is not None and not args.url and state.plain)
        from sqlalchemy.engine import URL, make_url

        from .connection import ServerAddress, ServerError, check_connection, server_engine

        try:
            given = make_url(url)
        except Exception:  # noqa: BLE001 - ServerAddress says what is wrong with it
            given = None
        with_password = url
        # (a remembered address holds no password; one saved by an older version holds "***")
        if given is not None and (given.password is None or not args.url):
            with_password = given.set(password=_password(args)).render_as_string(hide_password=False)
        try:
            engine = server_engine(ServerAddress(with_password, ca=Path(ca) if ca else None, allow_plain=plain))
        except ServerError as exc:
            raise _fail(str(exc)) from None
        # remembered and shown without the password (URL.set(password=None) would keep it, shown as ***),
        # with the options given in the address (e.g. ?sslrootcert=system: the next sync checks the same way)
        options = {k: v for k, v in (given.query if given is not None else {}).items() if "password" not in k}
        clean = URL.create("postgresql", username=engine.url.username, host=engine.url.host, port=engine.url.port,
                           database=engine.url.database, query=options).render_as_string()
        with _connected(engine):
            check_connection(engine)  # a wrong login or address fails here, before the folder changes
            if state is None or args.url:
                identity = engine.url.username or current_user()
                outbox.configure(svc.db, server_url=clean, identity=identity, ca_file=ca, plain=plain)
            # (a server named with --url is the one meant: another one gets everything, as at a first sync)
            result = sync.sync(svc.db, engine, marker=_markers(), reconnect=bool(args.url or args.neu_verbinden))
        print(f"Synchronisiert mit {clean}: {counted(result.pushed, 'Zeile', 'Zeilen')} gesendet, "
              f"{result.pulled} empfangen, {result.deleted} gelöscht.")
        for note in result.notes():
            print(note)
        waiting = conflicts.open_count(svc.db)
        if waiting:
            print(f"{counted(waiting, 'offener Konflikt', 'offene Konflikte')} – anzeigen mit "
                  "„kooperation-desktop conflicts“.")
    return 0


def _value(table: str, column: str, value: Any) -> str:
    """A field's value on one line, as the window shows it (German words, TT.MM.JJJJ, „(leer)“)."""
    from .conflict_choice import field_text

    return " ".join(field_text(table, column, value).split())[:60]


def _when(value: Any) -> str:
    """A stored time (UTC) in local time, as the window shows it."""
    if value is None:
        return "?"
    local = value.replace(tzinfo=dt.UTC).astimezone() if value.tzinfo is None else value.astimezone()
    return str(local.strftime("%d.%m.%Y %H:%M"))


def cmd_conflicts(args: argparse.Namespace, services: ServicesOf) -> int:
    from . import conflicts
    from .conflict_choice import entry_label
    from .refusal import case_label

    if (args.resolve is None) != (args.keep is None):
        from ..cli import _UsageError

        raise _UsageError("--resolve und --keep gehören zusammen")
    with services(args.data_dir) as svc:
        if args.resolve is not None:
            try:
                conflicts.resolve(svc.db, args.resolve, args.keep)
            except conflicts.ConflictError as exc:
                raise _fail(str(exc)) from None
            kept = "der eigene Wert gilt (wird beim nächsten sync gesendet)" if args.keep == "local" else \
                "der Wert vom Server bleibt"
            print(f"Konflikt Nr. {args.resolve} entschieden: {kept}.")
            return 0
        found = conflicts.list_conflicts(svc.db, include_resolved=args.alle)
        if not found:
            print("Keine offenen Konflikte.")
            return 0
        for c in found:
            state = f" [entschieden: {c.resolution}]" if c.resolved else ""
            where = f"{case_label(c.case_title, c.case_file_number)} " if c.case_title else ""
            if c.field == conflicts.SIGNATURE:  # two signatures of one party: both readable
                from .conflict_choice import side_texts

                here, there = (" · ".join(t.splitlines()) for t in side_texts(c))
                print(f"Nr. {c.id}{state}: {where}Unterschrift zweimal erfasst – hier: {here} ({c.local_by}) · "
                      f"Server: {there} ({c.server_by})")
                continue
            if c.field in (conflicts.DELETION, "*"):  # whole rows: readable
                from .conflict_choice import entry_label, side_texts

                here, there = (" · ".join(line for line in t.splitlines() if line) for t in side_texts(c))
                print(f"Nr. {c.id}{state}: {where}{entry_label(c)} – hier: {here} ({c.local_by}, "
                      f"{_when(c.local_at)}) · Server: {there} ({c.server_by}, {_when(c.server_at)})")
                continue
            server = "auf dem Server gelöscht" if c.row_deleted else \
                f"Server: {_value(c.table, c.field, c.server_value)} ({c.server_by}, {_when(c.server_at)})"
            print(f"Nr. {c.id}{state}: {where}{entry_label(c)} – hier: "
                  f"{_value(c.table, c.field, c.local_value)} ({c.local_by}, {_when(c.local_at)}) · {server}")
    return 0
