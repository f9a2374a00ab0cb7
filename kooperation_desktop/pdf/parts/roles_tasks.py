"""The youth office's mandate and who does what: each task with its person or partner (partners
without the family's consent and their tasks do not appear), the goal it serves and until when."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from ..layout import Cell
from ..style import FRAME_W
from .context import AgreementContext

__all__ = ["mandate_section", "tasks_section"]


def mandate_section(ctx: AgreementContext) -> list[Flowable]:
    tr, layout = ctx.texts, ctx.layout
    out: list[Flowable] = [*layout.heading(tr("Auftrag des Jugendamts"))]
    if ctx.agreement.mandate.strip():
        out.append(layout.typed(ctx.agreement.mandate))
    else:
        out.append(layout.para(escape(tr("Der Auftrag des Jugendamts ist noch nicht beschrieben.")), "body"))
    return out


def _who(ctx: AgreementContext, person_id: int | None, partner_id: int | None) -> str | None:
    """Plain name of a task's party; None when it must not appear (no consent, unknown)."""
    if person_id is not None:
        person = ctx.case.person(person_id)
        return ctx.person_name(person) if person else None
    if partner_id is not None and partner_id in ctx.partner_ids:
        partner = ctx.case.partner(partner_id)
        return ctx.partner_name(partner) if partner else None
    return None


def tasks_section(ctx: AgreementContext) -> list[Flowable]:
    tr, layout = ctx.texts, ctx.layout
    out: list[Flowable] = layout.heading(tr("Wer macht was? Unsere Aufgaben"), keep=False)
    goal_numbers = {goal.id: number for number, goal in
                    enumerate(sorted(ctx.agreement.goals, key=lambda goal: goal.position), start=1)
                    if goal.id is not None}
    rows: list[list[Cell]] = []
    for task in sorted(ctx.agreement.tasks, key=lambda task: task.position):
        who = _who(ctx, task.person_id, task.partner_id)
        if who is None or not task.what.strip():
            continue
        what: list[Flowable] = [layout.typed(task.what, "cell")]
        if task.goal_id in goal_numbers:
            what.append(layout.para(escape(tr("zu Ziel {number}", number=goal_numbers[task.goal_id])),
                                    "cell_muted"))
        until = tr.date(task.due_date, tr("laufend"))
        rows.append([layout.typed(who, "cell_bold"), what, layout.para(escape(until), "cell")])
    if not rows:
        out.append(layout.para(escape(tr("Hier stehen noch keine Aufgaben.")), "body"))
        return out
    return layout.lead_in(out, layout.table([tr("Wer"), tr("Was"), tr("Bis wann")], rows,
                                            [48 * mm, FRAME_W - 48 * mm - 28 * mm, 28 * mm]))
