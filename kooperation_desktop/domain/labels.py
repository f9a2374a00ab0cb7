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
from typing import Any, NamedTuple

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

#: how a signature was given (``signatures.method``)
SIGNATURE_METHOD: dict[str, str] = {"screen": "am Bildschirm unterschrieben", "paper": "auf Papier unterschrieben"}

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

# the ten conditions of successful cooperation (seed part 3, a–j), rated in the joint reflection (3g):
# the seed's wording, a plain statement to rate 1–5, a few words for charts, and a suggestion what to
# agree on when the condition is rated low (used by kooperation_desktop.followup.reflection)


class ConditionTexts(NamedTuple):
    seed: str  # the seed's wording
    statement: str  # plain words, to rate 1–5
    short: str  # a few words, for charts
    suggestion: str  # what to agree on when it is rated low


REFLECTION_CONDITION: Mapping[str, ConditionTexts] = MappingProxyType({
    "a": ConditionTexts(
        "Einverständnis und Akzeptanz der Klientel",
        "Die Familie ist mit der Hilfe und mit der Zusammenarbeit einverstanden und trägt sie mit.",
        "Einverständnis",
        "Gemeinsam besprechen, womit die Familie einverstanden ist und womit nicht; die Einverständnisse "
        "prüfen und, wo nötig, neu festhalten oder widerrufen."),
    "b": ConditionTexts(
        "Formulierung eines gemeinsamen Zieles für die Kooperation unter Einbezug der Klientel",
        "Wir haben ein gemeinsames Ziel, das die Familie selbst mit formuliert hat.",
        "Gemeinsames Ziel",
        "Das Ziel in den Worten der Familie neu formulieren und in einer neuen Version der Vereinbarung "
        "festhalten."),
    "c": ConditionTexts(
        "Aufstellung gemeinsamer Indikatoren zur Zielerreichung unter Einbezug der Klientel",
        "Wir wissen gemeinsam, woran wir merken, dass wir dem Ziel näher kommen.",
        "Indikatoren",
        "Die Indikatoren gemeinsam durchgehen: Kann man sie beobachten? Sind die Stufen verständlich? "
        "Wenn nicht, gemeinsam neue festlegen."),
    "d": ConditionTexts(
        "Festlegung der Arbeitsteilung und Auftragsklärung",
        "Es ist klar, wer was bis wann tut und was der Auftrag des Jugendamts ist.",
        "Arbeitsteilung",
        "Aufgaben neu verteilen (wer, was, bis wann) und den Auftrag mit dem Jugendamt klären."),
    "e": ConditionTexts(
        "Vereinbarung gemeinsamer Kommunikations-, Rückmeldungs- und Berichtsstrukturen",
        "Wir informieren uns gegenseitig gut und rechtzeitig – bei Treffen, Rückmeldungen und Berichten.",
        "Kommunikation",
        "Treffen, Rückmeldewege und Berichte neu vereinbaren: wer informiert wen, wann und wie."),
    "f": ConditionTexts(
        "Gegenseitiges Wohlwollen der Kooperationspartner und Verzicht auf Konkurrenzsituation",
        "Wir begegnen uns mit Wohlwollen; niemand arbeitet gegen andere.",
        "Wohlwollen",
        "Spannungen offen ansprechen und Regeln für den Umgang miteinander vereinbaren, z. B. „erst "
        "miteinander reden, dann übereinander“."),
    "g": ConditionTexts(
        "Gemeinsame Reflexion der Kooperation",
        "Wir schauen regelmäßig gemeinsam darauf, wie unsere Zusammenarbeit läuft.",
        "Gemeinsame Reflexion",
        "Feste Termine für die gemeinsame Reflexion vereinbaren, z. B. bei jedem Hilfeplangespräch."),
    "h": ConditionTexts(
        "Gegenseitige Wertschätzung der Erfolge",
        "Erfolge werden gesehen und gewürdigt – auch kleine.",
        "Erfolge würdigen",
        "Jedes Treffen mit dem beginnen, was gelungen ist, und die Erfolge bei jeder Überprüfung "
        "festhalten."),
    "i": ConditionTexts(
        "Abbau von einseitigen Machtverhältnissen",
        "Die Stimme der Familie zählt genauso viel wie die der Fachleute.",
        "Stimme der Familie",
        "Die Familie zuerst sprechen lassen, Entscheidungen nur gemeinsam treffen und die eigenen "
        "Aufgaben und Bewertungen der Familie sichtbar machen."),
    "j": ConditionTexts(
        "Klare Vergabe und Reflexion von Rollen und Aufträgen in der kooperativen Arbeit",
        "Alle wissen, welche Rolle und welchen Auftrag sie in der Zusammenarbeit haben.",
        "Rollen und Aufträge",
        "Die Rollen und Aufträge aller Beteiligten gemeinsam durchgehen und neu festhalten."),
})

REFLECTION_CONDITION_EN: Mapping[str, ConditionTexts] = MappingProxyType({
    "a": ConditionTexts(
        "Consent and acceptance of the clients",
        "The family agrees to the help and to working together, and supports it.",
        "Consent",
        "Talk together about what the family agrees to and what it does not; check the consents and, where "
        "needed, record them again or withdraw them."),
    "b": ConditionTexts(
        "Setting a common goal for the cooperation together with the clients",
        "We have a common goal that the family helped to put into words.",
        "Common goal",
        "Put the goal into the family's own words again and record it in a new version of the agreement."),
    "c": ConditionTexts(
        "Setting common indicators of progress together with the clients",
        "Together we know how we can tell that we are getting closer to the goal.",
        "Indicators",
        "Go through the indicators together: Can they be observed? Are the levels easy to understand? "
        "If not, agree on new ones together."),
    "d": ConditionTexts(
        "Dividing the work and clarifying the mandate",
        "It is clear who does what by when, and what the youth office has asked for.",
        "Division of work",
        "Share out the tasks again (who, what, by when) and clarify the mandate with the youth office."),
    "e": ConditionTexts(
        "Agreeing on common ways of communicating, giving feedback and reporting",
        "We keep each other well informed and in good time – at meetings, in feedback and in reports.",
        "Communication",
        "Agree again on meetings, ways of giving feedback and reports: who informs whom, when and how."),
    "f": ConditionTexts(
        "Goodwill between the partners and no competing with each other",
        "We treat each other with goodwill; nobody works against the others.",
        "Goodwill",
        "Talk openly about tensions and agree on rules for how we treat each other, e.g. “talk to each "
        "other first, not about each other”."),
    "g": ConditionTexts(
        "Reflecting on the cooperation together",
        "We regularly look together at how our cooperation is going.",
        "Joint reflection",
        "Agree on fixed dates for the joint reflection, e.g. at every help plan meeting."),
    "h": ConditionTexts(
        "Valuing each other's successes",
        "Successes are noticed and valued – small ones too.",
        "Valuing successes",
        "Start every meeting with what has gone well, and record the successes at every review."),
    "i": ConditionTexts(
        "Reducing one-sided power",
        "The family's voice counts as much as the professionals' voice.",
        "Family's voice",
        "Let the family speak first, make decisions only together, and make the family's own tasks and "
        "ratings visible."),
    "j": ConditionTexts(
        "Clearly assigning and reflecting on roles and mandates in the joint work",
        "Everyone knows which role and which mandate they have in the cooperation.",
        "Roles and mandates",
        "Go through the roles and mandates of everyone involved together and record them again."),
})

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


def reflection_condition(key: str, language: str = "de") -> ConditionTexts:
    """The texts of condition ``key`` ("a" … "j") in ``language``; KeyError for an unknown key."""
    table = REFLECTION_CONDITION_EN if _language(language) == "en" else REFLECTION_CONDITION
    return table[key]


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


def counted(n: int, one: str, many: str) -> str:
    """A number with its noun in the right form: ``counted(1, "Fall", "Fälle")`` is „1 Fall“,
    ``counted(3, "Fall", "Fälle")`` „3 Fälle“ (never „1 Fälle“)."""
    return f"{n} {one if n == 1 else many}"


#: the German names of the kinds of stored rows (the Konfliktliste, the command line ``conflicts``)
TABLE_LABEL: Mapping[str, str] = MappingProxyType({
    "cases": "Fall", "persons": "Person", "partners": "Beteiligte Stelle", "consents": "Einwilligung",
    "agreements": "Vereinbarung", "goals": "Ziel", "indicators": "Merkmal", "roles": "Rolle",
    "tasks": "Aufgabe", "communication_rules": "Absprache", "reports": "Bericht an das Jugendamt",
    "signatures": "Unterschrift", "followup_reviews": "Überprüfung",
    "followup_review_ratings": "Einschätzung bei der Überprüfung", "followup_reflections": "Gemeinsame Reflexion",
    "followup_reflection_ratings": "Bewertung in der Reflexion", "followup_transition_plans": "Übergang",
    "followup_done": "Erledigter Schritt",
})

def _one_line(text: Any, limit: int = 50) -> str:
    """A text on one line, cut at ``limit`` characters (…)."""
    line = " ".join(str(text or "").split())
    return line if len(line) <= limit else line[:limit - 1].rstrip() + "…"


def _day(value: Any) -> str:
    return format_date(value) if isinstance(value, dt.date) else ""


def row_name(table: str, row: Mapping[str, Any] | None) -> str:
    """A stored row as the rest of the app names it (the Konfliktliste): „Person „Lotta Beispiel““,
    „Ziel „Regelmäßiger Schulbesuch““, „Aufgabe „…““, „Fall „Familie Weg“ (Az. 4711)“; the table's label
    alone when its values are unknown (or name nothing). ``row``: the row's columns, as stored."""
    label = TABLE_LABEL.get(table, table)
    if not row:
        return label
    text = {name: _one_line(value) for name, value in row.items() if isinstance(value, str)}
    name = ""
    if table == "persons":
        name = _one_line(" ".join(p for p in (text.get("first_name"), text.get("last_name")) if p))
    elif table == "partners":
        name = _one_line(", ".join(p for p in (text.get("name"), text.get("organisation")) if p))
    elif table == "goals":
        name = text.get("client_words") or text.get("professional_wording") or ""
    elif table in ("indicators", "roles"):
        name = text.get("description", "")
    elif table in ("tasks", "communication_rules"):
        name = text.get("what", "")
    elif table == "signatures":
        name = text.get("signer_name", "")
    elif table == "cases":
        name = text.get("title", "")
        if name and text.get("file_number"):
            return f"{label} „{name}“ (Az. {text['file_number']})"
    elif table == "agreements" and isinstance(row.get("version"), int):
        return f"{label} Version {row['version']}"
    elif table == "reports" and (_day(row.get("period_start")) or _day(row.get("period_end"))):
        return f"{label} ({_day(row.get('period_start'))} – {_day(row.get('period_end'))})"
    elif table in ("consents", "followup_reviews", "followup_reflections"):
        day = _day(row.get("given_on" if table == "consents" else "held_on"))
        return f"{label} vom {day}" if day else label
    return f"{label} „{name}“" if name else label


#: the German names of the stored fields a user reads (the Konfliktliste, the command line
#: ``conflicts``): every field of a row that travels between laptops, except bookkeeping (ids, uuids,
#: positions, hashes …) and references to other rows
FIELD_LABEL: Mapping[tuple[str, str], str] = MappingProxyType({
    ("cases", "title"): "Name des Falls",
    ("cases", "file_number"): "Aktenzeichen",
    ("cases", "help_type"): "Hilfeart",
    ("cases", "status"): "Stand des Falls",
    ("persons", "first_name"): "Vorname",
    ("persons", "last_name"): "Nachname",
    ("persons", "family_role"): "Rolle in der Familie",
    ("persons", "birth_date"): "Geburtsdatum",
    ("persons", "is_guardian"): "Personensorgeberechtigt",
    ("persons", "signs"): "Unterschreibt mit",
    ("partners", "kind"): "Art der Beteiligung",
    ("partners", "name"): "Name der beteiligten Stelle",
    ("partners", "organisation"): "Einrichtung",
    ("partners", "function"): "Funktion",
    ("partners", "contact"): "Kontakt",
    ("consents", "categories"): "Was weitergegeben werden darf",
    ("consents", "given_on"): "Erteilt am",
    ("consents", "form"): "Form der Einwilligung",
    ("consents", "text_version"): "Fassung des Einwilligungstexts",
    ("consents", "text"): "Text der Einwilligung",
    ("consents", "note"): "Vermerk",
    ("consents", "revoked_on"): "Widerrufen am",
    ("consents", "revocation_note"): "Vermerk zum Widerruf",
    ("agreements", "version"): "Version",
    ("agreements", "status"): "Stand der Vereinbarung",
    ("agreements", "title"): "Titel der Vereinbarung",
    ("agreements", "start_date"): "Beginn",
    ("agreements", "planned_end"): "Geplantes Ende",
    ("agreements", "next_review"): "Nächste Überprüfung",
    ("agreements", "mandate"): "Auftrag des Jugendamts",
    ("agreements", "goodwill"): "Umgang miteinander",
    ("agreements", "client_view"): "Sicht der Familie",
    ("agreements", "transition_offers"): "Angebote nach der Hilfe",
    ("agreements", "transition_partners"): "Wer danach bei der Familie bleibt",
    ("agreements", "transition_self"): "Was die Familie danach allein schafft",
    ("agreements", "language"): "Sprache der Vereinbarung",
    ("agreements", "family_language"): "Sprache der Familie",
    ("agreements", "finalised_at"): "Abgeschlossen am",
    ("goals", "client_words"): "Ziel in eigenen Worten",
    ("goals", "professional_wording"): "Ziel in fachlicher Formulierung",
    ("indicators", "description"): "Merkmal",
    ("indicators", "scale"): "Skala",
    ("indicators", "level_texts"): "Stufen",
    ("indicators", "baseline"): "Ausgangswert",
    ("indicators", "target"): "Zielwert",
    ("roles", "description"): "Rolle",
    ("tasks", "what"): "Aufgabe",
    ("tasks", "due_date"): "Bis wann",
    ("communication_rules", "kind"): "Art der Absprache",
    ("communication_rules", "what"): "Was",
    ("communication_rules", "who"): "Wer",
    ("communication_rules", "to_whom"): "An wen",
    ("communication_rules", "rhythm"): "Wie oft",
    ("communication_rules", "next_date"): "Nächster Termin",
    ("reports", "sections"): "Texte des Berichts",
    ("reports", "period_start"): "Berichtszeitraum von",
    ("reports", "period_end"): "Berichtszeitraum bis",
    ("reports", "status"): "Stand des Berichts",
    ("reports", "checked_by"): "Geprüft von",
    ("reports", "checked_on"): "Geprüft am",
    ("reports", "checked_how"): "Wie geprüft",
    ("reports", "copies"): "Verteiler",
    ("reports", "sent_to"): "Versendet an",
    ("reports", "sent_on"): "Versendet am",
    ("signatures", "signer_name"): "Name",
    ("signatures", "role"): "Rolle",
    ("signatures", "method"): "Art der Unterschrift",
    ("signatures", "place"): "Ort",
    ("signatures", "signed_at"): "Unterschrieben am",
    ("signatures", "signed_on"): "Unterschrieben am",
    ("signatures", "recorded_at"): "Erfasst am",
    ("signatures", "note"): "Vermerk",
    ("followup_reviews", "agreement_version"): "Version der Vereinbarung",
    ("followup_reviews", "held_on"): "Überprüfung am",
    ("followup_reviews", "present"): "Anwesend",
    ("followup_reviews", "successes"): "Erfolge",
    ("followup_reviews", "obstacles"): "Hindernisse",
    ("followup_reviews", "next_steps"): "Nächste Schritte",
    ("followup_review_ratings", "goal_title"): "Ziel",
    ("followup_review_ratings", "indicator_text"): "Merkmal",
    ("followup_review_ratings", "scale"): "Skala",
    ("followup_review_ratings", "level_texts"): "Stufen",
    ("followup_review_ratings", "baseline"): "Ausgangswert",
    ("followup_review_ratings", "target"): "Zielwert",
    ("followup_review_ratings", "client_value"): "Einschätzung der Familie",
    ("followup_review_ratings", "professional_value"): "Einschätzung der Fachkraft",
    ("followup_review_ratings", "note"): "Vermerk",
    ("followup_reflections", "held_on"): "Reflexion am",
    ("followup_reflections", "participants"): "Teilnehmende",
    ("followup_reflections", "note"): "Vermerk",
    ("followup_reflection_ratings", "condition"): "Bedingung der Zusammenarbeit",
    ("followup_reflection_ratings", "participant"): "Wer",
    ("followup_reflection_ratings", "value"): "Bewertung (1–5)",
    ("followup_reflection_ratings", "note"): "Vermerk",
    ("followup_transition_plans", "offers"): "Angebote nach der Hilfe",
    ("followup_transition_plans", "partners_kept"): "Wer danach bei der Familie bleibt",
    ("followup_transition_plans", "client_alone"): "Was die Familie danach allein schafft",
    ("followup_transition_plans", "agreed_on"): "Vereinbart am",
    ("followup_transition_plans", "note"): "Vermerk",
    ("followup_done", "done_on"): "Erledigt am",
})

#: the languages an agreement is printed in (``language``, ``family_language``), by their code
LANGUAGE_NAME: Mapping[str, str] = MappingProxyType({
    "de": "Deutsch", "en": "Englisch", "tr": "Türkisch", "ru": "Russisch", "ar": "Arabisch", "uk": "Ukrainisch",
    "pl": "Polnisch", "fa": "Persisch"})


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
