"""The program's entry point (the ``kooperation-desktop`` command, ``python -m kooperation_desktop``
and the frozen app): the core's command line, which opens the window when no sub-command is given.

The window is handed to the core as ``open_window`` so the core never imports the ``ui`` package;
Qt is imported only when the window really opens.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from kooperation_desktop.cli import CliError
from kooperation_desktop.cli import main as cli_main


def open_window(data_dir: Path | None) -> int:
    # the Qt-free modules of the password dialog, loaded before Qt: once PySide6 is loaded it reads
    # the source of every module imported after it (looking for its "__feature__" switches)
    import kooperation_desktop.paths
    import kooperation_desktop.protection.folder
    import kooperation_desktop.protection.vault  # noqa: F401 - imported for the module cache only

    try:
        from .app import run  # lazily: only the window needs Qt
    except ImportError as exc:
        raise CliError(
            f"Das Programmfenster kann nicht starten, Qt fehlt etwas ({exc}). Unter Linux bitte die "
            "Debian-Pakete aus der README installieren."
        ) from exc
    return run(data_dir)


def main(argv: Sequence[str] | None = None) -> int:
    return cli_main(argv, open_window=open_window)
