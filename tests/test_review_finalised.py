"""Review (issue 14): a finalised version is append-only; a stale edit of its draft never lands in it.

Anna and Ben both hold a case's draft agreement. Ben rewrites a goal in the family's words offline;
meanwhile Anna finalises the draft (the family signs what she printed) and syncs. When Ben syncs, the
push's merge treats only the agreement row itself as frozen (``merge``: ``change.table ==
"agreements"``): the goal row is still at the version Ben edited, so his change is written straight
into the goal of the now finalised version. No Konfliktliste entry: Ben's wording is not in the
finalised document (its frozen snapshot and hash are Anna's), yet both laptops now show it as the
goal of the signed version.
"""

from __future__ import annotations

import pytest
from helpers import GOAL_WORDS, build_complete_case
from sync_helpers import dump_server

from kooperation_desktop.domain.model import AgreementStatus
from kooperation_desktop.services import Services
from kooperation_desktop.team import conflicts, sync

BEN_WORDS = "Morgens frühstücken wir zusammen, ohne Streit."


def _only_agreement(services: Services) -> int:
    [case] = services.cases.list()
    assert case.id is not None
    [agreement] = services.cases.get(case.id).agreements
    assert agreement.id is not None
    return agreement.id


@pytest.mark.xfail(strict=True, reason="Veraltete Änderung eines Ziels landet ohne Konflikt in einer "
                                       "abgeschlossenen Version / a stale goal edit lands in a finalised version")
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
