"""What a social worker must never read in the Konfliktliste: a stored field's raw name („position: 2“,
„Fall: file_number“), a raw value (True/False, an ISO date, a uuid, an enum's stored value)."""

from __future__ import annotations

import re

from kooperation_desktop.storage.travelling import travelling_tables
from ui.team.conflict_dialog import ConflictDialog

_RAW_VALUES = re.compile(r"\b(True|False|None)\b|\b\d{4}-\d\d-\d\d\b|\b[0-9a-f]{8}-[0-9a-f]{4}-|\b(youth_office|"
                         r"professional|resource_informal|resource_professional|draft|final|signed|open|closed|"
                         r"written|oral|on_screen|screen|paper|gas|scale_0_10|meeting|feedback)\b")

_SNAKE = re.compile(r"\b[a-z]+_[a-z_]+\b")  # a stored name: "file_number"


def _raw_names() -> set[str]:
    return {c.name for t in travelling_tables() for c in t.c}


def unreadable(dialog: ConflictDialog) -> dict[str, list[str]]:
    """Per entry of the list (its text), what of it is not for a user to read (empty: all readable)."""
    names = _raw_names()
    found: dict[str, list[str]] = {}
    for row in range(dialog.list.count()):
        dialog.list.setCurrentRow(row)
        texts = [dialog.list.item(row).text(), dialog.what.text(), dialog.local.value.toPlainText(),
                 dialog.server.value.toPlainText()]
        bad = []
        for text in texts:
            for line in text.splitlines():
                head, _, tail = line.partition(": ")
                raw_name = head in names or tail in names  # „position: 2“, „Fall: file_number“
                if raw_name or _SNAKE.search(line) or _RAW_VALUES.search(line):
                    bad.append(line)
        if bad:
            found[dialog.list.item(row).text()] = bad
    return found


def shown(dialog: ConflictDialog) -> dict[str, tuple[str, str]]:
    """Per entry of the list (its text): the two values shown."""
    values = {}
    for row in range(dialog.list.count()):
        dialog.list.setCurrentRow(row)
        values[dialog.list.item(row).text()] = (dialog.local.value.toPlainText(), dialog.server.value.toPlainText())
    return values
