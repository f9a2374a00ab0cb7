"""The connection to the agency's PostgreSQL: a ``postgresql://`` address, TLS with the server's
certificate checked against its host name (``sslmode=verify-full``) unless a local test server is
explicitly allowed without it, and one German line for each way a connection fails.

Exit codes of the team commands (``server …``, and the synchronisation built on this module):

====  ====================================================================
  1   anything else (no permission, unknown database, wrong address …)
  2   wrong use of the command (argparse)
  3   server unreachable (host name, port, network, server stopped)
  4   login refused (user name or password, or pg_hba.conf)
  5   TLS: certificate does not match the host name, unknown CA, no root
      certificate, or the server offers no TLS at all
====  ====================================================================
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

EXIT_GENERAL = 1
EXIT_UNREACHABLE = 3
EXIT_LOGIN = 4
EXIT_CERTIFICATE = 5

DRIVER = "postgresql+psycopg"
_SCHEMES = ("postgresql", "postgres", DRIVER)
# sslmode values that check the certificate AND the host name; everything else needs allow_plain
_VERIFIED = "verify-full"
DEFAULT_CONNECT_TIMEOUT = 10


class ServerError(Exception):
    """A German one-line message about the agency's server; ``exit_code`` for the command line."""

    exit_code = EXIT_GENERAL


class ServerUnreachable(ServerError):
    exit_code = EXIT_UNREACHABLE


class LoginRefused(ServerError):
    exit_code = EXIT_LOGIN


class CertificateProblem(ServerError):
    exit_code = EXIT_CERTIFICATE


@dataclass(frozen=True)
class ServerAddress:
    """Where the server is and how to reach it: the URL as given (``postgresql://user@host:port/db``),
    the root certificate file (``None``: libpq's default, ``~/.postgresql/root.crt``) and whether a
    connection without TLS is allowed (only for a local test server)."""

    url: str
    ca: Path | None = None
    allow_plain: bool = False
    connect_timeout: int = DEFAULT_CONNECT_TIMEOUT

    def sqlalchemy_url(self) -> URL:
        """The URL for SQLAlchemy (psycopg 3) with the TLS options set; raises :class:`ServerError`."""
        try:
            url = make_url(self.url)
        except ArgumentError:
            raise ServerError(f"„{_hide_password(self.url)}“ ist keine Server-Adresse; erwartet wird "
                              "postgresql://BENUTZER@RECHNER:PORT/DATENBANK.") from None
        if url.drivername not in _SCHEMES:
            raise ServerError(f"Die Server-Adresse muss mit postgresql:// beginnen, nicht mit {url.drivername}://.")
        if not url.database:
            raise ServerError("In der Server-Adresse fehlt die Datenbank (postgresql://BENUTZER@RECHNER/DATENBANK).")
        query: dict[str, Any] = dict(url.query)
        mode = query.get("sslmode")
        if self.allow_plain:
            query.setdefault("sslmode", "disable")
        elif mode is None:
            query["sslmode"] = _VERIFIED
        elif mode != _VERIFIED:
            raise CertificateProblem(
                f"sslmode={mode} prüft das Zertifikat des Servers nicht vollständig; erlaubt ist nur "
                f"sslmode={_VERIFIED} (ohne TLS nur für einen Testserver: --ohne-tls).")
        if self.ca is not None:
            ca = Path(self.ca).expanduser().resolve()
            if not ca.is_file():
                raise CertificateProblem(f"Die Zertifikatsdatei „{self.ca}“ gibt es nicht.")
            query["sslrootcert"] = str(ca)
        query.setdefault("connect_timeout", str(self.connect_timeout))
        return url.set(drivername=DRIVER, query=query)

    def conninfo(self) -> str:
        """The same as a libpq connection URL, for psycopg itself."""
        rendered = self.sqlalchemy_url().render_as_string(hide_password=False)
        return "postgresql://" + rendered.split("://", 1)[1]


def server_engine(url: str | ServerAddress, *, ca: Path | None = None, allow_plain: bool = False) -> Engine:
    """An engine on the agency's server (no connection is opened yet; see :func:`check_connection`)."""
    address = url if isinstance(url, ServerAddress) else ServerAddress(url, ca=ca, allow_plain=allow_plain)
    return create_engine(address.sqlalchemy_url(), pool_pre_ping=True)


def check_connection(engine: Engine) -> None:
    """Open one connection (and give it back), or raise the :class:`ServerError` saying why not."""
    try:
        with engine.connect():
            pass
    except DBAPIError as exc:
        raise translate_error(exc, engine.url) from None


def _hide_password(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _first_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[0] if lines else text.strip()


def translate_error(exc: BaseException, url: URL | str) -> ServerError:
    """The German one-line :class:`ServerError` for a failed connection or statement (``exc``: a
    SQLAlchemy ``DBAPIError`` or a psycopg error); unknown errors become a general ServerError."""
    if isinstance(exc, ServerError):
        return exc
    parsed = url if isinstance(url, URL) else make_url(url)
    host = parsed.host or dict(parsed.query).get("host") or "localhost"
    where = f"{host}:{parsed.port or 5432}"
    user = parsed.username or "?"
    orig = getattr(exc, "orig", None) or exc
    text = str(orig)
    low = text.lower()
    sqlstate = getattr(orig, "sqlstate", None)

    if "does not match host name" in low or "server certificate for" in low:
        return CertificateProblem(
            f"Das Zertifikat des Servers passt nicht zum Rechnernamen „{host}“: falsche Server-Adresse "
            "oder ein fremder Server. Bitte die Adresse mit der IT der Agentur prüfen.")
    if "root certificate file" in low and "does not exist" in low:
        return CertificateProblem(
            "Kein Stammzertifikat, um den Server zu prüfen: bitte --ca DATEI mit dem Stammzertifikat "
            "der Agentur angeben.")
    if "certificate verify failed" in low or "unable to get local issuer" in low or "self-signed" in low \
            or "self signed" in low:
        return CertificateProblem(
            f"Das Zertifikat des Servers {where} ist von keiner bekannten Stelle unterschrieben: bitte mit "
            "--ca das Stammzertifikat der Agentur angeben (oder ein fremder Server?).")
    if "does not support ssl" in low or "ssl was required" in low:
        return CertificateProblem(
            f"Der Server {where} bietet keine verschlüsselte Verbindung (TLS) an; ohne TLS verbindet sich "
            "das Programm nur mit einem Testserver (--ohne-tls).")
    if "password authentication failed" in low or "no password supplied" in low \
            or "authentication failed" in low or sqlstate == "28P01" \
            or (sqlstate == "28000" and "role" in low and "does not exist" in low):
        return LoginRefused(f"Anmeldung als „{user}“ abgelehnt: Benutzername oder Passwort stimmen nicht.")
    if "pg_hba.conf" in low or sqlstate == "28000":
        return LoginRefused(f"Der Server {where} lässt „{user}“ von diesem Rechner aus nicht zu "
                            "(Eintrag in pg_hba.conf fehlt).")
    if sqlstate == "3D000" or ("database" in low and "does not exist" in low):
        return ServerError(f"Die Datenbank „{parsed.database}“ gibt es auf dem Server {where} nicht.")
    if any(marker in low for marker in (
            "connection refused", "could not translate host name", "name or service not known",
            "timeout expired", "no route to host", "network is unreachable", "could not connect",
            "connection timed out", "server closed the connection", "the database system is",
            "temporary failure in name resolution", "nodename nor servname")):
        return ServerUnreachable(f"Der Server {where} ist nicht erreichbar: läuft er, stimmen Rechnername "
                                 "und Port, ist das Netz der Agentur verbunden?")
    if sqlstate == "42501":
        return ServerError(f"Keine Berechtigung auf dem Server für „{user}“: {_first_line(text)}")
    return ServerError(f"Fehler auf dem Server {where}: {_first_line(text)}")
