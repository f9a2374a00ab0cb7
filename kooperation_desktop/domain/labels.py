"""The one label catalogue: the words a user reads for the domain's enums (and the wizard's
steps), in German and English, and a date format helper.

:func:`label` is what UI, PDF and CLI call: ``label(PartnerKind.YOUTH_OFFICE, "en")``. The UI passes
its own language, the PDF the agreement's language, the CLI German. The German tables keep their
names (``PARTNER_KIND`` …); a label missing in English falls back to German. Dates stay TT.MM.JJJJ
in both languages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from enum import Enum
from types import MappingProxyType
from typing import Any

from .model import AgreementStatus, CaseStatus, CommunicationKind, ConsentForm, InfoCategory, PartnerKind, ScaleKind
from .wizard import Step, step_info

PARTNER_KIND: dict[PartnerKind, str] = {
    PartnerKind.YOUTH_OFFICE: "Jugendamt (beauftragend)",
    PartnerKind.PROFESSIONAL: "Fachkraft (hilfeerbringend)",
    PartnerKind.RESOURCE_INFORMAL: "Ressource im Umfeld der Familie",
    PartnerKind.RESOURCE_PROFESSIONAL: "Professionelle Ressource im Sozialraum",
}

CONSENT_FORM: dict[ConsentForm, str] = {
    ConsentForm.WRITTEN: "schriftlich",
    ConsentForm.ORAL: "mündlich",
    ConsentForm.ON_SCREEN: "am Bildschirm bestätigt",
}

INFO_CATEGORY: dict[InfoCategory, str] = {
    InfoCategory.CONTACT: "Name und Kontaktdaten",
    InfoCategory.AGREEMENT: "Inhalte dieser Vereinbarung (Ziele, Aufgaben, Termine)",
    InfoCategory.PROGRESS: "Verlauf und Entwicklung der Hilfe",
    InfoCategory.SCHOOL: "Schule, Kita, Ausbildung",
    InfoCategory.HEALTH: "Gesundheit",
}

AGREEMENT_STATUS: dict[AgreementStatus, str] = {
    AgreementStatus.DRAFT: "Entwurf",
    AgreementStatus.FINAL: "abgeschlossen",
    AgreementStatus.SIGNED: "unterschrieben",
    AgreementStatus.SUPERSEDED: "ersetzt",
    AgreementStatus.ENDED: "beendet",
}

CASE_STATUS: dict[CaseStatus, str] = {
    CaseStatus.OPEN: "laufend",
    CaseStatus.CLOSED: "abgeschlossen",
}

SCALE_KIND: dict[ScaleKind, str] = {
    ScaleKind.GAS: "Zielerreichungsskala −2 bis +2",
    ScaleKind.SCALE_0_10: "Skala 0 bis 10",
}

GAS_LEVEL_NAMES: dict[int, str] = {
    -2: "−2  viel weniger als erwartet",
    -1: "−1  weniger als erwartet",
    0: "0  erwartetes Ergebnis",
    1: "+1  mehr als erwartet",
    2: "+2  viel mehr als erwartet",
}

COMMUNICATION_KIND: dict[CommunicationKind, str] = {
    CommunicationKind.MEETING: "Treffen / Gespräch",
    CommunicationKind.FEEDBACK: "Rückmeldung",
    CommunicationKind.REPORT: "Bericht",
    CommunicationKind.CONTACT: "Ansprechperson",
}

# --- English ------------------------------------------------------------------------------------

PARTNER_KIND_EN: Mapping[PartnerKind, str] = MappingProxyType({
    PartnerKind.YOUTH_OFFICE: "Youth office (commissioning)",
    PartnerKind.PROFESSIONAL: "Social worker (delivering the help)",
    PartnerKind.RESOURCE_INFORMAL: "Helper around the family",
    PartnerKind.RESOURCE_PROFESSIONAL: "Professional service in the community",
})

CONSENT_FORM_EN: Mapping[ConsentForm, str] = MappingProxyType({
    ConsentForm.WRITTEN: "in writing",
    ConsentForm.ORAL: "orally",
    ConsentForm.ON_SCREEN: "confirmed on screen",
})

INFO_CATEGORY_EN: Mapping[InfoCategory, str] = MappingProxyType({
    InfoCategory.CONTACT: "Name and contact details",
    InfoCategory.AGREEMENT: "Contents of this agreement (goals, tasks, dates)",
    InfoCategory.PROGRESS: "Course and progress of the help",
    InfoCategory.SCHOOL: "School, nursery, training",
    InfoCategory.HEALTH: "Health",
})

AGREEMENT_STATUS_EN: Mapping[AgreementStatus, str] = MappingProxyType({
    AgreementStatus.DRAFT: "draft",
    AgreementStatus.FINAL: "finalised",
    AgreementStatus.SIGNED: "signed",
    AgreementStatus.SUPERSEDED: "replaced",
    AgreementStatus.ENDED: "ended",
})

CASE_STATUS_EN: Mapping[CaseStatus, str] = MappingProxyType({
    CaseStatus.OPEN: "open",
    CaseStatus.CLOSED: "closed",
})

SCALE_KIND_EN: Mapping[ScaleKind, str] = MappingProxyType({
    ScaleKind.GAS: "Goal attainment scale −2 to +2",
    ScaleKind.SCALE_0_10: "Scale 0 to 10",
})

GAS_LEVEL_NAMES_EN: Mapping[int, str] = MappingProxyType({
    -2: "−2  much less than expected",
    -1: "−1  less than expected",
    0: "0  expected outcome",
    1: "+1  more than expected",
    2: "+2  much more than expected",
})

COMMUNICATION_KIND_EN: Mapping[CommunicationKind, str] = MappingProxyType({
    CommunicationKind.MEETING: "Meeting / talk",
    CommunicationKind.FEEDBACK: "Feedback",
    CommunicationKind.REPORT: "Report",
    CommunicationKind.CONTACT: "Contact person",
})

# the wizard's steps: (title, subtitle); German in domain/wizard.py (STEPS)
STEP_EN: Mapping[Step, tuple[str, str]] = MappingProxyType({
    Step.PARTICIPANTS: ("Participants",
                        "Who belongs to the family, who already helps? First the people around the family, then "
                        "the youth office, the social worker and other services."),
    Step.CONSENT: ("Consent", "Does the family agree to the help? Whom may we work with and what may we pass on?"),
    Step.GOALS: ("Goals", "What do we want to achieve together? In the family's own words and in professional "
                          "wording."),
    Step.INDICATORS: ("Indicators", "How do we notice that a goal has been reached? What can be observed?"),
    Step.TASKS: ("Tasks & roles", "Who does what by when? Who has which role, and what is the youth office's "
                                  "mandate?"),
    Step.COMMUNICATION: ("Communication & reports",
                         "When do we meet, who gives feedback to whom, who writes which report?"),
    Step.TIMEFRAME: ("Time frame & transition",
                     "How long does the help last? What comes after, who stays with the family?"),
    Step.OVERVIEW: ("Overview", "What is still missing? Finalise the agreement and save it as a PDF."),
})

# a family member's role on a signature line or in the list of parties
FAMILY: Mapping[str, str] = MappingProxyType({"de": "Familie", "en": "Family"})
GUARDIAN: Mapping[str, str] = MappingProxyType({"de": "personensorgeberechtigt", "en": "with parental responsibility"})
SIGNS_ALONG: Mapping[str, str] = MappingProxyType({"de": "unterschreibt mit", "en": "co-signs"})

LANGUAGES = ("de", "en")

# enum class -> language -> table
_CATALOGUE: Mapping[type[Enum], Mapping[str, Mapping[Any, str]]] = MappingProxyType({
    PartnerKind: MappingProxyType({"de": PARTNER_KIND, "en": PARTNER_KIND_EN}),
    ConsentForm: MappingProxyType({"de": CONSENT_FORM, "en": CONSENT_FORM_EN}),
    InfoCategory: MappingProxyType({"de": INFO_CATEGORY, "en": INFO_CATEGORY_EN}),
    AgreementStatus: MappingProxyType({"de": AGREEMENT_STATUS, "en": AGREEMENT_STATUS_EN}),
    CaseStatus: MappingProxyType({"de": CASE_STATUS, "en": CASE_STATUS_EN}),
    ScaleKind: MappingProxyType({"de": SCALE_KIND, "en": SCALE_KIND_EN}),
    CommunicationKind: MappingProxyType({"de": COMMUNICATION_KIND, "en": COMMUNICATION_KIND_EN}),
})


def _language(language: str) -> str:
    return language if language in LANGUAGES else "de"


def label(value: Enum, language: str = "de", default: str | None = None) -> str:
    """The word a user reads for ``value`` (one of the domain's enums) in ``language`` ("de"/"en");
    ``default`` (else the raw value) for a value the catalogue does not know."""
    tables = _CATALOGUE.get(type(value))
    if tables is None:
        return str(value.value) if default is None else default
    text = tables[_language(language)].get(value) or tables["de"].get(value)
    if text is None:
        return str(value.value) if default is None else default
    return text


def gas_level(level: int, language: str = "de") -> str:
    """A goal attainment level with its meaning ("+1  mehr als erwartet")."""
    table = GAS_LEVEL_NAMES_EN if _language(language) == "en" else GAS_LEVEL_NAMES
    return table.get(level, str(level))


def step_texts(step: Step, language: str = "de") -> tuple[str, str]:
    """A wizard step's (title, subtitle) in ``language``."""
    if _language(language) == "en":
        return STEP_EN[step]
    info = step_info(step)
    return info.title, info.subtitle


def person_role(family_role: str, is_guardian: bool, language: str = "de", *, signs_along: bool = False) -> str:
    """A family member's role as printed: "Mutter, personensorgeberechtigt" ("Familie" when no role
    is typed; a child who signs: "…, unterschreibt mit"); the typed role stays as typed."""
    lang = _language(language)
    parts = [family_role.strip() or FAMILY[lang]]
    if is_guardian:
        parts.append(GUARDIAN[lang])
    if signs_along:
        parts.append(SIGNS_ALONG[lang])
    return ", ".join(parts)


DATE_FORMAT = "%d.%m.%Y"


def format_date(value: dt.date | None, empty: str = "") -> str:
    """A date as TT.MM.JJJJ (``empty`` when None)."""
    return value.strftime(DATE_FORMAT) if value else empty


def parse_date(text: str) -> dt.date:
    """Parse TT.MM.JJJJ (also T.M.JJJJ); raises ValueError with a German message."""
    text = text.strip()
    try:
        day, month, year = (int(p) for p in text.split("."))
        if year < 1900 or year > 2200:
            raise ValueError
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(
            f"„{text}“ ist kein gültiges Datum. Bitte als TT.MM.JJJJ eingeben, z. B. 01.03.2027."
        ) from None
