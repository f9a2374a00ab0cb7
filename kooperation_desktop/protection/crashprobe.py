"""Crash-safety probe: runs the app's editing path (``Services.save`` in a loop) and prints the id
of every committed edit, one per line, flushed at once. A fault test (tests/test_crash.py,
benchmarks/bench_crash.py) kills this process with SIGKILL at a random moment, reopens the
database and checks ``PRAGMA integrity_check`` and that every printed id is there.

Run: ``python -m kooperation_desktop.protection.crashprobe DATA_DIR CASE_ID`` with
``KOOPERATION_PASSPHRASE`` set. Not part of the user interface.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
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
        person = services.save(Person(case_id=case_id, first_name=f"Probe{n}", last_name="Çelik",
                                      family_role="Kind"))
        if n % 5 == 0:  # an update of an earlier row too
            person.family_role = "Sohn"
            services.save(person)
        sys.stdout.write(f"{person.id} {person.family_role}\n")
        sys.stdout.flush()


@dataclass
class CrashResult:
    committed: int  # edits reported as committed before the kill
    lost: int  # of those, missing or not as committed after reopening
    integrity: str  # PRAGMA integrity_check


def prepare(data_dir: Path) -> int:
    """A database with one case; returns its id."""
    from ..services import Services

    with Services.open(data_dir) as services:
        return services.create_case("Absturztest").id  # type: ignore[return-value]


def run_once(data_dir: Path, case_id: int, kill_after: float) -> CrashResult:
    """Start the probe, let it write for ``kill_after`` seconds (after it is ready), SIGKILL it,
    reopen and compare."""
    from sqlalchemy import select

    from ..services import Services
    from ..storage.db import cipher_connect
    from ..storage.rows import PersonRow

    proc = subprocess.Popen([sys.executable, "-m", "kooperation_desktop.protection.crashprobe",
                             str(data_dir), str(case_id)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True, env=os.environ.copy())
    assert proc.stdout is not None
    committed: dict[int, str] = {}
    ready = threading.Event()

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.strip() == "ready":
                ready.set()
                continue
            ident, _, role = line.strip().partition(" ")
            if ident.isdigit():
                committed[int(ident)] = role
        ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    ready.wait(60)
    time.sleep(kill_after)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    reader.join(10)
    proc.stdout.close()
    with Services.open(data_dir) as services:
        conn = cipher_connect(data_dir / "kooperation.sqlite", services.key_state.db_key)
        try:
            integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            conn.close()
        with services.reading() as s:
            stored = {r.id: r.family_role for r in s.scalars(select(PersonRow).where(PersonRow.case_id == case_id))}
    lost = sum(1 for i, role in committed.items() if stored.get(i) != role)
    return CrashResult(len(committed), lost, integrity)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
