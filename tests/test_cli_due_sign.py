"""The command line's ``due`` ("Heute fällig / überfällig") and ``sign-paper`` (a signature on paper),
run in-process through ``kooperation_desktop.cli.main`` on the test's data folder."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from helpers import MOTHER

from kooperation_desktop.cli import main
from kooperation_desktop.domain.model import AgreementStatus, Task
from kooperation_desktop.protection.folder import FolderLock
from kooperation_desktop.protection.vault import confirm_recovery_key
from kooperation_desktop.services import Services
from kooperation_desktop.signing.model import SignatureMethod
from kooperation_desktop.signing.service import SigningService

MOTHER_NAME = " ".join(MOTHER)
NEW_TASK = "Anmeldung für den Hort abgeben."


def fmt(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


def cli(services: Services, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run one command on the fixture's data folder: (exit code, stdout, stderr)."""
    capsys.readouterr()
    confirm_recovery_key(services.data_dir)  # noted at set-up: the command prints no new one
    services.close()  # one opener per data folder: the command opens it itself
    try:
        code = main([*args, "--data-dir", str(services.data_dir)])
    except SystemExit as exc:  # argparse's usage errors
        code = exc.code if isinstance(exc.code, int) else 1
    finally:
        services.db.folder_lock = FolderLock(services.data_dir).acquire()  # the test's services go on
    out, err = capsys.readouterr()
    return code, out, err


def one_german_line(err: str, *words: str) -> str:
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def final_case(complete_case: tuple[Services, int, int]) -> tuple[Services, int, int]:
    """The complete case with an extra task due in two days, finalised."""
    services, case_id, agreement_id = complete_case
    mother = next(p for p in services.cases.get(case_id).persons if p.display_name == MOTHER_NAME)
    services.parties.save(Task(agreement_id=agreement_id, position=9, person_id=mother.id, what=NEW_TASK,
                       due_date=dt.date.today() + dt.timedelta(days=2)))
    services.agreements.finalise(agreement_id)
    return services, case_id, agreement_id


# --- due -----------------------------------------------------------------------------------


def test_due_lists_an_overdue_task_oldest_first_with_counts(final_case, capsys) -> None:
    services, _case_id, _agreement_id = final_case
    today = dt.date.today()
    task_day = today + dt.timedelta(days=2)

    code, out, err = cli(services, capsys, "due")
    assert code == 0, err
    line = next(x for x in out.splitlines() if NEW_TASK in x)
    assert line.startswith(fmt(task_day))
    assert "in 2 Tagen" in line and "überfällig" not in line
    assert "Familie Çelik · Aufgabe: " + NEW_TASK in line

    # five days on, the task is three days overdue
    on = today + dt.timedelta(days=5)
    code, out, err = cli(services, capsys, "due", "--date", fmt(on), "--days", "0")
    assert code == 0, err
    lines = out.strip().splitlines()
    line = next(x for x in lines if NEW_TASK in x)
    assert re.match(rf"{re.escape(fmt(task_day))}\s+überfällig seit 3 Tagen\s+Familie Çelik · Aufgabe: ", line), line
    items = lines[:-1]
    days = [dt.datetime.strptime(x[:10], "%d.%m.%Y").date() for x in items]
    assert days == sorted(days) and all(d <= on for d in days)  # oldest first; --days 0: nothing later
    # the last line counts; all of them are due or overdue on that day
    assert lines[-1].startswith(f"Heute fällig / überfällig: {len(items)} · demnächst (0 Tage): 0")
    assert fmt(on) in lines[-1]


def test_due_on_the_day_and_nothing_due(final_case, capsys) -> None:
    services, _case_id, _agreement_id = final_case
    task_day = dt.date.today() + dt.timedelta(days=2)
    code, out, _err = cli(services, capsys, "due", "--date", fmt(task_day), "--days", "0")
    assert code == 0
    line = next(x for x in out.splitlines() if NEW_TASK in x)
    assert re.match(rf"{re.escape(fmt(task_day))}\s+heute fällig\s+Familie Çelik", line), line

    # long before anything is due: a German "nothing" line and zero counts
    code, out, _err = cli(services, capsys, "due", "--date", "01.01.2000", "--days", "1")
    assert code == 0
    assert out.strip().splitlines() == [
        "Nichts fällig: weder bis 01.01.2000 noch am Tag danach.",
        "Heute fällig / überfällig: 0 · demnächst (1 Tag): 0 · Stichtag 01.01.2000",
    ]


@pytest.mark.parametrize("bad", ["32.01.2027", "2027-03-01", "morgen"])
def test_due_with_a_wrong_date_names_the_format(final_case, capsys, bad: str) -> None:
    services, _case_id, _agreement_id = final_case
    code, out, err = cli(services, capsys, "due", "--date", bad)
    assert code == 2 and out == ""
    one_german_line(err, "Fehler beim Aufruf", f"„{bad}“ ist kein gültiges Datum", "TT.MM.JJJJ")


def test_due_with_a_wrong_number_of_days(final_case, capsys) -> None:
    services, _case_id, _agreement_id = final_case
    code, _out, err = cli(services, capsys, "due", "--days", "-3")
    assert code == 2
    one_german_line(err, "--days", "zwischen 0 und")


# --- sign-paper ----------------------------------------------------------------------------


def _mother_key(out: str) -> str:
    line = next(x for x in out.splitlines() if MOTHER_NAME in x)
    return line.split()[0]


def test_sign_paper_lists_records_and_refuses_twice(final_case, capsys) -> None:
    services, _case_id, agreement_id = final_case
    today = dt.date.today()
    code, out, err = cli(services, capsys, "sign-paper", "--agreement", str(agreement_id))
    assert code == 0, err
    assert f"Vereinbarung Nr. {agreement_id}, Version 1 (abgeschlossen)" in out
    key = _mother_key(out)
    assert key.startswith("person:")
    assert f"{MOTHER_NAME} (Mutter, personensorgeberechtigt): noch nicht unterschrieben" in out
    parties = SigningService(services.db).overview(agreement_id).parties
    assert f"Unterschrieben: 0 von {len(parties)}" in out
    assert {p.key for p in parties} == {x.split()[0] for x in out.splitlines()[1:-1]}

    code, out, err = cli(services, capsys, "sign-paper", "--agreement", str(agreement_id), "--party", key,
                         "--date", fmt(today), "--note", "Original in der Akte")
    assert code == 0, err
    assert f"Eingetragen: {MOTHER_NAME}" in out and f"am {fmt(today)} auf Papier unterschrieben" in out
    assert f"Es fehlen noch {len(parties) - 1} Unterschrift(en)" in out

    overview = SigningService(services.db).overview(agreement_id)
    mother = next(p for p in overview.parties if p.key == key)
    assert mother.signature is not None
    assert mother.signature.method == SignatureMethod.PAPER
    assert mother.signature.signed_on == today and mother.signature.note == "Original in der Akte"
    assert overview.status == AgreementStatus.FINAL  # the others have not signed yet

    code, out, err = cli(services, capsys, "sign-paper", "--agreement", str(agreement_id), "--party", key,
                         "--date", fmt(today))
    assert code == 1 and out == ""
    one_german_line(err, "Fehler:", f"{MOTHER_NAME} hat Version 1 schon unterschrieben")

    code, out, _err = cli(services, capsys, "sign-paper", "--agreement", str(agreement_id))
    assert f"auf Papier unterschrieben am {fmt(today)} (Original in der Akte)" in out
    assert f"Unterschrieben: 1 von {len(parties)}" in out


def test_sign_paper_by_everyone_makes_the_version_signed(final_case, capsys) -> None:
    services, _case_id, agreement_id = final_case
    keys = [p.key for p in SigningService(services.db).overview(agreement_id).parties]
    for key in keys:
        code, out, err = cli(services, capsys, "sign-paper", "--agreement", str(agreement_id), "--party", key,
                             "--date", fmt(dt.date.today()))
        assert code == 0, err
    assert "Alle haben unterschrieben; Version 1 ist jetzt unterschrieben." in out
    assert services.agreements.get(agreement_id).status == AgreementStatus.SIGNED


def test_sign_paper_refusals_are_one_german_line(complete_case, capsys) -> None:
    services, _case_id, agreement_id = complete_case
    today = fmt(dt.date.today())
    key = next(p.key for p in SigningService(services.db).overview(agreement_id).parties)

    code, _out, err = cli(services, capsys, "sign-paper", "--agreement", str(agreement_id), "--party", key,
                          "--date", today)
    assert code == 1
    one_german_line(err, "Fehler:", "noch ein Entwurf")  # a draft is never signed

    services.agreements.finalise(agreement_id)
    code, _out, err = cli(services, capsys, "sign-paper", "--agreement", "9999")
    assert code == 1
    one_german_line(err, "Eine Vereinbarung mit der Nummer 9999 gibt es nicht")
    code, _out, err = cli(services, capsys, "sign-paper", "--agreement", "9999", "--party", key, "--date", today)
    assert code == 1
    one_german_line(err, "Eine Vereinbarung mit der Nummer 9999 gibt es nicht")

    code, _out, err = cli(services, capsys, "sign-paper", "--agreement", str(agreement_id), "--party", "person:777",
                          "--date", today)
    assert code == 1
    one_german_line(err, "„person:777“ unterschreibt", key, f"sign-paper --agreement {agreement_id}")

    tomorrow = fmt(dt.date.today() + dt.timedelta(days=1))
    code, _out, err = cli(services, capsys, "sign-paper", "--agreement", str(agreement_id), "--party", key,
                          "--date", tomorrow)
    assert code == 1
    one_german_line(err, "nicht in der Zukunft")

    code, _out, err = cli(services, capsys, "sign-paper", "--agreement", str(agreement_id), "--party", key)
    assert code == 2
    one_german_line(err, "Fehler beim Aufruf", "--date TT.MM.JJJJ")
    code, _out, err = cli(services, capsys, "sign-paper", "--agreement", str(agreement_id), "--party", key,
                          "--date", "30.02.2027")
    assert code == 2
    one_german_line(err, "kein gültiges Datum", "TT.MM.JJJJ")
    assert not any(p.signed for p in SigningService(services.db).overview(agreement_id).parties)
