"""Command-line parts of signing, used by :mod:`kooperation_desktop.cli`: the seal options of
``export-pdf`` and the ``verify`` command.

The seal password comes from ``--seal-password-file DATEI`` (first line of the file) or the
environment variable ``KOOPERATION_SEAL_PASSWORD``; the organisation's name, needed once when the
data folder has no seal yet, from ``--organisation NAME`` or ``KOOPERATION_SEAL_ORGANISATION``.
When neither gives it and the command runs in a terminal, it asks (the password hidden, twice
when the seal is set up).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..paths import read_password_file
from .errors import SealError

if TYPE_CHECKING:
    from ..services import Services
    from .service import ExportResult, Verification

PASSWORD_ENV = "KOOPERATION_SEAL_PASSWORD"
ORGANISATION_ENV = "KOOPERATION_SEAL_ORGANISATION"
EXIT_NOT_INTACT = 3


def add_seal_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--seal-password-file", type=Path, metavar="DATEI",
                        help=f"Datei mit dem Siegel-Passwort (erste Zeile); sonst Umgebungsvariable {PASSWORD_ENV}")
    parser.add_argument("--organisation", metavar="NAME",
                        help="Name des Trägers für das Siegel; nur beim ersten Versiegeln in diesem Datenordner "
                             f"nötig (oder Umgebungsvariable {ORGANISATION_ENV})")


def seal_password(args: argparse.Namespace) -> str | None:
    path: Path | None = getattr(args, "seal_password_file", None)
    if path is not None:
        return read_password_file(path, SealError)
    return os.environ.get(PASSWORD_ENV)


def _in_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def _ask_password(new: bool) -> str:
    if not new:
        return getpass.getpass("Siegel-Passwort: ")
    first = getpass.getpass("Siegel-Passwort festlegen (mindestens 8 Zeichen; schützt den Schlüssel des Trägers): ")
    if getpass.getpass("Siegel-Passwort wiederholen: ") != first:
        raise SealError("Die beiden Siegel-Passwörter stimmen nicht überein.")
    return first


def _ask_organisation() -> str:
    print("Name des Trägers für das Siegel (steht in jeder versiegelten PDF-Datei, z. B. "
          "„Familienhilfe Lindenhof e. V.“): ", end="", file=sys.stderr, flush=True)
    return sys.stdin.readline().strip()


def export(services: Services, agreement_id: int, out: Path, args: argparse.Namespace) -> ExportResult:
    """Export like the app does: drafts unsealed (ENTWURF), every other version sealed."""
    from .service import SigningService

    signing = SigningService(services.db)
    if signing.needs_seal(agreement_id):
        from . import certs

        new_seal = not certs.has_seal(services.data_dir)
        organisation = getattr(args, "organisation", None) or os.environ.get(ORGANISATION_ENV, "")
        if new_seal and not organisation.strip() and _in_terminal():
            organisation = _ask_organisation()
        password = seal_password(args)
        if not password and _in_terminal():
            password = _ask_password(new_seal)
        if not password:
            raise SealError("Abgeschlossene Vereinbarungen werden versiegelt gespeichert. Bitte das Siegel-Passwort "
                            f"angeben: --seal-password-file DATEI oder Umgebungsvariable {PASSWORD_ENV} "
                            "(im Terminal fragt der Befehl danach).")
        if new_seal and not organisation.strip():
            raise SealError("In diesem Datenordner ist noch kein Siegel eingerichtet. Beim ersten Mal bitte den "
                            f"Namen des Trägers angeben: --organisation NAME (oder {ORGANISATION_ENV}).")
        if new_seal:
            signing.set_up_seal(organisation, password)
        else:
            signing.unlock(password)
    return signing.export(agreement_id, out)


def verify(services: Services | None, data_dir: Path, file: Path) -> tuple[Verification, int]:
    """The report and the exit code: 0 only for an intact seal of this organisation covering
    the whole file (and no contradiction with the database), else 3."""
    from .service import SigningService, verify_without_database

    data = file.read_bytes()
    result = SigningService(services.db).verify_bytes(data) if services is not None else \
        verify_without_database(data, data_dir)
    return result, 0 if result.ok else EXIT_NOT_INTACT
