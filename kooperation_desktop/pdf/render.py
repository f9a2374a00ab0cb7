"""The agreement PDF (Kooperationsvereinbarung), rendered with reportlab's platypus.

Entry point (called by the services, the signing service and the preview):
:func:`render_agreement_bytes` returns the PDF as bytes; writing it to a file is
:mod:`kooperation_desktop.atomic`'s job.

The document is the family summary (:mod:`.summary`) followed by the agreement's parts
(:mod:`.parts`, one module each), built on the blocks of :mod:`.layout` in the styles of
:mod:`.style`, with the footer of :mod:`.page`.

Rules this package keeps:

* Only DejaVu Sans (embedded) is used, never a PDF base-14 font: names such as Ağrı Şükrü Çelik,
  Nguyễn Thị Minh Khai or Жанна Иванова print and extract correctly.
* Everything the user typed (the agreement's title too) goes through :func:`.usertext.user_text`,
  the one road of user text into every PDF: it is sanitised, Arabic/Hebrew runs are shaped and put
  in reading order, markup characters are escaped (``<b>`` prints as typed), line breaks are kept.
* Partners without the family's active consent (:func:`rules.partner_has_consent`) do not appear,
  nor do their roles and tasks.
* Long texts flow over pages: a table row that would be too tall is printed as flowing paragraphs
  instead (a table row cannot split over pages).
* The PDF metadata holds no names (title ``Kooperationsvereinbarung <document id>`` only).
* Fixed phrases are printed in the agreement's language (:attr:`Agreement.language`, German by
  default; see :mod:`.texts`); the user's own texts print as typed.
"""

from __future__ import annotations

import io

from reportlab.platypus import Flowable

from kooperation_desktop.domain.model import Agreement, AgreementStatus, Case
from kooperation_desktop.signing.parties import PartyMark, claim_keywords

from .fonts import register_fonts
from .page import agreement_footer, numbered_canvas
from .parts.communication import communication_section
from .parts.consent import consent_section
from .parts.context import AgreementContext
from .parts.cover import cover
from .parts.goals import goals_section
from .parts.goodwill import goodwill_section
from .parts.parties import parties_section
from .parts.roles_tasks import mandate_section, tasks_section
from .parts.signatures import signature_section
from .parts.timeframe import timeframe_section
from .style import FIRST_FRAME_H, FRAME_W, a4_document
from .summary import summary_flowables
from .texts import Texts, language_of
from .usertext import plain_text

__all__ = ["render_agreement_bytes"]

# the parts after the family summary, in the order they are printed
PARTS = (cover, parties_section, consent_section, goals_section, mandate_section, tasks_section,
         communication_section, timeframe_section, goodwill_section, signature_section)


def agreement_story(ctx: AgreementContext) -> list[Flowable]:
    """The family summary page, then every part of the agreement."""
    story: list[Flowable] = summary_flowables(ctx.case, ctx.agreement, FRAME_W, FIRST_FRAME_H, ctx.today,
                                              language=ctx.texts.language,
                                              family_language=ctx.agreement.family_language,
                                              context=ctx.layout.context)
    for part in PARTS:
        story += part(ctx)
    return story


def render_agreement_bytes(case: Case, agreement: Agreement,
                           signatures: dict[str, PartyMark] | None = None) -> bytes:
    """The agreement as a PDF (A4, DejaVu Sans embedded). ``signatures``: what each party's
    signature line shows (by SigningParty.key; None: empty lines to sign on paper)."""
    register_fonts()
    tr = Texts(language_of(agreement))
    buf = io.BytesIO()
    doc_id = plain_text(agreement.document_id).replace("\n", " ").strip()
    title = f"{tr('Kooperationsvereinbarung')} {doc_id}".strip()
    # which version this is (document id, version, SHA-256; no names): read back by "PDF prüfen"
    keywords = (claim_keywords(doc_id, agreement.version, agreement.content_hash)
                if agreement.status != AgreementStatus.DRAFT and agreement.content_hash else "")
    doc = a4_document(buf, title=title, subject=tr("Kooperationsvereinbarung"), keywords=keywords,
                      lang=tr.pdf_lang)
    left, second, draft = agreement_footer(case, agreement, tr)
    story = agreement_story(AgreementContext.of(case, agreement, marks=signatures))
    doc.build(story, canvasmaker=numbered_canvas(left, second, draft, tr))
    return buf.getvalue()
