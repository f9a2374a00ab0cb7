"""Issue 13, point 6: every mark on every page stays at least 10 mm inside the paper's edge (most
printers cannot print the outer 4-5 mm): the sealed agreement (its seal stamp on page 1), a draft
(its "ENTWURF" mark), the review PDF and the closing report. Each page is rendered (pdftoppm, as a
printer driver would rasterise it) and the outer 10 mm band must be blank; the seal's widget
rectangle is checked as well."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from kooperation_desktop.followup.model import (
    Participant,
    ParticipantKind,
    ReflectionRating,
)
from kooperation_desktop.followup.reflection import CONDITIONS
from kooperation_desktop.followup.service import FollowUpService
from kooperation_desktop.signing.service import SigningService

DPI = 50
MM = 72 / 25.4  # points per millimetre
SAFE_MM = 10.0


def marks_in_the_border(pdf: Path, tmp_path: Path) -> list[str]:
    """Pages whose outer 10 mm band holds a non-white pixel, with where (empty: all clean)."""
    prefix = tmp_path / pdf.stem
    subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-png", str(pdf), str(prefix)], check=True)
    pages = sorted(tmp_path.glob(f"{pdf.stem}-*.png"))
    assert pages, pdf
    band = round(SAFE_MM / 25.4 * DPI)  # 10 mm in pixels
    found = []
    for number, png in enumerate(pages, start=1):
        image = Image.open(png).convert("L")
        w, h = image.size
        px = image.load()
        for y in range(h):
            inner_row = band <= y < h - band
            for x in range(w) if not inner_row else [*range(band), *range(w - band, w)]:
                if px[x, y] < 250:
                    found.append(f"{pdf.name} Seite {number}: ({x / DPI * 25.4:.1f} mm, {y / DPI * 25.4:.1f} mm)")
                    break
            if found and found[-1].startswith(f"{pdf.name} Seite {number}:"):
                break
    return found


@pytest.mark.slow  # every page rendered by pdftoppm (real processes)
def test_every_mark_of_every_pdf_stays_10_mm_inside_the_edge(complete_case, tmp_path: Path) -> None:
    services, case_id, agreement_id = complete_case
    draft = services.agreements.export_pdf(agreement_id, tmp_path / "entwurf.pdf")
    services.agreements.finalise(agreement_id)
    signing = SigningService(services.db)
    signing.set_up_seal("Familienhilfe Lindenhof e. V.", "siegel-passwort-1")
    sealed = signing.export(agreement_id, tmp_path / "versiegelt.pdf")
    assert sealed.sealed
    follow = FollowUpService(services.db)
    review = follow.new_review(case_id, dt.date(2027, 3, 1))
    review.ratings[0].client_value, review.ratings[0].professional_value = 1, 0
    review.successes = "Deniz war drei Wochen pünktlich."
    review = follow.save_review(review)
    reflection = follow.new_reflection(case_id, dt.date(2027, 2, 20))
    reflection.participants = [Participant("Ağrı Şükrü Çelik")]
    reflection.ratings = [ReflectionRating(c.key, "Ağrı Şükrü Çelik", ParticipantKind.FAMILY, 3) for c in CONDITIONS]
    follow.save_reflection(reflection)
    review_pdf = follow.export_review_pdf(review.id, tmp_path / "ueberpruefung.pdf")
    closing = follow.export_closing_report(case_id, tmp_path / "abschluss.pdf")

    pngs = tmp_path / "png"
    pngs.mkdir()
    problems = [p for pdf in (Path(draft), sealed.path, Path(review_pdf), Path(closing))
                for p in marks_in_the_border(pdf, pngs)]
    assert problems == []

    # the seal's visible stamp: its widget rectangle on page 1 lies inside the safe area
    reader = PdfReader(io.BytesIO(sealed.path.read_bytes()))
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    rects = [[float(v) for v in a.get_object()["/Rect"]] for a in reader.pages[0].get("/Annots", [])
             if a.get_object().get("/T") == "Siegel"]
    assert rects, "kein sichtbares Siegel auf Seite 1"
    x1, y1, x2, y2 = rects[0]
    safe = SAFE_MM * MM
    assert min(x1, x2) >= safe and max(x1, x2) <= width - safe
    assert min(y1, y2) >= safe and max(y1, y2) <= height - safe
