"""The use cases the UI and the command line call (the core's small service API).

Everything here takes and returns domain objects (:mod:`kooperation_desktop.domain.model`);
no SQLAlchemy row or Session ever leaves this layer. Each write is one short transaction.
Rules are enforced here by calling :mod:`kooperation_desktop.domain.rules`; a refused use case
raises :class:`~kooperation_desktop.domain.rules.RuleViolation` carrying German messages.

SPEC ONLY — implemented by the storage work package (see the method docstrings).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .domain.model import (
    Agreement,
    Case,
    CaseSummary,
    CommunicationRule,
    Consent,
    Goal,
    Indicator,
    Partner,
    Person,
    Problem,
    Role,
    Task,
)

Entity = Person | Partner | Consent | Goal | Indicator | Role | Task | CommunicationRule


class Services:
    """Facade over one database. Create with :meth:`open`."""

    @classmethod
    def open(cls, data_dir: Path) -> "Services":
        """Open (create and migrate with Alembic if needed) ``data_dir/kooperation.sqlite``."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    # --- cases -------------------------------------------------------------------------
    def list_cases(self, filter_text: str = "") -> list[CaseSummary]:
        """Cases whose title, file number, help type or person names contain ``filter_text``
        (case-insensitive), filtered in SQL; newest change first."""
        raise NotImplementedError

    def create_case(self, title: str, file_number: str = "", help_type: str = "") -> Case:
        raise NotImplementedError

    def update_case(self, case: Case) -> Case:
        """Save the case's own fields (title, file_number, help_type, status)."""
        raise NotImplementedError

    def get_case(self, case_id: int) -> Case:
        """The case with persons, partners, consents and agreement summaries (newest first)."""
        raise NotImplementedError

    # --- entities (persons, partners, consents, goals, indicators, roles, tasks, rules) -----
    def save(self, entity: Entity) -> Entity:
        """Insert (``id is None``) or update one entity's own fields; returns it with ``id`` set.

        Refused with RuleViolation when the entity belongs to an agreement that is not a draft,
        or when a Role/Task names a partner without the client's active consent.
        Validates what the user typed (e.g. indicator baseline in range) with German messages.
        """
        raise NotImplementedError

    def delete(self, entity: Entity) -> None:
        """Delete one entity (and its children, e.g. a goal's indicators). Same freeze rule."""
        raise NotImplementedError

    def record_consent(self, consent: Consent) -> Consent:
        """Store a consent; ``given_on`` defaults to today, ``text``/``text_version`` to the
        current consent text from resources if empty."""
        raise NotImplementedError

    def revoke_consent(self, consent_id: int, on: dt.date, note: str = "") -> list[Problem]:
        """Record the revocation; returns the affected draft/final agreements' problems."""
        raise NotImplementedError

    # --- agreements --------------------------------------------------------------------
    def current_draft(self, case_id: int) -> Agreement:
        """The case's draft agreement, creating version 1 (or a copy of the newest final
        version) if there is none."""
        raise NotImplementedError

    def get_agreement(self, agreement_id: int) -> Agreement:
        """The agreement with goals (with indicators), roles, tasks and communication rules."""
        raise NotImplementedError

    def update_agreement(self, agreement: Agreement) -> Agreement:
        """Save the agreement's own fields (dates, mandate, texts, wizard_step). Frozen → refused,
        except ``wizard_step``."""
        raise NotImplementedError

    def check(self, agreement_id: int) -> list[Problem]:
        """Completeness check: what is missing, in German (empty: complete)."""
        raise NotImplementedError

    def finalise(self, agreement_id: int) -> Agreement:
        """Freeze the version: status FINAL, finalised_at, content_hash = SHA-256 of the
        canonical content. Refused (RuleViolation) while :meth:`check` reports problems."""
        raise NotImplementedError

    def new_version(self, agreement_id: int) -> Agreement:
        """A new draft (version + 1, predecessor_id set) copying the frozen version's content;
        the old version stays untouched."""
        raise NotImplementedError

    def export_pdf(self, agreement_id: int, out: Path) -> Path:
        """Render the agreement (only consented partners) to ``out`` (written atomically)."""
        raise NotImplementedError
