"""Team mode: the laptop's program and the server's schema are compared before every sync (issue 14).
A server older than the program (its Alembic revision a known one, not the head) or newer (a revision
this program does not know) gets nothing and gives nothing: one German line, exit code 1, the outbox
untouched. ``server status`` says which, and ``server init`` of an older program leaves a newer server
alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from pg_server import PgServer
from sqlalchemy import Engine, text
from sync_helpers import server_engine

from kooperation_desktop.cli import main
from kooperation_desktop.services import Services
from kooperation_desktop.storage.db import head_revisions
from kooperation_desktop.team import sync
from kooperation_desktop.team.connection import ServerError
from kooperation_desktop.team.schema_check import SchemaMismatch
from kooperation_desktop.team.teamview import team_overview

OLDER = "0019"
UNKNOWN = "9999_kommt_noch"
NEWER_TEXT = ("Der Server wurde mit einer neueren Version von Kooperation Desktop eingerichtet. Bitte aktualisieren "
              "Sie das Programm auf diesem Laptop; bis dahin bleiben Ihre Änderungen hier.")


def _head() -> str:
    return ", ".join(sorted(head_revisions()))


def _older_text() -> str:
    return (f"Der Server ist auf einem älteren Stand (Schema {OLDER}) als dieses Programm ({_head()}). Bitte die "
            "Verwaltung bitten, „kooperation-desktop server init“ mit der neuen Version auszuführen; bis dahin "
            "bleiben Ihre Änderungen auf diesem Laptop.")


def _stamp(server: Engine, revision: str) -> None:
    with server.begin() as conn:
        conn.execute(text("DELETE FROM alembic_version"))
        conn.execute(text("INSERT INTO alembic_version (version_num) VALUES (:v)"), {"v": revision})


def _outbox(services: Services) -> list[tuple[str, str, str]]:
    with services.db.engine.connect() as c:
        return [tuple(r) for r in c.execute(text("SELECT entry_uuid, table_name, op FROM sync_outbox ORDER BY id"))]


def _server_cases(server: Engine) -> list[str]:
    with server.connect() as conn:
        return sorted(conn.execute(text("SELECT title FROM cases")).scalars())


@pytest.mark.parametrize(("revision", "message"), [(OLDER, None), (UNKNOWN, NEWER_TEXT)], ids=["older", "newer"])
def test_a_server_on_another_schema_gets_nothing_and_gives_nothing(team, revision: str, message: str | None) -> None:
    a, b, server = team
    b.cases.create("Familie Ben")
    sync.sync(b.db, server)
    a.cases.create("Familie Anna")
    waiting = _outbox(a)
    assert waiting
    _stamp(server, revision)
    with pytest.raises(SchemaMismatch) as refused:
        sync.sync(a.db, server)
    assert str(refused.value) == (message or _older_text())
    assert _outbox(a) == waiting  # nothing pushed, the changes wait here
    assert [c.title for c in a.cases.list()] == ["Familie Anna"]  # nothing pulled
    assert _server_cases(server) == ["Familie Ben"]
    assert sync.last_sync(a.db) is None

    _stamp(server, _head())  # the same schema again: the sync goes through
    assert sync.sync(a.db, server).pushed == 1
    assert _outbox(a) == []
    assert sorted(c.title for c in a.cases.list()) == ["Familie Anna", "Familie Ben"]


def test_an_older_server_is_one_german_line_and_exit_code_1_on_the_command_line(
        pg_server: PgServer, tmp_path: Path, capsys, monkeypatch) -> None:
    engine, name = server_engine(pg_server)
    try:
        _stamp(engine, OLDER)
    finally:
        engine.dispose()
    folder = tmp_path / "laptop"
    with Services.open(folder) as services:
        services.cases.create("Familie Wartet")
    monkeypatch.setenv("KOOPERATION_SERVER_PASSWORD", "egal")
    capsys.readouterr()
    assert main(["sync", "--url", pg_server.dsn(name), "--ohne-tls", "--data-dir", str(folder)]) == 1
    captured = capsys.readouterr()
    assert captured.err == f"Fehler: {_older_text()}\n" and "Synchronisiert" not in captured.out
    with Services.open(folder) as services:
        assert len(_outbox(services)) == 1


def test_server_status_says_older_or_newer_and_init_of_an_older_program_leaves_a_newer_server(
        pg_server: PgServer, capsys) -> None:
    engine, name = server_engine(pg_server)
    url = ["--url", pg_server.url(name), "--ohne-tls"]
    try:
        _stamp(engine, OLDER)
        assert main(["server", "status", *url]) == 0
        schema = capsys.readouterr().out.splitlines()[1]
        assert schema == (f"Schema-Version: {OLDER} (älter als dieses Programm: server init aktualisiert es; bis "
                          "dahin synchronisieren die Laptops mit dieser Version nicht)")

        _stamp(engine, UNKNOWN)
        assert main(["server", "status", *url]) == 0
        schema = capsys.readouterr().out.splitlines()[1]
        assert schema == (f"Schema-Version: {UNKNOWN} (neuer als dieses Programm: bitte Kooperation Desktop "
                          "aktualisieren; bis dahin synchronisieren die Laptops mit dieser Version nicht)")

        assert main(["server", "init", *url]) == 1
        captured = capsys.readouterr()
        assert captured.err == (f"Fehler: Der Server wurde mit einer neueren Version von Kooperation Desktop "
                                f"eingerichtet (Schema {UNKNOWN}); diese Version kann ihn nicht einrichten. Bitte "
                                "„server init“ mit der neueren Version ausführen.\n")
        with engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == [UNKNOWN]
    finally:
        engine.dispose()


def test_the_team_view_reads_nothing_from_a_server_on_another_schema(team) -> None:
    _a, _b, server = team
    _stamp(server, UNKNOWN)
    with pytest.raises(SchemaMismatch) as refused:
        team_overview(server)
    assert str(refused.value) == NEWER_TEXT
    assert isinstance(refused.value, ServerError)  # (the window's team view shows it as it is)
