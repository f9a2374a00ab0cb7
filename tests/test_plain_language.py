"""Plain German, measured (issue 16, part 1): the readability check of the core, and every fixed
text the family reads scores Amstad ≥ 70 ("ziemlich leicht"; docs/plain-language.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kooperation_desktop import assets
from kooperation_desktop.domain import readability
from kooperation_desktop.domain.readability import Level, analyse, level_of, sentences
from kooperation_desktop.pdf import parts, summary
from kooperation_desktop.pdf.texts import (
    EARLIER_VERSIONS,
    apply_language,
    consent_text,
    fixed_text,
    goodwill_text,
)
from kooperation_desktop.usecases.consent import ConsentService

ROOT = Path(__file__).resolve().parents[1]
PLAIN_MIN = 70.0

LONG_CONVOLUTED = (
    "Die Erziehungsberechtigten verpflichten sich im Rahmen der Kooperationsvereinbarung, die morgendliche "
    "Organisation des Haushalts so zu gestalten, dass die regelmäßige Teilnahme am Unterricht gewährleistet "
    "wird, wobei die Unterstützungsleistungen der Fachkraft berücksichtigt werden."
)


# --- the check ---------------------------------------------------------------------------------


def test_a_short_plain_sentence_is_easy() -> None:
    result = analyse("Deniz kommt pünktlich zur Schule.")
    assert result is not None
    assert result.level == Level.EASY and result.reading_ease >= 70
    assert result.hardest is not None and result.hardest.hint() == ""


def test_a_long_convoluted_sentence_is_hard_and_the_hint_says_why() -> None:
    result = analyse("Wir treffen uns jeden Dienstag. " + LONG_CONVOLUTED)
    assert result is not None
    assert result.level == Level.HARD and result.reading_ease < 50
    assert result.wiener > 10  # the second figure agrees: far beyond plain school German
    hardest = result.hardest
    assert hardest is not None and hardest.text == LONG_CONVOLUTED
    hint = hardest.hint()
    assert "Langer Satz: 31 Wörter" in hint
    assert "„Kooperationsvereinbarung“" in hint and "Lange Wörter" in hint
    assert "Passiv" in hint  # "gewährleistet wird" at the end of the subordinate clause


def test_the_passive_is_found_in_a_main_and_a_subordinate_clause() -> None:
    for text in ("Die Kinder werden morgens von der Oma abgeholt.", "Der Termin wurde im Mai eingetragen.",
                 "Mia weiß, dass sie morgen geweckt wird."):
        hardest = analyse(text).hardest  # type: ignore[union-attr]
        assert hardest is not None and hardest.passive, text
    for text in ("Die Oma holt die Kinder morgens ab.", "Wir werden gemeinsam gehen.", "Es wird besser."):
        hardest = analyse(text).hardest  # type: ignore[union-attr]
        assert hardest is not None and not hardest.passive, text


def test_a_short_text_is_rated_by_its_hints_not_by_the_formula() -> None:
    # four words, one of them long: Amstad says "schwer" (44); one hint makes it "mittel"
    task = analyse("Kleidung am Vorabend bereitlegen.")
    assert task is not None and task.short and task.reading_ease < 50 and task.level == Level.MEDIUM
    plain = analyse("Wochenplan mit der Familie erstellen.")  # Amstad 46, but no hint: easy
    assert plain is not None and plain.reading_ease < 50 and plain.level == Level.EASY
    hard = analyse("Die Erziehungsberechtigten gewährleisten Unterrichtsteilnahme.")
    assert hard is not None and hard.level == Level.HARD
    assert not analyse(LONG_CONVOLUTED).short  # type: ignore[union-attr]


def test_levels_follow_the_documented_thresholds() -> None:
    assert level_of(70.0) == Level.EASY and level_of(69.9) == Level.MEDIUM
    assert level_of(50.0) == Level.MEDIUM and level_of(49.9) == Level.HARD
    assert (readability.EASY_MIN, readability.MEDIUM_MIN) == (70.0, 50.0)


def test_empty_text_gives_nothing() -> None:
    for text in ("", "   ", "\n\n", "12345", "– · –"):
        assert analyse(text) is None


def test_sentences_end_at_lines_not_at_abbreviations_or_dates() -> None:
    text = "Am 3. Mai, z. B. um 10 Uhr, kommt Dr. Meier. Gut so!\nLena morgens wecken\n\nDeniz bringen"
    assert sentences(text) == ["Am 3. Mai, z. B. um 10 Uhr, kommt Dr. Meier.", "Gut so!",
                               "Lena morgens wecken.", "Deniz bringen."]


def test_the_result_is_the_same_every_time_and_the_shared_textstat_language_is_untouched() -> None:
    import textstat

    before = textstat.textstat._textstatistics__lang  # the module object other code may use
    first = analyse(LONG_CONVOLUTED)
    textstat.set_lang("en_US")  # someone else switching the shared object changes nothing here
    try:
        assert analyse(LONG_CONVOLUTED) == first
    finally:
        textstat.set_lang(before)
    assert textstat.textstat._textstatistics__lang == before


def test_amstad_is_textstats_german_flesch_reading_ease() -> None:
    from textstat.textstat import textstatistics

    ts = textstatistics()
    ts.set_lang("de")
    text = "Wir treffen uns jeden Dienstag. Die Oma holt die Kinder ab."
    assert readability.amstad(text) == pytest.approx(ts.flesch_reading_ease(text))
    # Amstad: 180 − words per sentence − 58.5 × syllables per word: 11 words, 2 sentences, 15 syllables
    # (Pyphen splits no single vowel off a word's edge: "Oma" counts one syllable)
    assert readability.amstad(text) == pytest.approx(180 - 11 / 2 - 58.5 * 15 / 11)


# --- the fixed texts the family reads -----------------------------------------------------------

# sample values for the placeholders of the fixed phrases
SAMPLE = {"date": "12.03.2027", "n": "3", "version": "2", "doc": "KV-2026-0815", "items": "3 weitere Ziele",
          "page": "1", "total": "4", "number": "1", "value": "7"}


def _literals(path: Path, names: set[str]) -> list[str]:
    """The German literals passed to ``t(…)``/``tr(…)`` in a module, in source order."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        first = node.args[0]
        if name in names and isinstance(first, ast.Constant) and isinstance(first.value, str):
            found.append((node.lineno, first.value))
    return [text for _, text in sorted(found)]


def _page(phrases: list[str]) -> str:
    """The phrases as the family reads them: each on its own line, placeholders filled."""
    return "\n".join(p.format(**SAMPLE).strip() for p in phrases)


def summary_page_text() -> str:
    """Every fixed phrase of the one-page family summary (headings, notes, statuses)."""
    return _page(_literals(Path(summary.__file__), {"t"}))


# what the social worker reads in the family view's menu and error dialogs: not part of the view
FAMILY_VIEW_WORKER_ONLY = {
    "Ansicht für die &Familie…", "Die Vereinbarung in großer Schrift zeigen, zum Anschauen mit der Familie",
    "Bitte zuerst einen Fall auswählen.", "Für diesen Fall gibt es noch keine Vereinbarung.",
}


def family_view_text() -> str:
    phrases = [p for p in _literals(ROOT / "ui" / "family_view.py", {"tr"}) if p not in FAMILY_VIEW_WORKER_ONLY]
    assert "Das wollen wir erreichen" in phrases and "Wann sehen wir uns?" in phrases
    return _page([p.replace("&", "") for p in phrases])


def pdf_plain_text() -> str:
    """The running sentences of the full agreement PDF (not its labels and table headings): every
    phrase of four words or more that ends like a sentence."""
    phrases = [p for module in sorted(Path(parts.__file__).parent.glob("*.py"))
               for p in _literals(module, {"t", "tr"})
               if len(p.split()) >= 4 and p.rstrip().endswith((".", ":", "?"))]
    assert len(phrases) >= 10
    return _page(phrases)


FIXED_TEXTS = {
    "consent": lambda: consent_text("de")[1],
    "goodwill": lambda: goodwill_text("de"),
    "summary page": summary_page_text,
    "family view": family_view_text,
    "pdf plain parts": pdf_plain_text,
}


@pytest.mark.parametrize("name", sorted(FIXED_TEXTS))
def test_every_fixed_text_the_family_reads_is_fairly_easy(name: str) -> None:
    result = analyse(FIXED_TEXTS[name]())
    assert result is not None
    hardest = result.hardest.text if result.hardest else ""
    assert result.reading_ease >= PLAIN_MIN, f"{name}: Amstad {result.reading_ease:.1f}; am schwersten: {hardest}"


# --- the consent text's versions ------------------------------------------------------------------


def test_the_rewritten_consent_text_has_a_new_version_and_the_old_one_is_kept() -> None:
    version, body = ConsentService.text()
    assert version == "2026-12" and (version, body) == consent_text("de")
    assert consent_text("en")[0] == version
    old_version, old_body = consent_text("de", "2026-11")
    assert old_version == "2026-11" and old_body != body
    assert "widerrufen, ohne Angabe von Gründen" in old_body  # the wording consents of 2026-11 were given on
    for language in ("de", "en"):
        for v in EARLIER_VERSIONS:
            assert consent_text(language, v)[0] == v
            assert goodwill_text(language, v)


def test_the_new_consent_text_keeps_its_legal_content() -> None:
    body = consent_text("de")[1]
    for part in ("mit der Hilfe einverstanden", "mit dem Jugendamt zusammen", "unten ausdrücklich nenne",
                 "nur das sagen oder geben, was ich erlaubt habe", "freiwillig", "jederzeit zurücknehmen (widerrufen)",
                 "nur für einzelne Menschen und Stellen", "keinen Grund",
                 "ab dem Tag, an dem ich es sage oder schreibe",
                 "welche Daten über mich und meine Familie gespeichert sind"):
        assert part in body, part
    english = consent_text("en")[1]
    for part in ("I agree to the help", "youth office", "name expressly below", "only what I have allowed",
                 "free will", "withdraw it", "individual people and services", "reason", "from the day",
                 "which data about me and my family are stored"):
        assert part in english, part


def test_an_earlier_shipped_wording_still_prints_in_the_other_language() -> None:
    old_de = consent_text("de", "2026-11")[1]
    assert fixed_text("consent", old_de, "en") == consent_text("en", "2026-11")[1]
    assert fixed_text("consent", consent_text("de")[1], "en") == consent_text("en")[1]
    from kooperation_desktop.domain.model import Agreement

    agreement = Agreement(goodwill=goodwill_text("de", "2026-11"))  # a draft made before the rewrite
    assert apply_language(agreement, "en") is True
    assert agreement.goodwill == goodwill_text("en", "2026-11")


def test_the_old_texts_are_package_files() -> None:
    for name in ("consent_de_2026-11.txt", "consent_en_2026-11.txt", "goodwill_de_2026-11.txt",
                 "goodwill_en_2026-11.txt"):
        assert assets.text("texts", name).strip()
