"""Saving and deleting one entry of a case (person, partner, consent) or of an agreement draft
(goal, indicator, role, task, communication rule)."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from ..domain import rules
from ..domain.model import Agreement, CommunicationRule, Consent, Goal, Indicator, Partner, Person, Problem, Role, Task
from ..domain.rules import Entity, RuleViolation
from ..storage import cases as cases_repo
from ..storage import entities as repo
from ..storage.cases import not_found
from ..storage.database import Database, check_row_version
from .consent import consent_defaults

if TYPE_CHECKING:  # only in annotations
    from ..domain.model import Case

_AGREEMENT_CHILDREN = (Goal, Indicator, Role, Task, CommunicationRule)


def _check_parties(entity: Role | Task, case: Case, goal_ids: Collection[int], *, consent: bool = True) -> None:
    """The person/partner of a role or task belong to the case (a partner: with the client's
    consent today, unless ``consent`` is False); its goal is one of the agreement's (``goal_ids``)."""
    if consent:
        rules.check_case_refs(case, entity.person_id, None)
        rules.check_partner_allowed(case, entity.partner_id)
    else:
        rules.check_case_refs(case, entity.person_id, entity.partner_id)
    if isinstance(entity, Task) and entity.goal_id is not None and entity.goal_id not in goal_ids:
        raise RuleViolation(Problem("goal_id", "Dieses Ziel gehört nicht zu dieser Vereinbarung."))


class PartyService:
    """Saving and deleting single entries over one open database."""

    def __init__(self, db: Database):
        self.db = db

    def save(self, entity: Entity) -> Entity:
        """Insert (``id is None``) or update one entity's own fields; returns it with ``id`` set
        (the same object). Children (a goal's indicators) are not saved with it.

        Refused with RuleViolation when the entity belongs to an agreement that is not a draft
        or to a closed case, or when a Role/Task names a partner without the client's active
        consent. Validates what the user typed (e.g. indicator baseline in range) with German
        messages. A new Consent gets the defaults of :func:`consent_defaults`.
        """
        if isinstance(entity, Consent) and entity.id is None:
            consent_defaults(entity)
        rules.check_valid(entity)
        with self.db.transaction() as s:
            stored = None
            if entity.id is not None:
                stored = repo.find(s, type(entity), entity.id)
                if stored is None:
                    raise not_found("Eintrag", entity.id)
            if isinstance(entity, (Person, Partner, Consent)):
                assert stored is None or isinstance(stored, (Person, Partner, Consent))
                if stored is not None and stored.case_id != entity.case_id:
                    raise RuleViolation(Problem("case_id",
                                                "Ein Eintrag kann nicht in einen anderen Fall verschoben werden."))
                if not cases_repo.exists(s, entity.case_id):
                    raise not_found("Fall", entity.case_id)
                if isinstance(entity, Consent):
                    rules.check_case_refs(cases_repo.get(s, entity.case_id), entity.person_id, entity.partner_id,
                                          field="_id")
                    if isinstance(stored, Consent):
                        rules.check_consent_change(stored, entity,
                                                   case_has_frozen=cases_repo.has_frozen_agreement(s, stored.case_id))
                case_id = entity.case_id
            else:
                agreement = repo.owner_agreement(s, entity)
                rules.check_editable(agreement)
                if entity.id is not None and repo.stored_agreement(s, type(entity), entity.id).id != agreement.id:
                    raise RuleViolation(Problem(
                        "agreement_id", "Ein Eintrag kann nicht in eine andere Vereinbarung verschoben werden."))
                if isinstance(entity, (Role, Task)):
                    goals = repo.goal_ids(s, agreement.id) if isinstance(entity, Task) and entity.goal_id is not None \
                        else set()
                    _check_parties(entity, cases_repo.get(s, agreement.case_id), goals)
                case_id = agreement.case_id
            rules.check_case_writable(cases_repo.status(s, case_id))
            if stored is None:
                repo.insert(s, entity)
            else:
                check_row_version(stored, entity.row_version)
                repo.update(s, entity)
            cases_repo.touch(s, case_id, refresh_search=isinstance(entity, Person))
        return entity

    def add_imported(self, roles: list[Role], tasks: list[Task]) -> None:
        """Store new roles and tasks of a draft as a case file has them (importing): the checks of
        :meth:`save` except the partner's consent today. Whether the partners had consent is judged
        when the version is finalised, as of its own day (``AgreementService.finalise`` with
        ``at``); a version that stays a draft lists a missing consent in its check."""
        entities: list[Role | Task] = [*roles, *tasks]
        for entity in entities:
            rules.check_valid(entity)
        if not entities:
            return
        with self.db.transaction() as s:
            # each agreement and its case loaded once, every entry checked against them in memory
            owners: dict[int | None, tuple[Agreement, Case, set[int]]] = {}
            for entity in entities:
                if entity.agreement_id not in owners:
                    agreement = repo.owner_agreement(s, entity)
                    rules.check_editable(agreement)
                    owners[entity.agreement_id] = (agreement, cases_repo.get(s, agreement.case_id),
                                                   repo.goal_ids(s, agreement.id))
                agreement, case, goals = owners[entity.agreement_id]
                _check_parties(entity, case, goals, consent=False)
            case_ids = list(dict.fromkeys(agreement.case_id for agreement, _case, _goals in owners.values()))
            for case_id in case_ids:
                rules.check_case_writable(cases_repo.status(s, case_id))
            repo.insert_all(s, entities)
            for case_id in case_ids:
                cases_repo.touch(s, case_id)

    def delete(self, entity: Entity) -> None:
        """Delete one entity (and its children, e.g. a goal's indicators). Same freeze rule.

        A person or partner named in a frozen agreement cannot be deleted; their roles and tasks
        in a draft go with them. A consent cannot be deleted once an agreement of the case was
        finalised (revoke it instead).
        """
        if entity.id is None:
            return
        with self.db.transaction() as s:
            stored = repo.find(s, type(entity), entity.id)
            if stored is None:
                return
            if isinstance(stored, (Person, Partner)):
                if repo.named_in_frozen_agreement(s, stored, entity.id):
                    raise RuleViolation(Problem(
                        "status",
                        "Dieser Eintrag ist Teil einer abgeschlossenen Vereinbarung und kann nicht gelöscht werden.",
                    ))
                case_id = stored.case_id
                if repo.has_consents(s, stored, entity.id) and cases_repo.has_frozen_agreement(s, case_id):
                    raise RuleViolation(Problem(
                        "status",
                        "Zu diesem Eintrag gehört ein Einverständnis, auf dem eine abgeschlossene Vereinbarung "
                        "beruht. Er kann deshalb nicht gelöscht werden (ein Einverständnis kann widerrufen werden).",
                    ))
            elif isinstance(stored, Consent):
                case_id = stored.case_id
                if cases_repo.has_frozen_agreement(s, case_id):
                    raise RuleViolation(Problem(
                        "status",
                        "Auf diesem Einverständnis beruht eine abgeschlossene Vereinbarung. "
                        "Es kann nicht gelöscht, nur widerrufen werden.",
                    ))
            else:
                agreement = repo.stored_agreement(s, type(entity), entity.id)
                rules.check_editable(agreement)
                case_id = agreement.case_id
            rules.check_case_writable(cases_repo.status(s, case_id))
            repo.delete(s, type(entity), entity.id)
            cases_repo.touch(s, case_id, refresh_search=isinstance(entity, Person))
