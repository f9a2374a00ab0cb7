"""The Konfliktliste shows two signatures of the same party (recorded on two laptops) side by side,
readably: who signed, how (on screen / on paper), where and when, and who recorded each; the server's
stands (keeping this laptop's one is off, with the reason), this laptop's stays in the closed entry.
Set ``KD_GRAB_DIR`` to keep a picture of the dialog."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from conflict_readable import unreadable
from helpers import build_complete_case
from pg_server import PgServer
from PySide6.QtCore import Qt
from sqlalchemy import create_engine
from team_helpers import laptop, server_database

from kooperation_desktop.signing.model import SignatureMethod
from kooperation_desktop.signing.service import SigningService
from kooperation_desktop.team import conflicts
from kooperation_desktop.team.status import run_sync
from ui.team.conflict_dialog import ConflictDialog

pytestmark = pytest.mark.gui


def test_two_signatures_of_one_party_side_by_side(qtbot, pg_server: PgServer, tmp_path: Path) -> None:
    url = pg_server.url(server_database(pg_server)).replace("postgresql+psycopg://", "postgresql://")
    other = laptop(tmp_path / "other", url, "anna_berg")
    mine = laptop(tmp_path / "mine", url, "ben_kraus")
    try:
        _case, agreement = build_complete_case(other)
        other.agreements.finalise(agreement)
        run_sync(other.db, "")
        run_sync(mine.db, "")
        my_agreement = mine.cases.get(mine.cases.list()[0].id).agreements[0].id
        assert my_agreement is not None
        party = SigningService(other.db).overview(agreement).parties[0].key
        SigningService(other.db).record_paper(agreement, party, dt.date.today(), note="Original liegt in der Akte")
        SigningService(mine.db).sign_on_screen(my_agreement, party, [[[10.0, 10.0], [90.0, 40.0]]], (300.0, 120.0),
                                               "Familienzentrum Musterstadt")
        run_sync(other.db, "")
        assert run_sync(mine.db, "").conflicts == 1

        dialog = ConflictDialog(mine)
        qtbot.add_widget(dialog)
        dialog.show()
        qtbot.wait_exposed(dialog)
        assert dialog.list.item(0).text() == "Familie Çelik – Unterschrift (zweimal erfasst)"
        assert dialog.header.text().startswith(
            "Für dieselbe Person wurde zu dieser Version zweimal eine Unterschrift erfasst")
        local, server = dialog.local.value.toPlainText(), dialog.server.value.toPlainText()
        assert local.splitlines()[1].startswith("am Bildschirm unterschrieben in Familienzentrum Musterstadt am ")
        assert server.splitlines()[1] == f"auf Papier unterschrieben am {dt.date.today():%d.%m.%Y}"
        assert "Vermerk: Original liegt in der Akte" in server
        assert unreadable(dialog) == {}  # no raw field names or values (ids, True, ISO dates …)
        grab = os.environ.get("KD_GRAB_DIR")
        if grab:
            qtbot.wait(200)
            dialog.grab().save(str(Path(grab) / f"conflict-signature-{os.environ.get('QT_SCALE_FACTOR', '1')}.png"))
        assert dialog.local.who.text().startswith("erfasst von ben_kraus am ")
        assert dialog.server.who.text().startswith("erfasst von anna_berg am ")
        for side in (dialog.local, dialog.server):  # every line readable without scrolling
            assert side.value.verticalScrollBar().maximum() == 0
            assert side.value.horizontalScrollBar().maximum() == 0
        assert not dialog.local.keep.isEnabled() and not dialog.edit_button.isEnabled()
        assert dialog.server.keep.isEnabled()
        assert dialog.note.isVisible() and dialog.note.text().startswith(
            "Eine Unterschrift auf dem Server kann nicht ersetzt werden. Die Unterschrift dieses Laptops bleibt "
            "in der Konfliktliste festgehalten")

        qtbot.mouseClick(dialog.server.keep, Qt.MouseButton.LeftButton)
        assert dialog.list.count() == 0 and not dialog.message.isVisible()
        assert [s.method for s in SigningService(mine.db).signatures(my_agreement)] == [SignatureMethod.PAPER]
        [closed] = conflicts.list_conflicts(mine.db, include_resolved=True)
        assert closed.local_value["place"] == "Familienzentrum Musterstadt"
        run_sync(mine.db, "")
        run_sync(other.db, "")
        assert [s.method for s in SigningService(other.db).signatures(agreement)] == [SignatureMethod.PAPER]
    finally:
        mine.close()
        other.close()
        create_engine("sqlite://").dispose()
