"""Team mode in the window (issue 14), against a real PostgreSQL: the status line after a sync, the
Konfliktliste deciding a conflict both ways (and with a typed value), the German message for a wrong
server password, the team view with „Fall übernehmen“ — and no trace of any of it in single-laptop mode."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_server import PgServer
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from sqlalchemy import create_engine
from team_helpers import agency_server, case_uuid, change_case, laptop, make_conflict, password_server

from kooperation_desktop.services import Services
from kooperation_desktop.team import outbox
from kooperation_desktop.team.status import run_sync, team_status, when_text
from kooperation_desktop.team.teamview import team_overview
from ui.main_window import MainWindow
from ui.team import dialogs as team_dialogs
from ui.team.team_view import TeamViewDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def conflict(pg_server: PgServer, tmp_path: Path) -> Iterator[tuple[Services, int]]:
    mine, other, case_id = make_conflict(pg_server, tmp_path)
    try:
        yield mine, case_id
    finally:
        mine.close()
        other.close()


def _window(qtbot, services: Services) -> MainWindow:
    window = MainWindow(services)
    qtbot.add_widget(window)
    window.show()
    return window


def _sync(qtbot, window: MainWindow) -> bool:
    assert window.team is not None
    with qtbot.wait_signal(window.team.sync_finished, timeout=60_000) as finished:
        window.team.sync_action.trigger()
    return bool(finished.args[0])


def test_single_laptop_mode_shows_no_team_ui(qtbot, services: Services) -> None:
    window = _window(qtbot, services)
    assert window.team is None
    menus = [a.text() for a in window.menuBar().actions()]
    assert not any("Team" in m for m in menus)
    labels = window.statusBar().findChildren(QLabel)
    assert [w for w in labels if w.accessibleName() == "Stand der Synchronisation"] == []
    assert window.statusBar().currentMessage() == "Alle Daten bleiben auf diesem Gerät."


def test_status_line_after_a_sync_with_a_conflict_and_waiting_changes(qtbot, conflict, monkeypatch) -> None:
    services, case_id = conflict
    asked: list[str] = []
    monkeypatch.setattr(team_dialogs, "ask_server_password",
                        lambda parent, identity, server: asked.append(identity) or "geheim")
    window = _window(qtbot, services)
    assert window.team is not None
    assert [a.text() for a in window.team.menu.actions()] == ["&Synchronisieren", "&Konfliktliste…",
                                                              "&Team-Übersicht…"]
    assert window.team.status_label.text() == "zuletzt synchronisiert " + when_text(
        team_status(services.db).last_sync_at) + " · 1 Änderung wartet"  # type: ignore[union-attr]
    assert window.team.status_label.isVisible()

    assert _sync(qtbot, window)
    status = team_status(services.db)
    assert status is not None and status.last_sync_at is not None
    when = when_text(status.last_sync_at)
    assert window.team.status_label.text() == f"zuletzt synchronisiert {when} · keine Änderungen warten · 1 Konflikt"
    # the list shows the server's title (it stays until the conflict is decided)
    assert [window.model.index(r, 0).data() for r in range(window.model.rowCount())] == ["Familie Dort"]
    assert "1 neuer Konflikt" in window.statusBar().currentMessage()

    change_case(services, case_id, file_number="AZ-2")  # a local edit, then the window reloads
    window.refresh(select_id=case_id)
    assert window.team.status_label.text() == f"zuletzt synchronisiert {when} · 1 Änderung wartet · 1 Konflikt"
    assert _sync(qtbot, window)
    assert asked == [services_identity(services)]  # the password is asked once per session


def services_identity(services: Services) -> str:
    with services.db.engine.connect() as c:
        state = outbox.state_of(c)
    assert state is not None
    return state.identity


@pytest.mark.parametrize(("button", "title"), [("local", "Familie Hier"), ("server", "Familie Dort")])
def test_the_conflict_dialog_keeps_either_side(qtbot, conflict, monkeypatch, button: str, title: str) -> None:
    services, case_id = conflict
    run_sync(services.db, "")
    window = _window(qtbot, services)
    assert window.team is not None
    dialog = window.team.open_conflicts()
    qtbot.wait_exposed(dialog)
    assert dialog.list.count() == 1
    assert dialog.local.value.toPlainText() == "Familie Hier"
    assert dialog.server.value.toPlainText() == "Familie Dort"
    assert dialog.local.title() == "Auf diesem Laptop" and dialog.server.title() == "Auf dem Server"
    assert dialog.header.text().startswith(
        "Dieses Feld wurde auf diesem Laptop und auf dem Server verschieden geändert.")
    assert dialog.local.who.text().startswith("geändert von ")
    side = dialog.local if button == "local" else dialog.server
    assert side.keep.text().replace("&", "") == "Diesen Wert behalten"
    qtbot.mouseClick(side.keep, Qt.MouseButton.LeftButton)
    assert dialog.list.count() == 0 and dialog.empty.isVisible()
    assert services.cases.get(case_id).title == title
    assert "Konflikt" not in window.team.status_label.text()  # none left in the status line
    assert [window.model.index(r, 0).data() for r in range(window.model.rowCount())] == [title]


def test_the_conflict_dialog_takes_a_typed_value_by_keyboard(qtbot, conflict, monkeypatch) -> None:
    services, case_id = conflict
    run_sync(services.db, "")
    window = _window(qtbot, services)
    assert window.team is not None
    dialog = window.team.open_conflicts()
    qtbot.wait_exposed(dialog)
    offered: list[str] = []
    monkeypatch.setattr(team_dialogs, "ask_value",
                        lambda parent, what, current: offered.append(current) or "Familie Beide")
    dialog.edit_button.setFocus()
    qtbot.keyClick(dialog.edit_button, Qt.Key.Key_Space)
    assert offered == ["Familie Hier"]
    assert services.cases.get(case_id).title == "Familie Beide"
    assert dialog.list.count() == 0


def test_a_wrong_server_password_is_a_german_message(qtbot, tmp_path: Path, monkeypatch) -> None:
    with password_server() as (_pg, url):
        services = Services.open(tmp_path / "data")
        try:
            outbox.configure(services.db, server_url=url, identity="tina", plain=True)
            answers = iter(["falsch", "Sommer-2026"])
            monkeypatch.setattr(team_dialogs, "ask_server_password", lambda parent, identity, server: next(answers))
            window = _window(qtbot, services)
            assert window.team is not None
            assert not _sync(qtbot, window)
            box = window.team.error_box
            assert box is not None and box.isVisible()
            assert box.text() == "Anmeldung als „tina“ abgelehnt: Benutzername oder Passwort stimmen nicht."
            assert box.icon() == QMessageBox.Icon.Warning
            assert "nicht synchronisiert" in window.team.status_label.text()
            box.close()
            assert _sync(qtbot, window)  # asked again: the refused password was forgotten
            assert window.team.status_label.text().startswith("zuletzt synchronisiert ")
            window.close()
        finally:
            services.close()


def test_the_team_view_lets_the_lead_give_a_case_to_a_colleague(qtbot, pg_server: PgServer, tmp_path: Path,
                                                                 monkeypatch) -> None:
    db, (lena, _anna, ben), teams = agency_server(pg_server)
    url = pg_server.url(db).replace("postgresql+psycopg://", "postgresql://")
    office = laptop(tmp_path / "office", url, pg_server.superuser)
    try:
        case = office.cases.create("Familie Nord", "AZ-N")
        run_sync(office.db, "")
        pg_server.psql(f"UPDATE cases SET team_id = {teams['Team Nord']} "
                       f"WHERE uuid = '{case_uuid(office, case.id)}'", db)
    finally:
        office.close()
    lead = laptop(tmp_path / "lena", url.replace(f"{pg_server.superuser}@", f"{lena}@"), lena)
    try:
        monkeypatch.setattr(team_dialogs, "ask_server_password", lambda parent, identity, server: "pw-lena")
        monkeypatch.setattr(team_dialogs, "ask_colleague", lambda parent, title, current: ben)
        window = _window(qtbot, lead)
        assert window.team is not None
        dialog = window.team.open_team_view()
        assert isinstance(dialog, TeamViewDialog)
        qtbot.wait_exposed(dialog)
        assert dialog.table.rowCount() == 1 and dialog.table.item(0, 0).text() == "Familie Nord"
        assert dialog.table.item(0, 4).text() == "nichts fällig"
        assert "Teamleitung von Team Nord" in dialog.intro.text()
        assert dialog.assign_button.isEnabled()
        qtbot.mouseClick(dialog.assign_button, Qt.MouseButton.LeftButton)
        assert dialog.table.item(0, 3).text() == ben
        engine = create_engine(pg_server.url(db, user=ben))
        try:
            assert [c.title for c in team_overview(engine).cases] == ["Familie Nord"]
        finally:
            engine.dispose()
    finally:
        lead.close()
