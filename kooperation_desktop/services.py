"""The use cases the UI and the command line call (the core's small service API).

Everything here takes and returns domain objects (:mod:`kooperation_desktop.domain.model`);
no SQLAlchemy row or Session ever leaves this layer. Each write is one short transaction.
Rules are enforced here by calling :mod:`kooperation_desktop.domain.rules`; a refused use case
raises :class:`~kooperation_desktop.domain.rules.RuleViolation` carrying German messages
(:class:`~kooperation_desktop.domain.model.Problem` with a ``field`` naming the field, e.g.
``"baseline"``, ``"first_name"``, ``"party"``, ``"partner"``, ``"status"``).
An id that does not exist raises :class:`NotFound` (a ``LookupError``).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import math
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, delete, func, or_, select, update
from sqlalchemy.orm import Session

import resources

from .atomic import write_bytes
from .domain import limits, rules, serialize
from .domain.model import (
    Agreement,
    AgreementStatus,
    Case,
    CaseStatus,
    CaseSummary,
    CommunicationRule,
    Consent,
    Goal,
    Indicator,
    Partner,
    Person,
    Problem,
    Role,
    ScaleKind,
    Task,
)
from .domain.rules import RuleViolation
from .paths import guard_target
from .protection import audit, opener
from .storage import repository as repo
from .storage.database import (  # NotFound, ChangedElsewhere: part of this API (re-exported)
    CHANGED_ELSEWHERE,
    ChangedElsewhere,
    Database,
    NotFound,
    check_row_version,
)
from .storage.files import KeyState
from .storage.rows import (
    AgreementRow,
    CaseRow,
    ConsentRow,
    GoalRow,
    IndicatorRow,
    PersonRow,
    RoleRow,
    TaskRow,
)

if TYPE_CHECKING:
    from .protection.folder import FolderLock
    from .protection.vault import KeyState

__all__ = ["CHANGED_ELSEWHERE", "ChangedElsewhere", "Entity", "NotFound", "Services", "check_row_version",
           "get_consent_text", "validate"]

Entity = Person | Partner | Consent | Goal | Indicator | Role | Task | CommunicationRule

# a search with at most this many hits reads its page through the search index (list_cases(hits=…))
SPARSE_HITS = 1000
_AGREEMENT_CHILDREN = (Goal, Role, Task, CommunicationRule)
_CASE_CHILDREN = (Person, Partner, Consent)
# the agreement's own fields update_agreement() may change on a draft
_AGREEMENT_EDITABLE = ("title", "start_date", "planned_end", "next_review", "mandate", "goodwill",
                       "client_view", "transition_offers", "transition_partners", "transition_self", "language")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _not_found(what: str, ident: Any) -> NotFound:
    return NotFound(f"{what} (Nr. {ident}) wurde nicht gefunden.")


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def get_consent_text() -> tuple[str, str]:
    """(version, text) of the current consent text (resources/texts/consent_de.txt)."""
    raw = resources.text("texts", "consent_de.txt")
    first, _, rest = raw.partition("\n")
    if first.lower().startswith("version:"):
        return first.split(":", 1)[1].strip(), rest.strip()
    return "", raw.strip()


def validate(entity: Entity) -> list[Problem]:
    """What the user typed, checked field by field (German messages; empty list: fine)."""
    p: list[Problem] = []
    if isinstance(entity, Person):
        if not (entity.first_name.strip() or entity.last_name.strip()):
            p.append(Problem("first_name", "Bitte einen Vornamen oder Nachnamen eingeben."))
    elif isinstance(entity, Partner):
        if not (entity.name.strip() or entity.organisation.strip()):
            p.append(Problem("name", "Bitte einen Namen oder eine Einrichtung eingeben."))
    elif isinstance(entity, Consent):
        if entity.person_id is None:
            p.append(Problem("person_id", "Bitte angeben, wer aus der Familie das Einverständnis gegeben hat."))
        if entity.given_on and entity.given_on > dt.date.today():
            p.append(Problem("given_on", "Das Datum des Einverständnisses darf nicht in der Zukunft liegen."))
        if entity.revoked_on and entity.given_on and entity.revoked_on < entity.given_on:
            p.append(Problem("revoked_on", "Der Widerruf kann nicht vor dem Einverständnis liegen."))
    elif isinstance(entity, Goal):
        if not (isinstance(entity.weight, (int, float)) and math.isfinite(entity.weight) and entity.weight > 0):
            p.append(Problem("weight", "Die Gewichtung muss eine Zahl größer als 0 sein."))
    elif isinstance(entity, Indicator):
        lo, hi, label = (-2, 2, "−2 und +2") if entity.scale == ScaleKind.GAS else (0, 10, "0 und 10")
        for name, what in (("baseline", "Ausgangswert"), ("target", "Zielwert")):
            value = getattr(entity, name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi):
                p.append(Problem(name, f"Der {what} muss eine ganze Zahl zwischen {label} sein."))
        if len(entity.level_texts) != 5:
            p.append(Problem("level_texts", "Es müssen genau fünf Stufen (−2 bis +2) beschrieben sein."))
    elif isinstance(entity, (Role, Task)) and (entity.person_id is None) == (entity.partner_id is None):
        p.append(Problem("party", "Bitte genau eine Person der Familie oder eine Kooperationspartnerin / "
                                  "einen Kooperationspartner auswählen."))
    return p


class Services:
    """The use cases over one open :class:`~kooperation_desktop.storage.database.Database`.
    Create with :meth:`open` (or ``Services(db)``), end with :meth:`close`."""

    def __init__(self, db: Database):
        self.db = db

    @classmethod
    def open(cls, data_dir: Path, passphrase: str | None = None, *,
             lock: FolderLock | None = None) -> Services:
        """Services over a newly opened database (:func:`~kooperation_desktop.protection.opener.open_database`:
        set up, unlock, migrate, lock the folder; see there for ``passphrase``, ``lock`` and the
        errors raised)."""
        return cls(opener.open_database(data_dir, passphrase, lock=lock))

    @property
    def data_dir(self) -> Path:
        return self.db.data_dir

    @property
    def key_state(self) -> KeyState:
        """The unlocked key (``new_recovery_key``: a recovery key this opening made, to show)."""
        if self.db.key_state is None:
            raise RuntimeError("the database was opened without encryption")
        return self.db.key_state

    @property
    def folder_warning(self) -> str | None:
        """German, when others can read the data folder and its rights could not be tightened."""
        return self.db.folder_warning

    def close(self) -> None:
        """Close the database and give the data folder free (a second call does nothing more)."""
        self.db.close()

    def __enter__(self) -> Services:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _tx(self) -> contextlib.AbstractContextManager[Session]:
        return self.db.transaction()

    def _read(self) -> contextlib.AbstractContextManager[Session]:
        return self.db.reading()

    def atomic(self) -> contextlib.AbstractContextManager[None]:
        """Run several use cases of this thread as ONE transaction (:meth:`Database.atomic`)."""
        return self.db.atomic()

    def transaction(self) -> contextlib.AbstractContextManager[Session]:
        """One short write transaction, for the feature services (signing, follow-up, ...)
        that live in their own modules and share this database. Never hand the Session to ui/."""
        return self.db.transaction()

    def reading(self) -> contextlib.AbstractContextManager[Session]:
        """A read-only session, for the feature services."""
        return self.db.reading()

    # --- helpers -----------------------------------------------------------------------
    @staticmethod
    def _touch(s: Session, case_id: int, *, refresh_search: bool = False) -> None:
        row = s.get(CaseRow, case_id)
        if row is None:
            raise _not_found("Fall", case_id)
        values: dict[str, Any] = {"updated_at": _now()}
        if refresh_search:
            s.flush()
            persons = list(s.scalars(select(PersonRow).where(PersonRow.case_id == case_id).order_by(PersonRow.id)))
            values["search_text"] = repo.search_text(row, persons)
        # bookkeeping, not an edit of the case: its version counter stays (a copy of the case
        # loaded before a person was added can still be saved)
        s.execute(update(CaseRow).where(CaseRow.id == case_id).values(**values))

    @staticmethod
    def _case(s: Session, case_id: int) -> Case:
        case = repo.load_case(s, case_id)
        if case is None:
            raise _not_found("Fall", case_id)
        return case

    @staticmethod
    def _agreement(s: Session, agreement_id: int) -> Agreement:
        agreement = repo.load_agreement(s, agreement_id)
        if agreement is None:
            raise _not_found("Vereinbarung", agreement_id)
        return agreement

    @staticmethod
    def _agreement_row(s: Session, agreement_id: int | None) -> AgreementRow:
        row = s.get(AgreementRow, agreement_id) if agreement_id is not None else None
        if row is None:
            raise _not_found("Vereinbarung", agreement_id)
        return row

    def _owner_agreement(self, s: Session, entity: Entity) -> AgreementRow:
        """The agreement an agreement child (or an indicator, via its goal) belongs to."""
        if isinstance(entity, Indicator):
            goal = s.get(GoalRow, entity.goal_id) if entity.goal_id is not None else None
            if goal is None:
                raise _not_found("Ziel", entity.goal_id)
            return goal.agreement
        return self._agreement_row(s, entity.agreement_id)  # type: ignore[union-attr]

    @staticmethod
    def _check_row_editable(row: AgreementRow) -> None:
        rules.check_editable(repo.to_domain(Agreement, row))

    def _check_parties(self, s: Session, entity: Role | Task, agreement: AgreementRow, *, consent: bool = True) -> None:
        case = self._case(s, agreement.case_id)
        if entity.person_id is not None and case.person(entity.person_id) is None:
            raise RuleViolation(Problem("person", "Diese Person gehört nicht zu diesem Fall."))
        if consent:
            rules.check_partner_allowed(case, entity.partner_id)
        elif entity.partner_id is not None and case.partner(entity.partner_id) is None:
            raise RuleViolation(Problem("partner",
                                        "Diese Kooperationspartnerin / dieser Partner gehört nicht zu diesem Fall."))
        if isinstance(entity, Task) and entity.goal_id is not None:
            goal = s.get(GoalRow, entity.goal_id)
            if goal is None or goal.agreement_id != agreement.id:
                raise RuleViolation(Problem("goal_id", "Dieses Ziel gehört nicht zu dieser Vereinbarung."))

    def _check_case_refs(self, s: Session, entity: Consent) -> None:
        case = self._case(s, entity.case_id)  # type: ignore[arg-type]
        if entity.person_id is not None and case.person(entity.person_id) is None:
            raise RuleViolation(Problem("person_id", "Diese Person gehört nicht zu diesem Fall."))
        if entity.partner_id is not None and case.partner(entity.partner_id) is None:
            raise RuleViolation(Problem("partner_id",
                                        "Diese Kooperationspartnerin / dieser Partner gehört nicht zu diesem Fall."))

    # --- cases -------------------------------------------------------------------------
    @staticmethod
    def _case_filter(filter_text: str) -> list[Any]:
        """SQL conditions: every whitespace-separated word of ``filter_text`` occurs in the case's
        folded title, file number, help type or person names (case- and diacritic-insensitive,
        :func:`~kooperation_desktop.storage.repository.fold_for_search`). A text longer than
        :data:`~kooperation_desktop.domain.limits.MAX_FILTER` is refused (RuleViolation)."""
        if len(filter_text) > limits.MAX_FILTER:
            raise RuleViolation(Problem("filter", f"Der Suchtext ist zu lang ({len(filter_text):,} Zeichen; höchstens "
                                                  f"{limits.MAX_FILTER} Zeichen).".replace(",", ".")))
        return [CaseRow.search_text.like(f"%{_escape_like(word)}%", escape="\\")
                for word in repo.fold_for_search(filter_text).split()]

    def count_cases(self, filter_text: str = "") -> int:
        """How many cases :meth:`list_cases` lists for ``filter_text``."""
        with self._read() as s:
            return s.scalar(select(func.count()).select_from(CaseRow).where(*self._case_filter(filter_text))) or 0

    def case_position(self, filter_text: str, case_id: int) -> int | None:
        """The row of ``case_id`` in :meth:`list_cases` for ``filter_text`` (None: not listed)."""
        cond = self._case_filter(filter_text)
        with self._read() as s:
            found = s.execute(select(CaseRow.updated_at).where(CaseRow.id == case_id, *cond)).first()
            if found is None:
                return None
            when = found[0]
            if when is None:  # NULLs sort last in a descending order
                before = or_(CaseRow.updated_at.is_not(None), and_(CaseRow.updated_at.is_(None), CaseRow.id > case_id))
            else:
                before = or_(CaseRow.updated_at > when, and_(CaseRow.updated_at == when, CaseRow.id > case_id))
            return s.scalar(select(func.count()).select_from(CaseRow).where(before, *cond)) or 0

    def list_cases(self, filter_text: str = "", limit: int | None = None, offset: int = 0, *,
                   hits: int | None = None) -> list[CaseSummary]:
        """Cases whose title, file number, help type or person names contain ``filter_text``
        (case-insensitive, also beyond ASCII; every whitespace-separated word must occur),
        filtered in SQL; newest change first. ``limit``/``offset`` give one page of that list
        (the window loads the rows it shows, page by page).

        ``hits``: how many cases match, when the caller counted them (:meth:`count_cases`). The same
        list either way; with few hits (at most :data:`SPARSE_HITS`) the matches are found through
        the search index and sorted, instead of walking every case newest first until a page is
        full (a search with few or no hits would read all 50,000 cases)."""
        cond = self._case_filter(filter_text)
        if cond and hits is not None and hits <= SPARSE_HITS:
            cond = [CaseRow.id.in_(select(CaseRow.id).where(*cond))]
        q = (select(CaseRow.id, CaseRow.title, CaseRow.file_number, CaseRow.help_type, CaseRow.status,
                    CaseRow.updated_at)
             .where(*cond)
             .order_by(CaseRow.updated_at.desc(), CaseRow.id.desc()))
        if limit is not None:
            q = q.limit(limit).offset(offset)
        elif offset:
            q = q.offset(offset)
        with self._read() as s:
            # only the columns the list shows; related rows of just these cases
            cases = list(s.execute(q))
            names: dict[int, list[str]] = {c.id: [] for c in cases}
            latest: dict[int, tuple[str, int]] = {}
            if cases:
                if limit is not None:
                    of_these: Any = [c.id for c in cases]
                else:  # the whole list: a sub-select, not a list of thousands of ids
                    of_these = select(CaseRow.id).where(*self._case_filter(filter_text))
                persons = (select(PersonRow.case_id, PersonRow.first_name, PersonRow.last_name)
                           .where(PersonRow.case_id.in_(of_these)).order_by(PersonRow.id))
                for case_id, first, last in s.execute(persons):
                    name = Person(first_name=first, last_name=last).display_name
                    if name:
                        names[case_id].append(name)
                versions = (select(AgreementRow.case_id, AgreementRow.status, AgreementRow.version)
                            .where(AgreementRow.case_id.in_(of_these))
                            .order_by(AgreementRow.version, AgreementRow.id))
                for case_id, status, version in s.execute(versions):
                    latest[case_id] = (status, version)
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

    @staticmethod
    def _check_case(title: str) -> None:
        if not title.strip():
            raise RuleViolation(Problem("title", "Bitte einen Titel für den Fall eingeben, z. B. „Familie Çelik“."))

    def create_case(self, title: str, file_number: str = "", help_type: str = "") -> Case:
        self._check_case(title)
        with self._tx() as s:
            now = _now()
            row = CaseRow(title=title, file_number=file_number, help_type=help_type,
                          status=CaseStatus.OPEN.value, created_at=now, updated_at=now)
            row.search_text = repo.search_text(row, [])
            s.add(row)
            s.flush()
            case_id = row.id
        return self.get_case(case_id)

    def update_case(self, case: Case) -> Case:
        """Save the case's own fields (title, file_number, help_type, status)."""
        self._check_case(case.title)
        with self._tx() as s:
            row = s.get(CaseRow, case.id)
            if row is None:
                raise _not_found("Fall", case.id)
            check_row_version(row, case.row_version)
            row.title, row.file_number, row.help_type = case.title, case.file_number, case.help_type
            row.status = CaseStatus(case.status).value
            self._touch(s, row.id, refresh_search=True)
            case_id = row.id
        saved = self.get_case(case_id)
        case.row_version = saved.row_version  # the caller's copy is the stored state now
        return saved

    def get_case(self, case_id: int) -> Case:
        """The case with persons, partners, consents and agreement summaries (newest first)."""
        with self._read() as s:
            return self._case(s, case_id)

    def delete_case(self, case_id: int) -> None:
        """Delete the case and everything in it (e.g. when the retention period is over)."""
        with self._tx() as s:
            # the database's ON DELETE CASCADE removes the children (the ORM's own cascade would
            # race it for rows reachable twice, e.g. a role via its agreement and its partner)
            if s.execute(delete(CaseRow).where(CaseRow.id == case_id)).rowcount:
                # a Core delete passes the audit's session events by
                audit.write_entry(s, audit.DELETED, "cases", case_id, case_id)

    # --- entities (persons, partners, consents, goals, indicators, roles, tasks, rules) -----
    def save(self, entity: Entity) -> Entity:
        """Insert (``id is None``) or update one entity's own fields; returns it with ``id`` set
        (the same object). Children (a goal's indicators) are not saved with it.

        Refused with RuleViolation when the entity belongs to an agreement that is not a draft,
        or when a Role/Task names a partner without the client's active consent.
        Validates what the user typed (e.g. indicator baseline in range) with German messages.
        A new Consent gets the defaults of :meth:`record_consent`.
        """
        if isinstance(entity, Consent) and entity.id is None:
            self._consent_defaults(entity)
        problems = validate(entity)
        if problems:
            raise RuleViolation(problems)
        row_cls = repo.ROW_OF[type(entity)]
        with self._tx() as s:
            row = None
            if entity.id is not None:
                row = s.get(row_cls, entity.id)
                if row is None:
                    raise _not_found("Eintrag", entity.id)
            if isinstance(entity, _CASE_CHILDREN):
                if row is not None and row.case_id != entity.case_id:
                    raise RuleViolation(Problem("case_id",
                                                "Ein Eintrag kann nicht in einen anderen Fall verschoben werden."))
                if s.get(CaseRow, entity.case_id) is None:
                    raise _not_found("Fall", entity.case_id)
                if isinstance(entity, Consent):
                    self._check_case_refs(s, entity)
                    if row is not None:
                        self._check_consent_change(s, row, entity)
                case_id = entity.case_id
            else:
                agreement = self._owner_agreement(s, entity)
                self._check_row_editable(agreement)
                if row is not None:
                    old = (row.goal.agreement if isinstance(row, IndicatorRow) else row.agreement)
                    if old.id != agreement.id:
                        raise RuleViolation(Problem(
                            "agreement_id", "Ein Eintrag kann nicht in eine andere Vereinbarung verschoben werden."))
                if isinstance(entity, (Role, Task)):
                    self._check_parties(s, entity, agreement)
                case_id = agreement.case_id
            if row is None:
                row = repo.new_row(entity)
                s.add(row)
            else:
                check_row_version(row, entity.row_version)
                repo.copy_to_row(entity, row)
            s.flush()
            entity.id = row.id
            entity.row_version = row.row_version
            self._touch(s, case_id, refresh_search=isinstance(entity, Person))  # type: ignore[arg-type]
        return entity

    def add_imported_parties(self, roles: list[Role], tasks: list[Task]) -> None:
        """Store new roles and tasks of a draft as a case file has them (importing): the checks of
        :meth:`save` except the partner's consent today. Whether the partners had consent is judged
        when the version is finalised, as of its own day (:meth:`finalise` with ``at``); a version
        that stays a draft lists a missing consent in :meth:`check`."""
        entities: list[Role | Task] = [*roles, *tasks]
        for entity in entities:
            problems = validate(entity)
            if problems:
                raise RuleViolation(problems)
        if not entities:
            return
        with self._tx() as s:
            for entity in entities:
                agreement = self._owner_agreement(s, entity)
                self._check_row_editable(agreement)
                self._check_parties(s, entity, agreement, consent=False)
                row = repo.new_row(entity)
                s.add(row)
                s.flush()
                entity.id = row.id
            self._touch(s, agreement.case_id)

    def delete(self, entity: Entity) -> None:
        """Delete one entity (and its children, e.g. a goal's indicators). Same freeze rule.

        A person or partner named in a frozen agreement cannot be deleted; their roles and tasks
        in a draft go with them. A consent cannot be deleted once an agreement of the case was
        finalised (revoke it instead).
        """
        if entity.id is None:
            return
        row_cls = repo.ROW_OF[type(entity)]
        with self._tx() as s:
            row = s.get(row_cls, entity.id)
            if row is None:
                return
            if isinstance(entity, (Person, Partner)):
                col = "person_id" if isinstance(entity, Person) else "partner_id"
                frozen = s.scalar(
                    select(func.count()).select_from(AgreementRow).where(
                        AgreementRow.status != AgreementStatus.DRAFT.value,
                        or_(
                            AgreementRow.id.in_(select(RoleRow.agreement_id).where(getattr(RoleRow, col) == entity.id)),
                            AgreementRow.id.in_(select(TaskRow.agreement_id).where(getattr(TaskRow, col) == entity.id)),
                        ),
                    )
                )
                if frozen:
                    raise RuleViolation(Problem(
                        "status",
                        "Dieser Eintrag ist Teil einer abgeschlossenen Vereinbarung und kann nicht gelöscht werden.",
                    ))
                case_id = row.case_id
                consents = s.scalar(select(func.count()).select_from(ConsentRow).where(
                    getattr(ConsentRow, col) == entity.id))
                any_frozen = s.scalar(select(func.count()).select_from(AgreementRow).where(
                    AgreementRow.case_id == case_id, AgreementRow.status != AgreementStatus.DRAFT.value))
                if consents and any_frozen:
                    raise RuleViolation(Problem(
                        "status",
                        "Zu diesem Eintrag gehört ein Einverständnis, auf dem eine abgeschlossene Vereinbarung "
                        "beruht. Er kann deshalb nicht gelöscht werden (ein Einverständnis kann widerrufen werden).",
                    ))
            elif isinstance(entity, Consent):
                case_id = row.case_id
                frozen = s.scalar(select(func.count()).select_from(AgreementRow).where(
                    AgreementRow.case_id == case_id, AgreementRow.status != AgreementStatus.DRAFT.value))
                if frozen:
                    raise RuleViolation(Problem(
                        "status",
                        "Auf diesem Einverständnis beruht eine abgeschlossene Vereinbarung. "
                        "Es kann nicht gelöscht, nur widerrufen werden.",
                    ))
            else:
                agreement = row.goal.agreement if isinstance(row, IndicatorRow) else row.agreement
                self._check_row_editable(agreement)
                case_id = agreement.case_id
            s.delete(row)
            s.flush()
            self._touch(s, case_id, refresh_search=isinstance(entity, Person))

    @staticmethod
    def _check_consent_change(s: Session, row: ConsentRow, consent: Consent) -> None:
        """Once an agreement of the case was finalised, what was consented to stays as recorded
        (provable consent); only the note may change, revocation goes through revoke_consent()."""
        frozen = s.scalar(select(func.count()).select_from(AgreementRow).where(
            AgreementRow.case_id == row.case_id, AgreementRow.status != AgreementStatus.DRAFT.value))
        if not frozen:
            return
        new = repo.copy_to_row(consent, ConsentRow())
        fixed = ("person_id", "partner_id", "categories", "given_on", "form", "text_version", "text",
                 "revoked_on", "revocation_note")
        if any(getattr(new, f) != getattr(row, f) for f in fixed):
            raise RuleViolation(Problem(
                "status",
                "Auf diesem Einverständnis beruht eine abgeschlossene Vereinbarung. Es bleibt so, wie es "
                "erteilt wurde; ein Widerruf ist jederzeit möglich.",
            ))

    @staticmethod
    def _consent_defaults(consent: Consent) -> None:
        if consent.given_on is None:
            consent.given_on = dt.date.today()
        if not consent.text.strip():
            consent.text_version, consent.text = get_consent_text()

    def record_consent(self, consent: Consent) -> Consent:
        """Store a consent; ``given_on`` defaults to today, ``text``/``text_version`` to the
        current consent text from resources if empty."""
        self._consent_defaults(consent)
        return self.save(consent)  # type: ignore[return-value]

    def get_consent_text(self) -> tuple[str, str]:
        """(version, text) of the current consent text to show / read out."""
        return get_consent_text()

    def revoke_consent(self, consent_id: int, on: dt.date, note: str = "") -> list[Problem]:
        """Record the revocation; returns the affected draft/final agreements' problems
        (each message starts with the agreement's version, e.g. „Version 2 (Entwurf): …“)."""
        with self._tx() as s:
            row = s.get(ConsentRow, consent_id)
            if row is None:
                raise _not_found("Einverständnis", consent_id)
            if on > dt.date.today():
                raise RuleViolation(Problem("revoked_on", "Ein Widerruf gilt ab dem Tag, an dem er erklärt wird: "
                                                          "das Datum darf nicht in der Zukunft liegen."))
            if row.given_on is not None and on < row.given_on:
                raise RuleViolation(Problem("revoked_on", "Der Widerruf kann nicht vor dem Einverständnis liegen."))
            row.revoked_on = on
            row.revocation_note = note
            case_id = row.case_id
            self._touch(s, case_id)
        problems: list[Problem] = []
        when = max(on, dt.date.today())
        with self._read() as s:
            case = self._case(s, case_id)
            for summ in case.agreements:
                if summ.status not in (AgreementStatus.DRAFT, AgreementStatus.FINAL, AgreementStatus.SIGNED):
                    continue
                agreement = self._agreement(s, summ.id)
                label = "Entwurf" if summ.status == AgreementStatus.DRAFT else "abgeschlossen"
                for p in rules.consent_problems(case, agreement, when):
                    problems.append(dataclasses.replace(p, message=f"Version {summ.version} ({label}): {p.message}"))
        return problems

    # --- agreements --------------------------------------------------------------------
    def current_draft(self, case_id: int) -> Agreement:
        """The case's draft agreement, creating version 1 (or a copy of the newest final
        version) if there is none."""
        with self._tx() as s:
            if s.get(CaseRow, case_id) is None:
                raise _not_found("Fall", case_id)
            newest = s.scalars(select(AgreementRow).where(AgreementRow.case_id == case_id)
                               .order_by(AgreementRow.version.desc(), AgreementRow.id.desc())).all()
            draft = next((a for a in newest if a.status == AgreementStatus.DRAFT.value), None)
            if draft is not None:
                return self._agreement(s, draft.id)
            if not newest:
                row = AgreementRow(
                    case_id=case_id,
                    version=1,
                    status=AgreementStatus.DRAFT.value,
                    document_id=self._new_document_id(s),
                    title=Agreement().title,
                    start_date=dt.date.today(),
                    goodwill=resources.text("texts", "goodwill_de.txt").strip(),
                    created_at=_now(),
                )
                s.add(row)
                s.flush()
                self._touch(s, case_id)
                return self._agreement(s, row.id)
            newest_id = newest[0].id
        return self.new_version(newest_id)

    def get_agreement(self, agreement_id: int) -> Agreement:
        """The agreement with goals (with indicators), roles, tasks and communication rules."""
        with self._read() as s:
            return self._agreement(s, agreement_id)

    def update_agreement(self, agreement: Agreement) -> Agreement:
        """Save the agreement's own fields (dates, mandate, texts, wizard_step). Frozen → refused,
        except ``wizard_step``. Status, hash, dates of creation/finalising are never changed here.

        A draft's ``document_id`` and ``version`` may be set too (used when importing a case file):
        the version must be ≥ 1 and not used by another version of the case, and the document id
        can only change while the draft is the case's only agreement."""
        with self._tx() as s:
            row = self._agreement_row(s, agreement.id)
            up_to_date = agreement.row_version in (None, row.row_version)
            changed = [f for f in _AGREEMENT_EDITABLE if getattr(row, f) != getattr(agreement, f)]
            identity = [f for f in ("document_id", "version") if getattr(row, f) != getattr(agreement, f)]
            if changed or identity:
                self._check_row_editable(row)
                check_row_version(row, agreement.row_version)  # only the resume step may come from an older copy
            if identity:
                self._check_identity(s, row, agreement)
                changed += identity
            if changed:
                for f in changed:
                    setattr(row, f, getattr(agreement, f))
            if row.wizard_step != agreement.wizard_step:
                row.wizard_step = agreement.wizard_step
            if changed:
                self._touch(s, row.case_id)
            s.flush()
            if up_to_date:  # the caller's copy is the stored state now (an older copy stays older)
                agreement.row_version = row.row_version
            return self._agreement(s, row.id)

    @staticmethod
    def _document_id_used(s: Session, document_id: str, case_id: int | None = None) -> bool:
        """True when an agreement (of another case than ``case_id``) has this document number."""
        q = select(AgreementRow.id).where(AgreementRow.document_id == document_id)
        if case_id is not None:
            q = q.where(AgreementRow.case_id != case_id)
        return s.scalar(q.limit(1)) is not None

    def _new_document_id(self, s: Session) -> str:
        while True:
            candidate = "KV-" + uuid.uuid4().hex[:8].upper()
            if not self._document_id_used(s, candidate):
                return candidate

    def document_id_in_use(self, document_id: str) -> bool:
        """True when an agreement in this data folder has this document number."""
        with self._read() as s:
            return self._document_id_used(s, document_id)

    def new_document_id(self) -> str:
        """A document number no agreement in this data folder has."""
        with self._read() as s:
            return self._new_document_id(s)

    def original_document_id(self, agreement_id: int) -> str:
        """The number an imported version had in its case file when it got a new one here ("" otherwise)."""
        with self._read() as s:
            return self._agreement_row(s, agreement_id).original_document_id

    def record_original_document_id(self, agreement_id: int, original: str) -> None:
        """Note the number an imported version had in its case file (it got a new one here)."""
        with self._tx() as s:
            self._agreement_row(s, agreement_id).original_document_id = original

    @classmethod
    def _check_identity(cls, s: Session, row: AgreementRow, agreement: Agreement) -> None:
        others = list(s.scalars(select(AgreementRow).where(AgreementRow.case_id == row.case_id,
                                                           AgreementRow.id != row.id)))
        if not isinstance(agreement.version, int) or agreement.version < 1 or any(
                o.version == agreement.version for o in others):
            raise RuleViolation(Problem("version", f"Version {agreement.version} ist in diesem Fall nicht möglich."))
        if agreement.document_id != row.document_id and (others or not agreement.document_id.strip()):
            raise RuleViolation(Problem("document_id", "Die Dokumentnummer kann nicht mehr geändert werden."))
        if agreement.document_id != row.document_id and cls._document_id_used(s, agreement.document_id, row.case_id):
            raise RuleViolation(Problem("document_id", f"Die Dokumentnummer {agreement.document_id} gehört schon "
                                                       "zu einem anderen Fall (Dokumentnummern sind eindeutig)."))

    def check(self, agreement_id: int) -> list[Problem]:
        """Completeness check: what is missing, in German (empty: complete)."""
        with self._read() as s:
            agreement = self._agreement(s, agreement_id)
            return rules.completeness(self._case(s, agreement.case_id), agreement)  # type: ignore[arg-type]

    def finalise(self, agreement_id: int, *, at: dt.datetime | None = None) -> Agreement:
        """Freeze the version: status FINAL, finalised_at, content_hash = SHA-256 of the
        canonical content. Refused (RuleViolation) while :meth:`check` reports problems.
        Older final/signed versions of the same document become SUPERSEDED (their content
        and hash stay as they are).

        ``at`` (importing a case file: the moment the file says it was finalised): the version
        is judged by the same rules as of that day, with the consents as they stood then
        (:func:`rules.consents_as_of`), and keeps that moment."""
        with self._tx() as s:
            agreement = self._agreement(s, agreement_id)
            rules.check_editable(agreement)
            case = self._case(s, agreement.case_id)  # type: ignore[arg-type]
            judged = agreement
            if at is not None:
                at = at if at.tzinfo is not None else at.replace(tzinfo=dt.UTC)
                judged = dataclasses.replace(agreement, status=AgreementStatus.FINAL, finalised_at=at)
                on = rules.as_of(judged)
                assert on is not None
                case = rules.consents_as_of(case, on)
                problems = rules.completeness(case, agreement, on)
            else:
                problems = rules.completeness(case, agreement)
            if problems:
                raise RuleViolation(problems)
            case = rules.with_signers_resolved(case, agreement)  # who signs is frozen with the version
            row = self._agreement_row(s, agreement_id)
            row.status = AgreementStatus.FINAL.value
            row.finalised_at = at or _now()
            row.content_hash = rules.content_hash(case, judged)
            row.frozen_content = serialize.freeze(case, agreement)
            for older in s.scalars(select(AgreementRow).where(
                    AgreementRow.case_id == row.case_id,
                    AgreementRow.document_id == row.document_id,
                    AgreementRow.id != row.id,
                    AgreementRow.version < row.version,
                    AgreementRow.status.in_([AgreementStatus.FINAL.value, AgreementStatus.SIGNED.value]))):
                older.status = AgreementStatus.SUPERSEDED.value
            self._touch(s, row.case_id)
            s.flush()
            return self._agreement(s, agreement_id)

    def new_version(self, agreement_id: int) -> Agreement:
        """A new draft (version + 1, predecessor_id set) copying the frozen version's content;
        the old version stays untouched. Refused for a draft and while the case has a draft."""
        with self._tx() as s:
            old = self._agreement(s, agreement_id)
            if old.status == AgreementStatus.DRAFT:
                raise RuleViolation(Problem(
                    "status", f"Version {old.version} ist noch ein Entwurf und kann direkt bearbeitet werden."))
            draft = s.scalar(select(AgreementRow).where(AgreementRow.case_id == old.case_id,
                                                        AgreementRow.status == AgreementStatus.DRAFT.value))
            if draft is not None:
                raise RuleViolation(Problem(
                    "status", f"Es gibt schon einen Entwurf (Version {draft.version}). Bitte diesen bearbeiten."))
            top = s.scalar(select(func.max(AgreementRow.version)).where(AgreementRow.case_id == old.case_id)) or 0
            row = repo.copy_to_row(old, AgreementRow(), skip=(
                "id", "version", "status", "wizard_step", "created_at", "finalised_at", "content_hash",
                "predecessor_id"))
            row.version = top + 1
            row.status = AgreementStatus.DRAFT.value
            row.wizard_step = ""
            row.created_at = _now()
            row.content_hash = ""
            row.predecessor_id = old.id
            s.add(row)
            goal_ids: dict[int | None, GoalRow] = {}
            for goal in old.goals:
                g = repo.copy_to_row(goal, GoalRow(), skip=("id", "agreement_id"))
                for ind in goal.indicators:
                    g.indicators.append(repo.copy_to_row(ind, IndicatorRow(), skip=("id", "goal_id")))
                row.goals.append(g)
                goal_ids[goal.id] = g
            for role in old.roles:
                row.roles.append(repo.copy_to_row(role, RoleRow(), skip=("id", "agreement_id")))
            row.communication.extend(repo.copy_to_row(c, repo.ROW_OF[CommunicationRule](), skip=("id", "agreement_id"))
                                     for c in old.communication)
            s.flush()
            for task in old.tasks:
                t = repo.copy_to_row(task, TaskRow(), skip=("id", "agreement_id", "goal_id"))
                t.goal_id = goal_ids[task.goal_id].id if task.goal_id in goal_ids else None
                row.tasks.append(t)
            s.flush()
            self._touch(s, row.case_id)
            return self._agreement(s, row.id)

    def document(self, agreement_id: int) -> tuple[Case, Agreement]:
        """The case and agreement as they are printed.

        A draft is shown with the case as it is now. A finalised version is shown exactly as it
        was finalised (its frozen snapshot): persons, partners and consents changed later do not
        change it; its current status (e.g. superseded) is taken from the database.
        """
        with self._read() as s:
            row = self._agreement_row(s, agreement_id)
            if not row.frozen_content:
                agreement = self._agreement(s, agreement_id)
                return self._case(s, row.case_id), agreement
            try:
                case, agreement = serialize.thaw(row.frozen_content)
            except serialize.FormatError as e:
                raise RuleViolation(Problem("frozen_content", str(e))) from None
            case.id, agreement.id, agreement.case_id = row.case_id, row.id, row.case_id
            agreement.status = AgreementStatus(row.status)
            agreement.finalised_at, agreement.content_hash = row.finalised_at, row.content_hash
            return case, agreement

    def verify_stored(self, agreement_id: int) -> bool:
        """True when a finalised version's stored content still has its SHA-256 (drafts: False)."""
        case, agreement = self.document(agreement_id)
        if agreement.status == AgreementStatus.DRAFT or not agreement.content_hash:
            return False
        return rules.content_hash(case, agreement) == agreement.content_hash

    def export_pdf(self, agreement_id: int, out: Path) -> Path:
        """Render the agreement (only consented partners) to ``out`` (written atomically:
        a temporary file in the same folder, synced, then renamed)."""
        from .pdf.render import render_agreement_bytes  # lazy: reportlab is heavy

        out = guard_target(out, self.data_dir)
        case, agreement = self.document(agreement_id)
        return write_bytes(out, render_agreement_bytes(case, agreement))
