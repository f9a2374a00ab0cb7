"""Review (issue 14): a finalised version is append-only; a stale edit of its draft never lands in it.

Anna and Ben both hold a case's draft agreement. Ben rewrites a goal in the family's words offline;
meanwhile Anna finalises the draft (the family signs what she printed) and syncs. When Ben syncs, the
push's merge treats only the agreement row itself as frozen (``merge``: ``change.table ==
"agreements"``): the goal row is still at the version Ben edited, so his change is written straight
into the goal of the now finalised version. No Konfliktliste entry: Ben's wording is not in the
finalised document (its frozen snapshot and hash are Anna's), yet both laptops now show it as the
goal of the signed version.

The Konfliktliste had the same hole for the agreement's own fields and for a closed case: keeping
one's own value wrote it into a finalised version (or an archived case) past every rule of the app;
now refused in German (``conflicts.check_writable``), the server value stays the one choice (for a
closed case: until it is re-opened).
"""

from __future__ import annotations

import pytest
from helpers import GOAL_WORDS, build_complete_case
from sync_helpers import dump_server

from kooperation_desktop.domain.model import AgreementStatus, Goal, Indicator, ScaleKind
from kooperation_desktop.protection.retention import RetentionService
from kooperation_desktop.services import Services
from kooperation_desktop.team import conflict_choice, conflicts, sync

BEN_WORDS = "Morgens frühstücken wir zusammen, ohne Streit."


def _only_agreement(services: Services) -> int:
    [case] = services.cases.list()
    assert case.id is not None
    [agreement] = services.cases.get(case.id).agreements
    assert agreement.id is not None
    return agreement.id


def test_a_goal_edited_in_a_draft_finalised_elsewhere_meanwhile_is_listed_not_written_into_it(team) -> None:
    a, b, server = team
    _case, agreement_a = build_complete_case(a)
    sync.sync(a.db, server)
    sync.sync(b.db, server)
    agreement_b = _only_agreement(b)

    goal = b.agreements.get(agreement_b).goals[0]  # Ben, offline: the family's words, rewritten
    assert goal.client_words == GOAL_WORDS
    goal.client_words = BEN_WORDS
    b.parties.save(goal)

    a.agreements.finalise(agreement_a)  # Anna, meanwhile: the draft as she has it is finalised
    sync.sync(a.db, server)
    result = sync.sync(b.db, server)
    sync.sync(a.db, server)

    finalised = a.agreements.get(agreement_a)
    assert finalised.status == AgreementStatus.FINAL
    # the finalised version keeps the goal it was finalised with, on the server and on both laptops
    assert [g.client_words for g in finalised.goals][0] == GOAL_WORDS
    assert b.agreements.get(agreement_b).goals[0].client_words == GOAL_WORDS
    assert all(dict(row)["client_words"] != BEN_WORDS for row in dump_server(server)["goals"])
    # ... and Ben's wording is not lost: it waits in his Konfliktliste
    assert result.conflicts >= 1
    assert BEN_WORDS in [c.local_value for c in conflicts.list_conflicts(b.db)]


def _draft_and_clash(team) -> tuple[Services, Services, object, int, int]:
    """Anna and Ben hold a draft; Ben rewrites its mandate offline while Anna finalises it; Ben's
    sync lists his mandate (the version is frozen on the server). Returns (a, b, server, Anna's
    agreement id, the conflict's id)."""
    a, b, server = team
    _case, agreement_a = build_complete_case(a)
    sync.sync(a.db, server)
    sync.sync(b.db, server)
    draft = b.agreements.get(_only_agreement(b))
    draft.mandate = "Bens Auftrag"
    b.agreements.update(draft)
    a.agreements.finalise(agreement_a)
    sync.sync(a.db, server)
    assert sync.sync(b.db, server).conflicts == 1
    [clash] = conflicts.list_conflicts(b.db)
    assert (clash.field, clash.local_value) == ("mandate", "Bens Auftrag")
    return a, b, server, agreement_a, clash.id


def test_keeping_ones_own_value_is_refused_for_a_version_finalised_meanwhile(team) -> None:
    a, b, server, agreement_a, clash = _draft_and_clash(team)
    mandate = a.agreements.get(agreement_a).mandate
    with pytest.raises(conflicts.ConflictError, match="abgeschlossen"):
        conflicts.resolve(b.db, clash, "local")
    with pytest.raises(conflict_choice.ConflictChoiceError, match="abgeschlossen"):
        conflict_choice.keep_typed(b.db, clash, "Ein getippter Auftrag")
    sync.sync(b.db, server)
    sync.sync(a.db, server)
    assert a.agreements.get(agreement_a).mandate == mandate  # the finalised version is as it was signed
    assert b.agreements.get(_only_agreement(b)).mandate == mandate
    conflicts.resolve(b.db, clash, "server")  # the one choice left
    assert conflicts.list_conflicts(b.db) == []


def test_keeping_ones_own_value_is_refused_for_a_case_closed_meanwhile(team) -> None:
    a, b, server = team
    case = a.cases.create("Familie Zu", "AZ 1")
    assert case.id is not None
    sync.sync(a.db, server)
    sync.sync(b.db, server)
    [on_b] = b.cases.list()
    assert on_b.id is not None
    mine = b.cases.get(on_b.id)
    mine.file_number = "AZ 1-B"
    b.cases.update(mine)
    theirs = a.cases.get(case.id)
    theirs.file_number = "AZ 1-A"
    a.cases.update(theirs)
    RetentionService(a.db).close_case(case.id)  # Anna closes (archives) the case
    sync.sync(a.db, server)
    assert sync.sync(b.db, server).conflicts == 1
    [clash] = conflicts.list_conflicts(b.db)
    with pytest.raises(conflicts.ConflictError, match="wieder geöffnet"):
        conflicts.resolve(b.db, clash.id, "local")
    assert b.cases.get(on_b.id).file_number == "AZ 1-A"
    RetentionService(b.db).reopen_case(on_b.id)  # re-opened, the own value can be kept
    conflicts.resolve(b.db, clash.id, "local")
    sync.sync(b.db, server)
    sync.sync(a.db, server)
    assert a.cases.get(case.id).file_number == "AZ 1-B"


def test_a_goal_edited_then_finalised_on_the_same_laptop_lands_with_its_version(team) -> None:
    """The other side of the rule: a version finalised on this laptop after its goal was rewritten
    takes the new wording (both go in the same push), no Konfliktliste entry."""
    a, b, server = team
    _case, agreement_a = build_complete_case(a)
    sync.sync(a.db, server)
    sync.sync(b.db, server)
    goal = a.agreements.get(agreement_a).goals[0]
    goal.client_words = BEN_WORDS
    a.parties.save(goal)
    a.agreements.finalise(agreement_a)
    assert sync.sync(a.db, server).conflicts == 0
    sync.sync(b.db, server)
    assert conflicts.list_conflicts(a.db) == []
    assert a.agreements.get(agreement_a).goals[0].client_words == BEN_WORDS
    finalised = b.agreements.get(_only_agreement(b))
    assert finalised.status == AgreementStatus.FINAL
    assert finalised.goals[0].client_words == BEN_WORDS


NEW_GOAL = "Wir essen abends zusammen."
NEW_INDICATOR = "An fünf Abenden in der Woche essen alle zusammen."


def test_a_goal_added_to_a_draft_finalised_elsewhere_meanwhile_is_listed_not_added_to_it(team) -> None:
    """Ben adds a goal (with an indicator) to the draft offline while Anna finalises it: the
    finalised version keeps the goals it was finalised with everywhere; what Ben typed waits
    readable in his Konfliktliste (only the server's side can be kept)."""
    a, b, server = team
    _case, agreement_a = build_complete_case(a)
    sync.sync(a.db, server)
    sync.sync(b.db, server)
    agreement_b = _only_agreement(b)
    goals_before = [g.client_words for g in a.agreements.get(agreement_a).goals]

    goal = b.parties.save(Goal(agreement_id=agreement_b, position=len(goals_before), client_words=NEW_GOAL))
    b.parties.save(Indicator(goal_id=goal.id, position=0, description=NEW_INDICATOR, scale=ScaleKind.GAS))

    a.agreements.finalise(agreement_a)
    sync.sync(a.db, server)
    result = sync.sync(b.db, server)
    sync.sync(a.db, server)

    finalised = a.agreements.get(agreement_a)
    assert finalised.status == AgreementStatus.FINAL
    assert [g.client_words for g in finalised.goals] == goals_before
    on_b = b.agreements.get(agreement_b)
    assert on_b.status == AgreementStatus.FINAL
    assert [g.client_words for g in on_b.goals] == goals_before  # Ben's goal is gone from the signed version
    dumped = dump_server(server)
    assert all(dict(row)["client_words"] != NEW_GOAL for row in dumped["goals"])
    assert all(dict(row)["description"] != NEW_INDICATOR for row in dumped["indicators"])
    # ... and what Ben typed is not lost: readable in his Konfliktliste, the server's side the only choice
    assert result.conflicts >= 1
    items = conflict_choice.open_items(b.db)
    assert any(NEW_GOAL in item.local_text for item in items)
    assert any(NEW_INDICATOR in item.local_text for item in items)
    assert all("abgeschlossen" in item.what and item.row_deleted for item in items)
    clash = next(item for item in items if NEW_GOAL in item.local_text)
    with pytest.raises(conflicts.ConflictError, match="abgeschlossen"):
        conflicts.resolve(b.db, clash.id, "local")
    conflicts.resolve(b.db, clash.id, "server")
    assert sync.sync(b.db, server).conflicts == 0
    assert [g.client_words for g in b.agreements.get(agreement_b).goals] == goals_before


def test_a_goal_deleted_from_a_draft_finalised_elsewhere_meanwhile_stays_in_it(team) -> None:
    """Ben deletes a goal of the draft offline while Anna finalises it: the deletion is held back
    (the finalised version keeps the goal everywhere, Ben's laptop gets it back) and Ben's
    Konfliktliste says what he deleted; deleting anyway is refused (the version is frozen)."""
    a, b, server = team
    _case, agreement_a = build_complete_case(a)
    sync.sync(a.db, server)
    sync.sync(b.db, server)
    agreement_b = _only_agreement(b)
    goals_before = [g.client_words for g in a.agreements.get(agreement_a).goals]
    indicators_before = [i.description for g in a.agreements.get(agreement_a).goals for i in g.indicators]

    b.parties.delete(b.agreements.get(agreement_b).goals[0])

    a.agreements.finalise(agreement_a)
    sync.sync(a.db, server)
    result = sync.sync(b.db, server)
    sync.sync(a.db, server)

    finalised = a.agreements.get(agreement_a)
    assert finalised.status == AgreementStatus.FINAL
    assert [g.client_words for g in finalised.goals] == goals_before
    assert [i.description for g in finalised.goals for i in g.indicators] == indicators_before
    on_b = b.agreements.get(agreement_b)
    assert [g.client_words for g in on_b.goals] == goals_before  # back on Ben's laptop
    assert [i.description for g in on_b.goals for i in g.indicators] == indicators_before
    assert GOAL_WORDS in [dict(row)["client_words"] for row in dump_server(server)["goals"]]
    assert result.conflicts == 1
    [item] = conflict_choice.open_items(b.db)
    assert item.deletion and "gelöscht" in item.local_text
    assert GOAL_WORDS in item.server_text  # what he deleted, readable
    with pytest.raises(conflicts.ConflictError, match="abgeschlossen"):
        conflicts.resolve(b.db, item.id, "local")
    conflicts.resolve(b.db, item.id, "server")
    sync.sync(b.db, server)
    assert [g.client_words for g in b.agreements.get(agreement_b).goals] == goals_before
