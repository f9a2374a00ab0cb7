"""The family's consent: to the help and cooperation (general) and for each partner, which
information may be shared, when and how it was given, and the consent text itself (each version
once). Withdrawn or expired consents and partners without consent do not appear."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable

from kooperation_desktop.domain.model import Consent

from ..layout import Cell
from ..style import FRAME_W
from ..texts import consent_text, fixed_text
from .context import AgreementContext

__all__ = ["consent_section"]


def _active_consents(ctx: AgreementContext) -> list[Consent]:
    result = []
    for consent in ctx.case.consents:
        if not consent.is_active(ctx.today):
            continue
        if consent.partner_id is not None and consent.partner_id not in ctx.partner_ids:
            continue
        result.append(consent)
    # general consent first, then in the order of the partners
    order = {partner.id: index for index, partner in enumerate(ctx.partners)}
    return sorted(result, key=lambda consent: (consent.partner_id is not None, order.get(consent.partner_id, 0)))


def consent_section(ctx: AgreementContext) -> list[Flowable]:
    tr, layout = ctx.texts, ctx.layout
    heading = tr("Einverständnis der Familie")
    out: list[Flowable] = ctx.second(layout.heading(heading), heading, "h2")
    out += ctx.binding()
    consents = _active_consents(ctx)
    if not any(consent.partner_id is None for consent in consents):
        missing = tr("Hier fehlt noch das Ja der Familie zur Hilfe und zur Zusammenarbeit.")
        out += ctx.second([layout.para("<b>" + escape(missing) + "</b>")], missing)
    intro = tr(
        "Die Familie ist mit der Hilfe einverstanden. Die Fachkraft arbeitet dafür mit dem "
        "Jugendamt zusammen. Mit anderen Menschen und Stellen spricht sie nur, wenn die Familie "
        "Ja gesagt hat. Sie gibt ihnen nur das weiter, was hier steht. Die Familie sagt freiwillig "
        "Ja. Sie kann ihr Ja jederzeit zurücknehmen.")
    out += ctx.second([layout.para(escape(intro))], intro)
    if consents:
        rows: list[list[Cell]] = []
        for consent in consents:
            person = ctx.case.person(consent.person_id)
            who = ctx.person_name(person) if person else tr("Familie")
            to_whom: list[Flowable]
            categories: list[Flowable]
            if consent.partner_id is None:
                to_whom = [layout.para(escape(tr("Hilfe und Zusammenarbeit von Jugendamt und Fachkraft")), "cell")]
                categories = [layout.para("• " + escape(tr.label(category)), "cell_bullet")
                              for category in consent.categories] or [
                    layout.para(escape(tr("für die Hilfe nötige Informationen")), "cell")]
            else:
                partner = ctx.case.partner(consent.partner_id)
                assert partner is not None  # filtered in _active_consents
                to_whom = [layout.typed(partner.display_name or ctx.partner_name(partner), "cell")]
                categories = [layout.para("• " + escape(tr.label(category)), "cell_bullet")
                              for category in consent.categories]
            when: list[Flowable] = [layout.para(escape(tr.date(consent.given_on)), "cell"),
                                    layout.para(escape(tr.label(consent.form)), "cell_muted")]
            if consent.text_version.strip():
                when.append(layout.typed(tr("Text-Version {version}", version=consent.text_version.strip()),
                                         "cell_muted"))
            rows.append([layout.typed(who, "cell"), to_whom, categories, when])
        out += layout.table([tr("Wer hat zugestimmt"), tr("Für wen"), tr("Welche Informationen"),
                             tr("Wann und wie")], rows, [38 * mm, 46 * mm, 52 * mm, FRAME_W - 136 * mm])
    out += _consent_texts(ctx, consents)
    return out


def _consent_texts(ctx: AgreementContext, consents: list[Consent]) -> list[Flowable]:
    tr, layout = ctx.texts, ctx.layout
    default_version, default_body = consent_text(tr.language)
    seen: list[tuple[str, str]] = []
    for consent in consents:
        version = consent.text_version.strip()
        body = fixed_text("consent", consent.text, tr.language).strip()  # the shipped text in this language
        if not body and version in ("", default_version):
            version, body = default_version, default_body
        if body and (version, body) not in seen:
            seen.append((version, body))
    out: list[Flowable] = []
    for version, body in seen:
        title = tr("Der Text der Einverständniserklärung")
        label = str(title)
        if version:
            label += tr(" (Version {version})", version=version)
        out += ctx.second([CondPageBreak(30 * mm), layout.typed(label, "h3")], title, "h3")
        out.append(layout.typed(body, "indent"))
        out += _translated_body(ctx, body)
    return out


def _translated_body(ctx: AgreementContext, body: str) -> list[Flowable]:
    """The shipped consent text in the family's language, line by line (nothing for a text typed
    or changed by the user, or a wording the catalogue lacks)."""
    family = ctx.family
    if family is None:
        return []
    german = fixed_text("consent", body, "de").strip()
    lines = [line.strip() for line in german.splitlines() if line.strip()]
    translated = [family(line) for line in lines]
    if not lines or not all(translated):  # a typed text's lines are not in the catalogue
        return []
    style = ctx.layout.styles["indent"]
    return [para for text in translated if (para := family.text_para(text, style)) is not None]
