"""The layering rules hold: the core never imports Qt; the UI holds no SQL."""

from __future__ import annotations

import pathlib
import re
import subprocess
import sys
import textwrap

ROOT = pathlib.Path(__file__).resolve().parents[1]


def test_every_core_module_imports_without_qt() -> None:
    # PySide6 set to None in sys.modules: any "import PySide6..." raises ImportError.
    script = textwrap.dedent(
        """
        import importlib, pkgutil, sys
        sys.modules["PySide6"] = None
        sys.modules["shiboken6"] = None
        import kooperation_desktop
        names = ["kooperation_desktop"]
        for info in pkgutil.walk_packages(kooperation_desktop.__path__, "kooperation_desktop."):
            names.append(info.name)
        failed = []
        for name in names:
            if ".migrations.versions." in name or name.endswith(".migrations.env"):
                continue  # Alembic scripts run only inside Alembic's context
            try:
                importlib.import_module(name)
            except Exception as exc:
                failed.append(f"{name}: {type(exc).__name__}: {exc}")
        qt = sorted(m for m in sys.modules if m.startswith(("PySide6.", "shiboken6.")))
        print("\\n".join(failed + qt))
        print("MODULES", len(names))
        sys.exit(1 if failed or qt else 0)
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    count = int(proc.stdout.split("MODULES")[-1])
    # cli, demo, exchange, services, paths and the domain modules at least
    assert count >= 10, proc.stdout


def test_core_source_never_names_pyside() -> None:
    offenders = []
    for path in (ROOT / "kooperation_desktop").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if re.search(r"^\s*(import|from)\s+(PySide6|shiboken6)\b", text, re.MULTILINE):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_ui_holds_no_sql() -> None:
    offenders = []
    for path in (ROOT / "ui").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if re.search(r"^\s*(import|from)\s+(sqlalchemy|sqlite3|sqlcipher3|alembic)\b", text, re.MULTILINE):
            offenders.append(str(path.relative_to(ROOT)))
        if re.search(r"^\s*from\s+kooperation_desktop\.storage\b", text, re.MULTILINE):
            offenders.append(f"{path.relative_to(ROOT)} (storage)")
    assert offenders == []


def test_ci_runs_exactly_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line.strip() for line in readme.splitlines()
                if line.startswith("python3 -m venv .venv") and "pytest" in line]
    assert len(commands) == 1, commands
    ci_lines = [line.strip() for line in ci.splitlines() if not line.lstrip().startswith("#")]
    assert commands[0] in ci_lines
