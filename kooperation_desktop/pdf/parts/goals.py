"""Our goals: each goal in the family's words and in professional wording, then its indicators
("woran wir merken …") with baseline and target; a goal-attainment scale (GAS) as a table of its
five levels with the baseline and target rows shaded."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from kooperation_desktop.domain.model import GAS_LEVELS, Indicator, ScaleKind
from kooperation_desktop.followup.gas import format_level

from ..layout import Cell
from ..style import BASELINE_BG, FRAME_W, TARGET_BG
from ..texts import Texts
from ..usertext import user_text
from .context import AgreementContext

__all__ = ["goals_section", "scale_value"]


def scale_value(tr: Texts, indicator: Indicator, value: int | None) -> str:
    """A baseline or target as printed: "+2" on a GAS, "3 von 10" on the 0-10 scale."""
    if value is None:
        return tr("noch offen")
    return format_level(value) if indicator.scale == ScaleKind.GAS else tr("{value} von 10", value=value)


def goals_section(ctx: AgreementContext) -> list[Flowable]:
    tr, layout = ctx.texts, ctx.layout
    out: list[Flowable] = []
    headings = layout.heading(tr("Unsere gemeinsamen Ziele"), keep=False)
    if not ctx.agreement.goals:
        out += [*headings, layout.para(escape(tr("Es ist noch kein Ziel eingetragen.")), "body")]
    half = FRAME_W / 2
    for goal_no, goal in enumerate(sorted(ctx.agreement.goals, key=lambda goal: goal.position), start=1):
        heading = layout.para(escape(tr("Ziel {number}", number=goal_no)), "h3")
        left = (layout.typed(goal.client_words, "cell") if goal.client_words.strip()
                else layout.para("–", "cell_muted"))
        right = (layout.typed(goal.professional_wording, "cell") if goal.professional_wording.strip()
                 else layout.para("–", "cell_muted"))
        table = layout.table([tr("In den Worten der Familie"), tr("Fachliche Formulierung")], [[left, right]],
                             [half, half])
        out += layout.lead_in([*headings, heading], table)
        headings = []
        indicators = sorted(goal.indicators, key=lambda indicator: indicator.position)
        for indicator_no, indicator in enumerate(indicators, start=1):
            # The lead-in stays with the first indicator.
            lead: list[Flowable] = [Spacer(1, 4), layout.para(escape(tr(
                "Woran wir merken, dass wir Ziel {number} näherkommen:", number=goal_no)), "label")]
            out += _indicator(ctx, f"{goal_no}.{indicator_no}", indicator, lead if indicator_no == 1 else [])
    return out


def _indicator(ctx: AgreementContext, number: str, indicator: Indicator, lead: list[Flowable]) -> list[Flowable]:
    tr, layout = ctx.texts, ctx.layout
    out: list[Flowable] = []
    description = user_text(indicator.description) if indicator.description.strip() else "–"
    head = layout.para(f"<b>{escape(tr('Indikator {number}:', number=number))}</b> {description}", "body")
    scale = (f"{escape(tr.label(indicator.scale))} · "
             f"<b>{escape(tr('Ausgangswert:'))}</b> {escape(scale_value(tr, indicator, indicator.baseline))} · "
             f"<b>{escape(tr('Ziel:'))}</b> {escape(scale_value(tr, indicator, indicator.target))}")
    scale_line = layout.para(scale, "indent")
    if indicator.scale != ScaleKind.GAS:
        legend = layout.para(escape(tr("0 = überhaupt nicht erreicht, 10 = vollständig erreicht")), "indent")
        out.append(KeepTogether([*lead, head, scale_line, legend]))
        out.append(Spacer(1, 4))
        return out
    rows: list[list[Cell]] = []
    backgrounds = []
    for level in reversed(GAS_LEVELS):
        text = indicator.level_text(level) if len(indicator.level_texts) == 5 else ""
        marks = []
        if indicator.baseline == level:
            marks.append(tr("Ausgangswert"))
        if indicator.target == level:
            marks.append(tr("Ziel"))
        rows.append([
            layout.para(escape(tr.gas_level(level)), "cell"),
            layout.typed(text, "cell") if text.strip() else layout.para("–", "cell_muted"),
            layout.para(escape(" · ".join(marks)), "cell_bold"),
        ])
        backgrounds.append(TARGET_BG if indicator.target == level
                           else BASELINE_BG if indicator.baseline == level else None)
    table = layout.table([tr("Stufe"), tr("Woran man das sieht"), ""], rows,
                         [46 * mm, FRAME_W - 46 * mm - 36 * mm, 36 * mm], row_backgrounds=backgrounds)
    if len(table) == 1:
        out.append(KeepTogether([*lead, head, scale_line, table[0]]))
    else:
        out += layout.lead_in([*lead, head, scale_line], table)
    out.append(Spacer(1, 6))
    return out
