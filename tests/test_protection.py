"""Data protection: encryption at rest, password and recovery key, re-key, plain → encrypted
migration, backup/restore, audit trail, retention (read-only, deletion), GDPR export."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from helpers import (
    AUNT,
    CHILD,
    GOAL_WORDS,
    INFORMAL,
    MOTHER,
    PROFESSIONAL,
    TASK_PARTNER,
    build_complete_case,
)
from sqlalchemy import inspect, select, text
from sqlalchemy.exc import DatabaseError

from kooperation_desktop.domain.model import Person
from kooperation_desktop.domain.rules import RuleViolation
from kooperation_desktop.protection import keys, vault
from kooperation_desktop.protection.audit import AuditService
from kooperation_desktop.protection.backup import (
    BackupError,
    create_backup,
    restore_backup,
)
from kooperation_desktop.protection.gdpr import export_person, person_report
from kooperation_desktop.protection.keys import (
    PassphraseRequired,
    ProtectionError,
    WrongPassphrase,
)
from kooperation_desktop.protection.retention import RetentionService
from kooperation_desktop.services import Services
from kooperation_desktop.storage.database import Database
from kooperation_desktop.storage.db import cipher_connect, make_engine, upgrade_to_head
from kooperation_desktop.storage.retention import case_row_ids
from kooperation_desktop.storage.rows import Base

PASSWORD = "test-passwort-Kooperation-2026"  # tests/conftest.py sets it as KOOPERATION_PASSPHRASE
NAMES = [" ".join(MOTHER), " ".join(AUNT), " ".join(CHILD), INFORMAL, PROFESSIONAL[0], GOAL_WORDS, TASK_PARTNER,
         "Çelik", "Familie Çelik"]


def _contains_any(data: bytes) -> list[str]:
    found = []
    for name in NAMES:
        for enc in ("utf-8", "utf-16-le", "utf-16-be"):
            if name.encode(enc) in data:
                found.append(f"{name} ({enc})")
    return found


def _dump(services: Services, skip: tuple[str, ...] = ("audit_log",)) -> dict[str, list[tuple]]:
    with services.db.reading() as s:
        out = {}
        for name in inspect(s.connection()).get_table_names():
            if name in skip:
                continue
            out[name] = [tuple(r) for r in s.execute(text(f'SELECT * FROM "{name}" ORDER BY 1'))]
        return out


# --- encryption at rest ------------------------------------------------------------------------
def test_database_wal_and_backup_hold_no_name_in_readable_form(complete_case, tmp_path):
    services, _cid, aid = complete_case
    services.agreements.finalise(aid)
    db = services.data_dir / "kooperation.sqlite"
    wal = Path(f"{db}-wal")
    # while the app runs the WAL holds the latest pages: it exists and is encrypted too
    with services.db.reading() as s:
        s.execute(text("SELECT count(*) FROM persons")).scalar()
        assert wal.exists() and wal.stat().st_size > 0
        assert _contains_any(wal.read_bytes()) == []
    assert _contains_any(db.read_bytes()) == []
    backup = create_backup(services, tmp_path / "sicherung.kdsich").path
    assert _contains_any(backup.read_bytes()) == []
    assert _contains_any((services.data_dir / "kooperation.keys").read_bytes()) == []
    # the check can fail: the same names ARE in the database when it is read with the key
    conn = cipher_connect(db, services.key_state.db_key)
    try:
        stored = " ".join(r[0] for r in conn.execute("SELECT first_name || ' ' || last_name FROM persons"))
    finally:
        conn.close()
    assert " ".join(MOTHER) in stored
    with pytest.raises(sqlite3.DatabaseError):
        plain = sqlite3.connect(db)
        try:
            plain.execute("SELECT count(*) FROM persons").fetchone()
        finally:
            plain.close()


def test_wrong_password_is_refused_and_touches_nothing(complete_case):
    services, cid, _aid = complete_case
    data = services.data_dir
    services.close()
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in data.iterdir()}
    with pytest.raises(WrongPassphrase, match="Passwort ist falsch"):
        Services.open(data, "falsches-Passwort-123")
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in data.iterdir()}
    assert after == before
    with Services.open(data, PASSWORD) as again:
        assert [c.id for c in again.cases.list()] == [cid]


def test_without_password_a_clear_german_error(tmp_path, monkeypatch):
    monkeypatch.delenv("KOOPERATION_PASSPHRASE", raising=False)
    with pytest.raises(PassphraseRequired, match="Passwort festlegen"):
        Services.open(tmp_path / "neu")
    with Services.open(tmp_path / "neu", PASSWORD) as services:
        services.cases.create("Familie Erst")
    with pytest.raises(PassphraseRequired, match="verschlüsselt"):
        Services.open(tmp_path / "neu")


def test_a_short_password_is_refused_at_set_up(tmp_path):
    with pytest.raises(ProtectionError, match="mindestens 10 Zeichen"):
        Services.open(tmp_path / "neu", "kurz")
    assert not (tmp_path / "neu" / "kooperation.keys").exists()


def test_change_password_rekeys_the_file(complete_case):
    services, cid, _aid = complete_case
    data = services.data_dir
    old_key = services.key_state.db_key
    vault.change_password(services.db, PASSWORD, "ganz-neues-Passwort-42")
    assert services.key_state.db_key != old_key
    # the open services go on working with the new key
    services.parties.save(Person(case_id=cid, first_name="Nach", last_name="Wechsel"))
    services.close()
    conn = cipher_connect(data / "kooperation.sqlite", old_key)
    try:
        with pytest.raises(Exception, match="not a database"):
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()
    with pytest.raises(WrongPassphrase):
        Services.open(data, PASSWORD)
    with Services.open(data, "ganz-neues-Passwort-42") as again:
        assert "Nach Wechsel" in again.cases.list()[0].person_names
    assert len(json.loads((data / "kooperation.keys").read_text())["entries"]) == 1


def test_change_password_refuses_a_wrong_old_password(services):
    with pytest.raises(WrongPassphrase):
        vault.change_password(services.db, "nicht-das-Passwort", "ganz-neues-Passwort-42")
    with pytest.raises(ProtectionError, match="mindestens"):
        vault.change_password(services.db, PASSWORD, "kurz")


def test_recovery_key_unlocks_and_can_set_a_new_password(tmp_path):
    data = tmp_path / "daten"
    with Services.open(data, "erstes-Passwort-2026") as services:
        recovery = services.key_state.new_recovery_key
        assert recovery and keys.parse_recovery_key(recovery) is not None
        services.cases.create("Familie Wróbel")
    # the office types it in lower case with spaces: still accepted
    typed = recovery.lower().replace("-", " ")
    with Services.open(data, typed) as services:
        assert services.key_state.new_recovery_key is None
        assert [c.title for c in services.cases.list()] == ["Familie Wróbel"]
        vault.change_password(services.db, typed, "vergessenes-ersetzt-2026")
    with Services.open(data, "vergessenes-ersetzt-2026") as services:
        assert [c.title for c in services.cases.list()] == ["Familie Wróbel"]
    with Services.open(data, recovery) as services:  # the recovery key survives the re-key
        new_recovery = vault.renew_recovery_key(services.db, "vergessenes-ersetzt-2026")
    with pytest.raises(WrongPassphrase):
        Services.open(data, recovery)
    Services.open(data, new_recovery).close()
    with pytest.raises(WrongPassphrase):
        Services.open(data, keys.new_recovery_key())


def test_interrupted_password_change_never_locks_out(complete_case, monkeypatch):
    """A crash after the key file got the new entry but before the database was re-keyed."""
    services, cid, _aid = complete_case
    data = services.data_dir

    def crash(*_a, **_k):
        raise KeyboardInterrupt("power gone")

    monkeypatch.setattr(vault, "cipher_connect", crash)
    with pytest.raises(KeyboardInterrupt):
        vault.change_password(services.db, PASSWORD, "ganz-neues-Passwort-42")
    monkeypatch.undo()
    services.close()
    assert len(json.loads((data / "kooperation.keys").read_text())["entries"]) == 2
    with Services.open(data, PASSWORD) as again:
        assert [c.id for c in again.cases.list()] == [cid]
    assert len(json.loads((data / "kooperation.keys").read_text())["entries"]) == 1


@pytest.mark.slow  # derives at the production scrypt cost (the cost is what it checks)
def test_new_key_files_use_the_production_scrypt_cost(tmp_path, monkeypatch):
    from helpers import PRODUCTION_SCRYPT_N

    monkeypatch.setattr(keys, "SCRYPT_N", PRODUCTION_SCRYPT_N)
    with Services.open(tmp_path / "d", PASSWORD):
        pass
    stored = json.loads((tmp_path / "d" / "kooperation.keys").read_text())["kdf"]
    assert stored == {"name": "scrypt", "n": 2**17, "r": 8, "p": 1}  # OWASP's minimum for scrypt
    monkeypatch.setattr(keys, "SCRYPT_N", 2**12)  # parameters come from the file, not the constant
    Services.open(tmp_path / "d", PASSWORD).close()


def test_plain_database_of_an_earlier_version_is_encrypted_without_loss(tmp_path):
    data = tmp_path / "alt"
    data.mkdir()
    engine = make_engine(data / "kooperation.sqlite")  # the plain SQLite engine, current schema
    upgrade_to_head(engine)
    plain = Services(Database(engine, data))
    cid, aid = build_complete_case(plain)
    plain.agreements.finalise(aid)
    before = _dump(plain)
    case_before, agreement_before = plain.cases.get(cid), plain.agreements.get(aid)
    plain.close()
    assert (data / "kooperation.sqlite").read_bytes().startswith(b"SQLite format 3\0")
    assert vault.database_state(data) == "plain"

    with Services.open(data, PASSWORD) as services:
        assert services.key_state.migrated_from_plain and services.key_state.new_recovery_key
        assert _dump(services) == before
        assert services.cases.get(cid) == case_before and services.agreements.get(aid) == agreement_before
        assert services.agreements.verify_stored(aid)
    raw = (data / "kooperation.sqlite").read_bytes()
    assert not raw.startswith(b"SQLite format 3") and _contains_any(raw) == []
    assert sorted(p.name for p in data.iterdir()) == [".kooperation.lock", "kooperation.keys", "kooperation.sqlite"]


# --- backup and restore ------------------------------------------------------------------------
def test_backup_restore_round_trip_gives_identical_data(complete_case, tmp_path):
    services, _cid, aid = complete_case
    services.agreements.finalise(aid)
    info = create_backup(services, tmp_path / "sicherung.kdsich")
    assert info.table_counts["persons"] == 3
    assert not list(tmp_path.glob(".*.tmp")) and \
        not [p for p in services.data_dir.glob(".*") if not p.name.startswith(".kooperation.lock")]
    before = _dump(services)
    target = tmp_path / "leer"
    restore_backup(info.path, target, PASSWORD)
    with Services.open(target, PASSWORD) as restored:
        assert _dump(restored) == before
        assert restored.agreements.verify_stored(aid)
    # with the recovery key, into another empty folder
    recovery = vault.renew_recovery_key(services.db, PASSWORD)
    second = create_backup(services, tmp_path / "zweite.kdsich")
    restore_backup(second.path, tmp_path / "leer2", recovery)
    with Services.open(tmp_path / "leer2", recovery) as restored:
        assert _dump(restored) == _dump(services)


def test_restore_refuses_wrong_password_damage_and_a_folder_with_data(complete_case, tmp_path):
    services, _cid, _aid = complete_case
    path = create_backup(services, tmp_path / "s.kdsich").path
    with pytest.raises(WrongPassphrase):
        restore_backup(path, tmp_path / "a", "falsches-Passwort-1")
    assert not (tmp_path / "a" / "kooperation.sqlite").exists()
    with pytest.raises(BackupError, match="schon Daten"):
        restore_backup(path, services.data_dir, PASSWORD)
    damaged = bytearray(path.read_bytes())
    damaged[-100] ^= 0x01
    (tmp_path / "kaputt.kdsich").write_bytes(bytes(damaged))
    with pytest.raises(BackupError, match="beschädigt"):
        restore_backup(tmp_path / "kaputt.kdsich", tmp_path / "b", PASSWORD)
    (tmp_path / "fremd.kdsich").write_bytes(b"irgendwas")
    with pytest.raises(BackupError, match="keine Datensicherung"):
        restore_backup(tmp_path / "fremd.kdsich", tmp_path / "c", PASSWORD)


def test_backup_to_a_folder_or_missing_folder_is_a_german_error(services, tmp_path):
    with pytest.raises(BackupError, match="ist ein Ordner"):
        create_backup(services, tmp_path)
    with pytest.raises(BackupError, match="gibt es nicht"):
        create_backup(services, tmp_path / "fehlt" / "s.kdsich")


# --- audit trail -------------------------------------------------------------------------------
def test_audit_trail_records_who_what_when_per_case_without_content(complete_case):
    services, cid, aid = complete_case
    other = services.cases.create("Familie Anders").id
    trail = AuditService(services.db).for_case(cid)
    assert trail and all(e.case_id == cid for e in trail)
    kinds = {(e.entity_type, e.action) for e in trail}
    assert {("cases", "created"), ("persons", "created"), ("consents", "created"), ("agreements", "created"),
            ("goals", "created"), ("indicators", "created"), ("tasks", "created")} <= kinds
    assert all(e.user for e in trail) and all(e.at.tzinfo is not None for e in trail)
    assert all(isinstance(e.entity_id, int) for e in trail)
    assert not any(e.case_id == other for e in trail)
    services.agreements.finalise(aid)
    assert ("agreements", "changed") in {(e.entity_type, e.action) for e in AuditService(services.db).for_case(cid)}
    aunt = next(p for p in services.cases.get(cid).persons if p.first_name == AUNT[0])
    services.parties.delete(aunt)
    assert ("persons", "deleted", aunt.id) in {(e.entity_type, e.action, e.entity_id)
                                                for e in AuditService(services.db).for_case(cid)}
    with services.db.reading() as s:
        columns = [c["name"] for c in inspect(s.connection()).get_columns("audit_log")]
        rows = [tuple(r) for r in s.execute(text("SELECT * FROM audit_log"))]
    assert columns == ["id", "at", "user", "action", "entity_type", "entity_id", "case_id"]
    dumped = " ".join(str(v) for r in rows for v in r)
    assert not [n for n in NAMES if n in dumped]


def test_audit_trail_is_append_only(complete_case):
    services, _cid, _aid = complete_case
    count = len(AuditService(services.db).all())
    for sql in ("UPDATE audit_log SET user = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(DatabaseError, match="append-only"), services.db.transaction() as s:
            s.execute(text(sql))
    assert len(AuditService(services.db).all()) == count


# --- retention ---------------------------------------------------------------------------------
def test_closed_case_is_read_only_until_reopened(complete_case):
    services, cid, aid = complete_case
    retention = RetentionService(services.db)
    retention.close_case(cid)
    assert retention.is_read_only(cid)
    with pytest.raises(RuleViolation, match="abgeschlossen und archiviert"):
        services.parties.save(Person(case_id=cid, first_name="Neu"))
    agreement = services.agreements.get(aid)
    agreement.mandate = "geändert"
    with pytest.raises(RuleViolation, match="archiviert"):
        services.agreements.update(agreement)
    case = services.cases.get(cid)
    case.title = "Anderer Titel"
    with pytest.raises(RuleViolation, match="archiviert"):
        services.cases.update(case)
    assert services.cases.get(cid).title == "Familie Çelik" and services.agreements.get(aid).mandate != "geändert"
    retention.reopen_case(cid)
    services.parties.save(Person(case_id=cid, first_name="Neu"))
    assert not retention.is_read_only(cid)


def test_cases_past_retention_are_listed_and_deletion_leaves_no_row(complete_case):
    services, cid, aid = complete_case
    services.agreements.finalise(aid)
    keep_id, _ = build_complete_case(services)  # a second family stays untouched
    with services.db.transaction() as s:  # a signature row of the case (signing feature's table)
        if "signatures" in Base.metadata.tables:
            s.execute(Base.metadata.tables["signatures"].insert().values(
                agreement_id=aid, party_key="client", signer_name=" ".join(MOTHER), role="Mutter",
                method="paper", content_hash="0" * 64, strokes="", pad_width=0.0, pad_height=0.0,
                image_png=b"PNG", place="", note=""))
    retention = RetentionService(services.db)
    retention.set_retention_years(2)
    RetentionService(services.db).close_case(cid)
    assert retention.due_for_deletion() == []
    later = dt.date.today() + dt.timedelta(days=2 * 366)
    due = retention.due_for_deletion(today=later)
    assert [e.case_id for e in due] == [cid] and due[0].title == "Familie Çelik"
    before_other = {t: len(ids) for t, ids in _ids(services, keep_id).items()}

    counts = retention.delete_case(cid)
    assert counts["persons"] == 3 and counts["cases"] == 1
    if "signatures" in Base.metadata.tables:
        assert counts["signatures"] == 1
    assert {t: ids for t, ids in _ids(services, cid).items() if ids and t != "cases"} == {}
    with services.db.reading() as s:
        for table in Base.metadata.sorted_tables:
            if "case_id" in table.c and table.name != "audit_log":
                assert s.execute(select(table).where(table.c.case_id == cid)).first() is None, table.name
    assert {t: len(ids) for t, ids in _ids(services, keep_id).items()} == before_other
    assert retention.due_for_deletion(today=later) == []
    trail = AuditService(services.db).for_case(cid)
    assert trail[-1].action == "deleted" and trail[-1].entity_type == "cases"


def _ids(services: Services, case_id: int) -> dict[str, set]:
    with services.db.reading() as s:
        found = case_row_ids(s, case_id)
        found["cases"] = {i for i in found["cases"] if s.execute(text("SELECT 1 FROM cases WHERE id=:i"),
                                                                  {"i": i}).first()}
        return found


def test_retention_period_setting_is_checked(services):
    retention = RetentionService(services.db)
    assert retention.retention_years() == 5
    with pytest.raises(RuleViolation, match="1 bis 100"):
        retention.set_retention_years(0)
    retention.set_retention_years(10)
    assert retention.retention_years() == 10


# --- GDPR Art. 15 ------------------------------------------------------------------------------
def test_gdpr_export_of_one_person(complete_case, tmp_path):
    services, cid, aid = complete_case
    services.agreements.finalise(aid)
    mother = next(p for p in services.cases.get(cid).persons if p.first_name == MOTHER[0])
    report = person_report(services, mother.id)
    assert report["person"]["first_name"] == MOTHER[0] and report["fall"]["nr"] == cid
    assert len(report["weitere_eintraege"]["consents"]) == 2  # both consents given by her
    assert any(t["what"] == "Kleidung am Vorabend bereitlegen." for t in report["weitere_eintraege"]["tasks"])
    assert report["vereinbarungen_des_falls"][0]["person_im_abgeschlossenen_inhalt"] is True
    assert report["protokoll"][0]["aktion"] == "angelegt"
    out = export_person(services, mother.id, tmp_path / "auskunft.json")
    loaded = json.loads(out.read_text(encoding="utf-8"))
    assert loaded["person"]["last_name"] == MOTHER[1]
    assert AuditService(services.db).for_case(cid)[-1].action == "export"


# --- passwords ---------------------------------------------------------------------------------
def test_password_strength_feedback():
    assert keys.password_strength("kurz")[0] == 0
    assert keys.password_strength("aaaaaaaaaaaa")[0] == 0
    assert keys.password_strength("passwort12")[0] <= 1
    weak, strong = keys.password_strength("sonnenblume1")[0], keys.password_strength("Kaffee&Kuchen-am-Montag 7")[0]
    assert strong == 4 and weak < strong
    assert keys.password_problems("kurz") and not keys.password_problems("lang-genug-123")


def test_retry_delay_grows_after_wrong_passwords():
    now = [100.0]
    throttle = keys.RetryThrottle(clock=lambda: now[0])
    assert [throttle.failed() for _ in range(3)] == [0.0, 0.0, 2.0]
    assert throttle.remaining() == 2.0
    now[0] += 1.5
    assert throttle.remaining() == pytest.approx(0.5)
    assert [throttle.failed() for _ in range(5)][-1] == 30.0
    throttle.succeeded()
    assert throttle.remaining() == 0.0 and throttle.failures == 0
