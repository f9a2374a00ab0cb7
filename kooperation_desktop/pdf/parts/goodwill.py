"""How we work together (the goodwill text, the shipped one in the agreement's language) and what
the family says about the agreement."""

from __future__ import annotations

from reportlab.platypus import Flowable

from ..texts import fixed_text
from .context import AgreementContext

__all__ = ["goodwill_section"]


def goodwill_section(ctx: AgreementContext) -> list[Flowable]:
    agreement, tr, layout = ctx.agreement, ctx.texts, ctx.layout
    out: list[Flowable] = []
    if agreement.goodwill.strip():
        out += layout.heading(tr("So arbeiten wir zusammen"))
        # the shipped goodwill text is a fixed text: printed in the agreement's language
        out.append(layout.typed(fixed_text("goodwill", agreement.goodwill, tr.language)))
    if agreement.client_view.strip():
        out += layout.heading(tr("Was die Familie dazu sagt"))
        out.append(layout.typed(agreement.client_view))
    return out
