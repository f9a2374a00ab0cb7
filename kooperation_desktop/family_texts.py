"""The family's copy in their language: catalogues of the fixed texts the family reads.

An agreement may have a family language (:attr:`Agreement.family_language`, one of
:data:`FAMILY_LANGUAGES`). The fixed texts the family reads — the one-page summary, the consent
text, the explanations on the signature page, the family view — then show each text in German
first (binding: "Die deutsche Fassung ist verbindlich.") and below it in the family's language.
What the family and the worker typed stays as typed (never translated).

One catalogue per language: ``resources/family_texts/<code>.json``::

    {"language": "tr", "name": "Türkçe", "direction": "ltr",
     "review_state": "maschinell erstellt, nicht geprüft",
     "texts": {"<German text>": "<translation>",
               "<German text>": {"text": "<translation>", "review_state": "geprüft von …"}}}

The German texts are the keys (:func:`source_texts` lists them: the phrases of this module's
lists and the lines of the shipped consent text). ``review_state`` says who checked the
translation: the catalogue's value holds for every entry without its own. Placeholders such as
``{date}`` must be the same in the German key and the translation. ``tests/test_family_texts.py``
fails on a missing or extra key in any catalogue and on placeholders that don't match.
"""

from __future__ import annotations

import functools
import json
import string
from dataclasses import dataclass, field
from typing import Any

from kooperation_desktop import assets
from kooperation_desktop.domain.model import FAMILY_LANGUAGES

__all__ = ["BINDING", "CONSENT", "CONSENT_INTRO", "FAMILY_LANGUAGES", "LANGUAGE_NAMES", "NOT_REVIEWED", "RTL_LANGUAGES",
           "SIGNATURES", "SUMMARY", "Catalogue", "FamilyTexts", "catalogue", "consent_lines", "family_texts",
           "placeholders", "source_texts"]

# what each language is called in its own words (the wizard's choice shows these)
LANGUAGE_NAMES: dict[str, str] = {"tr": "Türkçe", "ru": "Русский", "ar": "العربية", "uk": "Українська",
                                  "pl": "Polski", "fa": "فارسی", "en": "English"}
RTL_LANGUAGES = frozenset({"ar", "fa"})
NOT_REVIEWED = "maschinell erstellt, nicht geprüft"

BINDING = "Die deutsche Fassung ist verbindlich."

# the one-page summary (pdf/summary.py) and the family view (ui/family_view.py)
SUMMARY: tuple[str, ...] = (
    BINDING,
    "Unsere Vereinbarung – kurz gesagt",
    "Unsere Vereinbarung",
    "Das wollen wir erreichen",
    "Die Ziele sind noch nicht eingetragen.",
    "Wer macht was bis wann?",
    "Die Aufgaben sind noch nicht eingetragen.",
    "Wann sehen wir uns?",
    "Der nächste Termin ist noch nicht vereinbart.",
    "Alles andere steht genau auf den nächsten Seiten.",
    "Nicht alles passt auf diese Seite. {items} und alles andere stehen auf den nächsten Seiten.",
    "1 weiteres Ziel",
    "{n} weitere Ziele",
    "1 weitere Aufgabe",
    "{n} weitere Aufgaben",
    "1 weiterer Termin",
    "{n} weitere Termine",
    "bis {date}",
    "laufend",
    "Treffen",
    "Nächstes Mal am {date}.",
    "Am {date} schauen wir gemeinsam, was sich verändert hat.",
    "Entwurf – noch nicht abgeschlossen",
    "Abgeschlossen am {date}",
    "Dokument-Nr. {doc}",
    "Version {version}",
)

CONSENT_INTRO = ("Die Familie ist mit der Hilfe einverstanden. Die Fachkraft arbeitet dafür mit dem "
                 "Jugendamt zusammen. Mit anderen Menschen und Stellen spricht sie nur, wenn die Familie "
                 "Ja gesagt hat. Sie gibt ihnen nur das weiter, was hier steht. Die Familie sagt freiwillig "
                 "Ja. Sie kann ihr Ja jederzeit zurücknehmen.")

# the consent part of the PDF (pdf/parts/consent.py); the consent text's own lines come from
# resources/texts/consent_de.txt (consent_lines)
CONSENT: tuple[str, ...] = (
    "Einverständnis der Familie",
    "Hier fehlt noch das Ja der Familie zur Hilfe und zur Zusammenarbeit.",
    CONSENT_INTRO,
    "Der Text der Einverständniserklärung",
)

# the signature page (pdf/parts/signatures.py)
SIGNATURES: tuple[str, ...] = (
    "Unterschriften",
    "Wer hier unterschreibt, sagt Ja zu dieser Vereinbarung (Dokument-Nr. {doc}, Version {version}).",
    "Ort, Datum",
    "Unterschrift",
)


def consent_lines() -> list[str]:
    """The non-empty lines of the current German consent text (each one a catalogue key)."""
    from kooperation_desktop.pdf.texts import consent_text  # the one reader of the shipped texts

    return [line.strip() for line in consent_text("de")[1].splitlines() if line.strip()]


def source_texts() -> list[str]:
    """Every German text a catalogue translates, in order, each once."""
    return list(dict.fromkeys([*SUMMARY, *CONSENT, *consent_lines(), *SIGNATURES]))


def placeholders(text: str) -> set[str]:
    """The ``{name}`` placeholders of ``text``."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@dataclass(frozen=True, slots=True)
class Catalogue:
    language: str
    name: str
    direction: str  # "ltr" or "rtl"
    review_state: str  # of the whole catalogue
    texts: dict[str, str] = field(default_factory=dict)
    entry_review: dict[str, str] = field(default_factory=dict)  # entries with their own review state

    @property
    def rtl(self) -> bool:
        return self.direction == "rtl"

    def review_of(self, german: str) -> str:
        return self.entry_review.get(german, self.review_state)


@functools.cache
def catalogue(language: str) -> Catalogue:
    """The catalogue of ``language`` (KeyError for a language without one)."""
    if language not in FAMILY_LANGUAGES:
        raise KeyError(language)
    raw: dict[str, Any] = json.loads(assets.text("family_texts", f"{language}.json"))
    texts: dict[str, str] = {}
    review: dict[str, str] = {}
    for german, entry in raw.get("texts", {}).items():
        if isinstance(entry, dict):
            texts[german] = str(entry.get("text", ""))
            if entry.get("review_state"):
                review[german] = str(entry["review_state"])
        else:
            texts[german] = str(entry)
    return Catalogue(language=language, name=str(raw.get("name", LANGUAGE_NAMES[language])),
                     direction="rtl" if raw.get("direction") == "rtl" else "ltr",
                     review_state=str(raw.get("review_state", NOT_REVIEWED)), texts=texts, entry_review=review)


class FamilyTexts:
    """The family language's wording of a German fixed text: ``ft("bis {date}", date="12.03.2027")``.

    A text the catalogue lacks gives "" (the German one is always shown; nothing fails while printing)."""

    def __init__(self, language: str):
        self.catalogue = catalogue(language)
        self.language = language

    @property
    def rtl(self) -> bool:
        return self.catalogue.rtl

    def __call__(self, german: str, **values: Any) -> str:
        text = self.catalogue.texts.get(german.strip(), "")
        try:
            return text.format(**values) if values else text
        except (KeyError, IndexError, ValueError):
            return ""


def family_texts(language: str | None) -> FamilyTexts | None:
    """The family language's texts, or None (German only, or an unknown language)."""
    if language not in FAMILY_LANGUAGES:
        return None
    return FamilyTexts(language)
