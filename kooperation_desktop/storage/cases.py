"""The case repository: loading a case with its persons, partners, consents and agreement
summaries; the case list (filtered in SQL, page by page); inserting, updating, touching and
deleting cases."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    CursorResult,
    Integer,
    Select,
    and_,
    column,
    delete,
    func,
    literal_column,
    or_,
    select,
    table,
)
from sqlalchemy import update as sql_update
from sqlalchemy.orm import Session, selectinload

from ..domain.model import AgreementStatus, Case, CaseStatus, CaseSummary, Person
from . import mapping
from .database import NotFound, check_row_version
from .rows import AgreementRow, CaseRow, PersonRow
from .search import fold_for_search, search_text_of


def utc_now() -> dt.datetime:
    """The moment stored as "created"/"changed" (timezone-aware UTC)."""
    return dt.datetime.now(dt.UTC)


def not_found(what: str, ident: Any) -> NotFound:
    """The German "not found" error of an entity (``what``: "Fall", "Vereinbarung" ...)."""
    return NotFound(f"{what} (Nr. {ident}) wurde nicht gefunden.")


def _row(s: Session, case_id: int | None) -> CaseRow:
    row = s.get(CaseRow, case_id) if case_id is not None else None
    if row is None:
        raise not_found("Fall", case_id)
    return row


def find(s: Session, case_id: int | None) -> Case | None:
    """The case with persons, partners, consents and agreement summaries (newest first)."""
    row = s.scalar(
        select(CaseRow)
        .where(CaseRow.id == case_id)
        .options(
            selectinload(CaseRow.persons),
            selectinload(CaseRow.partners),
            selectinload(CaseRow.consents),
            selectinload(CaseRow.agreements),
        )
    )
    if row is None:
        return None
    case = mapping.to_domain(row)
    case.persons = [mapping.to_domain(r) for r in row.persons]
    case.partners = [mapping.to_domain(r) for r in row.partners]
    case.consents = [mapping.to_domain(r) for r in row.consents]
    case.agreements = [mapping.summary(r) for r in row.agreements]  # newest first (relationship order)
    return case


def get(s: Session, case_id: int | None) -> Case:
    """:func:`find`, or :class:`NotFound`."""
    case = find(s, case_id)
    if case is None:
        raise not_found("Fall", case_id)
    return case


def own(s: Session, case_id: int | None) -> Case:
    """The case's own fields only (its child lists empty); :class:`NotFound`."""
    return mapping.to_domain(_row(s, case_id))


def status(s: Session, case_id: int | None) -> CaseStatus:
    """The stored status of the case (:class:`NotFound` when there is none)."""
    return CaseStatus(_row(s, case_id).status)


def exists(s: Session, case_id: int | None) -> bool:
    return case_id is not None and s.get(CaseRow, case_id) is not None


def insert(s: Session, title: str, file_number: str, help_type: str) -> int:
    """A new open case; returns its id."""
    now = utc_now()
    row = CaseRow(title=title, file_number=file_number, help_type=help_type,
                  status=CaseStatus.OPEN.value, created_at=now, updated_at=now)
    row.search_text = search_text_of(title, file_number, help_type, [])
    s.add(row)
    s.flush()
    return row.id


def update(s: Session, case: Case) -> None:
    """Write the case's own fields (title, file number, help type, status) over the stored row;
    a stale copy raises :class:`~.database.ChangedElsewhere`."""
    row = _row(s, case.id)
    check_row_version(row, case.row_version)
    row.title, row.file_number, row.help_type = case.title, case.file_number, case.help_type
    row.status = CaseStatus(case.status).value
    touch(s, row.id, refresh_search=True)


def touch(s: Session, case_id: int | None, *, refresh_search: bool = False) -> None:
    """Mark the case as changed now (the list shows newest changes first); ``refresh_search``:
    its persons changed, fold its search text afresh."""
    row = _row(s, case_id)
    values: dict[str, Any] = {"updated_at": utc_now()}
    if refresh_search:
        s.flush()
        names = s.execute(select(PersonRow.first_name, PersonRow.last_name)
                          .where(PersonRow.case_id == row.id).order_by(PersonRow.id))
        values["search_text"] = search_text_of(row.title, row.file_number, row.help_type,
                                               [(first, last) for first, last in names])
    # bookkeeping, not an edit of the case: its version counter stays (a copy of the case
    # loaded before a person was added can still be saved)
    s.execute(sql_update(CaseRow).where(CaseRow.id == row.id).values(**values))


def delete_case(s: Session, case_id: int) -> bool:
    """Delete the case; the database's ON DELETE CASCADE removes its children (the ORM's own
    cascade would race it for rows reachable twice). False: there was no such case."""
    result = cast(CursorResult[Any], s.execute(delete(CaseRow).where(CaseRow.id == case_id)))
    return bool(result.rowcount)


def has_frozen_agreement(s: Session, case_id: int | None) -> bool:
    """True when an agreement of the case is no longer a draft (finalised, signed, superseded)."""
    return bool(s.scalar(select(func.count()).select_from(AgreementRow).where(
        AgreementRow.case_id == case_id, AgreementRow.status != AgreementStatus.DRAFT.value)))


# --- the case list -------------------------------------------------------------------------

def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def case_filter(filter_text: str) -> list[ColumnElement[bool]]:
    """SQL conditions: every whitespace-separated word of ``filter_text`` occurs in the case's
    folded title, file number, help type or person names (case- and diacritic-insensitive,
    :func:`~.search.fold_for_search`)."""
    return [CaseRow.search_text.like(f"%{_escape_like(word)}%", escape="\\")
            for word in fold_for_search(filter_text).split()]


# the trigram index of the search text (migration 0018; SQLite FTS5, kept by triggers on ``cases``)
_SEARCH_INDEX = table("cases_search", column("rowid", Integer))
TRIGRAM = 3  # the index finds words of at least this many letters


def _indexed(s: Session) -> bool:
    return s.get_bind().dialect.name == "sqlite"


def _match(words: list[str]) -> ColumnElement[bool]:
    """Every word a substring of the search text (FTS5 trigram phrases)."""
    query = " AND ".join('"' + w.replace('"', '""') + '"' for w in words)
    match: ColumnElement[bool] = literal_column("cases_search").op("MATCH")(query)
    return match


def indexed_filter(s: Session, filter_text: str) -> list[ColumnElement[bool]]:
    """The same cases as :func:`case_filter`, the words of three or more letters found through the
    trigram index (a search with few hits reads only its hits, not every case's text)."""
    words = fold_for_search(filter_text).split()
    long = [w for w in words if len(w) >= TRIGRAM] if _indexed(s) else []
    cond: list[ColumnElement[bool]] = [CaseRow.search_text.like(f"%{_escape_like(w)}%", escape="\\")
                                       for w in words if w not in long]
    if long:
        cond.append(CaseRow.id.in_(select(_SEARCH_INDEX.c.rowid).where(_match(long))))
    return cond


# a search with a word shorter than three letters is narrowed by the trigram index first when its longer words
# match at most this many cases (at 50,000 cases looking up this many cases costs about one pass over every
# case's search text; "az 51-2023-00": 1,429 cases looked up instead of 35,000 texts read)
NARROWED_HITS = 3_000


def count(s: Session, filter_text: str, at_most: int | None = None) -> int:
    """How many cases :func:`summaries` lists for ``filter_text``; with ``at_most`` counting stops there
    (``min(count, at_most)``: a search as you type of one letter matches nearly every case, and counting
    them all was the slowest keystroke at 50,000 cases).

    When every word has three or more letters the trigram index counts them. With a shorter word the
    trigram index narrows the cases first only when its words are rare (at most :data:`NARROWED_HITS`
    cases); otherwise one pass over the narrow search-text index counts, ending as soon as ``at_most``
    are found (measured at 50,000 cases: narrowing by the index costs more whenever its words are
    common, as a file number's digits are)."""
    words = fold_for_search(filter_text).split()
    long = [w for w in words if len(w) >= TRIGRAM] if _indexed(s) else []
    if words and len(long) == len(words):
        if at_most is None:
            return s.scalar(select(func.count()).select_from(_SEARCH_INDEX).where(_match(words))) or 0
        hits: Select[Any] = select(_SEARCH_INDEX.c.rowid).where(_match(words))
    elif long and _at_most(s, select(_SEARCH_INDEX.c.rowid).where(_match(long)), NARROWED_HITS + 1) <= NARROWED_HITS:
        hits = select(CaseRow.id).where(*indexed_filter(s, filter_text))
    else:
        hits = select(CaseRow.id).where(*case_filter(filter_text))
    return _at_most(s, hits, at_most)


def _at_most(s: Session, rows: Select[Any], at_most: int | None) -> int:
    """How many rows ``rows`` selects, counted up to ``at_most`` (None: all)."""
    if at_most is None:
        return s.scalar(select(func.count()).select_from(rows.subquery())) or 0
    return s.scalar(select(func.count()).select_from(rows.limit(at_most).subquery())) or 0


def position(s: Session, filter_text: str, case_id: int) -> int | None:
    """The row of ``case_id`` in :func:`summaries` for ``filter_text`` (None: not listed)."""
    cond = case_filter(filter_text)
    found = s.execute(select(CaseRow.updated_at).where(CaseRow.id == case_id, *cond)).first()
    if found is None:
        return None
    when = found[0]
    if when is None:  # NULLs sort last in a descending order
        before = or_(CaseRow.updated_at.is_not(None), and_(CaseRow.updated_at.is_(None), CaseRow.id > case_id))
    else:
        before = or_(CaseRow.updated_at > when, and_(CaseRow.updated_at == when, CaseRow.id > case_id))
    return s.scalar(select(func.count()).select_from(CaseRow).where(before, *cond)) or 0


# a search with at most this many hits reads its page through the search index (summaries(hits=…))
SPARSE_HITS = 1000


def summaries(s: Session, filter_text: str, limit: int | None, offset: int, *,
              hits: int | None = None) -> list[CaseSummary]:
    """The listed cases for ``filter_text``, newest change first; ``limit``/``offset``: one page.

    ``hits``: how many cases match, when the caller counted them (:func:`count`, also counted only up
    to an ``at_most`` above :data:`SPARSE_HITS`). The same list either way; with few hits (at most
    :data:`SPARSE_HITS`) the matches are found through the search index and sorted, instead of walking
    every case newest first until a page is full (a search with few or no hits would read all 50,000
    cases)."""
    cond = case_filter(filter_text)
    if cond and hits is not None and hits <= SPARSE_HITS:
        cond = [CaseRow.id.in_(select(CaseRow.id).where(*indexed_filter(s, filter_text)))]
    q = (select(CaseRow.id, CaseRow.title, CaseRow.file_number, CaseRow.help_type, CaseRow.status,
                CaseRow.updated_at)
         .where(*cond)
         .order_by(CaseRow.updated_at.desc(), CaseRow.id.desc()))
    if limit is not None:
        q = q.limit(limit).offset(offset)
    elif offset:
        q = q.offset(offset)
    # only the columns the list shows; related rows of just these cases
    cases = list(s.execute(q))
    names: dict[int, list[str]] = {c.id: [] for c in cases}
    latest: dict[int, tuple[str, int]] = {}
    if cases:
        # the whole list: a sub-select, not a list of thousands of ids
        of_these: Any = [c.id for c in cases] if limit is not None else select(CaseRow.id).where(
            *case_filter(filter_text))
        persons = (select(PersonRow.case_id, PersonRow.first_name, PersonRow.last_name)
                   .where(PersonRow.case_id.in_(of_these)).order_by(PersonRow.id))
        for case_id, first, last in s.execute(persons):
            name = Person(first_name=first, last_name=last).display_name
            if name:
                names[case_id].append(name)
        versions = (select(AgreementRow.case_id, AgreementRow.status, AgreementRow.version)
                    .where(AgreementRow.case_id.in_(of_these))
                    .order_by(AgreementRow.version, AgreementRow.id))
        for case_id, agreement_status, version in s.execute(versions):
            latest[case_id] = (agreement_status, version)
    return [
        CaseSummary(
            id=c.id,
            title=c.title,
            file_number=c.file_number,
            help_type=c.help_type,
            status=CaseStatus(c.status),
            person_names=", ".join(names[c.id]),
            latest_status=AgreementStatus(latest[c.id][0]) if c.id in latest else None,
            latest_version=latest[c.id][1] if c.id in latest else None,
            updated_at=c.updated_at,
        )
        for c in cases
    ]
