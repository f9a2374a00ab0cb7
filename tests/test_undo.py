"""Removing something in the wizard can be undone, with everything that went with it."""

from __future__ import annotations

import pytest
from helpers import GOAL_WORDS, INDICATOR_TEXT, INFORMAL, MOTHER, TASK_PARTNER

from kooperation_desktop import undo
from kooperation_desktop.domain.rules import RuleViolation


def texts(services, agreement_id):
    a = services.agreements.get(agreement_id)
    return ({g.client_words for g in a.goals}, {i.description for g in a.goals for i in g.indicators},
            {t.what for t in a.tasks}, {r.description for r in a.roles})


def test_undo_goal_brings_back_indicators_and_task_links(complete_case):
    services, _case_id, agreement_id = complete_case
    before = texts(services, agreement_id)
    agreement = services.agreements.get(agreement_id)
    goal = next(g for g in agreement.goals if g.client_words == GOAL_WORDS)
    linked = {t.what for t in agreement.tasks if t.goal_id == goal.id}
    removal = undo.remove(services, goal)
    assert GOAL_WORDS not in texts(services, agreement_id)[0]
    assert INDICATOR_TEXT not in texts(services, agreement_id)[1]
    assert removal.label.startswith("Ziel „")
    restored = undo.undo(services, removal)
    assert texts(services, agreement_id) == before
    after = services.agreements.get(agreement_id)
    assert {t.what for t in after.tasks if t.goal_id == restored.id} == linked
    assert services.agreements.check(agreement_id) == []


def test_undo_partner_restores_consent_tasks_and_role(complete_case):
    services, case_id, agreement_id = complete_case
    before = texts(services, agreement_id)
    neighbour = next(p for p in services.cases.get(case_id).partners if p.name == INFORMAL)
    removal = undo.remove(services, neighbour)
    assert TASK_PARTNER not in texts(services, agreement_id)[2]
    assert all(c.partner_id != neighbour.id for c in services.cases.get(case_id).consents)
    undo.undo(services, removal)
    case = services.cases.get(case_id)
    new = next(p for p in case.partners if p.name == INFORMAL)
    assert any(c.partner_id == new.id and c.is_active() for c in case.consents)
    assert texts(services, agreement_id) == before
    assert services.agreements.check(agreement_id) == []


def test_undo_person_relinks_consent_and_restores_tasks(complete_case):
    services, case_id, agreement_id = complete_case
    before = texts(services, agreement_id)
    mother = next(p for p in services.cases.get(case_id).persons if p.last_name == MOTHER[1]
                  and p.first_name == MOTHER[0])
    removal = undo.remove(services, mother)
    assert services.agreements.check(agreement_id)  # now incomplete: no consent-giver, no family task
    undo.undo(services, removal)
    case = services.cases.get(case_id)
    new = next(p for p in case.persons if p.first_name == MOTHER[0])
    assert any(c.person_id == new.id for c in case.consents)
    assert texts(services, agreement_id) == before


def test_removal_in_a_final_version_is_refused(complete_case):
    services, _case_id, agreement_id = complete_case
    services.agreements.finalise(agreement_id)
    goal = services.agreements.get(agreement_id).goals[0]
    with pytest.raises(RuleViolation):
        undo.remove(services, goal)
    assert services.agreements.get(agreement_id).goals[0].client_words == goal.client_words
