"""Every typed text takes the same road into the PDF (issue 12).

Tricky strings — right-to-left (Hebrew, Arabic), combining marks typed separately (NFD), markup-like
text, a 300-character word, every control character, a tab, a zero-width joiner, an emoji beyond
the BMP — go into EVERY text field of a case, its agreement, a review, a reflection and the
transition plan at once. Each PDF kind (agreement, family summary page, review, closing report,
the seal's stamp) is rendered and its text extracted with ``pdftotext``: every field shows up as
typed (markup literally, right-to-left words in reading order and shaped, the emoji as itself),
no control characters, no placeholder, no layout error.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import io
import re
import subprocess
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from kooperation_desktop.followup.model import Participant, ParticipantKind, ReflectionRating
from kooperation_desktop.followup.reflection import CONDITIONS
from kooperation_desktop.followup.service import FollowUpService
from kooperation_desktop.pdf.fonts import fix_to_unicode_cmap
from kooperation_desktop.pdf.render import render_agreement_bytes
from kooperation_desktop.pdf.review import render_closing_report_bytes, render_review_bytes
from kooperation_desktop.signing.parties import PartyMark, signing_parties
from kooperation_desktop.signing.seal import Claim, _stamp_page, stamp_text

HEBREW = "שלום עולם"
ARABIC = "مرحبا بالعالم"
# \x00 … \x1f without the line breaks (\n, and \r, which the PDF keeps as a line break)
CONTROLS = "".join(chr(c) for c in range(0x20) if c not in (0x0A, 0x0D))
LONG_WORD = ("Kooperationsvereinbarungsfortschreibung" * 8)[:300]
MARKUP = "<b>x</b> & &amp; <br/> &lt;"
NFD_NAME = unicodedata.normalize("NFD", "Nguyễn")
ZWJ = "a\u200db"
EMOJI = "😊"

# fields that are not user text (keys, codes, machine values) and stay as they are
NOT_TEXT = {"language", "wizard_step", "content_hash", "document_id", "ref", "condition", "key"}


def tricky(tag: str) -> str:
    """One field's value: its tag on every line (to find it again), each tricky piece on a line."""
    return "\n".join([
        f"{tag}ctl{CONTROLS}end",
        f"{tag}{MARKUP}",
        f"{tag}{NFD_NAME}",
        f"{tag}{LONG_WORD}",
        f"{tag}{ZWJ}",
        f"{tag} {HEBREW}",
        f"{tag} {ARABIC}",
        f"{tag}{EMOJI}",
    ])


def expected_pieces(tag: str, narrow: bool = False) -> list[str]:
    """What each line of :func:`tricky` must look like in the extracted text (compared with
    :func:`squash`): control characters gone (tab is white space), markup as typed, right-to-left
    phrases in reading order (also where a narrow column wraps them). ``narrow``: a table column
    in which the long word runs over a page break; there its start is compared."""
    rtl = [HEBREW, ARABIC]
    # a long word in a narrow column that runs over a page break comes out interleaved with
    # the next column: there only its start is compared (the wide fields check it whole)
    long_word = LONG_WORD if not narrow else LONG_WORD[:12]
    return [squash(x) for x in (f"{tag}ctlend", f"{tag}{MARKUP}", f"{tag}Nguyễn", f"{tag}{long_word}",
                                f"{tag}{ZWJ}", *(f"{tag}{w}" for w in rtl),
                                f"{tag}{EMOJI}")]


PAGE_DECORATION = re.compile(
    r"^(Kooperationsvereinbarung KV-\S+ · Version \d+|SHA-256: [0-9a-f]{64}|Seite \d+ von \d+|ENTWURF|"
    r"Entwurf – nicht abgeschlossen|(Überprüfung|Abschlussbericht) · Kooperationsvereinbarung .*|"
    r"Erstellt am \d\d\.\d\d\.\d{4} mit Kooperation Desktop)$", re.MULTILINE)


def squash(text: str) -> str:
    """Compare texts without layout: no page footers (a long text runs on over a page break),
    compatibility forms (shaped Arabic letters) as base letters, no white space, no bidi embedding
    marks pdftotext adds around right-to-left runs."""
    text = PAGE_DECORATION.sub("", text)
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"[\s\u202a-\u202e\u2066-\u2069]", "", text)


class Tags:
    def __init__(self) -> None:
        self.by_path: dict[str, str] = {}

    def new(self, path: str) -> str:
        tag = f"Q{len(self.by_path):03d}q"
        self.by_path[path] = tag
        return tag


def fill(obj: Any, path: str, tags: Tags, seen: set[int] | None = None) -> None:
    """Put :func:`tricky` into every text field of ``obj`` and the dataclasses it holds."""
    seen = set() if seen is None else seen
    if id(obj) in seen:
        return
    seen.add(id(obj))
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        where = f"{path}.{f.name}"
        if f.name in NOT_TEXT or isinstance(value, enum.Enum):
            continue
        if isinstance(value, str):
            setattr(obj, f.name, tricky(tags.new(where)))
        elif isinstance(value, list) and value and all(isinstance(x, str) and not isinstance(x, enum.Enum)
                                                       for x in value):
            setattr(obj, f.name, [tricky(tags.new(f"{where}[{i}]")) for i in range(len(value))])
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if dataclasses.is_dataclass(item):
                    fill(item, f"{where}[{i}]", tags, seen)


def pdf_text(data: bytes, tmp_path: Path, name: str, first: int | None = None, last: int | None = None) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    return subprocess.run(["pdftotext", *pages, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def check_clean(text: str, what: str) -> None:
    bad = sorted({f"U+{ord(c):04X}" for c in text if unicodedata.category(c) == "Cc" and c not in "\n\f"})
    assert not bad, f"{what}: control characters {bad}"
    assert "\ufffd" not in text, f"{what}: a character printed as placeholder"
    flat = squash(text)
    assert squash(HEBREW[::-1]) not in flat and squash(ARABIC[::-1]) not in flat, f"{what}: RTL text reversed"
    # Arabic letters must be shaped (presentation forms), never the isolated base letters
    assert not re.search("[\u0621-\u064a]", text), f"{what}: Arabic letters not shaped"


def missing_pieces(text: str, tags: dict[str, str], narrow: str = "^$") -> dict[str, list[str]]:
    """The pieces of each tagged field not found in ``text``; fields whose path matches ``narrow``
    are printed in narrow table columns (see :func:`expected_pieces`)."""
    flat = squash(text)
    out: dict[str, list[str]] = {}
    for path, tag in tags.items():
        lost = [p for p in expected_pieces(tag, bool(re.search(narrow, path))) if p not in flat]
        if lost:
            out[path] = lost
    return out


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The complete case, finalised, with a review, a reflection and a transition plan; then every
    text field of all of them (in memory) holds :func:`tricky` with its own tag."""
    from helpers import build_complete_case

    from kooperation_desktop.services import Services

    with Services.open(tmp_path_factory.mktemp("road") / "data") as services:
        case_id, agreement_id = build_complete_case(services)
        services.agreements.finalise(agreement_id)
        follow = FollowUpService(services.db)
        review = follow.new_review(case_id, dt.date(2027, 3, 1))
        for r in review.ratings:
            r.client_value, r.professional_value = (1, 0) if r.scale == "gas" else (6, 5)
            r.note = "x"
        review.present = ["a", "b"]
        reflection = follow.new_reflection(case_id, dt.date(2027, 2, 20))
        reflection.participants = [Participant("p", ParticipantKind.FAMILY)]
        reflection.ratings = [ReflectionRating(c.key, "p", ParticipantKind.FAMILY, 1, note="n") for c in CONDITIONS]
        plan = follow.transition(case_id)
        plan.note = "n"
        case, agreement = services.agreements.document(agreement_id)
    tags = Tags()
    fill(case, "case", tags)
    fill(agreement, "agreement", tags)
    fill(review, "review", tags)
    fill(reflection, "reflection", tags)
    fill(plan, "plan", tags)
    for p in reflection.participants:  # the ratings name the participants as typed
        for r in reflection.ratings:
            r.participant = p.name
    # a signature drawn on screen, with the place typed under it
    png = io.BytesIO()
    Image.new("L", (120, 40), 255).save(png, "PNG")
    marks = {party.key: PartyMark(image_png=png.getvalue(), signed_on=dt.date(2026, 11, 26),
                                  place=tricky(tags.new(f"signature[{party.key}].place")))
             for party in signing_parties(case, agreement)}
    yield {"case": case, "agreement": agreement, "review": review, "reflection": reflection, "plan": plan,
           "tags": tags.by_path, "marks": marks}


def _select(tags: dict[str, str], *prefixes: str, without: tuple[str, ...] = ()) -> dict[str, str]:
    return {p: t for p, t in tags.items()
            if p.startswith(prefixes) and not any(re.search(w, p) for w in without)}


# what the agreement does not print, and why
NOT_IN_AGREEMENT = (
    r"consents\[\d+\]\.(note|revocation_note)$",  # internal notes
    r"partners\[3\]",  # the partner WITHOUT consent: must not appear at all (checked below)
)


def shown_levels(ratings: list[Any]) -> set[str]:
    """The GAS level texts a review or closing report shows: those of the levels rated or aimed at."""
    return {f"ratings[{i}].level_texts[{v + 2}]" for i, r in enumerate(ratings) if r.scale == "gas"
            for v in (r.baseline, r.client_value, r.professional_value, r.target) if v is not None}


def test_every_field_of_the_agreement_prints_as_typed(filled, tmp_path) -> None:
    case, agreement, tags = filled["case"], filled["agreement"], filled["tags"]
    data = render_agreement_bytes(case, agreement, signatures=filled["marks"])
    text = pdf_text(data, tmp_path, "vereinbarung.pdf")
    check_clean(text, "agreement")
    scales = [ind.scale for goal in agreement.goals for ind in goal.indicators]
    assert "gas" in scales and "scale_0_10" in scales
    expected = _select(tags, "case.", "agreement.", "signature[", without=NOT_IN_AGREEMENT + tuple(
        rf"goals\[{g}\]\.indicators\[{i}\]\.level_texts" for g, goal in enumerate(agreement.goals)
        for i, ind in enumerate(goal.indicators) if ind.scale != "gas"))  # level texts belong to GAS only
    assert "agreement.title" in expected and "agreement.mandate" in expected
    assert missing_pieces(text, expected) == {}
    # the partner without consent does not appear, nor her role or task
    hidden = case.partners[3]
    assert hidden.kind == "resource_professional"
    for path, tag in _select(tags, "case.partners[3]").items():
        assert tag not in text, path


def test_the_family_summary_page_takes_the_same_road(filled, tmp_path) -> None:
    case, agreement, tags = filled["case"], filled["agreement"], filled["tags"]
    text = pdf_text(render_agreement_bytes(case, agreement), tmp_path, "kurz.pdf", 1, 1)
    assert "Unsere Vereinbarung – kurz gesagt" in text
    check_clean(text, "summary")
    # the summary shortens long texts and leaves out what does not fit on the page, and says so
    # (everything follows in full on the next pages)
    assert missing_pieces(text, _select(tags, "case.title")) == {}
    assert "passt auf diese Seite" in " ".join(text.split())


def test_every_field_of_the_review_prints_as_typed(filled, tmp_path) -> None:
    case, review, reflection, tags = filled["case"], filled["review"], filled["reflection"], filled["tags"]
    text = pdf_text(render_review_bytes(case, review, [review], [reflection]), tmp_path, "review.pdf")
    check_clean(text, "review")
    expected = {**_select(tags, "review."), **_select(tags, "case.title", "case.file_number", "case.help_type"),
                **_select(tags, "reflection.participants"), **_select(tags, r"reflection.ratings[0].note")}
    levels = shown_levels(review.ratings)
    expected = {p: t for p, t in expected.items() if "level_texts" not in p or p.removeprefix("review.") in levels}
    assert missing_pieces(text, expected, narrow=r"level_texts") == {}


def test_every_field_of_the_closing_report_prints_as_typed(filled, tmp_path) -> None:
    case, agreement, review, reflection, plan, tags = (filled[k] for k in
                                                       ("case", "agreement", "review", "reflection", "plan", "tags"))
    text = pdf_text(render_closing_report_bytes(case, agreement, [review], [reflection], plan), tmp_path,
                    "abschluss.pdf")
    check_clean(text, "closing report")
    expected = {**_select(tags, "plan.offers", "plan.partners_kept", "plan.client_alone", "plan.note",
                          "review.successes", "review.ratings", "case.title", "case.file_number", "case.help_type",
                          "reflection.participants", "reflection.ratings[0].note")}
    levels = shown_levels(review.ratings)  # the report compares the first and the last review (here: one)
    expected = {p: t for p, t in expected.items()
                if not re.search(r"review\.ratings\[\d+\]\.(note|level_texts.*)$", p)
                or p.removeprefix("review.") in levels}
    assert missing_pieces(text, expected, narrow=r"level_texts") == {}


def test_the_seal_stamp_takes_the_same_road(tmp_path) -> None:
    organisation = f"Träger {HEBREW} {ARABIC} {NFD_NAME}{CONTROLS}<b>x</b> & &amp; {EMOJI}"
    lines = stamp_text(organisation, dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC),
                       Claim("KV-1", 1, "ab" * 32)).split("\n")
    text = pdf_text(_stamp_page(lines, 300, 80), tmp_path, "stempel.pdf")
    check_clean(text, "stamp")
    flat = squash(text)
    for piece in (HEBREW, ARABIC, "Nguyễn", "<b>x</b>&&amp;", EMOJI):
        assert squash(piece) in flat, piece


def test_emoji_beyond_the_bmp_copy_out_as_printed(tmp_path) -> None:
    """reportlab writes U+1F60A into the ToUnicode map as <1F60A>; readers took <1F60> ("ὠ").
    An emoji DejaVu Sans has prints and copies as itself; one it lacks (💙) prints as the visible
    placeholder "�" and copies as "�" too — never a box that copies as something else."""
    from kooperation_desktop.domain.model import Agreement, Case

    case = Case(id=1, title=f"Familie {EMOJI} 😀 Herz 💙 Ende")
    text = pdf_text(render_agreement_bytes(case, Agreement(id=1, case_id=1, document_id="KV-1")), tmp_path, "e.pdf")
    assert f"Familie {EMOJI} 😀 Herz \ufffd Ende" in text and "ὠ" not in text
    assert fix_to_unicode_cmap("<00> <0041>\n<01> <1F60A>\n<02> <10FFFD>") == \
        "<00> <0041>\n<01> <D83DDE0A>\n<02> <DBFFDFFD>"


def test_every_pdf_module_draws_paragraphs_through_the_road() -> None:
    """No PDF module builds a reportlab Paragraph directly (it would miss the line-wise reading order)."""
    import ast

    import kooperation_desktop.pdf as pdf_package

    folder = Path(pdf_package.__file__).parent
    for source in sorted(folder.rglob("*.py")):
        if source.name == "usertext.py":
            continue
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("reportlab.platypus"):
                assert "Paragraph" not in {a.name for a in node.names}, source.name
