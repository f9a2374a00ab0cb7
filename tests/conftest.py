"""Shared test set-up. Qt runs headless (offscreen) everywhere, set before Qt is imported."""

import datetime as dt
import os
import shutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the databases are encrypted (SQLCipher); tests and CLI subprocesses unlock with this password
os.environ.setdefault("KOOPERATION_PASSPHRASE", "test-passwort-Kooperation-2026")

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import build_complete_case
from pg_server import PgServer, running_server
from sqlalchemy import Engine
from sync_helpers import laptop, one_team, server_engine

from kooperation_desktop.demo import DemoResult, create_demo
from kooperation_desktop.protection import folder as _folder
from kooperation_desktop.protection import keys as _keys
from kooperation_desktop.services import Services

# cheap scrypt for the many test databases (the cost is stored in each key file;
# tests/test_protection.py checks the production cost, helpers.PRODUCTION_SCRYPT_N, on its own)
_keys.SCRYPT_N = 2**12
# ... and in every Python process a test starts (CLI, crash probe): tests/subprocess_site/sitecustomize.py
# lowers it there, so a subprocess neither writes new key files at the production cost nor re-wraps a
# test database's key at it on its first unlock (each later open would derive at 2**17: ~0.5 s CPU)
os.environ["KOOPERATION_TEST_SCRYPT_N"] = str(_keys.SCRYPT_N)
# The checkout's own packages for those processes too, as pytest's `pythonpath = ["."]` gives them to the
# tests (`ui` is installed as `kooperation_desktop_ui`; a script a test writes imports the checkout's `ui`)
os.environ["PYTHONPATH"] = os.pathsep.join(
    [str(Path(__file__).resolve().parent / "subprocess_site"), str(Path(__file__).resolve().parents[1]),
     *filter(None, [os.environ.get("PYTHONPATH")])])


UI_TESTS = Path(__file__).resolve().parent / "ui"

# Hypothesis: every property test runs the example count it names (CI's `pytest -n auto` too); the quick
# loop (README) adds `--hypothesis-profile=quick`, under which helpers.examples() caps each count to
# QUICK_EXAMPLES (the failing examples hypothesis stored in .hypothesis/ are replayed first either way)
QUICK_PROFILE = "quick"
QUICK_EXAMPLES = 5


def pytest_addoption(parser: pytest.Parser, pluginmanager: pytest.PytestPluginManager) -> None:
    """The core run without Qt (``-p no:pytest-qt``): pytest-qt's settings in pyproject.toml are known
    names still (an unknown one would be an error)."""
    if not pluginmanager.has_plugin("pytest-qt"):
        for name in ("qt_api", "qt_log_level_fail", "qt_log_ignore"):
            parser.addini(name, "pytest-qt (not loaded in this run)", type="linelist")


@pytest.hookimpl(tryfirst=True)  # before hypothesis's own pytest_configure loads the profile
def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("hypothesis_profile", None) == QUICK_PROFILE:
        from hypothesis import settings

        settings.register_profile(QUICK_PROFILE, max_examples=QUICK_EXAMPLES)


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """``-m "not gui"`` (the quick core run) does not even import the UI tests in tests/ui/ (every one
    of them is marked ``gui``): the core run needs no Qt (with ``-p no:pytestqt``, not even PySide6)."""
    if collection_path == UI_TESTS and "not gui" in (config.option.markexpr or ""):
        return True
    return None


@pytest.hookimpl(tryfirst=True)  # before ``-m`` deselects by marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test on a real PostgreSQL server (the ``pg_server`` fixture, directly or through another
    fixture) is a ``team`` test: the integration tests of team mode, which the quick loop leaves out
    (``-m "not gui and not slow and not team"``) and the full run keeps. A test that starts a server of
    its own (``running_server``) carries the marker itself (tests/test_team_tls.py)."""
    for item in items:
        if "pg_server" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.team)


class _Template:
    """A data folder the app set up (and, for the complete case, filled) once per test session and
    xdist worker, copied for every test that wants one: setting up a folder runs every Alembic
    migration (many small DDL transactions, each synced to disk) and the complete case writes ~30
    transactions; copying the files costs almost nothing. A copy IS a fresh folder: the same files
    the app wrote (owner-only modes kept), opened by the test with :meth:`Services.open` as any
    existing folder — unlocked with the password, migrated (nothing left to do), locked, audited.
    Its recovery key was never confirmed, so that opening makes a new one (as a first set-up does)."""

    def __init__(self, folder: Path, result: Any) -> None:
        self.folder, self.result, self.day = folder, result, dt.date.today()

    def copy_to(self, target: Path) -> Path:
        shutil.copytree(self.folder, target,
                        ignore=shutil.ignore_patterns(_folder.LOCK_FILENAME, _folder.INFO_FILENAME))
        return target


class _Templates:
    """The session's templates, made when first needed (again on a new day: the complete case's
    dates are "today")."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self._made: dict[str, _Template] = {}

    def get(self, name: str, build: Callable[[Services], Any] | None = None) -> _Template:
        """The template ``name``: a new folder, filled by ``build`` (its result kept as ``result``)."""
        made = self._made.get(name)
        if made is None or made.day != dt.date.today():
            target = self.base / f"{name}-{len(self._made)}-{dt.date.today().isoformat()}"
            with Services.open(target) as svc:
                result = build(svc) if build is not None else None
            made = self._made[name] = _Template(target, result)
        return made

    def open_copy(self, name: str, build: Callable[[Services], Any] | None, tmp_path: Path) -> Iterator[Services]:
        """For a ``services`` fixture: a copy of the template in ``tmp_path / "data"``, open, closed after."""
        svc = Services.open(self.get(name, build).copy_to(tmp_path / "data"))
        try:
            yield svc
        finally:
            svc.close()


@pytest.fixture(scope="session")
def _templates(tmp_path_factory: pytest.TempPathFactory) -> _Templates:
    return _Templates(tmp_path_factory.mktemp("templates"))


@pytest.fixture
def services(request: pytest.FixtureRequest, tmp_path: Path, _templates: _Templates) -> Iterator[Services]:
    """A fresh :class:`Services` on an empty, migrated SQLite database in ``tmp_path / "data"``;
    closed after the test. ``services.data_dir`` is that folder. (A copy of a folder set up once
    per session, see :class:`_Template`; with ``complete_case`` the copy holds that case.)"""
    if "complete_case" in request.fixturenames:
        yield from _templates.open_copy("complete_case", build_complete_case, tmp_path)
    elif "demo_case" in request.fixturenames:
        yield from _templates.open_copy("demo", create_demo, tmp_path)
    else:
        yield from _templates.open_copy("empty", None, tmp_path)


@pytest.fixture
def complete_case(services: Services, _templates: _Templates) -> tuple[Services, int, int]:
    """``(services, case_id, agreement_id)``: the :func:`build_complete_case` case in a fresh
    database; the agreement is a DRAFT that passes ``services.agreements.check()`` (so ``finalise`` works).
    (The case is built once per session and copied, see :class:`_Template`.)"""
    case_id, agreement_id = _templates.get("complete_case", build_complete_case).result
    return services, case_id, agreement_id


@pytest.fixture
def demo_case(services: Services, _templates: _Templates) -> tuple[Services, DemoResult]:
    """``(services, demo)``: the demo family (:func:`create_demo`, a final version and a draft) in a
    fresh database (built once per session and copied, see :class:`_Template`)."""
    return services, _templates.get("demo", create_demo).result


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """A real, throwaway PostgreSQL server for this test session (per xdist worker), on 127.0.0.1 only.
    ``pg_server.create_database()`` gives each test its own empty database."""

    with running_server() as server:
        yield server


@pytest.fixture
def team(pg_server: PgServer, tmp_path: Path) -> Iterator[tuple[Services, Services, Engine]]:
    """Two laptops in team mode (``anna``, ``ben``) and the server's engine, on a new server database."""
    engine, _name = server_engine(pg_server)
    a, b = laptop(tmp_path, "anna"), laptop(tmp_path, "ben")
    try:
        yield a, b, engine
    finally:
        a.close()
        b.close()
        engine.dispose()


@pytest.fixture
def workers(pg_server: PgServer, tmp_path: Path) -> Iterator[tuple[Services, Services, Engine, Engine]]:
    """As :func:`team`, but as at an agency: Anna and Ben are workers of one team on a server set up
    with ``server init``, each laptop with its own login (row-level security and the append-only
    triggers apply; the superuser of ``team`` bypasses both). ``(anna, ben, anna's engine, ben's)``."""
    (a, b), (server_a, server_b) = one_team(pg_server, tmp_path)
    try:
        yield a, b, server_a, server_b
    finally:
        a.close()
        b.close()
        server_a.dispose()
        server_b.dispose()
