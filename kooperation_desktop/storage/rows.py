"""SQLAlchemy 2.x ORM rows: one row class per domain entity.

Rows never leave :mod:`kooperation_desktop.storage`; :mod:`.mapping` converts them to and from
the domain dataclasses. Enums are stored as their string values (no CHECK constraints, so a new
enum value needs no migration). Datetimes are stored as naive UTC and returned as aware UTC.

Any change here needs a new Alembic migration in ``migrations/versions`` (a test compares both).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Date, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

# The feature row modules register their tables on the same Base. They import only .rows_base, never
# this module; this module imports them, so ``Base`` taken from here has every table in its metadata
# (migrations, the GDPR export and retention walk all tables) and every mapper to configure.
from . import rows_audit, rows_followup, rows_signing, rows_sync, rows_team
from .rows_base import Base as Base
from .rows_base import UTCDateTime as UTCDateTime
from .rows_base import edit_counter
from .rows_sync import Travelling

FEATURE_ROW_MODULES = (rows_audit, rows_followup, rows_signing, rows_sync, rows_team)


class CaseRow(Travelling, Base):
    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    row_version: Mapped[int] = edit_counter()
    __mapper_args__ = {"version_id_col": row_version}
    title: Mapped[str] = mapped_column(Text, default="")
    file_number: Mapped[str] = mapped_column(Text, default="")
    help_type: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(32), default="open")
    created_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    updated_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), index=True)
    # casefolded (NFKC) title, file number, help type and person names, for the case-list filter
    # folded (search.fold_for_search); indexed: counting the hits of a search scans this narrow
    # index instead of the whole table (filter-as-you-type at 50,000 cases)
    search_text: Mapped[str] = mapped_column(Text, default="", index=True)
    # team mode (the agency's server, migration 0014): the case's team and the colleague covering it
    # (a PostgreSQL role name); both NULL on the laptop's own database
    team_id: Mapped[int | None] = mapped_column(Integer, index=True)
    assigned_to: Mapped[str | None] = mapped_column(String(63), index=True)

    persons: Mapped[list[PersonRow]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="PersonRow.id"
    )
    partners: Mapped[list[PartnerRow]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="PartnerRow.id"
    )
    consents: Mapped[list[ConsentRow]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="ConsentRow.id"
    )
    agreements: Mapped[list[AgreementRow]] = relationship(
        back_populates="case",
        cascade="all, delete-orphan",
        order_by="(AgreementRow.version.desc(), AgreementRow.id.desc())",
    )


class PersonRow(Travelling, Base):
    __tablename__ = "persons"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    row_version: Mapped[int] = edit_counter()
    __mapper_args__ = {"version_id_col": row_version}
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    first_name: Mapped[str] = mapped_column(Text, default="")
    last_name: Mapped[str] = mapped_column(Text, default="")
    family_role: Mapped[str] = mapped_column(Text, default="")
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    is_guardian: Mapped[bool] = mapped_column(default=False)
    signs: Mapped[bool | None] = mapped_column(default=None)  # None: the default rule (rules.family_signers)

    case: Mapped[CaseRow] = relationship(back_populates="persons")


class PartnerRow(Travelling, Base):
    __tablename__ = "partners"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    row_version: Mapped[int] = edit_counter()
    __mapper_args__ = {"version_id_col": row_version}
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(Text, default="")
    organisation: Mapped[str] = mapped_column(Text, default="")
    function: Mapped[str] = mapped_column(Text, default="")
    contact: Mapped[str] = mapped_column(Text, default="")

    case: Mapped[CaseRow] = relationship(back_populates="partners")


class ConsentRow(Travelling, Base):
    __tablename__ = "consents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    row_version: Mapped[int] = edit_counter()
    __mapper_args__ = {"version_id_col": row_version}
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    # who consented; kept (NULL) if the person is deleted: the consent text stays provable
    person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="SET NULL"), index=True)
    # NULL = general consent; a partner's consent goes with the partner
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partners.id", ondelete="CASCADE"), index=True)
    categories: Mapped[str] = mapped_column(Text, default="")  # comma-separated InfoCategory values
    given_on: Mapped[dt.date | None] = mapped_column(Date)
    form: Mapped[str] = mapped_column(String(32))
    text_version: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    revoked_on: Mapped[dt.date | None] = mapped_column(Date)
    revocation_note: Mapped[str] = mapped_column(Text, default="")

    case: Mapped[CaseRow] = relationship(back_populates="consents")


class AgreementRow(Travelling, Base):
    __tablename__ = "agreements"
    __table_args__ = (Index("ix_agreements_case_id_status", "case_id", "status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    row_version: Mapped[int] = edit_counter()
    __mapper_args__ = {"version_id_col": row_version}
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(32), default="draft")
    document_id: Mapped[str] = mapped_column(String(64), index=True)
    title: Mapped[str] = mapped_column(Text, default="")
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    planned_end: Mapped[dt.date | None] = mapped_column(Date)
    next_review: Mapped[dt.date | None] = mapped_column(Date)
    mandate: Mapped[str] = mapped_column(Text, default="")
    goodwill: Mapped[str] = mapped_column(Text, default="")
    client_view: Mapped[str] = mapped_column(Text, default="")
    transition_offers: Mapped[str] = mapped_column(Text, default="")
    transition_partners: Mapped[str] = mapped_column(Text, default="")
    transition_self: Mapped[str] = mapped_column(Text, default="")
    # language of the PDF ("de", "en"); migration 0008
    language: Mapped[str] = mapped_column(String(8), default="de", server_default="de")
    wizard_step: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    finalised_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    content_hash: Mapped[str] = mapped_column(String(64), default="")
    # canonical JSON of the version as finalised (domain.serialize.freeze); "" for drafts
    frozen_content: Mapped[str] = mapped_column(Text, default="", server_default="")
    # the document number in the case file it was imported from, when it got a new one here; migration 0011
    original_document_id: Mapped[str] = mapped_column(String(64), default="", server_default="")
    predecessor_id: Mapped[int | None] = mapped_column(
        ForeignKey("agreements.id", ondelete="SET NULL"), index=True
    )

    case: Mapped[CaseRow] = relationship(back_populates="agreements")
    goals: Mapped[list[GoalRow]] = relationship(
        back_populates="agreement",
        cascade="all, delete-orphan",
        order_by="(GoalRow.position, GoalRow.id)",
    )
    roles: Mapped[list[RoleRow]] = relationship(
        back_populates="agreement", cascade="all, delete-orphan", order_by="RoleRow.id"
    )
    tasks: Mapped[list[TaskRow]] = relationship(
        back_populates="agreement",
        cascade="all, delete-orphan",
        order_by="(TaskRow.position, TaskRow.id)",
    )
    communication: Mapped[list[CommunicationRuleRow]] = relationship(
        back_populates="agreement",
        cascade="all, delete-orphan",
        order_by="(CommunicationRuleRow.position, CommunicationRuleRow.id)",
    )


class GoalRow(Travelling, Base):
    __tablename__ = "goals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    row_version: Mapped[int] = edit_counter()
    __mapper_args__ = {"version_id_col": row_version}
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    client_words: Mapped[str] = mapped_column(Text, default="")
    professional_wording: Mapped[str] = mapped_column(Text, default="")
    weight: Mapped[float] = mapped_column(Float, default=1.0)

    agreement: Mapped[AgreementRow] = relationship(back_populates="goals")
    indicators: Mapped[list[IndicatorRow]] = relationship(
        back_populates="goal",
        cascade="all, delete-orphan",
        order_by="(IndicatorRow.position, IndicatorRow.id)",
    )


class IndicatorRow(Travelling, Base):
    __tablename__ = "indicators"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    row_version: Mapped[int] = edit_counter()
    __mapper_args__ = {"version_id_col": row_version}
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    description: Mapped[str] = mapped_column(Text, default="")
    scale: Mapped[str] = mapped_column(String(32))
    level_texts: Mapped[list[str]] = mapped_column(JSON)  # 5 texts, index 0 = level -2
    baseline: Mapped[int | None] = mapped_column(Integer)
    target: Mapped[int | None] = mapped_column(Integer)

    goal: Mapped[GoalRow] = relationship(back_populates="indicators")


class RoleRow(Travelling, Base):
    __tablename__ = "roles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    row_version: Mapped[int] = edit_counter()
    __mapper_args__ = {"version_id_col": row_version}
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partners.id", ondelete="CASCADE"), index=True)
    description: Mapped[str] = mapped_column(Text, default="")

    agreement: Mapped[AgreementRow] = relationship(back_populates="roles")


class TaskRow(Travelling, Base):
    __tablename__ = "tasks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    row_version: Mapped[int] = edit_counter()
    __mapper_args__ = {"version_id_col": row_version}
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partners.id", ondelete="CASCADE"), index=True)
    what: Mapped[str] = mapped_column(Text, default="")
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    goal_id: Mapped[int | None] = mapped_column(ForeignKey("goals.id", ondelete="SET NULL"), index=True)

    agreement: Mapped[AgreementRow] = relationship(back_populates="tasks")


class CommunicationRuleRow(Travelling, Base):
    __tablename__ = "communication_rules"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    row_version: Mapped[int] = edit_counter()
    __mapper_args__ = {"version_id_col": row_version}
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(32))
    what: Mapped[str] = mapped_column(Text, default="")
    who: Mapped[str] = mapped_column(Text, default="")
    to_whom: Mapped[str] = mapped_column(Text, default="")
    rhythm: Mapped[str] = mapped_column(Text, default="")
    next_date: Mapped[dt.date | None] = mapped_column(Date)

    agreement: Mapped[AgreementRow] = relationship(back_populates="communication")
