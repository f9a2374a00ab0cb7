"""Run by every Python process the tests start (tests/conftest.py puts this folder first on
``PYTHONPATH``): the CLI, the crash probe, the app (not a pytest process: tests/helpers.py reads the
production cost there before tests/conftest.py lowers it). With ``KOOPERATION_TEST_SCRYPT_N`` set (by
conftest, to the cheap cost the test process itself uses) the process writes key files with that
scrypt cost instead of the production one, and so does not re-wrap a test database's key at
2**17 on its first unlock either. Test-only: the product has no such setting. The module
``kooperation_desktop.protection.keys`` is patched right after it is imported; a process that
never imports it pays nothing."""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import os
import sys
from collections.abc import Sequence
from types import ModuleType

_KEYS = "kooperation_desktop.protection.keys"


class _CheapScrypt(importlib.abc.MetaPathFinder):
    def __init__(self, n: int) -> None:
        self.n = n

    def find_spec(self, fullname: str, path: Sequence[str] | None,
                  target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        if fullname != _KEYS or "pytest" in sys.modules:
            return None  # a pytest process (an xdist worker too) sets its own cost in tests/conftest.py
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        loader = spec.loader if spec is not None else None
        if loader is None:
            return spec
        run = loader.exec_module
        n = self.n

        def exec_module(module: ModuleType) -> None:
            run(module)
            module.SCRYPT_N = n

        loader.exec_module = exec_module  # this loader instance loads only this one module
        return spec


_n = os.environ.get("KOOPERATION_TEST_SCRYPT_N")
if _n:
    sys.meta_path.insert(0, _CheapScrypt(int(_n)))
