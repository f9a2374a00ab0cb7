"""``kooperation-desktop --self-test`` (run by packaging/build.sh on the built app)."""

from __future__ import annotations

from kooperation_desktop import selftest
from kooperation_desktop.cli import main


def test_self_test_passes_and_leaves_no_data(capsys, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)  # TMPDIR is read again
    assert main(["--self-test"]) == 0
    out = capsys.readouterr().out
    assert "ok      Datenbank anlegen und Vereinbarung als PDF erzeugen" in out
    assert "ok      PDF-Vorschau (pypdfium2)" in out
    assert out.strip().splitlines()[-1].startswith("Selbsttest bestanden")
    assert list(tmp_path.iterdir()) == []  # the temporary database and PDF are gone


def test_self_test_reports_a_missing_file(capsys, monkeypatch) -> None:
    monkeypatch.setattr(selftest, "REQUIRED_RESOURCES", (*selftest.REQUIRED_RESOURCES, ("icons", "fehlt.png")))
    assert main(["--self-test"]) == 1
    out = capsys.readouterr().out
    assert "FEHLER  Programmdateien" in out and "icons/fehlt.png" in out
    assert "Selbsttest fehlgeschlagen (1 Fehler" in out
