"""The case view at the kitchen table (issue 13, point 3): at 1366×768 – at 100 % and at 150 %
(a 150 % screen gives the window 911×512 logical pixels) – no table scrolls sideways, every cell
shows its whole text (wrapped: the row is as tall as the wrapped text needs), the checksum is behind
„Details…“, the follow-up shows one sentence per empty area and the T-score method is a tooltip."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QTableWidget

from kooperation_desktop.demo import create_demo
from kooperation_desktop.domain.model import (
    Consent,
    ConsentForm,
    InfoCategory,
    Partner,
    PartnerKind,
    Person,
    ScaleKind,
)
from kooperation_desktop.followup.gas import WEIGHTING_NOTE
from kooperation_desktop.followup.service import FollowUpService
from kooperation_desktop.services import Services
from ui.case_view import needed_height
from ui.followup.charts import LineChart, RadarChart
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui

SIZES = {"100 %": (1366, 768), "150 %": (911, 512)}


def long_case(services: Services) -> int:
    """The demo family plus persons, partners and consents with long, realistic texts."""
    case_id = create_demo(services).case_id
    grandma = services.parties.save(Person(
        case_id=case_id, first_name="Małgorzata Bożena", last_name="Wróbel-Çelik-Szymańska",
        family_role="Oma von Mia (Mutter von Herrn Wróbel), wohnt im selben Haus im Erdgeschoss"))
    partner = services.parties.save(Partner(
        case_id=case_id, kind=PartnerKind.RESOURCE_PROFESSIONAL, name="Frau Dr. Henriette Müller-Lüdenscheidt",
        organisation="Sozialpädiatrisches Zentrum am Städtischen Klinikum Musterstadt, Abteilung Entwicklung",
        function="Kinder- und Jugendlichenpsychotherapeutin, begleitet Mia seit dem Frühjahr",
        contact="henriette.mueller-luedenscheidt@spz-klinikum-musterstadt.example, Tel. 0123 4567-890"))
    services.consent.record(Consent(
        case_id=case_id, person_id=grandma.id, partner_id=partner.id, form=ConsentForm.WRITTEN,
        categories=list(InfoCategory)))
    return case_id


def tables(window: MainWindow) -> list[QTableWidget]:
    return [t for t in window.case_view.findChildren(QTableWidget) if t.isVisible()]


def check_tables(window: MainWindow, where: str) -> int:
    checked = 0
    for table in tables(window):
        name = f"{where}: {table.accessibleName()}"
        assert not table.horizontalScrollBar().isVisible() and table.horizontalScrollBar().maximum() == 0, name
        assert table.verticalScrollBar().maximum() == 0, name  # every row shown, the page scrolls
        widths = [table.columnWidth(c) for c in range(table.columnCount())]
        assert sum(widths) <= table.viewport().width(), name
        header = table.horizontalHeader()
        for c, width in enumerate(widths):  # the header labels are whole too (wrapped if need be)
            assert header.height() >= header.needed_height(c, width), (name, c)
        for r in range(table.rowCount()):
            for c in range(table.columnCount()):
                text = table.item(r, c).text()
                assert table.rowHeight(r) >= needed_height(table.font(), text, widths[c]), (name, r, c, text)
                checked += 1
    return checked


@pytest.mark.parametrize("scale", SIZES)
def test_case_view_shows_every_word_without_sideways_scrolling(qtbot, services: Services, scale: str) -> None:
    case_id = long_case(services)
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.resize(*SIZES[scale])
    window.show()
    window.open_case(case_id)
    view = window.case_view
    assert [view.tabs.tabText(i) for i in range(view.tabs.count())] == [
        "Familie", "Partner && Einverständnisse", "Vereinbarung", "Verlauf"]
    checked = 0
    for page in range(view.tabs.count()):
        view.show_page(page)
        for _ in range(3):
            QApplication.processEvents()
        scroll = view.page_scrolls[page]
        assert scroll.horizontalScrollBar().maximum() == 0, (scale, page)
        checked += check_tables(window, f"{scale}, {view.tabs.tabText(page)}")
    assert checked >= 4 * 5 + 4 * 6  # persons, partners, consents, agreements (the long ones included)

    # the checksum is no column: it is behind „Details…“ (and in the rows' tooltip)
    view.show_page(view.AGREEMENT)
    headers = [view.agreements.horizontalHeaderItem(c).text() for c in range(view.agreements.columnCount())]
    assert "Prüfsumme" not in headers
    digest = services.cases.get(case_id).agreements[0].content_hash
    assert digest and digest in view.details_text() and digest in view.agreements.item(0, 0).toolTip()
    box = view.show_details()
    assert box is not None and digest in box.text()
    box.close()

    # Verlauf: one sentence per empty area, no empty charts, the method in a tooltip
    view.show_page(view.HISTORY)
    QApplication.processEvents()
    section = window.followup_section
    visible = [w for w in section.findChildren(QLabel) if w.isVisible()]
    texts = [w.text() for w in visible]
    assert texts.count("Noch keine Überprüfung – sie wird nach dem nächsten Hilfeplangespräch erfasst.") == 1
    assert sum("Noch keine Reflexion" in t for t in texts) == 1
    assert not [c for c in section.findChildren(LineChart) + section.findChildren(RadarChart) if c.isVisible()]
    assert not any("Kiresuk" in t for t in texts)
    assert not section.table.isVisible()  # no empty table either
    assert WEIGHTING_NOTE in section.method_button.toolTip().replace("&amp;", "&")

    # after a review with a long note: the charts, the method behind „?“, the table wraps too
    follow = FollowUpService(services.db)
    review = follow.new_review(case_id)
    for rating in review.ratings:
        rating.client_value, rating.professional_value = (1, 0) if rating.scale == ScaleKind.GAS else (6, 5)
    review.successes = ("Mia ist an vier von fünf Schultagen pünktlich fertig; Herr Wróbel bringt sie dienstags "
                        "und donnerstags zur Schule, und Frau Çelik hat zweimal mit der Klassenlehrerin gesprochen.")
    follow.save_review(review)
    window.refresh(select_id=case_id)
    for _ in range(3):
        QApplication.processEvents()
    assert section.t_chart.isVisible() and section.method_button.isVisible() and section.table.isVisible()
    texts = [w.text() for w in section.findChildren(QLabel) if w.isVisible()]
    assert not any("Kiresuk" in t or "Noch keine Überprüfung" in t for t in texts)
    assert view.page_scrolls[view.HISTORY].horizontalScrollBar().maximum() == 0
    assert check_tables(window, f"{scale}, Verlauf") == 5
