"""No export writes over a file of the data folder (issue 12, "An export can destroy the data").

Every command with ``--out`` and every export of the core (agreement PDF, sealed PDF, review PDF,
closing report, case file, GDPR information, backup) is pointed at the data folder's own files —
directly, through a symbolic link, a hard link, a linked folder — and at the folder itself: each
is refused with one German line, nothing in the data folder changes, and the data still opens.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import build_complete_case

from kooperation_desktop import cli
from kooperation_desktop.exchange import export_case
from kooperation_desktop.followup.service import FollowUpService
from kooperation_desktop.paths import ProtectedTargetError, guard_target
from kooperation_desktop.protection import ProtectionError, backup, gdpr, vault
from kooperation_desktop.services import Services
from kooperation_desktop.signing.service import SigningService

SEAL_PASSWORD = "siegel-passwort-1"
REFUSED_FILE = "ist eine Datei des Datenordners und wird nicht überschrieben. Bitte einen anderen Dateinamen wählen."


def _fill(data: Path) -> None:
    """A data folder with a finalised agreement, its seal (``siegel/``), a review and a transition plan."""
    with Services.open(data) as services:
        case_id, agreement_id = build_complete_case(services)
        services.agreements.finalise(agreement_id)
        SigningService(services.db).set_up_seal("Familienhilfe Lindenhof e. V.", SEAL_PASSWORD)
        follow = FollowUpService(services.db)
        review = follow.new_review(case_id, dt.date(2027, 3, 1))
        review.ratings[0].client_value, review.ratings[0].professional_value = 1, 0
        follow.save_review(review)
        plan = follow.transition(case_id)
        plan.client_alone = "Die Mutter plant die Woche selbst."
        follow.save_transition(plan)
    vault.confirm_recovery_key(data)  # as the user does at set-up: later opens leave the key file alone


def _targets(data: Path, outside: Path) -> dict[str, Path]:
    """Every way to name a file of the data folder (created once; the links live outside)."""
    seal_file = next(p for p in (data / "siegel").iterdir() if p.is_file())
    links = {
        "symlink.pdf": data / "kooperation.sqlite",
        "symlink-dangling-wal.pdf": data / "kooperation.sqlite-wal",
        "daten-link": data,
    }
    for name, to in links.items():
        if not (outside / name).is_symlink():
            (outside / name).symlink_to(to)
    if not (outside / "hardlink.json").exists():
        os.link(data / "kooperation.keys", outside / "hardlink.json")
    return {
        "database": data / "kooperation.sqlite",
        "key file": data / "kooperation.keys",
        "write-ahead log": data / "kooperation.sqlite-wal",
        "lock file": data / ".kooperation.lock",
        "seal file": seal_file,
        "new file in siegel/": data / "siegel" / "neu.pdf",
        "new file in the data folder": data / "export.pdf",
        "symlink to the database": outside / "symlink.pdf",
        "symlink to a missing -wal": outside / "symlink-dangling-wal.pdf",
        "hard link of the key file": outside / "hardlink.json",
        "database through a linked folder": outside / "daten-link" / "kooperation.sqlite",
        "data folder path with ..": data / "siegel" / ".." / "kooperation.keys",
        "the data folder itself": data,
    }


def _snapshot(data: Path, outside: Path) -> dict[str, object]:
    """Content of every file in the data folder, and what each link outside points to."""
    state: dict[str, object] = {}
    for root, _dirs, files in os.walk(data):
        for name in files:
            path = Path(root, name)
            state[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    for path in outside.iterdir():
        st = os.lstat(path)
        state[str(path)] = (os.readlink(path) if path.is_symlink() else None, st.st_ino)
    return state


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("targets")
    data, outside = base / "daten", base / "woanders"
    outside.mkdir()
    _fill(data)
    return data, outside


def _one_german_refusal(message: str, target: Path) -> None:
    assert "Traceback" not in message and len(message.strip().splitlines()) == 1, message
    assert str(target) in message
    assert REFUSED_FILE in message or "liegt im Datenordner" in message or "ist ein Ordner" in message, message


# --- the command line: every command that takes --out ---------------------------------------

def _commands_with_out() -> list[str]:
    """Every sub-command whose help offers --out (so a new one is tested without editing this file)."""
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return sorted(name for name, p in sub.choices.items()
                  if any("--out" in a.option_strings for a in p._actions))


CLI_ARGS = {"export-pdf": ["--agreement", "1"], "export-case": ["--case", "1"], "backup": [],
            "export-report": ["--case", "1"]}


def test_every_command_with_out_is_known() -> None:
    assert _commands_with_out() == sorted(CLI_ARGS)


def test_no_command_writes_over_a_file_of_the_data_folder(folders, capsys, monkeypatch) -> None:
    data, outside = folders
    monkeypatch.setenv("KOOPERATION_SEAL_PASSWORD", SEAL_PASSWORD)
    targets = _targets(data, outside)
    tried = 0
    for command in _commands_with_out():
        for what, target in targets.items():
            before = _snapshot(data, outside)
            code = cli.main([command, *CLI_ARGS[command], "--out", str(target), "--data-dir", str(data)])
            err = capsys.readouterr().err
            assert code == 1, (command, what, err)
            _one_german_refusal(err, target)
            assert _snapshot(data, outside) == before, (command, what)
            tried += 1
    assert tried == len(CLI_ARGS) * len(targets) == 52
    # the data still opens and is complete
    assert cli.main(["list", "--data-dir", str(data)]) == 0
    assert "Familie Çelik" in capsys.readouterr().out
    # ... and an export to a proper place still works
    good = outside / "gut.pdf"
    assert cli.main(["export-pdf", "--agreement", "1", "--out", str(good), "--data-dir", str(data)]) == 0
    assert good.read_bytes().startswith(b"%PDF")


@pytest.mark.slow  # a real command-line process
def test_the_reported_command_is_refused_in_a_real_process(folders) -> None:
    """The command of the issue, as a user types it: exit 1, one German line, the database unchanged."""
    data, _outside = folders
    db = data / "kooperation.sqlite"
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    env = {k: v for k, v in os.environ.items() if k != "KOOPERATION_DEBUG"}
    proc = subprocess.run([sys.executable, "-m", "kooperation_desktop", "export-pdf", "--out", str(db),
                           "--data-dir", str(data)], capture_output=True, text=True, timeout=120, env=env)
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr == f"Fehler: „{db}“ {REFUSED_FILE}\n"
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


# --- the core: every export refuses, whoever calls it (the window calls these) -----------------

def _exports(services: Services) -> dict[str, Callable[[Path], object]]:
    case_id = services.cases.list()[0].id
    agreement_id = services.cases.get(case_id).agreements[0].id
    follow = FollowUpService(services.db)
    signing = SigningService(services.db)
    signing.unlock(SEAL_PASSWORD)
    person_id = services.cases.get(case_id).persons[0].id
    review_id = follow.reviews(case_id)[0].id
    return {
        "agreement PDF": lambda out: services.agreements.export_pdf(agreement_id, out),
        "sealed PDF": lambda out: signing.export(agreement_id, out),
        "review PDF": lambda out: follow.export_review_pdf(review_id, out),
        "closing report": lambda out: follow.export_closing_report(case_id, out),
        "case file": lambda out: export_case(services, case_id, out),
        "GDPR information": lambda out: gdpr.export_person(services, person_id, out),
        "backup": lambda out: backup.create_backup(services, out),
    }


def test_no_export_of_the_core_writes_into_the_data_folder(folders) -> None:
    data, outside = folders
    targets = _targets(data, outside)
    with Services.open(data) as services:
        exports = _exports(services)
        for name, export in exports.items():
            for what, target in targets.items():
                before = _snapshot(data, outside)
                with pytest.raises((ProtectedTargetError, ProtectionError)) as refused:
                    export(target)
                _one_german_refusal(str(refused.value), target)
                if isinstance(refused.value, ProtectedTargetError):  # the window shows exc.strerror
                    assert refused.value.strerror == str(refused.value)
                assert _snapshot(data, outside) == before, (name, what)
        # every export still works to a place outside
        for name, export in exports.items():
            out = outside / f"ok-{name.replace(' ', '-')}"
            export(out)
            assert out.stat().st_size > 0, name
    with Services.open(data) as again:
        assert [c.title for c in again.cases.list()] == ["Familie Çelik"]


def test_guard_allows_ordinary_targets_and_refuses_folders(tmp_path: Path) -> None:
    data = tmp_path / "daten"
    data.mkdir()
    (data / "kooperation.sqlite").write_bytes(b"x")
    assert guard_target(tmp_path / "vereinbarung.pdf", data) == tmp_path / "vereinbarung.pdf"
    assert guard_target(tmp_path / "daten-export.pdf", data) == tmp_path / "daten-export.pdf"  # a similar name
    with pytest.raises(ProtectedTargetError, match="ist ein Ordner"):
        guard_target(tmp_path, data)
    # the data folder named through a relative path and a symlinked folder
    (tmp_path / "link").symlink_to(data, target_is_directory=True)
    cwd = Path.cwd()
    try:
        os.chdir(tmp_path / "link")
        with pytest.raises(ProtectedTargetError, match="Datei des Datenordners"):
            guard_target(Path("kooperation.sqlite"), data)
    finally:
        os.chdir(cwd)
