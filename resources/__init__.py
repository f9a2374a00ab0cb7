"""Package data of Kooperation Desktop: fonts, texts, icons, translations.

Read through :func:`path` / :func:`text` (importlib.resources), so a wheel or a frozen app works,
not only a checkout.
"""

from __future__ import annotations

from importlib import resources as _res
from pathlib import Path


def path(*parts: str) -> Path:
    """Filesystem path of a resource file, e.g. ``path("fonts", "DejaVuSans.ttf")``."""
    ref = _res.files(__name__).joinpath(*parts)
    return Path(str(ref))


def text(*parts: str) -> str:
    """A UTF-8 text resource, e.g. ``text("texts", "consent_de.txt")``."""
    return _res.files(__name__).joinpath(*parts).read_text(encoding="utf-8")
