"""Cases: create, change, find, list (filtered, page by page) and delete."""

from __future__ import annotations

from ..domain import rules
from ..domain.model import Case, CaseSummary
from ..protection import audit
from ..storage import cases as repo
from ..storage import retention as retention_store
from ..storage.database import Database


class CaseService:
    """The case use cases over one open database."""

    def __init__(self, db: Database):
        self.db = db

    def count(self, filter_text: str = "", at_most: int | None = None) -> int:
        """How many cases :meth:`list` lists for ``filter_text``; with ``at_most`` counted only up to
        there (``min(count, at_most)``: a search of one or two letters need not count 50,000 cases
        to say „mehr als 1.000“)."""
        rules.check_filter(filter_text)
        with self.db.reading() as s:
            return repo.count(s, filter_text, at_most)

    def position(self, filter_text: str, case_id: int) -> int | None:
        """The row of ``case_id`` in :meth:`list` for ``filter_text`` (None: not listed)."""
        rules.check_filter(filter_text)
        with self.db.reading() as s:
            return repo.position(s, filter_text, case_id)

    def list(self, filter_text: str = "", limit: int | None = None, offset: int = 0, *,
             hits: int | None = None) -> list[CaseSummary]:
        """Cases whose title, file number, help type or person names contain ``filter_text``
        (case- and diacritic-insensitive; every whitespace-separated word must occur), filtered
        in SQL; newest change first. ``limit``/``offset`` give one page of that list (the window
        loads the rows it shows, page by page); ``hits``: the count of :meth:`count`, when the caller
        has it (a search with few hits then reads its page through the search index). A filter longer than
        :data:`~kooperation_desktop.domain.limits.MAX_FILTER` is refused (RuleViolation)."""
        rules.check_filter(filter_text)
        with self.db.reading() as s:
            return repo.summaries(s, filter_text, limit, offset, hits=hits)

    def create(self, title: str, file_number: str = "", help_type: str = "") -> Case:
        rules.check_case_title(title)
        with self.db.transaction() as s:
            case_id = repo.insert(s, title, file_number, help_type)
        return self.get(case_id)

    def update(self, case: Case) -> Case:
        """Save the case's own fields (title, file_number, help_type, status). A closed case
        can only be re-opened."""
        rules.check_case_title(case.title)
        with self.db.transaction() as s:
            stored = repo.own(s, case.id)
            rules.check_case_change(stored, case)
            repo.update(s, case)
        assert case.id is not None  # it was found
        saved = self.get(case.id)
        case.row_version = saved.row_version  # the caller's copy is the stored state now
        return saved

    def get(self, case_id: int) -> Case:
        """The case with persons, partners, consents and agreement summaries (newest first)."""
        with self.db.reading() as s:
            return repo.get(s, case_id)

    def exists(self, case_id: int) -> bool:
        with self.db.reading() as s:
            return repo.exists(s, case_id)

    def is_covered(self, case_id: int) -> bool:
        """Team mode: this laptop's login only covers the case (holiday cover, ``cases.assigned_to``):
        the server takes none of its deletions — of the case or of any row in it (only the case's own
        team deletes). False on a laptop that is not in team mode."""
        with self.db.reading() as s:
            return case_id in retention_store.covered_cases(s)

    def delete(self, case_id: int) -> None:
        """Delete the case and everything in it (e.g. when the retention period is over)."""
        with self.db.transaction() as s:
            if repo.delete_case(s, case_id):
                # a Core delete passes the audit's session events by
                audit.write_entry(s, audit.DELETED, "cases", case_id, case_id)
