"""The main window: case list with filter-as-you-type, new case, case view, PDF export."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kooperation_desktop.domain.model import Person
from kooperation_desktop.services import Services
from ui import dialogs
from ui.case_list_model import HEADERS, CaseListModel
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def add_case(services: Services, title: str, file_number: str, *names: tuple[str, str]) -> int:
    case = services.cases.create(title, file_number, "§ 31 SGB VIII – Sozialpädagogische Familienhilfe")
    for first, last in names:
        services.parties.save(Person(case_id=case.id, first_name=first, last_name=last))
    return case.id


@pytest.fixture
def three_cases(services: Services) -> Services:
    add_case(services, "Familie Çelik", "AZ 51-0815", ("Ağrı Şükrü", "Çelik"))
    add_case(services, "Familie Иванова", "AZ 51-0900", ("Жанна", "Иванова"))
    add_case(services, "Familie Wróbel", "AZ 52-0001", ("Łukasz", "Wróbel"), ("Nguyễn Thị", "Minh Khai"))
    return services


def titles(window: MainWindow) -> list[str]:
    return sorted(window.model.index(r, 0).data() for r in range(window.model.rowCount()))


def test_filter_as_you_type_narrows_the_list(qtbot, three_cases: Services) -> None:
    window = MainWindow(three_cases)
    qtbot.addWidget(window)
    window.show()
    assert window.model.rowCount() == 3
    assert window.filter_edit.placeholderText() == "Suchen: Name, Aktenzeichen …"

    qtbot.keyClicks(window.filter_edit, "AZ 51")
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=10_000)
    assert titles(window) == ["Familie Çelik", "Familie Иванова"]

    window.filter_edit.clear()
    qtbot.keyClicks(window.filter_edit, "Minh")  # a person's name, not in the case title
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10_000)
    assert titles(window) == ["Familie Wróbel"]
    # the selected case is shown on the right
    assert window.case_view.title.text() == "Familie Wróbel"
    assert window.case_view.persons.rowCount() == 2

    window.filter_edit.clear()
    qtbot.keyClicks(window.filter_edit, "niemand")
    qtbot.waitUntil(lambda: window.model.rowCount() == 0, timeout=10_000)
    assert window.case_view.title.text() == "Kein Fall ausgewählt"
    assert not window.edit_button.isEnabled()

    window.filter_edit.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == 3, timeout=10_000)


def test_case_list_model_passes_qt_model_tester(qtmodeltester, three_cases: Services) -> None:
    model = CaseListModel()
    model.set_cases(three_cases.cases.list())
    qtmodeltester.check(model)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == list(HEADERS)
    row = model.row_of(three_cases.cases.list("Wróbel")[0].id)
    assert model.index(row, 3).data() == "Łukasz Wróbel, Nguyễn Thị Minh Khai"
    assert model.index(row, 4).data() == "keine"  # no agreement yet
    assert len(model.index(row, 5).data()) == 10  # TT.MM.JJJJ
    model.set_cases([])
    qtmodeltester.check(model)


def test_new_case_needs_a_name_said_at_the_field(qtbot, services: Services) -> None:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    window.new_action.trigger()
    dialog = window.new_case_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.title_error.isVisible() and "Bezeichnung" in dialog.title_error.text()
    assert services.cases.list() == []
    qtbot.keyClicks(dialog.title_edit, "Familie Neu")
    assert not dialog.title_error.isVisible()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert [c.title for c in services.cases.list()] == ["Familie Neu"]
    assert window.case_view.title.text() == "Familie Neu"


def test_case_view_and_pdf_export_from_the_main_window(
    qtbot, complete_case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services, case_id, agreement_id = complete_case
    services.agreements.finalise(agreement_id)
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    window.refresh(select_id=case_id)
    view = window.case_view
    assert view.persons.rowCount() == 3
    kinds = {view.partners.item(r, 1).text() for r in range(view.partners.rowCount())}
    assert "Jugendamt (beauftragend)" in kinds
    consents = [[view.consents.item(r, c).text() for c in range(view.consents.columnCount())]
                for r in range(view.consents.rowCount())]
    assert any("Fatma Yılmaz" in row[1] and row[3] == "am Bildschirm bestätigt" and row[4] == "—"
               for row in consents)
    assert view.agreements.item(0, 1).text() == "abgeschlossen"
    digest = services.cases.get(case_id).agreements[0].content_hash
    assert view.agreements.columnCount() == 4 and digest in view.details_text()  # the hash: behind „Details…“

    out = tmp_path / "export.pdf"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda parent, suggested: out)
    from ui.signing import dialogs as signing_dialogs  # a final version is sealed: first use sets up the seal

    monkeypatch.setattr(signing_dialogs, "ask_seal_setup",
                        lambda parent: signing_dialogs.SealSetup("Familienhilfe Lindenhof e. V.", "siegel-passwort-1"))
    qtbot.mouseClick(window.export_button, Qt.MouseButton.LeftButton)
    assert out.exists() and out.read_bytes().startswith(b"%PDF")


def test_search_ignores_case_and_diacritics_and_says_when_nothing_matches(qtbot, three_cases: Services) -> None:
    """Issue 13: "celik", "Celik" and "wrobel" find the families; an empty result says "Keine Treffer"."""
    window = MainWindow(three_cases)
    qtbot.addWidget(window)
    window.show()
    assert not window.no_hits_label.isVisible()  # no search: no empty state
    for query, expected in (("celik", ["Familie Çelik"]), ("Celik", ["Familie Çelik"]),
                            ("wrobel", ["Familie Wróbel"]), ("LUKASZ", ["Familie Wróbel"])):
        window.filter_edit.clear()
        qtbot.keyClicks(window.filter_edit, query)
        qtbot.waitUntil(lambda expected=expected: titles(window) == expected, timeout=10_000)
        assert not window.no_hits_label.isVisible()
    window.filter_edit.clear()
    qtbot.keyClicks(window.filter_edit, "niemand")
    qtbot.waitUntil(lambda: window.model.rowCount() == 0, timeout=10_000)
    assert window.no_hits_label.isVisible() and window.no_hits_label.text() == "Keine Treffer"
    window.filter_edit.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == 3, timeout=10_000)
    assert not window.no_hits_label.isVisible()
