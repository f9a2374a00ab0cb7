"""Review (issue 14): a value typed in the Konfliktliste passes none of the app's checks on texts.

``conflict_choice.keep_typed`` wrote any typed text into the row (only a case title was checked). A
NUL (pasted text) is refused by PostgreSQL for good: from then on every sync said "Der Server hat die
Änderungen eines Falls nicht angenommen (… unsupported Unicode escape sequence)" and no change of that
case reached the server any more. Now refused in German at once, as every other way in refuses it
(control characters, lone surrogates, over-long texts: :mod:`kooperation_desktop.domain.limits`).
"""

from __future__ import annotations

import pytest
from sync_helpers import file_number_clash

from kooperation_desktop.team import conflict_choice, conflicts, sync


def test_a_typed_value_with_a_control_character_is_refused_and_the_case_still_syncs(team) -> None:
    a, b, server = team
    clash = file_number_clash(a, b, server, "Familie Null")

    with pytest.raises(conflict_choice.ConflictChoiceError, match="Steuerzeichen"):
        conflict_choice.keep_typed(b.db, clash.id, "AZ\x00 2")
    with pytest.raises(conflict_choice.ConflictChoiceError, match="zu lang"):
        conflict_choice.keep_typed(b.db, clash.id, "A" * 10_001)
    assert [c.id for c in conflicts.list_conflicts(b.db)] == [clash.id]  # still open
    conflict_choice.keep_typed(b.db, clash.id, "AZ 2\tneu")  # a tab is fine
    sync.sync(b.db, server)
    sync.sync(a.db, server)
    [case] = a.cases.list()
    assert case.id is not None and a.cases.get(case.id).file_number == "AZ 2\tneu"
