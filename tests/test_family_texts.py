"""The family's copy in their language (issue 16, part 2): the catalogues and the stored choice.

What a worker relies on: every catalogue translates every fixed text the family reads (none
missing, none left over, the same placeholders), says whether a person checked it, and the
family language of an agreement survives saving, finalising, the frozen snapshot and case files,
while an agreement without one keeps its hash and its case file exactly as before.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_pdf_language import GERMAN_HASH_BEFORE, fixed_case

from kooperation_desktop import assets
from kooperation_desktop.domain import rules, serialize
from kooperation_desktop.domain.model import FAMILY_LANGUAGES
from kooperation_desktop.exchange import ExchangeError, export_case, import_case
from kooperation_desktop.family_texts import (
    BINDING,
    LANGUAGE_NAMES,
    NOT_REVIEWED,
    catalogue,
    family_texts,
    placeholders,
    source_texts,
)
from kooperation_desktop.services import Services

# --- catalogues -----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", FAMILY_LANGUAGES)
def test_every_catalogue_has_exactly_the_german_texts_with_their_placeholders(language: str) -> None:
    raw = json.loads(assets.text("family_texts", f"{language}.json"))
    keys = list(raw["texts"])
    sources = source_texts()
    missing = [k for k in sources if k not in raw["texts"]]
    extra = [k for k in keys if k not in sources]
    assert missing == [], f"{language}.json: fehlende Texte {missing}"
    assert extra == [], f"{language}.json: überzählige Texte {extra}"
    cat = catalogue(language)
    for german in sources:
        translated = cat.texts[german]
        assert translated.strip(), f"{language}.json: leere Übersetzung für {german!r}"
        assert placeholders(translated) == placeholders(german), (language, german, translated)
        assert cat.review_of(german), (language, german)


@pytest.mark.parametrize("language", FAMILY_LANGUAGES)
def test_every_catalogue_names_its_language_direction_and_review_state(language: str) -> None:
    raw = json.loads(assets.text("family_texts", f"{language}.json"))
    assert raw["language"] == language
    assert raw["name"] == LANGUAGE_NAMES[language]
    assert raw["direction"] == ("rtl" if language in ("ar", "fa") else "ltr")
    state = raw["review_state"]
    assert state == NOT_REVIEWED or state.startswith("geprüft von "), state


def test_the_names_are_each_language_in_its_own_words() -> None:
    assert [LANGUAGE_NAMES[code] for code in FAMILY_LANGUAGES] == [
        "Türkçe", "Русский", "العربية", "Українська", "Polski", "فارسی", "English"]


def test_the_consent_text_lines_and_the_binding_note_are_translated() -> None:
    sources = source_texts()
    assert BINDING in sources
    assert "Ich sage freiwillig Ja. Ich kann mein Ja jederzeit zurücknehmen (widerrufen). Das geht für alle oder " \
           "nur für einzelne Menschen und Stellen. Ich muss keinen Grund sagen. Das Zurücknehmen gilt ab dem Tag, " \
           "an dem ich es sage oder schreibe." in sources
    assert family_texts("tr")(BINDING) == "Bağlayıcı olan Almanca metindir."  # type: ignore[misc]
    assert family_texts("ar")("bis {date}", date="12.03.2027") == "حتى 12.03.2027"  # type: ignore[misc]
    assert family_texts(None) is None and family_texts("xx") is None


def test_a_per_entry_review_state_overrides_the_catalogue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = json.loads(assets.text("family_texts", "pl.json"))
    raw["texts"]["Ort, Datum"] = {"text": "Miejsce, data", "review_state": "geprüft von A. Nowak, 01.12.2026"}
    (tmp_path / "family_texts").mkdir()
    (tmp_path / "family_texts" / "pl.json").write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(assets, "folder", lambda: tmp_path)
    catalogue.cache_clear()
    try:
        cat = catalogue("pl")
        assert cat.texts["Ort, Datum"] == "Miejsce, data"
        assert cat.review_of("Ort, Datum") == "geprüft von A. Nowak, 01.12.2026"
        assert cat.review_of("Unterschrift") == NOT_REVIEWED
    finally:
        catalogue.cache_clear()


# --- the stored choice ----------------------------------------------------------------------------


def test_no_family_language_keeps_the_hash_and_the_snapshot_as_before() -> None:
    case, agreement = fixed_case()
    assert agreement.family_language is None
    assert rules.content_hash(case, agreement) == GERMAN_HASH_BEFORE
    assert "family_language" not in serialize.freeze(case, agreement)
    assert "family_language" not in serialize.to_dict(agreement)


def test_a_family_language_is_part_of_the_hash_and_the_snapshot() -> None:
    case, agreement = fixed_case()
    agreement.family_language = "ar"
    assert rules.content_hash(case, agreement) != GERMAN_HASH_BEFORE
    case2, agreement2 = serialize.thaw(serialize.freeze(case, agreement))
    assert agreement2.family_language == "ar"
    assert rules.content_hash(case2, agreement2) == rules.content_hash(case, agreement)


def test_an_unknown_family_language_is_refused_in_german(complete_case) -> None:
    services, _case_id, agreement_id = complete_case
    agreement = services.agreements.get(agreement_id)
    agreement.family_language = "xx"
    problems = [p for p in rules.completeness(services.cases.get(agreement.case_id), agreement)
                if p.field == "family_language"]
    assert problems and "nicht möglich" in problems[0].message


def test_the_family_language_is_saved_and_survives_finalising_and_new_versions(complete_case) -> None:
    services, _case_id, agreement_id = complete_case
    agreement = services.agreements.get(agreement_id)
    agreement.family_language = "fa"
    services.agreements.update(agreement)
    assert services.agreements.get(agreement_id).family_language == "fa"
    final = services.agreements.finalise(agreement_id)
    case, frozen = services.agreements.document(agreement_id)
    assert frozen.family_language == "fa"
    assert final.content_hash == rules.content_hash(case, frozen)
    assert services.agreements.verify_stored(agreement_id)
    assert services.agreements.new_version(agreement_id).family_language == "fa"


def test_case_files_carry_the_family_language(complete_case, tmp_path: Path) -> None:
    services, case_id, agreement_id = complete_case
    plain = json.loads(export_case(services, case_id, tmp_path / "ohne.json").read_text(encoding="utf-8"))
    assert "family_language" not in plain["case"]["agreements"][0]  # unchanged without a family language
    agreement = services.agreements.get(agreement_id)
    agreement.family_language = "uk"
    services.agreements.update(agreement)
    final = services.agreements.finalise(agreement_id)
    path = export_case(services, case_id, tmp_path / "fall.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert [a["family_language"] for a in data["case"]["agreements"]] == ["uk"]
    with Services.open(tmp_path / "anderer-laptop") as other:
        result = import_case(other, path)
        assert result.warnings == []
        imported = other.agreements.get(result.agreement_ids[0])
        assert (imported.family_language, imported.content_hash) == ("uk", final.content_hash)

    # an old file without the field imports with none; a wrong value is refused with a German line
    del data["case"]["agreements"][0]["family_language"]
    data["case"]["agreements"][0].update(status="draft", content_hash="", finalised_at=None)
    old = tmp_path / "alt.json"
    old.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert services.agreements.get(import_case(services, old).agreement_ids[0]).family_language is None
    data["case"]["agreements"][0]["family_language"] = "de"
    bad = tmp_path / "falsch.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ExchangeError, match="family_language"):
        import_case(services, bad)
