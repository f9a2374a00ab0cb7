"""The schema of a case file (``docs/case-json-format.md``): one pydantic v2 model per entity.

Strict types (no ``"1"`` for a number, no ``true`` for ``1``), dates only as ``JJJJ-MM-TT``,
plausible ranges, a size limit per text field (:mod:`.limits`), no control characters (line
breaks and tabs only in multi-line texts), no lone surrogates. :func:`validate_case_file` turns
every pydantic error into one German line naming the field (``case.persons[2].birth_date: …``);
pydantic's own (English) messages are never shown.

Which ids refer to which entries, and rules across fields, are checked afterwards by
:func:`kooperation_desktop.exchange.case_from_dict`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, Literal, get_args, get_origin

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError
from pydantic_core import PydanticCustomError

from . import limits
from .model import (
    AGREEMENT_LANGUAGES,
    FAMILY_LANGUAGES,
    AgreementStatus,
    CaseStatus,
    CommunicationKind,
    ConsentForm,
    InfoCategory,
    PartnerKind,
    ScaleKind,
)


class SchemaError(ValueError):
    """A case file does not fit the schema; the message is one German line naming the field."""


@dataclass(frozen=True, slots=True)
class Doc:
    """How a value type is described in ``docs/case-json-format.md`` (German)."""

    text: str


def _fail(kind: str, message: str) -> PydanticCustomError:
    return PydanticCustomError(f"kd_{kind}", message)


# --- value types ------------------------------------------------------------------------------


def _text_check(max_len: int, multiline: bool) -> Callable[[str], str]:
    def check(value: str) -> str:
        if limits.lone_surrogate(value):
            raise _fail("surrogate", "Der Text enthält ein ungültiges Zeichen (einzelnes Surrogat, kein Unicode-Text).")
        if len(value) > max_len:
            raise _fail("too_long", f"Der Text ist zu lang ({len(value):,} Zeichen; höchstens {max_len:,} Zeichen)."
                        .replace(",", "."))
        bad = limits.bad_control_char(value, multiline)
        if bad is not None:
            allowed = " (erlaubt sind nur Zeilenumbruch und Tabulator)" if multiline else ""
            raise _fail("control", f"Der Text enthält ein Steuerzeichen (U+{ord(bad):04X}){allowed}.")
        return value
    return check


def _text_doc(max_len: int, multiline: bool) -> Doc:
    lines = "mehrzeilig" if multiline else "eine Zeile"
    return Doc(f"Text ({lines}, höchstens {max_len:_} Zeichen)".replace("_", "."))


Name = Annotated[str, AfterValidator(_text_check(limits.MAX_NAME, False)), _text_doc(limits.MAX_NAME, False)]
Short = Annotated[str, AfterValidator(_text_check(limits.MAX_SHORT, True)), _text_doc(limits.MAX_SHORT, True)]
Long = Annotated[str, AfterValidator(_text_check(limits.MAX_TEXT, True)), _text_doc(limits.MAX_TEXT, True)]

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?")


def _date_check(lo: dt.date, hi: dt.date | None, hi_text: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        if not _DATE.fullmatch(value):
            raise _fail("date", f"{show(value)} ist kein gültiges Datum: Datum bitte als JJJJ-MM-TT angeben "
                                "(z. B. 2026-11-26).")
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            raise _fail("date", f"{show(value)} ist kein gültiges Datum (JJJJ-MM-TT).") from None
        if day < lo:
            raise _fail("date_range", f"Das Datum {day:%d.%m.%Y} liegt vor dem {lo:%d.%m.%Y}.")
        top = hi or dt.date.today()
        if day > top:
            raise _fail("date_range", f"Das Datum {day:%d.%m.%Y} {hi_text}.")
        return value
    return check


# a date JJJJ-MM-TT from 1900 on: not after today (PastDate), or planned up to LATEST_PLAN_DATE (PlanDate)
PastDate = Annotated[str, AfterValidator(_date_check(limits.EARLIEST_DATE, None, "liegt in der Zukunft")),
                     Doc("Datum JJJJ-MM-TT (1900 bis heute)")]
PlanDate = Annotated[str, AfterValidator(_date_check(limits.EARLIEST_DATE, limits.LATEST_PLAN_DATE,
                                                     f"liegt nach dem {limits.LATEST_PLAN_DATE:%d.%m.%Y}")),
                     Doc(f"Datum JJJJ-MM-TT (1900 bis {limits.LATEST_PLAN_DATE.year})")]


def _datetime_check(not_future: bool) -> Callable[[str], str]:
    def check(value: str) -> str:
        if not _DATETIME.fullmatch(value):
            raise _fail("datetime", "Zeitpunkt bitte als JJJJ-MM-TTThh:mm:ss angeben (z. B. 2026-11-26T14:03:12, "
                                    f"Zeitzone erlaubt), nicht {show(value)}.")
        try:
            when = dt.datetime.fromisoformat(value)
        except ValueError:
            raise _fail("datetime", f"{show(value)} ist kein gültiger Zeitpunkt.") from None
        if when.date() < limits.EARLIEST_DATE:
            raise _fail("date_range", f"Der Zeitpunkt liegt vor dem {limits.EARLIEST_DATE:%d.%m.%Y}.")
        aware = when if when.tzinfo is not None else when.replace(tzinfo=dt.UTC)
        if not_future and aware > dt.datetime.now(dt.UTC) + dt.timedelta(minutes=5):
            raise _fail("date_range", "Der Zeitpunkt liegt in der Zukunft.")
        return value
    return check


Moment = Annotated[str, AfterValidator(_datetime_check(False)),
                   Doc("Zeitpunkt JJJJ-MM-TTThh:mm:ss (Zeitzone erlaubt)")]
PastMoment = Annotated[str, AfterValidator(_datetime_check(True)),
                       Doc("Zeitpunkt JJJJ-MM-TTThh:mm:ss (Zeitzone erlaubt), nicht in der Zukunft")]

_HASH = re.compile(r"[0-9a-f]{64}")
_DOCUMENT_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


def _hash_check(value: str) -> str:
    if value and not _HASH.fullmatch(value):
        raise _fail("hash", "Der Prüfwert muss aus 64 Hex-Zeichen (0–9, a–f) bestehen (oder leer sein).")
    return value


def _document_id_check(value: str) -> str:
    if not _DOCUMENT_ID.fullmatch(value):
        raise _fail("document_id", "Die Dokumentnummer besteht aus höchstens 64 Buchstaben (A–Z), Ziffern, "
                                   "„-“, „_“ oder „.“, z. B. KV-2026-7F3A9C.")
    return value


Hash = Annotated[str, AfterValidator(_hash_check), Doc("Text: 64 Hex-Zeichen (SHA-256) oder leer")]
DocumentId = Annotated[str, AfterValidator(_document_id_check),
                       Doc("Text: Buchstaben, Ziffern, - _ . (höchstens 64 Zeichen)")]
Id = Annotated[int, Field(ge=0, le=limits.MAX_ID), Doc(f"ganze Zahl 0 bis {limits.MAX_ID}")]
Position = Id
Version = Annotated[int, Field(ge=1, le=limits.MAX_VERSION), Doc(f"ganze Zahl 1 bis {limits.MAX_VERSION:_}"
                                                                 .replace("_", "."))]
Weight = Annotated[float, Field(gt=limits.MIN_GOAL_WEIGHT, le=limits.MAX_GOAL_WEIGHT, allow_inf_nan=False),
                   Doc(f"Zahl größer als 0, höchstens {limits.MAX_GOAL_WEIGHT:g}")]
Level = Annotated[int, Field(ge=-2, le=10), Doc("ganze Zahl: −2 bis +2 (gas) bzw. 0 bis 10 (scale_0_10)")]
Flag = Annotated[bool, Doc("true oder false")]


def _values(enum_cls: Any) -> Any:
    """``Literal["a", "b", …]`` of an enum's values, built at run time for pydantic. A type checker
    cannot evaluate it: every use below carries ``type: ignore[valid-type]`` for this reason."""
    return Literal[tuple(m.value for m in enum_cls)]


# --- entities --------------------------------------------------------------------------------


class _Entity(BaseModel):
    # strict: no conversions; extra fields are ignored (documented: newer files may add fields)
    model_config = ConfigDict(strict=True, extra="ignore", frozen=True)


class PersonSchema(_Entity):
    id: Id
    first_name: Name
    last_name: Name
    family_role: Name
    birth_date: PastDate | None
    is_guardian: Flag
    signs: Flag | None = None  # signs the agreement; null: custody or a task decides (none has it: the guardians)


class PartnerSchema(_Entity):
    id: Id
    kind: _values(PartnerKind)  # type: ignore[valid-type]
    name: Name
    organisation: Name
    function: Name
    contact: Short


class ConsentSchema(_Entity):
    id: Id
    person_id: Id
    partner_id: Id | None
    categories: Annotated[list[_values(InfoCategory)], Field(max_length=len(InfoCategory))]  # type: ignore[valid-type]
    given_on: PastDate
    form: _values(ConsentForm)  # type: ignore[valid-type]
    text_version: Name
    text: Long
    note: Long
    revoked_on: PastDate | None
    revocation_note: Long


class IndicatorSchema(_Entity):
    id: Id
    position: Position
    description: Long
    scale: _values(ScaleKind)  # type: ignore[valid-type]
    level_texts: Annotated[list[Long], Field(min_length=5, max_length=5)]
    baseline: Level | None
    target: Level | None


class GoalSchema(_Entity):
    id: Id
    position: Position
    client_words: Long
    professional_wording: Long
    weight: Weight
    indicators: Annotated[list[IndicatorSchema], Field(max_length=limits.MAX_ITEMS)]


class RoleSchema(_Entity):
    id: Id
    person_id: Id | None
    partner_id: Id | None
    description: Long


class TaskSchema(_Entity):
    id: Id
    position: Position
    person_id: Id | None
    partner_id: Id | None
    what: Long
    due_date: PlanDate | None
    goal_id: Id | None


class CommunicationSchema(_Entity):
    id: Id
    position: Position
    kind: _values(CommunicationKind)  # type: ignore[valid-type]
    what: Long
    who: Short
    to_whom: Short
    rhythm: Short
    next_date: PlanDate | None


class AgreementSchema(_Entity):
    id: Id
    version: Version
    status: _values(AgreementStatus)  # type: ignore[valid-type]
    document_id: DocumentId
    title: Name
    start_date: PlanDate | None
    planned_end: PlanDate | None
    next_review: PlanDate | None
    mandate: Long
    goodwill: Long
    client_view: Long
    transition_offers: Long
    transition_partners: Long
    transition_self: Long
    language: Literal[AGREEMENT_LANGUAGES] = "de"  # type: ignore[valid-type]
    family_language: Literal[FAMILY_LANGUAGES] | None = None  # type: ignore[valid-type]
    wizard_step: Name
    created_at: Moment | None
    finalised_at: PastMoment | None
    content_hash: Hash
    predecessor_id: Id | None
    goals: Annotated[list[GoalSchema], Field(max_length=limits.MAX_ITEMS)]
    roles: Annotated[list[RoleSchema], Field(max_length=limits.MAX_ITEMS)]
    tasks: Annotated[list[TaskSchema], Field(max_length=limits.MAX_ITEMS)]
    communication: Annotated[list[CommunicationSchema], Field(max_length=limits.MAX_ITEMS)]


class CaseSchema(_Entity):
    title: Name
    file_number: Name
    help_type: Short
    status: _values(CaseStatus)  # type: ignore[valid-type]
    created_at: Moment | None
    persons: Annotated[list[PersonSchema], Field(max_length=limits.MAX_ITEMS)]
    partners: Annotated[list[PartnerSchema], Field(max_length=limits.MAX_ITEMS)]
    consents: Annotated[list[ConsentSchema], Field(max_length=limits.MAX_ITEMS)]
    agreements: Annotated[list[AgreementSchema], Field(max_length=limits.MAX_ITEMS)]


class CaseFileSchema(_Entity):
    format: Literal["kooperation-desktop/case"]
    version: Literal[1]
    exported_at: Moment | None = None
    app_version: Name = ""
    case: CaseSchema


# --- German messages -------------------------------------------------------------------------


def show(value: Any, limit: int = 40) -> str:
    """A value as it may appear in a one-line German message: short, printable, quoted."""
    if isinstance(value, str):
        text = "".join(ch if ch.isprintable() and not 0xD800 <= ord(ch) <= 0xDFFF else "�" for ch in value)
        if len(text) > limit:
            text = text[:limit] + "…"
        return f"„{text}“"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (int, float)):
        text = repr(value)
        return text if len(text) <= limit else text[:limit] + "…"
    if isinstance(value, list):
        return "eine Liste"
    if isinstance(value, dict):
        return "ein Objekt"
    return "dieser Wert"


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace(".", ",") if isinstance(value, float) else str(value)


_TYPE_MESSAGES = {
    "string_type": "Hier wird ein Text erwartet",
    "int_type": "Hier wird eine ganze Zahl erwartet",
    "int_parsing": "Hier wird eine ganze Zahl erwartet",
    "float_type": "Hier wird eine (nicht zu große) Zahl erwartet",
    "float_parsing": "Hier wird eine Zahl erwartet",
    "bool_type": "Hier wird true oder false erwartet",
    "list_type": "Hier wird eine Liste […] erwartet",
    "model_type": "Hier wird ein Objekt {…} erwartet",
    "dict_type": "Hier wird ein Objekt {…} erwartet",
    "model_attributes_type": "Hier wird ein Objekt {…} erwartet",
}


def _path(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def german_message(error: dict[str, Any]) -> str:
    """One German line ``path: message`` for one pydantic error (never pydantic's English)."""
    kind: str = error["type"]
    loc = tuple(error["loc"])
    ctx = error.get("ctx") or {}
    value = error.get("input")
    if kind == "missing":
        return f"{_path(loc[:-1]) or 'Datei'}: Das Feld „{loc[-1]}“ fehlt."
    where = _path(loc) or "Datei"
    if kind.startswith("kd_"):
        message = str(error["msg"])
    elif kind in _TYPE_MESSAGES:
        message = f"{_TYPE_MESSAGES[kind]}, nicht {show(value)}."
        if value is None:
            message = "Ein Wert ist nötig (null ist hier nicht erlaubt)."
    elif kind == "literal_error":
        allowed = ", ".join(f"„{v}“" for v in re.findall(r"'([^']*)'", str(ctx.get("expected", ""))))
        message = f"{show(value)} ist kein erlaubter Wert (erlaubt: {allowed})."
    elif kind == "greater_than":
        message = f"Der Wert muss größer als {_number(ctx.get('gt'))} sein (hier: {show(value)})."
    elif kind == "greater_than_equal":
        message = f"Der Wert muss mindestens {_number(ctx.get('ge'))} sein (hier: {show(value)})."
    elif kind == "less_than_equal":
        message = f"Der Wert darf höchstens {_number(ctx.get('le'))} sein (hier: {show(value)})."
    elif kind == "less_than":
        message = f"Der Wert muss kleiner als {_number(ctx.get('lt'))} sein (hier: {show(value)})."
    elif kind == "finite_number":
        message = "Hier wird eine endliche Zahl erwartet (nicht unendlich oder NaN)."
    elif kind in ("too_long", "too_short") and loc and loc[-1] == "level_texts":
        message = "Es werden genau fünf Texte (Stufen −2 bis +2) erwartet."
    elif kind == "too_long":
        message = f"Die Liste ist zu lang (höchstens {ctx.get('max_length')} Einträge)."
    elif kind == "too_short":
        message = f"Die Liste braucht mindestens {ctx.get('min_length')} Einträge."
    else:
        message = "Dieser Wert ist hier nicht gültig."
    return f"{where}: {message}"


def validate_case_file(data: Any) -> CaseFileSchema:
    """Check parsed JSON against the schema; raises :class:`SchemaError` (German, the first error)."""
    try:
        return CaseFileSchema.model_validate(data)
    except ValidationError as e:
        errors = e.errors(include_url=False)
        raise SchemaError(german_message(dict(errors[0]))) from None
    except RecursionError:
        raise SchemaError("Die Datei ist zu tief verschachtelt.") from None


# --- documentation ---------------------------------------------------------------------------

_SECTIONS: tuple[tuple[str, type[BaseModel]], ...] = (
    ("(Kopf)", CaseFileSchema), ("case", CaseSchema), ("case.persons[]", PersonSchema),
    ("case.partners[]", PartnerSchema), ("case.consents[]", ConsentSchema), ("case.agreements[]", AgreementSchema),
    ("case.agreements[].goals[]", GoalSchema), ("case.agreements[].goals[].indicators[]", IndicatorSchema),
    ("case.agreements[].roles[]", RoleSchema), ("case.agreements[].tasks[]", TaskSchema),
    ("case.agreements[].communication[]", CommunicationSchema),
)

_MODEL_NAMES = {CaseSchema: "Objekt (Fall)", PersonSchema: "Person", PartnerSchema: "Partner",
                ConsentSchema: "Einverständnis", AgreementSchema: "Version", GoalSchema: "Ziel",
                IndicatorSchema: "Indikator", RoleSchema: "Rolle", TaskSchema: "Aufgabe",
                CommunicationSchema: "Absprache"}


def _describe(annotation: Any, metadata: list[Any]) -> str:
    docs = [m for m in metadata if isinstance(m, Doc)]
    if docs:
        return docs[0].text
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *meta = get_args(annotation)
        return _describe(base, list(meta))
    if origin is Literal:
        return ", ".join(f"`{v!r}`".replace("'", '"') for v in get_args(annotation))
    if origin in (list,):
        (item,) = get_args(annotation)
        maxima = [m.max_length for m in metadata if getattr(m, "max_length", None) is not None]
        minima = [m.min_length for m in metadata if getattr(m, "min_length", None) is not None]
        limit = f", höchstens {maxima[0]:_} Einträge".replace("_", ".") if maxima else ""
        if maxima and minima and maxima == minima:
            limit = f", genau {maxima[0]} Einträge"
        return f"Liste von: {_describe(item, [])}{limit}"
    if isinstance(annotation, type) and annotation in _MODEL_NAMES:
        return _MODEL_NAMES[annotation]
    args = get_args(annotation)
    if type(None) in args:
        (inner,) = [a for a in args if a is not type(None)]
        return _describe(inner, []) + " oder null"
    return getattr(annotation, "__name__", str(annotation))


def schema_fields() -> list[tuple[str, str, str]]:
    """(section, field, German type and limits) of every field of the schema."""
    out: list[tuple[str, str, str]] = []
    for section, model in _SECTIONS:
        for name, info in model.model_fields.items():
            text = _describe(info.annotation, list(info.metadata))
            if not info.is_required():
                text += " — darf fehlen"
            out.append((section, name, text))
    return out


def markdown_table() -> str:
    """The generated table of ``docs/case-json-format.md`` (between its schema markers)."""
    lines = ["| Stelle | Feld | Typ und Grenzen (geprüft beim Import) |", "| --- | --- | --- |"]
    lines += [f"| `{section}` | `{name}` | {text} |" for section, name, text in schema_fields()]
    return "\n".join(lines) + "\n"
