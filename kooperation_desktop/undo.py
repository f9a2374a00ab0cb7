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
    require_id,
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


def _draft_items(services: Services, case_id: int) -> list[Role | Task]:
    """Roles and tasks of the case's draft agreement (the only ones a removal can touch)."""
    case = services.cases.get(case_id)
    items: list[Role | Task] = []
    for summary in case.agreements:
        if summary.status.value == "draft":
            agreement = services.agreements.get(summary.id)
            items += [*agreement.roles, *agreement.tasks]
    return items


def remove(services: Services, entity: Entity) -> Removal:
    """Delete ``entity`` (RuleViolation if refused) and return how to undo it."""
    removal = Removal(entity=copy.deepcopy(entity), label=describe(entity))
    if isinstance(entity, Person):
        case_id = require_id(entity.case_id)
        removal.relink = [c for c in services.cases.get(case_id).consents if c.person_id == entity.id]
        removal.recreate = [x for x in _draft_items(services, case_id) if x.person_id == entity.id]
    elif isinstance(entity, Partner):
        case_id = require_id(entity.case_id)
        removal.recreate = [c for c in services.cases.get(case_id).consents if c.partner_id == entity.id]
        removal.recreate += [x for x in _draft_items(services, case_id) if x.partner_id == entity.id]
    elif isinstance(entity, Goal):
        stored = services.agreements.get(require_id(entity.agreement_id))
        goal = next((g for g in stored.goals if g.id == entity.id), None)
        if goal is not None:
            removal.entity = copy.deepcopy(goal)
        removal.relink = [t for t in stored.tasks if t.goal_id == entity.id]
    services.parties.delete(entity)
    return removal


def _relinked(item: Entity, link: str, target: int | None, **changes: int | None) -> Entity:
    """A copy of ``item`` whose id field ``link`` (person_id, partner_id, goal_id) is ``target``.
    The field is named at run time, so the copy is made with setattr, not a typed ``replace``."""
    copied = dataclasses.replace(item)
    for name, value in {link: target, **changes}.items():
        setattr(copied, name, value)
    return copied


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
    if link is None:  # nothing else refers to it: recreate and relink are empty
        return restored
    for item in removal.recreate:
        services.parties.save(_relinked(item, link, restored.id, id=None))
    for item in removal.relink:
        if getattr(item, link, None) in (None, old_id):
            services.parties.save(_relinked(item, link, restored.id))
    return restored

