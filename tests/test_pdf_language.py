"""The PDF language follows the agreement (issue 7): German by default, English on request.

What a worker relies on: an English agreement prints every fixed phrase in English (the
family's own texts as typed); a German one prints exactly as before; the choice survives
finalising, the frozen snapshot, new versions and case files; and the SHA-256 of every German
version finalised before the language existed stays the same (sealed PDFs still verify).
"""

from __future__ import annotations

import ast
import dataclasses
import datetime as dt
import enum
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import kooperation_desktop.pdf as pdf_package
from kooperation_desktop.domain import labels, rules, serialize
from kooperation_desktop.domain.model import (
    Agreement,
    AgreementStatus,
    Case,
    CommunicationKind,
    CommunicationRule,
    Consent,
    ConsentForm,
    Goal,
    Indicator,
    InfoCategory,
    Partner,
    PartnerKind,
    Person,
    Role,
    ScaleKind,
    Task,
)
from kooperation_desktop.exchange import export_case, import_case
from kooperation_desktop.pdf.parts.parties import PARTNER_GROUPS
from kooperation_desktop.pdf.render import render_agreement_bytes
from kooperation_desktop.pdf.texts import ENGLISH, apply_language, consent_text, goodwill_text
from kooperation_desktop.services import Services
from kooperation_desktop.signing.parties import PartyMark, signing_parties

# --- hashes: German versions keep theirs --------------------------------------------------------

# computed with the code on main BEFORE Agreement.language existed (same fixed case as below)
GERMAN_HASH_BEFORE = "22dcf51216569ce74e35e46d6e833f83b3ebe40baac13d3aa8afa53139dad333"
# the frozen snapshot that code wrote for it (serialize.freeze): no "language" key
SNAPSHOT_BEFORE = (
    '{"agreement":{"client_view":"Ruhiger Morgen.","communication":[{"id":1,"kind":"meeting","next_date":null,'
    '"position":0,"rhythm":"alle zwei Wochen","to_whom":"","what":"Treffen","who":""}],"content_hash":"",'
    '"created_at":null,"document_id":"KV-2026-ABCDEF","finalised_at":"2026-01-05T10:00:00","goals":[{"client_words":'
    '"Ohne Streit los.","id":1,"indicators":[{"baseline":-2,"description":"Deniz ist um 7:45 fertig.","id":1,'
    '"level_texts":["0","1","2","3","4"],"position":0,"scale":"gas","target":0}],"position":0,'
    '"professional_wording":"","weight":1.0}],"goodwill":"","id":7,"mandate":"Unterstützung der Mutter.",'
    '"next_review":"2026-04-01","planned_end":"2026-07-05","predecessor_id":null,"roles":[{"description":'
    '"Fallführung","id":1,"partner_id":1,"person_id":null}],"start_date":"2026-01-05","status":"final","tasks":'
    '[{"due_date":null,"goal_id":1,"id":1,"partner_id":2,"person_id":null,"position":0,"what":"Abholen dienstags."}],'
    '"title":"Kooperationsvereinbarung","transition_offers":"Elterncafé","transition_partners":"",'
    '"transition_self":"","version":1,"wizard_step":""},"case":{"agreements":[],"consents":[{"categories":'
    '["contact"],"form":"written","given_on":"2026-01-05","id":1,"note":"","partner_id":null,"person_id":1,'
    '"revocation_note":"","revoked_on":null,"text":"","text_version":""},{"categories":["contact"],"form":"oral",'
    '"given_on":"2026-01-05","id":2,"note":"","partner_id":2,"person_id":1,"revocation_note":"","revoked_on":null,'
    '"text":"","text_version":""}],"created_at":null,"file_number":"AZ 51-2026-0815","help_type":'
    '"§ 31 SGB VIII – Sozialpädagogische Familienhilfe","partners":[{"contact":"","function":"","id":1,"kind":'
    '"youth_office","name":"Łukasz Wróbel","organisation":"Jugendamt Musterstadt"},{"contact":"","function":"",'
    '"id":2,"kind":"resource_informal","name":"Fatma Yılmaz","organisation":""}],"persons":[{"birth_date":'
    '"1985-03-14","family_role":"Mutter","first_name":"Ağrı Şükrü","id":1,"is_guardian":true,"last_name":"Çelik"}],'
    '"status":"open","title":"Familie Çelik"},"format":"kooperation-desktop/frozen-agreement","version":1}'
)


def fixed_case() -> tuple[Case, Agreement]:
    """A small finalised German agreement built without a database (ids and dates fixed)."""
    case = Case(id=1, title="Familie Çelik", file_number="AZ 51-2026-0815",
                help_type="§ 31 SGB VIII – Sozialpädagogische Familienhilfe")
    case.persons = [Person(id=1, case_id=1, first_name="Ağrı Şükrü", last_name="Çelik", family_role="Mutter",
                           birth_date=dt.date(1985, 3, 14), is_guardian=True)]
    case.partners = [Partner(id=1, case_id=1, kind=PartnerKind.YOUTH_OFFICE, name="Łukasz Wróbel",
                             organisation="Jugendamt Musterstadt"),
                     Partner(id=2, case_id=1, kind=PartnerKind.RESOURCE_INFORMAL, name="Fatma Yılmaz")]
    case.consents = [Consent(id=1, case_id=1, person_id=1, given_on=dt.date(2026, 1, 5), form=ConsentForm.WRITTEN,
                             categories=[InfoCategory.CONTACT]),
                     Consent(id=2, case_id=1, person_id=1, partner_id=2, given_on=dt.date(2026, 1, 5),
                             form=ConsentForm.ORAL, categories=[InfoCategory.CONTACT])]
    ag = Agreement(id=7, case_id=1, version=1, status=AgreementStatus.FINAL, document_id="KV-2026-ABCDEF",
                   start_date=dt.date(2026, 1, 5), planned_end=dt.date(2026, 7, 5), next_review=dt.date(2026, 4, 1),
                   mandate="Unterstützung der Mutter.", client_view="Ruhiger Morgen.",
                   transition_offers="Elterncafé", finalised_at=dt.datetime(2026, 1, 5, 10, 0))
    ind = Indicator(id=1, goal_id=1, description="Deniz ist um 7:45 fertig.", scale=ScaleKind.GAS,
                    level_texts=["0", "1", "2", "3", "4"], baseline=-2, target=0)
    ag.goals = [Goal(id=1, agreement_id=7, client_words="Ohne Streit los.", indicators=[ind])]
    ag.roles = [Role(id=1, agreement_id=7, partner_id=1, description="Fallführung")]
    ag.tasks = [Task(id=1, agreement_id=7, partner_id=2, goal_id=1, what="Abholen dienstags.")]
    ag.communication = [CommunicationRule(id=1, agreement_id=7, kind=CommunicationKind.MEETING, what="Treffen",
                                          rhythm="alle zwei Wochen")]
    return case, ag


def test_german_hash_is_the_one_from_before_the_language_existed() -> None:
    case, agreement = fixed_case()
    assert agreement.language == "de"
    assert rules.content_hash(case, agreement) == GERMAN_HASH_BEFORE
    assert b"language" not in rules.canonical_content(case, agreement)


def test_an_old_snapshot_reads_back_german_with_its_hash() -> None:
    case, agreement = serialize.thaw(SNAPSHOT_BEFORE)
    assert agreement.language == "de"
    assert rules.content_hash(case, agreement) == GERMAN_HASH_BEFORE


def test_english_changes_the_hash_and_the_snapshot_keeps_it() -> None:
    case, agreement = fixed_case()
    agreement.language = "en"
    english_hash = rules.content_hash(case, agreement)
    assert english_hash != GERMAN_HASH_BEFORE
    assert b'"language":"en"' in rules.canonical_content(case, agreement)
    case2, agreement2 = serialize.thaw(serialize.freeze(case, agreement))
    assert agreement2.language == "en"
    assert rules.content_hash(case2, agreement2) == english_hash


def test_an_unknown_language_is_refused_with_a_german_message() -> None:
    data = json.loads(SNAPSHOT_BEFORE)
    data["agreement"]["language"] = "fr"
    with pytest.raises(serialize.FormatError, match="agreement.language: „fr“ ist keine erlaubte Sprache"):
        serialize.thaw(json.dumps(data))
    case, agreement = fixed_case()
    agreement.language = "fr"
    assert any(p.field == "language" for p in rules.completeness(case, agreement))


# --- the fixed phrases --------------------------------------------------------------------------


def _phrases_used(source: Path) -> set[str]:
    """Every literal passed to a Texts call (``t("…")``, ``tr("…")``, ``self.t("…")``) in a module."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        first = node.args[0]
        if name in ("t", "tr") and isinstance(first, ast.Constant) and isinstance(first.value, str):
            found.add(first.value)
    return found


def test_every_phrase_of_the_pdf_has_an_english_wording() -> None:
    folder = Path(pdf_package.__file__).parent
    agreement_modules = [folder / "render.py", folder / "summary.py", folder / "page.py", folder / "layout.py",
                         *sorted((folder / "parts").glob("*.py"))]
    used = set().union(*(_phrases_used(source) for source in agreement_modules))
    assert len(used) > 80  # the walk found the calls
    used |= {title for _, title in PARTNER_GROUPS}  # passed as tr(title)
    missing = sorted(p for p in used if p not in ENGLISH)
    assert missing == []
    for german, english in ENGLISH.items():  # the same {placeholders} on both sides
        assert set(re.findall(r"{(\w+)}", german)) == set(re.findall(r"{(\w+)}", english)), german


def test_shipped_texts_exist_in_both_languages_with_the_same_version() -> None:
    de_version, de_body = consent_text("de")
    en_version, en_body = consent_text("en")
    assert de_version == en_version != ""
    assert "I agree to the help" in en_body and "withdraw" in en_body
    assert "goodwill" in goodwill_text("en") and "Wohlwollen" in goodwill_text("de")


def test_switching_language_swaps_only_the_untouched_goodwill_text() -> None:
    agreement = Agreement(goodwill=goodwill_text("de"))
    assert apply_language(agreement, "en") is True
    assert (agreement.language, agreement.goodwill) == ("en", goodwill_text("en"))
    assert apply_language(agreement, "de") is True
    assert agreement.goodwill == goodwill_text("de")
    own = Agreement(goodwill="Wir streiten nicht vor den Kindern.")
    assert apply_language(own, "en") is False
    assert (own.language, own.goodwill) == ("en", "Wir streiten nicht vor den Kindern.")
    with pytest.raises(ValueError, match="nicht möglich"):
        apply_language(own, "fr")


# --- the PDF as printed ---------------------------------------------------------------------------


def pdftotext(pdf: bytes | Path, tmp_path: Path, name: str = "x.pdf") -> str:
    assert shutil.which("pdftotext"), "pdftotext fehlt: bitte das Debian-Paket poppler-utils installieren"
    path = pdf if isinstance(pdf, Path) else tmp_path / name
    if not isinstance(pdf, Path):
        path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True).stdout
    return " ".join(out.decode("utf-8").split())


def _user_strings(*objects: object) -> list[str]:
    """Every text the user typed into the case and agreement (they print as typed)."""
    out: list[str] = []

    def walk(value: object) -> None:
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            for f in dataclasses.fields(value):
                walk(getattr(value, f.name))
        elif isinstance(value, list):
            for v in value:
                walk(v)
        elif isinstance(value, str) and not isinstance(value, enum.Enum):
            out.append(" ".join(value.split()))

    for obj in objects:
        walk(obj)
    return out


def german_phrases(*typed: str) -> list[str]:
    """The German fixed phrases that must not appear in an English PDF: every phrase whose English
    wording differs, the enum labels, the German shipped texts; placeholders filled with "1"
    and cut at a placeholder; none that the user's own texts contain."""
    candidates: list[str] = []
    for german, english in ENGLISH.items():
        if german == english:
            continue
        for part in re.split(r"{\w+}", german):
            if len(part.strip()) >= 6 and part.strip() not in english:
                candidates.append(" ".join(part.split()))
    for mapping in (labels.PARTNER_KIND, labels.CONSENT_FORM, labels.INFO_CATEGORY, labels.SCALE_KIND,
                    labels.GAS_LEVEL_NAMES, labels.COMMUNICATION_KIND):
        candidates += [" ".join(v.split()) for v in mapping.values()]
    candidates += ["Seite 1 von", "ENTWURF", "Ausgangswert", "abgeschlossen", "unterschreibt auf Papier",
                   "Ich bin mit der Hilfe einverstanden", "Wir begegnen uns mit Wohlwollen"]
    return sorted({c for c in candidates if c and not any(c in t for t in typed)})


ENGLISH_HEADINGS = [
    "Our agreement – in short", "This is what we want to reach", "Who does what by when?", "When do we meet?",
    "Cooperation agreement", "Who is part of this agreement", "The family's consent", "Our common goals",
    "The youth office's mandate", "Who does what? Our tasks", "Meetings, feedback and reports",
    "Time frame and transition", "How we work together", "What the family says", "Signatures",
    "Planned end", "Next review", "Page 1 of", "Starting point", "Goal attainment scale", "in writing",
    "The text of the declaration of consent", "I agree to the help", "We treat each other with goodwill",
]


def _english(services: Services, agreement_id: int) -> Agreement:
    agreement = services.agreements.get(agreement_id)
    apply_language(agreement, "en")
    return services.agreements.update(agreement)


def test_an_english_agreement_prints_every_fixed_phrase_in_english(complete_case, tmp_path: Path) -> None:
    services, case_id, agreement_id = complete_case
    assert services.agreements.get(agreement_id).language == "de"  # German by default
    agreement = _english(services, agreement_id)
    assert agreement.language == "en"
    assert agreement.goodwill == goodwill_text("en")  # the untouched shipped text followed
    text = pdftotext(services.agreements.export_pdf(agreement_id, tmp_path / "en.pdf"), tmp_path)
    missing = [h for h in ENGLISH_HEADINGS if h not in text]
    assert missing == []
    assert "DRAFT" in text and "Draft – not finalised" in text
    case, agreement = services.agreements.document(agreement_id)
    typed = _user_strings(case, agreement)
    found = [p for p in german_phrases(*typed) if p in text]
    assert found == []
    # the family's own words stay as typed
    assert "Wir wollen morgens ohne Streit aus dem Haus kommen." in text
    assert "Ağrı Şükrü Çelik" in text and "Жанна Иванова" in text
    assert "Herr Schulz" not in text  # still: no partner without consent


def test_a_german_agreement_has_no_english_phrase(complete_case, tmp_path: Path) -> None:
    services, _case_id, agreement_id = complete_case
    text = pdftotext(services.agreements.export_pdf(agreement_id, tmp_path / "de.pdf"), tmp_path)
    for phrase in ("Unsere Vereinbarung – kurz gesagt", "Wer an dieser Vereinbarung beteiligt ist",
                   "Seite 1 von", "Ich bin mit der Hilfe einverstanden", "Wir begegnen uns mit Wohlwollen"):
        assert phrase in text
    for phrase in ("Our agreement", "Page 1 of", "Cooperation agreement", "Signatures", "I agree"):
        assert phrase not in text


def test_the_language_survives_finalising_the_snapshot_and_a_new_version(complete_case, tmp_path: Path) -> None:
    services, case_id, agreement_id = complete_case
    _english(services, agreement_id)
    final = services.agreements.finalise(agreement_id)
    case, frozen = services.agreements.document(agreement_id)
    assert frozen.language == "en"
    assert services.agreements.verify_stored(agreement_id)
    assert final.content_hash == rules.content_hash(case, frozen) != ""
    text = pdftotext(services.agreements.export_pdf(agreement_id, tmp_path / "final.pdf"), tmp_path)
    assert "Finalised on" in text and "Status finalised" in text and f"SHA-256: {final.content_hash}" in text
    assert "Abgeschlossen" not in text
    draft = services.agreements.new_version(agreement_id)
    assert draft.language == "en"  # a new version keeps the language
    apply_language(draft, "de")
    services.agreements.update(draft)  # the youth office's copy: German again
    assert services.agreements.get(draft.id).language == "de"
    assert services.agreements.document(agreement_id)[1].language == "en"  # the finalised version stays English
    text = pdftotext(services.agreements.export_pdf(draft.id, tmp_path / "v2.pdf"), tmp_path)
    assert "Seite 1 von" in text and "Page 1 of" not in text


def test_a_finalised_version_cannot_change_its_language(complete_case) -> None:
    services, _case_id, agreement_id = complete_case
    services.agreements.finalise(agreement_id)
    agreement = services.agreements.get(agreement_id)
    agreement.language = "en"
    with pytest.raises(rules.RuleViolation, match="kann nicht mehr geändert werden"):
        services.agreements.update(agreement)


def test_case_files_carry_the_language(complete_case, tmp_path: Path) -> None:
    services, case_id, agreement_id = complete_case
    _english(services, agreement_id)
    final = services.agreements.finalise(agreement_id)
    path = export_case(services, case_id, tmp_path / "fall.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert [a["language"] for a in data["case"]["agreements"]] == ["en"]
    # into another data folder: in the same one the copy gets a new document number (and so a new hash)
    with Services.open(tmp_path / "anderer-laptop") as other:
        result = import_case(other, path)
        assert result.warnings == []  # the hash of the English version is the same after the import
        imported = other.agreements.get(result.agreement_ids[0])
        assert (imported.language, imported.content_hash) == ("en", final.content_hash)

    # a file written before the language existed imports as German
    del data["case"]["agreements"][0]["language"]
    data["case"]["agreements"][0]["status"] = "draft"
    data["case"]["agreements"][0]["content_hash"] = ""
    old = tmp_path / "alt.json"
    old.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = import_case(services, old)
    assert services.agreements.get(result.agreement_ids[0]).language == "de"


def test_signature_lines_and_a_full_summary_page_in_english(complete_case, tmp_path: Path) -> None:
    services, case_id, agreement_id = complete_case
    agreement = _english(services, agreement_id)
    for i in range(25):  # more tasks than fit on the summary page
        services.parties.save(Task(agreement_id=agreement_id, position=10 + i,
                           person_id=services.cases.get(case_id).persons[0].id,
                           what=f"Aufgabe Nummer {i + 1} für die Woche"))
    case, agreement = services.agreements.document(agreement_id)
    parties = signing_parties(case, agreement)
    marks = {parties[0].key: PartyMark(on_paper=True),
             parties[1].key: PartyMark(on_paper=True, signed_on=dt.date(2026, 12, 1))}
    text = pdftotext(render_agreement_bytes(case, agreement, signatures=marks), tmp_path)
    assert "signs on paper" in text and "signed on paper on 01.12.2026" in text
    assert "Youth office (commissioning the help)" in text and "with parental responsibility" in text
    assert re.search(r"Not everything fits on this page. \d+ more tasks and everything else", text)
    assert "unterschr" not in text and "weitere Aufgaben" not in text and "personensorge" not in text


# --- storage ---------------------------------------------------------------------------------


def test_migration_0008_keeps_existing_agreements_german(tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import text

    from kooperation_desktop.storage.db import alembic_config, make_engine, upgrade_to_head

    engine = make_engine(tmp_path / "alt.sqlite")
    try:
        cfg = alembic_config()
        with engine.begin() as connection:
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, "0006")
        with engine.begin() as connection:
            connection.execute(text("INSERT INTO cases (id, title, file_number, help_type, status, search_text) "
                                    "VALUES (1, 'Familie Alt', '', '', 'open', '')"))
            texts = ("mandate", "goodwill", "client_view", "transition_offers", "transition_partners",
                     "transition_self", "wizard_step", "content_hash")
            empty = ", ''" * len(texts)
            connection.execute(text(
                f"INSERT INTO agreements (id, case_id, version, status, document_id, title, {', '.join(texts)}) "
                f"VALUES (1, 1, 1, 'final', 'KV-ALT', 'Kooperationsvereinbarung'{empty})"))
        upgrade_to_head(engine)
        with engine.connect() as connection:
            assert connection.execute(text("SELECT language FROM agreements")).scalar_one() == "de"
    finally:
        engine.dispose()
