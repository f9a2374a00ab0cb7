"""Signing an agreement version, sealing its PDF and verifying the seal (core, no Qt)."""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from pathlib import Path

import pytest
from helpers import MOTHER
from pypdf import PdfReader

from kooperation_desktop.domain.model import (
    AgreementStatus,
    Goal,
    Indicator,
    Partner,
    PartnerKind,
    Role,
    ScaleKind,
    Task,
)
from kooperation_desktop.domain.rules import RuleViolation
from kooperation_desktop.pdf.texts import apply_language
from kooperation_desktop.signing import certs, seal
from kooperation_desktop.signing.certs import SealError, WrongPassword
from kooperation_desktop.signing.model import SignatureMethod
from kooperation_desktop.signing.parties import PartyMark
from kooperation_desktop.signing.seal import SealStatus
from kooperation_desktop.signing.service import SigningService

PASSWORD = "siegel-passwort-1"
ORG = "Familienhilfe Lindenhof e. V."


def wave(offset: float = 0.0) -> list[list[tuple[float, float]]]:
    return [[(20 + i * 3, 70 + 30 * math.sin(i / 5 + offset)) for i in range(90)], [(40, 20), (80, 120)]]


@pytest.fixture
def final_case(complete_case):
    services, case_id, agreement_id = complete_case
    services.agreements.finalise(agreement_id)
    signing = SigningService(services.db)
    signing.set_up_seal(ORG, PASSWORD)
    return services, signing, case_id, agreement_id


def _text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())


def _byte_range(data: bytes) -> list[int]:
    m = re.search(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]", data)
    assert m
    return [int(x) for x in m.groups()]


# --- status flow and signatures ----------------------------------------------------------------

def test_signing_a_draft_is_refused_with_a_clear_message(complete_case):
    services, _case_id, agreement_id = complete_case
    signing = SigningService(services.db)
    key = signing.overview(agreement_id).parties[0].key
    with pytest.raises(RuleViolation) as exc:
        signing.sign_on_screen(agreement_id, key, wave(), (400, 150), "Musterstadt")
    assert "Entwurf" in exc.value.problems[0].message
    with pytest.raises(RuleViolation):
        signing.record_paper(agreement_id, key, dt.date.today())
    assert signing.signatures(agreement_id) == []


def test_parties_are_the_pdf_signature_lines(final_case):
    services, signing, _case_id, agreement_id = final_case
    parties = signing.overview(agreement_id).parties
    names = [p.name for p in parties]
    # the family first (the guardian mother, the son who took on a task; issue 13: not only
    # guardians sign), then the consented partners; no partner without consent
    assert names[:2] == [" ".join(MOTHER), "Deniz Çelik"]
    assert "Herr Schulz" not in names
    assert "Nguyễn Thị Minh Khai" not in names  # the aunt: no custody, no task
    text = _text(signing.render(agreement_id))
    unterschriften = text[text.rindex("Unterschriften"):]
    for name in names:
        assert name in unterschriften


def test_strokes_round_trip_through_the_database_and_all_signed_makes_it_signed(final_case):
    services, signing, _case_id, agreement_id = final_case
    parties = signing.overview(agreement_id).parties
    strokes = wave()
    when = dt.datetime(2026, 11, 26, 10, 30, tzinfo=dt.UTC)
    stored = signing.sign_on_screen(agreement_id, parties[0].key, strokes, (400, 150), " Musterstadt ", when=when)
    again = SigningService(services.db).signatures(agreement_id)
    assert len(again) == 1
    sig = again[0]
    assert sig.id == stored.id
    assert sig.method == SignatureMethod.SCREEN
    assert sig.signer_name == parties[0].name and sig.role == parties[0].role_label
    assert sig.place == "Musterstadt" and sig.signed_at == when
    assert sig.content_hash == services.agreements.get(agreement_id).content_hash
    assert sig.pad_width == 400 and sig.pad_height == 150
    assert len(sig.strokes) == 2
    for a, b in zip(sig.strokes, strokes, strict=True):
        assert len(a) == len(b)
        assert all(abs(x1 - x2) < 0.01 and abs(y1 - y2) < 0.01 for (x1, y1), (x2, y2) in zip(a, b, strict=True))
    assert sig.image_png.startswith(b"\x89PNG")
    assert services.agreements.get(agreement_id).status == AgreementStatus.FINAL  # others still to sign

    with pytest.raises(RuleViolation, match="schon unterschrieben"):
        signing.sign_on_screen(agreement_id, parties[0].key, strokes, (400, 150), "Musterstadt")
    for p in parties[1:]:
        signing.record_paper(agreement_id, p.key, dt.date.today())
    assert services.agreements.get(agreement_id).status == AgreementStatus.SIGNED
    overview = signing.overview(agreement_id)
    assert overview.complete
    assert [p.signature.method for p in overview.parties][1:] == [SignatureMethod.PAPER] * (len(parties) - 1)


def test_empty_pad_or_no_place_is_refused(final_case):
    _services, signing, _case_id, agreement_id = final_case
    key = signing.overview(agreement_id).parties[0].key
    with pytest.raises(RuleViolation, match="unterschreiben"):
        signing.sign_on_screen(agreement_id, key, [[(10, 10)]], (400, 150), "Musterstadt")
    with pytest.raises(RuleViolation, match="Ort"):
        signing.sign_on_screen(agreement_id, key, wave(), (400, 150), "  ")
    with pytest.raises(RuleViolation, match="Zukunft"):
        signing.record_paper(agreement_id, key, dt.date.today() + dt.timedelta(days=1))


def test_superseded_version_cannot_be_signed_and_new_version_starts_unsigned(final_case):
    services, signing, _case_id, agreement_id = final_case
    key = signing.overview(agreement_id).parties[0].key
    signing.sign_on_screen(agreement_id, key, wave(), (400, 150), "Musterstadt")
    draft = services.agreements.new_version(agreement_id)
    services.agreements.finalise(draft.id)
    assert services.agreements.get(agreement_id).status == AgreementStatus.SUPERSEDED
    with pytest.raises(RuleViolation, match="ersetzt"):
        signing.record_paper(agreement_id, signing.overview(agreement_id).parties[1].key, dt.date.today())
    assert not any(p.signed for p in signing.overview(draft.id).parties)
    signing.end(draft.id)
    assert services.agreements.get(draft.id).status == AgreementStatus.ENDED


def test_pdf_shows_signature_image_and_paper_notes(final_case):
    _services, signing, _case_id, agreement_id = final_case
    parties = signing.overview(agreement_id).parties
    plain = signing.render(agreement_id)
    assert "unterschreibt auf Papier" not in _text(plain)  # nobody signed yet: empty lines
    signing.sign_on_screen(agreement_id, parties[0].key, wave(), (400, 150), "Musterstadt")
    signing.record_paper(agreement_id, parties[1].key, dt.date.today())
    data = signing.render(agreement_id)
    text = _text(data)
    assert f"Musterstadt, {dt.date.today():%d.%m.%Y}" in text
    assert f"auf Papier unterschrieben am {dt.date.today():%d.%m.%Y}" in text
    assert text.count("unterschreibt auf Papier") == len(parties) - 2
    images = [img for page in PdfReader(io.BytesIO(data)).pages for img in page.images]
    assert len(images) == 1


def test_a_paper_signature_is_kept_as_data_and_printed_in_the_agreement_language(complete_case):
    """Who signed on paper, on which day, with which note: stored as fields and worded by the PDF in
    the agreement's language (no German sentence parsed back)."""
    services, _case_id, agreement_id = complete_case
    agreement = services.agreements.get(agreement_id)
    apply_language(agreement, "en")
    services.agreements.update(agreement)
    services.agreements.finalise(agreement_id)
    signing = SigningService(services.db)
    parties = signing.overview(agreement_id).parties
    day = dt.date.today()
    signing.record_paper(agreement_id, parties[0].key, day, "Original in der Akte")
    sig = signing.overview(agreement_id).parties[0].signature
    assert sig is not None
    assert (sig.method, sig.signed_on, sig.note) == (SignatureMethod.PAPER, day, "Original in der Akte")
    marks = signing.marks(agreement_id)
    assert marks is not None
    assert marks[parties[0].key] == PartyMark(on_paper=True, signed_on=day)
    assert marks[parties[1].key] == PartyMark(on_paper=True)
    text = _text(signing.render(agreement_id))
    assert f"signed on paper on {day:%d.%m.%Y}" in text and "signs on paper" in text
    assert "Papier" not in text


# --- seal ----------------------------------------------------------------------------------------

def test_sealed_pdf_validates_and_matches_the_database(final_case, tmp_path: Path):
    services, signing, _case_id, agreement_id = final_case
    result = signing.export(agreement_id, tmp_path / "v1.pdf")
    assert result.sealed
    data = result.path.read_bytes()
    agreement = services.agreements.get(agreement_id)
    check = signing.verify_bytes(data)
    assert check.ok, check.lines()
    assert check.report.signer == ORG and check.report.trusted and check.report.covers_whole_file
    assert check.report.claim == seal.Claim(agreement.document_id, agreement.version, agreement.content_hash)
    assert check.database_match is True
    reader = PdfReader(io.BytesIO(data))
    assert agreement.content_hash in (reader.metadata.get("/Keywords") or "")
    assert "Çelik" not in str(dict(reader.metadata))  # no names in metadata
    # the visible stamp: the signature field "Siegel" sits on page 1, with an appearance
    stamp = [a.get_object() for a in reader.pages[0].get("/Annots", [])
             if a.get_object().get("/FT") == "/Sig" or a.get_object().get("/T") == "Siegel"]
    assert stamp and stamp[0]["/AP"]["/N"] is not None
    assert list(stamp[0]["/Rect"]) != [0, 0, 0, 0]


def test_draft_export_stays_unsealed_and_marked(complete_case, tmp_path: Path):
    services, _case_id, agreement_id = complete_case
    result = SigningService(services.db).export(agreement_id, tmp_path / "entwurf.pdf")
    assert not result.sealed
    data = result.path.read_bytes()
    assert b"/ByteRange" not in data
    assert "ENTWURF" in _text(data)
    assert SigningService(services.db).verify_bytes(data).report.status == SealStatus.UNSEALED


def test_export_of_final_version_needs_the_unlocked_seal(complete_case, tmp_path: Path):
    services, _case_id, agreement_id = complete_case
    services.agreements.finalise(agreement_id)
    signing = SigningService(services.db)
    with pytest.raises(SealError, match="kein Siegel"):
        signing.export(agreement_id, tmp_path / "x.pdf")
    signing.set_up_seal(ORG, PASSWORD)
    fresh = SigningService(services.db)  # a new session: the key is locked again
    with pytest.raises(SealError, match="Passwort"):
        fresh.export(agreement_id, tmp_path / "x.pdf")
    with pytest.raises(WrongPassword):
        fresh.unlock("falsches-passwort")
    assert fresh.export(agreement_id, tmp_path / "x.pdf", password=PASSWORD).sealed
    assert not (tmp_path / ".export.tmp").exists()


@pytest.mark.parametrize("where", [0.1, 0.35, 0.6, 0.9, "second"])
def test_flipping_a_byte_in_the_signed_range_is_detected(final_case, tmp_path: Path, where):
    _services, signing, _case_id, agreement_id = final_case
    data = bytearray(signing.sealed_pdf(agreement_id))
    a, b, c, d = _byte_range(bytes(data))
    pos = c + d // 2 if where == "second" else int(b * where)
    data[pos] ^= 0x01
    check = signing.verify_bytes(bytes(data))
    assert not check.ok
    assert check.report.status == SealStatus.CHANGED
    assert "Verändert" in check.verdict


def test_incremental_update_changing_text_is_detected(final_case, tmp_path: Path):
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    _services, signing, _case_id, agreement_id = final_case
    sealed = signing.sealed_pdf(agreement_id)
    writer = IncrementalPdfFileWriter(io.BytesIO(sealed))
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    font = generic.DictionaryObject({generic.NameObject("/Type"): generic.NameObject("/Font"),
                                     generic.NameObject("/Subtype"): generic.NameObject("/Type1"),
                                     generic.NameObject("/BaseFont"): generic.NameObject("/Helvetica")})
    resources = page["/Resources"]
    fonts = resources["/Font"]
    fonts[generic.NameObject("/FX")] = writer.add_object(font)
    writer.update_container(fonts)
    extra = writer.add_object(generic.StreamObject(stream_data=b"BT /FX 20 Tf 80 400 Td (Ziel gestrichen) Tj ET"))
    contents = page["/Contents"]
    items = list(contents) if isinstance(contents, generic.ArrayObject) else [page.raw_get("/Contents")]
    page["/Contents"] = generic.ArrayObject([*items, extra])
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    changed = out.getvalue()
    assert "Ziel gestrichen" in _text(changed)  # the change is really visible

    check = signing.verify_bytes(changed)
    assert not check.ok
    assert check.report.status == SealStatus.CHANGED
    assert not check.report.covers_whole_file
    path = tmp_path / "geaendert.pdf"
    path.write_bytes(changed)
    from kooperation_desktop.cli import main

    assert main(["verify", str(path), "--data-dir", str(_services.data_dir)]) != 0


def test_damaged_signature_blob_is_reported_not_raised(final_case):
    _services, signing, _case_id, agreement_id = final_case
    data = bytearray(signing.sealed_pdf(agreement_id))
    start = data.index(b"/Contents <") + len(b"/Contents <")
    data[start + 40:start + 200] = b"0" * 160  # inside the DER blob
    check = signing.verify_bytes(bytes(data))
    assert not check.ok and check.report.status == SealStatus.CHANGED


def test_seal_of_another_organisation_is_unknown_issuer(final_case, tmp_path: Path, services_factory=None):
    services, signing, _case_id, agreement_id = final_case
    other_dir = tmp_path / "fremd"
    certs.create_seal(other_dir, "Fremder Träger", PASSWORD)
    data = signing.render(agreement_id)
    agreement = services.agreements.get(agreement_id)
    foreign = seal.seal_pdf(data, certs.load_signer(other_dir, PASSWORD), "Fremder Träger",
                            seal.Claim(agreement.document_id, agreement.version, agreement.content_hash))
    check = signing.verify_bytes(foreign)
    assert check.report.status == SealStatus.INTACT and not check.report.trusted
    assert not check.ok
    assert any("unbekannter Aussteller" in line for line in check.lines())


def test_folder_without_a_seal_trusts_nobody_and_still_sees_tampering(final_case, tmp_path: Path):
    """"PDF prüfen…" in a folder without a seal (or without any folder): the seal is checked against no
    trust root at all, never the operating system's list (pyHanko's deprecated fallback, which warned)."""
    from kooperation_desktop.signing.service import verify_without_database

    _services, signing, _case_id, agreement_id = final_case
    data = signing.sealed_pdf(agreement_id)
    for folder in (tmp_path / "ohne-siegel", None):
        check = verify_without_database(data, folder)
        assert check.report.status == SealStatus.INTACT and check.report.covers_whole_file
        assert not check.report.trusted and not check.ok
        assert any("unbekannter Aussteller" in line for line in check.lines())
        tampered = bytearray(data)
        tampered[int(_byte_range(data)[1] * 0.5)] ^= 0x01
        check = verify_without_database(bytes(tampered), folder)
        assert check.report.status == SealStatus.CHANGED and not check.ok


def test_import_of_an_organisation_pkcs12(services, tmp_path: Path):
    other = tmp_path / "ca"
    certs.create_seal(other, "Träger mit eigener CA", "ca-passwort-1")
    p12 = (certs.seal_dir(other) / certs.P12_FILE).read_bytes()
    signing = SigningService(services.db)
    with pytest.raises(WrongPassword):
        signing.import_seal(p12, "falsch")
    ident = signing.import_seal(p12, "ca-passwort-1")
    assert ident.organisation == "Träger mit eigener CA" and ident.imported
    assert signing.seal_identity().fingerprint == ident.fingerprint
    assert signing.unlocked
    with pytest.raises(SealError, match="schon"):
        signing.set_up_seal("Noch einer", PASSWORD)


def test_seal_files_are_private_and_the_password_has_a_minimum(tmp_path: Path):
    with pytest.raises(SealError, match="mindestens"):
        certs.create_seal(tmp_path, ORG, "kurz")
    certs.create_seal(tmp_path, ORG, PASSWORD)
    p12 = certs.seal_dir(tmp_path) / certs.P12_FILE
    assert p12.stat().st_mode & 0o077 == 0
    assert b"PRIVATE KEY" not in p12.read_bytes()


# --- version history -----------------------------------------------------------------------------

def test_history_and_diff_between_versions(final_case):
    services, signing, case_id, v1 = final_case
    draft = services.agreements.new_version(v1)
    goals = sorted(draft.goals, key=lambda g: g.position)
    # goal 1: words changed and one indicator changed; goal 2 removed; goal 3 added with an indicator
    goals[0].client_words = "Wir kommen morgens pünktlich und ruhig los."
    services.parties.save(goals[0])
    ind = goals[0].indicators[0]
    ind.target = 1
    services.parties.save(ind)
    services.parties.delete(goals[1])
    g3 = services.parties.save(Goal(agreement_id=draft.id, position=5, client_words="Mehr Zeit für uns als Familie.",
                            professional_wording="Gemeinsame Familienzeit wird gestärkt."))
    services.parties.save(Indicator(goal_id=g3.id, description="Ein gemeinsamer Ausflug im Monat",
                                    scale=ScaleKind.SCALE_0_10, baseline=2, target=6))
    # a task changed, one removed, one added; a new partner
    tasks = sorted(draft.tasks, key=lambda t: t.position)
    tasks[0].due_date = None
    services.parties.save(tasks[0])
    services.parties.delete(tasks[-1])
    mother_id = next(p.id for p in services.cases.get(case_id).persons if p.is_guardian)
    services.parties.save(Task(agreement_id=draft.id, position=9, person_id=mother_id, what="Ausflug planen."))
    neu = services.parties.save(Partner(case_id=case_id, kind=PartnerKind.YOUTH_OFFICE, name="Frau Neu",
                                organisation="Jugendamt Musterstadt"))
    services.parties.save(Role(agreement_id=draft.id, partner_id=neu.id, description="Vertretung in der Fallführung."))
    services.agreements.finalise(draft.id)

    history = signing.history(case_id)
    assert [(h.version, h.status) for h in history] == [(2, "final"), (1, "superseded")]
    assert history[0].parties > 0 and history[0].signatures == 0

    changes = {(c.area, c.kind, c.what.split(" (")[0]) for c in signing.compare(v1, draft.id)}
    assert ("Ziele", "geändert", "Wir kommen morgens pünktlich und ruhig los.") in changes
    assert ("Ziele", "entfernt", "Deniz geht gern zur Schule.") in changes
    assert ("Ziele", "hinzugefügt", "Mehr Zeit für uns als Familie.") in changes
    assert ("Indikatoren", "hinzugefügt", "Ein gemeinsamer Ausflug im Monat") in changes
    assert ("Indikatoren", "entfernt", "Wie gern geht Deniz zur Schule?") in changes
    assert any(a == "Indikatoren" and k == "geändert" for a, k, _ in changes)
    assert ("Aufgaben", "geändert", "Wochenplan mit der Familie erstellen.") in changes
    assert ("Aufgaben", "entfernt", "Wecker selbst stellen.") in changes
    assert ("Aufgaben", "hinzugefügt", "Ausflug planen.") in changes
    assert any(a == "Beteiligte" and k == "hinzugefügt" and "Frau Neu" in w for a, k, w in changes)
    # the same version compared with itself: nothing
    assert signing.compare(v1, v1) == []
