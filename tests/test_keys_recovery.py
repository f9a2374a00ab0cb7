"""Keys and recovery (issue 11): scrypt at OWASP's cost with re-wrap of older key files, a
recovery key that is shown until it was confirmed as noted (also after a crash), printed on
stdout by the command line, the ``recovery-key`` command, no leftovers of an interrupted
encryption."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from cli_run import run_cli

from kooperation_desktop.protection import keys, vault
from kooperation_desktop.services import Services
from kooperation_desktop.storage.database import Database
from kooperation_desktop.storage.db import make_engine, upgrade_to_head

PASSWORD = os.environ["KOOPERATION_PASSPHRASE"]
PREFIX = "Wiederherstellungsschlüssel: "


def _kdf(data: Path) -> dict[str, int]:
    return json.loads((data / "kooperation.keys").read_text(encoding="utf-8"))["kdf"]


def _confirmed(data: Path) -> bool:
    return json.loads((data / "kooperation.keys").read_text(encoding="utf-8"))["recovery_confirmed"]


def cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """The command line, in this process (tests/cli_run.py)."""
    env = {k: v for k, v in os.environ.items() if k != "KOOPERATION_DEBUG"}
    return run_cli(*args, env=env)


def printed_keys(stdout: str) -> list[str]:
    return [line.removeprefix(PREFIX) for line in stdout.splitlines() if line.startswith(PREFIX)]


# --- scrypt cost ---------------------------------------------------------------------------

@pytest.mark.slow  # derives at the earlier and the production scrypt cost (the costs are what it checks)
def test_a_key_file_of_the_old_cost_is_rewrapped_at_the_next_unlock(tmp_path: Path, monkeypatch) -> None:
    data = tmp_path / "daten"
    monkeypatch.setattr(keys, "SCRYPT_N", 2**16)  # the cost of the earlier version
    with Services.open(data, PASSWORD) as services:
        recovery = services.key_state.new_recovery_key
        services.cases.create("Familie Alt")
    vault.confirm_recovery_key(data)
    assert _kdf(data) == {"name": "scrypt", "n": 2**16, "r": 8, "p": 1}

    monkeypatch.setattr(keys, "SCRYPT_N", 2**17)  # this version's production cost
    assert recovery is not None
    Services.open(data, recovery).close()  # the recovery key cannot re-wrap the password: unchanged
    assert _kdf(data)["n"] == 2**16
    Services.open(data, PASSWORD).close()
    assert _kdf(data) == {"name": "scrypt", "n": 2**17, "r": 8, "p": 1}
    with Services.open(data, PASSWORD) as services:  # the same password and recovery key still open
        assert [c.title for c in services.cases.list()] == ["Familie Alt"]
        assert services.key_state.new_recovery_key is None
    assert vault.check_passphrase(data, recovery)


# --- the recovery key is never lost unshown ------------------------------------------------

def test_the_command_line_prints_the_recovery_key_on_stdout_once(tmp_path: Path) -> None:
    data = tmp_path / "neu"
    proc = cli("demo", "--data-dir", data)
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    (key,) = printed_keys(proc.stdout)
    assert "Wiederherstellungsschlüssel" in proc.stdout.splitlines()[0]  # the German explanation first
    assert vault.check_passphrase(data, key) and _confirmed(data)
    proc = cli("list", "--data-dir", data)
    assert proc.returncode == 0 and printed_keys(proc.stdout) == []


def _plain_database(data: Path) -> None:
    data.mkdir(parents=True)
    engine = make_engine(data / "kooperation.sqlite")  # a plain database of an earlier version
    upgrade_to_head(engine)
    plain = Services(Database(engine, data))
    plain.cases.create("Familie Klar")
    plain.close()


def test_a_crash_while_encrypting_a_plain_folder_still_shows_a_recovery_key(tmp_path: Path) -> None:
    data = tmp_path / "daten"
    _plain_database(data)
    # killed in vault._encrypt_plain after the key file was written, before the encrypted copy
    # replaced the plain file: key file + plain database + the half-done copy and its journal
    kf, _db_key, never_shown = keys.new_key_file(PASSWORD)
    keys.write_key_file(data, kf)
    orphans = [data / ".kooperation.sqlite.1a2b3c4d.encrypting",
               data / ".kooperation.sqlite.1a2b3c4d.encrypting-journal"]
    for orphan in orphans:
        orphan.write_bytes(b"\x8f" * 4096)

    proc = cli("list", "--data-dir", data)
    assert proc.returncode == 0, proc.stderr
    assert "Familie Klar" in proc.stdout  # the data are intact (and now encrypted)
    (key,) = printed_keys(proc.stdout)
    assert key != never_shown and vault.check_passphrase(data, key)
    assert not vault.check_passphrase(data, never_shown)
    assert not (data / "kooperation.sqlite").read_bytes().startswith(b"SQLite format 3")
    assert [p for p in orphans if p.exists()] == []  # leftovers of the crash removed
    with Services.open(data, key) as services:
        assert [c.title for c in services.cases.list()] == ["Familie Klar"]


def test_an_unconfirmed_recovery_key_is_renewed_at_every_open_until_confirmed(tmp_path: Path) -> None:
    data = tmp_path / "daten"
    with Services.open(data, PASSWORD) as services:
        first = services.key_state.new_recovery_key
    with Services.open(data, PASSWORD) as services:  # never confirmed as noted: a new one to show
        second = services.key_state.new_recovery_key
    assert first and second and second != first
    assert not vault.check_passphrase(data, first) and vault.check_passphrase(data, second)
    vault.confirm_recovery_key(data)
    with Services.open(data, PASSWORD) as services:
        assert services.key_state.new_recovery_key is None
    assert vault.check_passphrase(data, second)


def test_opening_with_the_unconfirmed_recovery_key_confirms_it(tmp_path: Path) -> None:
    data = tmp_path / "daten"
    with Services.open(data, PASSWORD) as services:
        key = services.key_state.new_recovery_key
    assert key and not _confirmed(data)
    with Services.open(data, key) as services:  # whoever typed it has it
        assert services.key_state.new_recovery_key is None
    assert _confirmed(data) and vault.check_passphrase(data, key)


def test_recovery_key_command_renews_the_key(tmp_path: Path) -> None:
    data = tmp_path / "daten"
    (old,) = printed_keys(cli("demo", "--data-dir", data).stdout)
    proc = cli("recovery-key", "--data-dir", data)
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    (new,) = printed_keys(proc.stdout)
    assert new != old and "gilt nicht mehr" in proc.stdout
    assert not vault.check_passphrase(data, old)
    with Services.open(data, new) as services:
        assert services.key_state.new_recovery_key is None and len(services.cases.list()) == 1
    # a wrong password: one German line, the key stays
    wrong = tmp_path / "falsch.txt"
    wrong.write_text("falsches-Passwort-123\n", encoding="utf-8")
    proc = cli("recovery-key", "--data-dir", data, "--passphrase-file", wrong)
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1 and "Passwort ist falsch" in proc.stderr
    assert vault.check_passphrase(data, new)
