"""Follow-up in the window: the "Heute fällig / überfällig" panel on the start screen and the
"Verlauf der Hilfe" section in the case view (reviews, reflections, charts, transition, PDFs).

:class:`FollowUpController` is the main window's part: it offers the :attr:`~FollowUpController.panel`
and the :attr:`~FollowUpController.section` the window places, and :attr:`~FollowUpController.case_requested`."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from kooperation_desktop.followup.service import FollowUpService
from kooperation_desktop.services import Services

from .case_section import FollowUpSection
from .due_panel import DuePanel

__all__ = ["DuePanel", "FollowUpController", "FollowUpSection"]


class FollowUpController(QObject):
    """The due panel (for the case list) and the follow-up section (for the case view) of one
    database; recording something in the section refreshes the panel."""

    case_requested = Signal(int)  # the user chose a due item: show this case

    def __init__(self, services: Services, parent: QWidget):
        super().__init__(parent)
        self.follow = FollowUpService(services.db)
        self.panel = DuePanel(self.follow, parent)
        self.section = FollowUpSection(self.follow, parent)
        self.panel.case_requested.connect(self.case_requested)
        self.section.changed.connect(self.panel.refresh)
