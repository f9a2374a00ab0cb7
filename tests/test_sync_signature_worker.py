"""Team mode with real worker logins (not the superuser): two laptops of one team record a signature
of the same party for the same version. The server keeps signatures append-only for workers, so the
server's signature stands for good: the second laptop's entry in the Konfliktliste closes only with
the server's one, the sync afterwards is clean, and what that laptop recorded stays readable in the
closed entry. A „keep mine“ chosen before (an overwrite waiting in the outbox, refused by the server at
every sync) is taken back: the entry is open again and the case's other changes go through.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from helpers import build_complete_case
from pg_server import PgServer
from sqlalchemy import Engine, create_engine, func, select, update
from sync_helpers import dump_laptop, dump_server, laptop

from kooperation_desktop.cli import main
from kooperation_desktop.services import Services
from kooperation_desktop.signing.model import SignatureMethod
from kooperation_desktop.signing.service import SigningService
from kooperation_desktop.storage.rows_signing import SignatureRow
from kooperation_desktop.storage.rows_sync import ConflictRow, OutboxRow
from kooperation_desktop.team import conflict_choice, conflicts, outbox, sync
from kooperation_desktop.team.connection import ServerAddress
from kooperation_desktop.team.server import add_team, add_user, init_server

STROKES = [[[10.0, 10.0], [60.0, 40.0], [120.0, 20.0]]]


@dataclass
class Team:
    first: Services  # Sina's laptop: her paper signature reaches the server first
    second: Services  # Tom's laptop: his on-screen one comes second
    first_server: Engine  # (Sina's login)
    second_server: Engine  # (Tom's login)
    admin: Engine  # the superuser, only to look
    first_agreement: int
    second_agreement: int
    folder: Path  # Tom's data folder


@pytest.fixture
def signed_twice(pg_server: PgServer, tmp_path: Path) -> Iterator[Team]:
    db = pg_server.create_database()
    address = ServerAddress(pg_server.url(db), allow_plain=True)
    init_server(address)
    tag = uuid.uuid4().hex[:6]
    sina, tom = f"sina_{tag}", f"tom_{tag}"
    add_team(address, "Team Süd")
    add_user(address, sina, "pw-sina", "Team Süd")
    add_user(address, tom, "pw-tom", "Team Süd")
    engines = [create_engine(pg_server.url(db, user=sina)), create_engine(pg_server.url(db, user=tom)),
               create_engine(pg_server.url(db))]
    first, second = laptop(tmp_path, sina), laptop(tmp_path, tom)
    try:
        _case, agreement = build_complete_case(first)
        first.agreements.finalise(agreement)
        sync.sync(first.db, engines[0])
        sync.sync(second.db, engines[1])
        theirs = second.cases.get(second.cases.list()[0].id).agreements[0].id
        assert theirs is not None
        party = SigningService(first.db).overview(agreement).parties[0].key
        SigningService(first.db).record_paper(agreement, party, dt.date.today(), note="im Büro")
        SigningService(second.db).sign_on_screen(theirs, party, STROKES, (300.0, 120.0), "Musterstadt")
        assert sync.sync(first.db, engines[0]).conflicts == 0
        assert sync.sync(second.db, engines[1]).conflicts == 1
        yield Team(first, second, *engines, agreement, theirs, tmp_path / tom)
    finally:
        first.close()
        second.close()
        for engine in engines:
            engine.dispose()


def _methods(services: Services, agreement_id: int) -> list[SignatureMethod]:
    return [s.method for s in SigningService(services.db).signatures(agreement_id)]


def _waiting(services: Services) -> int:
    with services.db.engine.connect() as c:
        return int(c.scalar(select(func.count()).select_from(OutboxRow)) or 0)


def _all_equal(team: Team) -> None:
    assert dump_laptop(team.first) == dump_server(team.admin) == dump_laptop(team.second)


def test_only_the_servers_signature_closes_the_entry(signed_twice: Team) -> None:
    team = signed_twice
    [clash] = conflicts.list_conflicts(team.second.db)
    [item] = conflict_choice.open_items(team.second.db)
    assert item.signature
    with pytest.raises(conflicts.ConflictError, match="Eine Unterschrift auf dem Server kann nicht ersetzt werden"):
        conflicts.resolve(team.second.db, clash.id, "local")
    with pytest.raises(conflict_choice.ConflictChoiceError, match="kann nicht ersetzt werden"):
        conflict_choice.keep(team.second.db, clash.id, "local")
    assert conflicts.open_count(team.second.db) == 1 and _waiting(team.second) == 0  # nothing written
    conflict_choice.keep(team.second.db, clash.id, "server")

    # clean syncs as the workers (no refusal), everyone holds the paper signature of the server
    assert sync.sync(team.second.db, team.second_server).conflicts == 0
    assert sync.sync(team.first.db, team.first_server).conflicts == 0
    assert _waiting(team.second) == _waiting(team.first) == 0
    assert _methods(team.second, team.second_agreement) == [SignatureMethod.PAPER]
    assert _methods(team.first, team.first_agreement) == [SignatureMethod.PAPER]
    _all_equal(team)
    # what Tom's laptop recorded stays readable in the closed entry: who, how, where, when, the strokes
    [closed] = conflicts.list_conflicts(team.second.db, include_resolved=True)
    assert closed.resolved and closed.resolution == "server" and conflicts.open_count(team.second.db) == 0
    mine = closed.local_value
    assert mine["method"] == SignatureMethod.SCREEN.value and mine["place"] == "Musterstadt"
    assert json.loads(mine["strokes"]) == STROKES and mine["signed_at"] is not None
    assert mine["signer_name"] and mine["recorded_at"] is not None and "image_png" in mine
    assert "am Bildschirm unterschrieben in Musterstadt" in conflict_choice.side_texts(closed)[0]


def test_keeping_this_laptops_signature_is_refused_on_the_command_line(signed_twice: Team, capsys) -> None:
    team = signed_twice
    [clash] = conflicts.list_conflicts(team.second.db)
    team.second.close()
    capsys.readouterr()
    assert main(["conflicts", "--data-dir", str(team.folder), "--resolve", str(clash.id), "--keep", "local"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Eine Unterschrift auf dem Server kann nicht ersetzt werden" in err
    assert "Traceback" not in err
    assert main(["conflicts", "--data-dir", str(team.folder), "--resolve", str(clash.id), "--keep", "server"]) == 0
    capsys.readouterr()
    assert main(["conflicts", "--data-dir", str(team.folder), "--alle"]) == 0
    out = capsys.readouterr().out
    assert "[entschieden: server]" in out and "am Bildschirm unterschrieben in Musterstadt" in out


def _old_keep_mine(services: Services, clash: Any) -> None:
    """What „keep mine“ did before: this laptop's signature written over the server's (an outbox entry
    the server refuses a worker), the entry closed for this laptop."""
    mine = {k: outbox.decode(clash.local_value[k]) for k in ("method", "place", "signed_at", "strokes", "note")}
    table = SignatureRow.__table__
    with services.db.transaction() as s:
        s.execute(update(table).where(table.c.uuid == clash.row_uuid).values(**mine))
        s.execute(update(ConflictRow).where(ConflictRow.id == clash.id).values(resolved=True, resolution="local"))


def test_an_overwrite_chosen_before_is_taken_back_not_stuck(signed_twice: Team) -> None:
    team = signed_twice
    [clash] = conflicts.list_conflicts(team.second.db)
    _old_keep_mine(team.second, clash)
    assert _waiting(team.second) == 1 and conflicts.open_count(team.second.db) == 0
    # another change of the same case, made after it
    case = team.second.cases.get(team.second.cases.list()[0].id)
    case.title = "Familie Çelik-Neu"
    team.second.cases.update(case)

    result = sync.sync(team.second.db, team.second_server)  # no PushRefused: nothing sticks
    assert result.conflicts == 1  # the entry is open again
    assert _waiting(team.second) == 0
    [again] = conflicts.list_conflicts(team.second.db)
    assert again.id == clash.id and again.local_value["method"] == SignatureMethod.SCREEN.value
    assert _methods(team.second, team.second_agreement) == [SignatureMethod.PAPER]  # the server's again
    sync.sync(team.first.db, team.first_server)
    assert team.first.cases.list()[0].title == "Familie Çelik-Neu"  # the case's other change landed
    _all_equal(team)
    conflicts.resolve(team.second.db, again.id, "server")
    assert sync.sync(team.second.db, team.second_server).conflicts == 0
    assert _waiting(team.second) == 0
    _all_equal(team)


def test_an_overwrite_without_its_entry_gets_one(signed_twice: Team) -> None:
    """The waiting overwrite is taken back even when its entry is not there (e.g. removed by hand):
    what this laptop had in the row goes into a new entry, nothing is lost."""
    team = signed_twice
    [clash] = conflicts.list_conflicts(team.second.db)
    _old_keep_mine(team.second, clash)
    with team.second.db.engine.begin() as c:
        c.execute(ConflictRow.__table__.delete())
    assert sync.sync(team.second.db, team.second_server).conflicts == 1
    [entry] = conflicts.list_conflicts(team.second.db)
    assert entry.row_uuid == clash.row_uuid and entry.field == conflicts.SIGNATURE
    here, there = conflict_choice.side_texts(entry)
    assert "am Bildschirm unterschrieben in Musterstadt" in here and "auf Papier" in there
    assert _waiting(team.second) == 0 and _methods(team.second, team.second_agreement) == [SignatureMethod.PAPER]
    conflicts.resolve(team.second.db, entry.id, "server")
    assert sync.sync(team.second.db, team.second_server).conflicts == 0
    _all_equal(team)
