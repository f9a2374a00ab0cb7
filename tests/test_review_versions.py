"""Review (issue 14): a new version made offline loses the link to the version it replaces.

``agreements.predecessor_id`` points to another row of the same table. The push inserts a table's new
rows in one statement and looks up their parents before it (``_insert``: ``present`` is read before
``insert_rows``): a version 2 pushed together with its version 1 finds no version 1 on the server,
its ``predecessor_id`` is taken as "parent deleted on the server" and set to NULL — silently. The
pull then writes that NULL back over the laptop's own row, so the link is gone everywhere (the case
file export, ``Agreement.predecessor_id``).

The pull had the same gap (a colleague's first pull reads the rows in the order of their last change:
version 1, superseded when version 2 was finalised, came after it); fixed in ``team_pull.write_rows``.
"""

from __future__ import annotations

from helpers import build_complete_case

from kooperation_desktop.services import Services
from kooperation_desktop.team import sync


def _versions(services: Services) -> dict[int, tuple[int, int | None]]:
    """{version: (agreement id, predecessor id)} of the only case."""
    [case] = services.cases.list()
    assert case.id is not None
    found = {}
    for summary in services.cases.get(case.id).agreements:
        assert summary.id is not None
        agreement = services.agreements.get(summary.id)
        found[agreement.version] = (summary.id, agreement.predecessor_id)
    return found


def test_a_new_version_made_before_the_first_sync_keeps_its_predecessor(team) -> None:
    a, b, server = team
    _case, agreement_id = build_complete_case(a)
    a.agreements.finalise(agreement_id)
    second = a.agreements.new_version(agreement_id)
    assert second.predecessor_id == agreement_id
    sync.sync(a.db, server)
    sync.sync(b.db, server)
    for services in (a, b):
        versions = _versions(services)
        assert versions[2][1] == versions[1][0]  # version 2 replaces version 1, on both laptops


def test_a_colleagues_first_pull_keeps_the_link_between_versions(team) -> None:
    a, b, server = team
    _case, agreement_id = build_complete_case(a)
    a.agreements.finalise(agreement_id)
    sync.sync(a.db, server)
    second = a.agreements.new_version(agreement_id)
    assert second.id is not None
    sync.sync(a.db, server)
    a.agreements.finalise(second.id)  # version 1 becomes superseded: changed after version 2
    sync.sync(a.db, server)
    versions_a = _versions(a)
    assert versions_a[2][1] == versions_a[1][0]  # (pushed one after the other: kept on the server)
    sync.sync(b.db, server)  # Ben's first pull: everything at once
    versions_b = _versions(b)
    assert versions_b[2][1] == versions_b[1][0]
