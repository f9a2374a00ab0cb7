"""The window when the server at the known address is another one (set up anew, restored): the sync
refuses and says so in German, in the message box, the status bar and the status line (issue 14)."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from pg_server import PgServer
from sync_helpers import server_database
from team_helpers import laptop
from window_sync import failed_sync

from kooperation_desktop.team.status import run_sync

pytestmark = pytest.mark.gui


def test_another_server_at_the_known_address_is_said_in_the_window(qtbot, pg_server: PgServer, tmp_path: Path,
                                                                  monkeypatch) -> None:
    name = server_database(pg_server)
    services = laptop(tmp_path / "data", pg_server.url(name).replace("postgresql+psycopg://", "postgresql://"),
                      pg_server.superuser)
    try:
        services.cases.create("Familie Eins")
        run_sync(services.db, "")
        fresh = server_database(pg_server)  # the server set up anew under the same name
        with psycopg.connect(pg_server.dsn(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            conn.execute(f'ALTER DATABASE "{fresh}" RENAME TO "{name}"')
        window, box = failed_sync(qtbot, monkeypatch, services)
        assert box.text().startswith(f"Der Server „127.0.0.1/{name}“ ist nicht mehr derselbe")
        assert "--neu-verbinden" in box.text()
        assert window.statusBar().currentMessage() == box.text()
        assert "nicht synchronisiert" in window.team.status_label.text()
        box.close()
        window.close()
    finally:
        services.close()
