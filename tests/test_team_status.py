"""The use cases behind the window's team mode (status line, „Synchronisieren“), against a real
PostgreSQL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pg_server import PgServer
from sqlalchemy import text
from sqlalchemy.engine import make_url
from team_helpers import change_case, make_conflict, password_server, server_database

from kooperation_desktop.services import Services
from kooperation_desktop.team import outbox
from kooperation_desktop.team.conflict_choice import (
    ConflictChoiceError,
    keep,
    keep_typed,
    open_items,
    parse_typed,
    value_text,
)
from kooperation_desktop.team.connection import LoginRefused, ServerUnreachable
from kooperation_desktop.team.status import run_sync, team_status, when_text


def test_single_laptop_mode_has_no_team_status(services: Services) -> None:
    assert team_status(services.db) is None


def test_status_counts_waiting_changes_and_open_conflicts(pg_server: PgServer, tmp_path: Path) -> None:
    mine, other, case_id = make_conflict(pg_server, tmp_path)
    try:
        before = team_status(mine.db)
        assert before is not None and before.pending > 0 and before.conflicts == 0
        result = run_sync(mine.db, "")
        assert result.conflicts == 1
        after = team_status(mine.db)
        assert after is not None
        assert (after.pending, after.conflicts) == (0, 1)
        assert after.last_sync_at is not None
        change_case(mine, case_id, file_number="AZ-2")
        assert team_status(mine.db).pending > 0  # type: ignore[union-attr]
    finally:
        mine.close()
        other.close()


def test_a_wrong_password_is_one_german_line(tmp_path: Path) -> None:
    with password_server() as (_pg, url):
        services = Services.open(tmp_path / "data")
        try:
            outbox.configure(services.db, server_url=url, identity="tina", plain=True)
            with pytest.raises(LoginRefused) as wrong:
                run_sync(services.db, "falsch")
            assert str(wrong.value) == "Anmeldung als „tina“ abgelehnt: Benutzername oder Passwort stimmen nicht."
            assert run_sync(services.db, "Sommer-2026").pulled == 0
        finally:
            services.close()


def test_a_stopped_server_is_unreachable(pg_server: PgServer, tmp_path: Path) -> None:
    db = server_database(pg_server)
    services = Services.open(tmp_path / "data")
    try:
        outbox.configure(services.db, server_url=f"postgresql://x@127.0.0.1:1/{db}", identity="x", plain=True)
        with pytest.raises(ServerUnreachable, match="nicht erreichbar"):
            run_sync(services.db, "")
    finally:
        services.close()


def test_when_text_is_the_time_today_and_the_date_before() -> None:
    now = dt.datetime(2026, 12, 1, 15, 0).astimezone()
    assert when_text(now.replace(hour=14, minute=32), now) == "14:32"
    assert when_text(now - dt.timedelta(days=1), now) == (now - dt.timedelta(days=1)).strftime("%d.%m.%Y %H:%M")


def _server_title(pg: PgServer, services: Services, case_id: int) -> str:
    with services.db.engine.connect() as c:
        state = outbox.state_of(c)
    assert state is not None
    name = make_url(state.server_url).database
    with services.db.engine.connect() as c:
        row_uuid = c.execute(text("SELECT uuid FROM cases WHERE id = :i"), {"i": case_id}).scalar_one()
    return pg.psql(f"SELECT title FROM cases WHERE uuid = '{row_uuid}'", str(name)).strip()


@pytest.mark.parametrize(("side", "expected"), [("local", "Familie Hier"), ("server", "Familie Dort")])
def test_keeping_one_side_ends_on_the_server_and_here(pg_server: PgServer, tmp_path: Path, side: str,
                                                      expected: str) -> None:
    mine, other, case_id = make_conflict(pg_server, tmp_path)
    try:
        run_sync(mine.db, "")
        [item] = open_items(mine.db)
        assert (item.what, item.local_text, item.server_text) == ("Fall: Name des Falls", "Familie Hier",
                                                                  "Familie Dort")
        assert item.server_by == pg_server.superuser and item.editable
        keep(mine.db, item.id, side)  # type: ignore[arg-type]
        assert open_items(mine.db) == []
        assert mine.cases.get(case_id).title == expected
        run_sync(mine.db, "")
        assert _server_title(pg_server, mine, case_id) == expected
        with pytest.raises(ConflictChoiceError, match="schon entschieden"):
            keep(mine.db, item.id, "local")
    finally:
        mine.close()
        other.close()


def test_a_typed_value_is_kept_and_pushed(pg_server: PgServer, tmp_path: Path) -> None:
    mine, other, case_id = make_conflict(pg_server, tmp_path)
    try:
        run_sync(mine.db, "")
        [item] = open_items(mine.db)
        with pytest.raises(ConflictChoiceError, match="Bitte einen Titel"):
            keep_typed(mine.db, item.id, " ")  # the rules of the case apply to a typed value
        keep_typed(mine.db, item.id, "Familie Beide")
        assert mine.cases.get(case_id).title == "Familie Beide"
        run_sync(mine.db, "")
        assert _server_title(pg_server, mine, case_id) == "Familie Beide"
    finally:
        mine.close()
        other.close()


def test_values_read_as_users_read_them() -> None:
    assert value_text(None) == "(leer)"
    assert value_text(dt.date(2027, 3, 1)) == "01.03.2027"
    assert value_text(True) == "ja"
    assert parse_typed("agreements", "next_review", "01.03.2027") == dt.date(2027, 3, 1)
    with pytest.raises(ValueError, match="kein gültiges Datum"):
        parse_typed("agreements", "next_review", "morgen")
