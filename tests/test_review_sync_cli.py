"""Review (issue 14): ``sync`` a second time, as the README says ("danach genügt `sync`").

The first ``sync --url …`` remembered the address as ``engine.url.set(password=None)`` rendered — but
``URL.set(password=None)`` leaves the password as it is, so the folder stored ``postgresql://anna:***@…``.
The next plain ``sync`` took that address as one with a password ("***"), asked for none and did not
read KOOPERATION_SERVER_PASSWORD: on a server that checks passwords every later sync failed with
„Anmeldung … abgelehnt“. (The window was not hit: it sets the typed password itself.) Now the address
is remembered without a password, and a remembered one always takes the password given now; and with
the TLS options the address gave (they were dropped: the second sync failed on the certificate).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from team_helpers import password_server
from test_team_tls import TlsServer, tls_server  # noqa: F401  (the fixture: a TLS server with its own CA)

from kooperation_desktop.cli import main
from kooperation_desktop.services import Services
from kooperation_desktop.team import outbox

pytestmark = pytest.mark.team  # (a server of its own, with passwords)


def test_a_second_sync_uses_the_remembered_server_with_the_password_given_now(tmp_path: Path, capsys,
                                                                                monkeypatch) -> None:
    with password_server() as (_pg, url):
        folder = tmp_path / "laptop"
        with Services.open(folder) as services:
            services.cases.create("Familie Zweimal")
        capsys.readouterr()
        monkeypatch.setenv("KOOPERATION_SERVER_PASSWORD", "Sommer-2026")
        assert main(["sync", "--url", url, "--ohne-tls", "--data-dir", str(folder)]) == 0
        first = capsys.readouterr().out
        assert "1 Zeile gesendet" in first and "***" not in first
        with Services.open(folder) as services, services.db.engine.connect() as c:
            state = outbox.state_of(c)
        assert state is not None and state.server_url == url  # remembered as given: no password in it

        assert main(["sync", "--data-dir", str(folder)]) == 0, capsys.readouterr().err
        assert "0 Zeilen gesendet" in capsys.readouterr().out
        monkeypatch.setenv("KOOPERATION_SERVER_PASSWORD", "falsch")
        assert main(["sync", "--data-dir", str(folder)]) == 1  # the password given now counts
        assert "abgelehnt" in capsys.readouterr().err


def test_a_second_sync_checks_the_certificate_as_the_address_said(tls_server: TlsServer, tmp_path: Path, capsys,  # noqa: F811
                                                                  monkeypatch) -> None:
    """The address's own TLS option (docs: ``?sslrootcert=system`` for a publicly signed certificate; here
    the agency's CA file) was dropped from the remembered address: the second ``sync`` looked for
    ~/.postgresql/root.crt and failed with „Kein Stammzertifikat …“."""
    folder = tmp_path / "laptop"
    Services.open(folder).close()
    capsys.readouterr()
    monkeypatch.setenv("KOOPERATION_SERVER_PASSWORD", tls_server.password)
    url = (f"postgresql://{tls_server.user}@localhost:{tls_server.server.port}/{tls_server.db}"
           f"?sslrootcert={tls_server.ca}")
    assert main(["sync", "--url", url, "--data-dir", str(folder)]) == 0  # over verified TLS
    capsys.readouterr()
    assert main(["sync", "--data-dir", str(folder)]) == 0, capsys.readouterr().err
    assert "Synchronisiert" in capsys.readouterr().out
