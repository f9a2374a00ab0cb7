"""The ten conditions of successful cooperation (seed part 3, a–j) for the joint reflection (3g).

Each condition has the seed's own wording, a plain statement the participants rate from
1 (trifft gar nicht zu) to 5 (trifft voll zu), and a suggestion what to agree on when it is rated low.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.labels import REFLECTION_CONDITION
from .model import Reflection

SCALE_MIN, SCALE_MAX = 1, 5

SCALE_LABELS: dict[int, str] = {
    1: "1 – trifft gar nicht zu",
    2: "2 – trifft eher nicht zu",
    3: "3 – teils, teils",
    4: "4 – trifft eher zu",
    5: "5 – trifft voll zu",
}

# a mean below this is worth talking about
LOW_MEAN = 3.5


@dataclass(frozen=True, slots=True)
class Condition:
    key: str  # "a" … "j"
    seed: str  # the seed's wording
    statement: str  # plain words, to rate 1–5
    short: str  # a few words, for charts
    suggestion: str  # what to agree on when it is rated low


# the words live in the one label catalogue (German and English): domain.labels.REFLECTION_CONDITION
CONDITIONS: tuple[Condition, ...] = tuple(
    Condition(key, texts.seed, texts.statement, texts.short, texts.suggestion)
    for key, texts in REFLECTION_CONDITION.items())

CONDITION_BY_KEY: dict[str, Condition] = {c.key: c for c in CONDITIONS}


@dataclass(frozen=True, slots=True)
class LowCondition:
    condition: Condition
    mean: float
    spread: int  # highest minus lowest rating (different views)


def lowest_conditions(reflection: Reflection, count: int = 3, below: float = LOW_MEAN) -> list[LowCondition]:
    """The (up to ``count``) lowest-rated conditions whose mean is below ``below``, lowest first
    (ties in a–j order)."""
    means = reflection.means()
    values: dict[str, list[int]] = {}
    for r in reflection.ratings:
        if r.value is not None:
            values.setdefault(r.condition, []).append(r.value)
    low = sorted((m, k) for k, m in means.items() if m < below and k in CONDITION_BY_KEY)
    return [LowCondition(CONDITION_BY_KEY[k], m, max(values[k]) - min(values[k])) for m, k in low[:count]]


def format_mean(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}".replace(".", ",")
