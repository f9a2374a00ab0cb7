"""Who signs an agreement, and what its PDF states about itself.

:func:`signing_parties` is the one list of parties that sign: the PDF's signature block
(:mod:`kooperation_desktop.pdf.render`) and the signing service both use it. Pure functions on
domain objects; no database, no Qt.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..domain import labels, rules
from ..domain.model import Agreement, Case, PartnerKind, Person

# the order of the PDF: family, youth office, professional, the family's own resources, professional ones
PARTNER_ORDER: tuple[PartnerKind, ...] = (
    PartnerKind.YOUTH_OFFICE,
    PartnerKind.PROFESSIONAL,
    PartnerKind.RESOURCE_INFORMAL,
    PartnerKind.RESOURCE_PROFESSIONAL,
)


@dataclass(frozen=True, slots=True)
class SigningParty:
    """One signature line of an agreement."""

    key: str  # "person:<id>" or "partner:<id>" (ids as in the version's frozen snapshot)
    name: str  # plain text, as printed
    role_label: str  # plain text, e.g. "Mutter, personensorgeberechtigt", "Jugendamt (beauftragend)"


@dataclass(frozen=True, slots=True)
class PartyMark:
    """What the PDF prints on a party's signature line (see pdf.render), as data: the renderer
    words it in the agreement's language."""

    image_png: bytes | None = None  # the signature drawn on screen
    place: str = ""  # on screen: the place typed under the signature ("Musterstadt")
    signed_on: dt.date | None = None  # the day signed (on screen, or as recorded for paper)
    on_paper: bool = False  # signs on the printed copy: "unterschreibt auf Papier" (signed_on None)
    #                         or "auf Papier unterschrieben am …" (signed_on set)


def person_key(person_id: int | None) -> str:
    return f"person:{person_id}"


def partner_key(partner_id: int | None) -> str:
    return f"partner:{partner_id}"


def signs_along(person: Person, agreement: Agreement) -> bool:
    """A child who signs "unterschreibt mit": under 18 when the version was finalised (a draft:
    today) and without custody."""
    return not person.is_guardian and rules.is_minor(person, rules.as_of(agreement) or dt.date.today())


def _person_role_label(p: Person, agreement: Agreement, language: str) -> str:
    return labels.person_role(p.family_role, p.is_guardian, language, signs_along=signs_along(p, agreement))


def signing_parties(case: Case, agreement: Agreement, language: str = "de") -> list[SigningParty]:
    """The parties that sign ``agreement``, in the order of the PDF's signature block:
    the family members chosen to sign (:func:`rules.family_signers`: by default everyone with
    custody or a task), then every partner with the family's active consent (youth office,
    professional, resources). Role labels in ``language`` (the UI's or the agreement's); names as typed."""
    out = [
        SigningParty(person_key(p.id), p.display_name or "(ohne Namen)", _person_role_label(p, agreement, language))
        for p in rules.family_signers(case, agreement)
    ]
    partners = [p for p in case.partners if rules.partner_has_consent(case, p, rules.as_of(agreement))]
    for kind in PARTNER_ORDER:
        for p in partners:
            if p.kind != kind:
                continue
            role = labels.label(p.kind, language, "")
            if p.function.strip():
                role = f"{role}, {p.function.strip()}"
            out.append(SigningParty(partner_key(p.id), p.name.strip() or p.organisation.strip() or "(ohne Namen)",
                                    role))
    return out


def claim_keywords(document_id: str, version: int, content_hash: str) -> str:
    """The PDF Info keywords that state which agreement version a PDF is (no names)."""
    return f"Kooperation Desktop; Dokument-Nr. {document_id}; Version {version}; SHA-256 {content_hash}"
