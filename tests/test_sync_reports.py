"""Team mode: the reports to the Jugendamt (Entwicklungsbericht) travel like every other row of a case
(issue 14). A sent report is frozen: a field change made on an older copy never lands on it (it goes
to the Konfliktliste, where only the server's side can be kept); migration 0020 gives existing reports
their uuid and, on a laptop already in team mode, queues them for the next sync."""

from __future__ import annotations

from typing import Any

import pytest
from alembic import command
from helpers import build_complete_case
from sqlalchemy import Engine, select
from sync_helpers import dump_laptop, dump_server

from kooperation_desktop.services import Services
from kooperation_desktop.storage.db import alembic_config
from kooperation_desktop.storage.rows_report import ReportRow
from kooperation_desktop.storage.rows_sync import OutboxRow
from kooperation_desktop.team import conflict_choice, conflicts, sync
from kooperation_desktop.usecases.reports import ReportService


def _only_case(services: Services) -> int:
    [case] = services.cases.list()
    assert case.id is not None
    return case.id


def _only_report(services: Services) -> int:
    [report] = ReportService(services.db).reports(_only_case(services))
    assert report.id is not None
    return report.id


def _shared_report(a: Services, b: Services, server: Engine,
                   server_b: Engine | None = None) -> tuple[ReportService, Any, ReportService]:
    """A complete case with its version finalised and a report draft, made on ``a`` and synced to ``b``
    (``b`` with its own login ``server_b``, default: ``server``)."""
    case_id, agreement_id = build_complete_case(a)
    a.agreements.finalise(agreement_id)
    reports_a = ReportService(a.db)
    report = reports_a.create(case_id)
    assert report.id is not None
    sync.sync(a.db, server)
    sync.sync(b.db, server_b or server)
    return reports_a, report, ReportService(b.db)


def _migrate(engine: Engine, revision: str, *, down: bool = False) -> None:
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(config, revision)


def test_a_report_edited_and_sent_travels_whole(team) -> None:
    a, b, server = team
    case_id, agreement_id = build_complete_case(a)
    a.agreements.finalise(agreement_id)
    reports_a = ReportService(a.db)
    report = reports_a.create(case_id)
    report.sections = {**report.sections, "next_steps": "Gespräch mit der Schule im März."}
    reports_a.save(report)
    assert report.id is not None
    reports_a.mark_checked(report.id, "Lea Leitung")
    reports_a.mark_sent(report.id, to_whom="Jugendamt Nord")
    sync.sync(a.db, server)
    sync.sync(b.db, server)

    reports_b = ReportService(b.db)
    arrived = reports_b.get(_only_report(b))
    sent = reports_a.get(report.id)
    assert arrived.status == sent.status
    assert arrived.sections["next_steps"] == "Gespräch mit der Schule im März."
    assert (arrived.document_id, arrived.sent_to, arrived.frozen_content, arrived.content_hash) == (
        sent.document_id, sent.sent_to, sent.frozen_content, sent.content_hash)
    assert arrived.agreement_id == b.cases.get(_only_case(b)).agreements[0].id  # its own local version
    assert reports_b.verify_stored(_only_report(b))


def test_a_sent_report_takes_no_change_of_an_older_draft(team) -> None:
    a, b, server = team
    reports_a, report, reports_b = _shared_report(a, b, server)
    draft_b = reports_b.get(_only_report(b))
    draft_b.sections = {**draft_b.sections, "next_steps": "Text von Ben, offline geschrieben."}
    reports_b.save(draft_b)  # on the older draft, while Anna sends the report
    reports_a.mark_checked(report.id, "Lea Leitung")
    reports_a.mark_sent(report.id, to_whom="Jugendamt Nord")
    sent = reports_a.get(report.id)
    sync.sync(a.db, server)
    result = sync.sync(b.db, server)

    assert result.conflicts == 1
    # the sent report stays exactly as sent, everywhere
    for services in (a, b):
        copy = ReportService(services.db).get(_only_report(services))
        assert (copy.status, copy.sections, copy.frozen_content, copy.content_hash) == (
            sent.status, sent.sections, sent.frozen_content, sent.content_hash)
    # Ben's text is not lost: it waits in his Konfliktliste, and only the server's side can be kept
    [item] = conflict_choice.open_items(b.db)
    period = f"{sent.period_start:%d.%m.%Y} – {sent.period_end:%d.%m.%Y}"
    assert item.what == f"Bericht an das Jugendamt ({period}): Texte des Berichts"
    assert "Text von Ben, offline geschrieben." in item.local_text
    with pytest.raises(conflict_choice.ConflictChoiceError, match="inzwischen versendet"):
        conflict_choice.keep(b.db, item.id, conflict_choice.LOCAL)
    conflict_choice.keep(b.db, item.id, conflict_choice.SERVER)
    assert conflicts.open_count(b.db) == 0


def test_migration_0020_queues_the_reports_of_a_laptop_in_team_mode(team) -> None:
    """A laptop that wrote reports while they did not travel: after the migration they have a uuid
    and wait in the outbox as new rows; the next sync brings them to the colleague."""
    a, b, server = team
    case_id, agreement_id = build_complete_case(a)
    a.agreements.finalise(agreement_id)
    sync.sync(a.db, server)
    sync.sync(b.db, server)
    for services in (a, b):
        _migrate(services.db.engine, "0019", down=True)
    _migrate(server, "0019", down=True)
    with a.db.engine.begin() as conn:  # a report as the older version wrote it: no outbox entry
        conn.exec_driver_sql(
            "INSERT INTO reports (row_version, case_id, agreement_id, document_id, period_start, period_end, "
            "status, sections, goal_categories, checked_by, checked_how, sent_to, copies, frozen_content, "
            "content_hash) SELECT 1, id, NULL, 'EB-OLD00001', NULL, NULL, 'draft', '{}', '{}', '', '', '', "
            "'[]', '', '' FROM cases")

    for engine in (a.db.engine, b.db.engine, server):
        _migrate(engine, "heads")
    with a.db.engine.connect() as conn:
        report_uuid = conn.scalar(select(ReportRow.uuid))
        waiting = conn.execute(select(OutboxRow.op).where(OutboxRow.table_name == "reports",
                                                          OutboxRow.row_uuid == report_uuid)).scalars().all()
    assert report_uuid and waiting == ["insert"]

    sync.sync(a.db, server)
    sync.sync(b.db, server)
    [arrived] = ReportService(b.db).reports(_only_case(b))
    assert arrived.document_id == "EB-OLD00001"
    with b.db.engine.connect() as conn:
        assert conn.scalar(select(ReportRow.uuid)) == report_uuid


def test_a_text_merged_into_a_checked_report_makes_it_a_draft_again(team) -> None:
    """The team lead checked the report on one laptop while a colleague still edited its draft on
    another: the colleague's text is merged in, and the lead's check does not cover it. As after an
    edit on one laptop, the report is a draft again, without the sign-off (the lead checks anew)."""
    a, b, server = team
    reports_a, report, reports_b = _shared_report(a, b, server)
    draft_b = reports_b.get(_only_report(b))
    draft_b.sections = {**draft_b.sections, "next_steps": "Nachtrag von Ben."}
    reports_b.save(draft_b)
    reports_a.mark_checked(report.id, "Lea Leitung")
    sync.sync(a.db, server)
    result = sync.sync(b.db, server)
    sync.sync(a.db, server)

    assert result.conflicts == 0
    for services in (a, b):
        copy = ReportService(services.db).get(_only_report(services))
        assert copy.sections["next_steps"] == "Nachtrag von Ben."
        assert (copy.status.value, copy.checked_by, copy.checked_on) == ("draft", "", None)


def test_as_workers_a_report_sent_offline_lands_and_an_older_draft_change_waits(workers) -> None:
    """As at an agency (each laptop with its worker's login, policies and append-only triggers): Anna
    sends the report offline while Ben edits the older draft; her push takes it from draft to sent, his
    change waits in his Konfliktliste and keeping the server's side leaves the sent report as it is."""
    a, b, server_a, server_b = workers
    reports_a, report, reports_b = _shared_report(a, b, server_a, server_b)
    draft_b = reports_b.get(_only_report(b))
    draft_b.sections = {**draft_b.sections, "next_steps": "Text von Ben, offline geschrieben."}
    reports_b.save(draft_b)
    reports_a.mark_checked(report.id, "Lea Leitung")
    reports_a.mark_sent(report.id, to_whom="Jugendamt Nord")
    sent = reports_a.get(report.id)
    sync.sync(a.db, server_a)

    assert sync.sync(b.db, server_b).conflicts == 1
    [item] = conflict_choice.open_items(b.db)
    conflict_choice.keep(b.db, item.id, conflict_choice.SERVER)
    sync.sync(b.db, server_b)
    sync.sync(a.db, server_a)
    for services in (a, b):
        copy = ReportService(services.db).get(_only_report(services))
        assert (copy.status, copy.sections, copy.content_hash) == (sent.status, sent.sections, sent.content_hash)
    assert dump_server(server_a) == dump_laptop(a) == dump_laptop(b)
