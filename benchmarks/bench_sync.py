"""Synchronisation benchmark (issue 14): push and pull against a real PostgreSQL, as ratios to a floor
measured in the same run on the same server.

    PYTHONPATH=$PWD python benchmarks/bench_sync.py [--rows 1000] [--first-pull 500] [--cases 1000,10000,50000]

Starts its own throwaway server (tests/pg_server.running_server). Prints:

* push of ``--rows`` changed persons (the update path: lock, version check, write) and the pull of those
  rows on a second laptop, each against the floor: inserting the same rows into a copy of the table on
  the same server with one ``executemany`` (target ≤ 5×);
* the first pull of ``--first-pull`` cases (3 persons, 2 partners, an agreement with 2 goals, 2 indicators
  and 3 tasks each) on a new laptop: time and ratio to the floor of inserting the same rows;
* conflict detection cost per synced row: 200 stale updates (old version, half of them clashing) pushed
  while the server holds 1,000 / 10,000 / 50,000 cases.

Push and pull are timed after a ``gc.collect()``: the garbage the set-up leaves (the ORM fill, two
syncs) would otherwise be collected inside whichever of them runs first. Five rounds; before each the
server's tables are vacuumed (untimed, as autovacuum would between two days: every round meets the same
tables, not the dead row versions of the rounds before), and the floor is measured within each round, so
a busy moment of the machine meets push, pull and floor alike. The best round of each is compared, and
the medians.

Session 6 (01.12.2026, load 4–12.5 on 2 CPU, medians of 5 runs): push 13.5 × floor before, 3.8 × after
the push in batches (single runs 2.8–6.4 ×); pull 4.3 ×; conflict cost 0.8–0.9 ms per row (was 9–11).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("KOOPERATION_PASSPHRASE", "benchmark-passwort-2026")

from pg_server import running_server  # noqa: E402
from sqlalchemy import Engine, create_engine, insert, select, text  # noqa: E402

from kooperation_desktop.protection import keys  # noqa: E402
from kooperation_desktop.services import Services  # noqa: E402
from kooperation_desktop.storage.db import upgrade_to_head  # noqa: E402
from kooperation_desktop.storage.rows import (  # noqa: E402
    AgreementRow,
    CaseRow,
    GoalRow,
    IndicatorRow,
    PartnerRow,
    PersonRow,
    TaskRow,
)
from kooperation_desktop.storage.rows_sync import OutboxRow, new_uuid  # noqa: E402
from kooperation_desktop.team import outbox, sync  # noqa: E402
from kooperation_desktop.team.connection import ServerAddress  # noqa: E402
from kooperation_desktop.team.server import add_team, add_user, init_server  # noqa: E402

keys.SCRYPT_N = 2**12  # the benchmark's throwaway folders: cheap key derivation


def _laptop(root: Path, name: str, identity: str | None = None) -> Services:
    services = Services.open(root / name)
    outbox.configure(services.db, server_url="bench", identity=identity or name)
    return services


def _fill(services: Services, cases: int, persons: int, *, full: bool = False) -> None:
    """``cases`` cases with ``persons`` persons each (``full``: partners and an agreement too), in one
    ORM transaction (the outbox records every row)."""
    now = dt.datetime.now(dt.UTC)
    with services.db.transaction() as s:
        for n in range(cases):
            case = CaseRow(title=f"Familie {n}", file_number=f"AZ {n}", help_type="§ 31", created_at=now,
                           updated_at=now)
            case.persons = [PersonRow(first_name=f"Vorname {n}-{p}", last_name=f"Name {n}",
                                      family_role="Kind") for p in range(persons)]
            if full:
                case.partners = [PartnerRow(kind="professional", name=f"Fachkraft {n}-{p}") for p in range(2)]
                agreement = AgreementRow(document_id=f"KV-{n:06d}", title="Vereinbarung", mandate="Auftrag",
                                         created_at=now)
                agreement.goals = [GoalRow(position=g, client_words=f"Ziel {g}") for g in range(2)]
                for goal in agreement.goals:
                    goal.indicators = [IndicatorRow(description="Indikator", scale="gas",
                                                    level_texts=["a", "b", "c", "d", "e"])]
                agreement.tasks = [TaskRow(position=t, what=f"Aufgabe {t}") for t in range(3)]
                case.agreements = [agreement]
            s.add(case)


def _floor(server: Engine, table_name: str, rows: list[dict[str, Any]]) -> float:
    """Inserting ``rows`` (portable values) into a fresh copy of the table with one executemany."""
    table = outbox.table_named(table_name)
    names = [c.name for c in table.columns if c.name not in outbox.LOCAL_COLUMNS]
    with server.begin() as conn:
        conn.execute(text(f'DROP TABLE IF EXISTS floor_{table_name}'))
        conn.execute(text(f'CREATE TABLE floor_{table_name} (LIKE "{table_name}" INCLUDING DEFAULTS)'))
    floor = table.to_metadata(__import__("sqlalchemy").MetaData(), name=f"floor_{table_name}")
    params = [{n: r[n] for n in names} for r in rows]
    started = time.perf_counter()
    with server.begin() as conn:
        conn.execute(insert(floor), params)
    return time.perf_counter() - started


def _server(pg: Any) -> Engine:
    engine = create_engine(pg.url(pg.create_database("bench")))
    upgrade_to_head(engine)
    return engine


def _raw(server: Engine, table_name: str, limit: int | None = None) -> list[dict[str, Any]]:
    """The server's rows as stored (foreign keys as the server's ids), for the floor."""
    table = outbox.table_named(table_name)
    with server.connect() as conn:
        query = select(*[c for c in table.columns if c.name not in outbox.LOCAL_COLUMNS]).order_by(table.c.id)
        return [dict(r._mapping) for r in conn.execute(query.limit(limit) if limit else query)]


def _vacuum(server: Engine) -> None:
    """What the server's autovacuum does between two working days: the dead row versions of the last
    round are cleared (untimed), so every round meets the same tables."""
    with server.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM (ANALYZE) persons, sync_pushed"))


def _workers(pg: Any) -> tuple[Engine, Engine, Engine, str, str]:
    """A server set up as at an agency (``server init``: row-level security, append-only triggers) with
    two worker logins of one team: (the owner's engine, worker a's, worker b's, login a, login b)."""
    database = pg.create_database("benchw")
    address = ServerAddress(pg.url(database), allow_plain=True)
    init_server(address)
    add_team(address, "Team Bench")
    tag = new_uuid()[:6]
    logins = [f"bench_a_{tag}", f"bench_b_{tag}"]
    for login in logins:
        add_user(address, login, f"pw-{login}", "Team Bench")
    return (create_engine(pg.url(database)), create_engine(pg.url(database, user=logins[0])),
            create_engine(pg.url(database, user=logins[1])), logins[0], logins[1])


def push_and_pull(pg: Any, root: Path, rows: int, repeats: int = 5, *, workers: bool = False) -> None:
    """``repeats`` rounds of: every person changed once on laptop a, pushed, pulled on laptop b, and the
    floor measured right after (so a busy moment of the machine meets both). Each counts its best
    round; the medians are printed beside. ``workers``: the laptops sync as two worker logins of one
    team on a server set up with ``server init`` (as at an agency); the floor is the owner's insert."""
    if workers:
        server, engine_a, engine_b, login_a, login_b = _workers(pg)
        a, b = _laptop(root, "wa", login_a), _laptop(root, "wb", login_b)
        print("Als Fachkraft-Logins eines Teams (server init: Zeilenschutz, Nur-anfügen-Trigger):")
    else:
        server = engine_a = engine_b = _server(pg)
        a, b = _laptop(root, "a"), _laptop(root, "b")
    cases = max(1, rows // 20)
    _fill(a, cases, 20)
    sync.sync(a.db, engine_a)
    sync.sync(b.db, engine_b)
    push_times: list[float] = []
    pull_times: list[float] = []
    floors: list[float] = []
    for _round in range(repeats):
        with a.db.transaction() as s:  # every person changed once (one transaction, as an import would)
            for person in s.scalars(select(PersonRow).order_by(PersonRow.id).limit(rows)):
                person.first_name += " (geändert)"
        _vacuum(server)
        gc.collect()  # the garbage of the set-up (the ORM fill, the syncs) is not the push's
        started = time.perf_counter()
        pushed, _conflicts = sync.push(a.db, engine_a)
        push_times.append(time.perf_counter() - started)
        gc.collect()
        started = time.perf_counter()
        pulled, _deleted = sync.pull(b.db, engine_b)
        pull_times.append(time.perf_counter() - started)
        gc.collect()
        floors.append(_floor(server, "persons", _raw(server, "persons", rows)))
    floor, floor_middle = min(floors), statistics.median(floors)
    print(f"Boden: {rows} Zeilen per executemany in eine Tabelle ohne Index: bester {floor * 1000:.1f} ms, "
          f"Median {floor_middle * 1000:.1f} ms ({repeats} Runden)")
    for what, times, count in (("Push", push_times, f"{pushed} geänderten Zeilen ({cases} Fälle)"),
                               ("Pull", pull_times, f"{pulled} geänderten Zeilen")):
        best, middle = min(times), statistics.median(times)
        print(f"{what} von {count}: bester {best * 1000:.0f} ms = {best / floor:.1f} × Boden; Median "
              f"{middle * 1000:.0f} ms = {middle / floor_middle:.1f} × Median des Bodens; Runden "
              + " / ".join(f"{t / f:.1f}" for t, f in zip(times, floors, strict=True)) + " × (je Runde)")
    a.close()
    b.close()
    for engine in {server, engine_a, engine_b}:
        engine.dispose()


def first_pull(pg: Any, root: Path, cases: int) -> None:
    server = _server(pg)
    a = _laptop(root, "first-a")
    _fill(a, cases, 3, full=True)
    sync.sync(a.db, server)
    a.close()
    new = _laptop(root, "first-new")
    started = time.perf_counter()
    pulled, _deleted = sync.pull(new.db, server)
    took = time.perf_counter() - started
    floor = 0.0
    for table in ("cases", "persons", "partners", "agreements", "goals", "indicators", "tasks"):
        floor += _floor(server, table, _raw(server, table))
    print(f"Erster Pull von {cases} Fällen ({pulled} Zeilen) auf einem neuen Laptop: {took:.2f} s = "
          f"{took / floor:.1f} × Boden ({floor * 1000:.0f} ms, dieselben Zeilen per executemany)")
    new.close()
    server.dispose()


def conflict_cost(pg: Any, root: Path, sizes: list[int], updates: int = 200) -> None:
    for size in sizes:
        server = _server(pg)
        with server.begin() as conn:  # the colleagues' cases, written on the server directly
            conn.execute(text("""INSERT INTO cases (uuid, row_version, title, file_number, help_type, status,
                                 search_text) SELECT gen_random_uuid()::text, 2, 'Fall ' || n, 'AZ ' || n, '',
                                 'open', '' FROM generate_series(1, :n) AS n"""), {"n": size})
            picked = [(r[0], r[1]) for r in conn.execute(
                text("SELECT uuid, title FROM cases ORDER BY random() LIMIT :k"), {"k": updates})]
        laptop = _laptop(root, f"konflikt-{size}")
        now = dt.datetime.now(dt.UTC)
        with laptop.db.engine.begin() as local:
            local.execute(text("UPDATE sync_state SET last_seq = (SELECT 0)"))
            entries = []
            for n, (row_uuid, title) in enumerate(picked):
                # made on version 1 (the server is at 2): every row goes through the field comparison;
                # half of them changed the title the server changed too (a conflict)
                old = title if n % 2 else "anders"
                entries.append({"entry_uuid": new_uuid(), "table_name": "cases", "row_uuid": row_uuid,
                                "case_uuid": row_uuid, "op": "update", "base_version": 1, "created_at": now,
                                "fields": {"row_version": [1, 2], "title": [old, f"Laptop {n}"]}})
            local.execute(insert(OutboxRow), entries)
        started = time.perf_counter()
        _written, found = sync.push(laptop.db, server)
        took = time.perf_counter() - started
        print(f"Konflikterkennung bei {size:>6} Fällen auf dem Server: {took / updates * 1000:.2f} ms je Zeile "
              f"({updates} veraltete Änderungen, {found} Konflikte)")
        laptop.close()
        server.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--first-pull", type=int, default=500)
    parser.add_argument("--cases", default="1000,10000,50000")
    parser.add_argument("--workers", action="store_true",
                        help="push and pull also as worker logins on a server set up with server init")
    args = parser.parse_args()
    print(f"Last: {os.getloadavg()[0]:.1f} ({os.cpu_count()} CPU)")
    with tempfile.TemporaryDirectory() as tmp, running_server() as pg:
        root = Path(tmp)
        push_and_pull(pg, root, args.rows)
        if args.workers:
            push_and_pull(pg, root, args.rows, workers=True)
        first_pull(pg, root, args.first_pull)
        conflict_cost(pg, root, [int(x) for x in args.cases.split(",") if x])
    print(f"Last am Ende: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
