"""The program's entry point (the ``kooperation-desktop`` command, ``python -m kooperation_desktop``
and the frozen app): the core's command line, which opens the window when no sub-command is given.

The window is handed to the core as ``open_window`` so the core never imports the ``ui`` package;
Qt is imported only when the window really opens.

The usual start (no arguments, or only ``--data-dir ORDNER``) opens the window without building
the command line's parser (its sub-commands and their modules cost about a sixth of the time to
the first window); everything else, and an error of the window, goes through the command line.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path


def _only_the_window(argv: Sequence[str]) -> tuple[bool, Path | None]:
    """(True, data folder or None) when ``argv`` only opens the window ([], ``--data-dir X``,
    ``--data-dir=X``); else (False, None): the command line's parser decides, with its messages."""
    if not argv:
        return True, None
    if len(argv) == 2 and argv[0] == "--data-dir":
        value = argv[1]
    elif len(argv) == 1 and argv[0].startswith("--data-dir="):
        value = argv[0].removeprefix("--data-dir=")
    else:
        return False, None
    if not value or value.startswith("-"):
        return False, None
    return True, Path(value)


def _load_light_modules() -> None:
    """The Qt-free modules of the password dialog, loaded before Qt: once PySide6 is loaded it
    reads the source of every module imported after it (looking for its "__feature__" switches)."""
    import os

    if os.name == "nt":
        import filelock  # noqa: F401 - the folder's lock there (on POSIX it is flock, no package)

    import kooperation_desktop.assets
    import kooperation_desktop.paths
    import kooperation_desktop.protection.folder
    import kooperation_desktop.protection.vault  # noqa: F401 - imported for the module cache only


def open_window(data_dir: Path | None) -> int:
    _load_light_modules()
    try:
        from .app import run  # lazily: only the window needs Qt
    except ImportError as exc:
        from kooperation_desktop.cli import CliError

        raise CliError(
            f"Das Programmfenster kann nicht starten, Qt fehlt etwas ({exc}). Unter Linux bitte die "
            "Debian-Pakete aus der README installieren."
        ) from exc
    return run(data_dir)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    only_window, data_dir = _only_the_window(args)
    if only_window:
        try:
            return open_window(data_dir)
        except (Exception, KeyboardInterrupt) as exc:  # noqa: BLE001 - the command line reports it
            failed = exc  # reported by the command line, as if it had opened the window
        return _cli_main(args, _raising(failed))
    return _cli_main(args, open_window)


def _raising(exc: BaseException) -> Callable[[Path | None], int]:
    def open_window_failed(data_dir: Path | None) -> int:
        raise exc

    return open_window_failed


def _cli_main(args: list[str], window: Callable[[Path | None], int]) -> int:
    from kooperation_desktop.cli import main as cli_main

    return cli_main(args, open_window=window)
