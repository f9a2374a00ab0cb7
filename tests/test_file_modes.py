"""Files on disk (issue 11): every file the app creates is owner-only (0600, folders 0700) on
POSIX, an existing data folder others can read is tightened, and a command that only reads never
creates a data folder."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from cli_run import run_cli

ROOT = Path(__file__).resolve().parents[1]
SEAL_ENV = {"KOOPERATION_SEAL_PASSWORD": "siegel-Passwort-2026",
            "KOOPERATION_SEAL_ORGANISATION": "Familienhilfe Test e. V."}

posix_only = pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")


def _env(env_extra: dict[str, str] | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "KOOPERATION_DEBUG"}
    env.update(env_extra or {})
    return env


def cli(*args: str | Path, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The command in this process (tests/cli_run.py), under a usual desktop umask, under which
    new files would be 0644."""
    return run_cli(*args, env=_env(env_extra), umask=0o022 if os.name != "nt" else None)


def cli_process(*args: str | Path, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The command as a real process (another process than the test's, with its own environment)."""
    env = _env(env_extra)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run([sys.executable, "-m", "kooperation_desktop", *map(str, args)], capture_output=True,
                          text=True, timeout=240, env=env, stdin=subprocess.DEVNULL, check=False,
                          # a usual desktop umask, under which new files would be 0644
                          preexec_fn=(lambda: os.umask(0o022)) if os.name != "nt" else None)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def loose(*roots: Path) -> list[str]:
    """Every file not 0600 and every folder not 0700 under ``roots`` (and the roots themselves)."""
    found = []
    for root in roots:
        paths = [root, *root.rglob("*")] if root.is_dir() else [root]
        for path in paths:
            wanted = 0o700 if path.is_dir() else 0o600
            if mode(path) != wanted:
                found.append(f"{path.relative_to(root.parent)} {oct(mode(path))}")
    return found


@pytest.fixture(scope="module")
def worked_in(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(data folder, export folder) after demo, export-case, a sealed export-pdf and a backup."""
    base = tmp_path_factory.mktemp("modes")
    data, out = base / "daten", base / "ausgabe"
    out.mkdir()
    for args in (("demo",), ("export-case", "--case", "1", "--out", out / "fall.json"),
                 ("export-pdf", "--out", out / "vereinbarung.pdf"), ("backup", "--out", out / "sicherung.kdsich")):
        proc = cli(*args, "--data-dir", data, env_extra=SEAL_ENV)
        assert proc.returncode == 0, (args, proc.stderr)
    return data, out


@posix_only
def test_everything_the_app_writes_is_owner_only(worked_in: tuple[Path, Path]) -> None:
    data, out = worked_in
    names = {p.name for p in data.rglob("*")}
    assert {"kooperation.sqlite", "kooperation.keys", ".kooperation.lock", "siegel"} <= names
    assert loose(data) == []
    exported = sorted(p.name for p in out.iterdir())
    assert exported == ["fall.json", "sicherung.kdsich", "vereinbarung.pdf"]
    assert [f for f in loose(out) if not f.startswith("ausgabe ")] == []  # the folder is the user's


@posix_only
def test_an_open_database_has_owner_only_wal_and_shm(tmp_path: Path) -> None:
    from kooperation_desktop.services import Services

    previous = os.umask(0o022)
    try:
        with Services.open(tmp_path / "daten") as services:
            services.cases.create("Familie Offen")
            for name in ("kooperation.sqlite", "kooperation.sqlite-wal", "kooperation.sqlite-shm"):
                assert mode(tmp_path / "daten" / name) == 0o600, name
    finally:
        os.umask(previous)


@posix_only
def test_an_existing_data_folder_others_can_read_is_tightened(worked_in: tuple[Path, Path]) -> None:
    data, _out = worked_in
    data.chmod(0o755)
    (data / "kooperation.sqlite").chmod(0o644)
    (data / "kooperation.keys").chmod(0o644)
    (data / "siegel").chmod(0o755)
    proc = cli("list", "--data-dir", data)
    assert proc.returncode == 0, proc.stderr
    assert loose(data) == []


# --- a command that only reads never creates a data folder -------------------------------------

@pytest.mark.slow  # real command-line processes
def test_verify_without_a_data_folder_creates_none(worked_in: tuple[Path, Path], tmp_path: Path) -> None:
    _data, out = worked_in
    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home), "XDG_DATA_HOME": str(home / ".local" / "share")}
    proc = cli_process("verify", out / "vereinbarung.pdf", env_extra=env)  # a process started in that home
    assert proc.returncode == 3 and proc.stderr == "", proc.stderr
    assert "Unverändert" in proc.stdout and "liegen keine Daten" in proc.stdout
    assert list(home.rglob("*")) == []  # no folder, no database
    missing = tmp_path / "gibt-es-nicht"
    proc = cli_process("verify", out / "vereinbarung.pdf", "--data-dir", missing)
    assert proc.returncode == 3 and "liegen keine Daten" in proc.stdout and not missing.exists()


@pytest.mark.parametrize("args", [("list",), ("due",), ("export-pdf", "--out", "x.pdf"),
                                  ("export-case", "--case", "1", "--out", "x.json"),
                                  ("backup", "--out", "x.kdsich"), ("recovery-key",)])
def test_read_only_commands_refuse_a_missing_data_folder(args: tuple[str, ...], tmp_path: Path) -> None:
    missing = tmp_path / "fehlt"
    args = tuple(str(tmp_path / a) if a.startswith("x.") else a for a in args)
    proc = cli(*args, "--data-dir", missing)
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1, proc.stderr
    assert proc.stderr.startswith(f"Fehler: Den Datenordner „{missing}“ gibt es nicht.")
    assert not missing.exists() and sorted(p.name for p in tmp_path.iterdir()) == []


def test_read_only_commands_refuse_an_empty_folder(tmp_path: Path) -> None:
    empty = tmp_path / "leer"
    empty.mkdir()
    proc = cli("list", "--data-dir", empty)
    assert proc.returncode == 1 and proc.stderr.startswith(f"Fehler: Im Datenordner „{empty}“ liegen keine Daten.")
    assert list(empty.iterdir()) == []


@pytest.mark.slow  # real processes holding and reading a folder
def test_verify_while_the_window_has_the_data_open(worked_in: tuple[Path, Path]) -> None:
    from kooperation_desktop.services import Services

    data, out = worked_in
    with Services.open(data):  # like the open window (another process)
        proc = cli_process("verify", out / "vereinbarung.pdf", "--data-dir", data)
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    assert "Unverändert" in proc.stdout and "sind bereits geöffnet" in proc.stdout
