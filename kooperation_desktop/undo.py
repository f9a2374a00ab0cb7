"""Undo for removals: "Entfernen" in the wizard can be taken back ("Rückgängig", Ctrl+Z).

:func:`remove` deletes an entity through the services and returns a :class:`Removal` that remembers
what went with it (a goal's indicators, a person's tasks and roles in the draft, a partner's
consents, links that were cut). :func:`undo` puts all of it back (with new ids) and re-links what
still exists. Only the service API is used, so every rule (freeze, consent) still applies.
"""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass, field

from .domain.model import (
    CommunicationRule,
    Goal,
    Indicator,
    Partner,
    Person,
    Role,
    Task,
)
from .services import Entity, Services


@dataclass(slots=True)
class Removal:
    """What one removal took away; enough to put it back."""

    entity: Entity
    label: str  # German, e.g. "Person „Ağrı Çelik“"
    recreate: list[Entity] = field(default_factory=list)  # deleted with it (cascade)
    relink: list[Entity] = field(default_factory=list)  # still there, but their link to it was cut


def describe(entity: Entity) -> str:
    """A short German name of the entity for messages, e.g. "Person „Ağrı Çelik“"."""
    if isinstance(entity, Person):
        return f"Person „{entity.display_name or 'ohne Namen'}“"
    if isinstance(entity, Partner):
        return f"„{entity.display_name or 'ohne Namen'}“"
    if isinstance(entity, Goal):
        return f"Ziel „{entity.title or 'ohne Text'}“"
    if isinstance(entity, Indicator):
        return f"Indikator „{entity.description.strip() or 'ohne Text'}“"
    if isinstance(entity, Task):
        return f"Aufgabe „{entity.what.strip() or 'ohne Text'}“"
    if isinstance(entity, Role):
        return "Rolle"
    if isinstance(entity, CommunicationRule):
        return f"Absprache „{entity.what.strip() or 'ohne Text'}“"
    return "Einverständnis"


def _draft_items(services: Services, case_id: int | None) -> list[Entity]:
    """Roles and tasks of the case's draft agreement (the only ones a removal can touch)."""
    if case_id is None:
        return []
    case = services.cases.get(case_id)
    items: list[Entity] = []
    for summary in case.agreements:
        if summary.status.value == "draft":
            agreement = services.agreements.get(summary.id)
            items += [*agreement.roles, *agreement.tasks]
    return items


def remove(services: Services, entity: Entity) -> Removal:
    """Delete ``entity`` (RuleViolation if refused) and return how to undo it."""
    removal = Removal(entity=copy.deepcopy(entity), label=describe(entity))
    if isinstance(entity, Person):
        # ignore below: ids are set once stored (the model says int | None)
        case = services.cases.get(entity.case_id)  # type: ignore[arg-type]
        removal.relink = [c for c in case.consents if c.person_id == entity.id]
        # ignore below: ids are set once stored (the model says int | None)
        removal.recreate = [x for x in _draft_items(services, entity.case_id) if x.person_id == entity.id]  # type: ignore[union-attr]
    elif isinstance(entity, Partner):
        # ignore below: ids are set once stored (the model says int | None)
        case = services.cases.get(entity.case_id)  # type: ignore[arg-type]
        removal.recreate = [c for c in case.consents if c.partner_id == entity.id]
        # ignore below: ids are set once stored (the model says int | None)
        removal.recreate += [x for x in _draft_items(services, entity.case_id) if x.partner_id == entity.id]  # type: ignore[union-attr]
    elif isinstance(entity, Goal):
        # ignore below: ids are set once stored (the model says int | None)
        stored = services.agreements.get(entity.agreement_id)  # type: ignore[arg-type]
        goal = next((g for g in stored.goals if g.id == entity.id), None)
        if goal is not None:
            removal.entity = copy.deepcopy(goal)
        removal.relink = [t for t in stored.tasks if t.goal_id == entity.id]
    services.parties.delete(entity)
    return removal


def undo(services: Services, removal: Removal) -> Entity:
    """Put back what :func:`remove` took away; returns the restored entity (new id)."""
    entity = copy.deepcopy(removal.entity)
    old_id = entity.id
    entity.id = None
    if isinstance(entity, Goal):
        indicators, entity.indicators = entity.indicators, []
        restored = services.parties.save(entity)
        assert isinstance(restored, Goal)
        for ind in indicators:
            saved = services.parties.save(dataclasses.replace(ind, id=None, goal_id=restored.id))
            assert isinstance(saved, Indicator)
            restored.indicators.append(saved)
    else:
        restored = services.parties.save(entity)
    link = {Person: "person_id", Partner: "partner_id", Goal: "goal_id"}.get(type(entity))
    for item in removal.recreate:
        # link is set whenever recreate/relink hold items (a person, partner or goal was removed)
        services.parties.save(dataclasses.replace(item, id=None, **{link: restored.id}))  # type: ignore[arg-type]
    for item in removal.relink:
        # ignore below: link is one of the id fields named above
        if getattr(item, link, None) in (None, old_id):  # type: ignore[arg-type]
            services.parties.save(dataclasses.replace(item, **{link: restored.id}))  # type: ignore[arg-type]  # as above
    return restored

