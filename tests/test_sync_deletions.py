"""A deletion made on an older state (issue 14: nothing lost, no silent overwrite).

A laptop deletes a row (or a whole case) a colleague changed meanwhile: the server keeps its rows, the
deleting laptop gets them back and ONE Konfliktliste entry per case (the colleague's newer values
against "auf diesem Laptop gelöscht"); the user deletes anyway or keeps them. A deletion of an
unchanged row still goes at once; an outbox entry of an older version (no row version) is checked
against the last pull all the same.
"""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import build_complete_case
from sqlalchemy import text, update
from sync_helpers import dump_laptop, dump_server

from kooperation_desktop.cli import main
from kooperation_desktop.domain.model import Person
from kooperation_desktop.protection.retention import RetentionService
from kooperation_desktop.signing.service import SigningService
from kooperation_desktop.storage.rows_sync import OutboxRow
from kooperation_desktop.team import conflict_choice, conflicts, sync


def _shared_person(team):  # type: ignore[no-untyped-def]
    """A case with one person on both laptops; Ben (b) corrects the birth date and syncs."""
    a, b, server = team
    case = a.cases.create("Familie Korrektur")
    a.parties.save(Person(case_id=case.id, first_name="Mia", last_name="Korrektur"))
    a.parties.save(Person(case_id=case.id, first_name="Tom", last_name="Korrektur"))
    sync.sync(a.db, server)
    sync.sync(b.db, server)
    [on_b] = b.cases.list()
    person_b = next(p for p in b.cases.get(on_b.id).persons if p.first_name == "Mia")
    person_b.birth_date = dt.date(2012, 7, 1)
    b.parties.save(person_b)
    sync.sync(b.db, server)
    return case


def _people(engine) -> list[tuple[str, dt.date | None]]:  # type: ignore[no-untyped-def]
    with engine.connect() as c:
        return sorted(c.execute(text("SELECT first_name, birth_date FROM persons")).all())


def test_a_stale_deletion_of_a_person_waits_for_the_user_and_the_row_comes_back(team) -> None:
    a, b, server = team
    case = _shared_person(team)
    mia = next(p for p in a.cases.get(case.id).persons if p.first_name == "Mia")
    a.parties.delete(mia)  # Anna, on her older state

    assert sync.sync(a.db, server).conflicts == 1
    assert ("Mia", dt.date(2012, 7, 1)) in _people(server)  # the server's row stays
    assert dump_laptop(a) == dump_server(server)  # ... and is back on Anna's laptop
    [item] = conflict_choice.open_items(a.db)
    assert item.what == "Person „Mia Korrektur“ (hier gelöscht, auf dem Server inzwischen geändert)"
    assert item.local_text == "auf diesem Laptop gelöscht"
    assert "Vorname: Mia" in item.server_text and "Geburtsdatum: 01.07.2012" in item.server_text
    assert not item.row_deleted and not item.editable
    assert sync.sync(a.db, server).conflicts == 0  # listed once

    conflict_choice.keep(a.db, item.id, "local")  # delete anyway: now on the state she has seen
    sync.sync(a.db, server)
    sync.sync(b.db, server)
    assert [name for name, _born in _people(server)] == ["Tom"]
    assert dump_laptop(a) == dump_server(server) == dump_laptop(b)
    assert conflict_choice.open_items(a.db) == []


def test_a_stale_deletion_of_a_case_is_one_entry_and_keeping_it_keeps_the_case_whole(team) -> None:
    a, b, server = team
    case = _shared_person(team)
    a.cases.delete(case.id)

    assert sync.sync(a.db, server).conflicts == 1
    [entry] = conflicts.list_conflicts(a.db)
    assert (entry.table, entry.field, entry.case_title) == ("cases", conflicts.DELETION, "Familie Korrektur")
    assert [c.title for c in a.cases.list()] == ["Familie Korrektur"]  # back, with both persons
    assert dump_laptop(a) == dump_server(server)
    conflicts.resolve(a.db, entry.id, "server")  # keep the case
    sync.sync(a.db, server)
    sync.sync(b.db, server)
    assert len(_people(server)) == 2
    assert dump_laptop(a) == dump_server(server) == dump_laptop(b)


def test_the_retention_deletion_of_a_case_a_colleague_changed_waits_as_one_entry(team) -> None:
    a, _b, server = team
    case = _shared_person(team)
    RetentionService(a.db).delete_case(case.id)  # one deletion per row of the case

    assert sync.sync(a.db, server).conflicts == 1
    [item] = conflict_choice.open_items(a.db)
    assert item.what.startswith("Fall (hier gelöscht")
    assert "auf diesem Laptop gelöscht (mit" in item.local_text  # the persons went with the case
    assert len(_people(server)) == 2 and dump_laptop(a) == dump_server(server)
    conflict_choice.keep(a.db, item.id, "local")  # delete anyway
    sync.sync(a.db, server)
    assert _people(server) == [] and a.cases.list() == []


def test_a_deletion_of_an_unchanged_row_goes_at_once(team) -> None:
    a, b, server = team
    case = _shared_person(team)
    sync.sync(a.db, server)  # Anna has seen Ben's correction
    mia = next(p for p in a.cases.get(case.id).persons if p.first_name == "Mia")
    a.parties.delete(mia)
    assert sync.sync(a.db, server).conflicts == 0
    assert [name for name, _born in _people(server)] == ["Tom"]


def test_a_deletion_waiting_in_an_older_outbox_is_checked_too(team) -> None:
    a, _b, server = team
    case = _shared_person(team)
    mia = next(p for p in a.cases.get(case.id).persons if p.first_name == "Mia")
    a.parties.delete(mia)
    with a.db.engine.begin() as c:  # as an older version wrote it: without the row's version
        c.execute(update(OutboxRow).values(base_version=None))
    assert sync.sync(a.db, server).conflicts == 1  # Ben's change came after Anna's last pull
    assert ("Mia", dt.date(2012, 7, 1)) in _people(server)


def test_the_command_line_lists_a_stale_deletion_readably(team, tmp_path, capsys) -> None:
    a, b, server = team
    case = _shared_person(team)
    a.cases.delete(case.id)
    sync.sync(a.db, server)
    a.close()
    capsys.readouterr()
    assert main(["conflicts", "--data-dir", str(tmp_path / "anna")]) == 0
    line = capsys.readouterr().out.strip()
    assert "„Familie Korrektur“ Fall (hier gelöscht, auf dem Server inzwischen geändert) – hier: auf diesem " \
           "Laptop gelöscht" in line, line
    assert "Geburtsdatum: 01.07.2012" in line and "{" not in line, line


def test_deleting_anyway_a_person_a_finalised_version_names_meanwhile_is_refused(team) -> None:
    a, b, server = team
    case_id, _agreement = build_complete_case(a)
    sync.sync(a.db, server)
    sync.sync(b.db, server)
    [on_b] = b.cases.list()
    case_b = b.cases.get(on_b.id)
    deniz_b = next(p for p in case_b.persons if p.first_name == "Deniz")
    deniz_b.birth_date = dt.date(2015, 3, 2)
    b.parties.save(deniz_b)
    b.agreements.finalise(case_b.agreements[0].id)  # Ben: the version naming Deniz is final now
    sync.sync(b.db, server)

    deniz = next(p for p in a.cases.get(case_id).persons if p.first_name == "Deniz")
    a.parties.delete(deniz)  # Anna, on the draft she had
    assert sync.sync(a.db, server).conflicts == 1
    [entry] = conflicts.list_conflicts(a.db)
    with pytest.raises(conflicts.ConflictError, match="abgeschlossenen Vereinbarung"):
        conflicts.resolve(a.db, entry.id, "local")
    conflicts.resolve(a.db, entry.id, "server")
    assert any(p.first_name == "Deniz" for p in a.cases.get(case_id).persons)


def test_a_kept_deletion_brings_back_what_the_local_deletion_changed_beside_it(team) -> None:
    a, b, server = team
    case_id, _agreement = build_complete_case(a)
    sync.sync(a.db, server)
    sync.sync(b.db, server)
    [on_b] = b.cases.list()
    mother_b = next(p for p in b.cases.get(on_b.id).persons if p.is_guardian)
    mother_b.birth_date = dt.date(1988, 1, 9)
    b.parties.save(mother_b)
    sync.sync(b.db, server)

    mother = next(p for p in a.cases.get(case_id).persons if p.is_guardian)
    a.parties.delete(mother)  # here her consents lose their person (ON DELETE SET NULL)
    assert sync.sync(a.db, server).conflicts == 1
    assert dump_laptop(a) == dump_server(server)  # the consents name her again, as on the server


def test_as_workers_the_retention_deletion_of_a_signed_case_a_colleague_changed_goes_when_deleted_anyway(
        workers) -> None:
    """As at an agency (each laptop with its worker's login, policies and append-only triggers): Anna
    deletes a closed case with a finalised, signed version after its retention period, Ben corrected a
    birth date meanwhile; it waits as one entry, and „Trotzdem löschen“ deletes it everywhere (the
    append-only triggers let a whole case go)."""
    a, b, server_a, server_b = workers
    case_id, agreement_id = build_complete_case(a)
    a.agreements.finalise(agreement_id)
    signing = SigningService(a.db)
    signing.record_paper(agreement_id, signing.overview(agreement_id).parties[0].key, dt.date.today(), "im Büro")
    sync.sync(a.db, server_a)
    sync.sync(b.db, server_b)
    [on_b] = b.cases.list()
    deniz_b = next(p for p in b.cases.get(on_b.id).persons if p.first_name == "Deniz")
    deniz_b.birth_date = dt.date(2015, 3, 2)
    b.parties.save(deniz_b)
    sync.sync(b.db, server_b)

    RetentionService(a.db).close_case(case_id)
    RetentionService(a.db).delete_case(case_id)
    assert sync.sync(a.db, server_a).conflicts == 1
    assert dump_laptop(a) == dump_server(server_a)  # the case is back, with Ben's correction
    [item] = conflict_choice.open_items(a.db)
    assert item.what.startswith("Fall (hier gelöscht")
    conflict_choice.keep(a.db, item.id, "local")  # „Trotzdem löschen“
    sync.sync(a.db, server_a)
    sync.sync(b.db, server_b)
    assert a.cases.list() == [] and b.cases.list() == []
    assert dump_server(server_a) == dump_laptop(a) == dump_laptop(b)
