"""The use cases the UI and the command line call, one small service per subject, each over one
open :class:`~kooperation_desktop.storage.database.Database`:

- :mod:`.cases` — create, change, list, find and delete cases;
- :mod:`.parties` — save and delete a case's or an agreement's entries (persons, partners,
  consents, goals, indicators, roles, tasks, communication rules);
- :mod:`.consent` — record and revoke consent, the consent text;
- :mod:`.agreements` — drafts, versions, checking, finalising, the printed document, PDF export.

Everything here takes and returns domain objects (:mod:`kooperation_desktop.domain.model`); no
SQLAlchemy row or query is written here (the repositories in :mod:`kooperation_desktop.storage`
do that). Each write is one short transaction. Rules are enforced by calling
:mod:`kooperation_desktop.domain.rules`; a refused use case raises
:class:`~kooperation_desktop.domain.rules.RuleViolation` carrying German messages
(:class:`~kooperation_desktop.domain.model.Problem` with a ``field`` naming the field, e.g.
``"baseline"``, ``"first_name"``, ``"party"``, ``"partner"``, ``"status"``). An id that does not
exist raises :class:`~kooperation_desktop.storage.database.NotFound` (a ``LookupError``).
"""
