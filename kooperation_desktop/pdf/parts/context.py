"""What every part of the agreement PDF needs: the case and agreement as printed, the phrases in
the agreement's language, the partners that may appear, the signature marks and the layout."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable

from kooperation_desktop.domain import labels, rules
from kooperation_desktop.domain.model import Agreement, AgreementStatus, Case, Partner, Person
from kooperation_desktop.signing.parties import PartyMark

from ..family_copy import FamilyCopy, family_copy
from ..layout import Layout
from ..texts import Texts, language_of

__all__ = ["AgreementContext"]


@dataclass(slots=True)
class AgreementContext:
    case: Case
    agreement: Agreement
    texts: Texts
    today: dt.date
    marks: dict[str, PartyMark] | None  # party key -> what its signature line shows (None: empty lines)
    partners: list[Partner]  # only partners with the family's active consent appear
    partner_ids: set[int | None] = field(default_factory=set)
    layout: Layout = field(default_factory=Layout)
    family: FamilyCopy | None = None  # the family's language after each fixed text the family reads

    def second(self, first: list[Flowable], phrase: str, style: str = "body") -> list[Flowable]:
        """``first`` (showing the fixed ``phrase``, a :class:`..texts.Phrase` of :attr:`texts`), then
        with a family language the phrase's translation in (a variant of) ``style``."""
        if self.family is None:
            return first
        para = self.family.para(phrase, self.layout.styles[style])
        return first if para is None else [*first, para]

    def binding(self) -> list[Flowable]:
        """With a family language: „Die deutsche Fassung ist verbindlich.“ and its translation."""
        if self.family is None:
            return []
        binding = self.texts("Die deutsche Fassung ist verbindlich.")
        return self.second([self.layout.para(f"<b>{escape(binding)}</b>")], binding)

    @classmethod
    def of(cls, case: Case, agreement: Agreement, today: dt.date | None = None,
           marks: dict[str, PartyMark] | None = None) -> AgreementContext:
        partners = rules.consented_partners(case, rules.as_of(agreement))
        return cls(case=case, agreement=agreement, texts=Texts(language_of(agreement)),
                   today=today or dt.date.today(), marks=marks, partners=partners,
                   partner_ids={partner.id for partner in partners},
                   family=family_copy(agreement, printed_in=language_of(agreement)))

    @property
    def is_draft(self) -> bool:
        return self.agreement.status == AgreementStatus.DRAFT

    def person_name(self, person: Person) -> str:
        tr = self.texts
        return person.display_name or tr("(ohne Namen)")

    def partner_name(self, partner: Partner) -> str:
        tr = self.texts
        return partner.name.strip() or partner.organisation.strip() or tr("(ohne Namen)")

    def person_role_label(self, person: Person) -> str:
        return labels.person_role(person.family_role, person.is_guardian, self.texts.language)

    def partner_role_label(self, partner: Partner) -> str:
        role = self.texts.label(partner.kind, "")
        return f"{role}, {partner.function.strip()}" if partner.function.strip() else role
