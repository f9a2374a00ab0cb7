"""The window when the server's schema is older than this program's: the sync sends and receives
nothing and says why in German, in the message box, the status bar and the status line (issue 14)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pg_server import PgServer
from sqlalchemy import create_engine, text
from sync_helpers import server_database
from team_helpers import laptop
from window_sync import failed_sync

from kooperation_desktop.storage.db import head_revisions
from kooperation_desktop.team import outbox

pytestmark = pytest.mark.gui


def test_a_server_older_than_the_program_is_said_in_the_window(qtbot, pg_server: PgServer, tmp_path: Path,
                                                               monkeypatch) -> None:
    name = server_database(pg_server)
    engine = create_engine(pg_server.url(name))
    try:
        with engine.begin() as conn:  # set up by an older program
            conn.execute(text("UPDATE alembic_version SET version_num = '0019'"))
    finally:
        engine.dispose()
    services = laptop(tmp_path / "data", pg_server.url(name).replace("postgresql+psycopg://", "postgresql://"),
                      pg_server.superuser)
    try:
        services.cases.create("Familie Eins")
        window, box = failed_sync(qtbot, monkeypatch, services)
        head = ", ".join(sorted(head_revisions()))
        assert box.text() == (f"Der Server ist auf einem älteren Stand (Schema 0019) als dieses Programm ({head}). "
                              "Bitte die Verwaltung bitten, „kooperation-desktop server init“ mit der neuen Version "
                              "auszuführen; bis dahin bleiben Ihre Änderungen auf diesem Laptop.")
        assert window.statusBar().currentMessage() == box.text()
        assert "nicht synchronisiert" in window.team.status_label.text()
        assert "1 Änderung wartet" in window.team.status_label.text()
        with services.db.engine.connect() as c:
            assert outbox.pending_count(c) == 1
        box.close()
        window.close()
    finally:
        services.close()
