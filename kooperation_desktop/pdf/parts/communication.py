"""Meetings, feedback and reports: what, who (to whom), how often and the next date."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from ..layout import Cell
from ..style import FRAME_W
from ..usertext import user_text
from .context import AgreementContext

__all__ = ["communication_section"]


def communication_section(ctx: AgreementContext) -> list[Flowable]:
    tr, layout = ctx.texts, ctx.layout
    out: list[Flowable] = layout.heading(tr("Treffen, Rückmeldungen und Berichte"), keep=False)
    rows: list[list[Cell]] = []
    for rule in sorted(ctx.agreement.communication, key=lambda rule: rule.position):
        what: list[Flowable] = [layout.para(escape(tr.label(rule.kind)), "cell_bold")]
        if rule.what.strip():
            what.append(layout.typed(rule.what, "cell"))
        who: list[Flowable] = []
        if rule.who.strip():
            who.append(layout.typed(rule.who, "cell"))
        if rule.to_whom.strip():
            who.append(layout.para(f"<b>{escape(tr('an:'))}</b> {user_text(rule.to_whom)}", "cell"))
        rows.append([
            what,
            who or [layout.para("–", "cell_muted")],
            layout.typed(rule.rhythm, "cell") if rule.rhythm.strip() else layout.para("–", "cell_muted"),
            layout.para(escape(tr.date(rule.next_date, "–")), "cell"),
        ])
    if not rows:
        out.append(layout.para(escape(tr("Wir haben noch nicht vereinbart, wann wir uns treffen und wer wem "
                                         "berichtet.")), "body"))
        return out
    return layout.lead_in(out, layout.table(
        [tr("Was"), tr("Wer (an wen)"), tr("Wie oft"), tr("Nächster Termin")], rows,
        [54 * mm, 44 * mm, FRAME_W - 54 * mm - 44 * mm - 30 * mm, 30 * mm]))
