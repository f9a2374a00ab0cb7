"""The signature lines: one per signing party (:func:`signing.parties.signing_parties`, the one list
of who signs), each showing the signature drawn on screen, „unterschreibt auf Papier“ / „auf
Papier unterschrieben am …“, or empty lines to sign on paper."""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, KeepTogether, Spacer, Table, TableStyle

from kooperation_desktop.signing.parties import PartyMark, signing_parties, signs_along

from ..fonts import FONT
from ..style import FRAME_H, FRAME_W, INK
from ..texts import Texts
from ..usertext import Paragraph, user_text
from .context import AgreementContext

__all__ = ["signature_section"]


def signature_section(ctx: AgreementContext) -> list[Flowable]:
    tr, layout, agreement = ctx.texts, ctx.layout, ctx.agreement
    heading = tr("Unterschriften")
    headings: list[Flowable] = ctx.second(layout.heading(heading, keep=False), heading, "h2")
    explanation = tr(
        "Wer hier unterschreibt, sagt Ja zu dieser Vereinbarung "
        "(Dokument-Nr. {doc}, Version {version}).", doc=agreement.document_id or "–", version=agreement.version)
    headings += ctx.second([layout.para(escape(explanation))], explanation)
    headings += ctx.binding()
    place_date, signature = tr("Ort, Datum"), tr("Unterschrift")
    blocks: list[Flowable] = []
    for party in signing_parties(ctx.case, agreement):
        place, sign, height = _signature_cells(ctx, ctx.marks.get(party.key) if ctx.marks else None)
        for cell, width in ((place, 62 * mm), (sign, FRAME_W - 70 * mm)):  # a long typed place: taller
            if isinstance(cell, Paragraph):
                height = max(height, cell.wrap(width, FRAME_H)[1] + 2)
        lines = Table(
            [[place, "", sign], [_cell(ctx.second([layout.para(escape(place_date), "sig")], place_date, "sig")), "",
                                 _cell(ctx.second([layout.para(escape(signature), "sig")], signature, "sig"))]],
            colWidths=[62 * mm, 8 * mm, FRAME_W - 70 * mm], rowHeights=[height, None], hAlign="LEFT",
            style=TableStyle([
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("LINEBELOW", (0, 0), (0, 0), 0.8, INK),
                ("LINEBELOW", (2, 0), (2, 0), 0.8, INK),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 1), (-1, 1), 2),
                ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 1),
            ]),
        )
        name, role_label = _signer_label(ctx, party.key, party.name, party.role_label)
        who = layout.para(f"<b>{user_text(name)}</b> – {user_text(role_label)}", "body")
        blocks.append(KeepTogether([Spacer(1, 6), lines, Spacer(1, 2), who]))
    return layout.lead_in(headings, blocks)


def _cell(flowables: list[Flowable]) -> Flowable | list[Flowable]:
    """A table cell: the one flowable itself (as before the family's copy), or the list."""
    return flowables[0] if len(flowables) == 1 else flowables


def _signer_label(ctx: AgreementContext, key: str, name: str, role_label: str) -> tuple[str, str]:
    """Name and role of a signature line in the agreement's language (signing/parties.py
    words them in German)."""
    tr = ctx.texts
    if tr.language == "de":
        return name, role_label
    kind, _, ident = key.partition(":")
    if kind == "person":
        person = next((person for person in ctx.case.persons if str(person.id) == ident), None)
        if person is not None:
            role = ctx.person_role_label(person)
            if signs_along(person, ctx.agreement):
                role = f"{role}, {tr('unterschreibt mit')}"
            return ctx.person_name(person), role
    elif kind == "partner":
        partner = next((partner for partner in ctx.case.partners if str(partner.id) == ident), None)
        if partner is not None:
            return ctx.partner_name(partner), ctx.partner_role_label(partner)
    return name, role_label


def _mark_text(tr: Texts, mark: PartyMark) -> str:
    """A signature line without an image, in the agreement's language: to sign on paper, or
    signed on paper on the recorded day."""
    if not mark.on_paper:
        return ""
    if mark.signed_on is None:
        return tr("unterschreibt auf Papier")
    return tr("auf Papier unterschrieben am {date}", date=tr.date(mark.signed_on))


def _signature_cells(ctx: AgreementContext, mark: PartyMark | None) -> tuple[Any, Any, float]:
    """(place/date cell, signature cell, line height) of one signature line: the image drawn on
    screen, a text such as „unterschreibt auf Papier“, or empty lines to sign on paper."""
    if mark is None:
        return "", "", 12 * mm
    if mark.image_png:
        image = Image(io.BytesIO(mark.image_png))
        max_width, max_height = FRAME_W - 70 * mm, 16 * mm
        scale = min(max_height / image.imageHeight, max_width / image.imageWidth)
        image.drawWidth, image.drawHeight = image.imageWidth * scale, image.imageHeight * scale
        image.hAlign = "LEFT"
        return ctx.layout.typed(f"{mark.place}, {ctx.texts.date(mark.signed_on)}", "cell"), image, 18 * mm
    return "", ctx.layout.typed(_mark_text(ctx.texts, mark), "sig"), 12 * mm
