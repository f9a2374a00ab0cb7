"""The family's copy in the PDF (issue 16, part 2).

What a family relies on: with a family language the summary page, the consent text and the
signature page show each fixed text in German first and then in their language, under "Die
deutsche Fassung ist verbindlich."; what was typed stays as typed; every character is printed
with a glyph of an embedded font (no missing-glyph boxes); Arabic and Persian paragraphs keep
their lines in reading order when they wrap. A German-only agreement prints as before.
"""

from __future__ import annotations

import io
import re
import subprocess
import unicodedata
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate
from test_pdf_language import fixed_case

from kooperation_desktop.domain.model import FAMILY_LANGUAGES
from kooperation_desktop.family_texts import BINDING, CONSENT_INTRO, catalogue, consent_lines, family_texts
from kooperation_desktop.pdf.family_copy import FamilyCopy
from kooperation_desktop.pdf.render import render_agreement_bytes
from kooperation_desktop.pdf.style import paragraph_styles


def drawn_glyphs(data: bytes, page_index: int = 0) -> tuple[list[tuple[str, str]], str]:
    """(font, character) of every character a page draws with a glyph its embedded font lacks
    (the font's .notdef box or an empty outline), and all characters the page draws."""
    reader = PdfReader(io.BytesIO(data))
    page = reader.pages[page_index]
    fonts: dict[str, tuple[str, dict[int, str], dict[int, str], object]] = {}
    for name, ref in page["/Resources"]["/Font"].items():
        font = ref.get_object()
        embedded = font["/FontDescriptor"].get_object()["/FontFile2"].get_object().get_data()
        tt = TTFont(io.BytesIO(embedded))
        cmap: dict[int, str] = {}
        for table in tt["cmap"].tables:
            cmap.update(table.cmap)
        to_unicode = font["/ToUnicode"].get_object().get_data().decode()
        chars = {int(code, 16): chr(int(u, 16)) for code, u in re.findall(r"<([0-9A-F]{2})> <([0-9A-F]{4})>",
                                                                         to_unicode)}
        fonts[name] = (str(font["/BaseFont"]), cmap, chars, tt["glyf"])
    bad: list[tuple[str, str]] = []
    drawn: list[str] = []
    current = None
    for operands, operator in ContentStream(page.get_contents(), reader).operations:
        if operator == b"Tf":
            current = fonts[operands[0]]
        elif operator in (b"Tj", b"TJ", b"'", b'"'):
            assert current is not None
            base, cmap, chars, glyf = current
            for item in (operands[0] if operator == b"TJ" else [operands[-1]]):
                if not hasattr(item, "original_bytes"):
                    continue  # a kerning number in TJ
                for code in item.original_bytes:
                    ch = chars.get(code, "\0")
                    drawn.append(ch)
                    glyph = cmap.get(code, ".notdef")
                    visible = not ch.isspace() and ch not in "\u200c\u200b"
                    if glyph == ".notdef" or (visible and glyf[glyph].numberOfContours == 0):  # type: ignore[index]
                        bad.append((base, ch))
    return bad, "".join(drawn)


def pdftotext(data: bytes, tmp_path: Path, first: int | None = None, last: int | None = None) -> str:
    path = tmp_path / "x.pdf"
    path.write_bytes(data)
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    return subprocess.run(["pdftotext", "-enc", "UTF-8", *pages, str(path), "-"], capture_output=True,
                          check=True).stdout.decode("utf-8")


def arabic_words(text: str) -> list[str]:
    """The Arabic-script words of ``text`` in the order they come (shaped forms as base letters,
    without punctuation and the zero-width non-joiner)."""
    text = unicodedata.normalize("NFKC", text).replace("\u200c", "")
    return "".join(ch if "\u0600" <= ch <= "\u06ff" and unicodedata.category(ch)[0] in "LM" else " "
                   for ch in text).split()


def rendered(language: str | None) -> bytes:
    case, agreement = fixed_case()
    agreement.family_language = language
    return render_agreement_bytes(case, agreement)


@pytest.fixture(scope="module")
def pdfs() -> dict[str | None, bytes]:
    return {language: rendered(language) for language in (None, *FAMILY_LANGUAGES)}


@pytest.mark.parametrize("language", FAMILY_LANGUAGES)
def test_every_language_renders_its_summary_page_without_tofu(pdfs, language: str) -> None:
    bad, drawn = drawn_glyphs(pdfs[language], 0)
    assert bad == [], f"{language}: Zeichen ohne Glyphe: {bad[:10]}"
    texts = family_texts(language)
    assert texts is not None
    heading = unicodedata.normalize("NFKC", texts("Das wollen wir erreichen"))
    flat = unicodedata.normalize("NFKC", drawn)
    if texts.rtl:  # drawn from left to right: each word of a right-to-left line with its letters reversed
        assert all(word[::-1] in flat for word in heading.split()), heading
    else:
        assert heading.replace(" ", "") in flat.replace(" ", "")


@pytest.mark.parametrize("language", FAMILY_LANGUAGES)
def test_consent_and_signature_pages_have_no_tofu_either(pdfs, language: str) -> None:
    pages = len(PdfReader(io.BytesIO(pdfs[language])).pages)
    for index in range(1, pages):
        assert drawn_glyphs(pdfs[language], index)[0] == [], (language, index + 1)


def test_the_family_copy_shows_german_first_then_the_translation(pdfs, tmp_path: Path) -> None:
    text = " ".join(pdftotext(pdfs["tr"], tmp_path).split())
    tr = catalogue("tr").texts
    pairs = [(BINDING, tr[BINDING]), ("Das wollen wir erreichen", tr["Das wollen wir erreichen"]),
             ("Einverständnis der Familie", tr["Einverständnis der Familie"]),
             (CONSENT_INTRO, tr[CONSENT_INTRO]),
             ("Ich kann jederzeit fragen, welche Daten über mich und meine Familie gespeichert sind.",
              tr["Ich kann jederzeit fragen, welche Daten über mich und meine Familie gespeichert sind."]),
             ("Ort, Datum", tr["Ort, Datum"]), ("Unterschrift", tr["Unterschrift"])]
    for german, turkish in pairs:
        at = text.find(german)
        assert at >= 0, german
        assert text.find(turkish, at + len(german)) > at, turkish
    assert "Wer hier unterschreibt, sagt Ja" in text and "Burada imza atan kişi bu anlaşmaya evet der " \
           "(Belge no. KV-2026-ABCDEF, Sürüm 1)." in text
    assert text.count(BINDING) == 3  # summary, consent, signatures
    # what was typed stays as typed (printed once, not translated)
    assert text.count("Ohne Streit los.") == 2  # the summary and the goals part, as in German
    assert text.count("Ohne Streit los.") == " ".join(pdftotext(pdfs[None], tmp_path).split()).count(
        "Ohne Streit los.")


def test_a_german_only_agreement_has_no_second_language_and_no_arabic_font(pdfs, tmp_path: Path) -> None:
    text = pdftotext(pdfs[None], tmp_path)
    assert BINDING not in text and "Bağlayıcı" not in text
    assert b"NotoSansArabic" not in pdfs[None] and b"NotoSansArabic" not in pdfs["tr"]
    assert b"NotoSansArabic" in pdfs["ar"] and b"NotoSansArabic" in pdfs["fa"]


LONGEST_CONSENT_LINE = max(consent_lines(), key=len)


@pytest.mark.parametrize("german", [CONSENT_INTRO, LONGEST_CONSENT_LINE], ids=["intro", "consent"])
@pytest.mark.parametrize("language", ["ar", "fa"])
def test_a_paragraph_over_several_lines_keeps_its_lines_in_reading_order(language: str, german: str,
                                                                         tmp_path: Path) -> None:
    """The known trap: reordering a whole paragraph and then wrapping it puts the lines in the
    wrong order (the end of the sentence on the first line). Here the paragraph is narrow enough
    for at least three lines; pdftotext must read the words back in the order they were written,
    and the first printed line must hold the first words. (The page holds only this paragraph: on a
    page that is mostly German, poppler reads every line left to right and so puts the sentences of
    a right-to-left line in the order they stand from the left.)"""
    texts = family_texts(language)
    assert texts is not None
    copy = FamilyCopy(texts)
    para = copy.para(german, paragraph_styles()["body"])
    assert para is not None
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=(90 * mm, 200 * mm), leftMargin=10 * mm, rightMargin=10 * mm,
                            topMargin=10 * mm, bottomMargin=10 * mm)
    doc.build([para])
    assert len(para.blPara.lines) >= 3
    expected = arabic_words(texts(german))
    lines = [line for line in pdftotext(buf.getvalue(), tmp_path).splitlines() if arabic_words(line)]
    assert len(lines) >= 3
    got = arabic_words("\n".join(lines))
    assert got == expected
    assert arabic_words(lines[0]) == expected[:len(arabic_words(lines[0]))]


def test_numbers_and_dates_stay_left_to_right_inside_arabic(tmp_path: Path) -> None:
    case, agreement = fixed_case()
    agreement.family_language = "ar"
    text = pdftotext(render_agreement_bytes(case, agreement), tmp_path, 1, 1)
    assert "05.01.2026" in text and "01.04.2026" in text and "KV-2026-ABCDEF" in text
    assert "2026.01.05" not in text and "6202" not in text


@pytest.mark.parametrize("language", ["ru", "fa"])
def test_a_full_summary_with_a_family_language_is_still_one_page(complete_case, language: str) -> None:
    """Twice the fixed text takes more room: what does not fit is left out (never printed smaller),
    and the note at the bottom says so in both languages."""
    import dataclasses

    from kooperation_desktop.domain.model import Task

    services, _cid, aid = complete_case
    case, agreement = services.agreements.document(aid)
    agreement.family_language = language
    mother = case.persons[0]
    agreement.tasks = [Task(agreement_id=aid, position=i, person_id=mother.id,
                            what=f"Aufgabe Nummer {i + 1}: " + "eine Beschreibung mit Worten " * 4)
                       for i in range(25)]
    agreement.goals = [dataclasses.replace(agreement.goals[0], client_words="Ziel " + "sehr lang " * 200)]
    data = render_agreement_bytes(case, agreement)
    reader = PdfReader(io.BytesIO(data))
    first = " ".join(reader.pages[0].extract_text().split())
    second = " ".join(reader.pages[1].extract_text().split())
    assert "Aufgabe Nummer 1:" in first and "Aufgabe Nummer 25:" not in first
    assert "Nicht alles passt auf diese Seite." in first and "weitere Aufgaben" in first
    assert "Wann sehen wir uns?" in first
    assert second.startswith("Kooperationsvereinbarung")  # the summary is exactly one page
    texts = family_texts(language)
    assert texts is not None
    if not texts.rtl:
        assert "Не всё поместилось на эту страницу." in first and "ещё задач:" in first
    assert drawn_glyphs(data, 0)[0] == []


def test_brackets_in_a_right_to_left_line_are_mirrored(pdfs) -> None:
    """"… بله می‌گوید (شماره سند KV-…، نسخه 1)." reads with the brackets facing the words they
    enclose: drawn from the left, „.(1“ at the line's end and „)“ right of „شماره“."""
    pages = len(PdfReader(io.BytesIO(pdfs["fa"])).pages)
    drawn = unicodedata.normalize("NFKC", drawn_glyphs(pdfs["fa"], pages - 1)[1])
    assert ".(1" in drawn and ".)1" not in drawn
    assert "هرامش)" in drawn and "هرامش(" not in drawn


def test_an_english_pdf_with_english_for_the_family_prints_english_once(tmp_path: Path) -> None:
    case, agreement = fixed_case()
    agreement.language, agreement.family_language = "en", "en"
    text = " ".join(pdftotext(render_agreement_bytes(case, agreement), tmp_path).split())
    assert "Our agreement – in short" in text and "Our agreement – in short Our agreement" not in text
    assert "The German version is binding." not in text
    agreement.family_language = "tr"  # English first, then Turkish, under the binding note in English
    text = " ".join(pdftotext(render_agreement_bytes(case, agreement), tmp_path).split())
    assert "The German version is binding. Bağlayıcı olan Almanca metindir." in text
    assert "When do we meet? Ne zaman görüşüyoruz?" in text
