"""The command line run inside the test process: ``run_cli(*args)`` calls
:func:`kooperation_desktop.cli.main` as ``python -m kooperation_desktop`` would (the same argument
list, the same environment, stdin not a terminal) and returns what the process would have given:
exit code, stdout, stderr — without a new Python paying its start-up and imports (about 1 s CPU
per call). For tests of what a command does; the process boundary itself (the installed entry
point's exit codes, a terminal, crashes, locks held by another process) stays tested with real
processes (tests/test_cli.py, tests/test_protection_cli.py, tests/test_folder_lock.py, ...).
A plain module: ``from cli_run import run_cli``."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

from kooperation_desktop import cli


@contextlib.contextmanager
def _environment(env: Mapping[str, str]) -> Iterator[None]:
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def run_cli(*args: str | Path, env: Mapping[str, str] | None = None, stdin: str = "",
            umask: int | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``kooperation-desktop ARGS`` in this process. ``env``: the whole environment of the call
    (default: this process's); ``stdin``: what it reads (never a terminal); ``umask``: the one the
    command starts with (default: this process's). An exception the command line lets out (a
    traceback a user would see) fails the test."""
    argv = [str(a) for a in args]
    out, err = io.StringIO(), io.StringIO()
    saved_stdin = sys.stdin
    sys.stdin = io.StringIO(stdin)
    saved_umask = os.umask(umask) if umask is not None else None
    try:
        with _environment(dict(os.environ) if env is None else env), contextlib.redirect_stdout(out), \
                contextlib.redirect_stderr(err):
            try:
                code = cli.main(argv)
            except SystemExit as exc:  # argparse: --help (0) and usage errors (2)
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        sys.stdin = saved_stdin
        if saved_umask is not None:
            os.umask(saved_umask)
    return subprocess.CompletedProcess(["kooperation-desktop", *argv], code, out.getvalue(), err.getvalue())
