"""The throwaway PostgreSQL server the team-mode tests use is real: it runs SQL, and each test database is
new and empty."""

import psycopg
from pg_server import PgServer


def test_the_test_server_is_a_real_postgresql_15_or_newer(pg_server: PgServer) -> None:
    name = pg_server.create_database()
    with psycopg.connect(pg_server.dsn(name)) as conn:
        version = conn.execute("SHOW server_version_num").fetchone()
        assert version is not None and int(version[0]) >= 150000
        conn.execute("CREATE TABLE t (x int)")
        conn.execute("INSERT INTO t VALUES (1), (2)")
        assert conn.execute("SELECT sum(x) FROM t").fetchone() == (3,)
    other = pg_server.create_database()
    with psycopg.connect(pg_server.dsn(other)) as conn:
        assert conn.execute("SELECT count(*) FROM pg_tables WHERE tablename = 't'").fetchone() == (0,)


def test_the_test_server_listens_on_loopback_only(pg_server: PgServer) -> None:
    assert pg_server.psql("SHOW listen_addresses").strip() == "127.0.0.1"
