"""The agreement PDF as a family and a social worker would read it (reportlab, DejaVu Sans).

Domain objects are built directly; no database is needed.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from helpers import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from kooperation_desktop.atomic import write_bytes
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
from kooperation_desktop.pdf.render import render_agreement_bytes

TODAY = dt.date.today()
GIVEN = TODAY - dt.timedelta(days=30)
ARABIC = "مريم حداد"


def build_case() -> Case:
    persons = [
        Person(case_id=1, id=1, first_name="Ağrı Şükrü", last_name="Çelik", family_role="Mutter", is_guardian=True),
        Person(case_id=1, id=2, first_name="Nguyễn Thị", last_name="Minh Khai", family_role="Vater",
               is_guardian=True),
        Person(case_id=1, id=3, first_name="Deniz", last_name="Çelik", family_role="Sohn, 9 Jahre"),
    ]
    partners = [
        Partner(case_id=1, id=10, kind=PartnerKind.YOUTH_OFFICE, name="Жанна Иванова",
                organisation="Jugendamt Musterstadt", function="Fallführung ASD", contact="0123 45678"),
        Partner(case_id=1, id=11, kind=PartnerKind.PROFESSIONAL, name="Łukasz Wróbel",
                organisation="Familienhilfe Lindenhof e. V.", function="Sozialpädagogische Familienhilfe"),
        Partner(case_id=1, id=12, kind=PartnerKind.RESOURCE_PROFESSIONAL, name="Frau Berger",
                organisation="Grundschule am Park", function="Klassenlehrerin"),
        Partner(case_id=1, id=13, kind=PartnerKind.RESOURCE_INFORMAL, name=ARABIC, function="Nachbarin"),
        # No consent for this one: it must not appear anywhere.
        Partner(case_id=1, id=14, kind=PartnerKind.RESOURCE_INFORMAL, name="Onkel Geheimrat Zebulon",
                function="Onkel"),
        # Consent revoked: must not appear either.
        Partner(case_id=1, id=15, kind=PartnerKind.RESOURCE_PROFESSIONAL, name="Dr. Widerruf Quastmann",
                organisation="Kinderarztpraxis"),
    ]
    text = "Einverständniserklärung zur Hilfe und zur Zusammenarbeit\n\nIch bin mit der Hilfe einverstanden."
    consents = [
        Consent(case_id=1, id=100, person_id=1, partner_id=None, given_on=GIVEN, form=ConsentForm.WRITTEN,
                categories=[InfoCategory.CONTACT, InfoCategory.AGREEMENT, InfoCategory.PROGRESS],
                text_version="2026-11", text=text),
        Consent(case_id=1, id=101, person_id=1, partner_id=12, given_on=GIVEN, form=ConsentForm.ON_SCREEN,
                categories=[InfoCategory.AGREEMENT, InfoCategory.SCHOOL], text_version="2026-11", text=text),
        Consent(case_id=1, id=102, person_id=2, partner_id=13, given_on=GIVEN, form=ConsentForm.ORAL,
                categories=[InfoCategory.CONTACT, InfoCategory.AGREEMENT], text_version="2026-11", text=text),
        Consent(case_id=1, id=103, person_id=1, partner_id=15, given_on=GIVEN, form=ConsentForm.WRITTEN,
                categories=[InfoCategory.AGREEMENT, InfoCategory.HEALTH], text_version="2026-11", text=text,
                revoked_on=TODAY - dt.timedelta(days=2)),
    ]
    return Case(id=1, title="Familie Çelik", file_number="51.2-2026-0815",
                help_type="§ 31 SGB VIII – Sozialpädagogische Familienhilfe",
                persons=persons, partners=partners, consents=consents)


def build_agreement(status: AgreementStatus = AgreementStatus.DRAFT) -> Agreement:
    """A realistic agreement: 3 goals, 6 indicators, 8 tasks."""
    gas = ["Deniz kommt an mehr als zwei Tagen pro Woche zu spät.",
           "Deniz kommt an zwei Tagen pro Woche zu spät.",
           "Deniz kommt höchstens an einem Tag pro Woche zu spät.",
           "Deniz kommt fast immer pünktlich.",
           "Deniz kommt immer pünktlich und packt seine Tasche selbst."]
    goals = [
        Goal(id=1, position=0, client_words="Morgens soll es ruhiger zugehen, und Deniz soll pünktlich in der "
             "Schule sein.", professional_wording="Die Eltern etablieren eine verlässliche Morgenroutine; "
             "der regelmäßige und pünktliche Schulbesuch von Deniz ist gesichert.",
             indicators=[
                 Indicator(id=1, position=0, description="Deniz ist um 7:55 Uhr in der Schule.",
                           scale=ScaleKind.GAS, level_texts=gas, baseline=-1, target=0),
                 Indicator(id=2, position=1, description="Wie ruhig war der Morgen? (Einschätzung der Mutter)",
                           scale=ScaleKind.SCALE_0_10, baseline=3, target=7),
             ]),
        Goal(id=2, position=1, client_words="Wir wollen weniger streiten.",
             professional_wording="Die Eltern lösen Konflikte ohne Abwertung und vereinbaren gemeinsame Regeln.",
             indicators=[
                 Indicator(id=3, position=0, description="Zahl der lauten Streits pro Woche (Familientagebuch).",
                           scale=ScaleKind.GAS, level_texts=["mehr als 5", "4 bis 5", "2 bis 3", "1",
                                                             "kein lauter Streit"], baseline=-2, target=0),
                 Indicator(id=4, position=1, description="Wir halten uns an den Familienrat am Sonntag.",
                           scale=ScaleKind.SCALE_0_10, baseline=2, target=8),
             ]),
        Goal(id=3, position=2, client_words="Ich will wissen, wo ich Hilfe bekomme, wenn die Hilfe vorbei ist.",
             professional_wording="Die Familie kennt Unterstützungsangebote im Stadtteil und nutzt sie "
             "selbstständig.",
             indicators=[
                 Indicator(id=5, position=0, description="Frau Çelik hat das Familienzentrum besucht.",
                           scale=ScaleKind.GAS, level_texts=["noch nicht angesprochen", "Adresse bekannt",
                                                             "einmal besucht", "regelmäßig dort",
                                                             "bringt sich selbst ein"], baseline=-1, target=1),
                 Indicator(id=6, position=1, description="Wie sicher fühle ich mich, allein zurechtzukommen?",
                           scale=ScaleKind.SCALE_0_10, baseline=4, target=8),
             ]),
    ]
    tasks = [
        Task(id=1, position=0, person_id=1, what="Abends mit Deniz die Schultasche packen.", goal_id=1),
        Task(id=2, position=1, person_id=2, what="Weckt Deniz um 6:45 Uhr und frühstückt mit ihm.", goal_id=1),
        Task(id=3, position=2, person_id=3, what="Legt seine Kleidung am Abend bereit.", goal_id=1),
        Task(id=4, position=3, partner_id=11, what="Begleitet die Familie wöchentlich; übt mit den Eltern "
             "den Familienrat.", goal_id=2),
        Task(id=5, position=4, partner_id=12, what="Gibt freitags eine kurze Rückmeldung zur Pünktlichkeit.",
             due_date=TODAY + dt.timedelta(days=120), goal_id=1),
        Task(id=6, position=5, partner_id=13, what="Holt Deniz dienstags von der Schule ab.", goal_id=None),
        Task(id=7, position=6, partner_id=10, what="Lädt zum Hilfeplangespräch ein.",
             due_date=TODAY + dt.timedelta(days=180)),
        Task(id=8, position=7, person_id=1, what="Besucht mit Łukasz Wróbel das Familienzentrum.",
             due_date=TODAY + dt.timedelta(days=60), goal_id=3),
        # Tasks of partners without consent: must not appear.
        Task(id=9, position=8, partner_id=14, what="Geheimauftrag Xylophon", goal_id=None),
        Task(id=10, position=9, partner_id=15, what="Impfpass Quastenflosser prüfen", goal_id=None),
    ]
    roles = [
        Role(id=1, person_id=1, description="Sorgt für den Ablauf am Morgen."),
        Role(id=2, partner_id=10, description="Beauftragt die Hilfe, lädt zum Hilfeplangespräch ein und "
             "entscheidet über die Fortsetzung."),
        Role(id=3, partner_id=11, description="Unterstützt die Familie bei Hausbesuchen; berichtet dem "
             "Jugendamt nach Absprache mit der Familie."),
        Role(id=4, partner_id=12, description="Ansprechperson in der Schule."),
        Role(id=5, partner_id=13, description="Springt ein, wenn die Eltern arbeiten."),
        Role(id=6, partner_id=14, description="Rolle Zitronenfalter ohne Einverständnis"),
    ]
    communication = [
        CommunicationRule(id=1, position=0, kind=CommunicationKind.MEETING, what="Hausbesuch mit der ganzen Familie",
                          who="Familie, Herr Wróbel", rhythm="wöchentlich, dienstags",
                          next_date=TODAY + dt.timedelta(days=5)),
        CommunicationRule(id=2, position=1, kind=CommunicationKind.FEEDBACK, what="Kurze Rückmeldung zur "
                          "Pünktlichkeit", who="Frau Berger", to_whom="Familie und Herr Wróbel",
                          rhythm="freitags"),
        CommunicationRule(id=3, position=2, kind=CommunicationKind.REPORT, what="Entwicklungsbericht zum "
                          "Hilfeplangespräch (vorher mit der Familie besprochen)", who="Herr Wróbel",
                          to_whom="Jugendamt", rhythm="halbjährlich", next_date=TODAY + dt.timedelta(days=170)),
    ]
    final = status != AgreementStatus.DRAFT
    return Agreement(
        id=1, case_id=1, version=2, status=status, document_id="KV-2026-7F3A9C",
        start_date=TODAY - dt.timedelta(days=10), planned_end=TODAY + dt.timedelta(days=365),
        next_review=TODAY + dt.timedelta(days=180),
        mandate="Sozialpädagogische Familienhilfe nach § 31 SGB VIII, 6 Fachleistungsstunden pro Woche. "
                "Ziel ist, dass die Familie ihren Alltag wieder selbst gut organisiert.",
        goodwill="Wir arbeiten mit gegenseitigem Wohlwollen zusammen und nicht gegeneinander.",
        client_view="Wir wollen, dass es ruhiger wird. Wir schaffen das, wenn wir Unterstützung haben.",
        transition_offers="Familienzentrum Lindenhof (offenes Elterncafé), Erziehungsberatung",
        transition_partners="Frau Berger (Schule), مريم حداد (Nachbarin)",
        transition_self="Familienrat am Sonntag; Morgenroutine mit Plan am Kühlschrank.",
        finalised_at=dt.datetime(2026, 12, 1, 10, 30) if final else None,
        content_hash=("a3f1" * 16) if final else "",
        goals=goals, tasks=tasks, roles=roles, communication=communication,
    )


def pypdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def squash(text: str) -> str:
    """Whitespace-insensitive form for searching extracted text."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


@pytest.fixture(scope="module")
def draft_pdf() -> bytes:
    return render_agreement_bytes(build_case(), build_agreement())


@pytest.fixture(scope="module")
def final_pdf() -> bytes:
    return render_agreement_bytes(build_case(), build_agreement(AgreementStatus.FINAL))


NAMES = ["Ağrı Şükrü Çelik", "Nguyễn Thị Minh Khai", "Łukasz Wróbel", "Жанна Иванова"]


@pytest.mark.parametrize("name", NAMES)
def test_names_extract_with_pypdf(draft_pdf: bytes, name: str) -> None:
    assert name in pypdf_text(draft_pdf)


def test_names_extract_with_pdftotext(draft_pdf: bytes, tmp_path: Path) -> None:
    # an independent PDF reader is part of the test set-up (README, .ci/run install poppler-utils)
    assert shutil.which("pdftotext"), "pdftotext fehlt: bitte das Debian-Paket poppler-utils installieren"
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(draft_pdf)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True,
                          text=True, encoding="utf-8").stdout
    text = unicodedata.normalize("NFC", text)
    for name in NAMES:
        assert name in text


def test_only_embedded_dejavu_fonts(draft_pdf: bytes, final_pdf: bytes) -> None:
    for data in (draft_pdf, final_pdf):
        reader = PdfReader(io.BytesIO(data))
        fonts: set[str] = set()
        for page in reader.pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                fonts.add(str(font["/BaseFont"]))
                descendants = font.get("/DescendantFonts")
                descriptor = font.get("/FontDescriptor")
                if descendants:
                    descriptor = descendants[0].get_object()["/FontDescriptor"]
                descriptor = descriptor.get_object()
                assert any(k in descriptor for k in ("/FontFile2", "/FontFile", "/FontFile3")), font
        assert fonts, "no fonts found"
        for name in fonts:
            assert re.fullmatch(r"/[A-Z]{6}\+DejaVuSans(-Bold)?", name), name
        assert b"Helvetica" not in data and b"Times-Roman" not in data and b"Courier" not in data


def test_arabic_name_is_shaped_and_extracts(draft_pdf: bytes) -> None:
    text = unicodedata.normalize("NFKC", pypdf_text(draft_pdf))
    for letter in set(ARABIC.replace(" ", "")):
        assert letter in text, letter
    # shaped: the joined presentation forms are in the file, not only isolated letters
    raw = pypdf_text(draft_pdf)
    assert any("\ufe70" <= ch <= "\ufeff" for ch in raw)


def test_non_consented_partner_and_its_task_and_role_do_not_appear(draft_pdf: bytes, final_pdf: bytes) -> None:
    for data in (draft_pdf, final_pdf):
        text = squash(pypdf_text(data))
        for absent in ("Zebulon", "Geheimauftrag", "Zitronenfalter", "Quastmann", "Quastenflosser"):
            assert absent not in text
        # consented resources do appear, with their tasks
        assert squash("Frau Berger") in text
        assert squash("Holt Deniz dienstags von der Schule ab.") in text


def test_markup_prints_literally() -> None:
    case = build_case()
    agreement = build_agreement()
    agreement.goals[0].client_words = "Wir <b>x</b> & Co &amp; <font size=40>gross</font>\nzweite Zeile"
    agreement.mandate = "Line <br/> break & <unclosed"
    text = pypdf_text(render_agreement_bytes(case, agreement))
    assert squash("Wir <b>x</b> & Co &amp; <font size=40>gross</font>") in squash(text)
    assert "zweite Zeile" in text
    assert "Line <br/> break & <unclosed" in text
    # the user's line break is kept: the second line starts on its own line
    assert re.search(r"gross</font>\s*\nzweite Zeile", text)


def test_draft_is_marked_and_footer_has_page_numbers(draft_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(draft_pdf))
    n = len(reader.pages)
    assert n >= 2
    texts = [page.extract_text() for page in reader.pages]
    assert "ENTWURF" in texts[0]
    for i, text in enumerate(texts, start=1):
        assert f"Seite {i} von {n}" in text
        assert "KV-2026-7F3A9C" in text and "Version 2" in text
        assert "Entwurf – nicht abgeschlossen" in text
        assert "SHA-256" not in text


def test_final_version_carries_hash_on_every_page(final_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(final_pdf))
    for page in reader.pages:
        text = page.extract_text()
        assert "SHA-256: " + "a3f1" * 16 in text
        assert "Entwurf" not in text and "ENTWURF" not in text
    assert "Abgeschlossen am" in reader.pages[0].extract_text()
    assert "01.12.2026" in reader.pages[0].extract_text()


def test_content_of_the_agreement(draft_pdf: bytes) -> None:
    text = squash(pypdf_text(draft_pdf))
    expected = [
        "Kooperationsvereinbarung", "Familie Çelik", "51.2-2026-0815", "§ 31 SGB VIII",
        # parties and roles
        "Jugendamt (beauftragend)", "Fachkraft (hilfeerbringend)", "Ressourcen im Umfeld der Familie",
        "Professionelle Ressourcen im Sozialraum", "Ansprechperson in der Schule.",
        # consent
        "Einverständnis der Familie", "schriftlich", "am Bildschirm bestätigt", "mündlich",
        "Schule, Kita, Ausbildung", "Version 2026-11", "Ich bin mit der Hilfe einverstanden.",
        # goals and indicators
        "Morgens soll es ruhiger zugehen", "Die Eltern etablieren eine verlässliche Morgenroutine",
        "Deniz ist um 7:55 Uhr in der Schule.", "Deniz kommt fast immer pünktlich.",
        "viel weniger als erwartet", "Ausgangswert", "Skala 0 bis 10", "3 von 10", "7 von 10",
        # mandate, tasks, communication
        "6 Fachleistungsstunden pro Woche", "laufend", (TODAY + dt.timedelta(days=120)).strftime("%d.%m.%Y"),
        "Hausbesuch mit der ganzen Familie", "wöchentlich, dienstags", "halbjährlich",
        # time frame, transition, goodwill, family view
        (TODAY + dt.timedelta(days=365)).strftime("%d.%m.%Y"), "Familienzentrum Lindenhof",
        "Familienrat am Sonntag", "gegenseitigem Wohlwollen", "Wir schaffen das",
        # signatures
        "Unterschriften", "Ort, Datum",
    ]
    for item in expected:
        assert squash(item) in text, item


def test_signature_lines_for_guardians_and_consented_partners(draft_pdf: bytes) -> None:
    text = pypdf_text(draft_pdf)
    signatures = text[text.rindex("Unterschriften"):]
    # guardians sign, and (issue 13) the son who took on a task; every consented partner signs
    assert signatures.count("Ort, Datum") == 3 + 4
    for name in ["Ağrı Şükrü Çelik", "Nguyễn Thị Minh Khai", "Deniz Çelik", "Łukasz Wróbel", "Жанна Иванова",
                 "Frau Berger"]:
        assert name in signatures


def test_a_family_member_left_out_of_the_signers_gets_no_line() -> None:
    case = build_case()
    case.persons[2].signs = False  # the son has a task, but is chosen not to sign
    text = pypdf_text(render_agreement_bytes(case, build_agreement()))
    signatures = text[text.rindex("Unterschriften"):]
    assert signatures.count("Ort, Datum") == 2 + 4 and "Deniz Çelik" not in signatures


def test_everyone_signs_when_no_guardian_is_flagged() -> None:
    case = build_case()
    for p in case.persons:
        p.is_guardian = False
    text = pypdf_text(render_agreement_bytes(case, build_agreement()))
    assert text[text.rindex("Unterschriften"):].count("Ort, Datum") == 3 + 4


def test_family_resources_listed_before_professional_ones(draft_pdf: bytes) -> None:
    text = pypdf_text(draft_pdf)
    assert text.index("Ressourcen im Umfeld der Familie") < text.index("Professionelle Ressourcen im Sozialraum")


def test_metadata_has_document_id_but_no_names(draft_pdf: bytes) -> None:
    meta = PdfReader(io.BytesIO(draft_pdf)).metadata
    assert meta.title == "Kooperationsvereinbarung KV-2026-7F3A9C"
    values = " ".join(str(v) for v in meta.values())
    for name in ["Çelik", "Nguyễn", "Wróbel", "Иванова", "Berger"]:
        assert name not in values


def test_thirty_goals_flow_over_many_pages(tmp_path: Path) -> None:
    agreement = build_agreement()
    template = agreement.goals[0]
    agreement.goals = [
        Goal(id=100 + i, position=i, client_words=f"Unser Ziel Nummer {i + 1}: " + "viel Text " * 40,
             professional_wording="Fachlich " * 30,
             indicators=[Indicator(id=1000 + i, description=f"Indikator für Ziel {i + 1}",
                                   level_texts=list(template.indicators[0].level_texts), baseline=-1, target=0)])
        for i in range(30)
    ]
    out = write_bytes(tmp_path / "kv.pdf", render_agreement_bytes(build_case(), agreement))
    assert out == tmp_path / "kv.pdf"
    reader = PdfReader(str(out))
    n = len(reader.pages)
    assert n >= 10
    text = pypdf_text(out.read_bytes())
    assert "Ziel 30" in text and "Indikator für Ziel 30" in text
    assert f"Seite {n} von {n}" in reader.pages[-1].extract_text()


def test_huge_texts_in_table_cells_flow_instead_of_failing() -> None:
    agreement = build_agreement()
    long = "\n".join(f"Zeile {i} mit etwas Text, der umbricht und weiterläuft." for i in range(300))
    agreement.goals[0].client_words = long
    agreement.goals[0].indicators[0].level_texts[2] = long
    agreement.tasks[0].what = long
    agreement.communication[0].what = long
    agreement.roles[0].description = long
    case = build_case()
    case.title = "Familie " + "Sehrlangername" * 400
    text = pypdf_text(render_agreement_bytes(case, agreement))
    assert "Zeile 299 mit etwas Text" in text


# --- property test: arbitrary text never breaks the PDF -------------------------------------------

# A sample alphabet that extracts 1:1 (no shaping, no normalisation surprises), including markup chars.
_SAMPLE_CHARS = "abcxyzÄÖÜäöüßğşçłęếЖжИи0123456789<>&;\"'/=#"
sample_words = st.lists(st.text(alphabet=_SAMPLE_CHARS, min_size=3, max_size=12), min_size=1, max_size=5)
any_text = st.text(max_size=400)
big_text = st.text(max_size=3000)


@settings(max_examples=examples(25), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(goal=big_text, name=st.text(max_size=200), task=any_text, level=any_text, view=big_text,
       words=sample_words, title=st.text(max_size=300))
def test_arbitrary_text_renders_and_a_sample_extracts(goal, name, task, level, view, words, title) -> None:
    case = build_case()
    agreement = build_agreement()
    case.persons[0].first_name = name
    case.title = title
    agreement.document_id = title[:40]
    agreement.goals[0].client_words = goal
    agreement.goals[1].professional_wording = goal + name
    agreement.goals[0].indicators[0].level_texts[0] = level
    agreement.tasks[0].what = task
    agreement.client_view = view
    agreement.mandate = "MARKER " + " ".join(words) + " ENDE"
    data = render_agreement_bytes(case, agreement)
    text = pypdf_text(data)
    assert squash("MARKER " + " ".join(words) + " ENDE") in squash(text)


@pytest.mark.slow  # a new Python
def test_pdf_module_needs_neither_qt_nor_sqlalchemy() -> None:
    code = (
        "import sys; sys.modules['PySide6'] = None; sys.modules['sqlalchemy'] = None\n"
        "import kooperation_desktop.pdf.render\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


# --- the layout's work: each paragraph parsed once per style, its lines broken and drawn once per width ------


def _count_layout_work(monkeypatch: pytest.MonkeyPatch, case: Case, agreement: Agreement) -> tuple[int, int, int]:
    """(paragraphs made, markups parsed, line breakings) while rendering ``agreement``."""
    return _count_layout_work_and_drawing(monkeypatch, case, agreement)[:3]


def _count_layout_work_and_drawing(monkeypatch: pytest.MonkeyPatch, case: Case,
                                   agreement: Agreement) -> tuple[int, int, int, int, int]:
    """(paragraphs made, markups parsed, line breakings, paragraphs drawn on the page, paragraphs
    reportlab drew) while rendering ``agreement``."""
    from reportlab.platypus import paragraph, paraparser

    from kooperation_desktop.pdf import usertext

    counts = {"made": 0, "parsed": 0, "broken": 0, "drawn": 0, "drawn_by_reportlab": 0}

    def counting(name: str, method):  # type: ignore[no-untyped-def]
        def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
            counts[name] += 1
            return method(*args, **kwargs)
        return counted

    monkeypatch.setattr(paragraph.Paragraph, "__init__", counting("made", paragraph.Paragraph.__init__))
    monkeypatch.setattr(paraparser.ParaParser, "parse", counting("parsed", paraparser.ParaParser.parse))
    monkeypatch.setattr(paragraph.Paragraph, "breakLines", counting("broken", paragraph.Paragraph.breakLines))
    monkeypatch.setattr(usertext.Paragraph, "drawPara", counting("drawn", usertext.Paragraph.drawPara))
    monkeypatch.setattr(paragraph.Paragraph, "drawPara", counting("drawn_by_reportlab", paragraph.Paragraph.drawPara))
    render_agreement_bytes(case, agreement)
    return counts["made"], counts["parsed"], counts["broken"], counts["drawn"], counts["drawn_by_reportlab"]


def _long_agreement() -> Agreement:
    """build_agreement() with its goals three times (9 goals, 18 indicators): many equal cells."""
    agreement = build_agreement(AgreementStatus.FINAL)
    goals = []
    for copy_no in range(3):
        for goal in build_agreement().goals:
            goal.id = (goal.id or 0) + 10 * copy_no
            goal.position += 3 * copy_no
            goals.append(goal)
    agreement.goals = goals
    return agreement


def test_each_paragraph_is_parsed_once_per_style_and_its_lines_broken_once_per_width(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The export was slow (issue 17: 386 ms) because the layout repeats work: a table cell is wrapped to
    measure its row, by the table, by the frame and again when the table draws it, and the same cell
    text ("–", a GAS level, a column head) is parsed again for every indicator."""
    made, parsed, broken = _count_layout_work(monkeypatch, build_case(), _long_agreement())
    assert made > 300
    assert parsed < 0.6 * made  # before: once per paragraph
    assert broken < 0.6 * made  # before: 3.4 times per paragraph


def test_an_equal_paragraph_is_drawn_once_per_document_and_copied_after(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 17: what was left of the export's time was reportlab drawing every paragraph (760 per
    export); an equal paragraph of the same width (a column head, "–", a GAS level) is drawn once
    and its page operators are copied (test_reusing_parsed_paragraphs_changes_nothing_in_the_pdf:
    the same bytes)."""
    made, _parsed, _broken, drawn, by_reportlab = _count_layout_work_and_drawing(
        monkeypatch, build_case(), _long_agreement())
    assert drawn > 300
    assert by_reportlab < 0.6 * drawn


def test_reusing_parsed_paragraphs_changes_nothing_in_the_pdf(monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlab import rl_config
    from reportlab.platypus import Table
    from reportlab.platypus.paragraph import Paragraph as PlainParagraph

    from kooperation_desktop.pdf import layout, usertext

    monkeypatch.setattr(rl_config, "invariant", 1)  # no dates or random ids in the file: bytes comparable
    case, agreement = build_case(), _long_agreement()
    reused = render_agreement_bytes(case, agreement)
    monkeypatch.setattr(usertext.Paragraph, "_setup", PlainParagraph._setup)
    monkeypatch.setattr(usertext.Paragraph, "wrap", PlainParagraph.wrap)
    monkeypatch.setattr(usertext.Paragraph, "drawPara", usertext.Paragraph._draw_lines)  # RTL order, no copies
    monkeypatch.setattr(layout._Table, "_calc", Table._calc)  # every wrap measures the cells again
    assert render_agreement_bytes(case, agreement) == reused


def test_a_table_measures_its_cells_once_per_width(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 17: a table is wrapped to keep it with its heading, by KeepTogether and by the frame;
    each wrap measured every cell again (119 layouts of 66 tables per export)."""
    from reportlab.platypus import tables

    counts = {"tables": 0, "layouts": 0}
    made, measured = tables.Table.__init__, tables.Table._calc_height

    def counted_init(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        counts["tables"] += 1
        made(self, *args, **kwargs)

    def counted_layout(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        counts["layouts"] += 1
        return measured(self, *args, **kwargs)

    monkeypatch.setattr(tables.Table, "__init__", counted_init)
    monkeypatch.setattr(tables.Table, "_calc_height", counted_layout)
    render_agreement_bytes(build_case(), _long_agreement())
    assert counts["tables"] > 30
    assert counts["layouts"] < 1.4 * counts["tables"]


def test_no_typed_text_stays_in_memory_after_the_export() -> None:
    """What an export keeps about its paragraphs belongs to that rendering (its RenderContext; issue 17:
    no module-global state) and dies with it."""
    import gc
    from collections.abc import MutableMapping, MutableSequence, MutableSet

    from kooperation_desktop.pdf import usertext

    render_agreement_bytes(build_case(), build_agreement())
    gc.collect()
    assert [obj for obj in gc.get_objects() if isinstance(obj, usertext.RenderContext)] == []
    mutable = (MutableMapping, MutableSequence, MutableSet)
    assert not any(isinstance(value, mutable) for name, value in vars(usertext).items() if not name.startswith("__"))


def test_two_renderings_share_no_paragraphs() -> None:
    """Each rendering has its own RenderContext: a second document (another thread's preview, say)
    neither sees nor copies the first one's paragraphs."""
    from kooperation_desktop.pdf.layout import Layout

    first, second = Layout(), Layout()
    assert first.context is not second.context
    first.para("Stufe", "cell").wrap(100, 100)
    assert len(first.context) == 1 and len(second.context) == 0
