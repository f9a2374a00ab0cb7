"""Issue 13, point 5: who signs. By default every family member with custody or a task signs
(children "unterschreiben mit"); each can be chosen or left out; the PDF's signature lines and
the signing dialog's parties follow that choice; finalising freezes it; versions finalised before
the choice existed keep their signers (the guardians) and their content hash."""

from __future__ import annotations

import dataclasses
import io
import json

from helpers import AUNT, CHILD, MOTHER
from pypdf import PdfReader
from test_pdf_language import fixed_case

from kooperation_desktop.domain import rules, serialize
from kooperation_desktop.domain.model import Person, Task
from kooperation_desktop.signing.service import SigningService

MOTHER_NAME, AUNT_NAME, CHILD_NAME = (" ".join(x) for x in (MOTHER, AUNT, CHILD))


def _signature_block(data: bytes) -> str:
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())
    return text[text.rindex("Unterschriften"):]


def _person(services, case_id: int, name: str) -> Person:
    return next(p for p in services.cases.get(case_id).persons if p.display_name == name)


def test_custody_and_tasks_sign_by_default_and_a_child_signs_along(complete_case) -> None:
    services, _case_id, agreement_id = complete_case
    signing = SigningService(services.db)
    family = [p for p in signing.overview(agreement_id).parties if p.key.startswith("person:")]
    # the mother has custody, the son (10) took on a task, the aunt neither
    assert [p.name for p in family] == [MOTHER_NAME, CHILD_NAME]
    assert family[1].role_label == "Sohn, unterschreibt mit"
    assert "unterschreibt mit" not in family[0].role_label
    block = _signature_block(signing.render(agreement_id))
    assert f"{CHILD_NAME} – Sohn, unterschreibt mit" in block
    assert AUNT_NAME not in block


def test_the_choice_decides_the_signature_lines_and_finalising_freezes_it(complete_case) -> None:
    services, case_id, agreement_id = complete_case
    signing = SigningService(services.db)
    aunt, son = _person(services, case_id, AUNT_NAME), _person(services, case_id, CHILD_NAME)
    aunt.signs, son.signs = True, False
    services.parties.save(aunt)
    services.parties.save(son)
    keys = [p.name for p in signing.overview(agreement_id).parties if p.key.startswith("person:")]
    assert keys == [MOTHER_NAME, AUNT_NAME]
    block = _signature_block(signing.render(agreement_id))
    assert AUNT_NAME in block and CHILD_NAME not in block

    final = services.agreements.finalise(agreement_id)
    assert services.agreements.verify_stored(agreement_id)
    # the choice is part of the content: the same agreement with the default signers hashes differently
    case, agreement = services.agreements.document(agreement_id)
    default = dataclasses.replace(case, persons=[dataclasses.replace(p, signs=None) for p in case.persons])
    assert rules.content_hash(default, agreement) != final.content_hash
    # choosing again for the next version leaves the finalised one as it was
    aunt = _person(services, case_id, AUNT_NAME)
    aunt.signs = False
    services.parties.save(aunt)
    names = [p.name for p in signing.overview(agreement_id).parties if p.key.startswith("person:")]
    assert names == [MOTHER_NAME, AUNT_NAME]
    assert services.agreements.verify_stored(agreement_id)


def test_a_version_finalised_before_the_choice_keeps_its_signers_and_hash() -> None:
    case, agreement = fixed_case()
    child = Person(case_id=1, id=2, first_name="Mia", last_name="Çelik", family_role="Tochter")
    case.persons.append(child)
    agreement.tasks.append(Task(agreement_id=7, id=2, position=1, person_id=2, what="Ranzen packen."))
    # the snapshot as the older code wrote it: no "signs" in the persons
    data = json.loads(serialize.freeze(case, agreement))
    for p in data["case"]["persons"]:
        del p["signs"]
    old_case, old_agreement = serialize.thaw(json.dumps(data))
    assert [p.id for p in rules.family_signers(old_case, old_agreement)] == [1]  # the guardian only
    content = rules.canonical_content(old_case, old_agreement)
    assert b"signers" not in content and b"signs" not in content  # as the older code hashed it
    # a new draft of the same content: the daughter with a task signs too, and that is content
    assert [p.id for p in rules.family_signers(case, agreement)] == [1, 2]
    assert '"signers":["Ağrı Şükrü Çelik","Mia Çelik"]'.encode() in rules.canonical_content(case, agreement)
