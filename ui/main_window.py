"""The main window: case list (filter as you type) on the left, the selected case on the right."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kooperation_desktop.domain import limits
from kooperation_desktop.domain.model import AgreementStatus, Case
from kooperation_desktop.domain.rules import RuleViolation
from kooperation_desktop.services import Services

from . import dialogs
from .case_list_model import CASE_ID_ROLE, PAGE_SIZE, CaseListModel
from .case_view import CaseView
from .screen import fit_to_screen

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

        self.model = CaseListModel(self)
        self.table = QTableView(left)
        self.table.setModel(self.model)
        self.table.setAccessibleName("Fälle")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list; arrows move inside it
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((115, 85, 85, 110, 165, 110)):
            # never narrower than the header's own text (English, larger fonts, 150 %)
            self.table.setColumnWidth(col, max(width, header.sectionSizeHint(col)))
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
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.case_view)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([480, 620])  # the case view holds the most: give it the room
        self.setCentralWidget(splitter)

        # actions and menu
        self.new_action = QAction("&Neuer Fall…", self)
        self.new_action.setShortcut(QKeySequence("Ctrl+N"))
        self.edit_action = QAction("&Vereinbarung bearbeiten…", self)
        self.edit_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action = QAction("&PDF exportieren…", self)
        self.export_action.setShortcut(QKeySequence("Ctrl+P"))
        self.quit_action = QAction("&Beenden", self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        menu = self.menuBar().addMenu("&Fall")
        for action in (self.new_action, self.edit_action, self.export_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.quit_action)

        self.new_action.triggered.connect(self.new_case)
        self.edit_action.triggered.connect(self.edit_agreement)
        self.export_action.triggered.connect(self.export_pdf)
        self.quit_action.triggered.connect(self.close)
        self.new_button.clicked.connect(self.new_case)
        self.edit_button.clicked.connect(self.edit_agreement)
        self.export_button.clicked.connect(self.export_pdf)

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

        self.statusBar().showMessage(tr("Alle Daten bleiben auf diesem Gerät."))
        from . import family_view, preview, settings  # everyday use: family view, preview, settings
        family_view.install(self); preview.install(self); settings.install(self)  # noqa: E702
        from . import followup  # due panel on the start screen, "Verlauf der Hilfe" in the case view
        followup.install(self)
        from .signing.actions import install as install_signing; install_signing(self)  # noqa: E702
        from .protection import install as install_protection; install_protection(self)  # noqa: E702  (Datenschutz, Ctrl+L)
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
        first = services.list_cases(text, limit=PAGE_SIZE)
        # a short hit list is complete: count (a full scan of the filter) only when there are more
        total = len(first) if len(first) < PAGE_SIZE else services.count_cases(text)
        self.model.set_source(total, lambda offset, limit: services.list_cases(text, limit=limit, offset=offset),
                              lambda case_id: services.case_position(text, case_id), first_page=first)
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

    def selected_case_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        return self.model.data(rows[0], CASE_ID_ROLE)

    def _show_selected(self) -> None:
        case_id = self.selected_case_id()
        self.case_view.show_case(self.services.get_case(case_id) if case_id is not None else None)
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
            case = self.services.create_case(value.title, value.file_number, value.help_type)
        except RuleViolation as exc:
            dialogs.show_rule_violation(self, exc)
            return None
        self.filter_edit.blockSignals(True)
        self.filter_edit.clear()
        self.filter_edit.blockSignals(False)
        self.refresh(select_id=case.id)
        self.statusBar().showMessage(tr("Fall „{title}“ angelegt.").format(title=case.title), 5000)
        return case

    def edit_agreement(self) -> AgreementWizard | None:
        case_id = self.selected_case_id()
        if case_id is None:
            return None
        case = self.services.get_case(case_id)
        newest = case.agreements[0] if case.agreements else None
        if newest is not None and newest.status != AgreementStatus.DRAFT:
            if not dialogs.ask_new_version(self, newest.version):
                return None
        from .wizard.wizard import AgreementWizard  # loaded when first needed, not at start

        try:
            wizard = AgreementWizard(self.services, case_id, self)
        except RuleViolation as exc:
            dialogs.show_rule_violation(self, exc)
            return None
        wizard.finished.connect(lambda _r: self.refresh(select_id=case_id))
        self.wizard = wizard
        wizard.open()
        return wizard

    def export_pdf(self) -> Path | None:
        case_id = self.selected_case_id()
        if case_id is None:
            return None
        case = self.services.get_case(case_id)
        if not case.agreements:
            dialogs.show_error(self, tr("Für diesen Fall gibt es noch keine Vereinbarung."), tr("PDF exportieren"))
            return None
        if self.case_view.case is None or self.case_view.case.id != case_id:
            self.case_view.show_case(case)
        latest = self.case_view.agreement_to_print() or case.agreements[0]
        path = dialogs.ask_save_path(self, dialogs.default_pdf_dir() / dialogs.suggested_pdf_name(latest.document_id, latest.version))
        if path is None:
            return None
        try:
            out = self.services.export_pdf(latest.id, path)
        except RuleViolation as exc:
            dialogs.show_rule_violation(self, exc, tr("PDF exportieren"))
            return None
        except OSError as exc:
            dialogs.show_error(self, tr("Die Datei konnte nicht gespeichert werden:\n{reason}").format(
                reason=exc.strerror or exc), tr("PDF exportieren"))
            return None
        self.statusBar().showMessage(tr("PDF gespeichert: {path}").format(path=out), 8000)
        return out

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.wizard is not None and self.wizard.isVisible():
            self.wizard.close()
        super().closeEvent(event)
