"""The folded text a case is found by (title, file number, help type, persons' names)."""

from __future__ import annotations

import unicodedata

# letters that carry no combining mark in Unicode but are read as a base letter with a mark
_BASE_LETTERS = str.maketrans({
    "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ŧ": "t", "ı": "i", "ŀ": "l", "ƚ": "l",
    "æ": "ae", "œ": "oe", "þ": "th", "ĳ": "ij",
})


def fold_for_search(text: str) -> str:
    """Text as the case search compares it: case- and diacritic-insensitive ("celik" finds "Çelik",
    "wrobel" finds "Wróbel", "strasse" finds "Straße", "lodz" finds "Łódź"). Compatibility
    decomposition (NFKD), combining marks removed, casefolded (ß → ss), and the letters with a
    built-in stroke (ł, ø, đ …) mapped to their base letter. The stored ``search_text`` of a case
    and the typed filter are folded by this one function."""
    if text.isascii():  # (no marks, no compatibility forms: lower case is the whole fold)
        return text.lower()
    return fold_any(text)


def fold_any(text: str) -> str:
    """:func:`fold_for_search` without its shortcut for plain ASCII."""
    folded = _strip_marks(unicodedata.normalize("NFKD", text)).casefold()
    if folded.isascii():  # (e.g. German names once their umlauts' marks are gone: nothing more to do)
        return folded
    folded = folded.translate(_BASE_LETTERS)
    # casefolding can produce new combining marks (e.g. "İ" → "i̇"): strip them once more
    return _strip_marks(unicodedata.normalize("NFKD", folded))


def _strip_marks(text: str) -> str:
    """The text without its combining marks (each distinct character asked once, not each one; a
    combining mark is never below U+0300)."""
    if text.isascii():
        return text
    for c in set(text):
        if c > "\u02ff" and unicodedata.combining(c):
            text = text.replace(c, "")
    return text


def search_text_of(title: str, file_number: str, help_type: str, names: list[tuple[str, str]]) -> str:
    """The folded text a case is found by: title, file number, help type and its persons' names."""
    parts = [title, file_number, help_type]
    for first, last in names:
        parts.append(" ".join(x for x in (first.strip(), last.strip()) if x))
    # folded as one text: every step of the fold works character by character (a line break between
    # the parts keeps their marks apart), so this is the parts folded one by one, with one call
    return fold_for_search("\n".join(p for p in parts if p))


