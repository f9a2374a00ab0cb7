"""Command line: password from a file, backup --out, restore, change-password; German one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_run import run_cli

from kooperation_desktop.protection import keys

PASSWORD = "test-passwort-Kooperation-2026"


def _env(env_password: bool) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "KOOPERATION_DEBUG"}
    if not env_password:
        env.pop("KOOPERATION_PASSPHRASE", None)
    return env


def run(*args: str, env_password: bool = True) -> subprocess.CompletedProcess[str]:
    """A real process: stdin no terminal, the scrypt cost the process itself chooses."""
    return subprocess.run([sys.executable, "-m", "kooperation_desktop", *args], capture_output=True, text=True,
                          timeout=120, env=_env(env_password), stdin=subprocess.DEVNULL, check=False)


def run_here(*args: str, env_password: bool = True) -> subprocess.CompletedProcess[str]:
    """The same command in this process (tests/cli_run.py)."""
    return run_cli(*args, env=_env(env_password))


def test_backup_restore_and_change_password_on_the_command_line(tmp_path: Path) -> None:
    run = run_here  # what the commands do; the process itself: the tests below
    data, restored = tmp_path / "daten", tmp_path / "zurück"
    assert run("demo", "--data-dir", str(data)).returncode == 0
    proc = run("backup", "--data-dir", str(data), "--out", str(tmp_path / "s.kdsich"))
    assert proc.returncode == 0 and "geprüft" in proc.stdout, proc.stderr
    proc = run("restore", str(tmp_path / "s.kdsich"), "--data-dir", str(restored))
    assert proc.returncode == 0 and "wiederhergestellt" in proc.stdout, proc.stderr
    original = run("list", "--data-dir", str(data)).stdout
    assert "Çelik" in original and run("list", "--data-dir", str(restored)).stdout == original

    proc = run("restore", str(tmp_path / "s.kdsich"), "--data-dir", str(restored))
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1 and "schon Daten" in proc.stderr

    (tmp_path / "neu.txt").write_text("ein-neues-Passwort-99\n", encoding="utf-8")
    proc = run("change-password", "--data-dir", str(data), "--new-passphrase-file", str(tmp_path / "neu.txt"))
    assert proc.returncode == 0, proc.stderr
    proc = run("list", "--data-dir", str(data))
    assert proc.returncode == 1 and "Passwort ist falsch" in proc.stderr and "Traceback" not in proc.stderr
    proc = run("list", "--data-dir", str(data), "--passphrase-file", str(tmp_path / "neu.txt"), env_password=False)
    assert proc.returncode == 0 and "Çelik" in proc.stdout


@pytest.mark.slow  # real command-line processes
def test_no_password_and_no_terminal_is_a_german_error(tmp_path: Path) -> None:
    proc = run("demo", "--data-dir", str(tmp_path / "d"), env_password=False)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith("Fehler: Bitte zuerst ein Passwort festlegen")
    assert not (tmp_path / "d" / "kooperation.sqlite").exists()


@pytest.mark.slow  # several real command-line processes
def test_the_processes_a_test_starts_derive_keys_at_the_cost_of_the_test_run(tmp_path: Path) -> None:
    """tests/conftest.py hands its cheap scrypt cost to the processes the tests start
    (tests/subprocess_site): a first start writes its key file at that cost and a later unlock does
    not re-wrap it at the production cost (every open after that would derive at 2**17)."""
    data = tmp_path / "daten"
    assert run("demo", "--data-dir", str(data)).returncode == 0
    assert json.loads((data / "kooperation.keys").read_text(encoding="utf-8"))["kdf"]["n"] == keys.SCRYPT_N
    assert keys.SCRYPT_N < 2**17
    assert run("list", "--data-dir", str(data)).returncode == 0
    assert json.loads((data / "kooperation.keys").read_text(encoding="utf-8"))["kdf"]["n"] == keys.SCRYPT_N
