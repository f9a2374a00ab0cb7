"""The ``server`` commands (issue 14) against a real PostgreSQL: German output, one German error line
with its exit code, passwords never from the command line."""

from __future__ import annotations

import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from pg_server import PgServer

from kooperation_desktop.cli import main
from kooperation_desktop.team.cli import ENV_SERVER_PASSWORD


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_init_twice_teams_users_and_status(pg_server: PgServer, capsys: pytest.CaptureFixture[str],
                                           tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = ["--url", pg_server.url(pg_server.create_database()), "--ohne-tls"]
    tag = uuid.uuid4().hex[:6]
    monkeypatch.delenv(ENV_SERVER_PASSWORD, raising=False)

    code, out, err = _run(capsys, "server", "status", *url)
    assert (code, err) == (0, "") and "Schema: noch nicht angelegt" in out
    for _ in range(2):  # a second init does no harm
        code, out, err = _run(capsys, "server", "init", *url)
        assert (code, err) == (0, "")
        assert out.startswith("Server eingerichtet: Schema-Version 00") and "kd_worker und kd_lead" in out

    assert _run(capsys, "server", "add-team", "Team  Nord", *url) == (0, "Team „Team Nord“ angelegt.\n", "")
    assert _run(capsys, "server", "add-team", "Team Nord", *url) == (0, "Team „Team Nord“ gibt es schon.\n", "")

    secret = tmp_path / "passwort.txt"
    secret.write_text("Herbst-Laub-42\n", encoding="utf-8")
    anna, lena = f"anna_{tag}", f"lena_{tag}"
    code, out, err = _run(capsys, "server", "add-user", anna, "--team", "Team Nord", "--password-file",
                          str(secret), *url)
    assert (code, out, err) == (0, f"Benutzer „{anna}“ angelegt und dem Team „Team Nord“ zugeordnet.\n", "")
    monkeypatch.setenv(ENV_SERVER_PASSWORD, "Winter-Schnee-7")
    code, out, err = _run(capsys, "server", "add-user", lena, "--team", "Team Nord", "--lead", *url)
    assert out == f"Benutzer „{lena}“ angelegt und dem Team „Team Nord“ als Teamleitung zugeordnet.\n"
    # stored as a SCRAM verifier, never the password itself
    stored = pg_server.psql(f"SELECT rolname, left(rolpassword, 14) FROM pg_authid WHERE rolname IN "
                            f"('{anna}', '{lena}') ORDER BY rolname")
    assert stored.split() == [f"{anna}|SCRAM-SHA-256$", f"{lena}|SCRAM-SHA-256$"]

    code, out, err = _run(capsys, "server", "status", *url)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].startswith("Server: 127.0.0.1:")
    assert lines[1].startswith("Schema-Version: 00") and lines[1].endswith("(aktuell)")
    assert lines[2] == "Rollen und Zugriffsregeln: eingerichtet"
    assert lines[3] == f"Team „Team Nord“: 0 Fälle · {anna}, {lena} (Teamleitung)"

    # add-user sets exactly what is asked and says what changed (issue 14: a lead can be demoted)
    monkeypatch.delenv(ENV_SERVER_PASSWORD)
    assert _run(capsys, "server", "add-user", lena, "--team", "Team Nord", *url) == (
        0, f"„{lena}“ ist nicht mehr Teamleitung von „Team Nord“ (bleibt im Team).\n", "")
    assert _run(capsys, "server", "add-user", lena, "--team", "Team Nord", *url) == (
        0, f"„{lena}“ ist schon im Team „Team Nord“.\nNichts geändert.\n", "")
    assert _run(capsys, "server", "add-user", lena, "--team", "Team Nord", "--lead", *url) == (
        0, f"„{lena}“ ist jetzt Teamleitung von „Team Nord“.\n", "")
    _run(capsys, "server", "add-team", "Team Süd", *url)
    assert _run(capsys, "server", "add-user", lena, "--team", "Team Süd", "--move", *url) == (
        0, f"Benutzer „{lena}“ gibt es schon; dem Team „Team Süd“ zugeordnet.\n"
           f"„{lena}“ ist nicht mehr im Team „Team Nord“ und nicht mehr dessen Teamleitung.\n", "")
    lines = _run(capsys, "server", "status", *url)[1].splitlines()
    assert lines[3:] == [f"Team „Team Nord“: 0 Fälle · {anna}", f"Team „Team Süd“: 0 Fälle · {lena}"]

    # errors: one German line, exit 1
    code, out, err = _run(capsys, "server", "add-user", f"neu_{tag}", "--team", "Team Nord", *url)
    assert code == 1 and out == "" and err.count("\n") == 1 and "wird ein Passwort gebraucht" in err
    code, out, err = _run(capsys, "server", "add-user", f"neu_{tag}", "--team", "Team West", "--password-file",
                          str(secret), *url)
    assert (code, err) == (1, "Fehler: Das Team „Team West“ gibt es nicht (anlegen mit „server add-team“).\n")
    code, out, err = _run(capsys, "server", "add-user", "Anna Berg", "--team", "Team Nord", *url)
    assert code == 1 and "geht nicht als Benutzername" in err


def test_no_password_on_the_command_line_and_clear_errors_without_traceback(pg_server: PgServer) -> None:
    def cli(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "kooperation_desktop", "server", *argv], capture_output=True,
                              text=True, stdin=subprocess.DEVNULL, timeout=120)

    url = pg_server.url(pg_server.create_database())
    wrong = cli("add-user", "anna", "--team", "T", "--password", "geheim", "--url", url, "--ohne-tls")
    assert wrong.returncode == 2 and "Unbekannte Angabe: --password" in wrong.stderr
    # no TLS on the test server: refused unless --ohne-tls (exit 5)
    plain = cli("status", "--url", url)
    assert plain.returncode == 5 and "bietet keine verschlüsselte Verbindung (TLS) an" in plain.stderr
    # nobody listens on the port (exit 3)
    gone = cli("init", "--url", f"postgresql://postgres@127.0.0.1:{_closed_port()}/kooperation", "--ohne-tls")
    assert gone.returncode == 3 and gone.stderr.startswith("Fehler: Der Server 127.0.0.1:")
    assert "nicht erreichbar" in gone.stderr
    bad = cli("init", "--url", "mysql://db/x")
    assert bad.returncode == 1 and bad.stderr == "Fehler: Die Server-Adresse muss mit postgresql:// beginnen, " \
                                                 "nicht mit mysql://.\n"
    for proc in (wrong, plain, gone, bad):
        assert "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1


def _closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port
