"""The layering rules hold: the core never imports Qt; the UI holds no SQL."""

from __future__ import annotations

import ast
import pathlib
import re
import subprocess
import sys
import textwrap
from collections.abc import Iterator

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]


@pytest.mark.slow  # a new Python importing every core module
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


def test_ci_runs_every_test_with_its_full_example_count() -> None:
    """The quick loop (README) leaves out the gui, slow and team tests and runs a few hypothesis examples
    per property (``--hypothesis-profile=quick``); CI's command selects no marker and names no profile, so it
    runs every test, each property test with the example count it names."""
    from helpers import examples
    from hypothesis import settings

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = [line.strip() for line in readme.splitlines() if "not slow" in line and line.startswith(".venv/bin/pytest")]
    assert quick == ['.venv/bin/pytest -n auto -m "not gui and not slow and not team" --hypothesis-profile=quick']
    ci = [line.split("bin/pytest", 1)[1] for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
          if "bin/pytest" in line and not line.lstrip().startswith("#")]
    assert ci == [" -n auto"]
    before = settings.get_current_profile_name()
    try:
        for name in ("default", "ci"):  # hypothesis loads "ci" itself where CI is set (.ci/run)
            settings.load_profile(name)
            assert [examples(30), examples(1000)] == [30, 1000]
        settings.register_profile("quick", max_examples=5)  # as tests/conftest.py does for the quick loop
        settings.load_profile("quick")
        assert [examples(30), examples(3)] == [5, 3]
    finally:
        settings.load_profile(before)


def _ui_sources() -> list[tuple[pathlib.Path, str]]:
    return [(path, path.read_text(encoding="utf-8")) for path in sorted((ROOT / "ui").rglob("*.py"))]


def test_core_never_imports_the_ui() -> None:
    """The core knows nothing of ``ui``: the launcher (ui/launch.py) hands it the window. Only the
    entry script ``python -m kooperation_desktop`` (never imported) starts that launcher."""
    offenders = []
    for path in (ROOT / "kooperation_desktop").rglob("*.py"):
        if path == ROOT / "kooperation_desktop" / "__main__.py":
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"^\s*(import|from)\s+ui(\.|\s|$)", text, re.MULTILINE):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_ui_adds_no_attributes_behind_the_type_checker() -> None:
    """A part never hangs attributes onto another object (e.g. the main window) at run time."""
    offenders = [f"{path.relative_to(ROOT)}:{n}" for path, text in _ui_sources()
                 for n, line in enumerate(text.splitlines(), 1) if "type: ignore[attr-defined]" in line]
    assert offenders == []


def test_no_part_installs_itself_into_a_window() -> None:
    """Features join the main window through its constructor (typed parts it builds and places),
    never through an ``install(window)`` function patching the window. ``install*`` functions are
    allowed only for the QApplication (translators)."""
    offenders = []
    for path, text in _ui_sources():
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("install"):
                first = node.args.args[0] if node.args.args else None
                annotation = ast.unparse(first.annotation) if first is not None and first.annotation else ""
                if annotation != "QApplication":
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}({annotation})")
    assert offenders == []


def test_ui_parts_never_disconnect_or_replace_window_methods() -> None:
    """No monkey-patching in ui/: nothing assigns to an attribute of another object's method or
    disconnects signals it did not connect (``.disconnect(`` is not used at all)."""
    offenders = []
    for path, text in _ui_sources():
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "disconnect":
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} disconnect")
            if isinstance(node, (ast.Assign, ast.AnnAssign)):
                for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                    # obj.attr = ... is fine on self; on a parameter named like a window it is patching
                    if (isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name)
                            and target.value.id in ("window", "main_window", "win", "w")):
                        offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {ast.unparse(target)}")
    assert offenders == []


# calls that build values nobody changes in place
_CONSTANT_CALLS = ("frozenset", "tuple", "MappingProxyType", "TypeVar", "QColor")


def _mutable(value: ast.expr) -> str | None:
    """Why a module-level value is mutable state, or None."""
    if isinstance(value, (ast.List, ast.Dict, ast.Set, ast.ListComp, ast.DictComp, ast.SetComp)):
        return type(value).__name__
    if isinstance(value, ast.Tuple):
        return next((why for element in value.elts if (why := _mutable(element))), None)
    if isinstance(value, ast.Call):
        name = value.func.attr if isinstance(value.func, ast.Attribute) else getattr(value.func, "id", "")
        if name in ("QT_TRANSLATE_NOOP",):
            return None
        if name not in _CONSTANT_CALLS:
            return f"{name}()"
        return next((why for arg in value.args if (why := _mutable(arg)) and name in ("tuple", "TypeVar")), None)
    return None


def test_ui_holds_no_module_global_mutable_state() -> None:
    """State lives in objects the main window owns (e.g. one SigningService per window), never in
    module globals (no registries keyed by services, no caches): tuples, frozensets, read-only
    mappings and constants only; no ``global`` statement."""
    offenders = []
    for path, text in _ui_sources():
        tree = ast.parse(text)
        for node in tree.body:
            if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if [getattr(t, "id", None) for t in targets] == ["__all__"]:
                    continue
                why = _mutable(node.value)
                if why:
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {ast.unparse(targets[0])} = {why}")
        offenders += [f"{path.relative_to(ROOT)}:{n.lineno} global" for n in ast.walk(tree)
                      if isinstance(n, ast.Global)]
    assert offenders == []


def test_pdf_renderers_return_bytes_and_write_no_files() -> None:
    """The PDF modules only render (bytes); the one atomic writer (``kooperation_desktop/atomic.py``)
    called by the use case writes the file, so no renderer runs its own temporary-file rename."""
    offenders = []
    for path in sorted((ROOT / "kooperation_desktop" / "pdf").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("atomic"):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} imports the file writer")
            if (isinstance(node, ast.Attribute) and node.attr in ("write_bytes", "write_text", "replace", "rename")
                    and isinstance(node.value, ast.Name) and node.value.id in ("os", "out", "path", "tmp")):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} writes a file")
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "open":
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} opens a file")
    assert offenders == []


def _core_test_files() -> list[pathlib.Path]:
    return sorted(p for p in (ROOT / "tests").glob("*.py"))


def test_core_tests_need_no_qt() -> None:
    """The core tests (tests/*.py, fixtures in tests/conftest.py and tests/helpers.py) import neither
    Qt nor the UI, not even inside a test, and use no Qt fixture; every UI test lives in tests/ui/ and
    is marked ``gui`` as a whole module."""
    offenders = []
    qt_fixtures = {"qtbot", "qapp", "english"}
    for path in _core_test_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            names = [n for n in names if n.split(".")[0] in ("PySide6", "shiboken6", "ui", "pytestqt")]
            offenders += [f"{path.name}:{node.lineno} imports {n}" for n in names]
            if isinstance(node, ast.FunctionDef):
                used = qt_fixtures & {a.arg for a in node.args.args}
                offenders += [f"{path.name}:{node.lineno} {node.name} uses {u}" for u in sorted(used)]
            if isinstance(node, ast.Attribute) and ast.unparse(node) == "pytest.mark.gui":
                offenders.append(f"{path.name}:{node.lineno} marked gui outside tests/ui")
    for path in sorted((ROOT / "tests" / "ui").glob("test_*.py")):
        if not re.search(r"^pytestmark = pytest\.mark\.gui$", path.read_text(encoding="utf-8"), re.MULTILINE):
            offenders.append(f"ui/{path.name}: no module-wide pytestmark = pytest.mark.gui")
    assert offenders == []


@pytest.mark.slow  # a second pytest collecting every core test
def test_the_quick_core_run_collects_without_pyside6() -> None:
    """README's core-only command, ``pytest -p no:pytest-qt -m "not gui"``, works where PySide6 is not
    installed: with PySide6 made unimportable, every core test is collected and no UI test is."""
    script = textwrap.dedent(
        """
        import sys
        sys.modules["PySide6"] = None
        sys.modules["shiboken6"] = None
        import pytest
        code = pytest.main(["--collect-only", "-q", "-p", "no:cacheprovider", "-p", "no:pytest-qt",
                            "-p", "no:xdist", "-m", "not gui"])
        qt = sorted(m for m in sys.modules if m.startswith(("PySide6.", "shiboken6.", "ui.", "pytestqt.")))
        print("QT", qt)
        sys.exit(code)
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    collected = [line for line in proc.stdout.splitlines() if "::" in line]
    assert len(collected) > 250, proc.stdout[-2000:]
    assert not [line for line in collected if line.startswith("tests/ui/")]
    assert "QT []" in proc.stdout


def test_no_module_is_exempt_from_the_type_check() -> None:
    """pyproject.toml once listed the modules mypy did not check yet (``ignore_errors``): 11 core and
    22 UI modules. The list is empty; no module may be exempted again."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    ignored = [m for o in config["tool"]["mypy"].get("overrides", []) if o.get("ignore_errors")
               for m in ([o["module"]] if isinstance(o["module"], str) else o["module"])]
    assert ignored == []


def _is_type_checking(test: ast.expr) -> bool:
    return ast.unparse(test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING")


def _module_level(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """The statements run when the module is imported: into ``if``/``try``/``with``/class bodies,
    not into functions, and not into ``if TYPE_CHECKING:`` (never run)."""
    for node in body:
        if isinstance(node, ast.If):
            if not _is_type_checking(node.test):
                yield from _module_level(node.body)
            yield from _module_level(node.orelse)
        elif isinstance(node, ast.Try):
            for block in (node.body, node.orelse, node.finalbody, *[h.body for h in node.handlers]):
                yield from _module_level(block)
        elif isinstance(node, (ast.With, ast.ClassDef)):
            yield from _module_level(node.body)
        else:
            yield node


def _core_import_graph() -> dict[str, set[str]]:
    """Module -> the ``kooperation_desktop`` modules it imports at module level. ``from pkg import
    name`` counts as an import of the submodule ``pkg.name`` where that is a module, else of ``pkg``;
    the parent packages Python initialises before a submodule are not counted as imports."""
    paths: dict[str, pathlib.Path] = {}
    for path in (ROOT / "kooperation_desktop").rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        paths[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        targets: set[str] = set()
        for node in _module_level(ast.parse(path.read_text(encoding="utf-8")).body):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = package[: len(package) - node.level + 1] if node.level else []
                module = ".".join(base + ([node.module] if node.module else []))
                for alias in node.names:
                    sub = f"{module}.{alias.name}"
                    targets.add(sub if sub in paths else module)
        graph[name] = {t for t in targets if t in paths and t != name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """The import cycles: strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(frozenset(component))
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(graph[child]))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return found


# Import cycles that still exist, each as the set of its modules. A shrinking allow-list: never add
# one; when a cycle is gone (or gets smaller) the test says so and its entry goes (or shrinks).
_KNOWN_CYCLES: tuple[frozenset[str], ...] = ()


def test_core_modules_import_each_other_without_cycles() -> None:
    """No two ``kooperation_desktop`` modules import each other, directly or round a loop, at module
    level (imports under ``if TYPE_CHECKING:`` are for the type checker only): layers stay layers.
    A cycle is removed by moving code, not hidden by moving an import into a function."""
    cycles = _cycles(_core_import_graph())
    new = [sorted(c) for c in cycles if not any(c <= known for known in _KNOWN_CYCLES)]
    assert new == [], "new import cycles"
    gone = [sorted(known) for known in _KNOWN_CYCLES if known not in cycles]
    assert gone == [], "cycles gone or smaller: update _KNOWN_CYCLES"


def test_the_cycle_check_sees_a_cycle() -> None:
    """The graph and cycle search of the test above find a loop through three modules and a
    ``from . import sibling`` edge, and ignore an import under ``if TYPE_CHECKING:``."""
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert _cycles(graph) == [frozenset({"a", "b", "c"})]
    core = _core_import_graph()
    assert "kooperation_desktop.storage.rows_audit" in core["kooperation_desktop.storage.rows"]
    assert "kooperation_desktop.protection.folder" not in core["kooperation_desktop.storage.database"]


def test_ui_has_no_import_cycles() -> None:
    """No ``ui`` module imports, directly or through others, a module that imports it back: a part
    gets what it needs as a constructor argument or a callback, or reports through a signal. Imports
    inside functions count too (moving an import into a function hides a cycle, it does not remove
    it); only ``if TYPE_CHECKING:`` imports (annotations) are left out."""

    def ui_import_graph(root: pathlib.Path) -> dict[str, set[str]]:
        paths = {".".join(p.relative_to(root).with_suffix("").parts).removesuffix(".__init__"): p
                 for p in sorted((root / "ui").rglob("*.py"))}

        def runtime_imports(node: ast.AST) -> list[ast.Import | ast.ImportFrom]:
            if isinstance(node, ast.Import | ast.ImportFrom):
                return [node]
            type_checking = isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
            children = node.orelse if type_checking else list(ast.iter_child_nodes(node))
            return [found for child in children for found in runtime_imports(child)]

        graph: dict[str, set[str]] = {}
        for name, path in paths.items():
            package = name if path.name == "__init__.py" else name.rpartition(".")[0]
            targets: set[str] = set()
            for node in runtime_imports(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    targets |= {alias.name for alias in node.names}
                elif isinstance(node, ast.ImportFrom):
                    base = node.module or ""
                    if node.level:
                        parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                        base = ".".join([*parent, *([node.module] if node.module else [])])
                    targets |= {f"{base}.{a.name}" if f"{base}.{a.name}" in paths else base for a in node.names}
            edges = set()
            for target in targets:  # importing ui.a.b runs ui.a first; a module's own packages are loaded already
                parts = target.split(".")
                edges |= {m for m in (".".join(parts[:i]) for i in range(1, len(parts) + 1))
                          if m in paths and m != name and not name.startswith(m + ".")}
            graph[name] = edges
        return graph

    graph = ui_import_graph(ROOT)
    cycles = []
    state: dict[str, str] = {}  # "open" while on the current path, "done" after

    def visit(module: str, path: list[str]) -> None:
        state[module] = "open"
        for target in sorted(graph[module]):
            if state.get(target) == "open":
                cycles.append(" -> ".join([*path[path.index(target):], target]))
            elif target not in state:
                visit(target, [*path, target])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert len(graph) > 40 and graph["ui.main_window"] >= {"ui.protection.menu", "ui.case_view"}
    assert cycles == []


def test_storage_never_imports_the_team_mode() -> None:
    """The repositories sit below the team mode: nothing in ``storage/`` (migrations included, imports
    inside functions too) imports ``kooperation_desktop.team``; what a query needs of the sync protocol
    (the travelling tables, the server's triggers) lives in ``storage/`` and ``team/`` imports it."""
    offenders = []
    for path in sorted((ROOT / "kooperation_desktop" / "storage").rglob("*.py")):
        depth = len(path.relative_to(ROOT / "kooperation_desktop").parts) - 1  # (levels up to kooperation_desktop)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level == depth + 1:  # relative to kooperation_desktop (deeper levels stay in storage)
                    base = ".".join(["kooperation_desktop", *([base] if base else [])])
                names = [base, *(f"{base}.{alias.name}" for alias in node.names)]
            if any(n.startswith("kooperation_desktop.team") for n in names):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


def test_every_query_lives_in_storage() -> None:
    """Issue 17: queries live in ``storage/`` repositories. Outside it no module builds a SQLAlchemy
    statement (select, insert, update, delete, text, func, bind parameters …), runs SQL text
    (``exec_driver_sql``) or reads rows with ``scalars``/``scalar``: the whole core is checked, the team
    mode's sync protocol included (its queries are in ``storage/team_*.py`` and ``storage/travelling.py``).
    Raw DB-API calls too: no ``.execute(...)``/``.executescript(...)``/``.executemany(...)`` with SQL
    written as a string literal or f-string (the SQLCipher pragmas live in ``storage/sqlcipher.py``)."""
    builders = {"select", "insert", "update", "delete", "text", "func", "exists", "and_", "or_", "bindparam",
                "literal", "case", "any_", "union", "tuple_"}
    offenders = []
    for path in sorted((ROOT / "kooperation_desktop").rglob("*.py")):
        parts = path.relative_to(ROOT / "kooperation_desktop").parts
        if "storage" in parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sqlalchemy"):
                offenders += [f"{path.relative_to(ROOT)}:{node.lineno} {a.name}" for a in node.names
                              if a.name in builders]
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                  and node.func.attr in ("scalars", "scalar", "exec_driver_sql")):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} .{node.func.attr}()")
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                  and node.func.attr in ("execute", "executescript", "executemany") and node.args
                  and (isinstance(node.args[0], ast.JoinedStr)
                       or isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str))):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} .{node.func.attr}(SQL)")
    assert offenders == []
