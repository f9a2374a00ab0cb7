"""Team mode: two laptops each record a signature of the same party for the same agreement version.

Signatures are only ever added, so they never conflict field by field; but one party signs a version
once. When two laptops both recorded it (one on screen, one on paper), the second to sync gets the clash
in its Konfliktliste with both signatures side by side (who signed, how, when, recorded by whom); the
server's stands until the user decides. Nothing is dropped without appearing there.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from helpers import build_complete_case
from sqlalchemy import Engine, func, select
from sync_helpers import dump_laptop, dump_server

from kooperation_desktop.cli import main
from kooperation_desktop.services import Services
from kooperation_desktop.signing.model import SignatureMethod
from kooperation_desktop.signing.service import SigningService
from kooperation_desktop.storage.rows_signing import SignatureRow
from kooperation_desktop.team import conflict_choice, conflicts, sync

STROKES = [[[10.0, 10.0], [60.0, 40.0], [120.0, 20.0]]]


def _both_sign(a: Services, b: Services, server: Engine) -> tuple[int, int, str]:
    """A finalised version on both laptops; each records the first party's signature offline: A on
    paper, B on screen. Returns (A's agreement id, B's, the party's key)."""
    _case, agreement_a = build_complete_case(a)
    a.agreements.finalise(agreement_a)
    sync.sync(a.db, server)
    sync.sync(b.db, server)
    agreement_b = b.cases.get(b.cases.list()[0].id).agreements[0].id
    assert agreement_b is not None
    party = SigningService(a.db).overview(agreement_a).parties[0].key
    SigningService(a.db).record_paper(agreement_a, party, dt.date.today(), note="im Büro")
    SigningService(b.db).sign_on_screen(agreement_b, party, STROKES, (300.0, 120.0), "Musterstadt")
    return agreement_a, agreement_b, party


def _methods(services: Services, agreement_id: int) -> list[SignatureMethod]:
    return [s.method for s in SigningService(services.db).signatures(agreement_id)]


def _signature_count(services: Services) -> int:
    with services.db.engine.connect() as c:
        return int(c.scalar(select(func.count()).select_from(SignatureRow)) or 0)


def test_two_signatures_of_one_party_are_one_conflict_of_the_second_syncer(team) -> None:
    a, b, server = team
    agreement_a, agreement_b, party = _both_sign(a, b, server)
    assert sync.sync(a.db, server).conflicts == 0  # first: A's paper signature stands on the server
    result = sync.sync(b.db, server)
    assert result.conflicts == 1
    # the server's stands on B too, B's own is in the Konfliktliste
    assert _methods(b, agreement_b) == [SignatureMethod.PAPER]
    [clash] = conflicts.list_conflicts(b.db)
    assert clash.table == "signatures" and clash.local_by == "ben" and clash.server_by == "anna"
    [item] = conflict_choice.open_items(b.db)
    assert item.what.startswith("Unterschrift")
    assert "am Bildschirm" in item.local_text and "Musterstadt" in item.local_text
    assert "auf Papier" in item.server_text and dt.date.today().strftime("%d.%m.%Y") in item.server_text
    assert not item.editable and not item.row_deleted
    # listed once: further syncs on both sides add nothing, and everyone holds the server's one
    assert sync.sync(b.db, server).conflicts == 0
    assert sync.sync(a.db, server).conflicts == 0
    assert dump_laptop(a) == dump_server(server) == dump_laptop(b)
    assert conflicts.list_conflicts(a.db) == []
    del party


def test_the_servers_signature_stands(team) -> None:
    """Only the server's signature closes the entry (signatures on the server are append-only)."""
    a, b, server = team
    agreement_a, agreement_b, _party = _both_sign(a, b, server)
    sync.sync(a.db, server)
    sync.sync(b.db, server)
    [clash] = conflicts.list_conflicts(b.db)
    with pytest.raises(conflicts.ConflictError, match="Eine Unterschrift auf dem Server kann nicht ersetzt werden"):
        conflicts.resolve(b.db, clash.id, "local")
    conflicts.resolve(b.db, clash.id, "server")
    sync.sync(b.db, server)
    sync.sync(a.db, server)
    wanted = [SignatureMethod.PAPER]
    assert _methods(b, agreement_b) == wanted and _methods(a, agreement_a) == wanted
    assert dump_laptop(a) == dump_server(server) == dump_laptop(b)
    assert _signature_count(a) == _signature_count(b) == 1
    assert conflicts.list_conflicts(b.db) == []
    [closed] = conflicts.list_conflicts(b.db, include_resolved=True)  # this laptop's one stays readable
    assert closed.local_value["method"] == SignatureMethod.SCREEN.value


def test_a_signature_clash_on_the_command_line(team, capsys, tmp_path: Path) -> None:
    a, b, server = team
    _both_sign(a, b, server)
    sync.sync(a.db, server)
    sync.sync(b.db, server)
    capsys.readouterr()
    b.close()
    assert main(["conflicts", "--data-dir", str(tmp_path / "ben")]) == 0
    out = capsys.readouterr().out
    assert "Unterschrift" in out and "am Bildschirm" in out and "auf Papier" in out
    assert "$b64" not in out and "image_png" not in out
