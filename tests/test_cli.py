"""The command line as a user runs it: a real data folder; the commands run in this process
(tests/cli_run.py), the entry point's exit codes and output through a pipe in a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_run import run_cli
from pypdf import PdfReader


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "KOOPERATION_DEBUG"}
    # final versions are exported sealed (tests/test_signing_cli.py covers the seal options)
    env.setdefault("KOOPERATION_SEAL_PASSWORD", "test-siegel-passwort")
    env.setdefault("KOOPERATION_SEAL_ORGANISATION", "Familienhilfe Lindenhof e. V.")
    return env


def _args(args: tuple[str | Path, ...], data_dir: Path | None) -> list[str]:
    return [*map(str, args), *(["--data-dir", str(data_dir)] if data_dir is not None else [])]


def run(*args: str | Path, data_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The command in this process (what it does)."""
    return run_cli(*_args(args, data_dir), env=_env())


def run_process(*args: str | Path, data_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The command as a real process (``python -m kooperation_desktop``: exit code, output through a pipe)."""
    cmd = [sys.executable, "-m", "kooperation_desktop", *_args(args, data_dir)]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=_env())


def assert_clean_error(proc: subprocess.CompletedProcess[str], *words: str) -> None:
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    for word in words:
        assert word in lines[0], lines[0]


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("data")
    proc = run("demo", data_dir=data)
    assert proc.returncode == 0, proc.stderr
    assert "Familie Çelik-Wróbel" in proc.stdout
    return data


def _text(pdf: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(pdf).pages).split())


def test_demo_then_export_newest_pdf(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "vereinbarung.pdf"
    proc = run("export-pdf", "--out", out, data_dir=demo_dir)
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes().startswith(b"%PDF")
    text = _text(out)
    for name in ("Ağrı Şükrü Çelik", "Łukasz Wróbel", "Mia Çelik", "Жанна Иванова", "Nguyễn Thị Minh Khai"):
        assert name in text, name


def test_demo_twice_says_so_and_adds_nothing(demo_dir: Path) -> None:
    proc = run("demo", data_dir=demo_dir)
    assert proc.returncode == 0
    assert "schon vorhanden" in proc.stdout
    listing = run("list", data_dir=demo_dir)
    assert listing.returncode == 0
    assert listing.stdout.count("Familie Çelik-Wróbel") == 1
    assert "abgeschlossen" in listing.stdout


@pytest.mark.slow  # real command-line processes
def test_data_dir_before_the_command_works_too(demo_dir: Path) -> None:
    proc = run_process("--data-dir", demo_dir, "list")  # non-ASCII names through a real pipe
    assert proc.returncode == 0 and "Çelik-Wróbel" in proc.stdout


def test_case_round_trip_through_json(demo_dir: Path, tmp_path: Path) -> None:
    exported = tmp_path / "fall.json"
    proc = run("export-case", "--case", "1", "--out", exported, data_dir=demo_dir)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["format"] == "kooperation-desktop/case"

    other = tmp_path / "other"
    proc = run("import-case", exported, data_dir=other)
    assert proc.returncode == 0, proc.stderr
    assert "Hinweis" not in proc.stderr  # no hash mismatch
    again = tmp_path / "wieder.json"
    proc = run("export-case", "--case", "1", "--out", again, data_dir=other)
    assert proc.returncode == 0, proc.stderr
    back = json.loads(again.read_text(encoding="utf-8"))

    def content(d: dict) -> list:
        return [(a["version"], a["status"], a["content_hash"],
                 [(g["client_words"], g["professional_wording"], [i["description"] for i in g["indicators"]])
                  for g in a["goals"]],
                 [t["what"] for t in a["tasks"]], [r["description"] for r in a["roles"]])
                for a in d["case"]["agreements"]]

    assert content(back) == content(data)
    assert back["case"]["agreements"][0]["content_hash"] == data["case"]["agreements"][0]["content_hash"]

    pdf = tmp_path / "importiert.pdf"
    assert run("export-pdf", "--out", pdf, data_dir=other).returncode == 0
    assert "Łukasz Wróbel" in _text(pdf)


@pytest.mark.slow  # a real command-line process
def test_missing_file_is_one_german_line(tmp_path: Path) -> None:
    proc = run_process("import-case", tmp_path / "gibt-es-nicht.json", data_dir=tmp_path / "d")
    assert_clean_error(proc, "gibt es nicht")
    assert proc.returncode == 1


def test_broken_json_is_one_german_line(tmp_path: Path) -> None:
    broken = tmp_path / "kaputt.json"
    broken.write_text("{ das ist kein JSON", encoding="utf-8")
    proc = run("import-case", broken, data_dir=tmp_path / "d")
    assert_clean_error(proc, "kein gültiges JSON")


def test_wrong_format_version_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "neu.json"
    f.write_text(json.dumps({"format": "kooperation-desktop/case", "version": 99, "case": {}}), encoding="utf-8")
    proc = run("import-case", f, data_dir=tmp_path / "d")
    assert_clean_error(proc, "Formatversion")


def test_unknown_agreement_and_case(demo_dir: Path, tmp_path: Path) -> None:
    proc = run("export-pdf", "--agreement", "4711", "--out", tmp_path / "x.pdf", data_dir=demo_dir)
    assert_clean_error(proc, "4711")
    assert not (tmp_path / "x.pdf").exists()
    proc = run("export-case", "--case", "4711", "--out", tmp_path / "x.json", data_dir=demo_dir)
    assert_clean_error(proc, "4711")


def test_export_pdf_without_any_agreement(tmp_path: Path) -> None:
    from kooperation_desktop.services import Services

    Services.open(tmp_path / "leer").close()  # a data folder without any case
    proc = run("export-pdf", "--out", tmp_path / "x.pdf", data_dir=tmp_path / "leer")
    assert_clean_error(proc, "noch keine Vereinbarung")


def test_unwritable_target_is_one_line(demo_dir: Path, tmp_path: Path) -> None:
    proc = run("export-pdf", "--out", tmp_path / "fehlt" / "x.pdf", data_dir=demo_dir)
    assert_clean_error(proc)
    assert proc.returncode == 1


def test_usage_error_exit_code_2(tmp_path: Path) -> None:
    proc = run_process("export-pdf", data_dir=tmp_path)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "--out" in proc.stderr


def test_help_is_german() -> None:
    proc = run_process("--help")
    assert proc.returncode == 0
    assert "Aufruf:" in proc.stdout and "export-pdf" in proc.stdout and "Befehle" in proc.stdout


def test_without_a_command_the_core_alone_opens_no_window(tmp_path: Path, capsys) -> None:
    """The core never imports the UI: only the launcher (ui.launch) hands it the window."""
    from kooperation_desktop.cli import main

    assert main(["--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "kooperation-desktop" in err
    opened: list[Path | None] = []
    assert main(["--data-dir", str(tmp_path)], open_window=lambda d: opened.append(d) or 0) == 0
    assert opened == [tmp_path]
