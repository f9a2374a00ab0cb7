"""Statement-deletion mutation test of ``kooperation_desktop/domain/rules.py``.

mutmut (configured in pyproject.toml, ``[tool.mutmut]``) flips operators, negates conditions, changes
constants and strings, but never deletes a statement. Deleting a check (``if ...: p.append(...)``)
is how a rule gets lost in practice, so this script does exactly that: each statement inside a
function of ``rules.py`` (docstrings aside) is replaced by ``pass``, one at a time, in a temporary
copy of the project, and the core rule tests run against it (``-x``; no database, no Qt)::

    python benchmarks/mutate_rules.py [--tests tests/test_rules.py ...] [--keep-going]

Prints one line per mutant (killed / SURVIVED, line and statement) and the score. Exit 1 when a
mutant survives. The project folder itself is never changed.
"""

from __future__ import annotations

import argparse
import ast
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RULES = Path("kooperation_desktop/domain/rules.py")
TESTS = ["tests/test_rules.py", "tests/test_rules_each.py"]


# Deleting these statements changes nothing (see benchmarks/MUTATION.md): (function, statement)
EQUIVALENT = {
    ("mention_problems", "if not lacking:"): "a short cut: the loop finds nothing without partners",
    ("mention_problems", "return problems"): "a short cut: the loop finds nothing without partners",
    ("_plain", "if isinstance(value, Enum):"): "every enum of the model is a StrEnum, JSON writes its text",
    ("_plain", "return value.value"): "every enum of the model is a StrEnum, JSON writes its text",
    ("_plain", "if isinstance(value, dict):"): "no field of the model is a dict",
    ("_plain", "return {str(k): _plain(v) for k, v in value.items()}"): "no field of the model is a dict",
}


def _statement_lists(tree: ast.Module) -> list[tuple[str, list[ast.stmt]]]:
    """(function name, statements) of every statement list inside a function, in a fixed order."""
    seen: dict[int, tuple[str, list[ast.stmt]]] = {}
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            for node in ast.walk(function):
                for name in ("body", "orelse", "finalbody"):
                    stmts = getattr(node, name, None)
                    if isinstance(stmts, list) and stmts and isinstance(stmts[0], ast.stmt):
                        seen.setdefault(id(stmts), (function.name, stmts))
    return list(seen.values())


def _deletable(stmts: list[ast.stmt]) -> list[int]:
    """Positions that may be deleted: not a docstring, not ``pass``, not a nested definition."""
    out = []
    for i, stmt in enumerate(stmts):
        docstring = i == 0 and isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant)
        if not docstring and not isinstance(stmt, ast.Pass | ast.FunctionDef | ast.ClassDef):
            out.append(i)
    return out


def mutants(source: str) -> list[tuple[int, str, str, str]]:
    """(line, function, deleted statement, mutated source) for every deletable statement."""
    places = [(n, i) for n, (_, stmts) in enumerate(_statement_lists(ast.parse(source)))
              for i in _deletable(stmts)]
    out = []
    for n, i in places:
        tree = ast.parse(source)  # a fresh tree per mutant: the same order of statement lists
        function, stmts = _statement_lists(tree)[n]
        deleted = stmts[i]
        stmts[i] = ast.copy_location(ast.Pass(), deleted)
        out.append((deleted.lineno, function, ast.unparse(deleted).splitlines()[0], ast.unparse(tree)))
    return out


def run_tests(folder: Path, tests: list[str]) -> int:
    env = dict(os.environ, PYTHONPATH=str(folder), QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    # --noconftest: the rule tests need no fixture of tests/conftest.py (which imports Qt)
    cmd = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "--noconftest", *tests]
    return subprocess.run(cmd, cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tests", nargs="+", default=TESTS, help="test files (relative to the project)")
    args = parser.parse_args()
    source = (ROOT / RULES).read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="mutate-rules-") as tmp:
        folder = Path(tmp)
        shutil.copytree(ROOT / "kooperation_desktop", folder / "kooperation_desktop",
                        ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copytree(ROOT / "tests", folder / "tests", ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copy(ROOT / "pyproject.toml", folder / "pyproject.toml")
        if run_tests(folder, args.tests) != 0:
            print("Die Tests schlagen schon ohne Mutation fehl.", file=sys.stderr)
            return 1
        survived, equivalent = [], []
        all_mutants = mutants(source)
        start = time.perf_counter()
        for line, function, statement, mutated in all_mutants:
            (folder / RULES).write_text(mutated, encoding="utf-8")
            killed = run_tests(folder, args.tests) != 0
            reason = EQUIVALENT.get((function, statement))
            verdict = "killed    " if killed else "equivalent" if reason else "SURVIVED  "
            print(f"{verdict} rules.py:{line} {function}: {statement}" + (f"  ({reason})" if reason and not killed
                                                                             else ""), flush=True)
            if not killed:
                (equivalent if reason else survived).append((line, statement))
    total = len(all_mutants)
    print(f"\n{total - len(survived) - len(equivalent)}/{total} Mutanten (Anweisung gelöscht) getötet, "
          f"{len(equivalent)} äquivalent, {len(survived)} überlebt; {time.perf_counter() - start:.0f} s")
    return 1 if survived else 0


if __name__ == "__main__":
    sys.exit(main())
