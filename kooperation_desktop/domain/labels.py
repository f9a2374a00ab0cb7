"""German labels (user-facing words) for the domain's enums and a date format helper."""

from __future__ import annotations

import datetime as dt

from .model import (
    AgreementStatus,
    CaseStatus,
    CommunicationKind,
    ConsentForm,
    InfoCategory,
    PartnerKind,
    ScaleKind,
)

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
