"""The start of the agreement after the family summary: title, the case's name, the draft banner,
the document data (number, version, status, date, file number, kind of help) and the intro."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from kooperation_desktop.domain.model import AgreementStatus

from ..fonts import FONT
from ..style import DRAFT_RED, FRAME_W
from .context import AgreementContext

__all__ = ["cover"]


def cover(ctx: AgreementContext) -> list[Flowable]:
    agreement, case, tr, layout = ctx.agreement, ctx.case, ctx.texts, ctx.layout
    title = agreement.title.strip()
    if title in ("", "Kooperationsvereinbarung"):  # the default title is a fixed phrase
        title = tr("Kooperationsvereinbarung")
    out: list[Flowable] = [layout.typed(title, "title")]
    if case.title.strip():
        out.append(layout.typed(case.title, "subtitle"))
    if ctx.is_draft:
        out += [_draft_banner(ctx), Spacer(1, 8)]
        status = tr("ENTWURF – noch nicht abgeschlossen")
        date = tr.date(ctx.today)
        date_label = tr("Ausdruck vom")
    else:
        status = tr.label(agreement.status)
        final_day = agreement.finalised_at.date() if agreement.finalised_at else None
        date = tr.date(final_day or ctx.today)
        date_label = tr("Abgeschlossen am") if final_day else tr("Datum")
    if agreement.status == AgreementStatus.SUPERSEDED:
        out.append(layout.para("<b>" + escape(
            tr("Es gibt eine neuere Version. Diese Version gilt nicht mehr.")) + "</b>"))
    meta: list[tuple[str, Any]] = [
        (tr("Dokument-Nr."), agreement.document_id or "–"),
        (tr("Version"), str(agreement.version)),
        (tr("Stand"), status),
        (date_label, date),
    ]
    if case.file_number.strip():
        meta.append((tr("Aktenzeichen"), case.file_number))
    if case.help_type.strip():
        meta.append((tr("Hilfeart"), case.help_type))
    rows = [[layout.para(escape(key), "cell_bold"), layout.typed(value, "cell")] for key, value in meta]
    out += layout.table(None, rows, [45 * mm, FRAME_W - 45 * mm], label_column=True)
    out.append(Spacer(1, 6))
    out.append(layout.para(escape(tr(
        "Hier schreiben wir auf: Welche Ziele wollen wir gemeinsam erreichen? Woran merken wir, "
        "dass es vorangeht? Wer tut was dafür?"))))
    return out


def _draft_banner(ctx: AgreementContext) -> Table:
    tr, layout = ctx.texts, ctx.layout
    return Table(
        [[[layout.para(escape(tr("ENTWURF")), "draft"),
           layout.para(escape(tr("Diese Fassung ist noch nicht abgeschlossen. Sie gilt erst, wenn sie "
                                 "abgeschlossen und unterschrieben ist.")), "draft_note")]]],
        colWidths=[FRAME_W], hAlign="LEFT",
        style=TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("BOX", (0, 0), (-1, -1), 1.5, DRAFT_RED),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
        ]),
    )
