"""Move one case between installations as a JSON file (format: ``docs/case-json-format.md``).

Only the :class:`~kooperation_desktop.services.Services` API is used: export reads the case and
every agreement version; import validates the whole file first (German messages, nothing is
written for a bad file), then creates a new case with new ids and re-finalises frozen versions,
comparing the recomputed content hash with the one in the file.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import __version__, atomic
from .domain import labels
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
    Task,
)
from .domain.serialize import FormatError, from_dict, to_dict
from .paths import guard_target
from .services import Services

FORMAT = "kooperation-desktop/case"
VERSION = 1

class ExchangeError(FormatError):
    """A case file cannot be read or imported; the message is German and meant for the user."""


@dataclass(slots=True)
class ImportResult:
    case_id: int
    title: str
    agreement_ids: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# --- export -----------------------------------------------------------------------------


def case_to_dict(services: Services, case_id: int) -> dict[str, Any]:
    """The case with all its agreement versions (oldest first) as a JSON-ready dict."""
    case = services.get_case(case_id)
    agreements = sorted((services.get_agreement(a.id) for a in case.agreements), key=lambda a: a.version)
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

def _check_ids(items: list[Any], where: str) -> set[int]:
    seen: set[int] = set()
    for i, item in enumerate(items):
        if item.id is None:
            raise ExchangeError(f"{where}[{i}].id: Jeder Eintrag braucht eine Nummer (id).")
        if item.id in seen:
            raise ExchangeError(f"{where}[{i}].id: Die Nummer {item.id} kommt doppelt vor.")
        seen.add(item.id)
    return seen


def _check_party(item: Any, persons: set[int], partners: set[int], where: str) -> None:
    if (item.person_id is None) == (item.partner_id is None):
        raise ExchangeError(f"{where}: Genau eines von „person_id“ und „partner_id“ muss gesetzt sein.")
    if item.person_id is not None and item.person_id not in persons:
        raise ExchangeError(f"{where}.person_id: Eine Person mit der Nummer {item.person_id} gibt es in der Datei nicht.")
    if item.partner_id is not None and item.partner_id not in partners:
        raise ExchangeError(f"{where}.partner_id: Einen Partner mit der Nummer {item.partner_id} gibt es in der Datei nicht.")


def case_from_dict(data: Any) -> Case:
    """Validate a parsed case file and return its case (``agreements`` hold in ``_agreements``).

    Raises :class:`ExchangeError` with a German message naming the place of the first error.
    """
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ExchangeError(f"Die Datei ist keine Fall-Datei von Kooperation Desktop (erwartet: \"format\": \"{FORMAT}\").")
    if "version" not in data:
        raise ExchangeError("Die Fall-Datei nennt keine Formatversion (Feld „version“ fehlt).")
    if data["version"] != VERSION:
        raise ExchangeError(
            f"Die Fall-Datei hat die Formatversion {data['version']!r}; diese Programmversion liest nur Version {VERSION}."
        )
    if "case" not in data:
        raise ExchangeError("Die Fall-Datei enthält keinen Fall (Feld „case“ fehlt).")
    try:
        case: Case = from_dict(Case, data["case"], "case")
    except ExchangeError:
        raise
    except FormatError as e:
        raise ExchangeError(str(e)) from None
    if not case.title.strip():
        raise ExchangeError("case.title: Der Fall braucht einen Titel.")
    persons = _check_ids(case.persons, "case.persons")
    partners = _check_ids(case.partners, "case.partners")
    _check_ids(case.consents, "case.consents")
    for i, c in enumerate(case.consents):
        where = f"case.consents[{i}]"
        if c.person_id is None or c.person_id not in persons:
            raise ExchangeError(f"{where}.person_id: Eine Person mit der Nummer {c.person_id} gibt es in der Datei nicht.")
        if c.partner_id is not None and c.partner_id not in partners:
            raise ExchangeError(f"{where}.partner_id: Einen Partner mit der Nummer {c.partner_id} gibt es in der Datei nicht.")
        if c.given_on is None:
            raise ExchangeError(f"{where}.given_on: Das Datum des Einverständnisses fehlt.")
    agreements: list[Agreement] = case.agreements  # type: ignore[assignment]
    _check_ids(agreements, "case.agreements")
    versions = [a.version for a in agreements]
    if len(set(versions)) != len(versions):
        raise ExchangeError("case.agreements: Eine Versionsnummer kommt doppelt vor.")
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
        _check_ids(a.roles, f"{where}.roles")
        _check_ids(a.tasks, f"{where}.tasks")
        _check_ids(a.communication, f"{where}.communication")
        for j, r in enumerate(a.roles):
            _check_party(r, persons, partners, f"{where}.roles[{j}]")
        for j, t in enumerate(a.tasks):
            _check_party(t, persons, partners, f"{where}.tasks[{j}]")
            if t.goal_id is not None and t.goal_id not in goals:
                raise ExchangeError(f"{where}.tasks[{j}].goal_id: Ein Ziel mit der Nummer {t.goal_id} gibt es in dieser Version nicht.")
        if a.status != AgreementStatus.DRAFT and not a.content_hash:
            raise ExchangeError(f"{where}.content_hash: Version {a.version} ist abgeschlossen, aber der Prüfwert fehlt.")
    case.agreements = ordered  # type: ignore[assignment]
    return case


def read_case_file(path: Path) -> Case:
    """Read and validate a case file (German messages for every problem)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ExchangeError(f"Die Datei „{path}“ gibt es nicht.") from None
    except IsADirectoryError:
        raise ExchangeError(f"„{path}“ ist ein Ordner, keine Datei.") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ExchangeError(f"Die Datei „{path}“ ist keine UTF-8-Textdatei.") from None
    except json.JSONDecodeError as e:
        raise ExchangeError(
            f"Die Datei „{path}“ ist kein gültiges JSON (Zeile {e.lineno}, Spalte {e.colno})."
        ) from None
    return case_from_dict(data)


# --- import -----------------------------------------------------------------------------

_AGREEMENT_OWN = ("document_id", "title", "start_date", "planned_end", "next_review", "mandate", "goodwill",
                  "client_view", "transition_offers", "transition_partners", "transition_self", "language",
                  "wizard_step")


def import_case(services: Services, path: Path) -> ImportResult:
    """Import a case file as a new case (new ids); returns the new case id and any warnings."""
    source = read_case_file(path)
    new_case = services.create_case(source.title, source.file_number, source.help_type)
    assert new_case.id is not None
    result = ImportResult(case_id=new_case.id, title=new_case.title)
    try:
        _fill_case(services, source, new_case.id, result)
    except BaseException:
        services.delete_case(new_case.id)  # no half-imported case is left behind
        raise
    return result


def _fill_case(services: Services, source: Case, case_id: int, result: ImportResult) -> None:
    person_ids: dict[int, int] = {}
    for p in source.persons:
        saved = services.save(Person(case_id=case_id, first_name=p.first_name, last_name=p.last_name,
                                     family_role=p.family_role, birth_date=p.birth_date,
                                     is_guardian=p.is_guardian))
        person_ids[p.id] = saved.id  # type: ignore[index]
    partner_ids: dict[int, int] = {}
    for p in source.partners:
        saved = services.save(Partner(case_id=case_id, kind=p.kind, name=p.name, organisation=p.organisation,
                                      function=p.function, contact=p.contact))
        partner_ids[p.id] = saved.id  # type: ignore[index]
    # Consents first as given; revocations at the end, so frozen versions re-finalise as they were.
    revocations: list[tuple[int, Consent]] = []
    for c in source.consents:
        saved = services.record_consent(Consent(
            case_id=case_id, person_id=person_ids[c.person_id],  # type: ignore[index]
            partner_id=partner_ids[c.partner_id] if c.partner_id is not None else None,
            categories=list(c.categories), given_on=c.given_on, form=c.form, text_version=c.text_version,
            text=c.text, note=c.note))
        if c.revoked_on is not None:
            revocations.append((saved.id, c))  # type: ignore[arg-type]

    previous: Agreement | None = None
    for src in source.agreements:  # oldest first (sorted by case_from_dict)
        target = services.current_draft(case_id) if previous is None else services.new_version(previous.id)  # type: ignore[arg-type]
        target = services.get_agreement(target.id)  # type: ignore[arg-type]
        _clear_content(services, target)
        for name in _AGREEMENT_OWN:
            setattr(target, name, getattr(src, name))
        target.version = src.version
        target = services.update_agreement(target)
        _copy_content(services, src, target.id, person_ids, partner_ids)  # type: ignore[arg-type]
        if src.status != AgreementStatus.DRAFT:
            target = services.finalise(target.id)  # type: ignore[arg-type]
            if target.content_hash != src.content_hash:
                result.warnings.append(
                    f"Version {src.version}: Der Prüfwert nach dem Import ({target.content_hash[:12]}…) weicht von "
                    f"dem der Datei ({src.content_hash[:12]}…) ab. Der Inhalt wurde nach dem Abschließen verändert "
                    "oder die Beteiligten haben sich seitdem geändert."
                )
        result.agreement_ids.append(target.id)  # type: ignore[arg-type]
        previous = target

    # finalising a later version marks older ones "superseded"; other states cannot be restored
    for src, new_id in zip(source.agreements, result.agreement_ids):
        status = services.get_agreement(new_id).status
        if status != src.status:
            result.warnings.append(
                f"Version {src.version}: Der Status „{labels.AGREEMENT_STATUS[src.status]}“ wurde als "
                f"„{labels.AGREEMENT_STATUS[status]}“ übernommen."
            )

    for consent_id, c in revocations:
        services.revoke_consent(consent_id, c.revoked_on, c.revocation_note)  # type: ignore[arg-type]
    if source.status != CaseStatus.OPEN:
        case = services.get_case(case_id)
        case.status = source.status
        services.update_case(case)


def _clear_content(services: Services, agreement: Agreement) -> None:
    """Remove content a new version copied from its predecessor (the file's content replaces it)."""
    for task in agreement.tasks:
        services.delete(task)
    for role in agreement.roles:
        services.delete(role)
    for rule in agreement.communication:
        services.delete(rule)
    for goal in agreement.goals:
        services.delete(goal)


def _copy_content(services: Services, src: Agreement, agreement_id: int,
                  person_ids: dict[int, int], partner_ids: dict[int, int]) -> None:
    goal_ids: dict[int, int] = {}
    for g in src.goals:
        saved = services.save(Goal(agreement_id=agreement_id, position=g.position, client_words=g.client_words,
                                   professional_wording=g.professional_wording, weight=g.weight))
        goal_ids[g.id] = saved.id  # type: ignore[index]
        for ind in g.indicators:
            services.save(Indicator(goal_id=saved.id, position=ind.position, description=ind.description,
                                    scale=ind.scale, level_texts=list(ind.level_texts), baseline=ind.baseline,
                                    target=ind.target))

    def person(pid: int | None) -> int | None:
        return person_ids[pid] if pid is not None else None

    def partner(pid: int | None) -> int | None:
        return partner_ids[pid] if pid is not None else None

    for r in src.roles:
        services.save(Role(agreement_id=agreement_id, person_id=person(r.person_id), partner_id=partner(r.partner_id),
                           description=r.description))
    for t in src.tasks:
        services.save(Task(agreement_id=agreement_id, position=t.position, person_id=person(t.person_id),
                           partner_id=partner(t.partner_id), what=t.what, due_date=t.due_date,
                           goal_id=goal_ids[t.goal_id] if t.goal_id is not None else None))
    for c in src.communication:
        services.save(CommunicationRule(agreement_id=agreement_id, position=c.position, kind=c.kind, what=c.what,
                                        who=c.who, to_whom=c.to_whom, rhythm=c.rhythm, next_date=c.next_date))
