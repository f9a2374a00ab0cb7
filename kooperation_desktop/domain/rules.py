"""Business rules: consent, completeness, freezing (canonical content and its SHA-256).

All functions are pure: they take domain objects and return answers or German messages.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import math
from dataclasses import fields, is_dataclass
from enum import Enum
from typing import Any

from . import limits
from .model import (
    AGREEMENT_LANGUAGES,
    FAMILY_LANGUAGES,
    Agreement,
    AgreementStatus,
    Case,
    CaseStatus,
    CommunicationRule,
    Consent,
    Goal,
    Indicator,
    InfoCategory,
    Partner,
    PartnerKind,
    Person,
    Problem,
    Role,
    ScaleKind,
    Task,
)


class RuleViolation(Exception):
    """A use case was refused by a rule; ``problems`` says why, in German."""

    def __init__(self, problems: list[Problem] | Problem | str):
        if isinstance(problems, str):
            problems = [Problem("", problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems = problems
        super().__init__("\n".join(p.message for p in problems))


# --- consent (seed part 2, condition 3a) -------------------------------------------------


def _holds(consent: Consent, on: dt.date | None) -> bool:
    """Active, and it is known who gave it (a consent whose person was removed proves nothing)."""
    return consent.person_id is not None and consent.is_active(on)


def has_general_consent(case: Case, on: dt.date | None = None) -> bool:
    """The client's declared consent to the help and the cooperation (3a)."""
    return any(c.partner_id is None and _holds(c, on) for c in case.consents)


def partner_has_consent(
    case: Case,
    partner: Partner,
    on: dt.date | None = None,
    category: InfoCategory = InfoCategory.AGREEMENT,
) -> bool:
    """May this partner take part in the agreement (get roles, tasks, appear in the PDF)?

    Youth office and the provider's professional are covered by the general consent to the help.
    Every resource in the social space needs its own active consent naming it and covering
    ``category``.
    """
    if partner.kind in (PartnerKind.YOUTH_OFFICE, PartnerKind.PROFESSIONAL):
        return has_general_consent(case, on)
    return any(
        c.partner_id == partner.id and _holds(c, on) and category in c.categories
        for c in case.consents
    )


def as_of(agreement: Agreement) -> dt.date | None:
    """The day whose consents count for this version: a finalised version is judged as of the day it
    was finalised (it never changes afterwards); a draft as of today (None)."""
    if agreement.status == AgreementStatus.DRAFT or agreement.finalised_at is None:
        return None
    when = agreement.finalised_at
    if when.tzinfo is not None:
        when = when.astimezone()
    return when.date()


def consents_as_of(case: Case, on: dt.date) -> Case:
    """The case with its consents as they stood on ``on`` (for judging a version finalised that
    day, e.g. one imported from a case file): consents given later are left out; a revocation
    dated later is not there yet, nor one dated ``on`` itself (days carry no time: the version may
    have been finalised before the revocation that day, and the snapshot keeps it that way)."""
    consents = [dataclasses.replace(c, revoked_on=None, revocation_note="")
                if c.revoked_on is not None and c.revoked_on >= on else c
                for c in case.consents if c.given_on is not None and c.given_on <= on]
    return dataclasses.replace(case, consents=consents)


def consented_partners(case: Case, on: dt.date | None = None) -> list[Partner]:
    """Partners that may appear in an agreement, in the order of the case."""
    return [p for p in case.partners if partner_has_consent(case, p, on)]


def check_partner_allowed(case: Case, partner_id: int | None, on: dt.date | None = None) -> None:
    """Raise RuleViolation unless the partner has the client's active consent."""
    if partner_id is None:
        return
    partner = case.partner(partner_id)
    if partner is None:
        raise RuleViolation(Problem("partner",
                                    "Diese Kooperationspartnerin / dieser Partner gehört nicht zu diesem Fall."))
    if not partner_has_consent(case, partner, on):
        raise RuleViolation([Problem("partner", _no_consent_text(partner))])


def _no_consent_text(partner: Partner) -> str:
    return (
        f"Für „{partner.display_name or 'diese Person'}“ liegt kein gültiges Einverständnis der Familie vor. "
        "Ohne Einverständnis können keine Aufgaben, Rollen oder Daten weitergegeben werden."
    )


def consent_problems(case: Case, agreement: Agreement, on: dt.date | None = None) -> list[Problem]:
    """Roles or tasks given to a partner without (or after revocation of) consent."""
    problems: list[Problem] = []
    for i, role in enumerate(agreement.roles):
        partner = case.partner(role.partner_id)
        if partner is not None and not partner_has_consent(case, partner, on):
            problems.append(Problem(f"roles[{i}]", f"Rolle: {_no_consent_text(partner)}"))
    for i, task in enumerate(agreement.tasks):
        partner = case.partner(task.partner_id)
        if partner is not None and not partner_has_consent(case, partner, on):
            problems.append(Problem(f"tasks[{i}]", f"Aufgabe „{task.what}“: {_no_consent_text(partner)}"))
    return problems


# Between the fields of one place: no name spans it (a name is one line), so the end of one field and
# the start of the next ("… mit Tom" | "Weber …") never read as one name.
FIELD_BREAK = "\n"


def _free_texts(agreement: Agreement) -> list[tuple[str, str, str]]:
    """(field key, German place, text) of every free text that is printed."""
    out = [("mandate", "Auftrag des Jugendamts", agreement.mandate),
           ("client_view", "Sicht der Familie", agreement.client_view),
           ("goodwill", "Zusammenarbeit", agreement.goodwill),
           ("transition", "Übergang", agreement.transition_offers),
           ("transition", "Übergang", agreement.transition_partners),
           ("transition", "Übergang", agreement.transition_self)]
    for i, g in enumerate(agreement.goals):
        out += [(f"goals[{i}]", f"Ziel {i + 1}", g.client_words),
                (f"goals[{i}]", f"Ziel {i + 1}", g.professional_wording)]
        out += [(f"goals[{i}].indicators[{j}]", f"Ziel {i + 1}, Indikator {j + 1}",
                 FIELD_BREAK.join([ind.description, *ind.level_texts]))
                for j, ind in enumerate(g.indicators)]
    out += [(f"tasks[{i}]", f"Aufgabe {i + 1}", t.what) for i, t in enumerate(agreement.tasks)]
    out += [(f"roles[{i}]", f"Rolle {i + 1}", r.description) for i, r in enumerate(agreement.roles)]
    out += [(f"communication[{i}]", f"Absprache {i + 1}", FIELD_BREAK.join([c.what, c.who, c.to_whom, c.rhythm]))
            for i, c in enumerate(agreement.communication)]
    return out


def mention_problems(case: Case, agreement: Agreement, on: dt.date | None = None) -> list[Problem]:
    """Free texts that name a partner without the client's consent (the name would be printed)."""
    problems: list[Problem] = []
    lacking = [p for p in case.partners if not partner_has_consent(case, p, on) and len(p.name.strip()) >= 3]
    if not lacking:
        return problems
    for key, place, text in _free_texts(agreement):
        folded = text.casefold()
        for partner in lacking:
            if partner.name.strip().casefold() in folded:
                problems.append(Problem(
                    key, f"{place} nennt „{partner.name.strip()}“. Dafür liegt kein Einverständnis der Familie vor: "
                         "bitte den Namen entfernen oder zuerst das Einverständnis erfassen."))
    return problems


# --- completeness (seed part 1 and conditions a-e, j, part 4) ----------------------------


def completeness(case: Case, agreement: Agreement, on: dt.date | None = None) -> list[Problem]:
    """Everything that is missing before the agreement can be finalised, in German."""
    p: list[Problem] = []
    if not case.persons:
        p.append(Problem("persons", "Es ist noch keine Person der Familie eingetragen."))
    if not has_general_consent(case, on):
        p.append(Problem("consents", "Das Einverständnis der Familie zur Hilfe und Zusammenarbeit fehlt."))
    partners = consented_partners(case, on)
    if not partners:
        p.append(Problem("partners", "Es ist noch keine Kooperationspartnerin / kein Kooperationspartner "
                                     "(mit Einverständnis) eingetragen."))
    if not any(x.kind == PartnerKind.YOUTH_OFFICE for x in partners):
        p.append(Problem("partners", "Das beauftragende Jugendamt ist nicht eingetragen."))
    if not agreement.goals:
        p.append(Problem("goals", "Es ist noch kein gemeinsames Ziel formuliert."))
    for i, goal in enumerate(agreement.goals):
        label = f"Ziel {i + 1}"
        if not goal.client_words.strip():
            p.append(Problem(f"goals[{i}].client_words", f"{label}: Die Worte der Familie fehlen."))
        if not goal.professional_wording.strip():
            p.append(Problem(f"goals[{i}].professional_wording", f"{label}: Die fachliche Formulierung fehlt."))
        if not goal.indicators:
            p.append(Problem(f"goals[{i}].indicators", f"{label} hat noch keinen Indikator."))
        for j, ind in enumerate(goal.indicators):
            where = f"{label}, Indikator {j + 1}"
            if not ind.description.strip():
                p.append(Problem(f"goals[{i}].indicators[{j}].description", f"{where}: Beschreibung fehlt."))
            if ind.baseline is None:
                p.append(Problem(f"goals[{i}].indicators[{j}].baseline", f"{where}: Ausgangswert fehlt."))
            if ind.target is None:
                p.append(Problem(f"goals[{i}].indicators[{j}].target", f"{where}: Zielwert fehlt."))
    if not any(t.partner_id is not None and t.what.strip() for t in agreement.tasks):
        p.append(Problem("tasks", "Es ist noch keine Aufgabe einer Kooperationspartnerin / eines Partners vereinbart."))
    if not any(t.person_id is not None and t.what.strip() for t in agreement.tasks):
        p.append(Problem("tasks", "Die Familie hat noch keine eigene Aufgabe (Arbeitsteilung)."))
    roled = {r.partner_id for r in agreement.roles if r.description.strip()}
    for partner in partners:
        if partner.id not in roled:
            p.append(Problem("roles", f"Die Rolle von „{partner.display_name}“ ist nicht beschrieben."))
    if not agreement.mandate.strip():
        p.append(Problem("mandate", "Der Auftrag des Jugendamts ist nicht beschrieben."))
    if not agreement.communication:
        p.append(Problem("communication",
                         "Es ist noch keine Absprache zu Treffen, Rückmeldungen oder Berichten getroffen."))
    if agreement.start_date is None:
        p.append(Problem("start_date", "Der Beginn fehlt."))
    if agreement.planned_end is None:
        p.append(Problem("planned_end", "Das geplante Ende der Hilfe fehlt."))
    elif agreement.start_date and agreement.planned_end <= agreement.start_date:
        p.append(Problem("planned_end", "Das geplante Ende muss nach dem Beginn liegen."))
    if not (agreement.transition_offers.strip() or agreement.transition_partners.strip()):
        p.append(Problem("transition", "Der Übergang (Anschlussangebote, Partner, die bleiben) ist nicht beschrieben."))
    if agreement.language not in AGREEMENT_LANGUAGES:
        p.append(Problem("language", f"Die Sprache „{agreement.language}“ ist für die Vereinbarung nicht "
                                     "möglich (Deutsch oder Englisch)."))
    if agreement.family_language not in (None, *FAMILY_LANGUAGES):
        p.append(Problem("family_language", f"Die Sprache „{agreement.family_language}“ ist für die Fassung der "
                                            "Familie nicht möglich."))
    p.extend(consent_problems(case, agreement, on))
    p.extend(mention_problems(case, agreement, on))
    return p


# --- who signs (issue 13) ------------------------------------------------------------------


def legacy_signers(case: Case) -> set[int | None]:
    """Who signed before the choice existed: the guardians (everyone when nobody has custody).
    A version finalised then keeps them (:func:`~.serialize.thaw` sets them as its choice)."""
    guardians = {p.id for p in case.persons if p.is_guardian}
    return guardians or {p.id for p in case.persons}


def default_signers(case: Case, agreement: Agreement) -> set[int | None]:
    """The family members who sign unless chosen otherwise: everyone with custody or with a task
    in this agreement (everyone when nobody has either)."""
    with_task = {t.person_id for t in agreement.tasks if t.person_id is not None}
    chosen = {p.id for p in case.persons if p.is_guardian or p.id in with_task}
    return chosen or {p.id for p in case.persons}


def family_signers(case: Case, agreement: Agreement) -> list[Person]:
    """The family members who sign ``agreement``, in the order of the case: a person's own choice
    (``Person.signs``), else :func:`default_signers`. A finalised version keeps the choice it was
    finalised with (:func:`with_signers_resolved`); one finalised before the choice existed keeps
    the signers it had then (:func:`legacy_signers`, set by :func:`~.serialize.thaw`)."""
    base = default_signers(case, agreement)
    return [p for p in case.persons if (p.signs if p.signs is not None else p.id in base)]


def with_signers_resolved(case: Case, agreement: Agreement) -> Case:
    """The case with every person's ``signs`` decided (as :func:`family_signers` decides it for the
    draft ``agreement``): what finalising freezes and hashes."""
    signing = {p.id for p in family_signers(case, agreement)}
    persons = [dataclasses.replace(p, signs=p.id in signing) for p in case.persons]
    return dataclasses.replace(case, persons=persons)


def is_minor(person: Person, on: dt.date) -> bool:
    """Under 18 on ``on`` (children who sign "unterschreiben mit"); unknown birth date: no."""
    b = person.birth_date
    if b is None:
        return False
    return (on.year - b.year - ((on.month, on.day) < (b.month, b.day))) < 18


# --- freezing ---------------------------------------------------------------------------

_VOLATILE = {"id", "case_id", "agreement_id", "goal_id", "status", "wizard_step", "created_at",
             "finalised_at", "content_hash", "predecessor_id", "row_version"}


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value) if f.name not in _VOLATILE}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def canonical_content(case: Case, agreement: Agreement) -> bytes:
    """The agreement's content as canonical JSON (sorted keys, UTF-8, no volatile fields).

    Database ids are replaced by the parties' names so the hash does not depend on storage.
    Only partners with consent are part of the content.
    """
    on = as_of(agreement)
    people = {p.id: p.display_name for p in case.persons}
    partners = {p.id: p.display_name for p in consented_partners(case, on)}

    def party(person_id: int | None, partner_id: int | None) -> str:
        if person_id is not None:
            return "person:" + people.get(person_id, "?")
        return "partner:" + partners.get(partner_id, "?")

    goal_pos = {g.id: i for i, g in enumerate(agreement.goals)}
    body = _plain(agreement)
    # German (the default) is left out, so versions finalised before the language existed keep their hash
    if body.get("language", "de") == "de":
        body.pop("language", None)
    # likewise no family language (German only) is left out
    if body.get("family_language") is None:
        body.pop("family_language", None)
    body["roles"] = [dict(_plain(r), party=party(r.person_id, r.partner_id), person_id=None, partner_id=None)
                     for r in agreement.roles]
    body["tasks"] = [dict(_plain(t), party=party(t.person_id, t.partner_id), person_id=None, partner_id=None,
                          goal=goal_pos.get(t.goal_id)) for t in agreement.tasks]
    body["case"] = {"title": case.title, "file_number": case.file_number, "help_type": case.help_type}
    body["persons"] = [{k: v for k, v in _plain(p).items() if k != "signs"} for p in case.persons]
    # who signs is content, but only written out where it differs from the rule of the versions
    # finalised before the choice existed (their hashes stay as they were)
    signers = family_signers(case, agreement)
    if {p.id for p in signers} != legacy_signers(case):
        body["signers"] = [p.display_name for p in signers]
    body["partners"] = [_plain(p) for p in consented_partners(case, on)]
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def content_hash(case: Case, agreement: Agreement) -> str:
    """SHA-256 (hex) of :func:`canonical_content`."""
    return hashlib.sha256(canonical_content(case, agreement)).hexdigest()


def check_editable(agreement: Agreement) -> None:
    """Raise RuleViolation if the agreement version is frozen."""
    if agreement.status != AgreementStatus.DRAFT:
        raise RuleViolation(
            Problem(
                "status",
                f"Version {agreement.version} ist abgeschlossen und kann nicht mehr geändert werden. "
                "Für Änderungen bitte eine neue Version anlegen.",
            )
        )


# --- read-only: closed cases -------------------------------------------------------------

CASE_READ_ONLY = ("Dieser Fall ist abgeschlossen und archiviert; er kann nicht mehr geändert werden. "
                  "Zum Bearbeiten den Fall zuerst wieder öffnen.")


def check_case_writable(status: CaseStatus) -> None:
    """Raise RuleViolation if the case is closed (archived: read-only until re-opened)."""
    if status == CaseStatus.CLOSED:
        raise RuleViolation(Problem("status", CASE_READ_ONLY))


def check_case_change(stored: Case, case: Case) -> None:
    """A closed case may be re-opened (status back to open), nothing else of it changes."""
    changed = (stored.title, stored.file_number, stored.help_type) != (case.title, case.file_number, case.help_type)
    if case.status == CaseStatus.CLOSED and changed:
        check_case_writable(stored.status)


# --- what the user typed ------------------------------------------------------------------

Entity = Person | Partner | Consent | Goal | Indicator | Role | Task | CommunicationRule


def check_case_title(title: str) -> None:
    if not title.strip():
        raise RuleViolation(Problem("title", "Bitte einen Titel für den Fall eingeben, z. B. „Familie Çelik“."))


def check_filter(filter_text: str) -> None:
    """A case-list filter longer than :data:`~.limits.MAX_FILTER` is refused."""
    if len(filter_text) > limits.MAX_FILTER:
        raise RuleViolation(Problem("filter", f"Der Suchtext ist zu lang ({len(filter_text):,} Zeichen; höchstens "
                                              f"{limits.MAX_FILTER} Zeichen).".replace(",", ".")))


def validate(entity: Entity) -> list[Problem]:
    """What the user typed, checked field by field (German messages; empty list: fine)."""
    p: list[Problem] = []
    if isinstance(entity, Person):
        if not (entity.first_name.strip() or entity.last_name.strip()):
            p.append(Problem("first_name", "Bitte einen Vornamen oder Nachnamen eingeben."))
    elif isinstance(entity, Partner):
        if not (entity.name.strip() or entity.organisation.strip()):
            p.append(Problem("name", "Bitte einen Namen oder eine Einrichtung eingeben."))
    elif isinstance(entity, Consent):
        if entity.person_id is None:
            p.append(Problem("person_id", "Bitte angeben, wer aus der Familie das Einverständnis gegeben hat."))
        if entity.given_on and entity.given_on > dt.date.today():
            p.append(Problem("given_on", "Das Datum des Einverständnisses darf nicht in der Zukunft liegen."))
        if entity.revoked_on and entity.given_on and entity.revoked_on < entity.given_on:
            p.append(Problem("revoked_on", "Der Widerruf kann nicht vor dem Einverständnis liegen."))
    elif isinstance(entity, Goal):
        if not (isinstance(entity.weight, (int, float)) and math.isfinite(entity.weight) and entity.weight > 0):
            p.append(Problem("weight", "Die Gewichtung muss eine Zahl größer als 0 sein."))
    elif isinstance(entity, Indicator):
        lo, hi, label = (-2, 2, "−2 und +2") if entity.scale == ScaleKind.GAS else (0, 10, "0 und 10")
        for name, what in (("baseline", "Ausgangswert"), ("target", "Zielwert")):
            value = getattr(entity, name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi):
                p.append(Problem(name, f"Der {what} muss eine ganze Zahl zwischen {label} sein."))
        if len(entity.level_texts) != 5:
            p.append(Problem("level_texts", "Es müssen genau fünf Stufen (−2 bis +2) beschrieben sein."))
    elif isinstance(entity, (Role, Task)) and (entity.person_id is None) == (entity.partner_id is None):
        p.append(Problem("party", "Bitte genau eine Person der Familie oder eine Kooperationspartnerin / "
                                  "einen Kooperationspartner auswählen."))
    return p


def check_valid(entity: Entity) -> None:
    """Raise RuleViolation with the problems of :func:`validate`."""
    problems = validate(entity)
    if problems:
        raise RuleViolation(problems)


def check_case_refs(case: Case, person_id: int | None, partner_id: int | None, *, field: str = "") -> None:
    """The person and the partner an entry names belong to ``case`` (``field``: the problem's
    field prefix, "person"/"partner" when empty)."""
    if person_id is not None and case.person(person_id) is None:
        raise RuleViolation(Problem(f"person{field}", "Diese Person gehört nicht zu diesem Fall."))
    if partner_id is not None and case.partner(partner_id) is None:
        raise RuleViolation(Problem(f"partner{field}",
                                    "Diese Kooperationspartnerin / dieser Partner gehört nicht zu diesem Fall."))


# --- consent once an agreement rests on it ------------------------------------------------

_CONSENT_FIXED = ("person_id", "partner_id", "categories", "given_on", "form", "text_version", "text",
                  "revoked_on", "revocation_note")


def check_consent_change(stored: Consent, consent: Consent, *, case_has_frozen: bool) -> None:
    """Once an agreement of the case was finalised, what was consented to stays as recorded
    (provable consent); only the note may change, a revocation is recorded separately."""
    if case_has_frozen and any(getattr(stored, f) != getattr(consent, f) for f in _CONSENT_FIXED):
        raise RuleViolation(Problem(
            "status",
            "Auf diesem Einverständnis beruht eine abgeschlossene Vereinbarung. Es bleibt so, wie es "
            "erteilt wurde; ein Widerruf ist jederzeit möglich.",
        ))


def check_revocation(consent: Consent, on: dt.date) -> None:
    """A revocation is dated today or earlier, not before the consent."""
    if on > dt.date.today():
        raise RuleViolation(Problem("revoked_on", "Ein Widerruf gilt ab dem Tag, an dem er erklärt wird: "
                                                  "das Datum darf nicht in der Zukunft liegen."))
    if consent.given_on is not None and on < consent.given_on:
        raise RuleViolation(Problem("revoked_on", "Der Widerruf kann nicht vor dem Einverständnis liegen."))
