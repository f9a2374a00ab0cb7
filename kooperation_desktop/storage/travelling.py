"""The travelling tables of the team mode and the portable form of their rows (the queries' building
blocks of :mod:`.team_outbox`, :mod:`.team_push` and :mod:`.team_pull`).

A travelling row has a ``uuid`` (:class:`~.rows_sync.Travelling`). Between laptops and the server it
travels without its local columns (:data:`LOCAL_COLUMNS`), a foreign key as the ``uuid`` of the row it
points to (local ids mean nothing elsewhere): :func:`portable_select` reads rows so, :func:`write_values`
writes them back (the uuid looked up as the local id).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, CursorResult, Result, Select, Table, bindparam, select

from .rows import Base

#: never part of what travels: the local key, the server's sequence number and the search text (folded
#: on each laptop from what the case holds, persons in the local order)
LOCAL_COLUMNS = frozenset({"id", "change_seq", "search_text"})


def as_dicts(result: Result[Any] | CursorResult[Any]) -> list[dict[str, Any]]:
    """The rows of ``result`` as plain dicts (one zip per row: cheaper than a row's mapping)."""
    names = list(result.keys())
    return [dict(zip(names, row, strict=True)) for row in result.all()]


@cache
def travelling_tables() -> tuple[Table, ...]:
    """Every table whose rows travel (those with a ``uuid``), parents before children."""
    return tuple(t for t in Base.metadata.sorted_tables if "uuid" in t.c)


def table_named(name: str) -> Table:
    return Base.metadata.tables[name]


#: integer columns of travelling rows that look like references to rows but travel as they are: a
#: review rating names its goal and indicator by their ids in the rated version's frozen snapshot
#: (``agreements.frozen_content``, which travels verbatim: the same numbers on every laptop; mapping them
#: to local row ids would point beside the snapshot); ``cases.team_id`` is the server's team (laptops
#: have no teams table). A new ``*_id`` column must be a ForeignKey or be listed here (a test checks it).
NOT_ROW_REFERENCES: dict[str, frozenset[str]] = {
    "followup_review_ratings": frozenset({"goal_id", "indicator_id"}),
    "cases": frozenset({"team_id"}),
}


@cache
def foreign_keys(table_name: str) -> dict[str, str]:
    """``{column: referenced table}`` of the table's foreign keys (to another travelling row)."""
    table = table_named(table_name)
    return {fk.parent.name: fk.column.table.name for fk in table.foreign_keys}


@cache
def portable_columns(table_name: str) -> tuple[str, ...]:
    return tuple(c.name for c in table_named(table_name).columns if c.name not in LOCAL_COLUMNS)


def is_versioned(table_name: str) -> bool:
    return "row_version" in table_named(table_name).c


@cache
def portable_select(table: Table) -> Select[Any]:
    """``SELECT`` of the table's portable columns: a foreign key as the referenced row's uuid."""
    columns: list[ColumnElement[Any]] = []
    refs = foreign_keys(table.name)
    for name in portable_columns(table.name):
        column = table.c[name]
        if name in refs:
            parent = table_named(refs[name]).alias()
            columns.append(select(parent.c.uuid).where(parent.c.id == column).scalar_subquery().label(name))
        else:
            columns.append(column)
    return select(*columns)


def write_values(table: Table, names: Iterable[str]) -> dict[str, Any]:
    """The ``VALUES``/``SET`` of an executemany write of portable rows (bind names ``p_<column>``; a
    foreign key given as uuid is looked up as the local id)."""
    return dict(_write_values(table, tuple(names)))


@cache
def _write_values(table: Table, names: tuple[str, ...]) -> tuple[tuple[str, Any], ...]:
    refs = foreign_keys(table.name)
    values: dict[str, Any] = {}
    for name in names:
        if name in refs:
            parent = table_named(refs[name]).alias()
            values[name] = select(parent.c.id).where(
                parent.c.uuid == bindparam(f"p_{name}", type_=parent.c.uuid.type)).scalar_subquery()
        else:
            values[name] = bindparam(f"p_{name}", type_=table.c[name].type)
    return tuple(values.items())


def write_params(row: dict[str, Any], names: Iterable[str]) -> dict[str, Any]:
    return {f"p_{name}": row.get(name) for name in names}


@cache
def _path_to_case(table_name: str) -> tuple[tuple[str, str], ...]:
    """The foreign keys leading from the table up to ``cases``: ``((column, parent table), ...)``."""
    path: list[tuple[str, str]] = []
    current = table_name
    while current != "cases":
        table = table_named(current)
        refs = foreign_keys(current)
        if "case_id" in refs:
            column = "case_id"
        else:
            required = [c for c in refs if not table.c[c].nullable and refs[c] != current]
            if not required:
                return ()
            column = required[0]
        path.append((column, refs[column]))
        current = refs[column]
    return tuple(path)


@cache
def case_uuid_select(table: Table) -> Select[Any]:
    """``SELECT row uuid, case uuid FROM table ...`` (add a ``WHERE``)."""
    if table.name == "cases":
        return select(table.c.uuid, table.c.uuid.label("case_uuid"))
    joined: Any = table
    current: Any = table
    for column, parent_name in _path_to_case(table.name):
        parent = table_named(parent_name).alias()
        joined = joined.join(parent, current.c[column] == parent.c.id)
        current = parent
    return select(table.c.uuid, current.c.uuid.label("case_uuid")).select_from(joined)


#: the tables holding an agreement version's content (frozen with it): the foreign keys up to the version
VERSION_CONTENT: dict[str, tuple[str, ...]] = {
    "agreements": (), "goals": ("agreement_id",), "indicators": ("goal_id", "agreement_id"),
    "roles": ("agreement_id",), "tasks": ("agreement_id",), "communication_rules": ("agreement_id",)}


@cache
def version_status_select(table: Table) -> Select[Any] | None:
    """``SELECT row uuid, uuid and status of the version whose content the row is FROM table ...``
    (add a ``WHERE``); None: the table holds no version's content."""
    path = VERSION_CONTENT.get(table.name)
    if path is None:
        return None
    joined: Any = table
    current = table
    for column in path:
        parent = table_named(foreign_keys(current.name)[column])
        joined = joined.join(parent, current.c[column] == parent.c.id)
        current = parent
    return select(table.c.uuid, current.c.uuid.label("version_uuid"), current.c.status).select_from(joined)
