"""Follow-up: reviews with ratings, reflections with ratings, transition plans, done marks.

Revision ID: 0004
Revises: 0002
Create Date: 2026-11-26 12:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None



def upgrade() -> None:
    op.create_table(
        "followup_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id", name="fk_followup_reviews_case_id_cases",
                                                         ondelete="CASCADE"), nullable=False),
        sa.Column("agreement_id", sa.Integer(), sa.ForeignKey(
            "agreements.id", name="fk_followup_reviews_agreement_id_agreements", ondelete="SET NULL"), nullable=True),
        sa.Column("agreement_version", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.String(64), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=True),
        sa.Column("present", sa.JSON(), nullable=False),
        sa.Column("successes", sa.Text(), nullable=False),
        sa.Column("obstacles", sa.Text(), nullable=False),
        sa.Column("next_steps", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_followup_reviews"),
    )
    op.create_index("ix_followup_reviews_case_id", "followup_reviews", ["case_id"])
    op.create_index("ix_followup_reviews_agreement_id", "followup_reviews", ["agreement_id"])

    op.create_table(
        "followup_review_ratings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), sa.ForeignKey(
            "followup_reviews.id", name="fk_followup_review_ratings_review_id_followup_reviews",
            ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("indicator_id", sa.Integer(), nullable=True),
        sa.Column("goal_id", sa.Integer(), nullable=True),
        sa.Column("goal_title", sa.Text(), nullable=False),
        sa.Column("goal_weight", sa.Float(), nullable=False),
        sa.Column("indicator_text", sa.Text(), nullable=False),
        sa.Column("scale", sa.String(32), nullable=False),
        sa.Column("level_texts", sa.JSON(), nullable=False),
        sa.Column("baseline", sa.Integer(), nullable=True),
        sa.Column("target", sa.Integer(), nullable=True),
        sa.Column("client_value", sa.Integer(), nullable=True),
        sa.Column("professional_value", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_followup_review_ratings"),
    )
    op.create_index("ix_followup_review_ratings_review_id", "followup_review_ratings", ["review_id"])

    op.create_table(
        "followup_reflections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id", name="fk_followup_reflections_case_id_cases",
                                                         ondelete="CASCADE"), nullable=False),
        sa.Column("agreement_id", sa.Integer(), sa.ForeignKey(
            "agreements.id", name="fk_followup_reflections_agreement_id_agreements", ondelete="SET NULL"),
            nullable=True),
        sa.Column("held_on", sa.Date(), nullable=True),
        sa.Column("participants", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_followup_reflections"),
    )
    op.create_index("ix_followup_reflections_case_id", "followup_reflections", ["case_id"])
    op.create_index("ix_followup_reflections_agreement_id", "followup_reflections", ["agreement_id"])

    op.create_table(
        "followup_reflection_ratings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reflection_id", sa.Integer(), sa.ForeignKey(
            # op.f: the name as the naming convention makes it (PostgreSQL shortens it to 63 characters)
            "followup_reflections.id", name=op.f("fk_followup_reflection_ratings_reflection_id_followup_reflections"),
            ondelete="CASCADE"), nullable=False),
        sa.Column("condition", sa.String(1), nullable=False),
        sa.Column("participant", sa.Text(), nullable=False),
        sa.Column("participant_kind", sa.String(32), nullable=False),
        sa.Column("value", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_followup_reflection_ratings"),
    )
    op.create_index("ix_followup_reflection_ratings_reflection_id", "followup_reflection_ratings",
                    ["reflection_id"])

    op.create_table(
        "followup_transition_plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey(
            "cases.id", name="fk_followup_transition_plans_case_id_cases", ondelete="CASCADE"), nullable=False),
        sa.Column("agreement_id", sa.Integer(), sa.ForeignKey(
            "agreements.id", name="fk_followup_transition_plans_agreement_id_agreements", ondelete="SET NULL"),
            nullable=True),
        sa.Column("offers", sa.Text(), nullable=False),
        sa.Column("partners_kept", sa.Text(), nullable=False),
        sa.Column("client_alone", sa.Text(), nullable=False),
        sa.Column("agreed_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_followup_transition_plans"),
    )
    op.create_index("ix_followup_transition_plans_case_id", "followup_transition_plans", ["case_id"])
    op.create_index("ix_followup_transition_plans_agreement_id", "followup_transition_plans", ["agreement_id"])

    op.create_table(
        "followup_done",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id", name="fk_followup_done_case_id_cases",
                                                         ondelete="CASCADE"), nullable=False),
        sa.Column("key", sa.String(80), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_followup_done"),
    )
    op.create_index("ix_followup_done_case_id", "followup_done", ["case_id"])


def downgrade() -> None:
    for table in ("followup_done", "followup_transition_plans", "followup_reflection_ratings",
                  "followup_reflections", "followup_review_ratings", "followup_reviews"):
        op.drop_table(table)
