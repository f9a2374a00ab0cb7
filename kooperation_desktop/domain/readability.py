"""How easy a German text is to read: a score, a level and the hardest sentence with a hint why.

The figures come from `textstat <https://github.com/textstat/textstat>`_ (syllables by Pyphen's
German hyphenation dictionary):

* **Amstad reading ease** (Flesch reading ease adapted to German by Toni Amstad, 1978):
  ``180 − words per sentence − 58.5 × syllables per word``. textstat computes it for ``lang="de"``
  with exactly these constants (``textstat/backend/utils/constants.py``, key ``"de"``). 0 … 100,
  higher is easier (a very easy text can pass 100, a very hard one fall below 0): 90–100 sehr
  leicht, 80–90 leicht, 70–80 ziemlich leicht, 60–70 mittel, 50–60 mittelschwer, 30–50 schwer,
  0–30 sehr schwer.
* **Wiener Sachtextformel** (first variant, Bamberger & Vanecek 1984) as a second figure: roughly
  the school year a reader needs, 4 (very easy) … 15 (very hard).

The level (:class:`Level`) follows the Amstad score: ``EASY`` from :data:`EASY_MIN` (70,
"ziemlich leicht" and easier), ``MEDIUM`` from :data:`MEDIUM_MIN` (50), ``HARD`` below. A text of
fewer than :data:`SHORT_TEXT_WORDS` words (a task, a short goal) is too short for the formula (one
long word moves it by 20 points or more); its level follows the hints instead: none ``EASY``, one
(a long word or a passive) ``MEDIUM``, more ``HARD``.

The hardest sentence is the one with the lowest Amstad score of its own; its hint names what
makes it hard: a long sentence (more than :data:`LONG_SENTENCE_WORDS` words), long words
(:data:`LONG_WORD_SYLLABLES` syllables or more, or more than :data:`LONG_WORD_LETTERS` letters), or
the passive (a simple heuristic: a form of "werden" and later in the same sentence a word shaped
like a participle, "ge…t"/"ge…en", also after a separable prefix: "wird abgeholt", "wurde
eingetragen"; anywhere in the sentence, as a subordinate clause puts "wird" last). The heuristic
misses passives of verbs without "ge-" ("wird besprochen") and may take a future with an
infinitive starting with "ge" for one; it is a hint, not a grammar check.

Syllables are Pyphen's hyphenation points plus one, as textstat counts them: this over-counts
some compounds ("Zu-sam-me-n-a-r-beit": 7) and under-counts words with a lone vowel at an edge
("Abend": 1). The hint therefore names long words without their count.

Text handling: a line that does not end in ".", "!", "?", ":" or ";" counts as a sentence of its
own (goals and tasks are often typed as lines without a full stop); abbreviations like "z. B."
and dates like "01.03.2027" do not end a sentence for the hardest-sentence search (textstat's own
sentence count ignores "sentences" of one or two words, so they hardly move the score either).

Global state: textstat keeps its language in a module-level object (``textstat.set_lang``). This
module never touches it: it uses an instance of its own, set to German once. textstat caches
results (``functools.lru_cache``, 128 entries per function): the same text always gives the same
figures, and memory stays bounded.

Speed (``benchmarks/bench_readability.py``): the first call loads textstat (which imports nltk) and
Pyphen's German dictionary, about 1.5 s of CPU time (many seconds on a busy machine); it happens
once per process, on first use or in a background thread (:func:`start_warm_up`), never when this
module is imported. After that a goal or a task takes well under a millisecond, the consent text
about one, a text of 1,000 words some tens: fast enough to run after each pause in typing.
"""

from __future__ import annotations

import functools
import re
import threading
from dataclasses import dataclass
from enum import Enum
from typing import Any

__all__ = [
    "EASY_MIN",
    "LONG_SENTENCE_WORDS",
    "LONG_WORD_LETTERS",
    "LONG_WORD_SYLLABLES",
    "MEDIUM_MIN",
    "HardSentence",
    "Level",
    "Readability",
    "amstad",
    "analyse",
    "level_of",
    "sentences",
]

EASY_MIN = 70.0  # Amstad ≥ 70: "ziemlich leicht" or easier
MEDIUM_MIN = 50.0  # 50 ≤ Amstad < 70: "mittel" / "mittelschwer"; below: "schwer"
LONG_SENTENCE_WORDS = 15  # more words than this: a long sentence (plain-language guides: 10–15)
LONG_WORD_SYLLABLES = 4  # a word of this many syllables or more is long ("Ver-ein-ba-rung")
LONG_WORD_LETTERS = 12  # … and so is a word of more letters than this ("Kinderarztpraxis")
MAX_LONG_WORDS = 3  # the hint names at most this many long words
SHORT_TEXT_WORDS = 10  # below this many words the level follows the hints, not the score

LANGUAGE = "de"


class Level(Enum):
    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


@dataclass(frozen=True, slots=True)
class HardSentence:
    """The hardest sentence of a text and what makes it hard (empty tuples/False: nothing found)."""

    text: str
    reading_ease: float  # the sentence's own Amstad score
    words: int
    long_words: tuple[tuple[str, int], ...]  # (word, syllables), longest first
    passive: bool

    @property
    def long_sentence(self) -> bool:
        return self.words > LONG_SENTENCE_WORDS

    @property
    def has_hint(self) -> bool:
        return self.long_sentence or bool(self.long_words) or self.passive

    def hint(self) -> str:
        """What makes the sentence hard, in German (empty when nothing stands out)."""
        parts: list[str] = []
        if self.long_sentence:
            parts.append(f"Langer Satz: {self.words} Wörter (besser höchstens {LONG_SENTENCE_WORDS}).")
        if self.long_words:
            words = ", ".join(f"„{w}“" for w, _ in self.long_words)
            parts.append(f"Lange Wörter: {words}. Kürzere Wörter sind leichter.")
        if self.passive:
            parts.append("Passiv: Besser sagen, wer etwas tut.")
        return " ".join(parts)


@dataclass(frozen=True, slots=True)
class Readability:
    reading_ease: float  # Amstad, higher is easier
    wiener: float  # Wiener Sachtextformel (variant 1), lower is easier
    level: Level
    words: int
    sentences: int
    hardest: HardSentence | None
    short: bool = False  # fewer than SHORT_TEXT_WORDS words: the level follows the hints


def level_of(reading_ease: float) -> Level:
    if reading_ease >= EASY_MIN:
        return Level.EASY
    if reading_ease >= MEDIUM_MIN:
        return Level.MEDIUM
    return Level.HARD


_ready = threading.Event()
_loading = threading.Lock()


@functools.cache
def _load() -> Any:
    from textstat.textstat import textstatistics

    ts = textstatistics()
    ts.set_lang(LANGUAGE)
    ts.syllable_count("Silbentrennung")  # parses Pyphen's German dictionary (78,000 patterns) once
    return ts


def warm_up() -> None:
    """Import textstat and load the hyphenation dictionary (about 1.5 s of CPU time, once per
    process). :func:`analyse` does it itself; a UI calls :func:`start_warm_up` early."""
    with _loading:  # one loader: a second caller waits instead of parsing the dictionary again
        _load()
        _ready.set()


def is_ready() -> bool:
    """True when :func:`analyse` answers at once (the one-time loading is done)."""
    return _ready.is_set()


def start_warm_up() -> None:
    """:func:`warm_up` in a background thread (nothing when done or under way): the UI thread
    never waits for the dictionary."""
    if not _ready.is_set() and not _loading.locked():
        threading.Thread(target=warm_up, name="readability-warm-up", daemon=True).start()


def _textstat() -> Any:
    """textstat's statistics object for German: an instance of our own (never the shared module
    object that ``textstat.set_lang`` changes), loaded on first use."""
    if not _ready.is_set():
        warm_up()
    return _load()


# --- sentences ---------------------------------------------------------------------------------

_END = ".!?:;"
# an abbreviation or a number before a full stop does not end the sentence
_ABBREVIATIONS = frozenset((
    "vgl", "bzw", "ca", "nr", "dr", "fr", "hr", "usw", "etc", "ggf", "evtl", "inkl", "zb", "dh", "ua", "abs",
    "str", "tel", "max", "min", "bspw", "insb", "mind", "sog", "ff", "jan", "feb", "mär", "apr", "jun", "jul",
    "aug", "sep", "sept", "okt", "nov", "dez",
))  # and any single letter ("z. B.", "d. h.")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”“»«)']*\s+")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)


def _lines(text: str) -> list[str]:
    """The non-empty lines, each ending in a punctuation mark ("." added where none is)."""
    out = []
    for line in text.splitlines():
        line = " ".join(line.split())
        if not line:
            continue
        if line[-1] not in _END and not line.endswith(("“", "”", "\"", "»", "«", ")")):
            line += "."
        out.append(line)
    return out


def sentences(text: str) -> list[str]:
    """The sentences of ``text``: split after ".", "!" or "?" (not after an abbreviation or a
    number) and at line ends."""
    out: list[str] = []
    for line in _lines(text):
        start = 0
        for m in _SENTENCE_END.finditer(line):
            before = line[start:m.start()].rstrip("\"”“»«)'")
            last = re.split(r"[\s(/-]", before)[-1].rstrip(".").lower() if before.endswith(".") else ""
            if last and (last in _ABBREVIATIONS or last.isdigit() or len(last) == 1):
                continue
            out.append(line[start:m.end()].strip())
            start = m.end()
        rest = line[start:].strip()
        if rest:
            out.append(rest)
    return [s for s in out if _WORD.search(s)]


# --- figures ---------------------------------------------------------------------------------


def _syllables(word: str) -> int:
    return max(1, int(_textstat().syllable_count(word)))


def amstad(text: str) -> float:
    """The Amstad reading ease of ``text`` (textstat, German; lines without a full stop count as
    sentences). 0.0 for a text without words."""
    return float(_textstat().flesch_reading_ease("\n".join(_lines(text))))


_PASSIVE_AUX = re.compile(r"\b(?:wird|werden|wurde|wurden|worden|werde|wirst|werdet|wurdest|würde|würden)\b",
                          re.IGNORECASE)
_SEPARABLE = ("ab|an|auf|aus|bei|dar|durch|ein|fest|fort|frei|her|heraus|herein|hin|hinaus|los|mit|nach|"
              "statt|teil|um|vor|vorbei|weg|weiter|wieder|zu|zurück|zusammen")
# "ge…t" / "ge…en", also after a separable prefix ("ab-ge-holt", "ein-ge-tragen")
_PARTICIPLE = re.compile(rf"^(?:{_SEPARABLE})?ge[^\W\d_]{{2,}}(?:t|en)$")
# words shaped like a participle that are none (infinitives and others)
_NOT_PARTICIPLES = frozenset((
    "gegen", "genug", "gestern", "gerecht", "gemeinsam", "gelten", "geben", "gehen", "genießen", "gewinnen",
    "gehören", "geschehen", "gelingen", "gewöhnen", "gestalten", "gebrauchen", "gedenken", "gestehen",
))


def _is_participle(word: str) -> bool:
    w = word.lower()
    return w not in _NOT_PARTICIPLES and bool(_PARTICIPLE.match(w))


def _passive(sentence: str) -> bool:
    """A form of "werden" and a participle anywhere in the sentence (a subordinate clause puts the
    auxiliary last: "…, dass es gemacht wird")."""
    if _PASSIVE_AUX.search(sentence) is None:
        return False
    return any(_is_participle(w) for w in _WORD.findall(sentence))


def _hard_sentence(sentence: str) -> HardSentence:
    words = [w.replace("-", "") for w in _WORD.findall(sentence)]
    counted = [(w, _syllables(w)) for w in words]
    n = max(1, len(counted))
    per_word = sum(s for _, s in counted) / n
    ease = 180.0 - n - 58.5 * per_word  # Amstad with the sentence as the whole text
    long_words: dict[str, int] = {}
    for w, s in counted:
        if s >= LONG_WORD_SYLLABLES or len(w) > LONG_WORD_LETTERS:
            long_words.setdefault(w, s)
    longest = sorted(long_words.items(), key=lambda ws: (-ws[1], -len(ws[0]), ws[0]))[:MAX_LONG_WORDS]
    return HardSentence(sentence, ease, len(counted), tuple(longest), _passive(sentence))


def analyse(text: str) -> Readability | None:
    """Score, level and hardest sentence of ``text``; None when it has no words."""
    parts = sentences(text)
    if not parts:
        return None
    joined = "\n".join(_lines(text))
    ts = _textstat()
    ease = float(ts.flesch_reading_ease(joined))
    wiener = float(ts.wiener_sachtextformel(joined, 1))
    hard = [_hard_sentence(s) for s in parts]
    # the lowest score; a sentence with a hint beats one without; the first of equals
    hardest = min(hard, key=lambda h: (not h.has_hint, h.reading_ease))
    words = sum(h.words for h in hard)
    if words < SHORT_TEXT_WORDS:
        # Amstad is made for running text: in a task of four words one long word moves the score by
        # 20 points or more ("Kleidung am Vorabend bereitlegen.": 35). Here the hints decide.
        issues = sum(len(h.long_words) + h.passive + h.long_sentence for h in hard)
        level = Level.EASY if issues == 0 else Level.MEDIUM if issues == 1 else Level.HARD
        return Readability(ease, wiener, level, words, len(parts), hardest, short=True)
    return Readability(ease, wiener, level_of(ease), words, len(parts), hardest)
