"""Issue 13, point 10: the case search is case- and diacritic-insensitive everywhere ("celik",
"Celik" and "wrobel" find "Familie Çelik-Wróbel"), in the services, on the command line and for
cases stored before the search text was folded (migration 0012)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from alembic import command
from helpers import bulk_cases
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from test_cli import run

from kooperation_desktop.domain.model import Person
from kooperation_desktop.services import Services
from kooperation_desktop.storage.db import alembic_config, make_engine, upgrade_to_head
from kooperation_desktop.storage.search import fold_any, fold_for_search, search_text_of


@settings(deadline=None)  # no time limit per example: CI's loaded machine may pause any one
@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_fold_for_search_shortcut_for_ascii_folds_as_the_full_path(text: str) -> None:
    """Plain ASCII (most names and file numbers) skips the Unicode steps: the result is the same."""
    assert fold_for_search(text) == fold_any(text)


@settings(deadline=None)
@given(st.text())
def test_fold_for_search_removes_every_combining_mark_and_is_stable(text: str) -> None:
    """Any text: no combining mark is left and folding again changes nothing (what the stored search
    text and the typed filter both go through)."""
    folded = fold_for_search(text)
    assert not any(unicodedata.combining(c) for c in folded)
    assert fold_for_search(folded) == folded


@settings(deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("aäAÄıİß\u0308\u0301 -\nŁłǅﬁ1")), min_size=5, max_size=5))
def test_a_case_is_found_by_each_part_folded_on_its_own(parts: list[str]) -> None:
    """The search text folds title, file number, help type and names in one go: the same lines as
    folding each part alone (a mark at the start of a name does not join the line before)."""
    title, number, help_type, first, last = parts
    name = " ".join(x for x in (first.strip(), last.strip()) if x)
    expected = "\n".join(fold_any(p) for p in (title, number, help_type, name) if p)
    assert search_text_of(title, number, help_type, [(first, last)]) == expected


def test_fold_for_search_drops_case_and_diacritics() -> None:
    assert fold_for_search("Familie Çelik-Wróbel") == "familie celik-wrobel"
    assert fold_for_search("Łódź Straße ØRSTED Æsir") == "lodz strasse orsted aesir"
    assert fold_for_search("AĞRI ŞÜKRÜ") == fold_for_search("agri sukru") == "agri sukru"
    assert fold_for_search("İpek Iğdır") == "ipek igdir"
    assert fold_for_search("Nguyễn Thị Minh Khai") == "nguyen thi minh khai"


def test_the_demo_family_is_found_without_diacritics(services: Services) -> None:
    case = services.cases.create("Familie Çelik-Wróbel", "AZ 51-2026-0815")
    services.parties.save(Person(case_id=case.id, first_name="Łukasz", last_name="Wróbel"))
    services.parties.save(Person(case_id=case.id, first_name="Ağrı Şükrü", last_name="Çelik"))
    other = services.cases.create("Familie Meyer").id
    for query in ("celik", "Celik", "CELIK", "wrobel", "Wrobel", "Çelik", "wróbel", "celik-wrobel",
                  "lukasz", "ŁUKASZ", "agri sukru", "ağrı", "az 51"):
        assert [c.id for c in services.cases.list(query)] == [case.id], query
        assert services.cases.count(query) == 1, query
    assert [c.id for c in services.cases.list("meyer")] == [other]
    assert services.cases.list("wrobelx") == [] and services.cases.count("wrobelx") == 0


def test_list_filter_on_the_command_line_ignores_diacritics(tmp_path: Path) -> None:
    assert run("demo", data_dir=tmp_path).returncode == 0
    for query in ("celik", "Celik", "wrobel"):
        proc = run("list", "--filter", query, data_dir=tmp_path)
        assert proc.returncode == 0, proc.stderr
        assert "Familie Çelik-Wróbel" in proc.stdout, query
    proc = run("list", "--filter", "gibtsnicht", data_dir=tmp_path)
    assert proc.returncode == 0 and "Keine Fälle gefunden." in proc.stdout


def test_cases_stored_before_the_folding_are_found_after_the_migration(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "old.sqlite")
    try:
        config = alembic_config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "0011")
            # the search text as the older version stored it (casefolded only)
            conn.execute(text("INSERT INTO cases (id, title, file_number, help_type, status, search_text) "
                              "VALUES (1, 'Familie Çelik-Wróbel', '', '', 'open', "
                              "'familie çelik-wróbel\nłukasz wróbel')"))
            conn.execute(text("INSERT INTO persons (case_id, first_name, last_name, family_role, is_guardian) "
                              "VALUES (1, 'Łukasz', 'Wróbel', 'Stiefvater', 0)"))
        upgrade_to_head(engine)
        with engine.connect() as conn:
            stored = conn.execute(text("SELECT search_text FROM cases WHERE id = 1")).scalar()
        assert stored == "familie celik-wrobel\nlukasz wrobel"
    finally:
        engine.dispose()


def test_counting_the_hits_reads_the_search_index_not_the_table(services: Services) -> None:
    """Filter-as-you-type at 50,000 cases: the count scans the narrow index on search_text
    (a plan, not a timing: benchmarks/bench_scale.py measures the time)."""
    from sqlalchemy import func, select

    from kooperation_desktop.storage.cases import case_filter
    from kooperation_desktop.storage.rows import CaseRow

    query = select(func.count()).select_from(CaseRow).where(*case_filter("celik"))
    with services.db.reading() as s:
        sql = str(query.compile(compile_kwargs={"literal_binds": True}))
        plan = " ".join(str(row[-1]) for row in s.execute(text("EXPLAIN QUERY PLAN " + sql)))
    assert "COVERING INDEX ix_cases_search_text" in plan, plan


def test_a_counted_search_lists_the_same_cases_page_by_page(services: Services) -> None:
    """With the count given (``hits``, as the window does), few hits are read through the search
    index and sorted; many hits in date order: the same list, pages and order either way."""
    from kooperation_desktop.storage.cases import SPARSE_HITS

    for n in range(30):
        case = services.cases.create(f"Familie {'Çelik' if n % 3 == 0 else 'Meyer'} {n:02d}", f"AZ {n}")
        if n % 5 == 0:
            services.parties.save(Person(case_id=case.id, first_name="Łukasz", last_name="Wróbel"))
    for query in ("celik", "wrobel", "familie", "az 1", "niemand", "celik 0"):
        hits = services.cases.count(query)
        assert hits <= SPARSE_HITS
        whole = services.cases.list(query)
        assert services.cases.list(query, hits=hits) == whole, query
        assert services.cases.list(query, hits=SPARSE_HITS + 1) == whole, query  # the date-order walk
        paged = [c for off in range(0, 40, 7) for c in services.cases.list(query, limit=7, offset=off, hits=hits)]
        assert paged == whole, query
    assert [c.title for c in services.cases.list("celik 0", hits=2)] == ["Familie Çelik 09", "Familie Çelik 06",
                                                                           "Familie Çelik 03", "Familie Çelik 00"]


def test_the_trigram_index_finds_exactly_what_the_text_search_finds(services: Services) -> None:
    """Words of three or more letters are looked up in the trigram index (migration 0018), kept by
    triggers on ``cases``: after creating, renaming, adding a person and deleting, the index and a
    plain text search (``case_filter``) agree for every query, and a search with few hits reads
    its hits through the index (plan), not every case's text."""
    from sqlalchemy import func, select

    from kooperation_desktop.storage.cases import case_filter, indexed_filter
    from kooperation_desktop.storage.rows import CaseRow

    ids = [services.cases.create(f"Familie {name}", f"AZ 51-2026-{n:04d}").id
           for n, name in enumerate(["Çelik", "Meyer", "Wróbel", "Nguyễn", "Çelik-Wróbel", "Öztürk", "O'Brien"])]
    renamed = services.cases.get(ids[1])
    renamed.title = "Familie Meyer-Yılmaz"
    services.cases.update(renamed)
    services.parties.save(Person(case_id=ids[2], first_name="Łukasz", last_name="Kowalski"))
    services.cases.delete(ids[5])

    queries = ["celik", "CELIK wrobel", "yilmaz", "meyer", "kowalski", "ozturk", "o'brien", "51-2026-000",
               "az 51", "familie", "zzz", 'a"b', "%", "_", "ce", "y", "lik wro", "nguyen"]
    with services.db.reading() as s:
        for query in queries:
            plain = set(s.scalars(select(CaseRow.id).where(*case_filter(query))))
            indexed = set(s.scalars(select(CaseRow.id).where(*indexed_filter(s, query))))
            assert indexed == plain, query
            assert services.cases.count(query) == len(plain), query
        assert services.cases.count("yilmaz") == 1 and services.cases.count("ozturk") == 0  # renamed, deleted
        assert services.cases.count("kowalski") == 1  # a person added later
        query = select(func.count()).select_from(CaseRow).where(*indexed_filter(s, "celik"))
        sql = str(query.compile(compile_kwargs={"literal_binds": True}))
        plan = " ".join(str(row[-1]) for row in s.execute(text("EXPLAIN QUERY PLAN " + sql)))
        assert "VIRTUAL TABLE INDEX" in plan and "cases_search" in plan, plan


NAMES = ["Çelik", "Meyer", "Wróbel", "Yılmaz", "Öztürk"]
MANY = 1_250  # more than a search counts (limits.COUNTED_HITS)


def test_a_count_up_to_a_bound_agrees_with_the_plain_text_search(services: Services, monkeypatch) -> None:
    """A search as you type counts its hits only up to a bound (``at_most``): one letter matches nearly
    every case. For words of one, two and three or more letters, rare and common, alone and mixed
    (a rare long word narrowed by the trigram index, a common one not: both ways for each mixed search),
    the bounded count is the plain text search's count cut at the bound, and the unbounded count is that
    count."""
    from sqlalchemy import select

    from kooperation_desktop.domain.limits import COUNTED_HITS
    from kooperation_desktop.storage import cases as repo
    from kooperation_desktop.storage.cases import SPARSE_HITS, case_filter
    from kooperation_desktop.storage.rows import CaseRow

    bulk_cases(services, [f"Familie {NAMES[n % 5]} Nr{n:04d}" for n in range(MANY)])
    queries = ["e", "y", "q", "ö", "zt", "ce", "qx", "az 1", "nr0 m", "nr1 yi", "nr12 q", "familie y",
               "meyer", "nr0", "nr1", "celik nr0 e", "wrobel nr124", "zzz", "%", "_"]
    with services.db.reading() as s:
        plain = {q: len(s.scalars(select(CaseRow.id).where(*case_filter(q))).all()) for q in queries}
    assert plain["e"] == MANY and plain["q"] == 0 and 0 < plain["nr1 yi"] < plain["nr1"] <= SPARSE_HITS
    assert plain["nr0"] == SPARSE_HITS  # exactly at the bound where the index narrows
    for narrowed in (repo.NARROWED_HITS, 10):  # long words rare enough to narrow by the index, or not
        monkeypatch.setattr(repo, "NARROWED_HITS", narrowed)
        for query in queries:
            assert services.cases.count(query) == plain[query], query
            for at_most in (1, 7, COUNTED_HITS, COUNTED_HITS + 1, MANY + 5):
                assert services.cases.count(query, at_most=at_most) == min(plain[query], at_most), (query, at_most)
    assert services.cases.count("", at_most=COUNTED_HITS + 1) == COUNTED_HITS + 1
    assert services.cases.count("") == MANY


def test_pages_past_the_first_thousand_of_a_one_letter_search_list_the_right_cases(services: Services) -> None:
    """The window counts a search only up to ``COUNTED_HITS + 1`` and passes that as ``hits``: the
    pages beyond the first thousand are still the same list, newest first, and the position of a case
    far down (to keep it selected) is its row in that list."""
    from kooperation_desktop.domain.limits import COUNTED_HITS

    ids = bulk_cases(services, [f"Familie {NAMES[n % 5]} Nr{n:04d}" for n in range(MANY)])
    for query in ("e", "y", "nr1 e"):
        whole = services.cases.list(query)
        assert len(whole) == services.cases.count(query)
        capped = services.cases.count(query, at_most=COUNTED_HITS + 1)
        paged = [c for off in range(0, MANY + 100, 100)
                 for c in services.cases.list(query, limit=100, offset=off, hits=capped)]
        assert paged == whole, query
        assert whole == sorted(whole, key=lambda c: c.updated_at or 0, reverse=True)
    oldest = services.cases.list("e")[-1]
    assert oldest.id == ids[0] and services.cases.position("e", ids[0]) == MANY - 1
    # „y“: Meyer (the oldest, Nr0001) and Yılmaz (Nr0003), 500 cases
    assert services.cases.position("y", ids[1]) == 499 and services.cases.position("y", ids[3]) == 498
    assert services.cases.position("y", ids[0]) is None  # Çelik: no „y“
