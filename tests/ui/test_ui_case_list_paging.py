"""The case list with many cases: counted in SQL, loaded page by page, selection kept by case."""

from __future__ import annotations

import pytest

from kooperation_desktop.domain.model import Person
from ui.case_list_model import PAGE_SIZE
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui
N = 2 * PAGE_SIZE + 37


@pytest.fixture
def many(services):
    ids = []
    for n in range(N):
        case = services.cases.create(f"Familie Nr{n:03d}", f"AZ {n}", "§ 31 SGB VIII")
        if n % 10 == 0:
            services.parties.save(Person(case_id=case.id, first_name="Zoë", last_name=f"Nr{n:03d}"))
        ids.append(case.id)
    return services, ids


def test_pages_of_list_cases_make_the_whole_list_and_positions_match(many) -> None:
    services, _ids = many
    for text in ("", "nr1", "zoë", "gibt es nicht"):
        whole = services.cases.list(text)
        paged = [c for off in range(0, N + 50, 50) for c in services.cases.list(text, limit=50, offset=off)]
        assert paged == whole
        assert services.cases.count(text) == len(whole)
        for row, case in enumerate(whole):
            assert services.cases.position(text, case.id) == row
    assert services.cases.count("zoë") == len(range(0, N, 10))
    assert services.cases.position("zoë", services.cases.list("nr001")[0].id) is None  # not matching


@pytest.mark.gui
def test_window_holds_only_the_pages_it_shows(qtbot, many) -> None:
    services, ids = many
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    model = window.model
    assert model.rowCount() == N
    assert model.loaded_rows() <= 2 * PAGE_SIZE, "only the visible pages are loaded"
    # the last row is the oldest case, loaded when scrolled to
    window.table.scrollToBottom()
    assert model.index(N - 1, 0).data() == "Familie Nr000"
    # a case far down stays selected after a reload (e.g. after the wizard was closed)
    oldest = ids[0]
    window.refresh(select_id=oldest)
    assert window.selected_case_id() == oldest
    assert window.case_view.case is not None and window.case_view.case.title == "Familie Nr000"
    # typing filters in SQL; the count follows
    qtbot.keyClicks(window.filter_edit, "Zo")  # QTest types ASCII only
    qtbot.waitUntil(lambda: model.rowCount() == len(range(0, N, 10)), timeout=10_000)
    assert {model.index(r, 0).data() for r in range(model.rowCount())} == {
        f"Familie Nr{n:03d}" for n in range(0, N, 10)}


def test_a_one_letter_search_says_more_than_a_thousand_and_grows_when_scrolled(qtbot, services) -> None:
    """Typing one letter at more than a thousand cases: the list counts the first thousand and says so
    („mehr als 1.000 Fälle gefunden“); scrolled to its end it counts on and shows the older cases, in the
    same order as the whole search; a case far down stays selected after a reload."""
    from helpers import bulk_cases

    ids = bulk_cases(services, [f"Familie Nr{n:04d}" for n in range(1_250)])
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    model = window.model
    assert window.hits_label.text() == "1.250 Fälle"
    qtbot.keyClicks(window.filter_edit, "e")
    window.apply_filter()
    assert model.rowCount() == 1_000 and not model.complete()
    assert window.hits_label.text() == "mehr als 1.000 Fälle gefunden"
    assert window.hits_label.isVisibleTo(window) and not window.no_hits_label.isVisibleTo(window)
    window.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == 1_250, timeout=10_000)
    assert model.complete() and window.hits_label.text() == "1.250 Fälle gefunden"
    whole = [c.title for c in services.cases.list("e")]
    assert [model.index(r, 0).data() for r in range(990, 1_250)] == whole[990:]
    assert model.index(1_249, 0).data() == "Familie Nr0000"
    # a case beyond the first thousand stays selected when the search is counted again
    window.refresh(select_id=ids[5])
    assert window.selected_case_id() == ids[5] and model.rowCount() >= 1_245
    assert window.case_view.case is not None and window.case_view.case.title == "Familie Nr0005"
    window.filter_edit.setText("nr12")
    window.apply_filter()
    assert model.rowCount() == 50 and window.hits_label.text() == "50 Fälle gefunden"


def test_the_capped_count_in_english(qtbot, services, english) -> None:
    from helpers import bulk_cases

    bulk_cases(services, [f"Familie Nr{n:04d}" for n in range(1_001)])
    window = MainWindow(services)
    qtbot.addWidget(window)
    assert window.hits_label.text() == "1,001 cases"
    window.filter_edit.setText("nr")
    window.apply_filter()
    assert window.hits_label.text() == "more than 1,000 cases found"
    window.filter_edit.setText("nr0001")
    window.apply_filter()
    assert window.hits_label.text() == "1 case found"
