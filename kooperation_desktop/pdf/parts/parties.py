"""Who takes part: the family (each person with their role in the family) and the partners with
the family's consent, grouped by kind, each with their role in the cooperation."""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from kooperation_desktop.domain import rules
from kooperation_desktop.domain.model import PartnerKind

from ..style import FRAME_W
from .context import AgreementContext

__all__ = ["PARTNER_GROUPS", "parties_section"]

# the order and the (German) group titles of the partners
PARTNER_GROUPS: tuple[tuple[PartnerKind, str], ...] = (
    (PartnerKind.YOUTH_OFFICE, "Jugendamt (beauftragend)"),
    (PartnerKind.PROFESSIONAL, "Fachkraft (hilfeerbringend)"),
    # The family's own resources before professional ones (help is subsidiary).
    (PartnerKind.RESOURCE_INFORMAL, "Ressourcen im Umfeld der Familie"),
    (PartnerKind.RESOURCE_PROFESSIONAL, "Professionelle Ressourcen im Sozialraum"),
)


@dataclass(slots=True)
class _Party:
    name: str  # plain (unescaped) name
    role_label: str  # plain: "Mutter, personensorgeberechtigt", "Jugendamt (beauftragend)"
    details: list[str]  # plain lines: function, organisation, contact
    role_description: str  # plain, from agreement.roles
    signs: bool


def _groups(ctx: AgreementContext) -> list[tuple[str, list[_Party]]]:
    agreement, tr = ctx.agreement, ctx.texts
    person_roles: dict[int | None, list[str]] = {}
    partner_roles: dict[int | None, list[str]] = {}
    for role in agreement.roles:
        if not role.description.strip():
            continue
        if role.person_id is not None:
            person_roles.setdefault(role.person_id, []).append(role.description)
        elif role.partner_id in ctx.partner_ids:
            partner_roles.setdefault(role.partner_id, []).append(role.description)
    signing = {person.id for person in rules.family_signers(ctx.case, agreement)}
    family = [
        _Party(
            name=ctx.person_name(person), role_label=ctx.person_role_label(person), details=[],
            role_description="\n".join(person_roles.get(person.id, [])),
            signs=person.id in signing,
        )
        for person in ctx.case.persons
    ]
    groups: list[tuple[str, list[_Party]]] = [(tr("Familie"), family)]
    for kind, title in PARTNER_GROUPS:
        members = []
        for partner in ctx.partners:
            if partner.kind != kind:
                continue
            details = [partner.function, partner.organisation if partner.name.strip() else "", partner.contact]
            members.append(_Party(
                name=ctx.partner_name(partner), role_label=ctx.partner_role_label(partner),
                details=[line for line in details if line.strip()],
                role_description="\n".join(partner_roles.get(partner.id, [])), signs=True,
            ))
        groups.append((tr(title), members))
    return groups


def parties_section(ctx: AgreementContext) -> list[Flowable]:
    tr, layout = ctx.texts, ctx.layout
    out: list[Flowable] = []
    headings = layout.heading(tr("Wer an dieser Vereinbarung beteiligt ist"), keep=False)
    widths = [62 * mm, FRAME_W - 62 * mm]
    for index, (title, members) in enumerate(_groups(ctx)):
        if not members:
            continue
        headings.append(layout.para(escape(title), "h3"))
        rows = []
        for member in members:
            left = [layout.typed(member.name, "cell_bold")]
            if index == 0:  # the family: the role in the family under the name
                left.append(layout.typed(member.role_label, "cell_muted"))
            left += layout.lines(member.details, "cell_muted")
            right = [layout.typed(member.role_description, "cell")] if member.role_description.strip() else [
                layout.para(escape(tr("Rolle noch nicht beschrieben")), "cell_muted")]
            rows.append([left, right])
        out += layout.lead_in(headings, layout.table([tr("Name"), tr("Rolle in der Zusammenarbeit")], rows, widths))
        headings = []
    return out + headings
