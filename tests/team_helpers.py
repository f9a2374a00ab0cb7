"""Builders of the team-mode window tests: a migrated server database on a real PostgreSQL, laptops
(data folders in team mode) and a conflict made the way users make one (two laptops change the same
field of the same case offline)."""

from __future__ import annotations

import contextlib
import dataclasses
import os
import pwd
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

from pg_server import PgServer, running_server
from sqlalchemy import create_engine, text

from kooperation_desktop.domain.model import Case
from kooperation_desktop.services import Services
from kooperation_desktop.storage.db import upgrade_to_head
from kooperation_desktop.team import outbox
from kooperation_desktop.team.connection import ServerAddress
from kooperation_desktop.team.status import run_sync


def server_database(pg: PgServer) -> str:
    """A new database on ``pg`` at the newest schema (with the sync triggers)."""
    name = pg.create_database("kdui")
    engine = create_engine(pg.url(name))
    try:
        upgrade_to_head(engine)
    finally:
        engine.dispose()
    return name


_TEMPLATE: list[Path] = []


def laptop(folder: Path, server_url: str, identity: str) -> Services:
    """A new data folder (a copy of one migrated, empty folder) in team mode with the (plain, local
    test) server ``server_url``."""
    if not _TEMPLATE or not _TEMPLATE[0].exists():
        template = Path(tempfile.mkdtemp(prefix="kd-laptop-")) / "data"
        Services.open(template).close()
        _TEMPLATE[:] = [template]
    shutil.copytree(_TEMPLATE[0], folder)
    services = Services.open(folder)
    outbox.configure(services.db, server_url=server_url, identity=identity, plain=True)
    return services


def make_conflict(pg: PgServer, root: Path, *, here: str = "Familie Hier",
                  there: str = "Familie Dort") -> tuple[Services, Services, int]:
    """Two laptops of the same login share a case; both rename it offline, the other one syncs first.
    Returns (this laptop, the other one, the case's id on this laptop), this laptop not yet synced:
    its next sync lists the title as one conflict."""
    db = server_database(pg)
    url = pg.url(db).replace("postgresql+psycopg://", "postgresql://")
    mine = laptop(root / "mine", url, pg.superuser)
    other = laptop(root / "other", url, pg.superuser)
    case = mine.cases.create("Familie Start", "AZ-1")
    run_sync(mine.db, "")
    run_sync(other.db, "")
    theirs = next(c for c in other.cases.list("") if c.title == "Familie Start")
    change_case(other, theirs.id, title=there)
    run_sync(other.db, "")
    change_case(mine, case.id, title=here)
    return mine, other, case.id


def change_case(services: Services, case_id: int, **fields: object) -> Case:
    """Save the case with ``fields`` changed (through the use case, as the window does)."""
    return services.cases.update(dataclasses.replace(services.cases.get(case_id), **fields))  # type: ignore[arg-type]


@contextlib.contextmanager
def password_server() -> Iterator[tuple[PgServer, str]]:
    """A PostgreSQL checking passwords (scram-sha-256) over TCP; the superuser set-up stays trusted.
    Yields the server and the address of a migrated database for the login ``tina`` (password
    ``Sommer-2026``), without TLS (a local test server)."""
    folder = Path(tempfile.mkdtemp(prefix="kd-pw-"))
    superuser = "postgres" if os.geteuid() == 0 else pwd.getpwuid(os.geteuid()).pw_name
    hba = folder / "pg_hba.conf"
    hba.write_text(f"local all all trust\nhost all {superuser} 127.0.0.1/32 trust\n"
                   "host all all 127.0.0.1/32 scram-sha-256\n", encoding="utf-8")
    folder.chmod(0o755)
    hba.chmod(0o644)
    with running_server(extra_conf={"hba_file": str(hba), "password_encryption": "scram-sha-256"}) as pg:
        db = server_database(pg)
        pg.psql("CREATE ROLE tina LOGIN PASSWORD 'Sommer-2026' SUPERUSER", db)
        yield pg, f"postgresql://tina@{pg.host}:{pg.port}/{db}"


def agency_server(pg: PgServer) -> tuple[str, tuple[str, str, str], dict[str, int]]:
    """A database set up by ``server init`` with Team Nord (lead lena_…, worker anna_…) and Team Süd
    (worker ben_…); returns (database, (lena, anna, ben), {team name: id})."""
    from kooperation_desktop.team import server

    db = pg.create_database("kdteam")
    address = ServerAddress(pg.url(db), allow_plain=True)
    server.init_server(address)
    tag = uuid.uuid4().hex[:6]  # roles belong to the whole server
    lena, anna, ben = f"lena_{tag}", f"anna_{tag}", f"ben_{tag}"
    nord, _ = server.add_team(address, "Team Nord")
    sued, _ = server.add_team(address, "Team Süd")
    server.add_user(address, lena, "pw-lena", "Team Nord", lead=True)
    server.add_user(address, anna, "pw-anna", "Team Nord")
    server.add_user(address, ben, "pw-ben", "Team Süd")
    return db, (lena, anna, ben), {"Team Nord": nord, "Team Süd": sued}


def case_uuid(services: Services, case_id: int) -> str:
    with services.db.engine.connect() as c:
        return str(c.execute(text("SELECT uuid FROM cases WHERE id = :i"), {"i": case_id}).scalar_one())
