"""Document numbers are unique in a data folder; `verify` finds a version by number, version and SHA-256."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from cli_run import run_cli
from sqlalchemy import select

from kooperation_desktop.services import Services
from kooperation_desktop.signing.service import SigningService
from kooperation_desktop.storage.rows import AgreementRow

ORGANISATION = "Familienhilfe Lindenhof e. V."
SEAL_PASSWORD = "test-siegel-passwort"


def run(*args: str | Path, data_dir: Path) -> subprocess.CompletedProcess[str]:
    """The command line, in this process (tests/cli_run.py)."""
    env = {k: v for k, v in os.environ.items() if k != "KOOPERATION_DEBUG"}
    env["KOOPERATION_SEAL_PASSWORD"] = SEAL_PASSWORD
    env["KOOPERATION_SEAL_ORGANISATION"] = ORGANISATION
    return run_cli(*args, "--data-dir", data_dir, env=env)


def ok(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout


def test_an_imported_case_gets_a_new_number_and_both_sealed_pdfs_verify(tmp_path: Path) -> None:
    data = tmp_path / "daten"
    ok(run("demo", data_dir=data))
    original_pdf, copy_pdf, case_file = tmp_path / "original.pdf", tmp_path / "kopie.pdf", tmp_path / "fall.json"
    assert "versiegelt" in ok(run("export-pdf", "--agreement", "1", "--out", original_pdf, data_dir=data))
    ok(run("export-case", "--case", "1", "--out", case_file, data_dir=data))
    proc = run("import-case", case_file, data_dir=data)
    assert "als Fall 2" in ok(proc) and "neue Nummer" in proc.stderr and "Traceback" not in proc.stderr

    with Services.open(data) as services:
        (copy_summary,) = services.cases.get(2).agreements
        original, copy = services.agreements.get(1), services.agreements.get(copy_summary.id)
        assert copy.document_id != original.document_id  # unique in the data folder
        assert services.agreements.original_document_id(copy.id) == original.document_id  # the original is recorded
        assert services.agreements.original_document_id(original.id) == ""
        assert copy.status.value == "final" and copy.content_hash != original.content_hash

    ok(run("export-pdf", "--agreement", copy.id, "--out", copy_pdf, data_dir=data))
    for pdf, agreement in ((original_pdf, original), (copy_pdf, copy)):
        out = ok(run("verify", pdf, data_dir=data))
        assert "Unverändert" in out and "stimmt mit Version 1 in der Datenbank überein" in out
        assert re.search(rf"Dokument-Nr\. {re.escape(agreement.document_id)}\b", out)


def test_verify_finds_the_version_by_its_sha256_among_rows_with_the_same_number(complete_case,
                                                                                 tmp_path: Path) -> None:
    """A data folder from before numbers were unique may hold one number and version twice."""
    from helpers import build_complete_case

    services, _, agreement_id = complete_case
    services.agreements.finalise(agreement_id)
    number = services.agreements.get(agreement_id).document_id
    _, other_id = build_complete_case(services)
    with services.db.transaction() as s:  # as an import before this fix left it: the same number twice
        s.get(AgreementRow, other_id).document_id = number
    other = services.agreements.get(other_id)
    other.mandate += " Zusätzlich: ein Termin im Monat beim Jugendamt."
    services.agreements.update(other)
    services.agreements.finalise(other_id)
    with services.db.reading() as s:
        rows = list(s.scalars(select(AgreementRow).where(AgreementRow.document_id == number)))
        assert [r.version for r in rows] == [1, 1] and len({r.content_hash for r in rows}) == 2

    signing = SigningService(services.db)
    signing.set_up_seal(ORGANISATION, SEAL_PASSWORD)
    for agreement in (agreement_id, other_id):
        pdf = signing.export(agreement, tmp_path / f"v{agreement}.pdf").path
        result = signing.verify_file(pdf)
        assert result.ok and result.database_match and result.agreement_id == agreement, result.database
