"""Qt-style placeholders (``%1``, ``%2`` …) filled into a translated text."""

from __future__ import annotations

import re


def fill(text: str, *args: object) -> str:
    """Put ``args`` into a translated text's ``%1``, ``%2`` … (Qt's placeholders, so a translation
    may reorder them). One pass: a ``%1`` inside an argument stays as typed."""

    def arg(match: re.Match[str]) -> str:
        i = int(match.group(1))
        return str(args[i - 1]) if 1 <= i <= len(args) else match.group(0)

    return re.sub(r"%(\d)", arg, text)
