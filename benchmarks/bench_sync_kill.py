"""Kill -9 during a sync (issue 14): 100 runs, zero loss, zero duplicates.

    PYTHONPATH=$PWD python benchmarks/bench_sync_kill.py [--runs 100] [--seed 1]

Starts its own throwaway PostgreSQL (tests/pg_server.running_server). Once: a server database set up
as at an agency (``server init``: row-level security, append-only triggers; "Team Süd" with the workers
Anna and Ben, each syncing with her own login) with two complete cases of their team (one agreement a
draft, one finalised) and a laptop folder that pulled them. Each run starts from copies of both and a
second laptop (the colleague), then:

1. random offline work on the laptop (2 to 10 steps): create a case with persons, edit a case's field,
   add, rename or delete a person, delete a case, finalise the draft, sign the final version on paper;
2. ``kooperation-desktop sync`` as a real child process, killed with SIGKILL at a random point: at a
   random commit point of the sync (it stops there: ``KOOPERATION_SYNC_PAUSE_AT``), shortly after one
   (0–30 ms later, the sync running on), or a random time after the sync began (``SYNC-START``: opened
   and connected), up to as long as an unkilled sync takes;
3. the laptop opened again and synchronised normally (twice: the second pushes nothing), then the
   colleague's laptop.

A run counts once its child was killed before its sync ended; a run whose random point lay beyond the
sync's last one (the child finished first) is checked the same way but not counted, and another follows.

Checked after each run: every row of the offline work is on the server exactly as the laptop had it
(else *verloren*), no row is there twice, neither by uuid nor with the same contents under another uuid
(*doppelt*), nothing else is there (a deleted row), the outbox is empty, and the laptop, the server and
the colleague's laptop hold the same rows. Prints one line per failing run and the summary
„N Läufe, 0 verloren, 0 doppelt“; exit 1 on any loss, duplicate or difference.
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import datetime as dt
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("KOOPERATION_PASSPHRASE", "benchmark-passwort-2026")
SCRYPT_N = 2**12  # the throwaway folders: cheap key derivation (the child processes too)

from helpers import build_complete_case  # noqa: E402
from pg_server import PgServer, running_server  # noqa: E402
from sqlalchemy import Engine, create_engine, func, select  # noqa: E402
from sync_helpers import dump_laptop, dump_server, forget_server  # noqa: E402

from kooperation_desktop.domain.model import AgreementStatus, Person  # noqa: E402
from kooperation_desktop.domain.rules import RuleViolation  # noqa: E402
from kooperation_desktop.protection import keys  # noqa: E402
from kooperation_desktop.protection.vault import confirm_recovery_key  # noqa: E402
from kooperation_desktop.services import Services  # noqa: E402
from kooperation_desktop.signing.service import SigningService  # noqa: E402
from kooperation_desktop.storage.rows import CaseRow, PersonRow  # noqa: E402
from kooperation_desktop.storage.rows_sync import OutboxRow  # noqa: E402
from kooperation_desktop.team import outbox, sync  # noqa: E402
from kooperation_desktop.team.connection import ServerAddress  # noqa: E402
from kooperation_desktop.team.server import add_team, add_user, init_server  # noqa: E402

keys.SCRYPT_N = SCRYPT_N
MODES = ("punkt", "nach-punkt", "zeit")
Dump = dict[str, list[tuple[Any, ...]]]


@dataclasses.dataclass
class RunResult:
    mode: str
    steps: list[str]
    markers: int  # commit points the child passed before the kill
    finished: bool  # the child had finished its sync before the kill arrived
    lost: int = 0
    duplicated: int = 0
    problems: list[str] = dataclasses.field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.lost or self.duplicated or self.problems)


# --- the world: a server template and a laptop template -----------------------------------------


class World:
    def __init__(self, pg: PgServer, root: Path) -> None:
        self.pg = pg
        self.root = root
        self.server_template = pg.create_database("kdkt")
        address = ServerAddress(pg.url(self.server_template), allow_plain=True)
        init_server(address)  # policies and triggers apply to the workers' logins
        self.team, _created = add_team(address, "Team Süd")
        tag = uuid.uuid4().hex[:6]
        self.logins = {name: f"{name}_{tag}" for name in ("anna", "ben")}  # (roles: the whole cluster's)
        for login in self.logins.values():
            add_user(address, login, f"pw-{login}", "Team Süd")
        engine = create_engine(pg.url(self.server_template, user=self.logins["anna"]))
        try:
            anna = self.logins["anna"]  # (the identity is the login: the server records pushes under it)
            first = _laptop_folder(root / "erste", pg.dsn(self.server_template, user=anna), anna)
            build_complete_case(first)  # stays a draft
            _case, final = build_complete_case(first)
            first.agreements.finalise(final)
            sync.sync(first.db, engine)
            first.close()
            template = _laptop_folder(root / "vorlage", pg.dsn(self.server_template, user=anna), anna)
            sync.sync(template.db, engine)
            template.close()
            confirm_recovery_key(root / "vorlage")  # the child's open prints no new recovery key
        finally:
            engine.dispose()
        self.laptop_template = root / "vorlage"

    def new_server(self) -> str:
        return self.pg.create_database("kdk", template=self.server_template)

    def drop_server(self, name: str) -> None:
        import psycopg

        with psycopg.connect(self.pg.dsn(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def engine(self, server: str, name: str) -> Engine:
        """``name``'s ("anna", "ben") login on the server database ``server``."""
        return create_engine(self.pg.url(server, user=self.logins[name]))

    def laptop(self, folder: Path, server: str, name: str) -> Services:
        shutil.copytree(self.laptop_template, folder)
        services = Services.open(folder)
        login = self.logins[name]
        outbox.configure(services.db, server_url=self.pg.dsn(server, user=login), identity=login, plain=True)
        forget_server(services)  # (the server is a copy of the template's)
        return services


def _in_team(dump: Dump, team: int) -> Dump:
    """The laptop's rows as the server takes them: a new case gets the worker's team (laptops have no
    teams: ``team_id`` stays empty here until the pull brings it)."""
    def placed(row: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple((k, team if k == "team_id" and v is None else v) for k, v in row)

    return {**dump, "cases": [placed(row) for row in dump.get("cases", [])]}


def _laptop_folder(folder: Path, url: str, identity: str) -> Services:
    services = Services.open(folder)
    outbox.configure(services.db, server_url=url, identity=identity, plain=True)
    return services


# --- random offline work ---------------------------------------------------------------------------


def _ids(services: Services, row: Any) -> list[int]:
    with services.db.engine.connect() as c:
        return [r[0] for r in c.execute(select(row.id).order_by(row.id))]


def _person(services: Services, person_id: int) -> Person:
    with services.db.engine.connect() as c:
        case_id = c.execute(select(PersonRow.case_id).where(PersonRow.id == person_id)).scalar_one()
    return next(p for p in services.cases.get(case_id).persons if p.id == person_id)


def offline_work(services: Services, rng: random.Random, steps: int) -> list[str]:
    """``steps`` random edits through the use cases, as the window makes them; their names."""
    done: list[str] = []
    counter = [0]

    def value(prefix: str) -> str:
        counter[0] += 1
        return f"{prefix} {counter[0]}-{rng.randrange(10**6)}"

    def create_case() -> bool:
        case = services.cases.create(value("Familie"), value("AZ"))
        for _ in range(rng.randint(0, 3)):
            services.parties.save(Person(case_id=case.id, first_name=value("Kim"), last_name="Neu"))
        return True

    def edit_case() -> bool:
        cases = _ids(services, CaseRow)
        if not cases:
            return False
        case = services.cases.get(rng.choice(cases))
        name = rng.choice(("title", "file_number", "help_type"))
        setattr(case, name, value(name))
        services.cases.update(case)
        return True

    def add_person() -> bool:
        cases = _ids(services, CaseRow)
        if not cases:
            return False
        services.parties.save(Person(case_id=rng.choice(cases), first_name=value("Jo"), last_name="Dazu"))
        return True

    def rename_person() -> bool:
        persons = _ids(services, PersonRow)
        if not persons:
            return False
        person = _person(services, rng.choice(persons))
        person.first_name = value("Vorname")
        services.parties.save(person)
        return True

    def delete_person() -> bool:
        persons = _ids(services, PersonRow)
        if not persons:
            return False
        try:
            services.parties.delete(_person(services, rng.choice(persons)))
        except RuleViolation:  # e.g. a signer of a finalised version: refused, nothing changed
            return False
        return True

    def delete_case() -> bool:
        cases = _ids(services, CaseRow)
        if len(cases) < 2:
            return False
        services.cases.delete(rng.choice(cases))
        return True

    def finalise() -> bool:
        for summary in services.cases.list():
            for agreement in services.cases.get(summary.id).agreements:
                if agreement.status == AgreementStatus.DRAFT and not services.agreements.check(agreement.id):
                    services.agreements.finalise(agreement.id)
                    return True
        return False

    def sign() -> bool:
        signing = SigningService(services.db)
        for summary in services.cases.list():
            for agreement in services.cases.get(summary.id).agreements:
                if agreement.status != AgreementStatus.FINAL or agreement.id is None:
                    continue
                unsigned = [p.key for p in signing.overview(agreement.id).parties if not p.signed]
                if unsigned:
                    signing.record_paper(agreement.id, rng.choice(unsigned), dt.date.today(), value("Notiz"))
                    return True
        return False

    steps_by_name = {"anlegen": create_case, "ändern": edit_case, "person": add_person,
                     "umbenennen": rename_person, "person-löschen": delete_person, "fall-löschen": delete_case,
                     "abschließen": finalise, "unterschreiben": sign}
    weights = {"anlegen": 3, "ändern": 4, "person": 3, "umbenennen": 3, "person-löschen": 1, "fall-löschen": 1,
               "abschließen": 1, "unterschreiben": 2}
    names = list(steps_by_name)
    while len(done) < steps:
        name = rng.choices(names, weights=[weights[n] for n in names])[0]
        if steps_by_name[name]():
            done.append(name)
    return done


# --- the killed child ------------------------------------------------------------------------------


def _child_env(pause_at: int | None) -> dict[str, str]:
    env = {**os.environ, "KOOPERATION_SERVER_PASSWORD": "egal", "KOOPERATION_SYNC_MARKERS": "1",
           "KOOPERATION_TEST_SCRYPT_N": str(SCRYPT_N),
           "PYTHONPATH": os.pathsep.join([str(ROOT / "tests" / "subprocess_site"), str(ROOT),
                                          *filter(None, [os.environ.get("PYTHONPATH")])])}
    env.pop("KOOPERATION_SYNC_PAUSE_AT", None)
    if pause_at is not None:
        env["KOOPERATION_SYNC_PAUSE_AT"] = str(pause_at)
    return env


def killed_sync(folder: Path, mode: str, point: int, delay: float) -> tuple[int, bool, str]:
    """Run ``sync`` on ``folder`` in a child process and SIGKILL it: at commit point ``point`` (mode
    "punkt"), ``delay`` seconds after it ("nach-punkt") or ``delay`` seconds after the sync began ("zeit").
    Returns (commit points passed, whether the child had finished before the kill, its error line if
    it failed on its own)."""
    proc = subprocess.Popen([sys.executable, "-m", "kooperation_desktop", "sync", "--data-dir", str(folder)],
                            env=_child_env(point if mode == "punkt" else None), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=ROOT)
    seen: list[str] = []
    reached = threading.Event()
    began = threading.Event()

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("SYNC-START"):
                began.set()
            if line.startswith("SYNC-PUNKT"):
                seen.append(line.split()[2])
                if len(seen) >= point:
                    reached.set()
        reached.set()  # end of output: the child finished (or died)
        began.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    if mode == "zeit":
        began.wait(120)
        time.sleep(delay)
    else:
        reached.wait(120)
        if mode == "nach-punkt":
            time.sleep(delay)
    finished = proc.poll() is not None
    if not finished:
        proc.send_signal(signal.SIGKILL)
    _out, err = proc.communicate()
    reader.join(5)
    error = f"sync endete mit {proc.returncode}: {err.strip()}" if finished and proc.returncode != 0 else ""
    return len(seen), finished, error


# --- the checks ------------------------------------------------------------------------------------


def _frozen(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _frozen(v)) for k, v in value.items()))
    return value


def _strip(rows: list[tuple[Any, ...]], drop: frozenset[str]) -> collections.Counter[tuple[Any, ...]]:
    return collections.Counter(tuple((k, _frozen(v)) for k, v in row if k not in drop) for row in rows)


def compare(expected: Dump, server: Dump) -> tuple[int, int, list[str]]:
    """(rows lost, rows there twice, other differences) of the server against the laptop's offline state."""
    lost = duplicated = 0
    problems: list[str] = []
    for table in sorted(set(expected) | set(server)):
        want, have = expected.get(table, []), server.get(table, [])
        full_want, full_have = _strip(want, frozenset({"row_version"})), _strip(have, frozenset({"row_version"}))
        content_want = _strip(want, frozenset({"row_version", "uuid"}))
        content_have = _strip(have, frozenset({"row_version", "uuid"}))
        lost += sum((full_want - full_have).values())
        # twice: a uuid twice, or a row of the offline work there more often (under another uuid)
        uuids = collections.Counter(dict(row)["uuid"] for row in have)
        twice = sum(n - 1 for n in uuids.values() if n > 1)
        twice += sum(max(0, content_have[c] - n) for c, n in content_want.items())
        extra = sum((full_have - full_want).values())
        duplicated += min(twice, extra)
        if extra > twice:
            problems.append(f"{table}: {extra - twice} Zeilen zu viel auf dem Server")
    return lost, duplicated, problems


def one_run(world: World, rng: random.Random, index: int, timing: Timing) -> RunResult:
    server = world.new_server()
    engine, colleague_engine = world.engine(server, "anna"), world.engine(server, "ben")
    admin: Engine = create_engine(world.pg.url(server))  # what the server holds, all of it
    folder = world.root / f"lauf-{index}"
    try:
        laptop = world.laptop(folder / "anna", server, "anna")
        colleague = world.laptop(folder / "ben", server, "ben")
        try:
            steps = offline_work(laptop, rng, rng.randint(2, 10))
            expected = _in_team(dump_laptop(laptop), world.team)
            with laptop.db.engine.connect() as c:
                touched = c.execute(select(func.count(func.distinct(OutboxRow.case_uuid)))).scalar_one()
        finally:
            laptop.close()
        mode = rng.choice(MODES)
        points = 2 * int(touched) + 3  # per case: server-apply and server-commit; then three
        point = rng.randint(1, points)
        delay = rng.uniform(0, 0.03) if mode == "nach-punkt" else rng.uniform(0, timing.end)
        markers, finished, error = killed_sync(folder / "anna", mode, point, delay)
        result = RunResult(mode=mode, steps=steps, markers=markers, finished=finished)
        if error:
            result.problems.append(error)
        with Services.open(folder / "anna") as again:
            sync.sync(again.db, engine)
            second = sync.sync(again.db, engine)
            if second.pushed:
                result.problems.append(f"zweiter sync sendet noch {second.pushed} Zeilen")
            with again.db.engine.connect() as c:
                waiting = c.execute(select(func.count()).select_from(OutboxRow)).scalar_one()
            if waiting:
                result.problems.append(f"Ausgang nicht leer ({waiting})")
            after = dump_laptop(again)
        sync.sync(colleague.db, colleague_engine)
        on_server = dump_server(admin)
        other = dump_laptop(colleague)
        colleague.close()
        result.lost, result.duplicated, problems = compare(expected, on_server)
        result.problems += problems
        if after != on_server:
            result.problems.append("Laptop und Server verschieden")
        if other != on_server:
            result.problems.append("Laptop der Kollegin und Server verschieden")
        return result
    finally:
        for each in (engine, colleague_engine, admin):
            each.dispose()
        world.drop_server(server)
        shutil.rmtree(folder, ignore_errors=True)


@dataclasses.dataclass(frozen=True)
class Timing:
    """An unkilled child ``sync`` after similar offline work: seconds from the sync's start
    (``SYNC-START``) to its first and to its last commit point (the range of the kills "zeit")."""

    first_point: float
    end: float


def measure_sync(world: World, rng: random.Random) -> Timing:
    server = world.new_server()
    folder = world.root / "messung"
    try:
        laptop = world.laptop(folder / "anna", server, "anna")
        offline_work(laptop, rng, 6)
        laptop.close()
        proc = subprocess.Popen([sys.executable, "-m", "kooperation_desktop", "sync", "--data-dir",
                                 str(folder / "anna")], env=_child_env(None), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, cwd=ROOT)
        assert proc.stdout is not None
        began = first = last = 0.0
        for line in proc.stdout:
            if line.startswith("SYNC-START"):
                began = time.perf_counter()
            if line.startswith("SYNC-PUNKT"):
                last = time.perf_counter() - began
                first = first or last
        _out, err = proc.communicate()
        if proc.returncode != 0 or not (began and first):
            raise RuntimeError(f"sync ended with {proc.returncode}: {err.strip()}")
        return Timing(first_point=first, end=last)
    finally:
        world.drop_server(server)
        shutil.rmtree(folder, ignore_errors=True)


def run(pg: PgServer, runs: int, seed: int, *, out: Any = sys.stdout, timing: Timing | None = None) -> list[RunResult]:
    """``runs`` killed syncs on ``pg``; prints failing runs and the summary to ``out``. ``timing``: the
    range of the random delays (None: measured first, with one unkilled sync)."""
    rng = random.Random(seed)
    started = time.perf_counter()
    results: list[RunResult] = []
    with tempfile.TemporaryDirectory(prefix="kd-sync-kill-") as tmp:
        world = World(pg, Path(tmp))
        if timing is None:
            timing = measure_sync(world, rng)
            print(f"ungestörter sync als Kindprozess, ab seinem Beginn: erster Sync-Punkt nach "
                  f"{timing.first_point:.2f} s, letzter nach {timing.end:.2f} s (zufällige Zeit)", file=out)
        index = 0
        # a run counts once its child was killed during the sync; a run whose sync had already ended
        # (its random point lay beyond the last one) is checked all the same, but does not count
        while sum(1 for r in results if not r.finished) < runs and index < 3 * runs:
            result = one_run(world, rng, index, timing)
            index += 1
            results.append(result)
            counted = sum(1 for r in results if not r.finished)
            if not result.finished and counted % 10 == 0:
                print(f"… {counted} Läufe ({time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)
            if not result.ok:
                print(f"Lauf {index}: {result.mode}, nach {result.markers} Punkten, Schritte "
                      f"{', '.join(result.steps)}: {result.lost} verloren, {result.duplicated} doppelt; "
                      f"{'; '.join(result.problems)}", file=out, flush=True)
    killed = [r for r in results if not r.finished]
    lost = sum(r.lost for r in results)
    duplicated = sum(r.duplicated for r in results)
    different = sum(1 for r in results if r.problems)
    modes = collections.Counter(r.mode for r in killed)
    before_sync = sum(1 for r in killed if r.markers == 0)
    steps = sum(len(r.steps) for r in results)
    print(f"Kill-Arten: {modes['punkt']} an einem Sync-Punkt, {modes['nach-punkt']} kurz danach, "
          f"{modes['zeit']} nach zufälliger Zeit (davon {before_sync} vor dem ersten Punkt); dazu "
          f"{len(results) - len(killed)} Läufe, deren sync vor dem Kill fertig war (ebenso geprüft); "
          f"{steps} Offline-Schritte", file=out)
    print(f"{len(killed)} Läufe, {lost} verloren, {duplicated} doppelt, {different} mit Abweichungen "
          f"({time.perf_counter() - started:.0f} s)", file=out, flush=True)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with running_server() as pg:
        results = run(pg, args.runs, args.seed)
    killed = sum(1 for r in results if not r.finished)
    return 0 if all(r.ok for r in results) and killed >= args.runs else 1


if __name__ == "__main__":
    sys.exit(main())
