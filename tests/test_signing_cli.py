"""The seal on the command line: export-pdf seals finalised versions, verify reports and exits."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_run import run_cli


def _env(**env_extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("KOOPERATION_DEBUG", "KOOPERATION_SEAL_PASSWORD", "KOOPERATION_SEAL_ORGANISATION")}
    env.update(env_extra)
    return env


def run(*args: str | Path, data_dir: Path, **env_extra: str) -> subprocess.CompletedProcess[str]:
    """The command in this process (tests/cli_run.py); :func:`run_process` starts the real one."""
    return run_cli(*args, "--data-dir", data_dir, env=_env(**env_extra))


def run_process(*args: str | Path, data_dir: Path) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "kooperation_desktop", *map(str, args), "--data-dir", str(data_dir)]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=_env())


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("data")
    assert run("demo", data_dir=data).returncode == 0
    return data


def one_line_error(proc: subprocess.CompletedProcess[str], word: str) -> None:
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and word in proc.stderr, proc.stderr


@pytest.mark.slow  # a chain of real command-line processes
def test_export_seal_and_verify_on_the_command_line(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "v1.pdf"
    one_line_error(run("export-pdf", "--out", out, data_dir=demo_dir), "Siegel-Passwort")
    secret = tmp_path / "passwort.txt"
    secret.write_text("siegel-passwort-1\n", encoding="utf-8")
    one_line_error(run("export-pdf", "--out", out, "--seal-password-file", secret, data_dir=demo_dir),
                   "--organisation")
    proc = run("export-pdf", "--out", out, "--seal-password-file", secret, "--organisation", "Träger Łódź e. V.",
               data_dir=demo_dir)
    assert proc.returncode == 0, proc.stderr
    assert "versiegelt" in proc.stdout
    one_line_error(run("export-pdf", "--out", out, data_dir=demo_dir, KOOPERATION_SEAL_PASSWORD="falsch-falsch"),
                   "stimmt nicht")

    proc = run("verify", out, data_dir=demo_dir)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Unverändert" in proc.stdout and "Träger Łódź e. V." in proc.stdout
    assert "stimmt mit Version 1 in der Datenbank überein" in proc.stdout

    appended = tmp_path / "angehaengt.pdf"
    appended.write_bytes(out.read_bytes() + b"\n1 0 obj\n<<>>\nendobj\n")
    proc = run("verify", appended, data_dir=demo_dir)
    assert proc.returncode == 3 and "Verändert" in proc.stdout and "Traceback" not in proc.stderr
    # the installed entry point hands verify's exit code 3 to a script (a real process)
    proc = run_process("verify", appended, data_dir=demo_dir)
    assert proc.returncode == 3 and "Verändert" in proc.stdout and "Traceback" not in proc.stderr

    not_pdf = tmp_path / "keins.pdf"
    not_pdf.write_text("kein PDF", encoding="utf-8")
    proc = run("verify", not_pdf, data_dir=demo_dir)
    assert proc.returncode == 3 and "Keine lesbare PDF-Datei" in proc.stdout

    # another data folder without this organisation's certificate: unknown issuer, not 0 (checked in
    # this process: a deprecation warning of pyHanko would be an error under pytest)
    other = tmp_path / "anderer"
    proc = run("verify", out, data_dir=other)
    assert proc.returncode == 3 and "unbekannter Aussteller" in proc.stdout

    one_line_error(run("verify", tmp_path / "fehlt.pdf", data_dir=demo_dir), "gibt es nicht")
