"""The connection to the agency's server (issue 14): TLS with the certificate checked against the host
name by default, and one German line with its own exit code for each way it fails. A real second
PostgreSQL with ssl=on, a throwaway CA made here, and password logins (scram-sha-256) over TCP."""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import pwd
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from pg_server import PgServer, running_server
from sqlalchemy import text

from kooperation_desktop.team.connection import (
    EXIT_CERTIFICATE,
    EXIT_LOGIN,
    EXIT_UNREACHABLE,
    CertificateProblem,
    LoginRefused,
    ServerAddress,
    ServerUnreachable,
    check_connection,
    server_engine,
)
from kooperation_desktop.team.server import add_team, add_user, init_server

pytestmark = pytest.mark.team  # PostgreSQL servers of its own (TLS), see tests/conftest.py


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def _ca(common: str) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(_name(common)).issuer_name(_name(common))
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                         content_commitment=False, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, encipher_only=False,
                                         decipher_only=False), critical=True)
            .sign(key, hashes.SHA256()))
    return key, cert


def _server_cert(ca_key: ec.EllipticCurvePrivateKey, ca: x509.Certificate
                 ) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(_name("localhost")).issuer_name(ca.subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                                        x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .sign(ca_key, hashes.SHA256()))
    return key, cert


def _pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


@dataclass
class TlsServer:
    server: PgServer
    db: str
    ca: Path  # the agency's root certificate
    other_ca: Path  # a CA that did not sign the server's certificate
    user: str
    password: str

    def address(self, host: str = "localhost", *, user: str | None = None, password: str | None = None,
                ca: Path | None = None, extra: str = "") -> ServerAddress:
        auth = f"{user or self.user}:{password or self.password}"
        return ServerAddress(f"postgresql://{auth}@{host}:{self.server.port}/{self.db}{extra}",
                             ca=ca or self.ca)


@pytest.fixture(scope="module")
def tls_server() -> Iterator[TlsServer]:
    folder = Path(tempfile.mkdtemp(prefix="kd-tls-"))
    try:
        ca_key, ca = _ca("Agentur Test-CA")
        key, cert = _server_cert(ca_key, ca)
        (folder / "ca.crt").write_bytes(_pem(ca))
        (folder / "other-ca.crt").write_bytes(_pem(_ca("Fremde CA")[1]))
        (folder / "server.crt").write_bytes(_pem(cert))
        (folder / "server.key").write_bytes(key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
        superuser = "postgres" if os.geteuid() == 0 else pwd.getpwuid(os.geteuid()).pw_name
        # the superuser (the fixture's own set-up) is trusted; everyone else logs in with a password
        (folder / "pg_hba.conf").write_text(
            f"local all all trust\nhost all {superuser} 127.0.0.1/32 trust\n"
            "hostssl all all 127.0.0.1/32 scram-sha-256\n", encoding="utf-8")
        (folder / "server.key").chmod(0o600)
        folder.chmod(0o755)
        if os.geteuid() == 0:  # the server runs as postgres: its key must belong to it
            postgres = pwd.getpwnam("postgres")
            for path in folder.iterdir():
                os.chown(path, postgres.pw_uid, postgres.pw_gid)
        conf = {"ssl": "on", "ssl_cert_file": str(folder / "server.crt"), "ssl_key_file": str(folder / "server.key"),
                "hba_file": str(folder / "pg_hba.conf")}
        with running_server(extra_conf=conf) as server:
            db = server.create_database()
            admin = ServerAddress(f"postgresql://{superuser}@localhost:{server.port}/{db}", ca=folder / "ca.crt")
            init_server(admin)  # over verified TLS
            user, password = f"tina_{uuid.uuid4().hex[:6]}", "Sommer-2026-Kita"
            add_team(admin, "Team Ost")
            add_user(admin, user, password, "Team Ost")
            yield TlsServer(server, db, folder / "ca.crt", folder / "other-ca.crt", user, password)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _fails(address: ServerAddress) -> Exception:
    engine = server_engine(address)
    try:
        with pytest.raises(Exception) as caught:
            check_connection(engine)
        return caught.value
    finally:
        engine.dispose()


def test_verify_full_to_the_certificates_name_works(tls_server: TlsServer) -> None:
    for host in ("localhost", "127.0.0.1"):
        engine = server_engine(tls_server.address(host))
        try:
            with engine.connect() as conn:
                assert conn.scalar(text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) is True
                assert conn.scalar(text("SELECT current_user")) == tls_server.user
        finally:
            engine.dispose()
    assert "sslmode=verify-full" in tls_server.address().conninfo()


def test_a_name_not_in_the_certificate_is_refused_with_the_german_message(tls_server: TlsServer) -> None:
    # the right server (hostaddr), asked for by a name its certificate does not carry
    error = _fails(tls_server.address("kooperation.falsch.example", extra="?hostaddr=127.0.0.1"))
    assert isinstance(error, CertificateProblem) and error.exit_code == EXIT_CERTIFICATE
    assert str(error).startswith("Das Zertifikat des Servers passt nicht zum Rechnernamen „kooperation.falsch.example“")


def test_a_certificate_of_an_unknown_ca_is_refused(tls_server: TlsServer) -> None:
    error = _fails(tls_server.address(ca=tls_server.other_ca))
    assert isinstance(error, CertificateProblem) and "keiner bekannten Stelle" in str(error)


def test_a_wrong_password_is_the_german_login_message(tls_server: TlsServer) -> None:
    error = _fails(tls_server.address(password="falsch"))
    assert isinstance(error, LoginRefused) and error.exit_code == EXIT_LOGIN
    assert str(error) == f"Anmeldung als „{tls_server.user}“ abgelehnt: Benutzername oder Passwort stimmen nicht."
    error = _fails(tls_server.address(user="gibt_es_nicht"))
    assert isinstance(error, LoginRefused)


def test_weaker_tls_modes_need_the_explicit_flag(tls_server: TlsServer) -> None:
    for mode in ("require", "verify-ca", "prefer", "disable"):
        with pytest.raises(CertificateProblem, match="--ohne-tls"):
            tls_server.address(extra=f"?sslmode={mode}").sqlalchemy_url()


def test_a_server_without_tls_is_refused_unless_allowed(pg_server: PgServer) -> None:
    db = pg_server.create_database()
    error = _fails(ServerAddress(pg_server.url(db), ca=Path(__file__)))  # any file: never read
    assert isinstance(error, CertificateProblem) and error.exit_code == EXIT_CERTIFICATE
    assert "bietet keine verschlüsselte Verbindung (TLS) an" in str(error) and "--ohne-tls" in str(error)
    engine = server_engine(ServerAddress(pg_server.url(db), allow_plain=True))
    try:
        check_connection(engine)
    finally:
        engine.dispose()


def test_a_stopped_server_is_unreachable() -> None:
    with running_server() as server:
        address = ServerAddress(server.url(), allow_plain=True)
        engine = server_engine(address)
        check_connection(engine)
        engine.dispose()
    error = _fails(address)  # the same address, the server stopped
    assert isinstance(error, ServerUnreachable) and error.exit_code == EXIT_UNREACHABLE
    assert str(error) == (f"Der Server 127.0.0.1:{server.port} ist nicht erreichbar: läuft er, stimmen Rechnername "
                          "und Port, ist das Netz der Agentur verbunden?")


def _readme_team_blocks() -> list[str]:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    match = re.search(r"^## Team-Modus \(Agentur-Server\)\n(.*?)(?=^## )", readme, flags=re.S | re.M)
    assert match, "README.md has no section „Team-Modus (Agentur-Server)“"
    return re.findall(r"^```sh\n(.*?)^```", match.group(1), flags=re.S | re.M)


def test_the_readmes_setup_commands_run_verbatim(tls_server: TlsServer, tmp_path: Path) -> None:
    """The README's agency set-up, word for word, against a TLS server: only the block that names the
    agency's server (its address) is replaced by this test server's; the root certificate is agentur-ca.crt."""
    address, *commands = _readme_team_blocks()
    assert address.strip().startswith("export KD_SERVER=") and len(commands) >= 1
    server = tls_server.server
    db = server.create_database()
    shutil.copy(tls_server.ca, tmp_path / "agentur-ca.crt")
    program = tmp_path / ".venv" / "bin" / "kooperation-desktop"
    program.parent.mkdir(parents=True)
    program.write_text(f'#!/bin/sh\nexec {shlex.quote(sys.executable)} -m kooperation_desktop "$@"\n', encoding="utf-8")
    program.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KOOPERATION_", "PG"))}
    env.update(KD_SERVER=f"postgresql://{server.superuser}@localhost:{server.port}/{db}",
               KOOPERATION_SERVER_PASSWORD="Frühling-Wiese-31", HOME=str(tmp_path))
    proc = subprocess.run(["bash", "-c", "set -eu\n" + "\n".join(commands)], cwd=tmp_path, env=env,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stderr == ""
    assert "Server eingerichtet" in proc.stdout and "Team „Team Nord“ angelegt." in proc.stdout
    assert "Team „Team Nord“: 0 Fälle · anna_berg, lena_koch (Teamleitung)" in proc.stdout
    # the README's later changes: Lena moves to lead team Süd, Anna leads team Nord now
    assert "„lena_koch“ ist nicht mehr im Team „Team Nord“ und nicht mehr dessen Teamleitung." in proc.stdout
    assert "„anna_berg“ ist jetzt Teamleitung von „Team Nord“." in proc.stdout
    # and Anna logs in with her own password, over verified TLS
    anna = ServerAddress(f"postgresql://anna_berg:Frühling-Wiese-31@localhost:{server.port}/{db}", ca=tls_server.ca)
    engine = server_engine(anna)
    try:
        with engine.connect() as conn:
            assert conn.scalar(text("SELECT count(*) FROM cases")) == 0
    finally:
        engine.dispose()
