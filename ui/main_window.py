"""The main window: case list (filter as you type) on the left, the selected case on the right.

The window builds its parts itself (signing, follow-up, data protection, preview, family view,
settings; each a QObject constructed with what it needs), places the actions and widgets they offer
in its menus and layouts and connects their signals. A part never reaches into the window.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kooperation_desktop.domain import limits
from kooperation_desktop.domain.model import AgreementStatus, Case
from kooperation_desktop.domain.rules import RuleViolation
from kooperation_desktop.protection.retention import RetentionService
from kooperation_desktop.services import Services
from kooperation_desktop.signing.service import SigningService
from kooperation_desktop.usecases.reports import ReportService

from . import dialogs
from .case_list_model import CASE_ID_ROLE, PAGE_SIZE, CaseListModel
from .case_table import CaseTable
from .case_view import CaseView
from .family_view import FamilyViewController
from .followup import DuePanel, FollowUpController, FollowUpSection
from .i18n import current_language
from .preview import PreviewController
from .protection.menu import ProtectionController
from .report_dialog import ReportController
from .screen import fit_to_screen
from .settings import SettingsController
from .signing.actions import SigningController, SigningPanel
from .signing.export import PdfExport, saved_message
from .team import TeamController
from .welcome import WelcomeController, WelcomePanel
from .widgets import HINT_STYLE

if TYPE_CHECKING:
    from .wizard.wizard import AgreementWizard

FILTER_DELAY_MS = 150


def tr(text: str) -> str:
    """Messages the window makes later (status bar, errors); its widget texts are swapped by
    :func:`ui.i18n.translate_widget_tree`."""
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


class MainWindow(QMainWindow):

    cases_reloaded = Signal()  # data may have changed (not emitted for a filter keystroke)
    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.wizard: AgreementWizard | None = None
        self.new_case_dialog: dialogs.NewCaseDialog | None = None
        self.setWindowTitle("Kooperation Desktop – Kooperationsvereinbarungen")
        fit_to_screen(self, QSize(1100, 750))  # at 150 % a laptop screen has 1280×720 logical pixels

        # left: filter + case list + buttons
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 4, 8)
        self.filter_edit = QLineEdit(left)
        self.filter_edit.setPlaceholderText("Suchen: Name, Aktenzeichen …")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMaxLength(limits.MAX_FILTER)  # the core refuses longer search texts
        self.filter_edit.setAccessibleName("Fälle suchen")
        filter_label = QLabel("&Suchen:", left)
        filter_label.setBuddy(self.filter_edit)
        row = QHBoxLayout()
        row.addWidget(filter_label)
        row.addWidget(self.filter_edit, 1)
        left_layout.addLayout(row)
        # how many cases the list holds („mehr als 1.000 Fälle gefunden“ while a search counted only the first)
        self.hits_label = QLabel("", left)
        self.hits_label.setStyleSheet(HINT_STYLE)
        self.hits_label.setMinimumHeight(self.hits_label.fontMetrics().height())  # no jump when it empties
        left_layout.addWidget(self.hits_label)

        self.model = CaseListModel(self)
        self.model.counted.connect(self._show_hits)
        self.table = CaseTable(left)  # fits its width: the title gets the room, no sideways scrolling
        self.table.setModel(self.model)
        self.table.setAccessibleName("Fälle")
        # the empty state of a search: over the (empty) list, centred at its top
        self.no_hits_label = QLabel("Keine Treffer", self.table.viewport())
        self.no_hits_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.no_hits_label.setWordWrap(True)
        self.no_hits_label.setStyleSheet(HINT_STYLE + " padding: 24px 8px;")
        self.no_hits_label.hide()
        overlay = QVBoxLayout(self.table.viewport())
        overlay.setContentsMargins(0, 0, 0, 0)
        overlay.addWidget(self.no_hits_label)
        overlay.addStretch(1)
        left_layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.new_button = QPushButton("&Neuer Fall…", left)
        self.edit_button = QPushButton("&Vereinbarung bearbeiten…", left)
        self.export_button = QPushButton("&PDF exportieren…", left)
        for b in (self.new_button, self.edit_button, self.export_button):
            b.setAccessibleName(b.text().replace("&", "").rstrip("…"))
            buttons.addWidget(b)
        buttons.addStretch(1)
        left_layout.addLayout(buttons)

        self.case_view = CaseView(self)
        self.right = QStackedWidget(self)  # the case view, or the welcome panel while there is no case
        self.right.addWidget(self.case_view)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([480, 620])  # the case view holds the most: give it the room
        self.setCentralWidget(splitter)

        # the window's parts: each built with what it needs; the window places what they offer
        self.signing = SigningService(services.db)  # one seal session for the window, its wizard and preview
        self.pdf_export = PdfExport(self.signing, self)  # every PDF save: sealed once a version is final
        self.family = FamilyViewController(services, self.case_view, self)
        self.preview = PreviewController(services, self.pdf_export, self.case_view, self)
        self.followup = FollowUpController(services, self)
        self.report = ReportController(ReportService(services.db), self.signing, self)  # „Bericht für das Jugendamt…“
        self.signing_controller = SigningController(services, self.signing, self.pdf_export, self.case_view, self)
        self.protection = ProtectionController(services, self.case_view, self)
        # one settings dialog: language, place, the lock's idle time and the folder's retention period
        self.settings = SettingsController(self, RetentionService(services.db), self.protection.lock,
                                           ReportService(services.db))
        self.welcome = WelcomeController(services, self)
        self.welcome_panel: WelcomePanel = self.welcome.panel
        self.right.addWidget(self.welcome_panel)
        self._welcome_requested = False  # „Hilfe → Willkommen“ shows the panel although there are cases

        # actions and menus
        self.new_action = QAction("&Neuer Fall…", self)
        self.new_action.setShortcut(QKeySequence("Ctrl+N"))
        self.edit_action = QAction("&Vereinbarung bearbeiten…", self)
        self.edit_action.setShortcut(QKeySequence("Ctrl+B"))  # „bearbeiten“; Ctrl+E exports, Ctrl+P prints
        self.export_action = QAction("&PDF exportieren…", self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.quit_action = QAction("&Beenden", self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.family_view_action: QAction = self.family.action
        self.family_view_action.setShortcuts([QKeySequence("F11"), QKeySequence("Ctrl+Shift+F")])
        self.family_view_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)  # from anywhere
        self.preview_action: QAction = self.preview.action
        self.preview_action.setShortcuts([QKeySequence("Ctrl+P"), QKeySequence("Ctrl+Shift+P")])  # prints
        self.settings_action: QAction = self.settings.action
        self.end_help_action: QAction = self.signing_controller.end_help_action
        menu = self.menuBar().addMenu("&Fall")
        for action in (self.new_action, self.edit_action, self.export_action, self.family_view_action,
                       self.preview_action, self.report.action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        self.menuBar().addMenu(self.settings.menu)  # Extras
        self.signing_menu: QMenu = self.signing_controller.menu
        self.menuBar().addMenu(self.signing_menu)
        self.menuBar().addMenu(self.protection.menu)  # Datenschutz (with the lock, Ctrl+L)
        self.protection.menu.addAction(self.settings_action)  # the same one dialog, found here too
        # team mode (a data folder connected with the agency's server) only: menu „Team“, status line
        self.team: TeamController | None = TeamController(services, self) if TeamController.available(services) \
            else None
        if self.team is not None:
            self.menuBar().addMenu(self.team.menu)
            self.statusBar().addPermanentWidget(self.team.status_label)
        self.menuBar().addMenu(self.welcome.menu)  # Hilfe: welcome, help (F1), example

        # the parts' widgets: due items above the list; signing and follow-up in the case view
        self.followup_panel: DuePanel = self.followup.panel
        self.followup_section: FollowUpSection = self.followup.section
        self.signing_panel: SigningPanel = self.signing_controller.panel
        left_layout.insertWidget(0, self.followup_panel)
        self.case_view.insert_section(self.signing_panel, after=self.case_view.details_row)
        self.case_view.insert_section(self.followup_section, page=CaseView.HISTORY)

        self.new_action.triggered.connect(self.new_case)
        self.edit_action.triggered.connect(self.edit_agreement)
        self.export_action.triggered.connect(self.export_pdf)
        self.quit_action.triggered.connect(self.close)
        self.new_button.clicked.connect(self.new_case)
        self.edit_button.clicked.connect(self.edit_agreement)
        self.export_button.clicked.connect(self.export_pdf)
        self.case_view.case_shown.connect(self.followup_section.show_case)
        self.followup_section.show_case(self.case_view.case)
        self.case_view.case_shown.connect(self.report.show_case)
        self.report.changed.connect(self.followup_panel.refresh)
        self.cases_reloaded.connect(self.followup_panel.refresh)  # after edits, not after each filter keystroke
        self.followup.case_requested.connect(self.open_case)
        self.signing_controller.case_changed.connect(lambda case_id: self.refresh(select_id=case_id))
        self.protection.case_changed.connect(lambda case_id: self.refresh(select_id=case_id))
        self.pdf_export.saved.connect(lambda result: self.show_status(saved_message(result)))
        for part in (self.settings, self.signing_controller, self.protection, self.welcome):
            part.status_message.connect(self.show_status)
        self.welcome.new_case_requested.connect(self.new_case)
        self.welcome.show_requested.connect(self.show_welcome)
        self.welcome.cases_changed.connect(self._example_changed)
        if self.team is not None:
            self.team.status_message.connect(self.show_status)
            self.team.cases_changed.connect(lambda: self.refresh())
            self.cases_reloaded.connect(self.team.refresh_status)  # local edits: the waiting changes

        self.filter_timer = QTimer(self)
        self.filter_timer.setSingleShot(True)
        self.filter_timer.setInterval(FILTER_DELAY_MS)
        self.filter_timer.timeout.connect(self.apply_filter)
        self.filter_edit.textChanged.connect(lambda _t: self.filter_timer.start())
        self._selecting = False  # True while _reload_list sets the selection itself
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: None if self._selecting else self._show_selected())
        self.table.doubleClicked.connect(lambda _i: self.edit_agreement())

        self.setTabOrder(self.filter_edit, self.table)
        self.setTabOrder(self.table, self.new_button)
        self.setTabOrder(self.new_button, self.edit_button)
        self.setTabOrder(self.edit_button, self.export_button)
        self.setTabOrder(self.export_button, self.case_view)

        if self.team is None:
            self.statusBar().showMessage(tr("Alle Daten bleiben auf diesem Gerät."))
        self.refresh()

    # --- case list -------------------------------------------------------------------------
    def refresh(self, select_id: int | None = None) -> None:
        """Reload after data may have changed: the list (current filter, keeping or setting the
        selection), then ``cases_reloaded`` for the panels that summarise all cases."""
        self._reload_list(select_id)
        self.cases_reloaded.emit()

    def apply_filter(self) -> None:
        """A keystroke in the search field: only the list is filtered again (in SQL); the case
        view is rebuilt only when the selected case changes."""
        self._reload_list(reshow=False)

    def _reload_list(self, select_id: int | None = None, *, reshow: bool = True) -> None:
        self.filter_timer.stop()
        keep = select_id if select_id is not None else self.selected_case_id()
        shown = self.case_view.case.id if self.case_view.case is not None else None
        text = self.filter_edit.text().strip()
        services = self.services
        hits: int | None = None
        more = False
        if text:  # a search: count first, up to one more than COUNTED_HITS; no hits, no list to read
            hits = services.cases.count(text, at_most=limits.COUNTED_HITS + 1)
            first = services.cases.list(text, limit=PAGE_SIZE, hits=hits) if hits else []
            more = hits > limits.COUNTED_HITS  # „mehr als 1.000“: the list counts on as it is scrolled
            total = min(hits, limits.COUNTED_HITS)
        else:
            first = services.cases.list(text, limit=PAGE_SIZE)
            # a short list is complete: count only when there are more
            total = len(first) if len(first) < PAGE_SIZE else services.cases.count(text)
        self.model.set_source(total, lambda offset, limit: services.cases.list(text, limit=limit, offset=offset,
                                                                               hits=hits),
                              lambda case_id: services.cases.position(text, case_id), first_page=first,
                              count_on=(lambda at_most: services.cases.count(text, at_most=at_most)) if more else None)
        self.no_hits_label.setVisible(total == 0 and bool(text))
        row = self.model.row_of(keep) if keep is not None else -1
        if row < 0 and self.model.rowCount() > 0:
            row = 0
        self._selecting = True
        try:
            if row >= 0:
                self.table.selectionModel().select(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.setCurrentIndex(self.model.index(row, 0))
        finally:
            self._selecting = False
        if reshow or self.selected_case_id() != shown:
            self._show_selected()
        else:
            self._update_actions()
        self._update_welcome()
        self.welcome.refresh()

    def _show_hits(self) -> None:
        """The line above the list: how many cases it holds, or that a search found more than it counted."""
        n = self.model.rowCount()
        count = f"{n:,}" if current_language() == "en" else f"{n:,}".replace(",", ".")  # 1,000 / 1.000
        if not self.model.complete():
            text = tr("mehr als {count} Fälle gefunden").format(count=count)
        elif not n:
            text = ""  # an empty search says „Keine Treffer“ over the list
        elif self.filter_edit.text().strip():
            text = tr("1 Fall gefunden") if n == 1 else tr("{count} Fälle gefunden").format(count=count)
        else:
            text = tr("1 Fall") if n == 1 else tr("{count} Fälle").format(count=count)
        self.hits_label.setText(text)

    def show_welcome(self) -> None:
        """„Hilfe → Willkommen und erste Schritte“: the welcome panel, until a case is chosen."""
        self._welcome_requested = True
        self._update_welcome()

    def welcome_shown(self) -> bool:
        return self.right.currentWidget() is self.welcome_panel

    def _update_welcome(self) -> None:
        empty = self.model.rowCount() == 0 and not self.filter_edit.text().strip()
        self.right.setCurrentWidget(self.welcome_panel if empty or self._welcome_requested else self.case_view)

    def _example_changed(self, case_id: int | None) -> None:
        self._welcome_requested = False
        self.filter_edit.clear()
        self.refresh(select_id=case_id)

    def selected_case_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        return self.model.data(rows[0], CASE_ID_ROLE)

    def _show_selected(self) -> None:
        case_id = self.selected_case_id()
        if case_id is not None and case_id != (self.case_view.case.id if self.case_view.case else None):
            self._welcome_requested = False  # a case chosen: the case view again
        self.case_view.show_case(self.services.cases.get(case_id) if case_id is not None else None)
        self._update_actions()

    def _update_actions(self) -> None:
        has_case = self.selected_case_id() is not None
        for w in (self.edit_button, self.edit_action):
            w.setEnabled(has_case)
        case = self.case_view.case
        has_agreement = bool(case and case.agreements)
        for w in (self.export_button, self.export_action):
            w.setEnabled(has_agreement)

    # --- use cases -------------------------------------------------------------------------
    def new_case(self) -> None:
        dialog = dialogs.NewCaseDialog(self)
        dialog.accepted.connect(lambda: self._create_case(dialog.value()))
        dialog.finished.connect(dialog.deleteLater)
        self.new_case_dialog = dialog
        dialog.open()

    def _create_case(self, value: dialogs.NewCase) -> Case | None:
        try:
            case = self.services.cases.create(value.title, value.file_number, value.help_type)
        except RuleViolation as exc:
            dialogs.show_rule_violation(self, exc)
            return None
        self.filter_edit.blockSignals(True)
        self.filter_edit.clear()
        self.filter_edit.blockSignals(False)
        self._welcome_requested = False
        self.refresh(select_id=case.id)
        self.statusBar().showMessage(tr("Fall „{title}“ angelegt.").format(title=case.title), 5000)
        return case

    def edit_agreement(self) -> AgreementWizard | None:
        case_id = self.selected_case_id()
        if case_id is None:
            return None
        case = self.services.cases.get(case_id)
        newest = case.agreements[0] if case.agreements else None
        if (newest is not None and newest.status != AgreementStatus.DRAFT
                and not dialogs.ask_new_version(self, newest.version)):
            return None
        from .wizard.wizard import AgreementWizard  # loaded when first needed, not at start

        try:
            wizard = AgreementWizard(self.services, case_id, self, pdf_export=self.pdf_export)
        except RuleViolation as exc:
            dialogs.show_rule_violation(self, exc)
            return None
        wizard.finished.connect(lambda _r: self.refresh(select_id=case_id))
        wizard.page_overview.next_step_requested.connect(lambda what: self._after_wizard(wizard, what))
        self.wizard = wizard
        wizard.open()
        return wizard

    def _after_wizard(self, wizard: AgreementWizard, what: str) -> None:
        """The wizard's next steps after finalising: close it, then preview & print or sign."""
        wizard.accept()
        if what == "preview":
            self.preview.open()
        elif what == "sign":
            self.signing_controller.open_sign_dialog()

    def export_pdf(self) -> Path | None:
        """„PDF exportieren…“ (menu, button, Ctrl+E): the version chosen in the case view (default:
        the newest finalised one), saved through :attr:`pdf_export` – sealed unless a draft."""
        case_id = self.selected_case_id()
        if case_id is None:
            return None
        case = self.services.cases.get(case_id)
        if not case.agreements:
            dialogs.show_error(self, tr("Für diesen Fall gibt es noch keine Vereinbarung."), tr("PDF exportieren"))
            return None
        if self.case_view.case is None or self.case_view.case.id != case_id:
            self.case_view.show_case(case)
        chosen = self.case_view.agreement_to_print() or case.agreements[0]
        return self.pdf_export.save_as(self, chosen.id, dialogs.suggested_pdf_name(chosen.document_id,
                                                                                    chosen.version))

    def open_case(self, case_id: int) -> None:
        """Show ``case_id`` in the list (the filter cleared) and the case view."""
        self.filter_edit.clear()
        self.refresh(select_id=case_id)

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.wizard is not None and self.wizard.isVisible():
            self.wizard.close()
        if self.team is not None:
            self.team.shutdown()  # a running sync ends before the database closes
        super().closeEvent(event)
