"""The ten conditions of successful cooperation (seed part 3, a–j) for the joint reflection (3g).

Each condition has the seed's own wording, a plain-German statement the participants rate from
1 (trifft gar nicht zu) to 5 (trifft voll zu), and a suggestion what to agree on when it is rated low.
"""

from __future__ import annotations

from dataclasses import dataclass

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
    statement: str  # plain German, to rate 1–5
    short: str  # a few words, for charts
    suggestion: str  # what to agree on when it is rated low


CONDITIONS: tuple[Condition, ...] = (
    Condition("a", "Einverständnis und Akzeptanz der Klientel",
              "Die Familie ist mit der Hilfe und mit der Zusammenarbeit einverstanden und trägt sie mit.",
              "Einverständnis",
              "Gemeinsam besprechen, womit die Familie einverstanden ist und womit nicht; die Einverständnisse "
              "prüfen und, wo nötig, neu festhalten oder widerrufen."),
    Condition("b", "Formulierung eines gemeinsamen Zieles für die Kooperation unter Einbezug der Klientel",
              "Wir haben ein gemeinsames Ziel, das die Familie selbst mit formuliert hat.",
              "Gemeinsames Ziel",
              "Das Ziel in den Worten der Familie neu formulieren und in einer neuen Version der Vereinbarung "
              "festhalten."),
    Condition("c", "Aufstellung gemeinsamer Indikatoren zur Zielerreichung unter Einbezug der Klientel",
              "Wir wissen gemeinsam, woran wir merken, dass wir dem Ziel näher kommen.",
              "Indikatoren",
              "Die Indikatoren gemeinsam durchgehen: Kann man sie beobachten? Sind die Stufen verständlich? "
              "Wenn nicht, gemeinsam neue festlegen."),
    Condition("d", "Festlegung der Arbeitsteilung und Auftragsklärung",
              "Es ist klar, wer was bis wann tut und was der Auftrag des Jugendamts ist.",
              "Arbeitsteilung",
              "Aufgaben neu verteilen (wer, was, bis wann) und den Auftrag mit dem Jugendamt klären."),
    Condition("e", "Vereinbarung gemeinsamer Kommunikations-, Rückmeldungs- und Berichtsstrukturen",
              "Wir informieren uns gegenseitig gut und rechtzeitig – bei Treffen, Rückmeldungen und Berichten.",
              "Kommunikation",
              "Treffen, Rückmeldewege und Berichte neu vereinbaren: wer informiert wen, wann und wie."),
    Condition("f", "Gegenseitiges Wohlwollen der Kooperationspartner und Verzicht auf Konkurrenzsituation",
              "Wir begegnen uns mit Wohlwollen; niemand arbeitet gegen andere.",
              "Wohlwollen",
              "Spannungen offen ansprechen und Regeln für den Umgang miteinander vereinbaren, z. B. „erst "
              "miteinander reden, dann übereinander“."),
    Condition("g", "Gemeinsame Reflexion der Kooperation",
              "Wir schauen regelmäßig gemeinsam darauf, wie unsere Zusammenarbeit läuft.",
              "Gemeinsame Reflexion",
              "Feste Termine für die gemeinsame Reflexion vereinbaren, z. B. bei jedem Hilfeplangespräch."),
    Condition("h", "Gegenseitige Wertschätzung der Erfolge",
              "Erfolge werden gesehen und gewürdigt – auch kleine.",
              "Erfolge würdigen",
              "Jedes Treffen mit dem beginnen, was gelungen ist, und die Erfolge bei jeder Überprüfung "
              "festhalten."),
    Condition("i", "Abbau von einseitigen Machtverhältnissen",
              "Die Stimme der Familie zählt genauso viel wie die der Fachleute.",
              "Stimme der Familie",
              "Die Familie zuerst sprechen lassen, Entscheidungen nur gemeinsam treffen und die eigenen "
              "Aufgaben und Bewertungen der Familie sichtbar machen."),
    Condition("j", "Klare Vergabe und Reflexion von Rollen und Aufträgen in der kooperativen Arbeit",
              "Alle wissen, welche Rolle und welchen Auftrag sie in der Zusammenarbeit haben.",
              "Rollen und Aufträge",
              "Die Rollen und Aufträge aller Beteiligten gemeinsam durchgehen und neu festhalten."),
)

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
