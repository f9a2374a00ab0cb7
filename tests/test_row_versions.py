"""Two writers on the same data (issue 11): a copy saved after another copy of the same entry was
saved is refused with "changed elsewhere, reload" instead of silently overwriting the newer change."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from kooperation_desktop.domain.model import Goal, Person
from kooperation_desktop.domain.rules import RuleViolation
from kooperation_desktop.followup.service import FollowUpService
from kooperation_desktop.services import CHANGED_ELSEWHERE, ChangedElsewhere, Services
from kooperation_desktop.storage.db import alembic_config, make_engine, upgrade_to_head
from kooperation_desktop.storage.rows import AgreementRow


def test_stale_draft_copy_is_refused_and_the_newer_mandate_stays(services: Services):
    case = services.cases.create("Familie Doppelt")
    draft_id = services.agreements.current_draft(case.id).id
    a = services.agreements.get(draft_id)  # two windows / processes load the same draft
    b = services.agreements.get(draft_id)
    a.mandate = "Auftrag aus Fenster A"
    services.agreements.update(a)
    b.mandate = "Auftrag aus Fenster B (veralteter Stand)"
    with pytest.raises(ChangedElsewhere) as exc:
        services.agreements.update(b)
    assert str(exc.value) == CHANGED_ELSEWHERE
    assert exc.value.problems[0].message == ("Dieser Eintrag wurde inzwischen an anderer Stelle geändert. "
                                             "Bitte neu laden.")
    assert services.agreements.get(draft_id).mandate == "Auftrag aus Fenster A"
    # the copy that saved goes on saving (autosave), and a reloaded copy saves again
    a.mandate = "Auftrag aus Fenster A, ergänzt"
    services.agreements.update(a)
    fresh = services.agreements.get(draft_id)
    fresh.client_view = "Sicht der Familie"
    services.agreements.update(fresh)
    stored = services.agreements.get(draft_id)
    assert (stored.mandate, stored.client_view) == ("Auftrag aus Fenster A, ergänzt", "Sicht der Familie")


def test_the_wizard_copy_still_records_its_step_after_finalising(complete_case):
    """Finalising writes the agreement row; the wizard's copy (loaded before) may still record
    where the wizard was left, as before: its content is unchanged, so nothing is overwritten."""
    services, _case_id, agreement_id = complete_case
    wizard_copy = services.agreements.get(agreement_id)
    services.agreements.finalise(agreement_id)
    wizard_copy.wizard_step = "overview"
    services.agreements.update(wizard_copy)
    assert services.agreements.get(agreement_id).wizard_step == "overview"
    wizard_copy.mandate = "nachträglich"
    with pytest.raises(RuleViolation, match="abgeschlossen"):  # frozen: the older message stays
        services.agreements.update(wizard_copy)


def test_stale_entity_copies_are_refused(services: Services):
    case = services.cases.create("Familie Zwei")
    person = services.parties.save(Person(case.id, "Mia", "Zwei"))
    draft = services.agreements.current_draft(case.id)
    goal = services.parties.save(Goal(draft.id, client_words="Ruhig frühstücken"))
    for entity, field, first, second in ((person, "first_name", "Mila", "Mina"),
                                         (goal, "client_words", "Ohne Streit frühstücken", "Alt")):
        stale = copy.deepcopy(entity)
        setattr(entity, field, first)
        services.parties.save(entity)
        services.parties.save(entity)  # the same copy saves again (autosave): it is the stored state
        setattr(stale, field, second)
        with pytest.raises(ChangedElsewhere):
            services.parties.save(stale)
    assert services.cases.get(case.id).persons[0].first_name == "Mila"
    assert services.agreements.get(draft.id).goals[0].client_words == "Ohne Streit frühstücken"


def test_case_copy_stays_valid_while_persons_are_added_but_not_after_another_edit(services: Services):
    case = services.cases.create("Familie Fall")
    services.parties.save(Person(case.id, "Ali", "Fall"))  # bookkeeping on the case (last change, search)
    case.file_number = "AZ-1"
    services.cases.update(case)
    stale = services.cases.get(case.id)
    case.title = "Familie Fall-Neu"
    services.cases.update(case)
    stale.help_type = "§ 31"
    with pytest.raises(ChangedElsewhere):
        services.cases.update(stale)
    stored = services.cases.get(case.id)
    assert (stored.title, stored.file_number, stored.help_type) == ("Familie Fall-Neu", "AZ-1", "")


def test_stale_review_copy_is_refused(complete_case):
    services, case_id, agreement_id = complete_case
    follow = FollowUpService(services.db)
    services.agreements.finalise(agreement_id)
    blank = follow.new_review(case_id)
    blank.ratings[0].client_value = 0
    review = follow.save_review(blank)
    stale = follow.get_review(review.id)
    review.successes = "Morgens klappt es."
    follow.save_review(review)
    stale.ratings[0].client_value = -1  # only a rating: still a newer version
    with pytest.raises(ChangedElsewhere):
        follow.save_review(stale)
    assert follow.get_review(review.id).successes == "Morgens klappt es."


def test_concurrent_write_of_the_same_row_fails_instead_of_overwriting(services: Services):
    """The counter also guards a write between reading a row and writing it (the ORM's
    ``UPDATE … WHERE row_version = ?``): the later writer gets the German message."""
    case = services.cases.create("Familie Gleichzeitig")
    draft_id = services.agreements.current_draft(case.id).id
    with pytest.raises(ChangedElsewhere), services.db.transaction() as s:
        row = s.get(AgreementRow, draft_id)
        other = services.agreements.get(draft_id)
        other.mandate = "zuerst gespeichert"
        services.agreements.update(other)  # another writer commits in between
        row.mandate = "später, auf altem Stand"
    assert services.agreements.get(draft_id).mandate == "zuerst gespeichert"


def test_existing_rows_get_version_1_by_the_migration(tmp_path: Path):
    engine = make_engine(tmp_path / "old.sqlite")
    try:
        config = alembic_config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "0009")
            conn.execute(text("INSERT INTO cases (id, title, file_number, help_type, status, search_text) "
                              "VALUES (1, 'Alt', '', '', 'open', '')"))
        upgrade_to_head(engine)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT row_version FROM cases WHERE id = 1")).scalar() == 1
    finally:
        engine.dispose()


def test_cli_prints_the_message_as_one_line():
    """The command line shows a ChangedElsewhere like every refused use case: one German line."""
    from kooperation_desktop import cli

    assert cli._error_line(ChangedElsewhere()) == CHANGED_ELSEWHERE
