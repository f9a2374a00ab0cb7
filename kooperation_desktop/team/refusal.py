"""Why the server refused a case's changes (:class:`.sync.PushRefused`), as a social worker reads it.

PostgreSQL says why in English and in its own terms ("new row for relation … violates check
constraint …"). :func:`refusal` turns the error of a refused case into a German reason naming the
case (its title and file number as this laptop has them), by the error's SQLSTATE:

=========================  ==============================================================
23514 check                a value breaks a rule of the server (its name, for the IT)
23502 not null             a field the server requires is empty (its German name)
23505 unique               a value the server holds already (e.g. the file number)
23503 foreign key          a reference to something the server no longer holds
42501, 44000               no permission for the case (row-level security: the holiday cover
                           ended, she left the team …)
40P01, 40001               the server was busy (the push tried the case a second time)
57014                      the server's time limit for one statement
P0001                      raised by one of our own triggers: their German message as it is
22…                        a value the server cannot store (too long, wrong format)
=========================  ==============================================================

A German message raised by a trigger of ours (``RAISE`` in a ``kd_…`` function, e.g. the cases'
guard) is shown as it is whatever its SQLSTATE. The technical text is not lost: :attr:`Refusal.
technical` (SQLSTATE, table, constraint or column: names, never values) goes into the laptop's audit
log with the case (action :data:`PUSH_REFUSED`, see :func:`.sync._refusals`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..protection.model import PUSH_REFUSED as PUSH_REFUSED
from .conflict_choice import FIELD_LABELS, TABLE_LABELS

#: the server was busy (deadlock, serialization): the push tries such a case once more at once
TRANSIENT = frozenset({"40P01", "40001"})


_NAMED_TABLE = re.compile(r'(?:relation|table) "([^"]+)"')
_RAISER = re.compile(r"PL/pgSQL function ([A-Za-z0-9_.]+)\(")


@dataclass(frozen=True)
class Refusal:
    """One refused case: the German reason (for the one line) and the technical reason (audit)."""

    reason: str
    technical: str


def case_label(title: str, file_number: str) -> str:
    """„Familie Berg“ (Az. 17/2026), as the reasons name a case."""
    name = f"„{title}“" if title else "ohne Namen"
    return f"{name} (Az. {file_number})" if file_number else name


def _diag(exc: BaseException) -> tuple[str, Any]:
    orig = getattr(exc, "orig", None) or exc
    return str(getattr(orig, "sqlstate", None) or ""), getattr(orig, "diag", None)


def _attr(diag: Any, name: str) -> str:
    return str(getattr(diag, name, None) or "") if diag is not None else ""


def _raised_by_us(diag: Any) -> bool:
    """A message raised by a RAISE in one of our own functions (``kd_…``; German already)."""
    context = _attr(diag, "context").strip().splitlines()
    return bool(context) and context[0].startswith("PL/pgSQL function kd_") and context[0].endswith("at RAISE")


def _field(table: str, column: str) -> str:
    label = FIELD_LABELS.get((table, column))
    if label:
        return f"„{label}“"
    where = TABLE_LABELS.get(table)
    return f"„{column}“" + (f" ({where})" if where else "")


def _key_columns(detail: str) -> list[str]:
    """The columns of a unique key from PostgreSQL's detail ``Key (a, b)=(…) already exists.``
    (the names only: the values are case content)."""
    if not detail.startswith("Key (") or ")=" not in detail:
        return []
    return [c.strip().strip('"') for c in detail[len("Key ("):detail.index(")=")].split(",")]


def refusal(exc: BaseException, case: str | None, *, file_number: str = "", retried: bool = False) -> Refusal:
    """The German reason why the server refused the changes of the case named ``case`` (see
    :func:`case_label`, None: rows of no case; ``file_number``: its file number, named in a clash of
    file numbers);
    ``retried``: a busy server was asked a second time."""
    sqlstate, diag = _diag(exc)
    table = _attr(diag, "table_name")
    constraint = _attr(diag, "constraint_name")
    column = _attr(diag, "column_name")
    primary = _attr(diag, "message_primary") or str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
    named = _NAMED_TABLE.search(primary)  # (row-level security names its table only in the text)
    raiser = _RAISER.match(_attr(diag, "context"))  # (a trigger's RAISE: the function)
    table = table or (named.group(1) if named else "")
    technical = " ".join(part for part in (sqlstate or "?", table, constraint or column,
                                           raiser.group(1) if raiser else "") if part)
    where = f"Fall {case}: " if case else ""
    if sqlstate == "P0001" or _raised_by_us(diag):
        reason = primary.rstrip(".")
    elif sqlstate == "23514":
        reason = (f"ein Wert verstößt gegen die Regel „{constraint or '?'}“ des Servers – bitte die Angaben "
                  "prüfen oder die Verwaltung fragen, was die Regel verlangt")
    elif sqlstate == "23502":
        reason = f"das Feld {_field(table, column)} darf auf dem Server nicht leer sein"
    elif sqlstate == "23505":
        columns = _key_columns(_attr(diag, "message_detail"))
        if "file_number" in columns or "file_number" in constraint:
            number = f"„{file_number}“ " if file_number else ""
            reason = (f"das Aktenzeichen {number}ist auf dem Server schon an einen anderen Fall vergeben – "
                      "bitte ein anderes Aktenzeichen wählen")
        else:
            fields = ", ".join(_field(table, c) for c in columns) or "ein Wert"
            reason = f"{fields}: diesen Wert gibt es auf dem Server schon, er darf nur einmal vorkommen"
    elif sqlstate == "23503":
        reason = ("ein Eintrag verweist auf etwas, das es auf dem Server nicht (mehr) gibt, z. B. weil eine "
                  "Kollegin es gelöscht hat")
    elif sqlstate in ("42501", "44000"):
        reason = ("Sie haben auf dem Server keine Berechtigung für diesen Fall (z. B. ist die Vertretung beendet "
                  "oder Sie gehören nicht mehr zum Team) – bitte mit der Teamleitung klären")
    elif sqlstate in TRANSIENT:
        again = "auch ein zweiter Versuch ging nicht" if retried else "bitte erneut synchronisieren"
        reason = f"der Server war gerade mit den Änderungen anderer beschäftigt ({again})"
    elif sqlstate == "57014":
        reason = "der Server hat die Bearbeitung abgebrochen, weil sie länger als erlaubt dauerte (Zeitlimit)"
    elif sqlstate == "22001":
        reason = "ein Text ist länger, als der Server erlaubt"
    elif sqlstate.startswith("22"):
        reason = "ein Wert hat eine Form, die der Server nicht speichern kann"
    elif sqlstate.startswith("42"):
        reason = ("der Server kennt einen Teil dieser Daten nicht (ist er auf einem anderen Stand als dieses "
                  "Programm?) – bitte die Verwaltung fragen")
    else:
        reason = f"der Server hat sie abgelehnt (Fehlercode {sqlstate or 'unbekannt'})"
    return Refusal(where + reason, technical[:64])
