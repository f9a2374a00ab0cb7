"""The Konfliktliste names the row of each entry the way the rest of the app names it: not
„Person: Geburtsdatum“ (whose? a family with three children) but „Person „Mia Beispiel“:
Geburtsdatum“. The name is recorded with the entry (the row may be deleted later); an entry recorded
before names its row by the row still on this laptop, else by the table alone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import Engine, update

from kooperation_desktop.cli import main
from kooperation_desktop.domain.labels import TABLE_LABEL, row_name
from kooperation_desktop.domain.model import Person
from kooperation_desktop.services import Services
from kooperation_desktop.storage.rows_sync import ConflictRow
from kooperation_desktop.storage.travelling import travelling_tables
from kooperation_desktop.team import conflict_choice, sync


def test_each_kind_of_row_is_named() -> None:
    day = dt.date(2027, 3, 1)
    assert row_name("persons", {"first_name": "Lotta", "last_name": "Beispiel"}) == "Person „Lotta Beispiel“"
    assert row_name("partners", {"name": "Frau Nachbar", "organisation": "Grundschule Ost"}) == (
        "Beteiligte Stelle „Frau Nachbar, Grundschule Ost“")
    assert row_name("goals", {"client_words": "", "professional_wording": "Regelmäßiger Schulbesuch"}) == (
        "Ziel „Regelmäßiger Schulbesuch“")
    assert row_name("goals", {"client_words": "Wir gehen\nspazieren.", "professional_wording": "x"}) == (
        "Ziel „Wir gehen spazieren.“")
    assert row_name("indicators", {"description": "Mia ist pünktlich"}) == "Merkmal „Mia ist pünktlich“"
    assert row_name("tasks", {"what": "Wecker stellen"}) == "Aufgabe „Wecker stellen“"
    assert row_name("communication_rules", {"what": "Hilfeplangespräch"}) == "Absprache „Hilfeplangespräch“"
    assert row_name("roles", {"description": "begleitet zum Arzt"}) == "Rolle „begleitet zum Arzt“"
    assert row_name("signatures", {"signer_name": "Ayşe Çelik"}) == "Unterschrift „Ayşe Çelik“"
    assert row_name("cases", {"title": "Familie Weg", "file_number": "4711"}) == "Fall „Familie Weg“ (Az. 4711)"
    assert row_name("cases", {"title": "Familie Weg", "file_number": ""}) == "Fall „Familie Weg“"
    assert row_name("agreements", {"version": 2}) == "Vereinbarung Version 2"
    assert row_name("reports", {"period_start": day, "period_end": dt.date(2027, 8, 31)}) == (
        "Bericht an das Jugendamt (01.03.2027 – 31.08.2027)")
    assert row_name("consents", {"given_on": day}) == "Einwilligung vom 01.03.2027"
    assert row_name("followup_reviews", {"held_on": day}) == "Überprüfung vom 01.03.2027"
    assert row_name("followup_reflections", {"held_on": day}) == "Gemeinsame Reflexion vom 01.03.2027"
    long = row_name("tasks", {"what": "sehr " * 30})
    assert long.endswith("…“") and len(long) < 70
    # unknown (gone, or named by nothing): the table's label alone, never a raw name or "None"
    for table in travelling_tables():
        assert row_name(table.name, None) == TABLE_LABEL[table.name]
        assert row_name(table.name, {c.name: None for c in table.c}) == TABLE_LABEL[table.name]
    assert row_name("persons", {"first_name": "", "last_name": ""}) == "Person"


def _three_children(team: tuple[Services, Services, Engine]) -> tuple[Services, Services]:
    """Three children on both laptops; the birth date of Mia changed on both (a conflict on ``ben``)."""
    a, b, server = team
    case = a.cases.create("Familie Beispiel", "17/2026")
    for first in ("Lotta", "Mia", "Ben"):
        a.parties.save(Person(case_id=case.id, first_name=first, last_name="Beispiel", family_role="Kind"))
    sync.sync(a.db, server)
    sync.sync(b.db, server)
    for services, born in ((a, dt.date(2015, 1, 2)), (b, dt.date(2016, 1, 2))):
        [summary] = services.cases.list()
        assert summary.id is not None
        mia = next(p for p in services.cases.get(summary.id).persons if p.first_name == "Mia")
        mia.birth_date = born
        services.parties.save(mia)
    sync.sync(a.db, server)
    sync.sync(b.db, server)
    return a, b


def test_an_entry_names_whose_field_it_is(team: tuple[Services, Services, Engine], tmp_path: Path,
                                          capsys) -> None:
    _a, b = _three_children(team)
    [item] = conflict_choice.open_items(b.db)
    assert (item.case_title, item.case_file_number, item.what) == (
        "Familie Beispiel", "17/2026", "Person „Mia Beispiel“: Geburtsdatum")
    b.close()
    capsys.readouterr()
    assert main(["conflicts", "--data-dir", str(tmp_path / "ben")]) == 0
    line = capsys.readouterr().out.strip()
    assert ("„Familie Beispiel“ (Az. 17/2026) Person „Mia Beispiel“: Geburtsdatum – hier: 02.01.2016 (ben, "
            in line), line


def test_the_name_still_reads_when_the_row_is_gone(team: tuple[Services, Services, Engine]) -> None:
    _a, b = _three_children(team)
    [summary] = b.cases.list()
    assert summary.id is not None
    mia = next(p for p in b.cases.get(summary.id).persons if p.first_name == "Mia")
    b.parties.delete(mia)  # (after the entry was recorded)
    [item] = conflict_choice.open_items(b.db)
    assert item.what == "Person „Mia Beispiel“: Geburtsdatum"


def test_an_entry_recorded_before_names_its_row_by_the_row_here(team: tuple[Services, Services, Engine]) -> None:
    _a, b = _three_children(team)
    with b.db.engine.begin() as c:  # as recorded before the name was (revision 0023)
        c.execute(update(ConflictRow).values(row_name=""))
    [item] = conflict_choice.open_items(b.db)
    assert item.what == "Person „Mia Beispiel“: Geburtsdatum"
    [summary] = b.cases.list()
    assert summary.id is not None
    b.parties.delete(next(p for p in b.cases.get(summary.id).persons if p.first_name == "Mia"))
    [item] = conflict_choice.open_items(b.db)
    assert item.what == "Person: Geburtsdatum"  # gone, and named nowhere: the table alone
