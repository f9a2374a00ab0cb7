"""Where the package data lives: fonts, texts, icons, translations, help.

In a checkout the folder is ``resources/`` beside ``kooperation_desktop/``; an installed wheel carries
it as the package ``kooperation_desktop_resources`` (a name no other project claims, unlike a bare
``resources``); a frozen app (PyInstaller) carries it under the same name. Every reader goes through
:func:`path` / :func:`text`, so none of them needs to know which of these it runs from.
"""

from __future__ import annotations

import functools
from pathlib import Path

INSTALLED_NAME = "kooperation_desktop_resources"


@functools.cache
def folder() -> Path:
    """The resources folder: the checkout's own (so a working tree reads its own files, never an
    older installed copy), else the installed package's."""
    checkout = Path(__file__).resolve().parent.parent
    if (checkout / "pyproject.toml").is_file() and (checkout / "resources" / "fonts").is_dir():
        return checkout / "resources"
    from importlib.util import find_spec

    spec = find_spec(INSTALLED_NAME)
    if spec is None:
        raise FileNotFoundError(f"Programmdateien fehlen: das Paket {INSTALLED_NAME} ist nicht installiert.")
    if spec.submodule_search_locations:  # a folder: no need for importlib.resources (slow to import)
        return Path(next(iter(spec.submodule_search_locations)))
    from importlib import resources

    return Path(str(resources.files(INSTALLED_NAME)))


def path(*parts: str) -> Path:
    """Filesystem path of a resource file, e.g. ``path("fonts", "DejaVuSans.ttf")``."""
    return folder().joinpath(*parts)


def text(*parts: str) -> str:
    """A UTF-8 text resource, e.g. ``text("texts", "consent_de.txt")``."""
    return path(*parts).read_text(encoding="utf-8")
