"""Command-line pieces of data protection: where the password comes from, and the sub-commands
``backup``, ``restore``, ``change-password`` and ``recovery-key`` (wired into
:mod:`kooperation_desktop.cli`).

Password order: ``--passphrase-file DATEI`` (first line), else the environment variable
``KOOPERATION_PASSPHRASE`` (scripts), else a prompt when the input is a terminal.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..paths import read_password_file
from .keys import ENV_PASSPHRASE, ProtectionError


def add_passphrase_option(parser: argparse.ArgumentParser, default: object = argparse.SUPPRESS) -> None:
    parser.add_argument("--passphrase-file", metavar="DATEI", type=Path, default=default,
                        help=f"Passwort aus der ersten Zeile dieser Datei lesen (sonst {ENV_PASSPHRASE} "
                             "oder Abfrage im Terminal)")


def read_passphrase_file(path: Path) -> str:
    line = read_password_file(path, ProtectionError)
    if not line:
        raise ProtectionError(f"Die Passwort-Datei „{path}“ ist leer.")
    return line


def _prompt(data_dir: Path) -> str | None:
    from .vault import database_state

    if not sys.stdin.isatty():
        return None
    if database_state(data_dir) == "encrypted":
        return getpass.getpass("Passwort (oder Wiederherstellungsschlüssel): ")
    first = getpass.getpass("Neues Passwort für die Verschlüsselung festlegen: ")
    if getpass.getpass("Passwort wiederholen: ") != first:
        raise ProtectionError("Die beiden Passwörter stimmen nicht überein.")
    return first


def passphrase_for(data_dir: Path, passphrase_file: Path | None) -> str | None:
    """The passphrase to open ``data_dir`` with; None lets Services.open read the environment."""
    if passphrase_file is not None:
        return read_passphrase_file(passphrase_file)
    if os.environ.get(ENV_PASSPHRASE):
        return None
    return _prompt(data_dir)


RECOVERY_KEY_PREFIX = "Wiederherstellungsschlüssel: "


def print_recovery_key(services: Any, key: str, explanation: str) -> None:
    """Print ``key`` on stdout (for a person and for a script: the key alone on the last line,
    after ``RECOVERY_KEY_PREFIX``), then count it as noted."""
    from .vault import confirm_recovery_key

    print(explanation)
    print(f"{RECOVERY_KEY_PREFIX}{key}", flush=True)
    confirm_recovery_key(services.data_dir)  # only once it is out: a crash before prints a new one


def announce_recovery_key(services: Any) -> None:
    """When this opening made a recovery key (a new or newly encrypted folder, or the last key
    was never confirmed as noted, e.g. after a crash): print it on stdout."""
    state = getattr(services, "key_state", None)
    if state is None or not state.new_recovery_key:
        return
    print_recovery_key(services, state.new_recovery_key,
                       "Die Daten sind verschlüsselt. Neuer Wiederherstellungsschlüssel (öffnet die Daten, wenn das "
                       "Passwort vergessen wurde; jetzt ausdrucken oder notieren und im Büro verschlossen "
                       "aufbewahren, nicht auf dem Laptop speichern):")
    state.new_recovery_key = None


def add_commands(sub: Any, add_data_dir: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("backup", help="alle Daten in eine verschlüsselte Sicherungsdatei schreiben",
                       description="Schreibt alle Daten in eine verschlüsselte Datei (geprüft nach dem Schreiben). "
                                   "Sie lässt sich mit dem jetzigen Passwort oder dem Wiederherstellungsschlüssel "
                                   "wiederherstellen.")
    p.add_argument("--out", type=Path, required=True, metavar="DATEI", help="Ziel-Datei (.kdsich)")
    add_data_dir(p)

    p = sub.add_parser("restore", help="eine Datensicherung in einen leeren Datenordner zurückholen",
                       description="Stellt eine mit „backup“ geschriebene Sicherung in einem leeren Datenordner "
                                   "wieder her (Passwort zur Zeit der Sicherung oder Wiederherstellungsschlüssel).")
    p.add_argument("file", type=Path, metavar="DATEI", help="die Sicherungsdatei")
    add_data_dir(p)

    p = sub.add_parser("change-password", help="das Passwort ändern (die Datenbank wird neu verschlüsselt)",
                       description="Ändert das Passwort; die Datenbank bekommt dabei einen neuen Schlüssel. "
                                   "Das alte Passwort kann auch der Wiederherstellungsschlüssel sein.")
    p.add_argument("--new-passphrase-file", type=Path, metavar="DATEI",
                   help="neues Passwort aus der ersten Zeile dieser Datei (sonst Abfrage im Terminal)")
    add_data_dir(p)

    p = sub.add_parser("recovery-key", help="einen neuen Wiederherstellungsschlüssel erstellen und anzeigen",
                       description="Erstellt einen neuen Wiederherstellungsschlüssel und zeigt ihn an; der bisherige "
                                   "wird ungültig. Bestätigt wird mit dem Passwort (oder dem bisherigen "
                                   "Wiederherstellungsschlüssel).")
    add_data_dir(p)


def cmd_backup(args: argparse.Namespace, services_cm: Callable[[Path | None], Any]) -> int:
    from .backup import create_backup

    out: Path = args.out
    with services_cm(args.data_dir) as services:
        info = create_backup(services, out)
    print(f"Datensicherung geschrieben und geprüft: {info.path} ({sum(info.table_counts.values())} Einträge)")
    for note in info.notes:
        print(f"Hinweis: {note}", file=sys.stderr)
    return 0


def cmd_restore(args: argparse.Namespace, default_data_dir: Callable[[], Path]) -> int:
    from .backup import restore_and_record
    from .vault import database_state

    data_dir = args.data_dir if args.data_dir is not None else default_data_dir()
    if database_state(data_dir) == "encrypted" or (data_dir / "kooperation.sqlite").exists():
        raise ProtectionError(f"Im Datenordner „{data_dir}“ liegen schon Daten. Bitte einen leeren Ordner "
                              "mit --data-dir angeben.")
    passphrase = passphrase_for_restore(getattr(args, "passphrase_file", None))
    info = restore_and_record(args.file, data_dir, passphrase)
    print(f"Datensicherung vom {info.created_at.astimezone().strftime('%d.%m.%Y %H:%M')} wiederhergestellt "
          f"in {data_dir}.")
    return 0


def passphrase_for_restore(passphrase_file: Path | None) -> str:
    if passphrase_file is not None:
        return read_passphrase_file(passphrase_file)
    if os.environ.get(ENV_PASSPHRASE):
        return os.environ[ENV_PASSPHRASE]
    if sys.stdin.isatty():
        return getpass.getpass("Passwort der Sicherung (oder Wiederherstellungsschlüssel): ")
    raise ProtectionError(f"Bitte das Passwort angeben (--passphrase-file oder {ENV_PASSPHRASE}).")


def cmd_change_password(args: argparse.Namespace, services_cm: Callable[[Path | None], Any]) -> int:
    from . import audit
    from .vault import change_password

    if args.new_passphrase_file is not None:
        new = read_passphrase_file(args.new_passphrase_file)
    elif sys.stdin.isatty():
        new = getpass.getpass("Neues Passwort: ")
        if getpass.getpass("Neues Passwort wiederholen: ") != new:
            raise ProtectionError("Die beiden Passwörter stimmen nicht überein.")
    else:
        raise ProtectionError("Bitte das neue Passwort mit --new-passphrase-file angeben.")
    with services_cm(args.data_dir) as services:
        old = passphrase_for_restore(getattr(args, "passphrase_file", None))
        change_password(services.db, old, new)
        audit.AuditService(services.db).record(audit.PASSWORD, "database")
    print("Das Passwort wurde geändert; die Datenbank ist mit einem neuen Schlüssel verschlüsselt.")
    return 0


def cmd_recovery_key(args: argparse.Namespace, services_cm: Callable[..., Any]) -> int:
    from .vault import renew_recovery_key

    passphrase_file = getattr(args, "passphrase_file", None)
    if passphrase_file is not None:
        passphrase = read_passphrase_file(passphrase_file)
    elif os.environ.get(ENV_PASSPHRASE):
        passphrase = os.environ[ENV_PASSPHRASE]
    elif sys.stdin.isatty():
        passphrase = getpass.getpass("Passwort (oder bisheriger Wiederherstellungsschlüssel): ")
    else:
        raise ProtectionError(f"Bitte das Passwort angeben (--passphrase-file oder {ENV_PASSPHRASE}).")
    with services_cm(args.data_dir, passphrase) as services:
        key = renew_recovery_key(services.db, passphrase)
        print_recovery_key(services, key, "Neuer Wiederherstellungsschlüssel (der bisherige gilt nicht mehr; jetzt "
                                          "ausdrucken oder notieren und im Büro verschlossen aufbewahren):")
    return 0
