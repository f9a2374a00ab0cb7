"""The one label catalogue (domain/labels.py): every enum word in German and English (core, no Qt)."""

from __future__ import annotations

import pytest

from kooperation_desktop.domain import labels
from kooperation_desktop.domain.model import (
    AgreementStatus,
    CaseStatus,
    CommunicationKind,
    ConsentForm,
    InfoCategory,
    PartnerKind,
    ScaleKind,
)
from kooperation_desktop.domain.wizard import STEPS

ENUMS = (AgreementStatus, CaseStatus, CommunicationKind, ConsentForm, InfoCategory, PartnerKind, ScaleKind)


@pytest.mark.parametrize("enum", ENUMS, ids=lambda e: e.__name__)
def test_every_enum_value_has_a_german_and_an_english_label(enum) -> None:
    for value in enum:
        german, english = labels.label(value, "de"), labels.label(value, "en")
        assert german and english and german != value.value, value
        assert english != german or english.isascii(), value  # an English word, not the German one
    assert len({labels.label(v, "en") for v in enum}) == len(enum)  # no two values read the same


def test_german_is_the_default_and_unknown_languages_fall_back_to_it() -> None:
    assert labels.label(PartnerKind.YOUTH_OFFICE) == "Jugendamt (beauftragend)"
    assert labels.label(PartnerKind.YOUTH_OFFICE, "fr") == "Jugendamt (beauftragend)"
    assert labels.label(PartnerKind.YOUTH_OFFICE, "en") == "Youth office (commissioning)"
    # one German word, two English ones: a finalised agreement, a closed case
    assert labels.label(AgreementStatus.FINAL) == labels.label(CaseStatus.CLOSED) == "abgeschlossen"
    assert (labels.label(AgreementStatus.FINAL, "en"), labels.label(CaseStatus.CLOSED, "en")) == ("finalised", "closed")


def test_gas_levels_steps_and_family_roles_in_both_languages() -> None:
    assert [labels.gas_level(n, "en")[:2] for n in (-2, 0, 2)] == ["−2", "0 ", "+2"]
    assert labels.gas_level(1) == "+1  mehr als erwartet"
    for info in STEPS:
        assert labels.step_texts(info.step, "de") == (info.title, info.subtitle)
        title, subtitle = labels.step_texts(info.step, "en")
        assert title and subtitle and title != info.title
    assert labels.person_role("Mutter", True) == "Mutter, personensorgeberechtigt"
    assert labels.person_role("", True, "en") == "Family, with parental responsibility"
    assert labels.person_role(" Tante ", False, "en") == "Tante"


def test_the_ten_reflection_conditions_come_from_the_catalogue_in_both_languages() -> None:
    from kooperation_desktop.followup.reflection import CONDITIONS

    assert [c.key for c in CONDITIONS] == list("abcdefghij")
    for c in CONDITIONS:
        german, english = labels.reflection_condition(c.key), labels.reflection_condition(c.key, "en")
        assert (c.seed, c.statement, c.short, c.suggestion) == tuple(german)  # the reflection uses the catalogue
        for de, en in zip(german, english, strict=True):
            assert en and en != de and not any(ch in en for ch in "äöüÄÖÜß"), (c.key, en)
    assert labels.reflection_condition("i", "en").statement == (
        "The family's voice counts as much as the professionals' voice.")
    assert labels.reflection_condition("a", "fr") == labels.reflection_condition("a")  # German by default


def test_counted_says_one_case_not_one_cases():
    assert labels.counted(1, "Fall", "Fälle") == "1 Fall"
    assert labels.counted(0, "Fall", "Fälle") == "0 Fälle"
    assert labels.counted(3, "Zeile", "Zeilen") == "3 Zeilen"
