"""Crash-safety probe: runs the app's editing path (``services.parties.save`` in a loop) and reports its
progress as events on stdout, one line each, flushed at once: ``begin N`` before edit N starts
writing, ``done ID ROLE`` when it is committed. A fault test (tests/test_crash.py,
benchmarks/bench_crash.py) waits for a given number of ``done`` events, kills this process with
SIGKILL as the next edit begins (so mostly in the middle of writing it), reopens the database and
checks ``PRAGMA integrity_check`` and that every reported edit is there. Progress is counted by
events, never by wall-clock time, so a slow or busy machine changes nothing but the duration.

Run: ``python -m kooperation_desktop.protection.crashprobe DATA_DIR CASE_ID`` with
``KOOPERATION_PASSPHRASE`` set. Not part of the user interface.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path


def main(argv: list[str]) -> int:
    from ..domain.model import Person
    from ..services import Services

    data_dir, case_id = Path(argv[0]), int(argv[1])
    services = Services.open(data_dir)
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        sys.stdout.write(f"begin {n}\n")
        sys.stdout.flush()
        person = Person(case_id=case_id, first_name=f"Probe{n}", last_name="Çelik", family_role="Kind")
        services.parties.save(person)  # sets person.id
        if n % 5 == 0:  # an update of an earlier row too
            person.family_role = "Sohn"
            services.parties.save(person)
        sys.stdout.write(f"done {person.id} {person.family_role}\n")
        sys.stdout.flush()


@dataclass
class CrashResult:
    committed: int  # edits reported as committed before the kill (at least ``kill_after``)
    lost: int  # of those, missing or not as committed after reopening
    integrity: str  # PRAGMA integrity_check


def prepare(data_dir: Path) -> int:
    """A database with one case; returns its id."""
    from ..domain.model import require_id
    from ..services import Services

    with Services.open(data_dir) as services:
        return require_id(services.cases.create("Absturztest").id)


def run_once(data_dir: Path, case_id: int, kill_after: int, timeout: float = 300.0) -> CrashResult:
    """Start the probe, wait until it reported ``kill_after`` committed edits, SIGKILL it as the
    next edit begins, reopen and compare. ``timeout`` (seconds) only guards against a probe that
    hangs or dies early: it is killed then, and ``committed`` stays below ``kill_after``."""
    from ..services import Services
    from ..storage import files, persons

    proc = subprocess.Popen([sys.executable, "-m", "kooperation_desktop.protection.crashprobe",
                             str(data_dir), str(case_id)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True, env=os.environ.copy())
    assert proc.stdout is not None
    guard = threading.Timer(timeout, proc.kill)
    guard.start()
    committed: dict[int, str] = {}
    killed = False
    try:
        for line in proc.stdout:  # every line the probe wrote before it died, also after the kill
            event, _, rest = line.strip().partition(" ")
            if event == "done":
                ident, _, role = rest.partition(" ")
                committed[int(ident)] = role
            elif event == "begin" and len(committed) >= kill_after and not killed:
                proc.send_signal(signal.SIGKILL)  # the next edit is being written now
                killed = True
    finally:
        guard.cancel()
        proc.stdout.close()
        proc.wait()
    with Services.open(data_dir) as services:
        integrity = files.integrity(data_dir / files.DB_FILENAME, services.key_state.db_key)
        with services.db.reading() as s:
            stored = persons.family_roles(s, case_id)
    lost = sum(1 for i, role in committed.items() if stored.get(i) != role)
    return CrashResult(len(committed), lost, integrity)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
