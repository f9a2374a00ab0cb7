"""Review (issue 14): a row added offline to a case deleted on the server vanishes with its content.

Ben adds a person to a case while Anna deletes the case (say, after its retention period). The push
turns Ben's insert into one Konfliktliste entry "auf dem Server gelöscht" (``_insert``: field ``*``)
with NO local value; the pull's tombstone then removes the case and Ben's new person from his laptop.
What Ben typed (name, birth date …) is nowhere any more: the list only says "Person (auf dem Server
gelöscht) – hier: (leer)". An edit of an existing row in the same situation keeps each changed value
in the list, and two signatures of one party keep the whole signature: a new row should too.
"""

from __future__ import annotations

import datetime as dt

from kooperation_desktop.domain.model import Person
from kooperation_desktop.team import conflict_choice, conflicts, sync


def test_a_person_added_to_a_case_deleted_meanwhile_stays_readable_in_the_konfliktliste(team) -> None:
    a, b, server = team
    case = a.cases.create("Familie Weg")
    assert case.id is not None
    sync.sync(a.db, server)
    sync.sync(b.db, server)
    [on_b] = b.cases.list()
    assert on_b.id is not None
    b.parties.save(Person(case_id=on_b.id, first_name="Lotta", last_name="Weg", family_role="Tochter",
                          birth_date=dt.date(2019, 5, 4)))  # Ben, offline
    a.cases.delete(case.id)  # Anna, meanwhile
    sync.sync(a.db, server)

    assert sync.sync(b.db, server).conflicts == 1
    assert b.cases.list() == []  # the deletion wins ...
    [item] = conflict_choice.open_items(b.db)
    [entry] = conflicts.list_conflicts(b.db)
    # ... but what Ben typed is still there to read (and to type again elsewhere)
    assert "Lotta" in item.local_text or "Lotta" in str(entry.local_value), (item, entry)
    # readable, with the field names in German as the other entries
    assert "Vorname: Lotta" in item.local_text and "Geburtsdatum: 04.05.2019" in item.local_text, item.local_text
