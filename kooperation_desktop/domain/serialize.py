"""Generic (de)serialisation of domain objects to JSON-ready dicts, with German validation messages.

Used by the case file exchange (:mod:`kooperation_desktop.exchange`) and by the frozen snapshot of a
finalised agreement version (:func:`freeze` / :func:`thaw`): what was finalised is kept as it was,
whatever happens to the case later.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import types
import typing
from typing import Any

from .model import (
    AGREEMENT_LANGUAGES,
    FAMILY_LANGUAGES,
    Agreement,
    Case,
    CommunicationRule,
    Consent,
    Goal,
    Indicator,
    Partner,
    Person,
    Role,
    Task,
)


class FormatError(ValueError):
    """Serialized data does not fit the model; the message is German and names the place."""


# Fields written per entity (in this order); parent ids and child lists are implied by nesting.
FIELDS: dict[type, tuple[str, ...]] = {
    Case: ("title", "file_number", "help_type", "status", "created_at"),
    Person: ("id", "first_name", "last_name", "family_role", "birth_date", "is_guardian", "signs"),
    Partner: ("id", "kind", "name", "organisation", "function", "contact"),
    Consent: ("id", "person_id", "partner_id", "categories", "given_on", "form", "text_version", "text",
              "note", "revoked_on", "revocation_note"),
    Agreement: ("id", "version", "status", "document_id", "title", "start_date", "planned_end", "next_review",
                "mandate", "goodwill", "client_view", "transition_offers", "transition_partners",
                "transition_self", "language", "family_language", "wizard_step", "created_at", "finalised_at",
                "content_hash", "predecessor_id"),
    Goal: ("id", "position", "client_words", "professional_wording", "weight"),
    Indicator: ("id", "position", "description", "scale", "level_texts", "baseline", "target"),
    Role: ("id", "person_id", "partner_id", "description"),
    Task: ("id", "position", "person_id", "partner_id", "what", "due_date", "goal_id"),
    CommunicationRule: ("id", "position", "kind", "what", "who", "to_whom", "rhythm", "next_date"),
}

# Fields that may be missing (files and frozen snapshots written before they existed): their value then.
OPTIONAL: dict[type, dict[str, Any]] = {
    Agreement: {"language": "de", "family_language": None},
    Person: {"signs": None},  # None in a version finalised before the choice: rules.family_signers
}

# Fields written only when set (files, snapshots and hashes of versions without them stay as they were).
UNLESS_NONE: dict[type, frozenset[str]] = {Agreement: frozenset({"family_language"})}

# Child lists per entity: JSON key -> child class.
CHILDREN: dict[type, dict[str, type]] = {
    Case: {"persons": Person, "partners": Partner, "consents": Consent, "agreements": Agreement},
    Agreement: {"goals": Goal, "roles": Role, "tasks": Task, "communication": CommunicationRule},
    Goal: {"indicators": Indicator},
}

HINTS: dict[type, dict[str, Any]] = {cls: typing.get_type_hints(cls) for cls in FIELDS}




def to_json(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return [to_json(v) for v in value]
    return value


def to_dict(obj: Any, children: dict[str, list[Any]] | None = None) -> dict[str, Any]:
    skip = UNLESS_NONE.get(type(obj), frozenset())
    out = {name: to_json(getattr(obj, name)) for name in FIELDS[type(obj)]
           if name not in skip or getattr(obj, name) is not None}
    for key in CHILDREN.get(type(obj), {}):
        items = (children or {}).get(key)
        if items is None:
            items = getattr(obj, key)
        out[key] = [to_dict(c) for c in items]
    return out




_TYPE_WORDS = {str: "ein Text", int: "eine ganze Zahl", float: "eine Zahl", bool: "true oder false",
               list: "eine Liste", dict: "ein Objekt"}


def from_json(value: Any, hint: Any, where: str) -> Any:
    optional = False
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        optional = len(args) < len(typing.get_args(hint))
        hint = args[0]
    if value is None:
        if optional:
            return None
        raise FormatError(f"{where}: Ein Wert ist nötig (null ist hier nicht erlaubt).")
    if typing.get_origin(hint) is list:
        if not isinstance(value, list):
            raise FormatError(f"{where}: Hier wird eine Liste erwartet.")
        (item,) = typing.get_args(hint)
        return [from_json(v, item, f"{where}[{i}]") for i, v in enumerate(value)]
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        try:
            return hint(value)
        except ValueError:
            allowed = ", ".join(f"„{m.value}“" for m in hint)
            raise FormatError(f"{where}: „{value}“ ist kein erlaubter Wert (erlaubt: {allowed}).") from None
    if hint is dt.datetime or hint is dt.date:
        if not isinstance(value, str):
            raise FormatError(f"{where}: Hier wird ein Datum im Format JJJJ-MM-TT erwartet.")
        try:
            parsed = dt.datetime.fromisoformat(value)
            if hint is dt.date:
                if len(value) != 10:
                    raise ValueError
                return parsed.date()
            return parsed
        except ValueError:
            form = "JJJJ-MM-TT" if hint is dt.date else "JJJJ-MM-TTThh:mm:ss"
            raise FormatError(f"{where}: „{value}“ ist kein gültiges Datum (Format {form}).") from None
    if hint is float:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
    elif hint is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    elif isinstance(value, hint):
        return value
    raise FormatError(f"{where}: Hier wird {_TYPE_WORDS.get(hint, str(hint))} erwartet.")


def from_dict(cls: type, data: Any, where: str) -> Any:
    if not isinstance(data, dict):
        raise FormatError(f"{where}: Hier wird ein Objekt {{…}} erwartet.")
    kwargs: dict[str, Any] = {}
    optional = OPTIONAL.get(cls, {})
    for name in FIELDS[cls]:
        if name not in data:
            if name in optional:
                kwargs[name] = optional[name]
                continue
            raise FormatError(f"{where}: Das Feld „{name}“ fehlt.")
        kwargs[name] = from_json(data[name], HINTS[cls][name], f"{where}.{name}")
    for key, child_cls in CHILDREN.get(cls, {}).items():
        if key not in data:
            raise FormatError(f"{where}: Das Feld „{key}“ fehlt.")
        items = data[key]
        if not isinstance(items, list):
            raise FormatError(f"{where}.{key}: Hier wird eine Liste erwartet.")
        kwargs[key] = [from_dict(child_cls, item, f"{where}.{key}[{i}]") for i, item in enumerate(items)]
    if cls is Agreement and kwargs["language"] not in AGREEMENT_LANGUAGES:
        allowed = ", ".join(f"„{code}“" for code in AGREEMENT_LANGUAGES)
        raise FormatError(f"{where}.language: „{kwargs['language']}“ ist keine erlaubte Sprache (erlaubt: {allowed}).")
    if cls is Agreement and kwargs["family_language"] not in (None, *FAMILY_LANGUAGES):
        allowed = ", ".join(f"„{code}“" for code in FAMILY_LANGUAGES)
        raise FormatError(f"{where}.family_language: „{kwargs['family_language']}“ ist keine erlaubte Sprache "
                          f"(erlaubt: {allowed} oder null).")
    if cls is Indicator and len(kwargs["level_texts"]) != 5:
        raise FormatError(f"{where}.level_texts: Es werden genau fünf Texte (Stufen −2 bis +2) erwartet.")
    return cls(**kwargs)


SNAPSHOT_FORMAT = "kooperation-desktop/frozen-agreement"


def freeze(case: Case, agreement: Agreement) -> str:
    """The content of a version as finalised: the case's parties and consents and the agreement,
    as canonical JSON text (stored beside the version; it never changes afterwards)."""
    case_dict = to_dict(case, {"agreements": []})
    data = {"format": SNAPSHOT_FORMAT, "version": 1, "case": case_dict, "agreement": to_dict(agreement)}
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def thaw(text: str) -> tuple[Case, Agreement]:
    """Case and agreement back from :func:`freeze` (raises FormatError if damaged)."""
    try:
        data = json.loads(text)
    except (TypeError, json.JSONDecodeError):
        raise FormatError("Der gespeicherte Stand dieser Version ist beschädigt.") from None
    if not isinstance(data, dict) or data.get("format") != SNAPSHOT_FORMAT:
        raise FormatError("Der gespeicherte Stand dieser Version ist beschädigt.")
    case: Case = from_dict(Case, data.get("case"), "case")
    agreement: Agreement = from_dict(Agreement, data.get("agreement"), "agreement")
    agreement.case_id = case.id
    if any("signs" not in p for p in data["case"]["persons"]):
        # finalised before who signs could be chosen: its signers were the guardians
        from .rules import legacy_signers

        signing = legacy_signers(case)
        for person in case.persons:
            person.signs = person.id in signing
    return case, agreement
