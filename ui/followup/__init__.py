"""Follow-up in the window: the "Heute fällig / überfällig" panel on the start screen and the
"Verlauf der Hilfe" section in the case view (reviews, reflections, charts, transition, PDFs)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kooperation_desktop.followup.service import FollowUpService

from .case_section import FollowUpSection
from .due_panel import DuePanel

if TYPE_CHECKING:
    from ..main_window import MainWindow

__all__ = ["DuePanel", "FollowUpSection", "install"]


def install(window: MainWindow) -> None:
    """Put the due panel on top of the case list and the follow-up section into the case view."""
    follow = FollowUpService(window.services)
    panel = DuePanel(follow, window)
    left_layout = window.filter_edit.parentWidget().layout()
    left_layout.insertWidget(0, panel)
    section = FollowUpSection(follow, window.case_view)
    host_layout = window.case_view.widget().layout()
    host_layout.insertWidget(host_layout.count() - 1, section)  # before the closing stretch
    window.case_view.case_shown.connect(section.show_case)
    section.show_case(window.case_view.case)

    def open_case(case_id: int) -> None:
        window.filter_edit.clear()
        window.refresh(select_id=case_id)

    panel.case_requested.connect(open_case)
    section.changed.connect(panel.refresh)
    window.cases_reloaded.connect(panel.refresh)  # after edits, not after each filter keystroke
    window.followup_panel = panel  # type: ignore[attr-defined]
    window.followup_section = section  # type: ignore[attr-defined]
