"""What changed between two versions of an agreement: goals, indicators, tasks, partners, roles,
communication rules and the agreement's own fields. Pure functions on domain objects.

Versions are copies (a new version copies every goal, task … with new ids), so items are paired
by content: first identical ones, then the same wording (title, description, what), then the same
place in the list; whatever is left over was added or removed. Persons and partners belong to the
case and keep their ids across versions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher
from typing import TypeVar

from ..domain import labels, rules
from ..domain.model import Agreement, Case, CommunicationRule, Goal, Indicator, Partner, ScaleKind, Task
from .model import Change

T = TypeVar("T")

ADDED, REMOVED, CHANGED = "hinzugefügt", "entfernt", "geändert"
MAX_TEXT = 90
SIMILAR = 0.6  # difflib ratio from which a reworded item counts as "changed"

_AGREEMENT_FIELDS: tuple[tuple[str, str], ...] = (
    ("title", "Titel"),
    ("start_date", "Beginn"),
    ("planned_end", "Geplantes Ende"),
    ("next_review", "Nächste Überprüfung"),
    ("mandate", "Auftrag des Jugendamts"),
    ("goodwill", "So arbeiten wir zusammen"),
    ("client_view", "Was die Familie dazu sagt"),
    ("transition_offers", "Anschlussangebote"),
    ("transition_partners", "Wer an der Seite der Familie bleibt"),
    ("transition_self", "Was die Familie dann selbst macht"),
)


def short(value: object) -> str:
    """A value as one short German line."""
    if value is None or value == "":
        return "–"
    if isinstance(value, dt.date):
        return labels.format_date(value)
    text = " ".join(str(value).split())
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


def pair(old: Sequence[T], new: Sequence[T], same: Callable[[T], object],
         keys: Sequence[Callable[[T], object]]) -> tuple[list[tuple[T, T]], list[T], list[T]]:
    """Pair items of two lists: identical (``same``) first, then each key in turn, then items
    whose first key's text is similar (reworded). Returns (pairs, removed, added); pairs include
    identical ones. A wholly different item is removed + added, not "changed"."""
    left, right = list(old), list(new)
    pairs: list[tuple[T, T]] = []
    for key in (same, *keys):
        for a in list(left):
            k = key(a)
            if k in (None, ""):
                continue
            b = next((b for b in right if key(b) == k), None)
            if b is not None:
                pairs.append((a, b))
                left.remove(a)
                right.remove(b)
    text = keys[0] if keys else same
    candidates = sorted(
        ((SequenceMatcher(None, str(text(a)), str(text(b))).ratio(), i, j)
         for i, a in enumerate(left) for j, b in enumerate(right)),
        key=lambda t: (-t[0], t[1], t[2]))
    used_l: set[int] = set()
    used_r: set[int] = set()
    for ratio, i, j in candidates:
        if ratio < SIMILAR or i in used_l or j in used_r:
            continue
        pairs.append((left[i], right[j]))
        used_l.add(i)
        used_r.add(j)
    return (pairs, [a for i, a in enumerate(left) if i not in used_l],
            [b for j, b in enumerate(right) if j not in used_r])


def _fields(a: object, b: object, names: Sequence[tuple[str, str]]) -> list[str]:
    return [f"{label}: {short(getattr(a, f))} → {short(getattr(b, f))}"
            for f, label in names if getattr(a, f) != getattr(b, f)]


def _goal_title(g: Goal) -> str:
    return short(g.title or "(ohne Text)")


def _indicator_same(i: Indicator) -> tuple[str, ScaleKind, tuple[str, ...], int | None, int | None]:
    return (i.description, i.scale, tuple(i.level_texts), i.baseline, i.target)


_INDICATOR_FIELDS = (("description", "Beschreibung"), ("baseline", "Ausgangswert"), ("target", "Ziel"))


def _indicator_changes(goal: str, old: Sequence[Indicator], new: Sequence[Indicator]) -> list[Change]:
    out: list[Change] = []
    pairs, removed, added = pair(sorted(old, key=lambda i: i.position), sorted(new, key=lambda i: i.position),
                                 _indicator_same, [lambda i: i.description])
    for a, b in pairs:
        if _indicator_same(a) == _indicator_same(b):
            continue
        details = _fields(a, b, _INDICATOR_FIELDS)
        if a.scale != b.scale:
            details.append(f"Skala: {labels.SCALE_KIND.get(a.scale, a.scale)} → "
                           f"{labels.SCALE_KIND.get(b.scale, b.scale)}")
        if list(a.level_texts) != list(b.level_texts):
            details.append("Beschreibung der Stufen geändert")
        out.append(Change("Indikatoren", CHANGED, f"{short(b.description)} (Ziel: {goal})", "; ".join(details)))
    out += [Change("Indikatoren", REMOVED, f"{short(i.description)} (Ziel: {goal})") for i in removed]
    out += [Change("Indikatoren", ADDED, f"{short(i.description)} (Ziel: {goal})") for i in added]
    return out


def _goal_changes(old: Agreement, new: Agreement) -> list[Change]:
    out: list[Change] = []

    def same(g: Goal) -> tuple[str, str, float]:
        return (g.client_words, g.professional_wording, g.weight)

    pairs, removed, added = pair(sorted(old.goals, key=lambda g: g.position),
                                 sorted(new.goals, key=lambda g: g.position),
                                 same, [lambda g: g.client_words, lambda g: g.professional_wording])
    for a, b in pairs:
        if same(a) != same(b):
            out.append(Change("Ziele", CHANGED, _goal_title(b), "; ".join(_fields(a, b, (
                ("client_words", "In den Worten der Familie"), ("professional_wording", "Fachlich"),
                ("weight", "Gewichtung"))))))
        out += _indicator_changes(_goal_title(b), a.indicators, b.indicators)
    for g in removed:
        out.append(Change("Ziele", REMOVED, _goal_title(g)))
        out += _indicator_changes(_goal_title(g), g.indicators, [])
    for g in added:
        out.append(Change("Ziele", ADDED, _goal_title(g)))
        out += _indicator_changes(_goal_title(g), [], g.indicators)
    return out


def _party_name(case: Case, person_id: int | None, partner_id: int | None) -> str:
    if person_id is not None:
        p = case.person(person_id)
        return p.display_name if p else "?"
    partner = case.partner(partner_id)
    return (partner.name.strip() or partner.organisation.strip()) if partner else "?"


def _task_changes(oc: Case, old: Agreement, nc: Case, new: Agreement) -> list[Change]:
    def who_old(t: Task) -> str:
        return _party_name(oc, t.person_id, t.partner_id)

    def who_new(t: Task) -> str:
        return _party_name(nc, t.person_id, t.partner_id)

    olds = sorted(old.tasks, key=lambda t: t.position)
    news = sorted(new.tasks, key=lambda t: t.position)
    # pair() takes one key function for both sides: wrap items with their party names
    wo = [(t, who_old(t)) for t in olds]
    wn = [(t, who_new(t)) for t in news]
    pairs, removed, added = pair(wo, wn, lambda x: (x[1], x[0].what, x[0].due_date), [lambda x: x[0].what])
    out: list[Change] = []
    for (a, wa), (b, wb) in pairs:
        details = []
        if wa != wb:
            details.append(f"Wer: {short(wa)} → {short(wb)}")
        details += _fields(a, b, (("what", "Was"),))
        if a.due_date != b.due_date:
            details.append(f"Bis wann: {labels.format_date(a.due_date, 'laufend')} → "
                           f"{labels.format_date(b.due_date, 'laufend')}")
        if details:
            out.append(Change("Aufgaben", CHANGED, f"{short(b.what)} ({short(wb)})", "; ".join(details)))
    out += [Change("Aufgaben", REMOVED, f"{short(t.what)} ({short(w)})") for t, w in removed]
    out += [Change("Aufgaben", ADDED, f"{short(t.what)} ({short(w)})") for t, w in added]
    return out


_PARTNER_FIELDS = (("name", "Name"), ("organisation", "Einrichtung"), ("function", "Funktion"),
                   ("contact", "Kontakt"), ("kind", "Art"))


def _partner_label(p: Partner) -> str:
    return short(p.display_name or "(ohne Namen)")


def _partner_changes(oc: Case, nc: Case) -> list[Change]:
    """Partners that are part of the agreement (with consent), by id."""
    old = {p.id: p for p in rules.consented_partners(oc)}
    new = {p.id: p for p in rules.consented_partners(nc)}
    out: list[Change] = []
    for pid, b in new.items():
        a = old.get(pid)
        if a is None:
            out.append(Change("Beteiligte", ADDED, _partner_label(b), labels.PARTNER_KIND.get(b.kind, "")))
        elif (details := _fields(a, b, _PARTNER_FIELDS)):
            out.append(Change("Beteiligte", CHANGED, _partner_label(b), "; ".join(details)))
    for pid, a in old.items():
        if pid not in new:
            out.append(Change("Beteiligte", REMOVED, _partner_label(a), labels.PARTNER_KIND.get(a.kind, "")))
    old_people = {p.id: p for p in oc.persons}
    new_people = {p.id: p for p in nc.persons}
    for pid, now in new_people.items():
        was = old_people.get(pid)
        if was is None:
            out.append(Change("Beteiligte", ADDED, short(now.display_name), short(now.family_role)))
        elif (details := _fields(was, now, (("first_name", "Vorname"), ("last_name", "Nachname"),
                                            ("family_role", "Rolle in der Familie"),
                                            ("is_guardian", "personensorgeberechtigt")))):
            out.append(Change("Beteiligte", CHANGED, short(now.display_name), "; ".join(details)))
    for pid, was in old_people.items():
        if pid not in new_people:
            out.append(Change("Beteiligte", REMOVED, short(was.display_name), short(was.family_role)))
    return out


def _role_changes(oc: Case, old: Agreement, nc: Case, new: Agreement) -> list[Change]:
    def by_party(case: Case, a: Agreement) -> dict[str, str]:
        out: dict[str, str] = {}
        for r in a.roles:
            out[_party_name(case, r.person_id, r.partner_id)] = r.description
        return out

    o, n = by_party(oc, old), by_party(nc, new)
    out: list[Change] = []
    for who, desc in n.items():
        if who not in o:
            out.append(Change("Rollen", ADDED, short(who), short(desc)))
        elif o[who] != desc:
            out.append(Change("Rollen", CHANGED, short(who), f"{short(o[who])} → {short(desc)}"))
    out += [Change("Rollen", REMOVED, short(who), short(desc)) for who, desc in o.items() if who not in n]
    return out


def _comm_changes(old: Agreement, new: Agreement) -> list[Change]:
    fields = (("what", "Was"), ("who", "Wer"), ("to_whom", "An wen"), ("rhythm", "Wie oft"),
              ("next_date", "Nächster Termin"))

    def same(r: CommunicationRule) -> tuple[object, ...]:
        return tuple(getattr(r, f) for f, _ in fields) + (r.kind,)

    def title(r: CommunicationRule) -> str:
        return f"{labels.COMMUNICATION_KIND.get(r.kind, r.kind)}: {short(r.what)}"

    pairs, removed, added = pair(sorted(old.communication, key=lambda r: r.position),
                                 sorted(new.communication, key=lambda r: r.position), same, [lambda r: r.what])
    out = [Change("Treffen und Berichte", CHANGED, title(b), "; ".join(_fields(a, b, fields)))
           for a, b in pairs if same(a) != same(b)]
    out += [Change("Treffen und Berichte", REMOVED, title(r)) for r in removed]
    out += [Change("Treffen und Berichte", ADDED, title(r)) for r in added]
    return out


def compare(old: tuple[Case, Agreement], new: tuple[Case, Agreement]) -> list[Change]:
    """Every difference from ``old`` to ``new`` (each a (case, agreement) as printed), grouped
    in the order of the PDF: parties, goals and indicators, roles, tasks, meetings, the rest."""
    (oc, oa), (nc, na) = old, new
    out = _partner_changes(oc, nc)
    out += _goal_changes(oa, na)
    out += _role_changes(oc, oa, nc, na)
    out += _task_changes(oc, oa, nc, na)
    out += _comm_changes(oa, na)
    for line in _fields(oa, na, _AGREEMENT_FIELDS):
        label, _, detail = line.partition(": ")
        out.append(Change("Vereinbarung", CHANGED, label, detail))
    return out
