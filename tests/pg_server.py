"""A throwaway PostgreSQL server for the team-mode tests: a real server, never a mock.

The machines have PostgreSQL's ``initdb``/``pg_ctl`` on PATH (``.ci/run`` installs Debian's ``postgresql``
package when they are missing). PostgreSQL refuses to run as root and CI runs as root: the server then runs
as the ``postgres`` user (``runuser``) in a folder that belongs to it. It listens on 127.0.0.1 only, on a free
port, with its socket in its own folder; it trusts local connections (test data only) and is stopped and
removed when the test session ends (each pytest-xdist worker has its own server).
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


def _pg_bin(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    for candidate in sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), reverse=True):
        return str(candidate)
    raise RuntimeError(f"PostgreSQL-Programm {name} nicht gefunden (Debian-Paket postgresql installieren)")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _as_server_user(cmd: list[str]) -> list[str]:
    """``cmd`` as the ``postgres`` user when we are root (PostgreSQL refuses root)."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


@dataclass
class PgServer:
    """A running server: ``url(db)`` for the superuser, ``create_database()`` for a fresh, empty one."""

    folder: Path
    port: int
    superuser: str

    @property
    def host(self) -> str:
        return "127.0.0.1"

    def url(self, database: str = "postgres", user: str | None = None, password: str | None = None) -> str:
        """A SQLAlchemy URL (psycopg 3) to ``database`` as ``user`` (default: the superuser)."""
        auth = user or self.superuser
        if password is not None:
            auth = f"{auth}:{password}"
        return f"postgresql+psycopg://{auth}@{self.host}:{self.port}/{database}"

    def dsn(self, database: str = "postgres", user: str | None = None, password: str | None = None) -> str:
        """A libpq connection string for psycopg itself."""
        return self.url(database, user, password).replace("postgresql+psycopg://", "postgresql://")

    def create_database(self, prefix: str = "kd", template: str | None = None) -> str:
        """A new database on this server (empty, or a copy of the database ``template``); its name."""
        import psycopg

        name = f"{prefix}_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.dsn(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        return name

    def psql(self, sql: str, database: str = "postgres") -> str:
        """Run ``sql`` with the server's own ``psql`` (as the superuser); its output."""
        out = subprocess.run(
            [_pg_bin("psql"), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", self.dsn(database), "-c", sql],
            check=True, capture_output=True, text=True)
        return out.stdout


def _start(folder: Path, data: Path, extra_conf: dict[str, str] | None) -> int:
    """Start the server on a free port; returns the port. The port is free when picked, but until the
    server binds it another process (another xdist worker's server, or any client connection, whose
    local port comes from the same ephemeral range) may take it: then a new port, a few times."""
    log = folder / "server.log"
    for attempt in range(5):
        port = _free_port()
        options = [f"-p {port}", f"-k {folder}", "-c listen_addresses=127.0.0.1", "-c fsync=off",
                   "-c synchronous_commit=off", "-c full_page_writes=off"]
        options += [f"-c {key}={value}" for key, value in (extra_conf or {}).items()]
        started = subprocess.run(
            _as_server_user([_pg_bin("pg_ctl"), "-D", str(data), "-o", " ".join(options),
                             "-l", str(log), "-w", "-t", "60", "start"]),
            capture_output=True)
        if started.returncode == 0:
            return port
        said = log.read_text(errors="replace") if log.exists() else ""
        if "could not bind" not in said or attempt == 4:
            raise subprocess.CalledProcessError(started.returncode, started.args, started.stdout,
                                                started.stderr + said.encode())
        subprocess.run(_as_server_user([_pg_bin("pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
                       capture_output=True)  # (not running: nothing to do; a half start: stopped)
        log.unlink()
    raise AssertionError("unreachable")


@contextlib.contextmanager
def running_server(extra_conf: dict[str, str] | None = None) -> Iterator[PgServer]:
    """Start a throwaway server, yield it, stop and remove it again."""
    folder = Path(tempfile.mkdtemp(prefix="kd-pg-"))
    data = folder / "data"
    root = os.geteuid() == 0
    if root:
        postgres = pwd.getpwnam("postgres")
        os.chown(folder, postgres.pw_uid, postgres.pw_gid)
    superuser = "postgres" if root else pwd.getpwuid(os.geteuid()).pw_name
    try:
        subprocess.run(
            _as_server_user([_pg_bin("initdb"), "-D", str(data), "-A", "trust", "-U", superuser,
                             "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]),
            check=True, capture_output=True)
        port = _start(folder, data, extra_conf)
        try:
            yield PgServer(folder=folder, port=port, superuser=superuser)
        finally:
            subprocess.run(_as_server_user([_pg_bin("pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
                           capture_output=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
