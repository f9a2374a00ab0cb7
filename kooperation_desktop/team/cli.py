"""The ``server`` sub-commands (team mode): ``init``, ``add-team``, ``add-user``, ``status``.

Wired into :mod:`kooperation_desktop.cli` by :func:`register`; each handler prints its result and
returns the exit code (see :mod:`.connection`: 1 general, 3 unreachable, 4 login, 5 certificate/TLS).
Nothing heavy is imported before a ``server`` command runs (the window's start builds this parser too).

Passwords never come from the command line: the administrator's connection uses libpq's own sources
(``~/.pgpass``, ``PGPASSWORD``) or the URL; a new user's password comes from ``--password-file``, the
environment variable ``KOOPERATION_SERVER_PASSWORD`` or a prompt in a terminal.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .connection import ServerAddress
    from .server import AddUserResult

ENV_SERVER_PASSWORD = "KOOPERATION_SERVER_PASSWORD"


def _add_connection_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--url", required=True, metavar="ADRESSE",
                        help="der Server, z. B. postgresql://postgres@db.traeger.example/kooperation "
                             "(Passwort aus ~/.pgpass oder PGPASSWORD)")
    parser.add_argument("--ca", type=Path, metavar="DATEI",
                        help="Stammzertifikat der Agentur, mit dem das Zertifikat des Servers geprüft wird "
                             "(Standard: ~/.postgresql/root.crt)")
    parser.add_argument("--ohne-tls", dest="allow_plain", action="store_true",
                        help="unverschlüsselt verbinden – nur für einen Testserver auf diesem Rechner")


def register(subparsers: Any) -> None:
    """Add ``server`` with its sub-commands to the program's sub-command parsers."""
    parser = subparsers.add_parser(
        "server", help="den PostgreSQL-Server der Agentur einrichten (Team-Modus)",
        description="Richtet den PostgreSQL-Server der Agentur für den Team-Modus ein: Datenbankschema, "
                    "Rollen, Zugriffsregeln, Teams und Benutzer. Verbunden wird über TLS mit Prüfung des "
                    "Server-Zertifikats.\nExit-Codes: 0 in Ordnung, 1 Fehler, 2 falscher Aufruf, "
                    "3 Server nicht erreichbar, 4 Anmeldung abgelehnt, 5 Zertifikat/TLS.")
    sub = parser.add_subparsers(dest="server_command", title="Befehle", metavar="BEFEHL",
                                parser_class=type(parser), required=True)

    p = sub.add_parser("init", help="Schema, Rollen und Zugriffsregeln anlegen oder aktualisieren",
                       description="Legt das Datenbankschema an (oder bringt es auf den neuesten Stand), die "
                                   "Gruppenrollen kd_worker und kd_lead und die Zugriffsregeln (Row-Level "
                                   "Security). Ein zweiter Aufruf schadet nicht. Braucht einen Superuser.")
    _add_connection_options(p)

    p = sub.add_parser("add-team", help="ein Team anlegen", description="Legt ein Team an (ein zweiter Aufruf "
                                                                       "mit demselben Namen ändert nichts).")
    p.add_argument("name", metavar="NAME", help="Name des Teams, z. B. „Team Nord“")
    _add_connection_options(p)

    # allow_abbrev=False: "--password GEHEIM" is no abbreviation of --password-file, but an error
    p = sub.add_parser("add-user", help="eine Fachkraft mit eigenem Login einem Team zuordnen", allow_abbrev=False,
                       description="Legt für eine Fachkraft eine eigene Anmeldung (PostgreSQL-Rolle) an und "
                                   "ordnet sie einem Team zu; gibt es sie schon, kommt sie zusätzlich in das "
                                   "Team. Setzt genau, was angegeben ist: ohne --lead ist sie in diesem Team "
                                   "keine Teamleitung (mehr); mit --move verlässt sie alle anderen Teams. "
                                   f"Das Passwort kommt aus --password-file, {ENV_SERVER_PASSWORD} oder "
                                   "einer Abfrage im Terminal – nie von der Befehlszeile.")
    p.add_argument("name", metavar="BENUTZERNAME", help="Anmeldename: Kleinbuchstaben, Ziffern und _, z. B. anna_berg")
    p.add_argument("--team", required=True, metavar="TEAM", help="das Team (vorher mit add-team angelegt)")
    p.add_argument("--lead", action="store_true", help="Teamleitung: sieht alle Fälle des Teams und kann "
                                                       "Fälle zur Vertretung zuweisen (ohne --lead: keine "
                                                       "Teamleitung dieses Teams)")
    p.add_argument("--move", action="store_true", help="in dieses Team wechseln: alle anderen Teams (und deren "
                                                       "Teamleitung) verlassen")
    p.add_argument("--password-file", type=Path, metavar="DATEI",
                   help="das Passwort der Fachkraft aus der ersten Zeile dieser Datei")
    _add_connection_options(p)

    p = sub.add_parser("status", help="Schema-Version, Teams, Mitglieder und Fallzahlen anzeigen",
                       description="Zeigt die Schema-Version, ob Rollen und Zugriffsregeln eingerichtet sind, "
                                   "die Teams mit ihren Mitgliedern und die Zahl der Fälle je Team.")
    _add_connection_options(p)
    parser.set_defaults(handler=run)


def _address(args: argparse.Namespace) -> ServerAddress:
    from .connection import ServerAddress

    return ServerAddress(args.url, ca=args.ca, allow_plain=args.allow_plain)


def _new_password(args: argparse.Namespace) -> str | None:
    from ..paths import read_password_file
    from .server import TeamError

    if args.password_file is not None:
        password = read_password_file(args.password_file, TeamError)
        if not password:
            raise TeamError(f"Die Passwort-Datei „{args.password_file}“ ist leer.")
        return password
    if os.environ.get(ENV_SERVER_PASSWORD):
        return os.environ[ENV_SERVER_PASSWORD]
    if not sys.stdin.isatty():
        return None  # an existing user keeps the password; a new one gets the server's German error
    first = getpass.getpass(f"Passwort für „{args.name}“ (leer: ein bestehendes Passwort bleibt): ")
    if not first:
        return None
    if getpass.getpass("Passwort wiederholen: ") != first:
        raise TeamError("Die beiden Passwörter stimmen nicht überein.")
    return first


def _cmd_init(args: argparse.Namespace) -> None:
    from ..storage.team_server import GROUP_ROLES
    from .server import init_server

    result = init_server(_address(args))
    print(f"Server eingerichtet: Schema-Version {result.schema_version}, Zugriffsregeln auf "
          f"{result.policies} Tabellen, Gruppenrollen {' und '.join(GROUP_ROLES)}.")


def _cmd_add_team(args: argparse.Namespace) -> None:
    from .server import add_team

    _, created = add_team(_address(args), args.name)
    name = " ".join(args.name.split())
    print(f"Team „{name}“ angelegt." if created else f"Team „{name}“ gibt es schon.")


def _cmd_add_user(args: argparse.Namespace) -> None:
    from .server import add_user, check_role_name

    check_role_name(args.name)  # before asking for a password
    result = add_user(_address(args), args.name, _new_password(args), args.team, lead=args.lead, move=args.move)
    for line in add_user_summary(result):
        print(line)


def add_user_summary(result: AddUserResult) -> list[str]:
    """What ``server add-user`` changed, in German, one sentence a line."""
    name, team = f"„{result.role_name}“", f"„{result.team}“"
    role = " als Teamleitung" if result.lead else ""
    if result.created:
        lines = [f"Benutzer {name} angelegt und dem Team {team}{role} zugeordnet."]
    elif result.joined:
        lines = [f"Benutzer {name} gibt es schon; dem Team {team}{role} zugeordnet."]
    elif result.lead and not result.was_lead:
        lines = [f"{name} ist jetzt Teamleitung von {team}."]
    elif result.was_lead and not result.lead:
        lines = [f"{name} ist nicht mehr Teamleitung von {team} (bleibt im Team)."]
    else:
        lines = [f"{name} ist schon im Team {team}{role}."]
    for left in result.left:
        lead = " und nicht mehr dessen Teamleitung" if left.lead else ""
        lines.append(f"{name} ist nicht mehr im Team „{left.team}“{lead}.")
    if result.covering:
        cases = "1 Fall" if result.covering == 1 else f"{result.covering} Fälle"
        lines.append(f"{name} vertritt weiterhin {cases} der verlassenen Teams; die Vertretung beendet die "
                     "Teamleitung in der Team-Übersicht („Fall übernehmen…“).")
    if result.password_changed:
        lines.append("Neues Passwort gesetzt.")
    if not result.changed:
        lines.append("Nichts geändert.")
    return lines


def _cmd_status(args: argparse.Namespace) -> None:
    from .server import status

    address = _address(args)
    state = status(address)
    url = address.sqlalchemy_url()
    print(f"Server: {url.host or 'localhost'}:{url.port or 5432}/{url.database}")
    if not state.schema_version:
        print("Schema: noch nicht angelegt (kooperation-desktop server init)")
        return
    print(f"Schema-Version: {state.schema_version} "
          + ("(aktuell)" if state.current else
             "(neuer als dieses Programm: bitte Kooperation Desktop aktualisieren; bis dahin synchronisieren "
             "die Laptops mit dieser Version nicht)" if state.newer else
             "(älter als dieses Programm: server init aktualisiert es; bis dahin synchronisieren die Laptops "
             "mit dieser Version nicht)"))
    print("Rollen und Zugriffsregeln: " + ("eingerichtet" if state.initialised else
                                          "fehlen (kooperation-desktop server init)"))
    if not state.teams:
        print("Teams: noch keine (kooperation-desktop server add-team NAME)")
    for team in state.teams:
        members = ", ".join(name + (" (Teamleitung)" if lead else "") for name, lead in team.members)
        cases = "1 Fall" if team.cases == 1 else f"{team.cases} Fälle"
        print(f"Team „{team.name}“: {cases} · " + (members or "noch keine Mitglieder"))
    if state.cases_without_team:
        print(f"Fälle ohne Team: {state.cases_without_team}")


_HANDLERS = {"init": _cmd_init, "add-team": _cmd_add_team, "add-user": _cmd_add_user, "status": _cmd_status}


def run(args: argparse.Namespace) -> int:
    """Run one ``server`` sub-command: 0, or the exit code of its one German error line."""
    from .connection import ServerError

    try:
        _HANDLERS[args.server_command](args)
    except ServerError as exc:
        print(f"Fehler: {exc}", file=sys.stderr)
        return exc.exit_code
    return 0
