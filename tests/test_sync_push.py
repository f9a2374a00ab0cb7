"""Team mode, the push in batches: many cases go in one server transaction; a case the server refuses
is rolled back alone (the other cases of the batch land), stays in the outbox and lands at the next
sync once the server takes it; a push larger than one batch goes in several, with the same result."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pg_server import PgServer
from sqlalchemy import Engine, text
from sync_helpers import dump_laptop, dump_server, server_engine

from kooperation_desktop.cli import main
from kooperation_desktop.domain.model import Person
from kooperation_desktop.protection.audit import AuditService
from kooperation_desktop.protection.model import PUSH_REFUSED
from kooperation_desktop.services import Services
from kooperation_desktop.team import conflicts, outbox, sync


def _server_titles(server: Engine) -> list[str]:
    with server.connect() as conn:
        return sorted(conn.execute(text("SELECT title FROM cases")).scalars())


def _waiting(services: Services) -> int:
    with services.db.engine.connect() as c:
        return outbox.pending_count(c)


def test_a_case_the_server_refuses_waits_and_the_other_cases_of_the_batch_land(team) -> None:
    a, b, server = team
    for title in ("Familie Gut", "Familie Abgelehnt", "Familie Auch Gut"):
        case = a.cases.create(title)
        a.parties.save(Person(case_id=case.id, first_name="Ida", last_name=title.split()[-1]))
    b.cases.create("Familie Ben")
    sync.sync(b.db, server)
    with server.begin() as conn:  # a rule of the server the laptop does not know
        conn.execute(text("ALTER TABLE persons ADD CONSTRAINT kein_abgelehnt CHECK (last_name <> 'Abgelehnt')"))
    with pytest.raises(sync.PushRefused, match="Änderungen eines Falls nicht angenommen") as refused:
        sync.sync(a.db, server)
    assert "kein_abgelehnt" in str(refused.value) and "\n" not in str(refused.value)
    # the reason in German, naming the case; PostgreSQL's own text is not in the line but in the audit log
    assert ("(Fall „Familie Abgelehnt“: ein Wert verstößt gegen die Regel „kein_abgelehnt“ des Servers"
            in str(refused.value))
    assert "violates" not in str(refused.value) and "Fehler auf dem Server" not in str(refused.value)
    [refused_case] = [c for c in a.cases.list() if c.title == "Familie Abgelehnt"]
    assert refused_case.id is not None
    [logged] = [e for e in AuditService(a.db).for_case(refused_case.id) if e.action == PUSH_REFUSED]
    assert logged.entity_type == "23514 persons kein_abgelehnt"
    assert logged.action_label == "Änderungen vom Server nicht angenommen"
    # what the sync did besides is said in the same line (the other cases went, the colleague's case came)
    assert re.search(r"Sonst: [1-9]\d* Zeilen gesendet, [1-9]\d* empfangen, 0 gelöscht\.", str(refused.value))
    assert "Familie Ben" in [c.title for c in a.cases.list()]  # the pull ran all the same
    # the refused case was rolled back whole (its case row too), the others landed whole
    assert _server_titles(server) == ["Familie Auch Gut", "Familie Ben", "Familie Gut"]
    assert _waiting(a) > 0  # the refused case's changes wait on the laptop
    assert sorted(c.title for c in a.cases.list()) == ["Familie Abgelehnt", "Familie Auch Gut", "Familie Ben",
                                                       "Familie Gut"]
    sync.sync(b.db, server)
    assert sorted(c.title for c in b.cases.list()) == ["Familie Auch Gut", "Familie Ben", "Familie Gut"]

    with server.begin() as conn:  # the server takes it now: the next sync brings it
        conn.execute(text("ALTER TABLE persons DROP CONSTRAINT kein_abgelehnt"))
    result = sync.sync(a.db, server)
    assert (result.pushed, result.conflicts) == (2, 0)
    assert _waiting(a) == 0
    sync.sync(b.db, server)
    assert dump_laptop(a) == dump_server(server) == dump_laptop(b)
    assert conflicts.list_conflicts(a.db) == conflicts.list_conflicts(b.db) == []


def test_a_refused_case_is_one_german_line_on_the_command_line(pg_server: PgServer, tmp_path: Path, capsys,
                                                               monkeypatch) -> None:
    engine, name = server_engine(pg_server)
    try:
        with engine.begin() as conn:
            conn.execute(text("ALTER TABLE cases ADD CONSTRAINT kein_abgelehnt CHECK (title <> 'Familie Abgelehnt')"))
    finally:
        engine.dispose()
    folder = tmp_path / "laptop"
    with Services.open(folder) as services:
        services.cases.create("Familie Abgelehnt")
        services.cases.create("Familie Gut")
    monkeypatch.setenv("KOOPERATION_SERVER_PASSWORD", "egal")
    assert main(["sync", "--url", pg_server.dsn(name), "--ohne-tls", "--data-dir", str(folder)]) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith("Fehler: Der Server hat die Änderungen eines Falls nicht angenommen")
    assert "beim nächsten Synchronisieren erneut gesendet" in captured.err and captured.err.count("\n") == 1
    with Services.open(folder) as services, services.db.engine.connect() as c:
        assert outbox.pending_count(c) == 1  # Familie Gut went, Familie Abgelehnt waits


def test_a_push_larger_than_one_batch_goes_in_several_with_the_same_result(team, monkeypatch) -> None:
    a, b, server = team
    for n in range(5):
        case = a.cases.create(f"Familie {n}")
        a.parties.save(Person(case_id=case.id, first_name="Ida", last_name=str(n)))
    monkeypatch.setattr(sync, "BATCH", 5)  # two or three cases per server transaction
    points: list[str] = []
    assert sync.sync(a.db, server, marker=points.append).pushed == 10
    assert 1 < points.count("local-commit") < 5 and points.count("server-commit") == 5
    sync.sync(b.db, server)
    # edits of every case, again in batches
    for case in a.cases.list():
        full = a.cases.get(case.id)
        full.file_number = f"AZ {case.title}"
        a.cases.update(full)
    assert sync.sync(a.db, server).pushed == 5
    sync.sync(b.db, server)
    assert dump_laptop(a) == dump_server(server) == dump_laptop(b)
    assert _waiting(a) == 0


#: texts that need quoting or escaping on the way to the server (array and JSON syntax, bytes, NULL …)
AWKWARD = ['Zoë "Zo" O\'Neil, {a}', "back\\slash\\x00ff", "Zeile 1\nZeile 2\tTab", "NULL", "", "😀 ß €"]


class _Killed(Exception):
    pass


def test_awkward_texts_arrive_unchanged_and_a_conflict_replays_the_same_after_a_kill(team) -> None:
    a, b, server = team
    case = a.cases.create("Familie Sonder")
    people = [a.parties.save(Person(case_id=case.id, first_name="Ida", last_name=str(n))) for n in range(6)]
    sync.sync(a.db, server)
    sync.sync(b.db, server)
    for person, awkward in zip(people, AWKWARD, strict=True):
        person.first_name = awkward
        a.parties.save(person)
    sync.sync(a.db, server)
    with server.connect() as conn:
        assert sorted(conn.execute(text("SELECT first_name FROM persons")).scalars()) == sorted(AWKWARD)
    sync.sync(b.db, server)
    assert dump_laptop(a) == dump_server(server) == dump_laptop(b)

    # both change the same last name: Ben's push raises a conflict; killed after the server's commit,
    # the next push replays it from what the server remembered, with the same texts
    [ben_person] = [p for p in b.cases.get(b.cases.list()[0].id).persons if p.first_name == AWKWARD[0]]
    [anna_person] = [p for p in a.cases.get(case.id).persons if p.first_name == AWKWARD[0]]
    anna_person.last_name = AWKWARD[2]
    a.parties.save(anna_person)
    ben_person.last_name = AWKWARD[5]
    b.parties.save(ben_person)
    sync.sync(a.db, server)

    def kill(point: str) -> None:
        if point == "server-commit":
            raise _Killed

    with pytest.raises(_Killed):
        sync.push(b.db, server, marker=kill)
    assert conflicts.list_conflicts(b.db) == [] and _waiting(b) > 0
    assert sync.push(b.db, server)[1] == 1
    [clash] = conflicts.list_conflicts(b.db)
    assert (clash.field, clash.local_value, clash.server_value) == ("last_name", AWKWARD[5], AWKWARD[2])
    assert (clash.local_by, clash.server_by) == ("ben", "anna")
    assert _waiting(b) == 0
