"""Case files (JSON): what a user moving a case between laptops relies on."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import pytest

from kooperation_desktop.demo import DemoResult
from kooperation_desktop.domain.model import AgreementStatus
from kooperation_desktop.exchange import (
    FORMAT,
    ExchangeError,
    case_from_dict,
    case_to_dict,
    export_case,
    import_case,
    read_case_file,
)
from kooperation_desktop.services import Services


@pytest.fixture
def demo_file(demo_case: tuple[Services, DemoResult], tmp_path: Path) -> tuple[Path, dict]:
    services, result = demo_case
    path = export_case(services, result.case_id, tmp_path / "fall.json")
    return path, json.loads(path.read_text(encoding="utf-8"))


def _content(services: Services, case_id: int) -> dict:
    """What a user sees of a case, without database ids."""
    case = services.cases.get(case_id)
    agreements = [services.agreements.get(a.id) for a in sorted(case.agreements, key=lambda a: a.version)]
    return {
        "title": case.title,
        "persons": [(p.display_name, p.family_role, p.birth_date, p.is_guardian) for p in case.persons],
        "partners": [(p.kind, p.display_name, p.function, p.contact) for p in case.partners],
        "consents": [(case.person(c.person_id).display_name,
                      case.partner(c.partner_id).display_name if c.partner_id else None,
                      c.categories, c.given_on, c.form, c.text, c.revoked_on) for c in case.consents],
        "agreements": [{
            "version": a.version, "status": a.status, "hash": a.content_hash, "document_id": a.document_id,
            "dates": (a.start_date, a.planned_end, a.next_review), "mandate": a.mandate,
            "goals": [(g.client_words, g.professional_wording,
                       [(i.description, i.scale, i.level_texts, i.baseline, i.target) for i in g.indicators])
                      for g in a.goals],
            "tasks": [(t.what, t.due_date, case.person(t.person_id).display_name if t.person_id else
                       case.partner(t.partner_id).display_name) for t in a.tasks],
            "roles": [r.description for r in a.roles],
            "communication": [(c.kind, c.what, c.who, c.to_whom, c.rhythm, c.next_date) for c in a.communication],
        } for a in agreements],
    }


def test_file_has_documented_header_and_iso_dates(demo_file) -> None:
    path, data = demo_file
    assert data["format"] == FORMAT and data["version"] == 1
    agreement = data["case"]["agreements"][0]
    assert agreement["status"] == "final" and len(agreement["content_hash"]) == 64
    # dates are ISO 8601 in the file, never TT.MM.JJJJ
    assert len(agreement["start_date"]) == 10 and agreement["start_date"][4] == "-"
    assert "Жанна Иванова" in path.read_text(encoding="utf-8")  # UTF-8, not \u escapes


def test_round_trip_gives_same_content_and_hash(services: Services, demo_file, tmp_path: Path) -> None:
    path, data = demo_file
    other = Services.open(tmp_path / "other")
    try:
        result = import_case(other, path)
        assert result.warnings == []
        original = _content(services, data_case_id(services))
        imported = _content(other, result.case_id)
        assert imported == original
        assert imported["agreements"][0]["hash"] == data["case"]["agreements"][0]["content_hash"]
    finally:
        other.close()


def data_case_id(services: Services) -> int:
    (summary,) = services.cases.list()
    return summary.id


def test_import_into_same_database_creates_a_new_case(services: Services, demo_file) -> None:
    path, _ = demo_file
    first = data_case_id(services)
    result = import_case(services, path)
    assert result.case_id != first
    assert len(services.cases.list()) == 2
    # the original is untouched, the copy is frozen; document numbers are unique in a data folder,
    # so the copy has a new one (and a hash of its own: the number is part of the content)
    new = services.agreements.get(result.agreement_ids[0])
    assert new.status == AgreementStatus.FINAL
    copy_content, original_content = _content(services, result.case_id), _content(services, first)
    old_number = original_content["agreements"][0]["document_id"]
    assert copy_content["agreements"][0]["document_id"] != old_number
    assert services.agreements.original_document_id(new.id) == old_number
    for content in (copy_content, original_content):
        for agreement in content["agreements"]:
            del agreement["document_id"], agreement["hash"]
    assert copy_content == original_content


def test_two_versions_and_a_revoked_consent_survive(services: Services, demo_file, tmp_path: Path) -> None:
    case_id = data_case_id(services)
    final = services.cases.get(case_id).agreements[0]
    draft = services.agreements.new_version(final.id)
    draft = services.agreements.get(draft.id)
    draft.goals[0].client_words = "Morgens ist es schon ruhiger – jetzt soll es so bleiben."
    services.parties.save(draft.goals[0])
    case = services.cases.get(case_id)
    oma_consent = next(c for c in case.consents if c.partner_id is not None
                       and case.partner(c.partner_id).name == "Жанна Иванова")
    # the draft must not keep tasks for the grandmother once consent is gone
    for task in draft.tasks:
        if task.partner_id == oma_consent.partner_id:
            services.parties.delete(task)
    for role in draft.roles:
        if role.partner_id == oma_consent.partner_id:
            services.parties.delete(role)
    services.consent.revoke(oma_consent.id, dt.date.today(), "Oma zieht um.")
    path = export_case(services, case_id, tmp_path / "zwei.json")

    other = Services.open(tmp_path / "other")
    try:
        result = import_case(other, path)
        assert result.warnings == []
        before, after = _content(services, case_id), _content(other, result.case_id)
        assert [a["version"] for a in after["agreements"]] == [1, 2]
        assert after["agreements"][1]["status"] == AgreementStatus.DRAFT
        assert after["agreements"][1]["goals"] == before["agreements"][1]["goals"]
        assert after["agreements"][1]["tasks"] == before["agreements"][1]["tasks"]
        assert after["agreements"][0]["hash"] == before["agreements"][0]["hash"]
        assert after["consents"] == before["consents"]
    finally:
        other.close()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(format="something/else"), "keine Fall-Datei"),
        (lambda d: d.update(version=2), "Formatversion 2"),
        (lambda d: d.pop("version"), "Formatversion"),
        (lambda d: d["case"]["persons"][0].pop("first_name"), "case.persons[0]: Das Feld „first_name“ fehlt"),
        (lambda d: d["case"]["agreements"][0]["goals"][1].pop("client_words"),
         "case.agreements[0].goals[1]: Das Feld „client_words“ fehlt"),
        (lambda d: d["case"]["agreements"][0].update(start_date="01.03.2027"), "kein gültiges Datum"),
        (lambda d: d["case"]["partners"][0].update(kind="neighbour"), "kein erlaubter Wert"),
        (lambda d: d["case"]["agreements"][0]["tasks"][0].update(person_id=999, partner_id=None),
         "Nummer 999 gibt es in der Datei nicht"),
        (lambda d: d["case"]["agreements"][0]["goals"][0]["indicators"][0].update(baseline="hoch"),
         "ganze Zahl"),
        (lambda d: d["case"]["agreements"][0].update(content_hash=""), "Prüfwert fehlt"),
    ],
)
def test_invalid_files_are_refused_with_a_german_message(demo_file, change, message) -> None:
    _, data = demo_file
    broken = copy.deepcopy(data)
    change(broken)
    with pytest.raises(ExchangeError) as info:
        case_from_dict(broken)
    assert message in str(info.value)


def test_import_reads_the_case_once_not_per_task(services: Services, demo_file, tmp_path: Path) -> None:
    """Importing a case with many tasks costs each task its own INSERT, no more: the case, its
    agreement and its goals are read once for all roles and tasks (it read the whole case per task:
    a 40-task case took 893 statements)."""
    from sqlalchemy import event

    _path, data = demo_file
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    def import_with(tasks: int) -> tuple[int, list[str]]:
        variant = copy.deepcopy(data)
        agreement = variant["case"]["agreements"][-1]
        demo_tasks = agreement["tasks"]
        agreement["tasks"] = [dict(demo_tasks[i % len(demo_tasks)], id=1000 + i, position=i) for i in range(tasks)]
        path = tmp_path / f"aufgaben-{tasks}.json"
        path.write_text(json.dumps(variant), encoding="utf-8")
        statements.clear()
        result = import_case(services, path)
        return result.case_id, list(statements)

    event.listen(services.db.engine, "before_cursor_execute", count)
    try:
        _few_id, few = import_with(5)
        many_id, many = import_with(40)
    finally:
        event.remove(services.db.engine, "before_cursor_execute", count)
    assert len(services.agreements.get(services.cases.get(many_id).agreements[0].id).tasks) == 40
    task_inserts = sum(1 for st in many if st.startswith("INSERT INTO tasks"))
    assert task_inserts <= 40
    assert len(many) - len(few) <= 35, f"{len(few)} statements for 5 tasks, {len(many)} for 40"
    assert len(many) < 450


def test_refused_file_creates_nothing(services: Services, demo_file, tmp_path: Path) -> None:
    _, data = demo_file
    data["case"]["agreements"][0]["goals"][2]["indicators"][1].pop("target")
    bad = tmp_path / "kaputt.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ExchangeError, match="target"):
        import_case(services, bad)
    assert len(services.cases.list()) == 1


def test_broken_json_and_missing_file(tmp_path: Path) -> None:
    bad = tmp_path / "kaputt.json"
    bad.write_text('{"format": "kooperation-desktop/case", ', encoding="utf-8")
    with pytest.raises(ExchangeError, match="kein gültiges JSON"):
        read_case_file(bad)
    with pytest.raises(ExchangeError, match="gibt es nicht"):
        read_case_file(tmp_path / "fehlt.json")


def test_changed_frozen_content_is_reported(services: Services, demo_file, tmp_path: Path) -> None:
    _, data = demo_file
    data["case"]["agreements"][0]["goals"][0]["client_words"] = "Heimlich geändert."
    changed = tmp_path / "geaendert.json"
    changed.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = import_case(services, changed)
    assert any("Prüfwert" in w for w in result.warnings)


def test_case_to_dict_lists_versions_oldest_first(services: Services, demo_file) -> None:
    case_id = data_case_id(services)
    services.agreements.new_version(services.cases.get(case_id).agreements[0].id)
    data = case_to_dict(services, case_id)
    assert [a["version"] for a in data["case"]["agreements"]] == [1, 2]


def test_draft_round_trip_stays_an_editable_draft(complete_case, tmp_path: Path) -> None:
    services, case_id, agreement_id = complete_case
    path = export_case(services, case_id, tmp_path / "entwurf.json")
    other = Services.open(tmp_path / "other")
    try:
        result = import_case(other, path)
        (new_id,) = result.agreement_ids
        imported = other.agreements.get(new_id)
        assert imported.status == AgreementStatus.DRAFT and imported.content_hash == ""
        assert _content(other, result.case_id) == _content(services, case_id)
        assert other.agreements.check(new_id) == []  # still complete: it can be finalised on the other laptop
        other.agreements.finalise(new_id)
    finally:
        other.close()


def test_an_old_case_file_keeps_its_signers_and_its_checksum(complete_case, tmp_path: Path) -> None:
    """A file written before who signs could be chosen (no "signs" on any person): its versions were
    signed by the guardians. A family member without custody who has a task must not start signing on
    import (that changed the content: „Prüfwert weicht ab“ for a genuine version)."""
    from kooperation_desktop.domain.model import Task

    services, case_id, agreement_id = complete_case
    son = next(p for p in services.cases.get(case_id).persons if p.family_role == "Sohn")
    son.signs = False  # as the old rule had it: only the mother (custody) signs
    services.parties.save(son)
    services.parties.save(Task(agreement_id=agreement_id, position=9, person_id=son.id,
                               what="Deniz packt abends seine Schultasche."))
    original = services.agreements.finalise(agreement_id)
    out = export_case(services, case_id, tmp_path / "alt.json")
    data = json.loads(out.read_text(encoding="utf-8"))
    for person in data["case"]["persons"]:
        del person["signs"]  # the old format had no such field
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    with Services.open(tmp_path / "other") as other:
        result = import_case(other, out)
        assert not [w for w in result.warnings if "Prüfwert" in w], result.warnings
        imported = other.agreements.get(result.agreement_ids[-1])
        assert imported.status == AgreementStatus.FINAL
        signers = {p.first_name for p in other.cases.get(result.case_id).persons if p.signs}
        assert signers == {p.first_name for p in services.cases.get(case_id).persons if p.is_guardian}
        assert original.content_hash == data["case"]["agreements"][-1]["content_hash"]
