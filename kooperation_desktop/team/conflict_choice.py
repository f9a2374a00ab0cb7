"""The Konfliktliste as the window shows it (Qt-free): each open conflict with both values readable
side by side, who changed them and when, and the user's choice: keep this laptop's value, keep the
server's, or type a new one.

Keeping a side is :func:`.conflicts.resolve` (the server value only closes the entry; this laptop's
is written into the row as a local change). A typed value is written the same way here, in the same
transaction as closing the entry (the outbox records it; the next sync pushes it). The row's column
type decides how a typed text is read (text, whole number, date TT.MM.JJJJ); columns of other types
can only be chosen, not typed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final, Literal

from sqlalchemy import Boolean, Date, DateTime, Integer, String, Text

from ..domain import labels, limits, rules
from ..domain.labels import SIGNATURE_METHOD, format_date, parse_date
from ..domain.reports import CHECK_HOW, COPY_RECIPIENTS, REPORT_STATUS_LABEL
from ..protection import audit
from ..storage import team_conflicts as repo
from ..storage.database import Database
from . import conflicts, outbox

LOCAL, SERVER, EDITED = "local", "server", "edited"  # EDITED: the resolution of a typed value
Side = Literal["local", "server"]
EMPTY = "(leer)"

#: the German names of the fields and rows (the one catalogue: :mod:`..domain.labels`)
FIELD_LABELS: Mapping[tuple[str, str], str] = labels.FIELD_LABEL
TABLE_LABELS: Mapping[str, str] = labels.TABLE_LABEL


def _by_value(table: Mapping[Any, str]) -> dict[str, str]:
    return {str(key): text for key, text in table.items()}  # (an enum member's str is its value)


#: stored values of a field read as words (an enum's value: "closed" is „abgeschlossen“); such a
#: field is chosen, not typed
_VALUE_WORDS: dict[tuple[str, str], dict[str, str]] = {
    ("cases", "status"): _by_value(labels.CASE_STATUS),
    ("agreements", "status"): _by_value(labels.AGREEMENT_STATUS),
    ("agreements", "language"): _by_value(labels.LANGUAGE_NAME),
    ("agreements", "family_language"): _by_value(labels.LANGUAGE_NAME),
    ("partners", "kind"): _by_value(labels.PARTNER_KIND),
    ("consents", "form"): _by_value(labels.CONSENT_FORM),
    ("indicators", "scale"): _by_value(labels.SCALE_KIND),
    ("followup_review_ratings", "scale"): _by_value(labels.SCALE_KIND),
    ("communication_rules", "kind"): _by_value(labels.COMMUNICATION_KIND),
    ("reports", "status"): _by_value(REPORT_STATUS_LABEL),
    ("reports", "checked_how"): CHECK_HOW,
    ("reports", "copies"): COPY_RECIPIENTS,
    ("signatures", "method"): _by_value(labels.SIGNATURE_METHOD),
    ("followup_reflection_ratings", "condition"): {
        key: texts.short for key, texts in labels.REFLECTION_CONDITION.items()},
}


#: what happened, per entry of the Konfliktliste (the window says it in a header of its own)
FIELD: Final = "field"  # a field changed here and on the server
FIELD_GONE: Final = "field_gone"  # a field changed here of a row the server deleted meanwhile
DELETION: Final = "deletion"  # deleted here on an older state, changed on the server meanwhile
SIGNATURE: Final = "signature"  # two signatures of one party for the same version
NEW_IN_FROZEN: Final = "new_in_frozen"  # a row added here to a version finalised meanwhile
NEW_IN_DELETED: Final = "new_in_deleted"  # a row added here to something (a case …) deleted on the server meanwhile
Kind = Literal["field", "field_gone", "deletion", "signature", "new_in_frozen", "new_in_deleted"]


class ConflictChoiceError(Exception):
    """A choice that cannot be made (German message)."""


@dataclass(frozen=True)
class ConflictItem:
    """One open conflict, ready to show."""

    id: int
    case_title: str  # "" when the case is gone here
    what: str  # e.g. "Fall: Name des Falls"
    local_text: str
    server_text: str
    local_by: str
    local_at: dt.datetime | None
    server_by: str
    server_at: dt.datetime | None
    row_deleted: bool  # the server deleted the row: only its side can be kept
    editable: bool  # a new value can be typed (text, number or date column)
    local_value: Any  # decoded, for prefilling „Bearbeiten…“
    signature: bool = False  # two signatures of one party: ``*_by``/``*_at`` say who recorded it when
    deletion: bool = False  # deleted here, changed on the server: delete anyway (local) or keep (server)
    kind: Kind = FIELD  # what happened (see :func:`kind_of`)
    case_file_number: str = ""  # the case's Aktenzeichen ("" if none)


def field_label(table: str, column: str, name: str = "") -> str:
    """What an entry is about: the row (``name``, e.g. „Person „Lotta Weg““; else the table's label) and
    the field."""
    if column == conflicts.SIGNATURE:
        return "Unterschrift (zweimal erfasst)"
    name = name or TABLE_LABELS.get(table, table)
    if column == "*":
        return f"{name} (auf dem Server gelöscht)"
    if column == conflicts.DELETION:
        return f"{name} (hier gelöscht, auf dem Server inzwischen geändert)"
    return f"{name}: {FIELD_LABELS.get((table, column), column)}"


def entry_label(c: conflicts.Conflict) -> str:
    """What the entry is about, as the user reads it (:func:`field_label` with the row's name, or a new
    row added here to a version finalised meanwhile). A field of the case itself names no case here
    when the case is named beside it (the window, the command line)."""
    name = "" if c.table == "cases" and c.case_title else c.row_name
    if conflicts.new_in_frozen(c.field, c.server_value):
        return f"{name or TABLE_LABELS.get(c.table, c.table)} (hier neu, die Version ist inzwischen abgeschlossen)"
    return field_label(c.table, c.field, name)


def kind_of(c: conflicts.Conflict) -> Kind:
    """What happened: two edits of one field, or one of the entries that are not (see the constants)."""
    if c.field == conflicts.SIGNATURE:
        return SIGNATURE
    if c.field == conflicts.DELETION:
        return DELETION
    if c.field == conflicts.NEW_ROW:
        return NEW_IN_FROZEN if conflicts.new_in_frozen(c.field, c.server_value) else NEW_IN_DELETED
    return FIELD_GONE if c.row_deleted else FIELD


def value_text(value: Any) -> str:
    """A stored value as the user reads it."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, dt.datetime):
        local = value.replace(tzinfo=dt.UTC).astimezone() if value.tzinfo is None else value.astimezone()
        return local.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, (bytes, memoryview)):
        return f"(Datei, {len(bytes(value))} Bytes)"
    return str(value)


def field_text(table: str, column: str, value: Any) -> str:
    """The stored value of field ``table.column`` as the user reads it: words for an enum's value
    („abgeschlossen“, not "closed"), a list one item a line, else :func:`value_text`."""
    value = outbox.decode(value)
    words = _VALUE_WORDS.get((table, column))
    if (table, column) == ("consents", "categories") and isinstance(value, str):
        return ", ".join(_by_value(labels.INFO_CATEGORY).get(part, part) for part in value.split(",") if part) or EMPTY
    if words is not None and isinstance(value, str) and value in words:
        return words[value]
    if isinstance(value, dict):  # (the texts of a report, by section)
        value = list(value.values())
    if isinstance(value, list):  # (a participant of a reflection: by name; a recipient: in words)
        parts = [str(item.get("name") or "") if isinstance(item, dict) else
                 (words or {}).get(item, value_text(item)) if isinstance(item, str) else value_text(item)
                 for item in value if item not in (None, "")]
        return "\n".join(p for p in parts if p and p != EMPTY) or EMPTY
    return value_text(value)


def signature_text(value: Any) -> str:
    """A signature as the Konfliktliste shows it: who signed (in which role), how, where and when,
    and the note (one line each)."""
    row = {k: outbox.decode(v) for k, v in (value or {}).items()} if isinstance(value, dict) else {}
    who = str(row.get("signer_name") or "(ohne Namen)")
    if row.get("role"):
        who += f" ({row['role']})"
    how = SIGNATURE_METHOD.get(str(row.get("method")), str(row.get("method") or "?"))
    if row.get("place"):
        how += f" in {row['place']}"
    when = row.get("signed_at") or row.get("signed_on")
    if when is not None:
        how += f" am {value_text(when)}"
    lines = [who, how]
    if row.get("note"):
        lines.append(f"Vermerk: {row['note']}")
    return "\n".join(lines)  # (who recorded it when: beside the value, like who changed a field)


def row_text(table: str, row: Any) -> str:
    """A whole row (a new one, or one changed on the server) as the user reads it: one line per filled
    field with a German name, "Vorname: Lotta" (references to other rows, bookkeeping — ids, positions,
    hashes … — and files left out)."""
    if not isinstance(row, dict):
        return value_text(row)
    lines = []
    for name, raw in row.items():
        label = FIELD_LABELS.get((table, name))
        value = outbox.decode(raw)
        if label is None or value is None or value == "" or isinstance(value, (bytes, memoryview)):
            continue
        text = field_text(table, name, value)
        if text != EMPTY:
            lines.append(f"{label}: {text}")
    return "\n".join(lines) or EMPTY


DELETED_HERE = "auf diesem Laptop gelöscht"


def deletion_text(deleted: Any) -> str:
    """This laptop's side of a deletion made on an older state."""
    more = len(deleted) - 1 if isinstance(deleted, list) else 0
    if more > 0:
        return f"{DELETED_HERE} (mit {more} weiteren {'Eintrag' if more == 1 else 'Einträgen'})"
    return DELETED_HERE


def newer_rows_text(rows: Any) -> str:
    """The server's side of a deletion made here on an older state: its rows changed meanwhile."""
    if not isinstance(rows, list) or not rows:
        return EMPTY
    texts = []
    for r in rows:
        table = str(r.get("table")) if isinstance(r, dict) else ""
        if table:
            texts.append(f"{TABLE_LABELS.get(table, table)}:\n{row_text(table, r.get('values'))}")
    return "\n\n".join(texts) or EMPTY


def side_texts(c: conflicts.Conflict) -> tuple[str, str]:
    """The conflict's two values as the user reads them: (this laptop's, the server's)."""
    if c.field == conflicts.SIGNATURE:
        return signature_text(c.local_value), signature_text(c.server_value)
    if c.field == conflicts.DELETION:  # deleted here, the colleagues' newer rows on the server
        return deletion_text(c.local_value), newer_rows_text(c.server_value)
    if c.field == "*":  # a new row whose parent the server deleted: what was typed, readable
        if conflicts.new_in_frozen(c.field, c.server_value):  # (or a new row of a version finalised meanwhile)
            return row_text(c.table, c.local_value), "(nicht aufgenommen: Version abgeschlossen)"
        return row_text(c.table, c.local_value), "(gelöscht)"
    deleted = c.row_deleted or c.field == "*"
    return (field_text(c.table, c.field, c.local_value),
            "(gelöscht)" if deleted else field_text(c.table, c.field, c.server_value))


def _column_kind(table: str, column: str) -> str:
    """text, int, date or "" (not typed by hand)."""
    try:
        t = outbox.table_named(table)
    except KeyError:
        return ""
    if column not in t.c or column in outbox.foreign_keys(table) or (table, column) in _VALUE_WORDS:
        return ""
    kind = t.c[column].type
    if isinstance(kind, Boolean | DateTime):
        return ""
    if isinstance(kind, Date):
        return "date"
    if isinstance(kind, Integer):
        return "int"
    if isinstance(kind, String | Text):
        return "text"
    return ""


def open_items(db: Database) -> list[ConflictItem]:
    """The open conflicts, oldest first."""
    items = []
    for c in conflicts.list_conflicts(db):
        deleted = c.row_deleted or c.field == "*"
        local_text, server_text = side_texts(c)
        items.append(ConflictItem(
            id=c.id, case_title=c.case_title, what=entry_label(c), local_text=local_text,
            server_text=server_text, local_by=c.local_by,
            local_at=c.local_at, server_by=c.server_by, server_at=c.server_at, row_deleted=deleted,
            editable=not deleted and bool(_column_kind(c.table, c.field)), local_value=c.local_value,
            signature=c.field == conflicts.SIGNATURE, deletion=c.field == conflicts.DELETION, kind=kind_of(c),
            case_file_number=c.case_file_number))
    return items


def parse_typed(table: str, column: str, typed: str) -> Any:
    """The typed text as the column stores it; ValueError or RuleViolation with a German message."""
    kind = _column_kind(table, column)
    text = typed.strip()
    if kind == "text":
        # what every other way in refuses (the server refuses a NUL for good: the case would never sync)
        bad = limits.bad_control_char(typed, multiline=True)
        if bad is not None:
            raise ValueError(f"Der Text enthält ein Steuerzeichen (U+{ord(bad):04X}); bitte ohne eingeben.")
        if limits.lone_surrogate(typed):
            raise ValueError("Der Text enthält ein ungültiges Zeichen.")
        if len(typed) > limits.MAX_TEXT:
            raise ValueError(f"Der Text ist zu lang (höchstens {limits.MAX_TEXT} Zeichen).")
        if (table, column) == ("cases", "title"):
            rules.check_case_title(typed)  # raises RuleViolation (German)
        return typed
    if kind == "int":
        try:
            return int(text)
        except ValueError:
            raise ValueError(f"„{text}“ ist keine ganze Zahl.") from None
    if kind == "date":
        return None if not text else parse_date(text)
    raise ValueError("Dieser Wert kann nicht eingetippt werden; bitte eine der beiden Seiten wählen.")


def keep(db: Database, conflict_id: int, side: Side) -> None:
    """Decide a conflict for one side (:func:`.conflicts.resolve`)."""
    try:
        conflicts.resolve(db, conflict_id, "local" if side == LOCAL else "server")
    except conflicts.ConflictError as exc:
        raise ConflictChoiceError(str(exc)) from None


def keep_typed(db: Database, conflict_id: int, typed: str) -> None:
    """Decide a conflict with a value the user typed: written into the row as a local change (the
    next sync pushes it), the entry closed as ``edited``."""
    with db.transaction() as s:
        entry = repo.entry(s, conflict_id)
        if entry is None or entry.resolved:
            raise ConflictChoiceError(f"Konflikt Nr. {conflict_id} ist schon entschieden.")
        table = outbox.table_named(entry.table_name)
        if entry.row_deleted or entry.field not in table.c:
            raise ConflictChoiceError("Der Eintrag wurde auf dem Server gelöscht; es bleibt nur der Wert vom Server.")
        local_id = repo.local_id(s, table, entry.row_uuid)
        if local_id is None:
            raise ConflictChoiceError("Den Eintrag gibt es auf diesem Laptop nicht mehr; es bleibt nur der Wert "
                                      "vom Server.")
        try:
            conflicts.check_writable(s, entry, table, local_id)
            value = parse_typed(entry.table_name, entry.field, typed)
        except (ValueError, rules.RuleViolation, conflicts.ConflictError) as exc:
            raise ConflictChoiceError(str(exc)) from None
        repo.write_local(s, table, local_id, entry.field, value)
        audit.write_entry(s, audit.CHANGED, table.name, local_id, None)
        entry.resolved = True
        entry.resolution = EDITED
