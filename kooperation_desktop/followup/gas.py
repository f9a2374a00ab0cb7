"""Goal Attainment Scaling: the T-score of Kiresuk & Sherman (1968).

    T = 50 + 10·Σwᵢxᵢ / √((1−ρ)·Σwᵢ² + ρ·(Σwᵢ)²),   ρ = 0.3

xᵢ is the attained level (−2 … +2) of scale i and wᵢ its weight. T = 50 means "as expected" on
average; about 40 / 60 is one standard deviation below / above.

How this app weights (also said in the UI and the PDF):

* Only indicators with a Goal Attainment Scale (−2 … +2) enter the T-score. Indicators on the
  0–10 scaling question are charted, but not part of T.
* The weight belongs to the goal (``Goal.weight``, default 1). A goal with several GAS indicators
  shares its weight equally among them (wᵢ = goal weight / number of its rated GAS indicators),
  so every goal counts with its own weight no matter how many indicators it has.
* The client's and the professional's ratings give two separate T-scores; an indicator a rater
  left open is left out of that rater's score.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from ..domain.model import ScaleKind
from .model import IndicatorRating, Rater, Review

RHO = 0.3

WEIGHTING_NOTE = (
    "Nur Indikatoren mit Zielerreichungsskala (−2 bis +2) gehen in den T-Wert ein. Jedes Ziel zählt mit "
    "seiner Gewichtung; hat ein Ziel mehrere solche Indikatoren, teilen sie sich sein Gewicht zu gleichen "
    "Teilen. T = 50 heißt: im Mittel wie erwartet; über 50 besser, unter 50 weniger als erwartet "
    "(nach Kiresuk & Sherman, ρ = 0,3)."
)


def t_score(items: Iterable[tuple[float, float]], rho: float = RHO) -> float | None:
    """T-score of ``(weight, level)`` pairs; None when there is none (or all weights are 0)."""
    pairs = [(float(w), float(x)) for w, x in items]
    if not pairs:
        return None
    if not 0 <= rho < 1:
        raise ValueError("ρ muss zwischen 0 und 1 liegen.")
    sum_wx = sum(w * x for w, x in pairs)
    sum_w2 = sum(w * w for w, _ in pairs)
    sum_w = sum(w for w, _ in pairs)
    denominator = math.sqrt((1 - rho) * sum_w2 + rho * sum_w * sum_w)
    if denominator == 0:
        return None
    return 50 + 10 * sum_wx / denominator


def weighted_levels(ratings: Sequence[IndicatorRating], rater: Rater) -> list[tuple[float, int]]:
    """(weight, level) of the GAS ratings one rater gave, weighted as described above."""
    rated = [r for r in ratings if r.scale == ScaleKind.GAS and r.value(rater) is not None]
    per_goal: dict[object, int] = {}
    for r in rated:
        key = r.goal_id if r.goal_id is not None else ("title", r.goal_title)
        per_goal[key] = per_goal.get(key, 0) + 1
    out: list[tuple[float, int]] = []
    for r in rated:
        key = r.goal_id if r.goal_id is not None else ("title", r.goal_title)
        weight = r.goal_weight if r.goal_weight and r.goal_weight > 0 else 1.0
        value = r.value(rater)
        assert value is not None  # only rated ones are in ``rated``
        out.append((weight / per_goal[key], value))
    return out


def review_t_score(review: Review, rater: Rater, rho: float = RHO) -> float | None:
    """The T-score of one review for one rater (None: no GAS indicator rated)."""
    return t_score(weighted_levels(review.ratings, rater), rho)


def baseline_t_score(ratings: Sequence[IndicatorRating], rho: float = RHO) -> float | None:
    """The T-score of the baselines (where the help started), weighted the same way."""
    rated = [IndicatorRating(goal_id=r.goal_id, goal_title=r.goal_title, goal_weight=r.goal_weight,
                             scale=r.scale, client_value=r.baseline)
             for r in ratings if r.scale == ScaleKind.GAS and r.baseline is not None]
    return t_score(weighted_levels(rated, Rater.CLIENT), rho)


def format_t(value: float | None) -> str:
    """German number with one decimal ("63,7"), "–" when there is none."""
    return "–" if value is None else f"{value:.1f}".replace(".", ",")


def format_level(value: int | None) -> str:
    """A GAS level as printed: "+2", "0", "−1" (typographic minus), "–" when not rated."""
    if value is None:
        return "–"
    if value > 0:
        return f"+{value}"
    if value < 0:
        return f"\u2212{-value}"
    return "0"
