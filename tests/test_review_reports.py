"""Review (issue 14): the report to the Jugendamt (Entwicklungsbericht) is case data that never travels.

``reports`` has no ``uuid`` (it is not a travelling table, and docs/team-mode.md does not list it among
what stays on the laptop on purpose): a report written on one laptop never reaches the server, so the
colleague of the team (or the one covering a holiday) never sees it, and a lost laptop loses it. Worse,
removing a case from a laptop never asks about it: when a holiday cover ends, the pull removes the case
"with all its rows" and only keeps a case whose changes wait in the outbox; a report has no outbox
entry, so the covering colleague's report is deleted without a word.
"""

from __future__ import annotations

from pathlib import Path

from helpers import build_complete_case
from pg_server import PgServer
from sync_helpers import laptop, two_teams

from kooperation_desktop.services import Services
from kooperation_desktop.team import sync
from kooperation_desktop.team.teamview import assign_case
from kooperation_desktop.usecases.reports import ReportService


def _only_case(services: Services) -> int:
    [case] = services.cases.list()
    assert case.id is not None
    return case.id


def test_a_report_written_on_one_laptop_reaches_the_colleague(team) -> None:
    a, b, server = team
    case_id, agreement_id = build_complete_case(a)
    a.agreements.finalise(agreement_id)
    ReportService(a.db).create(case_id)
    sync.sync(a.db, server)
    sync.sync(b.db, server)
    assert len(ReportService(b.db).reports(_only_case(b))) == 1


def test_a_report_written_during_a_cover_is_not_deleted_when_the_cover_ends(pg_server: PgServer,
                                                                           tmp_path: Path) -> None:
    db, lea, anna, lead_server, anna_server = two_teams(pg_server)
    lead, covering = laptop(tmp_path, lea), laptop(tmp_path, anna)
    try:
        _case, agreement_id = build_complete_case(lead)
        lead.agreements.finalise(agreement_id)
        sync.sync(lead.db, lead_server)
        with lead.db.engine.connect() as c:
            case_uuid = c.exec_driver_sql("SELECT uuid FROM cases").scalar_one()
        assign_case(lead_server, case_uuid, anna)  # holiday cover
        sync.sync(covering.db, anna_server)
        covered = _only_case(covering)
        ReportService(covering.db).create(covered)  # Anna writes the report due during the cover

        assign_case(lead_server, case_uuid, "")  # the cover ends
        result = sync.sync(covering.db, anna_server)
        sync.sync(lead.db, lead_server)
        # the report is somewhere: still on Anna's laptop (the case kept and said), or with the team
        kept_here = [len(ReportService(covering.db).reports(c.id)) for c in covering.cases.list() if c.id]
        on_lead = len(ReportService(lead.db).reports(_only_case(lead)))
        assert sum(kept_here) + on_lead == 1, (result, result.notes())
    finally:
        lead.close()
        covering.close()
        lead_server.dispose()
        anna_server.dispose()
