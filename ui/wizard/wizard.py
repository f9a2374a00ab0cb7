"""AgreementWizard: a QWizard built from a tuple of page classes (after Picard's setup wizard).

The step order, titles and "may I go on" rules come from the Qt-free
:mod:`kooperation_desktop.domain.wizard`; the wizard remembers the step it is on in
``agreement.wizard_step`` and reopens there.
"""

from __future__ import annotations

import contextlib
from typing import TypeVar

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget, QWizard

from kooperation_desktop.domain.model import Agreement, Case
from kooperation_desktop.domain.rules import RuleViolation
from kooperation_desktop.domain.wizard import STEPS, Step, resume_step, step_index
from kooperation_desktop.services import Services

from .. import dialogs
from ..signing.export import PdfExport
from ..widgets import fill
from .base import StepPage
from .page_communication import CommunicationPage
from .page_consent import ConsentPage
from .page_goals import GoalsPage
from .page_indicators import IndicatorsPage
from .page_overview import OverviewPage
from .page_participants import ParticipantsPage
from .page_tasks import TasksPage
from .page_timeframe import TimeframePage

PAGE_CLASSES: tuple[type[StepPage], ...] = (
    ParticipantsPage,
    ConsentPage,
    GoalsPage,
    IndicatorsPage,
    TasksPage,
    CommunicationPage,
    TimeframePage,
    OverviewPage,
)

assert tuple(p.step for p in PAGE_CLASSES) == tuple(s.step for s in STEPS), "pages must follow domain.wizard.STEPS"

PageT = TypeVar("PageT", bound=StepPage)


class AgreementWizard(QWizard):
    """The "Kooperationsvereinbarung" wizard over the case's current draft."""

    def __init__(self, services: Services, case_id: int, parent: QWidget | None = None,
                 pdf_export: PdfExport | None = None):
        super().__init__(parent)
        self.services = services
        if pdf_export is None:  # a wizard of its own (tests): its own seal session
            from kooperation_desktop.signing.service import SigningService

            pdf_export = PdfExport(SigningService(services.db), self)
        self.pdf_export = pdf_export  # "PDF speichern" on the overview page: sealed once final
        self.case_id = case_id
        self.agreement: Agreement = services.agreements.current_draft(case_id)
        self.case: Case = services.cases.get(case_id)
        self.setWindowTitle(fill(self.tr("Kooperationsvereinbarung – %1"), self.case.title))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Schließen"))
        # Qt's German "Finish" is "Abschließen" and "Fertig" reads like finalising the agreement:
        # on the last page the one button that closes is "Schließen" (the Cancel button is hidden there)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Schließen"))
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.button(QWizard.WizardButton.CancelButton).setToolTip(self.tr(
            "Schließen: Alles Eingegebene ist schon gespeichert. Beim nächsten Öffnen geht es hier weiter."
        ))
        from ..screen import fit_to_screen

        # at most 90 % of the free screen area (a 1080p laptop at 150 % scaling has 1280×720)
        fit_to_screen(self, QSize(1040, 720), minimum=QSize(900, 620))
        self.pages: dict[Step, StepPage] = {}
        for i, cls in enumerate(PAGE_CLASSES):
            page = cls(services, self)
            self.setPage(i, page)
            self.pages[cls.step] = page
        self._resuming = True
        self.restart()
        target = step_index(resume_step(self.agreement))
        while self.currentId() < target:
            before = self.currentId()
            self.next()
            if self.currentId() == before:  # an earlier step is not complete any more: stay there
                break
        self._resuming = False
        self.currentIdChanged.connect(self._remember_step)
        self.currentIdChanged.connect(self._focus_entry_field)
        self._remember_step(self.currentId())

    # named access for tests and callers
    @property
    def page_participants(self) -> ParticipantsPage:
        return self._page(ParticipantsPage)

    @property
    def page_consent(self) -> ConsentPage:
        return self._page(ConsentPage)

    @property
    def page_goals(self) -> GoalsPage:
        return self._page(GoalsPage)

    @property
    def page_indicators(self) -> IndicatorsPage:
        return self._page(IndicatorsPage)

    @property
    def page_tasks(self) -> TasksPage:
        return self._page(TasksPage)

    @property
    def page_communication(self) -> CommunicationPage:
        return self._page(CommunicationPage)

    @property
    def page_timeframe(self) -> TimeframePage:
        return self._page(TimeframePage)

    @property
    def page_overview(self) -> OverviewPage:
        return self._page(OverviewPage)

    def _page(self, kind: type[PageT]) -> PageT:
        page = self.pages[kind.step]
        assert isinstance(page, kind)  # PAGE_CLASSES has one page per step
        return page

    def go_to_step(self, step: Step) -> None:
        """Show ``step``: back without checks, forward only as far as each step allows."""
        target = step_index(step)
        while self.currentId() > target:
            self.back()
        while self.currentId() < target:
            before = self.currentId()
            self.next()
            if self.currentId() == before:
                break

    def current_step(self) -> Step | None:
        page = self.currentPage()
        return page.step if isinstance(page, StepPage) else None

    def reload(self) -> None:
        """Fetch the case and the agreement again (after saves)."""
        self.case = self.services.cases.get(self.case_id)
        agreement_id = self.agreement.id
        assert agreement_id is not None  # the wizard edits a stored agreement (current_draft)
        self.agreement = self.services.agreements.get(agreement_id)

    def _focus_entry_field(self, _page_id: int) -> None:
        page = self.currentPage()
        if isinstance(page, StepPage) and page.entry_focus is not None and page.body.isEnabled():
            page.entry_focus.setFocus()

    def _remember_step(self, page_id: int) -> None:
        if self._resuming or page_id < 0:
            return
        step = STEPS[page_id].step
        self.agreement.wizard_step = step.value
        with contextlib.suppress(RuleViolation):  # a frozen version keeps its step; nothing the user must act on
            self.services.agreements.update(self.agreement)

    def done(self, result: int) -> None:
        """Closing saves everything; what cannot be saved is shown, and only dropped if the user says so."""
        page = self.currentPage()
        if isinstance(page, StepPage):
            messages = page.unsaved()
            if messages and not dialogs.ask_discard(self, messages):
                page.problems.show_messages(messages)
                return
        super().done(result)
