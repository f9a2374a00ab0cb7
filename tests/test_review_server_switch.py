"""Review (issue 14): connecting a data folder to another server says "synchronised" and sends nothing.

``sync --url`` on a folder in team mode already only replaces the address (``outbox.configure`` →
``update_server``): the outbox is empty (everything went to the first server) and ``last_seq`` is still
the first server's change number. The new server (the agency moved its database, or a test server was
used first) gets none of what the laptop holds, its pull skips every row numbered below the old
``last_seq`` — and the command reports success. Expected: a new server gets everything (as a first
sync does), or the command refuses in German.
"""

from __future__ import annotations

from pathlib import Path

from pg_server import PgServer
from sync_helpers import dump_server, server_engine

from kooperation_desktop.cli import main
from kooperation_desktop.services import Services


def test_a_folder_connected_to_another_server_sends_what_it_holds_or_says_no(pg_server: PgServer, tmp_path: Path,
                                                                             capsys, monkeypatch) -> None:
    first, first_name = server_engine(pg_server)
    second, second_name = server_engine(pg_server)
    folder = tmp_path / "laptop"
    try:
        with Services.open(folder) as services:
            services.cases.create("Familie Eins")
        monkeypatch.setenv("KOOPERATION_SERVER_PASSWORD", "egal")
        assert main(["sync", "--url", pg_server.dsn(first_name), "--ohne-tls", "--data-dir", str(folder)]) == 0
        capsys.readouterr()

        code = main(["sync", "--url", pg_server.dsn(second_name), "--ohne-tls", "--data-dir", str(folder)])
        if code != 0:  # refused: then in one German line
            assert capsys.readouterr().err.startswith("Fehler: ")
            return
        assert [dict(row)["title"] for row in dump_server(second)["cases"]] == ["Familie Eins"]
    finally:
        first.dispose()
        second.dispose()
