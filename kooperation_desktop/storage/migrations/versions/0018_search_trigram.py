"""A trigram index of the cases' search text (SQLite FTS5): a search of three or more letters finds its
cases through the index instead of reading every case's text (issue 13: ≤ 30 ms per keystroke at 50,000
cases). The index is an external-content FTS5 table over ``cases.search_text``, kept up to date by
triggers on ``cases``; nothing else writes it. Only on SQLite (the laptop); a PostgreSQL server
searches with ``LIKE`` (storage/cases.case_filter).

A later migration that rebuilds ``cases`` (``batch_alter_table`` on SQLite copies the table and drops
the old one) drops these triggers with it: it must call :func:`create_triggers` again afterwards
(tests/test_search.py fails when a new case cannot be found).

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-01 14:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TRIGGERS = (
    """CREATE TRIGGER cases_search_insert AFTER INSERT ON cases BEGIN
         INSERT INTO cases_search(rowid, search_text) VALUES (new.id, new.search_text);
       END""",
    """CREATE TRIGGER cases_search_delete AFTER DELETE ON cases BEGIN
         INSERT INTO cases_search(cases_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
       END""",
    """CREATE TRIGGER cases_search_update AFTER UPDATE OF search_text ON cases BEGIN
         INSERT INTO cases_search(cases_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
         INSERT INTO cases_search(rowid, search_text) VALUES (new.id, new.search_text);
       END""",
)


def create_triggers() -> None:
    for name in ("cases_search_insert", "cases_search_delete", "cases_search_update"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for sql in TRIGGERS:
        op.execute(sql)
    op.execute("INSERT INTO cases_search(cases_search) VALUES ('rebuild')")


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("CREATE VIRTUAL TABLE cases_search USING fts5("
               "search_text, content='cases', content_rowid='id', tokenize='trigram')")
    create_triggers()


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in ("cases_search_insert", "cases_search_delete", "cases_search_update"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS cases_search")
