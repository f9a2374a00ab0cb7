"""The Konfliktliste in German words (window and command line): every stored field by its German name
from the one label catalogue (``labels.FIELD_LABEL``), bookkeeping (ids, uuids, positions, weights,
hashes …) and references to other rows left out, values as a user reads them — „ja“/„nein“, TT.MM.JJJJ,
„(leer)“, an enum's German word — never „position: 2“, „weight: 1.0“, „True“ or „2019-05-04“."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import Engine

from kooperation_desktop.cli import main
from kooperation_desktop.domain import labels
from kooperation_desktop.domain.model import Partner, PartnerKind
from kooperation_desktop.services import Services
from kooperation_desktop.storage.travelling import travelling_tables
from kooperation_desktop.team import outbox, sync
from kooperation_desktop.team.conflict_choice import field_label, field_text, parse_typed, row_text

#: bookkeeping a user never reads (the other fields not named in the catalogue: references to rows)
INTERNAL = {"id", "uuid", "row_version", "change_seq", "position", "weight", "created_at", "updated_at",
            "search_text", "team_id", "assigned_to", "document_id", "original_document_id", "wizard_step",
            "content_hash", "frozen_content", "goal_categories", "key", "party_key", "strokes", "pad_width",
            "pad_height", "image_png", "indicator_id", "goal_id", "goal_weight", "participant_kind"}


def test_every_field_a_user_may_read_has_a_german_name() -> None:
    missing = []
    for table in travelling_tables():
        refs = outbox.foreign_keys(table.name)
        assert table.name in labels.TABLE_LABEL
        for column in table.c:
            if column.name not in INTERNAL and column.name not in refs and (
                    (table.name, column.name) not in labels.FIELD_LABEL):
                missing.append(f"{table.name}.{column.name}")
    assert missing == []
    assert all(key[0] in labels.TABLE_LABEL for key in labels.FIELD_LABEL)
    assert field_label("tasks", "what") == "Aufgabe: Aufgabe"
    assert field_label("partners", "kind") == "Beteiligte Stelle: Art der Beteiligung"


def test_a_new_row_is_read_by_german_names_without_bookkeeping() -> None:
    goal = {"id": 7, "uuid": "0b6a4c1e-1f2d-4c3b-9a8e-123456789abc", "agreement_id": "9d1e-…", "position": 2,
            "row_version": 1, "client_words": "Wir gehen spazieren.", "professional_wording": "", "weight": 1.0}
    assert row_text("goals", goal) == "Ziel in eigenen Worten: Wir gehen spazieren."
    person = {"case_id": "c1", "first_name": "Lotta", "last_name": "", "birth_date": {"$date": "2019-05-04"},
              "is_guardian": True, "signs": None, "family_role": "Tochter"}
    assert row_text("persons", person) == ("Vorname: Lotta\nGeburtsdatum: 04.05.2019\nPersonensorgeberechtigt: ja\n"
                                           "Rolle in der Familie: Tochter")
    rule = {"kind": "meeting", "what": "Hilfeplangespräch", "next_date": {"$date": "2027-03-01"}, "position": 0}
    assert row_text("communication_rules", rule) == (
        "Art der Absprache: Treffen / Gespräch\nWas: Hilfeplangespräch\nNächster Termin: 01.03.2027")
    assert row_text("goals", {"id": 1, "position": 0}) == "(leer)"


def test_a_fields_value_in_german_words() -> None:
    assert field_text("persons", "is_guardian", False) == "nein"
    assert field_text("persons", "birth_date", {"$date": "2019-05-04"}) == "04.05.2019"
    assert field_text("persons", "birth_date", None) == "(leer)"
    assert field_text("cases", "status", "closed") == "abgeschlossen"
    assert field_text("agreements", "status", "final") == "abgeschlossen"
    assert field_text("reports", "status", "sent") == "versendet"
    assert field_text("reports", "checked_how", "paper") == "auf Papier"
    assert field_text("partners", "kind", "youth_office") == "Jugendamt (beauftragend)"
    assert field_text("consents", "categories", "contact,health") == "Name und Kontaktdaten, Gesundheit"
    assert field_text("agreements", "family_language", "tr") == "Türkisch"
    assert field_text("followup_reflection_ratings", "condition", "b") == "Gemeinsames Ziel"
    assert field_text("reports", "copies", ["parents", "", "file"]) == "Eltern / Personensorgeberechtigte\nAkte"
    assert field_text("indicators", "level_texts", ["nie", "", "oft"]) == "nie\noft"
    assert field_text("followup_reflections", "participants", [
        {"name": "Lotta Weg", "kind": "family", "ref": "person:0b6a4c1e-1f2d-4c3b-9a8e-123456789abc"}]) == "Lotta Weg"
    assert field_text("reports", "sections", {"verlauf": "Gut.", "ziele": ""}) == "Gut."
    assert field_text("cases", "title", "Familie Weg") == "Familie Weg"
    assert field_text("agreements", "next_review", dt.date(2027, 3, 1)) == "01.03.2027"


def test_the_command_line_lists_a_conflict_in_german_words(team: tuple[Services, Services, Engine],
                                                           tmp_path: Path, capsys) -> None:
    a, b, server = team
    case = a.cases.create("Familie Worte")
    a.parties.save(Partner(case_id=case.id, kind=PartnerKind.RESOURCE_INFORMAL, name="Frau Nachbar"))
    sync.sync(a.db, server)
    sync.sync(b.db, server)
    for services, kind in ((a, PartnerKind.RESOURCE_PROFESSIONAL), (b, PartnerKind.PROFESSIONAL)):
        [summary] = services.cases.list()
        assert summary.id is not None
        [partner] = services.cases.get(summary.id).partners
        partner.kind = kind
        services.parties.save(partner)
    sync.sync(a.db, server)
    sync.sync(b.db, server)
    b.close()
    capsys.readouterr()
    assert main(["conflicts", "--data-dir", str(tmp_path / "ben")]) == 0
    line = capsys.readouterr().out.strip()
    assert ("„Familie Worte“ Beteiligte Stelle „Frau Nachbar“: Art der Beteiligung – hier: Fachkraft "
            "(hilfeerbringend) (ben, ") in line, line
    assert "Server: Professionelle Ressource im Sozialraum (anna, " in line, line
    assert "professional" not in line and "kind" not in line


def test_a_field_with_fixed_values_is_chosen_not_typed() -> None:
    """„Bearbeiten…“ of a status or a kind would write the typed German word („abgeschlossen“) where the
    app stores "closed": such a field is decided by choosing a side."""
    for table, column in (("cases", "status"), ("partners", "kind"), ("reports", "checked_how")):
        with pytest.raises(ValueError, match="kann nicht eingetippt werden"):
            parse_typed(table, column, "abgeschlossen")
    assert parse_typed("cases", "title", "Familie Neu") == "Familie Neu"
