"""Three laptops, one server, random offline work and syncs in random order (hypothesis stateful test).

As at an agency: the server is set up with ``server init`` (row-level security, append-only triggers) and
each laptop syncs with the database login of its social worker, three workers of one team — a normal
flow the policies or triggers wrongly refused would fail here (the superuser bypasses both).

Each laptop creates cases and persons, edits the same and different fields, finalises the agreement,
records signatures (two laptops may sign the same party offline), deletes persons and cases, resolves
conflicts, and syncs whenever the machine says so. After everyone has
synced twice: every copy equals the server, no clash is listed twice, and no edit vanished without
appearing in a conflict (an edit may only disappear when someone who had seen it changed it again, a
conflict was decided for the other value, or its case or row was deleted); every signature recorded
is on the server or in a Konfliktliste.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
import uuid
from pathlib import Path
from typing import Any

import pytest
from helpers import build_complete_case, examples
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, precondition, rule, run_state_machine_as_test
from pg_server import PgServer
from sqlalchemy import create_engine, select
from sync_helpers import dump_laptop, dump_server, forget_server, laptop

from kooperation_desktop.domain.model import AgreementStatus, Person
from kooperation_desktop.domain.rules import RuleViolation
from kooperation_desktop.services import Services
from kooperation_desktop.signing.service import SigningService
from kooperation_desktop.storage.rows import CaseRow, PersonRow
from kooperation_desktop.team import conflicts, outbox, sync
from kooperation_desktop.team.connection import ServerAddress
from kooperation_desktop.team.server import add_team, add_user, init_server

LAPTOPS = 3
CASE_FIELDS = ("title", "file_number", "help_type")
# CI runs the count below; locally e.g. KD_SYNC_MACHINE_EXAMPLES=300 for a deeper search
EXAMPLES = int(os.environ.get("KD_SYNC_MACHINE_EXAMPLES", "20"))


class _World:
    """Made once: an initialised server (``server init``: policies and triggers) with one team of three
    workers, holding one complete case of theirs (a draft agreement), and a laptop folder that has pulled
    it. Each example starts from copies of both (the login roles belong to the whole cluster)."""

    def __init__(self, pg: PgServer, root: Path) -> None:
        self.pg = pg
        self.server_template = pg.create_database("kdsi")
        address = ServerAddress(pg.url(self.server_template), allow_plain=True)
        init_server(address)
        add_team(address, "Team Süd")
        tag = uuid.uuid4().hex[:6]
        self.workers = [f"w{n}_{tag}" for n in range(LAPTOPS)]
        for worker in self.workers:
            add_user(address, worker, f"pw-{worker}", "Team Süd")
        engines = [create_engine(pg.url(self.server_template, user=w)) for w in self.workers[:2]]
        first = laptop(root, self.workers[0])
        build_complete_case(first)
        sync.sync(first.db, engines[0])
        first.close()
        folder = laptop(root, "vorlage")
        sync.sync(folder.db, engines[1])
        folder.close()
        for engine in engines:
            engine.dispose()
        self.laptop_template = root / "vorlage"

    def new_server(self) -> str:
        return self.pg.create_database("kdst", template=self.server_template)

    def url(self, database: str, n: int) -> str:
        """Worker ``n``'s login on ``database``."""
        return self.pg.url(database, user=self.workers[n])


class ThreeLaptops(RuleBasedStateMachine):
    world: _World

    def __init__(self) -> None:
        super().__init__()
        self.root = Path(tempfile.mkdtemp(prefix="kd-sync-machine-"))
        database = self.world.new_server()
        # each laptop syncs with its worker's own login (row-level security and triggers apply)
        self.engines = [create_engine(self.world.url(database, n)) for n in range(LAPTOPS)]
        self.laptops: list[Services] = []
        for n in range(LAPTOPS):
            shutil.copytree(self.world.laptop_template, self.root / f"l{n}")
            self.laptops.append(Services.open(self.root / f"l{n}"))
            forget_server(self.laptops[-1])  # (the server is a copy of the template's)
            outbox.configure(self.laptops[-1].db, server_url=self.world.url(database, n),
                             identity=self.world.workers[n], plain=True)
        self.counter = 0
        # every edit of a tracked field: (row uuid, field) -> values written, and the values that were
        # legitimately overwritten (by a laptop that had them) or dropped by a decision
        self.written: dict[tuple[str, str], set[str]] = {}
        self.superseded: set[str] = set()
        self.deleted_rows: set[str] = set()
        self.signed: dict[str, str] = {}  # the note of each signature recorded -> its case's uuid

    # --- helpers ---

    def _value(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}-{self.counter}"

    def _rows(self, i: int, row_type: type) -> list[tuple[int, str]]:
        with self.laptops[i].db.engine.connect() as c:
            return [(r[0], r[1]) for r in c.execute(select(row_type.id, row_type.uuid).order_by(row_type.id))]

    def _person(self, i: int, person_id: int) -> Person:
        with self.laptops[i].db.engine.connect() as c:
            case_id = c.execute(select(PersonRow.case_id).where(PersonRow.id == person_id)).scalar_one()
        return next(p for p in self.laptops[i].cases.get(case_id).persons if p.id == person_id)

    def _record(self, row_uuid: str, name: str, old: str, new: str) -> None:
        self.superseded.add(old)  # this laptop had the old value: overwriting it is an edit, not a loss
        self.written.setdefault((row_uuid, name), set()).add(new)

    # --- offline work ---

    @rule(i=st.integers(0, LAPTOPS - 1))
    def create_case(self, i: int) -> None:
        title = self._value("Fall")
        case = self.laptops[i].cases.create(title)
        row_uuid = dict((a, b) for a, b in self._rows(i, CaseRow))[case.id]
        self.written.setdefault((row_uuid, "title"), set()).add(title)

    @rule(i=st.integers(0, LAPTOPS - 1), data=st.data(), name=st.sampled_from(CASE_FIELDS))
    def edit_case(self, i: int, data: Any, name: str) -> None:
        rows = self._rows(i, CaseRow)
        if not rows:
            return
        case_id, row_uuid = data.draw(st.sampled_from(rows))
        services = self.laptops[i]
        case = services.cases.get(case_id)
        old, new = getattr(case, name), self._value(name)
        setattr(case, name, new)
        services.cases.update(case)
        self._record(row_uuid, name, old, new)

    @rule(i=st.integers(0, LAPTOPS - 1), data=st.data())
    def add_person(self, i: int, data: Any) -> None:
        rows = self._rows(i, CaseRow)
        if not rows:
            return
        case_id, _uuid = data.draw(st.sampled_from(rows))
        first = self._value("Vorname")
        saved = self.laptops[i].parties.save(Person(case_id=case_id, first_name=first, last_name="Test"))
        row_uuid = dict(self._rows(i, PersonRow))[saved.id]
        self.written.setdefault((row_uuid, "first_name"), set()).add(first)

    @rule(i=st.integers(0, LAPTOPS - 1), data=st.data())
    def rename_person(self, i: int, data: Any) -> None:
        rows = self._rows(i, PersonRow)
        if not rows:
            return
        person_id, row_uuid = data.draw(st.sampled_from(rows))
        services = self.laptops[i]
        person = self._person(i, person_id)
        old, new = person.first_name, self._value("Vorname")
        person.first_name = new
        services.parties.save(person)
        self._record(row_uuid, "first_name", old, new)

    @rule(i=st.integers(0, LAPTOPS - 1), data=st.data())
    def delete_person(self, i: int, data: Any) -> None:
        rows = self._rows(i, PersonRow)
        if not rows:
            return
        person_id, row_uuid = data.draw(st.sampled_from(rows))
        services = self.laptops[i]
        try:
            services.parties.delete(self._person(i, person_id))
        except RuleViolation:  # e.g. a signer of a finalised version: refused, nothing changed
            return
        self.deleted_rows.add(row_uuid)

    @rule(i=st.integers(0, LAPTOPS - 1), data=st.data())
    def delete_case(self, i: int, data: Any) -> None:
        rows = self._rows(i, CaseRow)
        if not rows:
            return
        case_id, row_uuid = data.draw(st.sampled_from(rows))
        with self.laptops[i].db.engine.connect() as c:
            persons = [r[0] for r in c.execute(select(PersonRow.uuid).where(PersonRow.case_id == case_id))]
        self.laptops[i].cases.delete(case_id)
        self.deleted_rows.update([row_uuid, *persons])

    @rule(i=st.integers(0, LAPTOPS - 1))
    def finalise(self, i: int) -> None:
        services = self.laptops[i]
        for summary in services.cases.list():
            case = services.cases.get(summary.id)
            for agreement in case.agreements:
                if agreement.status == AgreementStatus.DRAFT and not services.agreements.check(agreement.id):
                    services.agreements.finalise(agreement.id)
                    return

    @rule(i=st.integers(0, LAPTOPS - 1))
    def sign(self, i: int) -> None:
        """The first party not yet signed signs on paper (a draft that passes the checks is finalised
        first): two laptops doing it offline sign the same party."""
        services = self.laptops[i]
        signing = SigningService(services.db)
        for case_id, case_uuid in self._rows(i, CaseRow):
            for agreement in services.cases.get(case_id).agreements:
                if agreement.id is None:
                    continue
                if agreement.status == AgreementStatus.DRAFT and not services.agreements.check(agreement.id):
                    services.agreements.finalise(agreement.id)
                elif agreement.status != AgreementStatus.FINAL:
                    continue
                open_parties = [p.key for p in signing.overview(agreement.id).parties if not p.signed]
                if not open_parties:
                    continue
                note = self._value("Unterschrift")
                signing.record_paper(agreement.id, open_parties[0], dt.date.today(), note)
                self.signed[note] = case_uuid
                return

    @rule(i=st.integers(0, LAPTOPS - 1), keep=st.sampled_from(("local", "server")))
    def resolve_a_conflict(self, i: int, keep: str) -> None:
        waiting = [c for c in conflicts.list_conflicts(self.laptops[i].db) if not c.row_deleted]
        if not waiting:
            return
        clash = waiting[0]
        if clash.field == conflicts.SIGNATURE and keep == "local":
            # a signature on the server stands: keeping this laptop's is refused (it stays in the entry)
            with pytest.raises(conflicts.ConflictError):
                conflicts.resolve(self.laptops[i].db, clash.id, "local")
            return
        try:
            conflicts.resolve(self.laptops[i].db, clash.id, "local" if keep == "local" else "server")
        except conflicts.ConflictError:  # its row is gone here meanwhile (German message for the user)
            return
        # the value not kept was dropped by a decision
        self.superseded.add(str(clash.server_value if keep == "local" else clash.local_value))

    @precondition(lambda self: True)
    @rule(i=st.integers(0, LAPTOPS - 1))
    def synchronise(self, i: int) -> None:
        sync.sync(self.laptops[i].db, self.engines[i])

    # --- the end ---

    def teardown(self) -> None:
        try:
            for _round in range(2):
                for services, engine in zip(self.laptops, self.engines, strict=True):
                    sync.sync(services.db, engine)
            server = dump_server(self.engines[0])  # (the team sees all of its cases)
            for services in self.laptops:
                assert dump_laptop(services) == server
            listed: list[Any] = []
            for services in self.laptops:  # each laptop lists each of its clashes once
                own = conflicts.list_conflicts(services.db, include_resolved=True)
                clashes = [(c.row_uuid, c.field, repr(c.local_value), repr(c.server_value)) for c in own]
                assert len(clashes) == len(set(clashes)), "a clash is listed twice"
                listed += own
            in_conflicts = {str(c.local_value) for c in listed} | {str(c.server_value) for c in listed}
            final = {(dict(row)["uuid"], name): dict(row)[name]
                     for table in ("cases", "persons") for row in server[table]
                     for name in (*CASE_FIELDS, "first_name") if name in dict(row)}
            for (row_uuid, name), values in self.written.items():
                if row_uuid in self.deleted_rows or (row_uuid, name) not in final:
                    continue  # the row was deleted (here or on the server)
                for value in values - self.superseded:
                    assert value == final[(row_uuid, name)] or value in in_conflicts, (
                        f"edit {name}={value} vanished without a conflict")
            noted = {dict(row)["note"] for row in server["signatures"]}
            noted |= {side.get("note") for c in listed if c.field == conflicts.SIGNATURE
                      for side in (c.local_value, c.server_value)}
            for note, case_uuid in self.signed.items():
                assert case_uuid in self.deleted_rows or note in noted, f"signature {note} vanished"
        finally:
            for services in self.laptops:
                services.close()
            for engine in self.engines:
                engine.dispose()
            shutil.rmtree(self.root, ignore_errors=True)


def test_three_workers_random_offline_work_and_syncs(pg_server: PgServer, tmp_path: Path) -> None:
    ThreeLaptops.world = _World(pg_server, tmp_path)
    run_state_machine_as_test(ThreeLaptops, settings=settings(
        max_examples=examples(EXAMPLES), stateful_step_count=15, deadline=None, database=None,
        suppress_health_check=list(HealthCheck), phases=[Phase.explicit, Phase.reuse, Phase.generate]))


@pytest.fixture(autouse=True)
def _no_world_left() -> Any:
    yield
    ThreeLaptops.__dict__.get("world") and delattr(ThreeLaptops, "world")
