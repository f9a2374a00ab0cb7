"""Seal a PDF (PAdES baseline B with pyHanko) and verify a sealed PDF.

Pure functions on bytes; the caller provides the signer (:func:`.certs.load_signer`) or the trust
roots (:func:`.certs.trust_roots`). The agreement a PDF claims to be (document id, version,
SHA-256 of the content) is read from the PDF's Info keywords as they were when sealed (see
:func:`claim_keywords`), never from names.

Verification never raises for a damaged file: whatever pyHanko cannot read or check is reported
as changed ("verändert"). Only an intact seal whose signature covers the entire file
(``SignatureCoverageLevel.ENTIRE_FILE``) counts as unchanged: pyHanko still calls a seal valid
when bytes were appended after it (coverage ``ENTIRE_REVISION``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..domain.labels import format_date
from .parties import claim_keywords

__all__ = ["Claim", "SealReport", "SealStatus", "claim_keywords", "parse_claim", "seal_pdf", "verify_pdf"]

STAMP_FIELD = "Siegel"

# the visible stamp: in the top margin of the first page (A4, points), above the family summary,
# inside the printable area (pdf/style.PRINT_SAFE from the edge; page 1 leaves room for it)
_MM = 72 / 25.4
STAMP_TOP_MM = 11.0  # the stamp's top edge below the paper's top edge
STAMP_H = 44.0  # points; page 1 of the agreement (pdf/style.py) starts its text below the stamp
STAMP_BOX = (20 * _MM, 841.89 - STAMP_TOP_MM * _MM - STAMP_H, 595.28 - 20 * _MM, 841.89 - STAMP_TOP_MM * _MM)


class SealStatus:
    """The verdicts a user reads (German)."""

    INTACT = "unverändert"
    CHANGED = "verändert"
    UNSEALED = "nicht versiegelt"
    UNREADABLE = "keine lesbare PDF-Datei"


@dataclass(frozen=True, slots=True)
class Claim:
    """Which agreement version a PDF says it is."""

    document_id: str
    version: int | None
    content_hash: str


@dataclass(slots=True)
class SealReport:
    """What :func:`verify_pdf` found (German texts in :meth:`lines`)."""

    status: str  # one of SealStatus
    signer: str = ""  # the certificate's subject (organisation)
    signed_at: dt.datetime | None = None  # the time the signer reported
    trusted: bool = False  # issued by this organisation's certificate (or its CA)
    covers_whole_file: bool = False
    claim: Claim | None = None
    problems: list[str] = field(default_factory=list)  # German, why not intact / not trusted

    @property
    def ok(self) -> bool:
        """An intact seal of a known issuer that covers the entire file."""
        return self.status == SealStatus.INTACT and self.trusted and self.covers_whole_file


_CLAIM = re.compile(r"Dokument-Nr\.\s*(?P<doc>[^;]*);\s*Version\s*(?P<ver>\d+);\s*SHA-256\s*(?P<hash>[0-9a-fA-F]{64})")


def parse_claim(keywords: str) -> Claim | None:
    m = _CLAIM.search(keywords or "")
    if not m:
        return None
    return Claim(m["doc"].strip(), int(m["ver"]), m["hash"].lower())


def local_time(value: dt.datetime) -> str:
    """TT.MM.JJJJ HH:MM Uhr in the computer's time zone."""
    local = value.astimezone()
    return f"{format_date(local.date())} {local:%H:%M} Uhr"


def stamp_text(organisation: str, when: dt.datetime, claim: Claim, subject: str = "Kooperationsvereinbarung") -> str:
    return (
        f"Digital versiegelt von {organisation} am {local_time(when)}\n"
        f"{subject} {claim.document_id}, Version {claim.version}\n"
        f"SHA-256 {claim.content_hash}\n"
        "Jede Änderung dieser Datei nach dem Versiegeln ist erkennbar (Prüfen: „PDF prüfen…“)."
    )


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """pyHanko and fontTools log validation details (with tracebacks) and font notes; the user
    gets our German report instead, and logs must not carry names from certificates."""
    loggers = [logging.getLogger(n) for n in ("pyhanko", "pyhanko_certvalidator", "fontTools")]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for lg, level in zip(loggers, levels, strict=True):
            lg.setLevel(level)


def _stamp_page(lines: list[str], width: float, height: float) -> bytes:
    """The visible stamp as a one-page PDF of the stamp's size (reportlab, DejaVu Sans embedded,
    so every name prints), imported by pyHanko as the signature field's appearance."""
    from reportlab.lib import colors
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    from ..pdf.fonts import FONT, FONT_BOLD, register_fonts
    from ..pdf.usertext import plain_text  # the one road of user text (the organisation's name)

    register_fonts()
    lines = [" ".join(plain_text(line).split("\n")) for line in lines]
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(width, height), initialFontName=FONT)
    c.setStrokeColor(colors.HexColor("#1F4E79"))
    c.setFillColor(colors.HexColor("#EEF3F8"))
    c.setLineWidth(1)
    c.roundRect(0.5, 0.5, width - 1, height - 1, 3, stroke=1, fill=1)
    pad, size = 6.0, 7.5
    for i, line in enumerate(lines):
        font = FONT_BOLD if i == 0 else FONT
        size = min(size, 7.5 * (width - 2 * pad) / max(stringWidth(line, font, 7.5), 1))
    leading = size * 1.25
    y = height - pad - size + 1
    c.setFillColor(colors.HexColor("#1A1A1A"))
    for i, line in enumerate(lines):
        c.setFont(FONT_BOLD if i == 0 else FONT, size)
        c.drawString(pad, y, line)
        y -= leading
    c.showPage()
    c.save()
    return buf.getvalue()


def seal_pdf(data: bytes, signer: Any, organisation: str, claim: Claim,
             when: dt.datetime | None = None, subject: str = "Kooperationsvereinbarung") -> bytes:
    """The PDF with a PAdES B-B signature of ``signer`` and a visible stamp on page 1 (``subject``:
    what the document is, e.g. "Entwicklungsbericht")."""
    from pyhanko.pdf_utils.content import PdfContent
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.layout import AxisAlignment, BoxConstraints, Margins, SimpleBoxLayoutRule
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign import fields, signers
    from pyhanko.stamp import StaticStampStyle

    class _StampPage(PdfContent):
        def __init__(self, page: bytes):
            super().__init__()
            self.page = page

        def render(self) -> bytes:
            xobj = self._ensure_writer.import_page_as_xobject(PdfFileReader(io.BytesIO(self.page)), page_ix=0)
            self.resources.xobject["/Stamp"] = xobj
            x1, y1, x2, y2 = xobj.get_object()["/BBox"]
            self.box = BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
            return b"/Stamp Do"

    when = when or dt.datetime.now(dt.UTC)
    x1, y1, x2, y2 = STAMP_BOX
    page = _stamp_page(stamp_text(organisation, when, claim, subject).split("\n"), x2 - x1, y2 - y1)
    with _quiet():
        style = StaticStampStyle(
            background=_StampPage(page), border_width=0, background_opacity=1.0,
            background_layout=SimpleBoxLayoutRule(x_align=AxisAlignment.ALIGN_MIN, y_align=AxisAlignment.ALIGN_MAX,
                                                  margins=Margins()),
        )
        writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
        meta = signers.PdfSignatureMetadata(
            field_name=STAMP_FIELD,
            subfilter=fields.SigSeedSubFilter.PADES,
            md_algorithm="sha256",
            reason=f"{subject}, Dokument-Nr. {claim.document_id}; Version {claim.version}; "
                   f"SHA-256 {claim.content_hash}",
            name=organisation,
        )
        pdf_signer = signers.PdfSigner(
            meta, signer=signer, stamp_style=style,
            # pyHanko annotates the box as ints; it takes PDF points, and the stamp's are fractional
            new_field_spec=fields.SigFieldSpec(sig_field_name=STAMP_FIELD, on_page=0, box=STAMP_BOX),  # type: ignore[arg-type]
        )
        out = io.BytesIO()
        pdf_signer.sign_pdf(writer, output=out, appearance_text_params=None)
    return out.getvalue()


def _subject(cert: Any) -> str:
    try:
        name = cert.subject.native
        return str(name.get("organization_name") or name.get("common_name") or cert.subject.human_friendly)
    except Exception:  # noqa: BLE001 - a strange subject must not stop the report
        return "unbekannt"


def _signed_claim(reader: Any, sig: Any) -> Claim | None:
    """The claim as it was in the sealed revision (appended updates cannot change it)."""
    try:
        hist = reader.get_historical_resolver(sig.signed_revision)
        info = hist.trailer_view.get("/Info")
        keywords = str(info.get_object().get("/Keywords", "")) if info is not None else ""
        claim = parse_claim(keywords)
        if claim is None:
            claim = parse_claim(str(sig.sig_object.get("/Reason", "")))
        return claim
    except Exception:  # noqa: BLE001 - an unreadable earlier revision: the seal is checked without its claim
        return None


def verify_pdf(data: bytes, trust_roots: list[Any]) -> SealReport:
    """Check the PDF's seal against ``trust_roots`` (the organisation's certificate(s))."""
    with _quiet():
        return _verify(data, trust_roots)


def _verify(data: bytes, trust_roots: list[Any]) -> SealReport:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    if not data.lstrip()[:5].startswith(b"%PDF"):
        return SealReport(SealStatus.UNREADABLE, problems=["Die Datei ist keine PDF-Datei."])
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        sigs = list(reader.embedded_signatures)
    except Exception:  # noqa: BLE001 - a damaged PDF is a changed PDF
        return SealReport(SealStatus.CHANGED, problems=[
            "Die Datei ist beschädigt oder wurde verändert: ihr Aufbau lässt sich nicht mehr lesen."])
    if not sigs:
        return SealReport(SealStatus.UNSEALED, problems=["Die Datei trägt kein digitales Siegel."])
    sig = sigs[0]
    report = SealReport(SealStatus.CHANGED, claim=_signed_claim(reader, sig))
    if len(sigs) > 1:
        report.problems.append("Die Datei trägt mehr als ein Siegel; geprüft wurde das erste.")
    try:
        report.signer = _subject(sig.signer_cert)
    except Exception:  # noqa: BLE001 - a certificate whose subject cannot be read: shown as unknown
        report.signer = "unbekannt"
    # only this folder's seal certificate (and its CA) is trusted, never the operating system's TLS
    # list: an empty list (a folder without a seal) trusts nobody, so the seal reads "unbekannter
    # Aussteller" ("None" would fall back to the system list, deprecated in pyHanko)
    vc = ValidationContext(trust_roots=list(trust_roots), allow_fetching=False)
    try:
        status = validate_pdf_signature(sig, vc)
    except (SignatureValidationError, ValueError, KeyError, TypeError) as exc:  # damaged signature blob
        report.problems.append(f"Die Signatur ist beschädigt ({type(exc).__name__}).")
        return report
    except Exception as exc:  # noqa: BLE001 - never crash on a file we are given
        report.problems.append(f"Die Signatur lässt sich nicht prüfen ({type(exc).__name__}).")
        return report
    report.signed_at = status.signer_reported_dt
    report.trusted = bool(status.trusted)
    report.covers_whole_file = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    if not status.intact or not status.valid:
        report.problems.append("Der versiegelte Inhalt stimmt nicht mehr mit der Signatur überein.")
        return report
    if not report.covers_whole_file:
        report.problems.append("Nach dem Versiegeln wurde etwas an die Datei angehängt.")
        return report
    report.status = SealStatus.INTACT
    if not report.trusted:
        report.problems.append("unbekannter Aussteller: das Siegel stammt nicht vom Zertifikat dieser Organisation.")
    return report
