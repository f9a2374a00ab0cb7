"""Team mode: why the server refused a case's changes is said in German, naming the case (its file
number), by the error's SQLSTATE; PostgreSQL's own text stays out of the line (the audit log keeps the
technical reason, without values). A busy server (deadlock) is asked a second time at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from pg_server import PgServer
from sqlalchemy import Engine, text
from sync_helpers import laptop, two_teams

from kooperation_desktop.domain.model import Person
from kooperation_desktop.protection.audit import AuditService
from kooperation_desktop.protection.model import PUSH_REFUSED
from kooperation_desktop.services import Services
from kooperation_desktop.team import outbox, sync

ENGLISH = ("violates", "duplicate key", "null value", "row-level security", "deadlock")


def _refused(services: Services, server: Engine) -> str:
    with pytest.raises(sync.PushRefused) as refused:
        sync.sync(services.db, server)
    message = str(refused.value)
    assert message.startswith("Der Server hat die Änderungen eines Falls nicht angenommen (Fall ")
    assert "\n" not in message and not any(word in message.lower() for word in ENGLISH)
    return message


def _waiting(services: Services) -> int:
    with services.db.engine.connect() as c:
        return outbox.pending_count(c)


def _logged(services: Services, title: str) -> list[str]:
    [case] = [c for c in services.cases.list() if c.title == title]
    assert case.id is not None
    return [e.entity_type for e in AuditService(services.db).for_case(case.id) if e.action == PUSH_REFUSED]


def test_a_file_number_used_on_the_server_already_is_named(team) -> None:
    a, b, server = team
    with server.begin() as conn:  # the agency's server allows each file number once
        conn.execute(text("CREATE UNIQUE INDEX az_einmal ON cases (file_number) WHERE file_number <> ''"))
    b.cases.create("Familie Erst", "AZ 7/2026")
    sync.sync(b.db, server)
    a.cases.create("Familie Zweit", "AZ 7/2026")
    message = _refused(a, server)
    assert ("(Fall „Familie Zweit“ (Az. AZ 7/2026): das Aktenzeichen „AZ 7/2026“ ist auf dem Server schon an "
            "einen anderen Fall vergeben – bitte ein anderes Aktenzeichen wählen)") in message
    assert _logged(a, "Familie Zweit") == ["23505 cases az_einmal"]
    assert _waiting(a) == 1


def test_an_empty_field_the_server_requires_is_named_by_its_german_label(team) -> None:
    a, _b, server = team
    with server.begin() as conn:
        conn.execute(text("ALTER TABLE persons ALTER COLUMN birth_date SET NOT NULL"))
    case = a.cases.create("Familie Ohne")
    a.parties.save(Person(case_id=case.id, first_name="Ida", last_name="Ohne"))
    message = _refused(a, server)
    assert "(Fall „Familie Ohne“: das Feld „Geburtsdatum“ darf auf dem Server nicht leer sein)" in message
    assert _logged(a, "Familie Ohne") == ["23502 persons birth_date"]


@pytest.mark.parametrize("code", ["P0001", "insufficient_privilege"])  # (the cases' guard raises the second)
def test_a_message_of_our_own_trigger_is_shown_as_it_is(team, code: str) -> None:
    a, _b, server = team
    rule = "Diese Version der Vereinbarung ist abgeschlossen und kann nicht mehr geändert werden."
    with server.begin() as conn:
        conn.execute(text(f"""CREATE FUNCTION kd_test_rule() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION '{rule}' USING ERRCODE = '{code}'; END $$"""))
        conn.execute(text("CREATE TRIGGER kd_test_rule BEFORE INSERT ON persons FOR EACH ROW "
                          "WHEN (NEW.last_name = 'Fest') EXECUTE FUNCTION kd_test_rule()"))
    case = a.cases.create("Familie Fest", "AZ 9")
    a.parties.save(Person(case_id=case.id, first_name="Ida", last_name="Fest"))
    message = _refused(a, server)
    assert f"(Fall „Familie Fest“ (Az. AZ 9): {rule[:-1]}); sie bleiben auf diesem Laptop" in message
    assert _logged(a, "Familie Fest") == [f"{'P0001' if code == 'P0001' else '42501'} kd_test_rule"]


def test_a_busy_server_is_asked_a_second_time_and_then_named(team) -> None:
    a, b, server = team
    with server.begin() as conn:  # a deadlock the first two times (the batch, the case alone), then never
        conn.execute(text("CREATE SEQUENCE server_busy_tries"))
        conn.execute(text("""CREATE FUNCTION server_busy_once() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.last_name = 'Immer' OR nextval('server_busy_tries') <= 2 THEN
                    RAISE EXCEPTION 'deadlock detected' USING ERRCODE = 'deadlock_detected';
                END IF;
                RETURN NEW;
            END $$"""))
        conn.execute(text("CREATE TRIGGER server_busy_once BEFORE INSERT ON persons FOR EACH ROW "
                          "WHEN (NEW.last_name IN ('Einmal', 'Immer')) EXECUTE FUNCTION server_busy_once()"))
    case = a.cases.create("Familie Einmal")
    a.parties.save(Person(case_id=case.id, first_name="Ida", last_name="Einmal"))
    assert sync.sync(a.db, server).pushed == 2  # the second try of the case alone went through
    assert _waiting(a) == 0

    case = b.cases.create("Familie Immer")
    b.parties.save(Person(case_id=case.id, first_name="Ida", last_name="Immer"))
    message = _refused(b, server)
    assert ("(Fall „Familie Immer“: der Server war gerade mit den Änderungen anderer beschäftigt (auch ein zweiter "
            "Versuch ging nicht))") in message
    assert _logged(b, "Familie Immer") == ["40P01 server_busy_once"]


def test_a_case_without_permission_on_the_server_says_so(pg_server: PgServer, tmp_path: Path) -> None:
    db, _lea, anna, lea_server, anna_server = two_teams(pg_server)
    covering = laptop(tmp_path, anna)
    try:
        pg_server.psql(f"DELETE FROM team_members WHERE role_name = '{anna}'", db)  # she left the team
        covering.cases.create("Familie Neu", "AZ N-1")
        message = _refused(covering, anna_server)
        assert ("(Fall „Familie Neu“ (Az. AZ N-1): Sie haben auf dem Server keine Berechtigung für diesen Fall "
                "(z. B. ist die Vertretung beendet oder Sie gehören nicht mehr zum Team) – bitte mit der "
                "Teamleitung klären)") in message
        assert _logged(covering, "Familie Neu") == ["42501 cases"]
    finally:
        covering.close()
        lea_server.dispose()
        anna_server.dispose()
