"""Size and range limits shared by every way data comes in (case-file import, command line, UI).

One place, so the reader of a case file, the command line and the window agree on what fits.
"""

from __future__ import annotations

import datetime as dt

# --- texts --------------------------------------------------------------------------------
MAX_NAME = 200  # names, roles, organisations, functions, short labels, Aktenzeichen
MAX_SHORT = 1_000  # one-line texts that may be a little longer (contact, help type, rhythm, ...)
MAX_TEXT = 10_000  # multi-line texts (mandate, goals, tasks, the consent text, ...)
MAX_FILTER = 200  # the case list's search text (longer: refused with a message)
COUNTED_HITS = 1_000  # a search counts its hits up to this many; beyond, the case list says
# „mehr als 1.000 Fälle gefunden“ and counts on as it is scrolled (one or two letters match nearly every case)

# --- files --------------------------------------------------------------------------------
MAX_CASE_FILE_BYTES = 5 * 1024 * 1024  # a case file (JSON) is refused before it is parsed
MAX_NESTING = 20  # a valid case file nests 9 levels deep (…level_texts); deeper is refused
MAX_ITEMS = 1_000  # entries in one list of a case file (persons, goals, tasks, ...)

# --- numbers and dates --------------------------------------------------------------------
MIN_GOAL_WEIGHT = 0.0  # exclusive: a weight must be greater than this
MAX_GOAL_WEIGHT = 100.0  # GAS weights are small relative numbers (default 1)
MAX_ID = 2**31 - 1  # ids and positions in a case file
MAX_VERSION = 10_000
EARLIEST_DATE = dt.date(1900, 1, 1)  # birth dates, consents, agreement dates
LATEST_PLAN_DATE = dt.date(2199, 12, 31)  # planned dates (end, review, due) may lie ahead, not forever

# control characters allowed in multi-line texts (all others are refused)
MULTILINE_CONTROLS = frozenset("\n\t")


def bad_control_char(text: str, multiline: bool) -> str | None:
    """The first control character (C0, DEL, C1) ``text`` must not contain, or None.

    Multi-line texts may hold line breaks and tabs (``\\r`` is not refused either: ``\\r\\n``
    line ends of pasted text); single-line texts none at all."""
    for ch in text:
        code = ord(ch)
        if code < 0x20 or 0x7F <= code <= 0x9F:
            if multiline and (ch in MULTILINE_CONTROLS or ch == "\r"):
                continue
            return ch
    return None


def lone_surrogate(text: str) -> bool:
    """True when ``text`` holds a lone UTF-16 surrogate (JSON ``\\ud800``; not storable as UTF-8)."""
    return any(0xD800 <= ord(ch) <= 0xDFFF for ch in text)
