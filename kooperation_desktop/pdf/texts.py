"""The fixed phrases of the agreement PDF (family summary and full text) in its language.

An agreement is printed in its own language (:attr:`Agreement.language`): German (``"de"``, the
default) or English (``"en"``). Only the fixed phrases change — headings, labels, status words,
"Seite x von y", the shipped consent and goodwill texts; what the user typed prints as typed.
Dates stay ``TT.MM.JJJJ`` (DD.MM.YYYY) in both languages, so the English copy shows the same dates
as the German one the youth office keeps.

The German phrase is the key (the code stays readable in German, the language of the product);
:data:`ENGLISH` holds its English wording. ``tests/test_pdf_language.py`` checks that every phrase
used in the agreement PDF (``render.py``, ``summary.py``, ``page.py``, ``parts/``) has one. A phrase
without a translation prints in German (never an error while printing). The enums' words (partner
kinds, consent forms, status …) come from the one label catalogue, :mod:`kooperation_desktop.domain.labels`
(:meth:`Texts.label`).

The closing report and review PDFs (``review.py``) are German only.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from kooperation_desktop import assets
from kooperation_desktop.domain import labels
from kooperation_desktop.domain.model import AGREEMENT_LANGUAGES, Agreement

__all__ = ["EARLIER_VERSIONS", "ENGLISH", "LANGUAGE_NAMES", "Phrase", "Texts", "apply_language", "consent_text",
           "fixed_text", "goodwill_text", "language_of"]

# what the language is called in its own language (the wizard's choice shows these)
LANGUAGE_NAMES: dict[str, str] = {"de": "Deutsch", "en": "English"}

# the language tag of the PDF (document catalogue /Lang)
PDF_LANG: dict[str, str] = {"de": "de-DE", "en": "en-GB"}

ENGLISH: dict[str, str] = {
    # --- full text: head ---------------------------------------------------------------
    "Kooperationsvereinbarung": "Cooperation agreement",
    "ENTWURF": "DRAFT",
    "Diese Fassung ist noch nicht abgeschlossen. Sie gilt erst, wenn sie abgeschlossen und unterschrieben ist.":
        "This version is not finalised yet. It applies only once it has been finalised and signed.",
    "ENTWURF – noch nicht abgeschlossen": "DRAFT – not finalised yet",
    "Ausdruck vom": "Printed on",
    "Abgeschlossen am": "Finalised on",
    "Datum": "Date",
    "Es gibt eine neuere Version. Diese Version gilt nicht mehr.":
        "There is a newer version. This version no longer applies.",
    "Dokument-Nr.": "Document no.",
    "Version": "Version",
    "Stand": "Status",
    "Aktenzeichen": "File number",
    "Hilfeart": "Type of help",
    "Hier schreiben wir auf: Welche Ziele wollen wir gemeinsam erreichen? Woran merken wir, dass es vorangeht? "
    "Wer tut was dafür?":
        "Here we write down: Which goals do we want to reach together? How do we notice that things are moving "
        "forward? Who does what to get there?",
    # --- parties -----------------------------------------------------------------------
    "Wer an dieser Vereinbarung beteiligt ist": "Who is part of this agreement",
    "Familie": "Family",
    "Jugendamt (beauftragend)": "Youth office (commissioning the help)",
    "Fachkraft (hilfeerbringend)": "Social worker (providing the help)",
    "Ressourcen im Umfeld der Familie": "Support from the family's own circle",
    "Professionelle Ressourcen im Sozialraum": "Professional support in the neighbourhood",
    "Name": "Name",
    "Rolle in der Zusammenarbeit": "Role in the cooperation",
    "Rolle noch nicht beschrieben": "Role not described yet",
    "(ohne Namen)": "(no name)",
    # --- consent -----------------------------------------------------------------------
    "Einverständnis der Familie": "The family's consent",
    "Hier fehlt noch das Ja der Familie zur Hilfe und zur Zusammenarbeit.":
        "The family's yes to the help and to the cooperation is still missing here.",
    "Die Familie ist mit der Hilfe einverstanden. Die Fachkraft arbeitet dafür mit dem Jugendamt zusammen. "
    "Mit anderen Menschen und Stellen spricht sie nur, wenn die Familie Ja gesagt hat. Sie gibt ihnen nur das "
    "weiter, was hier steht. Die Familie sagt freiwillig Ja. Sie kann ihr Ja jederzeit zurücknehmen.":
        "The family agrees to the help. For this, the social worker works together with the youth office. "
        "The social worker talks to other people and services only if the family has said yes. The social "
        "worker passes on to them only what is written here. The family says yes of its own free will. "
        "The family can take back its yes at any time.",
    "Hilfe und Zusammenarbeit von Jugendamt und Fachkraft":
        "Help and cooperation of the youth office and the social worker",
    "für die Hilfe nötige Informationen": "information needed for the help",
    "Text-Version {version}": "Text version {version}",
    "Wer hat zugestimmt": "Who agreed",
    "Für wen": "For whom",
    "Welche Informationen": "Which information",
    "Wann und wie": "When and how",
    "Der Text der Einverständniserklärung": "The text of the declaration of consent",
    " (Version {version})": " (version {version})",
    # --- goals and indicators ----------------------------------------------------------
    "Unsere gemeinsamen Ziele": "Our common goals",
    "Es ist noch kein Ziel eingetragen.": "No goal has been entered yet.",
    "Ziel {number}": "Goal {number}",
    "In den Worten der Familie": "In the family's own words",
    "Fachliche Formulierung": "Professional wording",
    "Woran wir merken, dass wir Ziel {number} näherkommen:":
        "How we notice that we are getting closer to goal {number}:",
    "Indikator {number}:": "Indicator {number}:",
    "Ausgangswert": "Starting point",
    "Ausgangswert:": "Starting point:",
    "Ziel": "Target",
    "Ziel:": "Target:",
    "noch offen": "not set yet",
    "{value} von 10": "{value} of 10",
    "0 = überhaupt nicht erreicht, 10 = vollständig erreicht": "0 = not reached at all, 10 = fully reached",
    "Stufe": "Level",
    "Woran man das sieht": "What you can see",
    # --- mandate, tasks, communication ---------------------------------------------------
    "Auftrag des Jugendamts": "The youth office's mandate",
    "Der Auftrag des Jugendamts ist noch nicht beschrieben.": "The youth office's mandate has not been described yet.",
    "Wer macht was? Unsere Aufgaben": "Who does what? Our tasks",
    "zu Ziel {number}": "for goal {number}",
    "laufend": "ongoing",
    "Hier stehen noch keine Aufgaben.": "No tasks are listed here yet.",
    "Wer": "Who",
    "Was": "What",
    "Bis wann": "By when",
    "Treffen, Rückmeldungen und Berichte": "Meetings, feedback and reports",
    "an:": "to:",
    "Wir haben noch nicht vereinbart, wann wir uns treffen und wer wem berichtet.":
        "We have not agreed yet when we meet and who reports to whom.",
    "Wer (an wen)": "Who (to whom)",
    "Wie oft": "How often",
    "Nächster Termin": "Next date",
    # --- time frame, goodwill --------------------------------------------------------------
    "Zeitrahmen und Übergang": "Time frame and transition",
    "Beginn": "Start",
    "Geplantes Ende": "Planned end",
    "Nächste Überprüfung": "Next review",
    "Die Hilfe ist zeitlich begrenzt. Für die Zeit danach haben wir besprochen:":
        "The help is limited in time. For the time afterwards we have discussed:",
    "Anschlussangebote": "Follow-on offers",
    "Wer an der Seite der Familie bleibt": "Who stays at the family's side",
    "Was die Familie dann selbst macht": "What the family will then do on its own",
    "noch nicht besprochen": "not discussed yet",
    "So arbeiten wir zusammen": "How we work together",
    "Was die Familie dazu sagt": "What the family says",
    # --- signatures, footer --------------------------------------------------------------
    "Unterschriften": "Signatures",
    "Wer hier unterschreibt, sagt Ja zu dieser Vereinbarung (Dokument-Nr. {doc}, Version {version}).":
        "Whoever signs here says yes to this agreement (document no. {doc}, version {version}).",
    "Ort, Datum": "Place, date",
    "Unterschrift": "Signature",
    "unterschreibt auf Papier": "signs on paper",
    "unterschreibt mit": "co-signs",
    "auf Papier unterschrieben am {date}": "signed on paper on {date}",
    "Kooperationsvereinbarung {doc} · Version {version}": "Cooperation agreement {doc} · Version {version}",
    "Entwurf – nicht abgeschlossen": "Draft – not finalised",
    "Seite {page} von {total}": "Page {page} of {total}",
    # --- family summary (first page) -------------------------------------------------------
    "Partner": "Partner",
    "bis {date}": "by {date}",
    "Treffen": "Meeting",
    " Nächstes Mal am {date}.": " Next time on {date}.",
    "Am {date} schauen wir gemeinsam, was sich verändert hat.": "On {date} we look together at what has changed.",
    "Entwurf – noch nicht abgeschlossen": "Draft – not finalised yet",
    "Abgeschlossen am {date}": "Finalised on {date}",
    "Dokument-Nr. {doc} · ": "Document no. {doc} · ",
    "Version {version}": "Version {version}",
    "Unsere Vereinbarung – kurz gesagt": "Our agreement – in short",
    "Alles andere steht genau auf den nächsten Seiten.": "Everything else is set out in full on the next pages.",
    "Das wollen wir erreichen": "This is what we want to reach",
    "Die Ziele sind noch nicht eingetragen.": "The goals have not been entered yet.",
    "Wer macht was bis wann?": "Who does what by when?",
    "Die Aufgaben sind noch nicht eingetragen.": "The tasks have not been entered yet.",
    "Wann sehen wir uns?": "When do we meet?",
    "Der nächste Termin ist noch nicht vereinbart.": "The next date has not been agreed yet.",
    "1 weiteres Ziel": "1 more goal",
    "{n} weitere Ziele": "{n} more goals",
    "1 weitere Aufgabe": "1 more task",
    "{n} weitere Aufgaben": "{n} more tasks",
    "1 weiterer Termin": "1 more date",
    "{n} weitere Termine": "{n} more dates",
    "Nicht alles passt auf diese Seite. {items} und alles andere stehen auf den nächsten Seiten.":
        "Not everything fits on this page. {items} and everything else are set out in full on the next pages.",
    # --- the family's copy in their language (family_texts) -----------------------------------
    "Die deutsche Fassung ist verbindlich.": "The German version is binding.",
    # --- the report to the Jugendamt (pdf/report.py) ---------------------------------------
    "Entwicklungsbericht": "Development report",
    "Bericht zum Hilfeplangespräch an das Jugendamt": "Report to the youth office for the help-plan meeting",
    "ENTWURF – noch nicht geprüft und nicht versendet": "DRAFT – not checked and not sent yet",
    "Berichtszeitraum": "Reporting period",
    "An (Jugendamt)": "To (youth office)",
    "Von (Fachkraft)": "From (social worker)",
    "Vereinbarung": "Agreement",
    "Bericht-Nr.": "Report no.",
    "Zielerreichung im Überblick": "Goal attainment at a glance",
    "Einschätzungen und T-Werte sind in diesem Bericht nicht enthalten.":
        "Ratings and T-scores are not part of this report.",
    "Zeitpunkt": "Point in time",
    "T-Wert¹ Familie": "T-score¹ family",
    "T-Wert¹ Fachkraft": "T-score¹ social worker",
    "Beginn der Hilfe (Ausgangswerte)": "Start of the help (starting points)",
    "Beginn der Hilfe": "Start of the help",
    "Zu Beginn des Zeitraums": "At the start of the period",
    "Jetzt": "Now",
    "Überprüfung am {date}": "Review on {date}",
    "Fachkraft": "Social worker",
    "T-Wert der Ziele im Verlauf": "T-score of the goals over time",
    "Gestrichelte grüne Linie: T = 50, das erwartete Ergebnis.": "Dashed green line: T = 50, the expected result.",
    "T-Wert nach Goal Attainment Scaling (Zielerreichungsskalierung): Nur Indikatoren mit Zielerreichungsskala "
    "(−2 bis +2) gehen in den T-Wert ein. Jedes Ziel zählt mit seiner Gewichtung; hat ein Ziel mehrere solche "
    "Indikatoren, teilen sie sich sein Gewicht zu gleichen Teilen. T = 50 heißt: im Mittel wie erwartet; über 50 "
    "besser, unter 50 weniger als erwartet (nach Kiresuk & Sherman, ρ = 0,3).":
        "T-score of Goal Attainment Scaling: only indicators with a goal attainment scale (−2 to +2) enter the "
        "T-score. Each goal counts with its weight; a goal with several such indicators shares its weight equally "
        "among them. T = 50 means: as expected on average; above 50 better, below 50 less than expected (after "
        "Kiresuk & Sherman, ρ = 0.3).",
    "Die Ziele im Einzelnen": "The goals one by one",
    "Zu den Zielen enthält dieser Bericht keine Angaben.": "This report contains nothing on the goals.",
    "Indikator": "Indicator",
    "Stand Familie": "Now, family",
    "Stand Fachkraft": "Now, social worker",
    "T-Wert¹ dieses Ziels: Familie {c0} → {c1}; Fachkraft {p0} → {p1}":
        "T-score¹ of this goal: family {c0} → {c1}; social worker {p0} → {p1}",
    "Bemerkungen": "Remarks",
    "Was gut gelaufen ist": "What went well",
    "Was die Familie sagt": "What the family says",
    "Strittige Punkte": "Points of disagreement",
    "Aufgaben: erledigt und offen": "Tasks: done and open",
    "Nächste Schritte und Empfehlung": "Next steps and recommendation",
    "Stellungnahme der Familie": "The family's statement",
    "Aussagen und Einschätzungen der Familie, wörtlich wiedergegeben.":
        "Statements and ratings of the family, quoted word for word.",
    "Die Familie schreibt oder diktiert hier ihre eigene Sicht auf diesen Bericht.":
        "Here the family writes or dictates its own view of this report.",
    "Verteiler": "Copies to",
    "Eltern / Personensorgeberechtigte": "Parents / persons with parental responsibility",
    "Akte": "File",
    "Jugendamt": "Youth office",
    "Prüfung und Versand": "Check and dispatch",
    "Verfasst von (Fachkraft)": "Written by (social worker)",
    "Geprüft von der Teamleitung": "Checked by the team lead",
    "{name}, am {date} ({how})": "{name}, on {date} ({how})",
    "am Bildschirm": "on screen",
    "auf Papier": "on paper",
    "Name, Datum, Unterschrift:": "Name, date, signature:",
    "Ort, Datum, Unterschrift Teamleitung": "Place, date, signature of the team lead",
    "Versendet": "Sent",
    "am {date} an {whom}": "on {date} to {whom}",
    "noch nicht versendet": "not sent yet",
    "{title} {doc} · Zeitraum {start} – {end}": "{title} {doc} · Period {start} – {end}",
    "Geprüft – noch nicht versendet": "Checked – not sent yet",
    "Entwurf – nicht versendet": "Draft – not sent",
}

def language_of(agreement: Agreement | None) -> str:
    """The agreement's language; German for anything unknown."""
    lang = getattr(agreement, "language", "de") or "de"
    return lang if lang in AGREEMENT_LANGUAGES else "de"


class Phrase(str):
    """A fixed phrase as printed, knowing its German source and values (so the family's copy can
    print it in the family's language too: :mod:`.family_copy`)."""

    __slots__ = ("source", "values")
    source: str
    values: dict[str, Any]

    def __new__(cls, text: str, source: str = "", values: dict[str, Any] | None = None) -> Phrase:
        phrase = super().__new__(cls, text)
        phrase.source = source or text
        phrase.values = values or {}
        return phrase


class Texts:
    """The fixed phrases in one language: ``t("Seite {page} von {total}", page=1, total=3)``."""

    def __init__(self, language: str = "de"):
        self.language = language if language in AGREEMENT_LANGUAGES else "de"
        self._phrases: dict[str, str] = ENGLISH if self.language == "en" else {}

    def __call__(self, german: str, **values: Any) -> str:  # a Phrase
        text = self._phrases.get(german, german)
        return Phrase(text.format(**values) if values else text, german, values)

    def label(self, value: Enum, default: str | None = None) -> str:
        """An enum's label from the one catalogue (:func:`labels.label`) in this language."""
        return labels.label(value, self.language, default)

    def gas_level(self, level: int) -> str:
        return labels.gas_level(level, self.language)

    def date(self, value: Any, empty: str = "") -> str:
        """A date as DD.MM.YYYY in both languages (``empty`` when None)."""
        return labels.format_date(value, empty)

    @property
    def pdf_lang(self) -> str:
        return PDF_LANG[self.language]


# --- shipped texts (resources/texts/*_<lang>.txt) -------------------------------------------


def _versioned(raw: str) -> tuple[str, str]:
    first, _, rest = raw.partition("\n")
    if first.lower().startswith("version:"):
        return first.split(":", 1)[1].strip(), rest.strip()
    return "", raw.strip()


# Earlier wordings of the shipped texts, kept as ``<kind>_<lang>_<version>.txt`` (the consent text
# of 2026-11 and the goodwill text shipped with it; rewritten in plain German in 2026-12, see
# docs/plain-language.md). A consent or agreement stores the text it was given on; an earlier
# wording is still recognised, so it prints in the other language in its own earlier wording.
EARLIER_VERSIONS: tuple[str, ...] = ("2026-11",)


def consent_text(language: str = "de", version: str = "") -> tuple[str, str]:
    """(version, body) of the shipped consent text in ``language`` (``version``: an earlier one)."""
    language = language if language in AGREEMENT_LANGUAGES else "de"
    suffix = f"_{version}" if version else ""
    return _versioned(assets.text("texts", f"consent_{language}{suffix}.txt"))


def goodwill_text(language: str = "de", version: str = "") -> str:
    """The shipped text on goodwill and working together in ``language`` (``version``: an earlier one)."""
    language = language if language in AGREEMENT_LANGUAGES else "de"
    suffix = f"_{version}" if version else ""
    return assets.text("texts", f"goodwill_{language}{suffix}.txt").strip()


def fixed_text(kind: str, text: str, language: str) -> str:
    """``text`` in ``language`` when it is one of the shipped texts (``kind`` "goodwill" or
    "consent" body, the current or an earlier wording) word for word in another language; any
    other text is returned as typed."""
    stripped = text.strip()
    if not stripped:
        return text
    for version in ("", *EARLIER_VERSIONS):
        for other in AGREEMENT_LANGUAGES:
            shipped = goodwill_text(other, version) if kind == "goodwill" else consent_text(other, version)[1]
            if stripped == shipped:
                return (goodwill_text(language, version) if kind == "goodwill"
                        else consent_text(language, version)[1])
    return text


def apply_language(agreement: Agreement, language: str) -> bool:
    """Set a draft's language. The shipped goodwill text, if not changed by the user, is swapped
    for the one in the new language (so the wizard shows what the PDF prints). Returns True when
    the goodwill text changed. Raises ValueError (German message) for an unknown language."""
    if language not in AGREEMENT_LANGUAGES:
        raise ValueError(f"Die Sprache „{language}“ ist für die Vereinbarung nicht möglich (Deutsch oder Englisch).")
    agreement.language = language
    swapped = fixed_text("goodwill", agreement.goodwill, language)
    if swapped != agreement.goodwill:
        agreement.goodwill = swapped
        return True
    return False
