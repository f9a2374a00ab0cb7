"""Move one case between installations as a JSON file (format: ``docs/case-json-format.md``).

Only the :class:`~kooperation_desktop.services.Services` API is used: export reads the case and
every agreement version; import validates the whole file first against the schema
(:mod:`.domain.case_schema`; German messages, nothing is written for a bad file), then — in one
transaction — creates a new case with new ids and re-finalises frozen versions as of their own
day, comparing the recomputed content hash with the one in the file.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn, Protocol

from . import __version__, atomic
from .domain import case_schema, labels, limits, rules
from .domain.model import (
    Agreement,
    AgreementStatus,
    Case,
    CaseStatus,
    CommunicationRule,
    Consent,
    Goal,
    Indicator,
    Partner,
    Person,
    Role,
    ScaleKind,
    Task,
    require_id,
)
from .domain.rules import Entity, RuleViolation, validate
from .domain.serialize import FIELDS, FormatError, from_dict, to_dict
from .paths import guard_target
from .services import Services

FORMAT = "kooperation-desktop/case"
VERSION = 1

class ExchangeError(FormatError):
    """A case file cannot be read or imported; the message is German and meant for the user."""


@dataclass(slots=True)
class CaseFile:
    """A validated case file: the case (its persons, partners and consents; ``case.agreements`` is
    empty) and every agreement version in full, oldest first."""

    case: Case
    agreements: list[Agreement]


@dataclass(slots=True)
class ImportResult:
    case_id: int
    title: str
    agreement_ids: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# --- export -----------------------------------------------------------------------------


def case_to_dict(services: Services, case_id: int) -> dict[str, Any]:
    """The case with all its agreement versions (oldest first) as a JSON-ready dict."""
    case = services.cases.get(case_id)
    agreements = sorted((services.agreements.get(a.id) for a in case.agreements), key=lambda a: a.version)
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "app_version": __version__,
        "case": to_dict(case, {"agreements": agreements}),
    }


def export_case(services: Services, case_id: int, out: Path) -> Path:
    """Write the case as JSON to ``out`` through :func:`~kooperation_desktop.atomic.write_bytes`
    (owner-only temporary file beside it, renamed at the end; removed again when writing fails,
    e.g. on a full disk, so no fragment with client data stays behind)."""
    out = guard_target(out, services.data_dir)
    data = case_to_dict(services, case_id)
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return atomic.write_bytes(Path(out), text.encode("utf-8"))


# --- reading and validating ---------------------------------------------------------------

class _Numbered(Protocol):
    @property
    def id(self) -> int | None: ...


def _check_ids(items: Sequence[_Numbered], where: str) -> set[int]:
    seen: set[int] = set()
    for i, item in enumerate(items):
        if item.id is None:
            raise ExchangeError(f"{where}[{i}].id: Jeder Eintrag braucht eine Nummer (id).")
        if item.id in seen:
            raise ExchangeError(f"{where}[{i}].id: Die Nummer {item.id} kommt doppelt vor.")
        seen.add(item.id)
    return seen


def _check_party(item: Role | Task, persons: set[int], partners: set[int], where: str) -> None:
    if (item.person_id is None) == (item.partner_id is None):
        raise ExchangeError(f"{where}: Genau eines von „person_id“ und „partner_id“ muss gesetzt sein.")
    if item.person_id is not None and item.person_id not in persons:
        raise ExchangeError(f"{where}.person_id: Eine Person mit der Nummer {item.person_id} "
                            "gibt es in der Datei nicht.")
    if item.partner_id is not None and item.partner_id not in partners:
        raise ExchangeError(f"{where}.partner_id: Einen Partner mit der Nummer {item.partner_id} "
                            "gibt es in der Datei nicht.")


def _check_entities(case: Case, agreements: list[Agreement]) -> None:
    """What the app checks when an entry is typed in (rules.validate), with the file's field path."""
    places: list[tuple[str, Entity]] = [(f"case.persons[{i}]", p) for i, p in enumerate(case.persons)]
    places += [(f"case.partners[{i}]", p) for i, p in enumerate(case.partners)]
    places += [(f"case.consents[{i}]", c) for i, c in enumerate(case.consents)]
    for i, a in enumerate(agreements):
        where = f"case.agreements[{i}]"
        for j, g in enumerate(a.goals):
            places.append((f"{where}.goals[{j}]", g))
            places += [(f"{where}.goals[{j}].indicators[{k}]", ind) for k, ind in enumerate(g.indicators)]
        places += [(f"{where}.roles[{j}]", r) for j, r in enumerate(a.roles)]
        places += [(f"{where}.tasks[{j}]", t) for j, t in enumerate(a.tasks)]
    for where, entity in places:
        for problem in validate(entity):
            field_ = problem.field if problem.field in FIELDS.get(type(entity), ()) else ""
            raise ExchangeError(f"{where}{'.' + field_ if field_ else ''}: {problem.message}")


def _too_deep(data: object) -> bool:
    """True when ``data`` nests lists/objects deeper than limits.MAX_NESTING (checked without recursion)."""
    stack: list[tuple[object, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, (dict, list)):
            if depth > limits.MAX_NESTING:
                return True
            children = value.values() if isinstance(value, dict) else value
            stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False


def case_from_dict(data: object) -> CaseFile:
    """Validate a parsed case file (the value of ``json.loads``) and return its content.

    The file is checked against the schema (:mod:`.domain.case_schema`) first, then the
    references between its numbers. Raises :class:`ExchangeError` with one German line naming
    the place of the first error.
    """
    if _too_deep(data):
        raise ExchangeError(f"Die Datei ist zu tief verschachtelt (mehr als {limits.MAX_NESTING} Ebenen); "
                            "eine Fall-Datei ist es nicht.")
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ExchangeError("Die Datei ist keine Fall-Datei von Kooperation Desktop "
                            f"(erwartet: \"format\": \"{FORMAT}\").")
    if "version" not in data:
        raise ExchangeError("Die Fall-Datei nennt keine Formatversion (Feld „version“ fehlt).")
    if type(data["version"]) is not int:  # not true, not 1.0
        raise ExchangeError("version: Die Formatversion ist eine ganze Zahl "
                            f"(hier: {case_schema.show(data['version'])}); "
                            f"diese Programmversion liest Version {VERSION}.")
    if data["version"] != VERSION:
        raise ExchangeError(
            f"Die Fall-Datei hat die Formatversion {data['version']!r}; "
            f"diese Programmversion liest nur Version {VERSION}."
        )
    if "case" not in data:
        raise ExchangeError("Die Fall-Datei enthält keinen Fall (Feld „case“ fehlt).")
    try:
        case_schema.validate_case_file(data)
        parsed = from_dict(Case, data["case"], "case")
    except (case_schema.SchemaError, FormatError) as e:
        raise ExchangeError(str(e)) from None
    # from_dict builds a file's "agreements" as full Agreement objects (serialize.CHILDREN), not the
    # AgreementSummary entries a Case loaded from the database holds: taken out, typed as they are
    agreements: list[Agreement] = list(parsed.agreements)
    case: Case = parsed
    case.agreements = []
    if case.persons and not any("signs" in p for p in data["case"].get("persons", [])):
        # written before who signs could be chosen: its versions were signed by the guardians
        # (as serialize.thaw keeps it for a frozen version); today's default would add anyone
        # with a task, which changes the content and the checksum of a genuine version
        signing = rules.legacy_signers(case)
        for person in case.persons:
            person.signs = person.id in signing
    if not case.title.strip():
        raise ExchangeError("case.title: Der Fall braucht einen Titel.")
    _check_entities(case, agreements)
    persons = _check_ids(case.persons, "case.persons")
    partners = _check_ids(case.partners, "case.partners")
    _check_ids(case.consents, "case.consents")
    for i, c in enumerate(case.consents):
        where = f"case.consents[{i}]"
        if c.person_id is None or c.person_id not in persons:
            raise ExchangeError(f"{where}.person_id: Eine Person mit der Nummer {c.person_id} "
                                "gibt es in der Datei nicht.")
        if c.partner_id is not None and c.partner_id not in partners:
            raise ExchangeError(f"{where}.partner_id: Einen Partner mit der Nummer {c.partner_id} "
                                "gibt es in der Datei nicht.")
        if c.given_on is None:
            raise ExchangeError(f"{where}.given_on: Das Datum des Einverständnisses fehlt.")
        if c.revoked_on is not None and c.revoked_on < c.given_on:
            raise ExchangeError(f"{where}.revoked_on: Der Widerruf ({c.revoked_on:%d.%m.%Y}) kann nicht vor dem "
                                f"Einverständnis ({c.given_on:%d.%m.%Y}) liegen.")
    _check_ids(agreements, "case.agreements")
    versions = [a.version for a in agreements]
    if len(set(versions)) != len(versions):
        raise ExchangeError("case.agreements: Eine Versionsnummer kommt doppelt vor.")
    if len({a.document_id for a in agreements}) > 1:
        raise ExchangeError("case.agreements: Alle Versionen einer Vereinbarung tragen dieselbe Dokumentnummer "
                            "(document_id).")
    ordered = sorted(agreements, key=lambda a: a.version)
    for a in ordered[:-1]:
        if a.status == AgreementStatus.DRAFT:
            raise ExchangeError(
                f"case.agreements: Version {a.version} ist ein Entwurf, danach folgt aber noch eine Version. "
                "Nur die neueste Version darf ein Entwurf sein."
            )
    for i, a in enumerate(agreements):
        where = f"case.agreements[{i}]"
        goals = _check_ids(a.goals, f"{where}.goals")
        for j, g in enumerate(a.goals):
            _check_ids(g.indicators, f"{where}.goals[{j}].indicators")
            for k, ind in enumerate(g.indicators):
                lo, hi, label = (-2, 2, "−2 und +2") if ind.scale == ScaleKind.GAS else (0, 10, "0 und 10")
                for name in ("baseline", "target"):
                    value = getattr(ind, name)
                    if value is not None and not lo <= value <= hi:
                        raise ExchangeError(f"{where}.goals[{j}].indicators[{k}].{name}: Der Wert {value} liegt "
                                            f"nicht zwischen {label} (Skala „{ind.scale.value}“).")
        _check_ids(a.roles, f"{where}.roles")
        _check_ids(a.tasks, f"{where}.tasks")
        _check_ids(a.communication, f"{where}.communication")
        for j, r in enumerate(a.roles):
            _check_party(r, persons, partners, f"{where}.roles[{j}]")
        for j, t in enumerate(a.tasks):
            _check_party(t, persons, partners, f"{where}.tasks[{j}]")
            if t.goal_id is not None and t.goal_id not in goals:
                raise ExchangeError(f"{where}.tasks[{j}].goal_id: Ein Ziel mit der Nummer {t.goal_id} "
                                    "gibt es in dieser Version nicht.")
        if a.status != AgreementStatus.DRAFT and not a.content_hash:
            raise ExchangeError(f"{where}.content_hash: Version {a.version} ist abgeschlossen, "
                                "aber der Prüfwert fehlt.")
        if a.status != AgreementStatus.DRAFT and a.finalised_at is None:
            raise ExchangeError(f"{where}.finalised_at: Version {a.version} ist abgeschlossen, aber der Zeitpunkt "
                                "des Abschließens fehlt.")
    return CaseFile(case, ordered)


def _no_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} ist in einer Fall-Datei nicht erlaubt")


def read_case_file(path: Path) -> CaseFile:
    """Read and validate a case file (German messages for every problem).

    A file larger than :data:`limits.MAX_CASE_FILE_BYTES` is refused before it is parsed."""
    path = Path(path)
    limit = limits.MAX_CASE_FILE_BYTES
    try:
        with path.open("rb") as f:
            raw = f.read(limit + 1)
    except FileNotFoundError:
        raise ExchangeError(f"Die Datei „{path}“ gibt es nicht.") from None
    except IsADirectoryError:
        raise ExchangeError(f"„{path}“ ist ein Ordner, keine Datei.") from None
    except OSError:
        raise ExchangeError(f"Die Datei „{path}“ kann nicht gelesen werden (Zugriff verweigert?).") from None
    if len(raw) > limit:
        raise ExchangeError(f"Die Datei „{path}“ ist zu groß (mehr als {limit // (1024 * 1024)} MB); "
                            "eine Fall-Datei ist viel kleiner.")
    try:
        data = json.loads(raw.decode("utf-8"), parse_constant=_no_constant)
    except UnicodeDecodeError:
        raise ExchangeError(f"Die Datei „{path}“ ist keine UTF-8-Textdatei.") from None
    except RecursionError:
        raise ExchangeError(f"Die Datei „{path}“ ist zu tief verschachtelt; eine Fall-Datei ist sie nicht.") from None
    except json.JSONDecodeError as e:
        raise ExchangeError(
            f"Die Datei „{path}“ ist kein gültiges JSON (Zeile {e.lineno}, Spalte {e.colno})."
        ) from None
    except ValueError:  # NaN/Infinity, or an integer with thousands of digits
        raise ExchangeError(f"Die Datei „{path}“ ist kein gültiges JSON (ungültige oder zu lange Zahl).") from None
    return case_from_dict(data)


# --- import -----------------------------------------------------------------------------

_AGREEMENT_OWN = ("title", "start_date", "planned_end", "next_review", "mandate", "goodwill",
                  "client_view", "transition_offers", "transition_partners", "transition_self", "language",
                  "family_language",
                  "wizard_step")


def import_case(services: Services, path: Path) -> ImportResult:
    """Import a case file as a new case (new ids); returns the new case id and any warnings.

    One transaction: a refused import (a German :class:`ExchangeError`) leaves no row behind, not
    even an audit entry. Every finalised version is judged by the rules that judge one made in
    the app, as of the day it was finalised, with the consents as they stood that day; the newest
    version comes in as a draft when it fails them (a warning says why), an older one refuses
    the import (only the newest version can be a draft)."""
    source = read_case_file(path)
    try:
        with services.db.atomic():
            new_case = services.cases.create(source.case.title, source.case.file_number, source.case.help_type)
            result = ImportResult(case_id=require_id(new_case.id), title=new_case.title)
            _fill_case(services, source, result.case_id, result)
    except RuleViolation as e:  # a rule of the app refused an entry: nothing was imported
        why = " ".join(p.message for p in e.problems)
        raise ExchangeError(f"Der Fall kann nicht übernommen werden: {why} Es wurde nichts übernommen.") from None
    return result


def _finalised_at(src: Agreement) -> dt.datetime:
    when = src.finalised_at
    assert when is not None  # case_from_dict requires it for every non-draft version
    return when if when.tzinfo is not None else when.replace(tzinfo=dt.UTC)


def _fill_case(services: Services, source: CaseFile, case_id: int, result: ImportResult) -> None:
    person_ids: dict[int, int] = {}
    for p in source.case.persons:
        saved = services.parties.save(Person(case_id=case_id, first_name=p.first_name, last_name=p.last_name,
                                     family_role=p.family_role, birth_date=p.birth_date,
                                     is_guardian=p.is_guardian, signs=p.signs))
        person_ids[require_id(p.id)] = require_id(saved.id)
    partner_ids: dict[int, int] = {}
    for q in source.case.partners:
        saved = services.parties.save(Partner(case_id=case_id, kind=q.kind, name=q.name, organisation=q.organisation,
                                      function=q.function, contact=q.contact))
        partner_ids[require_id(q.id)] = require_id(saved.id)
    # the consents' whole history first (given and revoked): each version is judged as of its own day
    for c in source.case.consents:
        services.consent.record(Consent(
            case_id=case_id, person_id=person_ids[require_id(c.person_id)],
            partner_id=partner_ids[c.partner_id] if c.partner_id is not None else None,
            categories=list(c.categories), given_on=c.given_on, form=c.form, text_version=c.text_version,
            text=c.text, note=c.note, revoked_on=c.revoked_on, revocation_note=c.revocation_note))

    agreements = source.agreements
    original = agreements[0].document_id if agreements else ""
    document_id = original
    if original and services.agreements.document_id_in_use(original):
        document_id = services.agreements.new_document_id()
        result.warnings.append(
            f"Die Dokumentnummer {original} gibt es in diesem Datenordner schon; die übernommene Vereinbarung "
            f"hat die neue Nummer {document_id} (die ursprüngliche ist bei jeder Version vermerkt).")

    previous: Agreement | None = None
    for src in agreements:  # oldest first (sorted by case_from_dict)
        target = (services.agreements.current_draft(case_id) if previous is None
                  else services.agreements.new_version(require_id(previous.id)))
        target = services.agreements.get(require_id(target.id))
        _clear_content(services, target)
        for name in _AGREEMENT_OWN:
            setattr(target, name, getattr(src, name))
        target.version = src.version
        target.document_id = document_id
        target = services.agreements.update(target)
        target_id = require_id(target.id)
        if document_id != original:
            services.agreements.record_original_document_id(target_id, original)
        _copy_content(services, src, target_id, person_ids, partner_ids)
        if src.status != AgreementStatus.DRAFT:
            target = _finalise(services, src, target, newest=src is agreements[-1], result=result)
            if target.status != AgreementStatus.DRAFT:
                _compare_hash(services, src, target, result)
        result.agreement_ids.append(target_id)
        previous = target

    # finalising a later version marks older ones "superseded"; other states cannot be restored
    for src, new_id in zip(agreements, result.agreement_ids, strict=True):
        status = services.agreements.get(new_id).status
        if status != src.status and status != AgreementStatus.DRAFT:
            result.warnings.append(
                f"Version {src.version}: Der Status „{labels.AGREEMENT_STATUS[src.status]}“ wurde als "
                f"„{labels.AGREEMENT_STATUS[status]}“ übernommen."
            )

    if source.case.status != CaseStatus.OPEN:
        case = services.cases.get(case_id)
        case.status = source.case.status
        services.cases.update(case)


def _finalise(services: Services, src: Agreement, target: Agreement, *, newest: bool,
              result: ImportResult) -> Agreement:
    """Finalise the imported version as of the file's moment; if the rules refuse it that day, the
    newest version stays a draft (with a warning), an older one refuses the import."""
    when = _finalised_at(src)
    try:
        return services.agreements.finalise(require_id(target.id), at=when)
    except RuleViolation as e:
        day = when.astimezone().date()
        why = " ".join(p.message for p in e.problems)
        if not newest:
            raise ExchangeError(
                f"Version {src.version} kann nicht übernommen werden: Am Tag ihres Abschließens "
                f"({labels.format_date(day)}) erfüllt sie die Regeln nicht: {why} Nur die neueste Version "
                "kann als Entwurf übernommen werden; es wurde nichts übernommen."
            ) from None
        result.warnings.append(
            f"Version {src.version} wurde als Entwurf übernommen, nicht als „{labels.AGREEMENT_STATUS[src.status]}“: "
            f"Am Tag ihres Abschließens ({labels.format_date(day)}) erfüllt sie die Regeln nicht: {why}"
        )
        return services.agreements.get(require_id(target.id))


def _compare_hash(services: Services, src: Agreement, target: Agreement, result: ImportResult) -> None:
    """Warn when the content does not give the file's SHA-256 (as it was, with the file's number)."""
    if target.document_id == src.document_id:
        again = target.content_hash
    else:
        case, agreement = services.agreements.document(require_id(target.id))
        agreement.document_id = src.document_id
        again = rules.content_hash(case, agreement)
    if again != src.content_hash:
        result.warnings.append(
            f"Version {src.version}: Der Prüfwert nach dem Import ({again[:12]}…) weicht von "
            f"dem der Datei ({src.content_hash[:12]}…) ab. Der Inhalt wurde nach dem Abschließen verändert "
            "oder die Beteiligten haben sich seitdem geändert."
        )


def _clear_content(services: Services, agreement: Agreement) -> None:
    """Remove content a new version copied from its predecessor (the file's content replaces it)."""
    for task in agreement.tasks:
        services.parties.delete(task)
    for role in agreement.roles:
        services.parties.delete(role)
    for rule in agreement.communication:
        services.parties.delete(rule)
    for goal in agreement.goals:
        services.parties.delete(goal)


def _copy_content(services: Services, src: Agreement, agreement_id: int,
                  person_ids: dict[int, int], partner_ids: dict[int, int]) -> None:
    goal_ids: dict[int, int] = {}
    for g in src.goals:
        saved = services.parties.save(Goal(agreement_id=agreement_id, position=g.position, client_words=g.client_words,
                                   professional_wording=g.professional_wording, weight=g.weight))
        goal_ids[require_id(g.id)] = require_id(saved.id)
        for ind in g.indicators:
            services.parties.save(Indicator(goal_id=saved.id, position=ind.position, description=ind.description,
                                    scale=ind.scale, level_texts=list(ind.level_texts), baseline=ind.baseline,
                                    target=ind.target))

    def person(pid: int | None) -> int | None:
        return person_ids[pid] if pid is not None else None

    def partner(pid: int | None) -> int | None:
        return partner_ids[pid] if pid is not None else None

    # roles and tasks as the file has them: whether their partners had consent is judged when the
    # version is finalised, as of its own day (services.parties.save would judge as of today)
    services.parties.add_imported(
        [Role(agreement_id=agreement_id, person_id=person(r.person_id), partner_id=partner(r.partner_id),
              description=r.description) for r in src.roles],
        [Task(agreement_id=agreement_id, position=t.position, person_id=person(t.person_id),
              partner_id=partner(t.partner_id), what=t.what, due_date=t.due_date,
              goal_id=goal_ids[t.goal_id] if t.goal_id is not None else None) for t in src.tasks])
    for c in src.communication:
        services.parties.save(CommunicationRule(agreement_id=agreement_id, position=c.position, kind=c.kind,
                                                what=c.what, who=c.who, to_whom=c.to_whom, rhythm=c.rhythm,
                                                next_date=c.next_date))
