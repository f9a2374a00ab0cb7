"""Where Kooperation Desktop keeps its data by default (the user's data folder)."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "Kooperation Desktop"


def default_data_dir(create: bool = True) -> Path:
    """The per-user data folder, e.g. ``~/.local/share/Kooperation Desktop`` on Linux or
    ``%LOCALAPPDATA%\\Kooperation Desktop`` on Windows; created if missing unless ``create`` is
    False (a command that only reads)."""
    path = Path(user_data_dir(APP_NAME, appauthor=False))
    if create:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)  # social data: owner only
    return path
