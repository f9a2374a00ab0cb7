"""A failed ``export-case`` (full disk) leaves nothing behind (issue 11): no temporary fragment
with client data, no target file, one German line from the command line."""

from __future__ import annotations

import errno
import pathlib
from pathlib import Path

import pytest

from kooperation_desktop import cli
from kooperation_desktop.demo import create_demo
from kooperation_desktop.services import Services


def test_export_case_on_a_full_disk_leaves_no_fragment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "daten"
    with Services.open(data) as services:
        case_id = create_demo(services).case_id
    target_dir = tmp_path / "usb"
    target_dir.mkdir()
    written: list[Path] = []

    def full_disk(original):  # type: ignore[no-untyped-def]
        def write(self: Path, data, *args, **kwargs):  # type: ignore[no-untyped-def]
            if self.parent != target_dir:
                return original(self, data, *args, **kwargs)
            written.append(self)
            original(self, data[: len(data) // 2], *args, **kwargs)  # half of it reached the disk ...
            raise OSError(errno.ENOSPC, "No space left on device", str(self))  # ... then it was full
        return write

    monkeypatch.setattr(pathlib.Path, "write_bytes", full_disk(pathlib.Path.write_bytes))
    monkeypatch.setattr(pathlib.Path, "write_text", full_disk(pathlib.Path.write_text))
    code = cli.main(["export-case", "--case", str(case_id), "--out", str(target_dir / "fall.json"),
                     "--data-dir", str(data)])
    err = capsys.readouterr().err
    assert code == 1
    assert written, "the write never reached the target folder"
    assert list(target_dir.iterdir()) == []  # neither the file nor a temporary fragment
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Datenträger ist voll" in lines[0] and "Traceback" not in err
