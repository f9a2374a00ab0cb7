"""Domain model of Kooperation Desktop: plain dataclasses and enums, no Qt, no SQL.

Every entity carries its own ``id`` (``None`` until stored) and the id of its parent, so the
service layer can save one entity at a time (one short transaction per edit). Lists of children
are filled when an aggregate (a case, an agreement) is loaded; saving an entity never saves its
children implicitly.

German labels for enum values live in :mod:`kooperation_desktop.domain.labels`.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field


class PartnerKind(enum.StrEnum):
    """Who a partner is, along the three axes of seed part 2."""

    YOUTH_OFFICE = "youth_office"  # Jugendamt (beauftragend)
    PROFESSIONAL = "professional"  # Fachkraft (hilfeerbringend)
    RESOURCE_INFORMAL = "resource_informal"  # relatives, neighbours, club ...
    RESOURCE_PROFESSIONAL = "resource_professional"  # school, Kita, doctor, counselling ...

    @property
    def is_resource(self) -> bool:
        return self in (PartnerKind.RESOURCE_INFORMAL, PartnerKind.RESOURCE_PROFESSIONAL)


class ConsentForm(enum.StrEnum):
    WRITTEN = "written"  # schriftlich
    ORAL = "oral"  # mündlich
    ON_SCREEN = "on_screen"  # am Bildschirm bestätigt


class InfoCategory(enum.StrEnum):
    """Categories of information a consent may cover (Schweigepflichtentbindung)."""

    CONTACT = "contact"  # Name und Kontaktdaten
    AGREEMENT = "agreement"  # Inhalte der Kooperationsvereinbarung (Ziele, Aufgaben, Termine)
    PROGRESS = "progress"  # Verlauf und Entwicklung der Hilfe
    SCHOOL = "school"  # Schule, Kita, Ausbildung
    HEALTH = "health"  # Gesundheit


class AgreementStatus(enum.StrEnum):
    DRAFT = "draft"  # Entwurf
    FINAL = "final"  # abgeschlossen (eingefroren)
    SIGNED = "signed"  # unterschrieben (issue: signatures)
    SUPERSEDED = "superseded"  # durch neuere Version ersetzt
    ENDED = "ended"  # beendet


class ScaleKind(enum.StrEnum):
    GAS = "gas"  # Goal Attainment Scaling -2 ... +2, a described level each
    SCALE_0_10 = "scale_0_10"  # scaling question 0 ... 10


class CommunicationKind(enum.StrEnum):
    MEETING = "meeting"  # Treffen, Hilfeplangespräch
    FEEDBACK = "feedback"  # Rückmeldung
    REPORT = "report"  # Bericht
    CONTACT = "contact"  # Ansprechperson


class CaseStatus(enum.StrEnum):
    OPEN = "open"
    CLOSED = "closed"


GAS_LEVELS: tuple[int, ...] = (-2, -1, 0, 1, 2)

# languages an agreement's PDF can be printed in (Agreement.language); German first and default
AGREEMENT_LANGUAGES: tuple[str, ...] = ("de", "en")

# languages of the family's copy (Agreement.family_language): the fixed texts the family reads are
# printed in German and in this language (resources/family_texts/<code>.json); None: German only
FAMILY_LANGUAGES: tuple[str, ...] = ("tr", "ru", "ar", "uk", "pl", "fa", "en")


@dataclass(slots=True)
class Person:
    """A member of the client system (Klient, Klientensystem)."""

    case_id: int | None = None
    first_name: str = ""
    last_name: str = ""
    family_role: str = ""  # e.g. "Mutter", "Sohn"
    birth_date: dt.date | None = None
    is_guardian: bool = False  # personensorgeberechtigt
    # signs the agreement (a signature line in the PDF, a place in the signing dialog); None: as
    # decided by rules.family_signers (custody or a task); children who sign "unterschreiben mit"
    signs: bool | None = None
    id: int | None = None
    row_version: int | None = None  # the stored row's version counter when loaded (None: not stored)

    @property
    def display_name(self) -> str:
        return " ".join(p for p in (self.first_name.strip(), self.last_name.strip()) if p)


@dataclass(slots=True)
class Partner:
    """A cooperation partner: youth office, professional, or a resource in the social space."""

    case_id: int | None = None
    kind: PartnerKind = PartnerKind.RESOURCE_INFORMAL
    name: str = ""  # the person's name
    organisation: str = ""  # e.g. "Jugendamt Musterstadt", "Grundschule am Park"
    function: str = ""  # e.g. "Fallführung ASD", "Klassenlehrerin", "Oma"
    contact: str = ""  # phone / e-mail / address as typed
    id: int | None = None
    row_version: int | None = None  # the stored row's version counter when loaded (None: not stored)

    @property
    def display_name(self) -> str:
        parts = [p for p in (self.name.strip(), self.organisation.strip()) if p]
        return ", ".join(parts)


@dataclass(slots=True)
class Consent:
    """A recorded consent (Einverständnis / Schweigepflichtentbindung), provable (GDPR Art. 7).

    ``partner_id is None`` is the general consent of the client to the help and to the cooperation
    between youth office and professional. A consent for a resource names that partner.
    """

    case_id: int | None = None
    person_id: int | None = None  # who consented
    partner_id: int | None = None  # to which partner; None = general consent
    categories: list[InfoCategory] = field(default_factory=list)
    given_on: dt.date | None = None
    form: ConsentForm = ConsentForm.ORAL
    text_version: str = ""  # version of the consent text shown
    text: str = ""  # the exact text shown / read out
    note: str = ""
    revoked_on: dt.date | None = None
    revocation_note: str = ""
    id: int | None = None
    row_version: int | None = None  # the stored row's version counter when loaded (None: not stored)

    def is_active(self, on: dt.date | None = None) -> bool:
        """True when given (on or before ``on``) and not revoked (on or before ``on``)."""
        on = on or dt.date.today()
        if self.given_on is None or self.given_on > on:
            return False
        return self.revoked_on is None or self.revoked_on > on


@dataclass(slots=True)
class Indicator:
    """An observable indicator of goal attainment, with a scale and a baseline."""

    goal_id: int | None = None
    position: int = 0
    description: str = ""  # what one can observe
    scale: ScaleKind = ScaleKind.GAS
    # GAS: one text per level -2..+2 (index 0 = -2). Ignored for SCALE_0_10.
    level_texts: list[str] = field(default_factory=lambda: ["", "", "", "", ""])
    baseline: int | None = None  # GAS -2..+2 or 0..10
    target: int | None = None  # GAS usually 0 (expected level) or 0..10
    id: int | None = None
    row_version: int | None = None  # the stored row's version counter when loaded (None: not stored)

    def level_text(self, level: int) -> str:
        return self.level_texts[level + 2]


@dataclass(slots=True)
class Goal:
    """A common goal: the client's own words beside the professional wording."""

    agreement_id: int | None = None
    position: int = 0
    client_words: str = ""  # in den Worten der Familie
    professional_wording: str = ""  # fachliche Formulierung
    weight: float = 1.0  # GAS weight
    indicators: list[Indicator] = field(default_factory=list)
    id: int | None = None
    row_version: int | None = None  # the stored row's version counter when loaded (None: not stored)

    @property
    def title(self) -> str:
        return (self.client_words.strip() or self.professional_wording.strip())


@dataclass(slots=True)
class Role:
    """The role (and mandate) of one party in the cooperation (3j).

    Exactly one of ``person_id`` (a family member) and ``partner_id`` is set.
    """

    agreement_id: int | None = None
    person_id: int | None = None
    partner_id: int | None = None
    description: str = ""
    id: int | None = None
    row_version: int | None = None  # the stored row's version counter when loaded (None: not stored)


@dataclass(slots=True)
class Task:
    """Division of labour (3d): who does what until when.

    Exactly one of ``person_id`` (a family member: the client's own tasks, 3i) and ``partner_id``.
    """

    agreement_id: int | None = None
    position: int = 0
    person_id: int | None = None
    partner_id: int | None = None
    what: str = ""
    due_date: dt.date | None = None  # None = laufend
    goal_id: int | None = None  # optional: the goal the task serves
    id: int | None = None
    row_version: int | None = None  # the stored row's version counter when loaded (None: not stored)


@dataclass(slots=True)
class CommunicationRule:
    """Communication, feedback and reporting structures (3e)."""

    agreement_id: int | None = None
    position: int = 0
    kind: CommunicationKind = CommunicationKind.MEETING
    what: str = ""  # e.g. "Gemeinsames Treffen in der Wohnung der Familie"
    who: str = ""  # participants / author (free text)
    to_whom: str = ""  # reports: addressee
    rhythm: str = ""  # e.g. "alle zwei Wochen"
    next_date: dt.date | None = None
    id: int | None = None
    row_version: int | None = None  # the stored row's version counter when loaded (None: not stored)


@dataclass(slots=True)
class Agreement:
    """One version of a cooperation agreement (Kooperationsvereinbarung)."""

    case_id: int | None = None
    version: int = 1
    status: AgreementStatus = AgreementStatus.DRAFT
    document_id: str = ""  # stable across versions, e.g. "KV-2026-7F3A9C"
    title: str = "Kooperationsvereinbarung"
    start_date: dt.date | None = None
    planned_end: dt.date | None = None
    next_review: dt.date | None = None  # next Hilfeplangespräch / Überprüfung
    mandate: str = ""  # Auftrag des Jugendamts (3d)
    goodwill: str = ""  # agreed text on goodwill / no competition (3f)
    client_view: str = ""  # the family's own view in their words (3i)
    transition_offers: str = ""  # Anschlussangebote (4)
    transition_partners: str = ""  # partners the client keeps (4)
    transition_self: str = ""  # what the client will do on their own (4)
    language: str = "de"  # language of the PDF: "de" (default) or "en" (AGREEMENT_LANGUAGES)
    family_language: str | None = None  # the family's copy also in this language (FAMILY_LANGUAGES)
    wizard_step: str = ""  # where the wizard was left (resume)
    created_at: dt.datetime | None = None
    finalised_at: dt.datetime | None = None
    content_hash: str = ""  # SHA-256 of the canonical content, set when finalised
    predecessor_id: int | None = None
    goals: list[Goal] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    communication: list[CommunicationRule] = field(default_factory=list)
    id: int | None = None
    row_version: int | None = None  # the stored row's version counter when loaded (None: not stored)

    @property
    def is_editable(self) -> bool:
        return self.status == AgreementStatus.DRAFT


@dataclass(slots=True)
class AgreementSummary:
    id: int
    version: int
    status: AgreementStatus
    document_id: str
    created_at: dt.datetime | None
    finalised_at: dt.datetime | None
    content_hash: str


@dataclass(slots=True)
class Case:
    """A case (Fall / Hilfe): one help for one client system."""

    title: str = ""  # e.g. "Familie Çelik"
    file_number: str = ""  # Aktenzeichen
    help_type: str = ""  # e.g. "§ 31 SGB VIII – Sozialpädagogische Familienhilfe"
    status: CaseStatus = CaseStatus.OPEN
    created_at: dt.datetime | None = None
    persons: list[Person] = field(default_factory=list)
    partners: list[Partner] = field(default_factory=list)
    consents: list[Consent] = field(default_factory=list)
    agreements: list[AgreementSummary] = field(default_factory=list)
    id: int | None = None
    row_version: int | None = None  # the stored row's version counter when loaded (None: not stored)

    def person(self, person_id: int | None) -> Person | None:
        return next((p for p in self.persons if p.id == person_id), None)

    def partner(self, partner_id: int | None) -> Partner | None:
        return next((p for p in self.partners if p.id == partner_id), None)


@dataclass(slots=True)
class CaseSummary:
    """One row of the case list."""

    id: int
    title: str
    file_number: str
    help_type: str
    status: CaseStatus
    person_names: str  # "Ağrı Çelik, Şükrü Çelik" for display and filter
    latest_status: AgreementStatus | None
    latest_version: int | None
    updated_at: dt.datetime | None


@dataclass(frozen=True, slots=True)
class Problem:
    """A German message about something missing or wrong, tied to a field where possible.

    ``field`` is a dotted key the UI can map to a widget, e.g. ``"goals[0].indicators"``,
    ``"planned_end"``, ``"person.first_name"``.
    """

    field: str
    message: str
    blocking: bool = True


def require_id(ident: int | None) -> int:
    """The id of an entity that has one: stored (the services set it on every save and load) or
    read from a case file whose numbers were checked. ``None`` here is a programming error."""
    if ident is None:
        raise ValueError("entity without an id where one is required (not stored yet?)")
    return ident
