"""Rules of the report to the Jugendamt (Entwicklungsbericht): its status flow, freezing, what the
family's consent lets it contain, and which points are disputed.

Pure functions over domain objects; refusals raise :class:`~.rules.RuleViolation` (German).

Consent categories (§§ 64, 65 SGB VIII; the family decides what reaches the Jugendamt):

* what may go to the Jugendamt is the union of the categories of every consent that holds on the
  report's date and is the general consent (``partner_id`` None: the help and the cooperation of
  Jugendamt and Fachkraft) or names a youth-office partner of the case;
* a goal's wording and the tasks are contents of the agreement (:attr:`InfoCategory.AGREEMENT`);
* levels, T-scores and everything the reviews and reflections say are the course of the help
  (:attr:`InfoCategory.PROGRESS`) plus the category of the goal they belong to;
* a goal has no category in the agreement model: the report gives every goal one, by default
  :attr:`InfoCategory.PROGRESS`, :attr:`InfoCategory.HEALTH` when its wording speaks of health
  (:func:`suggest_goal_category`); the social worker may change it per report (stored with the
  report, ``goal_categories``);
* a free text (a success, a note, a next step) needs every category its words belong to
  (:func:`text_categories`: health words → health, school words → school).
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable

from .labels import label
from .model import Case, InfoCategory, PartnerKind, Problem
from .rules import RuleViolation


class ReportStatus(enum.StrEnum):
    DRAFT = "draft"  # Entwurf
    CHECKED = "checked"  # geprüft von der Teamleitung
    SENT = "sent"  # versendet (eingefroren)


REPORT_STATUS_LABEL: dict[ReportStatus, str] = {
    ReportStatus.DRAFT: "Entwurf",
    ReportStatus.CHECKED: "geprüft von der Teamleitung",
    ReportStatus.SENT: "versendet",
}

# who receives a copy (Verteiler), in print order
COPY_RECIPIENTS: dict[str, str] = {
    "professional": "Fachkraft",
    "parents": "Eltern / Personensorgeberechtigte",
    "file": "Akte",
    "youth_office": "Jugendamt",
}

CHECK_HOW: dict[str, str] = {"screen": "am Bildschirm", "paper": "auf Papier"}

# a difference of this many levels between the family's and the professional's rating is disputed
DISPUTE_LEVELS = 2

_DISAGREEMENT = re.compile(
    r"uneinig|uneins|nicht einig|keine einigung|strittig|umstritten|widersprech|widerspr[iu]ch|"
    r"sieht (?:das|es) anders|sehen (?:das|es) anders|anderer (?:meinung|ansicht)|dissens|nicht einverstanden",
    re.IGNORECASE,
)
_HEALTH = re.compile(
    r"gesundheit|\bärzt|\barzt|kinderarzt|klinik|krankenhaus|\bkrank|therap|medikament|tablette|diagnos|"
    r"psychiat|psycholog|\bsucht|alkohol|drogen|depress|\badhs|attest|\breha\b|schwanger|\bimpf",
    re.IGNORECASE,
)
_SCHOOL = re.compile(
    r"\bschul|\bschül|lehrer|lehrkraft|\bkita\b|kindergarten|ausbildung|\bklasse\b|unterricht|\bhort\b|"
    r"zeugnis|\bnoten\b",
    re.IGNORECASE,
)


# --- status and freezing -----------------------------------------------------------------------


def check_editable(status: ReportStatus) -> None:
    """A sent report is frozen: nothing of it changes any more."""
    if status == ReportStatus.SENT:
        raise RuleViolation(Problem("status", "Dieser Bericht ist versendet und eingefroren; er kann nicht mehr "
                                              "geändert werden. Für Änderungen bitte einen neuen Bericht anlegen."))


def status_after_edit(status: ReportStatus) -> ReportStatus:
    """Editing a checked report makes it a draft again (the team lead checks the new text)."""
    check_editable(status)
    return ReportStatus.DRAFT


def check_mark_checked(status: ReportStatus, name: str, on: dt.date | None, how: str) -> None:
    """draft → checked: the team lead's name and the date of the check (on screen or on paper)."""
    check_editable(status)
    problems = []
    if not name.strip():
        problems.append(Problem("checked_by", "Bitte den Namen der Teamleitung eintragen."))
    if on is None:
        problems.append(Problem("checked_on", "Bitte das Datum der Prüfung eintragen."))
    elif on > dt.date.today():
        problems.append(Problem("checked_on", "Das Datum der Prüfung darf nicht in der Zukunft liegen."))
    if how not in CHECK_HOW:
        problems.append(Problem("checked_how", "Bitte angeben, ob am Bildschirm oder auf Papier geprüft wurde."))
    if problems:
        raise RuleViolation(problems)


def check_mark_sent(status: ReportStatus, on: dt.date | None, to_whom: str, checked_on: dt.date | None) -> None:
    """checked → sent: only a report the team lead checked; the date and to whom it went."""
    check_editable(status)
    if status != ReportStatus.CHECKED:
        raise RuleViolation(Problem("status", "Der Bericht muss zuerst von der Teamleitung geprüft werden "
                                              "(„geprüft von Teamleitung“)."))
    problems = []
    if on is None:
        problems.append(Problem("sent_on", "Bitte das Versanddatum eintragen."))
    elif on > dt.date.today():
        problems.append(Problem("sent_on", "Das Versanddatum darf nicht in der Zukunft liegen."))
    elif checked_on is not None and on < checked_on:
        problems.append(Problem("sent_on", "Der Bericht kann nicht vor der Prüfung versendet worden sein."))
    if not to_whom.strip():
        problems.append(Problem("sent_to", "Bitte eintragen, an wen der Bericht ging."))
    if problems:
        raise RuleViolation(problems)


def check_period(start: dt.date | None, end: dt.date | None) -> None:
    if start is None or end is None:
        raise RuleViolation(Problem("period", "Bitte den Zeitraum des Berichts angeben (von, bis)."))
    if end < start:
        raise RuleViolation(Problem("period", "Das Ende des Berichtszeitraums liegt vor seinem Beginn."))


def check_copies(copies: Iterable[str]) -> list[str]:
    """The copy list in print order (unknown recipients refused)."""
    chosen = list(copies)
    unknown = [c for c in chosen if c not in COPY_RECIPIENTS]
    if unknown:
        raise RuleViolation(Problem("copies", f"Unbekannter Empfänger im Verteiler: {', '.join(unknown)}."))
    return [key for key in COPY_RECIPIENTS if key in chosen]


# --- consent ----------------------------------------------------------------------------------


def youth_office_categories(case: Case, on: dt.date) -> set[InfoCategory]:
    """The categories of information the family consented (as of ``on``) to share with the
    Jugendamt: the general consent and consents naming a youth-office partner."""
    offices = {p.id for p in case.partners if p.kind == PartnerKind.YOUTH_OFFICE}
    out: set[InfoCategory] = set()
    for c in case.consents:
        if c.person_id is None or not c.is_active(on):
            continue
        if c.partner_id is None or c.partner_id in offices:
            out.update(c.categories)
    return out


def text_categories(text: str) -> set[InfoCategory]:
    """The special categories a free text belongs to by its words (besides the course of the help)."""
    found: set[InfoCategory] = set()
    if _HEALTH.search(text):
        found.add(InfoCategory.HEALTH)
    if _SCHOOL.search(text):
        found.add(InfoCategory.SCHOOL)
    return found


def suggest_goal_category(client_words: str, professional_wording: str) -> InfoCategory:
    """A goal's default category: health when its wording speaks of health, else the course of the help."""
    return (InfoCategory.HEALTH if InfoCategory.HEALTH in text_categories(f"{client_words}\n{professional_wording}")
            else InfoCategory.PROGRESS)


def missing(needed: Iterable[InfoCategory], allowed: set[InfoCategory]) -> list[InfoCategory]:
    """The categories of ``needed`` the family did not consent to share (in catalogue order)."""
    need = set(needed)
    return [c for c in InfoCategory if c in need and c not in allowed]


def omission_reason(categories: Iterable[InfoCategory]) -> str:
    """„Gesundheit – keine Einwilligung zur Weitergabe an das Jugendamt“."""
    names = ", ".join(label(c) for c in categories)
    return f"{names} – keine Einwilligung zur Weitergabe an das Jugendamt"


# --- disputed points ----------------------------------------------------------------------------


def is_disputed(client_value: int | None, professional_value: int | None) -> bool:
    """The family's and the professional's ratings differ by two levels or more."""
    return (client_value is not None and professional_value is not None
            and abs(client_value - professional_value) >= DISPUTE_LEVELS)


def notes_disagreement(text: str) -> bool:
    """A review's note says the participants did not agree."""
    return bool(_DISAGREEMENT.search(text or ""))
