"""Odd command-line input gets one German line: an over-long case-list filter, a binary password file."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from cli_run import run_cli

from kooperation_desktop.domain import limits


def run(*args: str | Path, env_password: bool = True) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "KOOPERATION_DEBUG"}
    if not env_password:
        env.pop("KOOPERATION_PASSPHRASE", None)
    env.setdefault("KOOPERATION_SEAL_ORGANISATION", "Familienhilfe Lindenhof e. V.")
    return run_cli(*args, env=env)  # in this process (tests/cli_run.py): stdin no terminal, as in a script


def one_german_line(proc: subprocess.CompletedProcess[str], *words: str) -> str:
    assert proc.returncode == 1, (proc.returncode, proc.stderr)
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("daten")
    proc = run("demo", "--data-dir", data)
    assert proc.returncode == 0, proc.stderr
    return data


def test_an_overlong_filter_is_refused_with_a_german_message(demo_dir: Path) -> None:
    line = one_german_line(run("list", "--filter", "a" * 100_000, "--data-dir", demo_dir), "Suchtext", "zu lang")
    assert "LIKE" not in line and "GLOB" not in line and str(limits.MAX_FILTER) in line
    # at the limit it still searches
    proc = run("list", "--filter", "Çelik" + " " * (limits.MAX_FILTER - 5), "--data-dir", demo_dir)
    assert proc.returncode == 0 and "Çelik" in proc.stdout, proc.stderr


def test_a_binary_password_file_gets_a_german_message(demo_dir: Path, tmp_path: Path) -> None:
    secret = tmp_path / "passwort.bin"
    secret.write_bytes(b"\xff\xfe\x00\x81binary\x9c")
    line = one_german_line(run("list", "--passphrase-file", secret, "--data-dir", demo_dir, env_password=False),
                           "Passwort-Datei", "keine Textdatei (UTF-8)")
    assert "codec" not in line and "byte" not in line
    line = one_german_line(run("export-pdf", "--out", tmp_path / "v.pdf", "--seal-password-file", secret,
                               "--data-dir", demo_dir), "Passwort-Datei", "keine Textdatei (UTF-8)")
    assert "codec" not in line
