"""The time frame (start, planned end, next review) and the transition: what follows the help,
who stays at the family's side, what the family then does itself."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from ..layout import Cell
from ..style import FRAME_W
from .context import AgreementContext

__all__ = ["timeframe_section"]


def timeframe_section(ctx: AgreementContext) -> list[Flowable]:
    agreement, tr, layout = ctx.agreement, ctx.texts, ctx.layout
    out: list[Flowable] = [*layout.heading(tr("Zeitrahmen und Übergang"))]
    rows: list[list[Cell]] = [
        [layout.para(escape(tr(label)), "cell_bold"), layout.para(escape(tr.date(value, tr("noch offen"))), "cell")]
        for label, value in (("Beginn", agreement.start_date), ("Geplantes Ende", agreement.planned_end),
                             ("Nächste Überprüfung", agreement.next_review))
    ]
    out += layout.table(None, rows, [62 * mm, FRAME_W - 62 * mm], label_column=True)
    out.append(Spacer(1, 6))
    out.append(layout.para(escape(tr(
        "Die Hilfe ist zeitlich begrenzt. Für die Zeit danach haben wir besprochen:")), "body"))
    parts = [
        (tr("Anschlussangebote"), agreement.transition_offers),
        (tr("Wer an der Seite der Familie bleibt"), agreement.transition_partners),
        (tr("Was die Familie dann selbst macht"), agreement.transition_self),
    ]
    for label, value in parts:
        out += layout.label(escape(label))
        out.append(layout.typed(value, "indent") if value.strip()
                   else layout.para(escape(tr("noch nicht besprochen")), "indent"))
    return out
