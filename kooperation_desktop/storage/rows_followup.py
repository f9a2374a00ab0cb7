"""ORM rows of the follow-up (reviews, reflections, transition plans, items marked done).

A rating keeps the indicator's id *and* a copy of what was rated (goal title and weight, indicator
text, scale, level texts, baseline, target): no foreign key to the indicator, so a review stays
readable whatever happens to the agreement versions. Migration: ``versions/0004_followup.py``.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Date, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .rows_base import Base, UTCDateTime, edit_counter
from .rows_sync import Travelling


class ReviewRow(Travelling, Base):
    __tablename__ = "followup_reviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    row_version: Mapped[int] = edit_counter()
    __mapper_args__ = {"version_id_col": row_version}
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    agreement_id: Mapped[int | None] = mapped_column(ForeignKey("agreements.id", ondelete="SET NULL"), index=True)
    agreement_version: Mapped[int] = mapped_column(Integer, default=0)
    document_id: Mapped[str] = mapped_column(String(64), default="")
    held_on: Mapped[dt.date | None] = mapped_column(Date)
    present: Mapped[list[str]] = mapped_column(JSON)
    successes: Mapped[str] = mapped_column(Text, default="")
    obstacles: Mapped[str] = mapped_column(Text, default="")
    next_steps: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())

    ratings: Mapped[list[ReviewRatingRow]] = relationship(
        back_populates="review", cascade="all, delete-orphan",
        order_by="(ReviewRatingRow.position, ReviewRatingRow.id)",
    )


class ReviewRatingRow(Travelling, Base):
    __tablename__ = "followup_review_ratings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("followup_reviews.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    indicator_id: Mapped[int | None] = mapped_column(Integer)
    goal_id: Mapped[int | None] = mapped_column(Integer)
    goal_title: Mapped[str] = mapped_column(Text, default="")
    goal_weight: Mapped[float] = mapped_column(Float, default=1.0)
    indicator_text: Mapped[str] = mapped_column(Text, default="")
    scale: Mapped[str] = mapped_column(String(32))
    level_texts: Mapped[list[str]] = mapped_column(JSON)
    baseline: Mapped[int | None] = mapped_column(Integer)
    target: Mapped[int | None] = mapped_column(Integer)
    client_value: Mapped[int | None] = mapped_column(Integer)
    professional_value: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")

    review: Mapped[ReviewRow] = relationship(back_populates="ratings")


class ReflectionRow(Travelling, Base):
    __tablename__ = "followup_reflections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    row_version: Mapped[int] = edit_counter()
    __mapper_args__ = {"version_id_col": row_version}
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    agreement_id: Mapped[int | None] = mapped_column(ForeignKey("agreements.id", ondelete="SET NULL"), index=True)
    held_on: Mapped[dt.date | None] = mapped_column(Date)
    participants: Mapped[list[dict[str, str]]] = mapped_column(JSON)  # [{name, kind, ref}]
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())

    ratings: Mapped[list[ReflectionRatingRow]] = relationship(
        back_populates="reflection", cascade="all, delete-orphan", order_by="ReflectionRatingRow.id",
    )


class ReflectionRatingRow(Travelling, Base):
    __tablename__ = "followup_reflection_ratings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reflection_id: Mapped[int] = mapped_column(ForeignKey("followup_reflections.id", ondelete="CASCADE"),
                                               index=True)
    condition: Mapped[str] = mapped_column(String(1))
    participant: Mapped[str] = mapped_column(Text, default="")
    participant_kind: Mapped[str] = mapped_column(String(32))
    value: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")

    reflection: Mapped[ReflectionRow] = relationship(back_populates="ratings")


class TransitionPlanRow(Travelling, Base):
    __tablename__ = "followup_transition_plans"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    row_version: Mapped[int] = edit_counter()
    __mapper_args__ = {"version_id_col": row_version}
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    agreement_id: Mapped[int | None] = mapped_column(ForeignKey("agreements.id", ondelete="SET NULL"), index=True)
    offers: Mapped[str] = mapped_column(Text, default="")
    partners_kept: Mapped[str] = mapped_column(Text, default="")
    client_alone: Mapped[str] = mapped_column(Text, default="")
    agreed_on: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class DoneMarkRow(Travelling, Base):
    """A due item marked as done ("erledigt")."""

    __tablename__ = "followup_done"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(80))
    done_on: Mapped[dt.date | None] = mapped_column(Date)


class DueEntryRow(Base):
    """The due index: the next open date of every due source of an open case (derived data).

    Kept so the start screen asks one indexed query (``due_on <= today + 14 days``) instead of
    computing every case. Rows of a case are rebuilt by ``FollowUpService`` whenever the case has
    no :class:`DueStateRow` – which :mod:`.due_index` deletes on every change that can
    move a date (agreement, case, review, transition plan, done mark). Migration ``0007``.
    """

    __tablename__ = "followup_due_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    agreement_id: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(32))
    due_on: Mapped[dt.date] = mapped_column(Date, index=True)
    key: Mapped[str] = mapped_column(String(80))
    what: Mapped[str] = mapped_column(Text, default="")


class DueStateRow(Base):
    """A case whose due index (:class:`DueEntryRow`) is up to date."""

    __tablename__ = "followup_due_state"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    computed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
