"""Backups on the command line: the seal travels with the backup, and a full data disk gives an
honest message (not "wrong password") while `backup --out` to another disk still works.

The full disk is real: a small tmpfs mounted in a private mount namespace (``unshare --mount``,
as root; otherwise with ``--map-root-user``), gone when the script ends."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_run import run_cli

PASSWORD = "test-passwort-Kooperation-2026"  # tests/conftest.py sets it as KOOPERATION_PASSPHRASE
SEAL = {"KOOPERATION_SEAL_PASSWORD": "siegel-passwort-1", "KOOPERATION_SEAL_ORGANISATION": "Träger Łódź e. V."}


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("KOOPERATION_DEBUG", "KOOPERATION_SEAL_PASSWORD", "KOOPERATION_SEAL_ORGANISATION")}
    env["KOOPERATION_PASSPHRASE"] = PASSWORD
    env.update(extra)
    return env


def run(*args: str | Path, **extra: str) -> subprocess.CompletedProcess[str]:
    """The command in this process (tests/cli_run.py); the full disk below runs real processes."""
    return run_cli(*args, env=_env(**extra))


def test_a_pdf_sealed_before_the_backup_verifies_with_the_restored_folder(tmp_path: Path) -> None:
    data, fresh, pdf = tmp_path / "daten", tmp_path / "neuer-laptop", tmp_path / "v1.pdf"
    assert run("demo", "--data-dir", data).returncode == 0
    proc = run("export-pdf", "--out", pdf, "--data-dir", data, **SEAL)
    assert proc.returncode == 0 and "versiegelt" in proc.stdout, proc.stderr
    proc = run("backup", "--data-dir", data, "--out", tmp_path / "s.kdsich")
    assert proc.returncode == 0, proc.stderr
    proc = run("restore", tmp_path / "s.kdsich", "--data-dir", fresh)
    assert proc.returncode == 0, proc.stderr
    proc = run("verify", pdf, "--data-dir", fresh)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Unverändert" in proc.stdout and "Träger Łódź e. V." in proc.stdout
    assert "unbekannt" not in proc.stdout
    # the seal key itself came along (still behind the seal password)
    assert (fresh / "siegel" / "organisation.p12").read_bytes() == (data / "siegel" / "organisation.p12").read_bytes()


SCRIPT = r"""
mount -t tmpfs -o size=8m tmpfs "$DISK"
$PY -m kooperation_desktop demo --data-dir "$DISK/d" > /dev/null
$PY -c 'import sys; open(sys.argv[1], "wb").write(bytes(64 * 1024))' "$DISK/reserve"
$PY -c '
import sys
with open(sys.argv[1], "wb", buffering=0) as f:
    try:
        while True:
            f.write(bytes(4096))
    except OSError:
        pass
' "$DISK/fill"
set +e
$PY -m kooperation_desktop list --data-dir "$DISK/d" 2> "$OUT/list.err"; echo $? > "$OUT/list.rc"
rm "$DISK/reserve"
ls -A "$DISK/d" > "$OUT/before"
$PY -m kooperation_desktop backup --data-dir "$DISK/d" --out "$OUT/s.kdsich" > "$OUT/backup.out" 2> "$OUT/backup.err"
echo $? > "$OUT/backup.rc"
ls -A "$DISK/d" > "$OUT/after"
$PY -m kooperation_desktop restore "$OUT/s.kdsich" --data-dir "$DISK/r" 2> "$OUT/restore.err"
echo $? > "$OUT/restore.rc"
ls -A "$DISK" > "$OUT/disk"
"""


@pytest.mark.slow  # real processes on two small file systems
def test_full_data_disk_says_so_and_backup_to_another_disk_still_works(tmp_path: Path) -> None:
    disk, out = tmp_path / "klein", tmp_path / "anderer-datentraeger"
    disk.mkdir()
    out.mkdir()
    userns = [] if os.geteuid() == 0 else ["--map-root-user"]
    proc = subprocess.run(["unshare", "--mount", *userns, "sh", "-ec", SCRIPT], capture_output=True, text=True,
                          timeout=300, env=_env(DISK=str(disk), OUT=str(out), PY=sys.executable), check=False)
    assert proc.returncode == 0, proc.stderr
    result = {p.name: p.read_text(encoding="utf-8") for p in out.iterdir() if p.suffix != ".kdsich"}

    # the disk is full: an honest message, not "wrong password"
    assert result["list.rc"].strip() == "1"
    assert "Auf dem Datenträger" in result["list.err"] and "nicht genug Platz frei (mindestens" in result["list.err"]
    assert "Passwort" not in result["list.err"] and len(result["list.err"].splitlines()) == 1

    # a little room again: the backup goes to the other disk, nothing new appears beside the data
    assert result["backup.rc"].strip() == "0", result["backup.err"]
    assert "geprüft" in result["backup.out"]
    assert set(result["after"].split()) <= set(result["before"].split())
    assert "kooperation.sqlite" in result["after"].split()

    # restoring onto the full disk: told so, nothing left behind
    assert result["restore.rc"].strip() == "1"
    assert "nicht genug Platz frei" in result["restore.err"], result["restore.err"]
    assert "r" not in result["disk"].split()

    # the backup is complete: it restores elsewhere
    proc = run("restore", out / "s.kdsich", "--data-dir", tmp_path / "neu")
    assert proc.returncode == 0, proc.stderr
    assert "Çelik" in run("list", "--data-dir", tmp_path / "neu").stdout
