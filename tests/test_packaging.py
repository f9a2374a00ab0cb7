"""The installed wheel: only names of its own at the top level (a bare ``ui`` or ``resources`` would
collide with other projects), every package inside, and it runs without the checkout."""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys
import textwrap
import tomllib
import zipfile

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
INSTALLED = {"kooperation_desktop": "kooperation_desktop", "ui": "kooperation_desktop_ui",
             "resources": "kooperation_desktop_resources"}


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_package_folder_is_named_in_pyproject() -> None:
    """The package list is written out (the folders are renamed on install): a new sub-package
    that is not listed would be missing from the installed app."""
    folders = set()
    for top, name in INSTALLED.items():
        for init in (ROOT / top).rglob("__init__.py"):
            parts = init.parent.relative_to(ROOT / top).parts
            folders.add(".".join((name, *parts)))
    setuptools = _pyproject()["tool"]["setuptools"]
    assert set(setuptools["packages"]) == folders
    assert setuptools["package-dir"] == {"kooperation_desktop_ui": "ui", "kooperation_desktop_resources": "resources"}
    assert _pyproject()["project"]["scripts"]["kooperation-desktop"] == "kooperation_desktop_ui.launch:main"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> pathlib.Path:
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    (built,) = out.glob("*.whl")
    return built


@pytest.mark.slow  # builds the wheel (a pip process)
def test_the_wheel_claims_only_its_own_top_level_names(wheel) -> None:
    with zipfile.ZipFile(wheel) as whl:
        names = whl.namelist()
        entry_points = next(whl.read(n).decode() for n in names if n.endswith("entry_points.txt"))
    tops = {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")}
    assert tops == {"kooperation_desktop", "kooperation_desktop_ui", "kooperation_desktop_resources"}
    assert "kooperation-desktop = kooperation_desktop_ui.launch:main" in entry_points
    # every module of the checkout's ui/ and the data files are inside
    for source in (ROOT / "ui").rglob("*.py"):
        assert "kooperation_desktop_ui/" + source.relative_to(ROOT / "ui").as_posix() in names
    for data in ("fonts/DejaVuSans.ttf", "fonts/NotoSansArabic-Regular.ttf", "fonts/LICENSE-NotoSansArabic.txt",
                 "family_texts/ar.json", "texts/consent_de.txt", "translations/kooperation_en.qm",
                 "icons/kooperation-desktop.png"):
        assert "kooperation_desktop_resources/" + data in names
    assert any(n.startswith("kooperation_desktop/storage/migrations/versions/0001") for n in names)


@pytest.mark.slow  # installs the wheel into a new environment
def test_the_installed_wheel_runs_without_the_checkout(wheel, tmp_path) -> None:
    """Installed into a folder of its own and started from elsewhere: every UI module imports under
    its installed name, the files are found in the installed package, the self-test passes, and the
    bare names ``ui`` and ``resources`` stay free."""
    target = tmp_path / "site"
    proc = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
                           str(wheel)], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    script = textwrap.dedent(
        """
        import importlib, importlib.util, pkgutil, sys
        import kooperation_desktop, kooperation_desktop_ui
        from kooperation_desktop import assets
        for info in pkgutil.walk_packages(kooperation_desktop_ui.__path__, "kooperation_desktop_ui."):
            importlib.import_module(info.name)
        print("CORE", kooperation_desktop.__file__)
        print("UI", kooperation_desktop_ui.__file__)
        print("FILES", assets.folder())
        print("FREE", importlib.util.find_spec("ui") is None and importlib.util.find_spec("resources") is None)
        from kooperation_desktop.cli import main
        sys.exit(main(["--self-test"]))
        """
    )
    env = {**os.environ, "PYTHONPATH": str(target), "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path)}
    run = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    lines = dict(line.split(" ", 1) for line in run.stdout.splitlines() if line.split(" ")[0] in
                 {"CORE", "UI", "FILES", "FREE"})
    for key in ("CORE", "UI", "FILES"):
        assert lines[key].startswith(str(target)), lines
    assert lines["FILES"].endswith("kooperation_desktop_resources")
    assert lines["FREE"] == "True"
    assert "Selbsttest bestanden" in run.stdout
