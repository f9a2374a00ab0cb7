"""A reflection's participants name their person or partner by the row's global uuid ("person:<uuid>" /
"partner:<uuid>"), so the reference names the same person on every laptop of a team, whatever local
ids the rows got there (issue 14); migration 0019 rewrites the older "person:<local id>" refs."""

from __future__ import annotations

import datetime as dt
from typing import Any

from alembic import command
from helpers import MOTHER, PROFESSIONAL
from sqlalchemy import Engine, select, text, update
from sqlalchemy.orm import Session

from kooperation_desktop.domain.model import Partner, Person
from kooperation_desktop.followup.model import Participant, ParticipantKind, Reflection, ReflectionRating
from kooperation_desktop.followup.service import FollowUpService
from kooperation_desktop.services import Services
from kooperation_desktop.storage.db import alembic_config
from kooperation_desktop.storage.rows import PartnerRow, PersonRow
from kooperation_desktop.storage.rows_followup import ReflectionRow
from kooperation_desktop.storage.rows_sync import ConflictRow, OutboxRow
from kooperation_desktop.team import outbox, sync

MOTHER_NAME = " ".join(MOTHER)


def _name(found: Person | Partner | None) -> str | None:
    """The participant name of what a ref resolves to (as FollowUpService.participants makes it)."""
    if isinstance(found, Person):
        return found.display_name
    if isinstance(found, Partner):
        return found.name.strip() or found.organisation.strip()
    return None


def _reflect(follow: FollowUpService, case_id: int, people: list[Participant]) -> Reflection:
    reflection = follow.new_reflection(case_id, dt.date(2027, 3, 1))
    reflection.participants = people
    reflection.ratings = [ReflectionRating("a", p.name, p.kind, 4) for p in people]
    return follow.save_reflection(reflection)


def _uuid(services: Services, row_class: type[PersonRow] | type[PartnerRow], row_id: int | None) -> str:
    with Session(services.db.engine) as s:
        return str(s.scalar(select(row_class.uuid).where(row_class.id == row_id)))


def _migrate(engine: Engine, revision: str, *, down: bool = False) -> None:
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(config, revision)


def _stored_participants(engine: Engine, reflection_uuid: str | None = None) -> list[dict[str, str]]:
    """The participants of the (only) reflection, or of the reflection ``reflection_uuid``."""
    with engine.connect() as conn:
        query = select(ReflectionRow.participants)
        if reflection_uuid is not None:
            query = query.where(ReflectionRow.uuid == reflection_uuid)
        return list(conn.scalar(query) or [])


# --- one laptop --------------------------------------------------------------------------------


def test_a_participant_is_named_by_the_rows_uuid_and_resolves_to_it(complete_case) -> None:
    services, case_id, agreement_id = complete_case
    services.agreements.finalise(agreement_id)
    follow = FollowUpService(services.db)
    people = follow.participants(case_id)
    case = services.cases.get(case_id)
    mother = next(p for p in case.persons if p.display_name == MOTHER_NAME)
    pro = next(p for p in case.partners if p.name == PROFESSIONAL[0])
    by_name = {p.name: p for p in people}
    assert by_name[MOTHER_NAME].ref == f"person:{_uuid(services, PersonRow, mother.id)}"
    assert by_name[PROFESSIONAL[0]].ref == f"partner:{_uuid(services, PartnerRow, pro.id)}"
    assert len({p.ref for p in people}) == len(people)

    stored = _reflect(follow, case_id, people)
    assert stored.participants == people
    for p in follow.reflections(case_id)[0].participants:
        found = follow.participant(p.ref)
        assert _name(found) == p.name, p
        assert isinstance(found, Person if p.kind == ParticipantKind.FAMILY else Partner)

    # someone deleted since (not in a frozen version) resolves to nothing; so do "" and an old id ref
    uncle = services.parties.save(Person(case_id=case_id, first_name="Ali", last_name="Çelik"))
    [ref] = [p.ref for p in follow.participants(case_id) if p.name == "Ali Çelik"]
    assert _name(follow.participant(ref)) == "Ali Çelik"
    services.parties.delete(uncle)
    assert follow.participant(ref) is None
    assert follow.participant("") is None
    assert follow.participant(f"person:{mother.id}") is None


def test_migration_0019_rewrites_local_id_refs_to_uuids_and_back(complete_case) -> None:
    """Downgrading gives the refs of before (local ids); upgrading turns them, and refs stored by the
    old version, into uuid refs: a ref whose row is gone, or whose name no longer fits, keeps its
    entry with ref "". No version counted up (no change of the user's)."""
    services, case_id, agreement_id = complete_case
    services.agreements.finalise(agreement_id)
    follow = FollowUpService(services.db)
    people = follow.participants(case_id)
    reflection = _reflect(follow, case_id, people)
    new_form = _stored_participants(services.db.engine)
    case = services.cases.get(case_id)
    ids = {p.display_name: p.id for p in case.persons} | {p.name: p.id for p in case.partners}
    engine = services.db.engine

    _migrate(engine, "0018", down=True)
    old_form = _stored_participants(engine)
    assert old_form == [{**e, "ref": f"{e['ref'].split(':')[0]}:{ids[e['name']]}"} for e in new_form]
    # as the old version stored them: one whose person was deleted since, one renamed since
    gone = {"name": "Ali Çelik", "kind": "family", "ref": "person:99999"}
    renamed = {"name": "Tante Minh", "kind": "family", "ref": old_form[1]["ref"]}
    with engine.begin() as conn:
        conn.execute(update(ReflectionRow).values(participants=[*old_form, gone, renamed]))
        version = conn.scalar(select(ReflectionRow.row_version))

    _migrate(engine, "heads")
    assert _stored_participants(engine) == [*new_form, {**gone, "ref": ""}, {**renamed, "ref": ""}]
    with engine.connect() as conn:
        assert conn.scalar(select(ReflectionRow.row_version)) == version
    [loaded] = follow.reflections(case_id)
    assert [_name(follow.participant(p.ref)) for p in loaded.participants] == [p.name for p in people] + [None, None]
    assert loaded.id == reflection.id


def test_migration_0019_finds_the_person_by_name_where_the_id_names_another(complete_case) -> None:
    """A reflection that travelled holds the ids of the laptop it was written on: here they name other
    rows (or none). The person of that name in the reflection's case is taken."""
    services, case_id, agreement_id = complete_case
    services.agreements.finalise(agreement_id)
    follow = FollowUpService(services.db)
    people = follow.participants(case_id)
    _reflect(follow, case_id, people)
    new_form = _stored_participants(services.db.engine)
    other = services.cases.create("Familie Anders")
    stranger = services.parties.save(Person(case_id=other.id, first_name="Petra", last_name="Anders"))
    mother_id = next(p.id for p in services.cases.get(case_id).persons if p.display_name == MOTHER_NAME)
    engine = services.db.engine

    _migrate(engine, "0018", down=True)
    # the mother by a person of another case, the next one by the mother's id, the rest by ids unknown here
    travelled = [{**new_form[0], "ref": f"person:{stranger.id}"}, {**new_form[1], "ref": f"person:{mother_id}"}]
    travelled += [{**e, "ref": e["ref"].split(":")[0] + ":424242"} for e in new_form[2:]]
    with engine.begin() as conn:
        conn.execute(update(ReflectionRow).values(participants=travelled))
    _migrate(engine, "heads")
    assert _stored_participants(engine) == new_form


# --- a team: two laptops and the server ----------------------------------------------------------


def _case_on(services: Services, case_uuid: str) -> int:
    cases = outbox.table_named("cases")
    with services.db.engine.connect() as c:
        return int(c.scalar(select(cases.c.id).where(cases.c.uuid == case_uuid)))


def _case_uuid(services: Services, case_id: int) -> str:
    cases = outbox.table_named("cases")
    with services.db.engine.connect() as c:
        return str(c.scalar(select(cases.c.uuid).where(cases.c.id == case_id)))


def _local_ids(services: Services, case_id: int) -> dict[str, int]:
    case = services.cases.get(case_id)
    return {p.display_name: p.id for p in case.persons if p.id} | {p.name: p.id for p in case.partners if p.id}


def _team_case(team: Any) -> tuple[Services, Services, Engine, int, int]:
    """Anna's case with a reflection of everyone, synced to Ben, whose laptop gave the rows other ids:
    (anna, ben, server, case id on Anna's laptop, on Ben's)."""
    from helpers import build_complete_case

    a, b, server = team
    # Ben's own family of the same names, with a reflection: his local ids run ahead of Anna's
    own_b, agreement_b = build_complete_case(b)
    b.agreements.finalise(agreement_b)
    follow_b = FollowUpService(b.db)
    _reflect(follow_b, own_b, follow_b.participants(own_b))
    case_a, agreement_a = build_complete_case(a)
    a.agreements.finalise(agreement_a)
    follow_a = FollowUpService(a.db)
    _reflect(follow_a, case_a, follow_a.participants(case_a))
    sync.sync(a.db, server)
    sync.sync(b.db, server)
    case_b = _case_on(b, _case_uuid(a, case_a))
    assert _local_ids(a, case_a) != _local_ids(b, case_b)
    return a, b, server, case_a, case_b


#: the waiting changes of reflections (saving one also deletes and inserts ratings)
_WAITING = select(OutboxRow.id, OutboxRow.fields).where(OutboxRow.table_name == "followup_reflections")


def _resolved(services: Services, case_id: int) -> list[tuple[str, str | None]]:
    follow = FollowUpService(services.db)
    [reflection] = follow.reflections(case_id)
    return [(p.name, _name(follow.participant(p.ref))) for p in reflection.participants]


def test_a_reflection_from_a_colleague_names_the_same_people_on_this_laptop(team) -> None:
    a, b, _server, case_a, case_b = _team_case(team)
    on_a, on_b = _resolved(a, case_a), _resolved(b, case_b)
    assert on_b == on_a and len(on_a) == 6  # three persons, three partners (with consent)
    assert all(name == found for name, found in on_b)
    # the ref finds Ben's own row of the person (his local id), not the row with Anna's id
    follow_b = FollowUpService(b.db)
    [reflection] = follow_b.reflections(case_b)
    ids_b = _local_ids(b, case_b)
    found = [follow_b.participant(p.ref) for p in reflection.participants]
    assert [f.id for f in found if f is not None] == [ids_b[p.name] for p in reflection.participants]


def test_migration_0019_on_laptop_and_server_keeps_the_team_in_step(team) -> None:
    """Refs in the old form everywhere (a team that synced with the older version): a waiting change of
    the participants on Anna's laptop, the server's copy and Ben's. Each migrates itself (SQLite and
    PostgreSQL); the waiting change is rewritten too (no new outbox entry), so after the next syncs
    every copy holds the same uuid refs, resolving on each laptop."""
    a, b, server, case_a, case_b = _team_case(team)
    with a.db.engine.connect() as conn:
        ident = conn.scalar(select(ReflectionRow.uuid).where(ReflectionRow.case_id == case_a))
    before = _stored_participants(a.db.engine, ident)
    follow_a = FollowUpService(a.db)
    [reflection] = follow_a.reflections(case_a)
    reflection.participants = reflection.participants[:-1]  # the last one was not there after all
    reflection.ratings = reflection.ratings[:-1]
    follow_a.save_reflection(reflection)  # waits in Anna's outbox
    expected = _stored_participants(a.db.engine, ident)

    for engine in (a.db.engine, b.db.engine, server):
        _migrate(engine, "0018", down=True)
    # as the old version left them: Anna's local ids in every copy (the JSON travelled unchanged); on
    # Ben's laptop they name the persons of his own, same-named family
    with a.db.engine.connect() as conn:
        [(entry_id, fields)] = conn.execute(_WAITING).all()
        version = conn.scalar(select(ReflectionRow.row_version).where(ReflectionRow.uuid == ident))
    assert all(e["ref"].split(":")[1].isdigit() for pair in fields["participants"] for e in pair)
    travelled = fields["participants"][0]
    for engine in (b.db.engine, server):
        with engine.begin() as conn:
            conn.execute(update(ReflectionRow).where(ReflectionRow.uuid == ident).values(participants=travelled))
    mother = travelled[0]
    assert int(mother["ref"].split(":")[1]) != _local_ids(b, case_b)[mother["name"]]

    for engine in (a.db.engine, b.db.engine, server):
        _migrate(engine, "heads")
    with a.db.engine.connect() as conn:
        assert conn.execute(_WAITING).all() == [
            (entry_id, {**fields, "participants": [before, expected]})]
        assert conn.scalar(select(ReflectionRow.row_version).where(ReflectionRow.uuid == ident)) == version
    assert _stored_participants(a.db.engine, ident) == expected
    assert _stored_participants(b.db.engine, ident) == _stored_participants(server, ident) == before

    sync.sync(a.db, server)
    sync.sync(b.db, server)
    assert _stored_participants(server, ident) == _stored_participants(b.db.engine, ident) == expected
    assert _resolved(b, case_b) == _resolved(a, case_a)
    assert all(name == found for name, found in _resolved(b, case_b))
    for services in (a, b):
        with services.db.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM sync_conflicts")).scalar() == 0


def test_migration_0019_rewrites_the_participants_in_the_konfliktliste(team) -> None:
    """Both laptops changed who took part, offline: Anna's Konfliktliste holds both lists. Choosing one
    writes it back into the reflection, so the migration rewrites the listed values too."""
    a, b, server, case_a, case_b = _team_case(team)
    for services, case_id, keep in ((b, case_b, slice(1, None)), (a, case_a, slice(None, -1))):
        follow = FollowUpService(services.db)
        [reflection] = follow.reflections(case_id)
        reflection.participants = reflection.participants[keep]
        names = {p.name for p in reflection.participants}
        reflection.ratings = [r for r in reflection.ratings if r.participant in names]
        follow.save_reflection(reflection)
        sync.sync(services.db, server)
    listed = select(ConflictRow.local_value, ConflictRow.server_value).where(ConflictRow.field == "participants")
    with a.db.engine.connect() as conn:
        [(mine, theirs)] = conn.execute(listed).all()
    assert (len(mine), len(theirs)) == (5, 5) and mine != theirs

    _migrate(a.db.engine, "0018", down=True)
    with a.db.engine.connect() as conn:
        [(old_mine, old_theirs)] = conn.execute(listed).all()
    assert all(e["ref"].split(":")[1].isdigit() for e in old_mine + old_theirs)
    _migrate(a.db.engine, "heads")
    with a.db.engine.connect() as conn:
        assert conn.execute(listed).all() == [(mine, theirs)]
