"""Backups: every byte authenticated (damage → "beschädigt", wrong password → "Passwort ist
falsch"), the seal files included, and nothing written into the data folder while backing up."""

from __future__ import annotations

import hashlib
import json
import os
import struct
import time
from pathlib import Path

import pytest

from kooperation_desktop.protection import backup as backup_module
from kooperation_desktop.protection import keys, vault
from kooperation_desktop.protection.backup import (
    MAGIC,
    BackupError,
    create_backup,
    restore_backup,
)
from kooperation_desktop.protection.keys import WrongPassphrase
from kooperation_desktop.services import Services
from kooperation_desktop.signing import certs

PASSWORD = "test-passwort-Kooperation-2026"  # tests/conftest.py sets it as KOOPERATION_PASSPHRASE


def _layout(data: bytes) -> tuple[int, int]:
    """(start, end) of the database part of a format-2 backup."""
    (length,) = struct.unpack(">I", data[len(MAGIC):len(MAGIC) + 4])
    header = json.loads(data[len(MAGIC) + 4:len(MAGIC) + 4 + length])
    start = len(MAGIC) + 4 + length
    return start, start + header["db_size"]


@pytest.fixture
def small_backup(services: Services, tmp_path: Path) -> tuple[Services, Path, str]:
    """A backup of a new database with a seal (the smallest backup there is), and the recovery key."""
    services.cases.create("Familie Çelik", "AZ 51-2026-0815", "§ 31 SGB VIII – Sozialpädagogische Familienhilfe")
    recovery = vault.renew_recovery_key(services.db, PASSWORD)
    certs.create_seal(services.data_dir, "Träger e. V.", "siegel-passwort-1")
    return services, create_backup(services, tmp_path / "s.kdsich").path, recovery


@pytest.mark.slow  # thousands of restores, one per flipped byte
def test_every_flipped_byte_is_refused_as_damage_before_any_key_is_derived(small_backup, tmp_path, monkeypatch):
    _services, path, _recovery = small_backup
    data = path.read_bytes()
    db_start, db_end = _layout(data)
    # every byte outside the database part (magic, length, header with the key entries, the sealed
    # seal files, the checksum); in the database part its first and last KiB and every 97th byte
    positions = sorted({*range(db_start), *range(db_start, db_start + 1024), *range(db_end - 1024, db_end),
                        *range(db_start, db_end, 97), *range(db_end, len(data))})
    derived: list[int] = []
    real_derive = keys.derive_password_key
    monkeypatch.setattr(keys, "derive_password_key", lambda *a, **k: derived.append(1) or real_derive(*a, **k))
    target = tmp_path / "ziel"
    refused, wrong_message = 0, []
    started = time.perf_counter()
    fd = os.open(path, os.O_RDWR)
    try:
        for pos in positions:
            os.pwrite(fd, bytes([data[pos] ^ (0x01 if pos % 2 else 0xFF)]), pos)  # one byte flipped in place
            try:
                restore_backup(path, target, PASSWORD)
            except BackupError as exc:
                if str(exc).startswith("Die Sicherung ist beschädigt"):
                    refused += 1
                else:
                    wrong_message.append((pos, str(exc)))
            except Exception as exc:  # noqa: BLE001 - counted as a wrong answer
                wrong_message.append((pos, f"{type(exc).__name__}: {exc}"))
            finally:
                os.pwrite(fd, data[pos:pos + 1], pos)
            assert not target.exists(), pos
    finally:
        os.close(fd)
    elapsed = time.perf_counter() - started
    print(f"\n{refused}/{len(positions)} flipped bytes refused as damaged ({len(data)} bytes in the file, "
          f"{db_start + len(data) - db_end} outside the database part, all of them flipped) in {elapsed:.1f} s")
    assert wrong_message == []
    assert refused == len(positions) and len(positions) >= (len(data) - (db_end - db_start)) + 2000
    assert derived == []  # every damage is found by the checksum, before scrypt


def test_wrong_password_on_an_intact_backup_and_both_keys_work_after_restore(small_backup, tmp_path):
    services, path, recovery = small_backup
    with pytest.raises(WrongPassphrase, match="Das Passwort ist falsch"):
        restore_backup(path, tmp_path / "a", "falsches-Passwort-1")
    assert not (tmp_path / "a").exists()
    restore_backup(path, tmp_path / "b", PASSWORD)
    restore_backup(path, tmp_path / "c", recovery)
    for folder in ("b", "c"):
        with Services.open(tmp_path / folder, recovery) as restored:
            assert restored.cases.list() == services.cases.list() != []
        assert certs.identity(tmp_path / folder) == certs.identity(services.data_dir)
        certs.load_signer(tmp_path / folder, "siegel-passwort-1")  # the seal key, still behind its password


def test_a_changed_key_entry_with_a_new_checksum_is_refused_as_changed(small_backup, tmp_path):
    """An attacker who replaces the recovery part and writes a fitting checksum: the GCM tag over the
    header (keyed by the database key) refuses it — the recovery key would have stopped working."""
    _services, path, _recovery = small_backup
    data = path.read_bytes()
    (length,) = struct.unpack(">I", data[len(MAGIC):len(MAGIC) + 4])
    header = json.loads(data[len(MAGIC) + 4:len(MAGIC) + 4 + length])
    header["keys"]["recovery_public"] = keys._b64(bytes(32))
    new_header = json.dumps(header).encode("utf-8")
    body = MAGIC + struct.pack(">I", len(new_header)) + new_header + data[len(MAGIC) + 4 + length:-32]
    (tmp_path / "verändert.kdsich").write_bytes(body + hashlib.sha256(body).digest())
    with pytest.raises(BackupError, match="beschädigt oder wurde verändert"):
        restore_backup(tmp_path / "verändert.kdsich", tmp_path / "ziel", PASSWORD)
    assert not (tmp_path / "ziel").exists()


def test_a_backup_of_format_1_still_restores(services, tmp_path):
    """Format 1 (before the seal and the checksum over every byte): magic, length, header, database."""
    services.cases.create("Familie Çelik", "AZ 51-2026-0815", "§ 31 SGB VIII – Sozialpädagogische Familienhilfe")
    db_copy = tmp_path / "kopie.sqlite"
    key = services.key_state.db_key
    vault.export_encrypted(vault.db_path(services.data_dir), key, db_copy, key)
    db = db_copy.read_bytes()
    header = json.dumps({"format": "kooperation-desktop-backup", "version": 1,
                         "created_at": "2026-11-26T10:00:00+00:00", "db_size": len(db),
                         "db_sha256": hashlib.sha256(db).hexdigest(),
                         "keys": json.loads(keys.read_key_file(services.data_dir).to_json())}).encode("utf-8")
    old = tmp_path / "alt.kdsich"
    old.write_bytes(b"KOOPERATION-BACKUP\n" + struct.pack(">I", len(header)) + header + db)
    info = restore_backup(old, tmp_path / "ziel", PASSWORD)
    assert info.created_at.year == 2026
    with Services.open(tmp_path / "ziel", PASSWORD) as restored:
        assert restored.cases.list() == services.cases.list() != []


def test_backup_writes_nothing_into_the_data_folder(services, tmp_path, monkeypatch):
    """The data folder may sit on a full disk: the database copy lies beside the target file."""
    certs.create_seal(services.data_dir, "Träger e. V.", "siegel-passwort-1")
    out_dir = tmp_path / "stick"
    out_dir.mkdir()

    def names() -> set[str]:
        return {str(p.relative_to(services.data_dir)) for p in services.data_dir.rglob("*")}

    before, during, beside = names(), [], []
    real_export = backup_module.export_encrypted

    def watched(*args):  # the moment the temporary copy of the database exists
        counts = real_export(*args)
        during.append(names())
        beside.extend(p.name for p in out_dir.iterdir())
        return counts

    monkeypatch.setattr(backup_module, "export_encrypted", watched)
    create_backup(services, out_dir / "s.kdsich")
    assert during == [before] and names() == before
    assert beside and all(name.startswith(".s.kdsich.") for name in beside)
    assert [p.name for p in out_dir.iterdir()] == ["s.kdsich"]


def test_restore_in_place_brings_the_seal_back_and_a_wrong_password_changes_nothing(services, tmp_path):
    """The window's restore: the current data (seal included) is put aside; on failure it stays."""
    data_dir = services.data_dir
    certs.create_seal(data_dir, "Träger e. V.", "siegel-passwort-1")
    saved = certs.identity(data_dir)
    path = create_backup(services, tmp_path / "s.kdsich").path
    p12 = (data_dir / "siegel" / "organisation.p12").read_bytes()

    with pytest.raises(WrongPassphrase):
        backup_module.restore_replacing(services, path, "falsches-Passwort-1")
    assert (data_dir / "siegel" / "organisation.p12").read_bytes() == p12
    assert not list(data_dir.glob("vor-wiederherstellung-*"))
    with Services.open(data_dir, PASSWORD) as again:
        aside = backup_module.restore_replacing(again, path, PASSWORD)
    assert certs.identity(data_dir) == saved
    assert (aside / "siegel" / "organisation.p12").read_bytes() == p12
    assert backup_module.SEAL_FOLDER == certs.SEAL_FOLDER
