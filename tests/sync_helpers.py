"""Shared set-up of the synchronisation tests: a migrated server database (a copy of one template per
test, so each starts empty and fast), laptops (copies of one migrated, encrypted data folder, put into
team mode) and a comparable dump of what a database holds."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path
from typing import Any

from pg_server import PgServer
from sqlalchemy import Connection, Engine, create_engine

from kooperation_desktop.services import Services
from kooperation_desktop.storage.db import upgrade_to_head
from kooperation_desktop.team import outbox

_TEMPLATES: dict[int, str] = {}


def server_database(pg: PgServer) -> str:
    """A new server database at the newest schema (migrations, sync triggers included)."""
    import psycopg

    template = _TEMPLATES.get(id(pg))
    if template is None:
        template = pg.create_database("kdtpl")
        engine = create_engine(pg.url(template))
        try:
            upgrade_to_head(engine)
        finally:
            engine.dispose()
        _TEMPLATES[id(pg)] = template
    name = f"kds_{__import__('uuid').uuid4().hex[:12]}"
    with psycopg.connect(pg.dsn(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    return name


def server_engine(pg: PgServer) -> tuple[Engine, str]:
    name = server_database(pg)
    return create_engine(pg.url(name)), name


_FOLDER_TEMPLATE: dict[str, Path] = {}


def two_teams(pg: PgServer) -> tuple[str, str, str, Engine, Engine]:
    """A fresh initialised server with "Team Nord" and "Team Süd": Lea leads Team Süd, Anna works in Team
    Nord (she covers Lea's cases when assigned). Returns (database, Lea's login, Anna's login, and their
    engines on the server)."""
    from kooperation_desktop.team.connection import ServerAddress
    from kooperation_desktop.team.server import add_team, add_user, init_server

    db = pg.create_database()
    address = ServerAddress(pg.url(db), allow_plain=True)
    init_server(address)
    tag = uuid.uuid4().hex[:6]
    lea, anna = f"lea_{tag}", f"anna_{tag}"
    add_team(address, "Team Nord")
    add_team(address, "Team Süd")
    add_user(address, lea, "pw-lea", "Team Süd", lead=True)
    add_user(address, anna, "pw-anna", "Team Nord")
    return db, lea, anna, create_engine(pg.url(db, user=lea)), create_engine(pg.url(db, user=anna))


def one_team(pg: PgServer, root: Path, names: tuple[str, ...] = ("anna", "ben")) -> tuple[
        list[Services], list[Engine]]:
    """As at an agency: a fresh server set up with ``server init`` (row-level security, append-only
    triggers) with "Team Süd" and a worker login per name (made unique, e.g. ``anna_1a2b3c``), each with
    her laptop (identity: her login) and her engine on the server (policies and triggers apply)."""
    from kooperation_desktop.team.connection import ServerAddress
    from kooperation_desktop.team.server import add_team, add_user, init_server

    db = pg.create_database()
    address = ServerAddress(pg.url(db), allow_plain=True)
    init_server(address)
    add_team(address, "Team Süd")
    tag = uuid.uuid4().hex[:6]
    logins = [f"{name}_{tag}" for name in names]
    for login in logins:
        add_user(address, login, f"pw-{login}", "Team Süd")
    return [laptop(root, login) for login in logins], [create_engine(pg.url(db, user=login)) for login in logins]


def laptop(root: Path, name: str, server_url: str = "postgresql://test@127.0.0.1/test", *,
           plain: bool = False) -> Services:
    """A laptop: an empty, migrated data folder ``root / name`` in team mode, identity ``name``."""
    template = _FOLDER_TEMPLATE.get("t")
    if template is None or not template.exists():
        import tempfile

        template = Path(tempfile.mkdtemp(prefix="kd-laptop-")) / "data"
        Services.open(template).close()
        _FOLDER_TEMPLATE["t"] = template
    shutil.copytree(template, root / name)
    services = Services.open(root / name)
    outbox.configure(services.db, server_url=server_url, identity=name, plain=plain)
    return services


def forget_server(services: Services) -> None:
    """A laptop copied from a template folder, for a copy of the template's server database: the copy
    is another database (the laptop would refuse it as another server, see team/reconnect.py); here it
    stands for the same server, so the laptop learns its identity at its next sync."""
    from sqlalchemy import update

    from kooperation_desktop.storage.rows_sync import SyncStateRow

    with services.db.engine.begin() as c:
        c.execute(update(SyncStateRow).values(server_id=None))


IGNORED = frozenset({"id", "change_seq"})


def dump(connection: Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Every travelling row in its portable form (foreign keys as uuids), sorted by uuid."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    for table in outbox.travelling_tables():
        rows = []
        for r in connection.execute(outbox.portable_select(table)):
            values = dict(r._mapping)
            rows.append(tuple((k, bytes(v) if isinstance(v, memoryview) else v) for k, v in sorted(values.items())))
        out[table.name] = sorted(rows, key=lambda row: str(dict(row)["uuid"]))
    return out


def dump_laptop(services: Services) -> dict[str, list[tuple[Any, ...]]]:
    with services.db.engine.connect() as c:
        return dump(c)


def dump_server(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    with engine.connect() as c:
        return dump(c)


def file_number_clash(a: Services, b: Services, server: Engine, title: str) -> Any:
    """A case made on laptop ``a``, its file number then changed on both laptops: the second syncer (``b``)
    gets one Konfliktliste entry, returned."""
    from kooperation_desktop.team import conflicts, sync

    a.cases.create(title, "AZ 1")
    sync.sync(a.db, server)
    sync.sync(b.db, server)
    for services, number in ((a, "AZ 1-A"), (b, "AZ 1-B")):
        [case] = services.cases.list()
        assert case.id is not None
        changed = services.cases.get(case.id)
        changed.file_number = number
        services.cases.update(changed)
    sync.sync(a.db, server)
    sync.sync(b.db, server)
    [clash] = conflicts.list_conflicts(b.db)
    return clash
