"""Review (issue 14): a deletion made on an older state silently removes a colleague's newer edit.

The docs make "delete wins" safe in one order only: an edit of a row the server deleted already becomes
a Konfliktliste entry ("auf dem Server gelöscht"). In the other order nothing is said: Ben corrects a
person's data and syncs; Anna, who never saw the correction, deletes the person offline and syncs. Her
deletion carries no base version (``base_version`` is None for deletes), so the push cannot notice that
the row changed since she saw it; the row goes, with Ben's edit, and no Konfliktliste on either laptop
mentions it (the stateful test skips deleted rows when it looks for vanished edits).
"""

from __future__ import annotations

import datetime as dt

from kooperation_desktop.domain.model import Person
from kooperation_desktop.team import conflicts, sync


def test_deleting_a_row_a_colleague_changed_meanwhile_is_listed(team) -> None:
    a, b, server = team
    case = a.cases.create("Familie Korrektur")
    assert case.id is not None
    a.parties.save(Person(case_id=case.id, first_name="Mia", last_name="Korrektur"))
    sync.sync(a.db, server)
    sync.sync(b.db, server)

    [on_b] = b.cases.list()
    assert on_b.id is not None
    [person_b] = b.cases.get(on_b.id).persons
    person_b.birth_date = dt.date(2012, 7, 1)  # Ben, in the office: the birth date from the Jugendamt
    b.parties.save(person_b)
    sync.sync(b.db, server)

    [person_a] = a.cases.get(case.id).persons  # Anna, offline, on her older state: deletes the person
    a.parties.delete(person_a)
    found = sync.sync(a.db, server).conflicts
    found += sync.sync(b.db, server).conflicts
    listed = conflicts.list_conflicts(a.db) + conflicts.list_conflicts(b.db)
    assert found >= 1 and listed, "Ben's correction went with the deletion, and nobody was told"
