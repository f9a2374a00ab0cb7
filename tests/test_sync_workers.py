"""Team mode as at an agency: every laptop syncs with its social worker's own database login, on a server
set up with ``server init`` (row-level security, append-only triggers: the ``workers`` fixture). Normal
flows the policies or triggers once refused for a worker login (the superuser, which most sync tests
use, bypasses both); found by tests/test_sync_stateful.py, which runs as worker logins too."""

from __future__ import annotations

from sqlalchemy import func, select
from sync_helpers import dump_laptop, dump_server

from kooperation_desktop.domain.model import Person
from kooperation_desktop.services import Services
from kooperation_desktop.storage.rows_sync import OutboxRow
from kooperation_desktop.team import sync


def _waiting(services: Services) -> int:
    with services.db.engine.connect() as c:
        return int(c.scalar(select(func.count()).select_from(OutboxRow)) or 0)


def test_a_case_made_and_deleted_before_any_sync_leaves_nothing_waiting(workers) -> None:  # type: ignore[no-untyped-def]
    """Anna makes a case by mistake and deletes it again before she syncs: her sync goes through (it
    was refused as "keine Berechtigung für diesen Fall" and stayed waiting for ever), the server never
    sees the case."""
    a, b, server_a, server_b = workers
    kept = a.cases.create("Familie Berg", "AZ 7")
    wrong = a.cases.create("Familie Versehen", "AZ 8")
    assert wrong.id is not None and kept.id is not None
    a.parties.save(Person(case_id=wrong.id, first_name="Vera", last_name="Versehen"))  # goes with the case
    a.cases.delete(wrong.id)

    sync.sync(a.db, server_a)

    assert _waiting(a) == 0
    sync.sync(b.db, server_b)
    assert [c.title for c in b.cases.list()] == ["Familie Berg"]
    assert dump_laptop(a) == dump_server(server_a) == dump_laptop(b)

