"""The Konfliktliste says what happened to each entry in a header of its own: not „verschieden
geändert“ for entries that are not two edits of one field — a field changed here of a case deleted on
the server, a row added here to a case deleted meanwhile, a goal added here to a draft finalised
meanwhile. (Two edits, a deletion and a signature twice: test_ui_team, test_ui_conflict_deletion,
test_ui_conflict_signature.)"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conflict_readable import shown, unreadable
from helpers import AUNT, NO_CONSENT, build_complete_case
from pg_server import PgServer
from team_helpers import laptop, server_database

from kooperation_desktop.domain.model import Goal, PartnerKind, Person
from kooperation_desktop.team.status import run_sync
from ui.team.conflict_dialog import ConflictDialog

pytestmark = pytest.mark.gui

FIELD_GONE = ("Sie haben das auf diesem Laptop geändert, auf dem Server wurde der Eintrag aber inzwischen "
              "gelöscht. Ihr Wert kann nicht mehr übernommen werden; er steht hier zum Nachlesen.")
NEW_IN_DELETED = ("Sie haben das auf diesem Laptop neu eingetragen, auf dem Server wurde aber inzwischen "
                  "gelöscht, wozu es gehört (der Fall oder ein übergeordneter Eintrag). Es wurde nicht "
                  "übernommen; was Sie eingegeben haben, steht hier zum Nachlesen.")
NEW_IN_FROZEN = ("Sie haben das auf diesem Laptop neu eingetragen, die Version der Vereinbarung wurde aber "
                 "inzwischen abgeschlossen. Sie bleibt, wie sie unterschrieben wurde; was Sie eingegeben "
                 "haben, steht hier zum Übernehmen in eine neue Version.")


def test_each_kind_of_entry_has_its_own_header(qtbot, pg_server: PgServer, tmp_path: Path) -> None:
    url = pg_server.url(server_database(pg_server)).replace("postgresql+psycopg://", "postgresql://")
    other = laptop(tmp_path / "other", url, "anna_berg")
    mine = laptop(tmp_path / "mine", url, "ben_kraus")
    try:
        gone = other.cases.create("Familie Weg")
        _case, agreement = build_complete_case(other)
        run_sync(other.db, "")
        run_sync(mine.db, "")
        my_gone = next(c.id for c in mine.cases.list() if c.title == "Familie Weg")
        my_case = next(c.id for c in mine.cases.list() if c.title == "Familie Çelik")
        # offline on this laptop: the case renamed and a person added, a goal added to the draft
        renamed = mine.cases.get(my_gone)
        renamed.title = "Familie Weg (neu)"
        mine.cases.update(renamed)
        mine.parties.save(Person(case_id=my_gone, first_name="Lotta", last_name="Weg", family_role="Tochter",
                                 birth_date=dt.date(2019, 5, 4), is_guardian=False))
        # the aunt's birth date and the school's kind of partner: changed here and there
        for services, born, kind in ((mine, dt.date(1980, 2, 3), PartnerKind.PROFESSIONAL),
                                     (other, dt.date(1981, 2, 3), PartnerKind.RESOURCE_INFORMAL)):
            family = services.cases.get(next(c.id for c in services.cases.list() if c.title == "Familie Çelik"))
            aunt = next(p for p in family.persons if p.first_name == AUNT[0])
            aunt.birth_date = born
            services.parties.save(aunt)
            school = next(p for p in family.partners if p.name == NO_CONSENT)
            school.kind = kind
            services.parties.save(school)
        my_agreement = mine.cases.get(my_case).agreements[0].id
        assert my_agreement is not None
        goals = mine.agreements.get(my_agreement).goals
        mine.parties.save(Goal(agreement_id=my_agreement, position=len(goals),
                               client_words="Wir gehen jeden Sonntag zusammen spazieren."))
        # meanwhile on the server: the case deleted, the draft finalised
        assert gone.id is not None
        other.cases.delete(gone.id)
        other.agreements.finalise(agreement)
        run_sync(other.db, "")
        run_sync(mine.db, "")

        dialog = ConflictDialog(mine)
        qtbot.add_widget(dialog)
        dialog.show()
        qtbot.wait_exposed(dialog)
        # each entry names its row (whose birth date? which partner?), the way the app names it
        case_gone = "(Fall nicht mehr auf diesem Laptop) – Fall „Familie Weg (neu)“: Name des Falls"
        lotta = "(Fall nicht mehr auf diesem Laptop) – Person „Lotta Weg“ (auf dem Server gelöscht)"
        walk = ("Familie Çelik – Ziel „Wir gehen jeden Sonntag zusammen spazieren.“ (hier neu, die Version ist "
                "inzwischen abgeschlossen)")
        aunt_born = f"Familie Çelik – Person „{AUNT[0]} {AUNT[1]}“: Geburtsdatum"
        school_kind = f"Familie Çelik – Beteiligte Stelle „{NO_CONSENT}, Grundschule am Park“: Art der Beteiligung"
        headers, whats = {}, {}
        for row in range(dialog.list.count()):
            dialog.list.setCurrentRow(row)
            headers[dialog.list.item(row).text()] = dialog.header.text()
            whats[dialog.list.item(row).text()] = dialog.what.text()
        assert headers[case_gone] == FIELD_GONE
        assert headers[lotta] == NEW_IN_DELETED
        assert headers[walk] == NEW_IN_FROZEN
        two_edits = {aunt_born, school_kind}
        assert all("verschieden geändert" in headers[entry] for entry in two_edits)
        assert all("verschieden geändert" not in text for entry, text in headers.items() if entry not in two_edits)
        assert whats[lotta] == (
            "Fall nicht mehr auf diesem Laptop · Person „Lotta Weg“ (auf dem Server gelöscht)")  # (not „Fall „–““)
        assert whats[aunt_born] == (  # (the case, with its Aktenzeichen, and whose birth date)
            f"Fall „Familie Çelik“ (Az. AZ 51-2026-0815) · Person „{AUNT[0]} {AUNT[1]}“: Geburtsdatum")
        # every entry in German words: no raw field names, ids, positions, True/False or ISO dates
        assert unreadable(dialog) == {}
        values = shown(dialog)
        assert values[lotta][0] == (
            "Vorname: Lotta\nNachname: Weg\nRolle in der Familie: Tochter\nGeburtsdatum: 04.05.2019\n"
            "Personensorgeberechtigt: nein")
        assert values[walk][0] == (
            "Ziel in eigenen Worten: Wir gehen jeden Sonntag zusammen spazieren.")
        assert values[aunt_born] == ("03.02.1980", "03.02.1981")
        assert values[school_kind] == (
            "Fachkraft (hilfeerbringend)", "Ressource im Umfeld der Familie")
    finally:
        other.close()
        mine.close()
