"""The agreement wizard's step flow and "may I go on?" rules, Qt-free (after Electrum's wizard.py).

The Qt pages in ``ui/wizard/`` only attach widgets to these steps; what a step needs before the
user may go on, and in which order the steps come, is decided here and unit-tested.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from . import rules
from .model import Agreement, Case, PartnerKind, Problem


class Step(enum.StrEnum):
    PARTICIPANTS = "participants"  # Beteiligte
    CONSENT = "consent"  # Einverständnis
    GOALS = "goals"  # Ziele
    INDICATORS = "indicators"  # Indikatoren
    TASKS = "tasks"  # Arbeitsteilung & Rollen
    COMMUNICATION = "communication"  # Kommunikation & Berichte
    TIMEFRAME = "timeframe"  # Zeitrahmen & Übergang
    OVERVIEW = "overview"  # Überblick


@dataclass(frozen=True, slots=True)
class StepInfo:
    step: Step
    title: str
    subtitle: str
    condition: str  # the seed's condition this step serves


STEPS: tuple[StepInfo, ...] = (
    StepInfo(Step.PARTICIPANTS, "Beteiligte",
             "Wer gehört zur Familie, wer hilft schon mit? Zuerst die Menschen im Umfeld der Familie, "
             "dann Jugendamt, Fachkraft und weitere Fachstellen.",
             "2 Verortung der Kooperation"),
    StepInfo(Step.CONSENT, "Einverständnis",
             "Ist die Familie mit der Hilfe einverstanden? Mit wem dürfen wir zusammenarbeiten und was "
             "dürfen wir weitergeben?",
             "3a Einverständnis und Akzeptanz"),
    StepInfo(Step.GOALS, "Ziele",
             "Was wollen wir gemeinsam erreichen? In den Worten der Familie und fachlich formuliert.",
             "3b Gemeinsames Ziel"),
    StepInfo(Step.INDICATORS, "Indikatoren",
             "Woran merken wir, dass ein Ziel erreicht ist? Was kann man beobachten?",
             "3c Gemeinsame Indikatoren"),
    StepInfo(Step.TASKS, "Arbeitsteilung & Rollen",
             "Wer macht was bis wann? Welche Rolle hat wer, und was ist der Auftrag des Jugendamts?",
             "3d Arbeitsteilung und Auftragsklärung, 3j Rollen"),
    StepInfo(Step.COMMUNICATION, "Kommunikation & Berichte",
             "Wann treffen wir uns, wer gibt wem Rückmeldung, wer schreibt welchen Bericht?",
             "3e Kommunikations-, Rückmeldungs- und Berichtsstrukturen"),
    StepInfo(Step.TIMEFRAME, "Zeitrahmen & Übergang",
             "Wie lange dauert die Hilfe? Was kommt danach, wer bleibt an der Seite der Familie?",
             "4 Zielrichtung im Hilfeverlauf"),
    StepInfo(Step.OVERVIEW, "Überblick",
             "Was fehlt noch? Vereinbarung abschließen und als PDF speichern.",
             "1 Kooperation"),
)


def step_info(step: Step) -> StepInfo:
    return next(s for s in STEPS if s.step == step)


def step_index(step: Step | str) -> int:
    return [s.step for s in STEPS].index(Step(step))


def next_step(step: Step) -> Step | None:
    i = step_index(step)
    return STEPS[i + 1].step if i + 1 < len(STEPS) else None


def previous_step(step: Step) -> Step | None:
    i = step_index(step)
    return STEPS[i - 1].step if i > 0 else None


def resume_step(agreement: Agreement) -> Step:
    """Where to open the wizard: the step it was left on, else the first."""
    try:
        return Step(agreement.wizard_step)
    except ValueError:
        return Step.PARTICIPANTS


def may_go_on(step: Step, case: Case, agreement: Agreement, on: dt.date | None = None) -> list[Problem]:
    """Blocking problems that keep the user on ``step`` (empty list: may go on).

    These are the minimum each step needs for the next one to make sense; the full completeness
    check (:func:`rules.completeness`) is shown on the overview step.
    """
    p: list[Problem] = []
    if step == Step.PARTICIPANTS:
        if not case.persons:
            p.append(Problem("persons", "Bitte mindestens eine Person der Familie eintragen."))
        for i, person in enumerate(case.persons):
            if not person.first_name.strip() and not person.last_name.strip():
                p.append(Problem(f"persons[{i}]", f"Person {i + 1}: Bitte einen Namen eintragen."))
        for i, partner in enumerate(case.partners):
            if not partner.name.strip() and not partner.organisation.strip():
                p.append(Problem(f"partners[{i}]",
                                 f"Partner {i + 1}: Bitte einen Namen oder eine Einrichtung eintragen."))
        if not any(x.kind == PartnerKind.YOUTH_OFFICE for x in case.partners):
            p.append(Problem("partners", "Bitte das beauftragende Jugendamt eintragen."))
    elif step == Step.CONSENT:
        if not rules.has_general_consent(case, on):
            p.append(Problem("consents", "Ohne das Einverständnis der Familie kann keine Vereinbarung entstehen. "
                                         "Bitte das Einverständnis erfassen."))
    elif step == Step.GOALS:
        if not any(g.title for g in agreement.goals):
            p.append(Problem("goals", "Bitte mindestens ein gemeinsames Ziel formulieren."))
    elif step == Step.INDICATORS:
        for i, goal in enumerate(agreement.goals):
            if not any(ind.description.strip() for ind in goal.indicators):
                p.append(Problem(f"goals[{i}].indicators",
                                 f"Ziel {i + 1} „{goal.title}“: Bitte mindestens einen Indikator beschreiben."))
    elif step == Step.TASKS:
        if not any(t.what.strip() for t in agreement.tasks):
            p.append(Problem("tasks", "Bitte mindestens eine Aufgabe vereinbaren: Wer macht was bis wann?"))
        p.extend(rules.consent_problems(case, agreement, on))
    elif step == Step.COMMUNICATION:
        if not agreement.communication:
            p.append(Problem("communication",
                             "Bitte mindestens eine Absprache zu Treffen, Rückmeldung oder Bericht treffen."))
        p.extend(x for x in rules.mention_problems(case, agreement, on) if x.field.startswith("communication"))
    elif step == Step.TIMEFRAME:
        if agreement.planned_end is None:
            p.append(Problem("planned_end",
                             "Bitte das geplante Ende der Hilfe eintragen (die Hilfe ist zeitlich begrenzt)."))
        elif agreement.start_date and agreement.planned_end <= agreement.start_date:
            p.append(Problem("planned_end", "Das geplante Ende muss nach dem Beginn liegen."))
        p.extend(x for x in rules.mention_problems(case, agreement, on)
                 if x.field in ("transition", "client_view", "goodwill"))
    return p
