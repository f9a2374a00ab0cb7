"""The laptop's commit after a push (the pushed outbox entries removed, their conflicts listed) does not wait
for the disk: losing it in a power cut is harmless, the entries are back and their push only replays
what the server remembered (the kill points of ``tests/test_sync.py`` cover that replay). Every other
write of the data folder stays ``synchronous=FULL`` (a committed edit survives a power cut)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event

from kooperation_desktop.domain.model import Person
from kooperation_desktop.storage.team_outbox import pending_count
from kooperation_desktop.team import conflicts, sync


def _synchronous(engine: Any) -> int:
    with engine.connect() as conn:
        return int(conn.exec_driver_sql("PRAGMA synchronous").scalar_one())


def test_the_push_removes_its_entries_without_waiting_for_the_disk_and_other_writes_stay_full(team) -> None:
    a, b, server = team
    case = a.cases.create("Familie Funk")
    person = a.parties.save(Person(case_id=case.id, first_name="Ida", last_name="Funk"))
    sync.sync(a.db, server)
    sync.sync(b.db, server)
    [other] = b.cases.get(b.cases.list()[0].id).persons
    other.first_name = "Ina"
    b.parties.save(other)
    sync.sync(b.db, server)
    person.first_name = "Ilse"  # the same field: a conflict, listed in the same local transaction
    a.parties.save(person)

    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(" ".join(statement.split()))

    event.listen(a.db.engine, "before_cursor_execute", seen)
    try:
        assert sync.push(a.db, server)[1] == 1  # one new conflict
    finally:
        event.remove(a.db.engine, "before_cursor_execute", seen)
    removal = next(i for i, s in enumerate(statements) if s.startswith("DELETE FROM sync_outbox"))
    assert statements[:removal].count("PRAGMA synchronous=NORMAL") == 1
    assert "PRAGMA synchronous=FULL" in statements[removal:]
    with a.db.engine.connect() as local:
        assert pending_count(local) == 0
    assert [c.field for c in conflicts.list_conflicts(a.db)] == ["first_name"]
    # every connection of the pool writes with FULL again (2), the user's next edit as before
    assert _synchronous(a.db.engine) == 2
    a.cases.create("Familie Neu")
    assert _synchronous(a.db.engine) == 2
