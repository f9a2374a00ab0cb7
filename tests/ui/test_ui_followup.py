"""Follow-up in the window: due panel, review and reflection dialogs, charts, transition, PDFs."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest
from PySide6.QtCore import Qt

from kooperation_desktop.followup.service import FollowUpService
from ui import dialogs
from ui.followup import due_panel
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, complete_case, monkeypatch):
    services, case_id, agreement_id = complete_case
    services.agreements.finalise(agreement_id)
    agreement = services.agreements.get(agreement_id)
    monkeypatch.setattr(due_panel, "today", lambda: agreement.start_date + dt.timedelta(days=20))
    w = MainWindow(services)
    qtbot.addWidget(w)
    w.show()
    return w, case_id, agreement


def test_due_panel_shows_the_overdue_task_and_marks_it_done(window, qtbot) -> None:
    w, _case_id, _agreement = window
    panel = w.followup_panel
    texts = [panel.list.item(i).text() for i in range(panel.list.count())]
    (task,) = [t for t in texts if "Aufgabe" in t]
    assert task.startswith("überfällig (seit 6 Tagen) · Familie Çelik · Aufgabe: Wochenplan mit der Familie erstellen.")
    assert "Heute fällig / überfällig: 1" in panel.title.text()
    panel.list.setCurrentRow(texts.index(task))
    qtbot.mouseClick(panel.done_button, Qt.MouseButton.LeftButton)
    assert not any("Wochenplan" in panel.list.item(i).text() for i in range(panel.list.count()))
    assert "Heute fällig / überfällig: 0" in panel.title.text()


def test_record_review_and_reflection_updates_t_score_and_charts(window, qtbot) -> None:
    w, _case_id, _agreement = window
    section = w.followup_section
    w.case_view.show_page(w.case_view.HISTORY)  # the follow-up is the case view's page „Verlauf“
    assert section.isVisible()
    assert section.t_label.text() == (
        "Noch keine Überprüfung – sie wird nach dem nächsten Hilfeplangespräch erfasst.")

    dialog = section.record_review()
    assert dialog is not None
    dialog.date.line.setText("01.03.2027")
    dialog.present_checks[0].setChecked(True)
    gas, scale = dialog.rows
    gas.set_values(-1, -2)
    assert "Familie 40,0 · Fachkraft 30,0" in dialog.t_label.text()  # updates while rating
    scale.set_values(5, 4)
    dialog.successes.setPlainText("Deniz hat zweimal selbst den Wecker gestellt.")
    dialog.save_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert "Familie 40,0 · Fachkraft 30,0" in section.t_label.text()

    dialog = section.record_review()
    dialog.date.line.setText("01.06.2027")
    dialog.rows[0].set_values(1, 0)
    dialog.rows[1].set_values(7, 6)
    dialog.save_button.click()
    assert "(01.06.2027):</b> Familie 60,0 · Fachkraft 50,0" in section.t_label.text()
    client, pro = section.t_chart.series()
    assert section.t_chart.labels() == ["Beginn", "01.03.2027", "01.06.2027"]
    assert client.values == pytest.approx([30.0, 40.0, 60.0]) and pro.values == pytest.approx([30.0, 30.0, 50.0])
    base, fam, fk = section.indicator_chart.series()
    assert base.values[0] == -2 and fam.values[1:] == [-1, 1] and fk.values[1:] == [-2, 0]
    section.indicator_combo.setCurrentIndex(1)  # the 0–10 indicator
    assert section.indicator_chart.series()[1].values[1:] == [5, 7]

    dialog = section.record_reflection()
    dialog.date.line.setText("02.06.2027")
    mother, pro_name = "Ağrı Şükrü Çelik", "Жанна Иванова"
    dialog.set_present(mother, pro_name)
    for key in "abcdefghij":
        dialog.set_rating(key, mother, 4)
        dialog.set_rating(key, pro_name, 5)
    dialog.set_rating("i", mother, 1, "Ich werde oft nicht gefragt.")
    assert "Abbau von einseitigen Machtverhältnissen" in dialog.low_label.text()
    dialog.save_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    ((label, means),) = section.radar.sessions()
    assert label == "02.06.2027" and means["i"] == pytest.approx(3.0) and means["a"] == pytest.approx(4.5)
    assert "i. Abbau von einseitigen Machtverhältnissen" in section.low_label.text()
    assert "Familie zuerst sprechen" in section.low_label.text()
    assert section.table.rowCount() == 3 and section.table.item(0, 1).text() == "Reflexion"


def test_review_dialog_refuses_a_review_without_any_rating(window) -> None:
    w, _, _ = window
    dialog = w.followup_section.record_review()
    dialog.save_button.click()
    assert dialog.isVisible()
    assert "mindestens einen Indikator" in dialog.error.text()
    dialog.reject()  # a modal dialog left open would stay over the windows of the worker's next tests
    assert not dialog.isVisible()


def test_transition_is_asked_for_near_the_end_and_goes_into_the_closing_report(
        window, monkeypatch, tmp_path) -> None:
    w, _case_id, agreement = window
    section = w.followup_section
    assert section.transition_label.isHidden()
    monkeypatch.setattr(due_panel, "today", lambda: agreement.planned_end - dt.timedelta(weeks=7))
    w.followup_panel.refresh()
    section.show_case(section.case)
    assert not section.transition_label.isHidden()
    assert "Bitte den Übergang planen" in section.transition_label.text()
    assert any("Übergang planen" in w.followup_panel.list.item(i).text()
               for i in range(w.followup_panel.list.count()))

    dialog = section.plan_transition()
    assert dialog.offers.toPlainText() == "Elterncafé im Familienzentrum"  # from the agreement
    dialog.alone.setPlainText("Die Mutter ruft selbst bei der Schule an.")
    dialog.accept()
    assert section.transition_label.isHidden()
    assert not any("Übergang planen" in w.followup_panel.list.item(i).text()
                   for i in range(w.followup_panel.list.count()))

    target = tmp_path / "abschluss.pdf"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda parent, suggested: target)
    assert section.export_closing_report() == target
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert "Die Mutter ruft selbst bei der Schule an." in text


def test_buttons_wait_for_an_agreed_version(qtbot, complete_case) -> None:
    services, _case_id, _ = complete_case  # a draft only
    w = MainWindow(services)
    qtbot.addWidget(w)
    section = w.followup_section
    assert not section.review_button.isEnabled() and not section.reflection_button.isEnabled()
    assert "abgeschlossene Vereinbarung" in section.hint.text()
    assert FollowUpService(services.db).due_items() == []


@pytest.mark.parametrize("entry", ["review", "reflection"])
def test_an_entry_with_a_wrong_date_is_not_saved(window, entry) -> None:
    """Both entry dialogs (one shared Save): a date that is not TT.MM.JJJJ keeps the dialog open
    with the date's message and saves nothing; corrected, the next Save stores the entry."""
    w, case_id, _ = window
    section = w.followup_section
    follow = section.follow
    dialog = section.record_review() if entry == "review" else section.record_reflection()
    if entry == "review":
        dialog.rows[0].client.setCurrentIndex(1)
    else:
        dialog.set_present(dialog.people[0].name)
        dialog.set_rating("a", dialog.people[0].name, 4)
    dialog.date.line.setText("31.02.2027")
    dialog.save_button.click()
    assert dialog.isVisible() and dialog.saved is None
    assert "kein gültiges Datum" in dialog.error.text()
    assert (follow.reviews(case_id) if entry == "review" else follow.reflections(case_id)) == []
    dialog.date.line.setText("01.03.2027")
    dialog.save_button.click()
    assert not dialog.isVisible() and dialog.saved is not None and dialog.saved.held_on == dt.date(2027, 3, 1)


def test_reflection_says_to_tick_who_was_present_before_the_ratings_show(window, qtbot) -> None:
    w, _case_id, _agreement = window
    dialog = w.followup_section.record_reflection()
    dialog.show()
    hint = "Bitte zuerst ankreuzen, wer dabei war – dann erscheinen die Bewertungen."
    assert dialog.present_hint.text() == hint and dialog.present_hint.isVisible()
    assert not any(combo.isVisible() for row in dialog.cells.values() for combo, _note in row)
    dialog.set_present("Ağrı Şükrü Çelik")
    assert not dialog.present_hint.isVisible()
    assert dialog.cells["a"][0][0].isVisible()
    dialog.reject()
