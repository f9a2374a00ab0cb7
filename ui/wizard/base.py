"""Common behaviour of the wizard pages: load on entry, save as the user types, check on "Weiter".

A page edits domain objects in place and marks them dirty; a short timer (and leaving the page)
saves them through the services. Whether the user may go on is decided by the core
(:func:`kooperation_desktop.domain.wizard.may_go_on`); the page only shows its German messages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from kooperation_desktop import undo
from kooperation_desktop.domain.model import Agreement, Case
from kooperation_desktop.domain.rules import RuleViolation
from kooperation_desktop.domain.wizard import Step, may_go_on
from kooperation_desktop.services import Services

from ..domain_labels import describe, step_subtitle, step_title
from ..widgets import WARNING_STYLE, DateEdit, ErrorLabel, RowEditor, fill

if TYPE_CHECKING:
    from .wizard import AgreementWizard

SAVE_DELAY_MS = 400


class StepPage(QWizardPage):
    """Base class of every wizard page; subclasses set ``step`` and implement build()/load()."""

    step: Step

    def __init__(self, services: Services, wizard: AgreementWizard):
        super().__init__(wizard)
        self.services = services
        self._wizard = wizard  # QWizardPage.wizard() is typed as a plain QWizard (or None)
        self.setTitle(step_title(self.step))
        self.setSubTitle(step_subtitle(self.step))
        self.setAccessibleName(self.title())

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.frozen_banner = ErrorLabel(self, style=WARNING_STYLE)
        outer.addWidget(self.frozen_banner)
        self.undo_bar = UndoBar(self)
        self.undo_bar.undo_button.clicked.connect(self.undo_removal)
        outer.addWidget(self.undo_bar)
        self._removal: undo.Removal | None = None
        self.undo_shortcut = QShortcut(QKeySequence.StandardKey.Undo, self)
        self.undo_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.undo_shortcut.activated.connect(self.undo_removal)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.body = QWidget(self.scroll_area)
        self.content = QVBoxLayout(self.body)
        self.content.setContentsMargins(4, 4, 12, 4)
        self.scroll_area.setWidget(self.body)
        outer.addWidget(self.scroll_area, 1)
        self.problems = ErrorLabel(self)
        self.problems.setAccessibleName(self.tr("Was noch fehlt"))
        outer.addWidget(self.problems)

        self._dirty: list[Any] = []
        self._agreement_dirty = False
        self.entry_focus: QWidget | None = None  # the field to start typing in (see focus_on_entry)
        # why nothing can be removed here ("" when it can): a case this worker only covers (team mode)
        self.removal_refused = ""
        self._loading = False
        self.save_timer = QTimer(self)
        self.save_timer.setSingleShot(True)
        self.save_timer.setInterval(SAVE_DELAY_MS)
        self.save_timer.timeout.connect(self.flush)
        self.build()
        self.content.addStretch(1)

    # --- to implement --------------------------------------------------------------------
    def build(self) -> None:
        """Create the page's widgets (once)."""

    def load(self) -> None:
        """Fill the widgets from ``self.case`` / ``self.agreement`` (on every entry)."""

    # --- access to the wizard's state -----------------------------------------------------
    def wiz(self) -> AgreementWizard:
        return self._wizard

    @property
    def case(self) -> Case:
        return self.wiz().case

    @property
    def agreement(self) -> Agreement:
        return self.wiz().agreement

    # --- saving ---------------------------------------------------------------------------
    def mark_dirty(self, entity: Any) -> None:
        if self._loading:
            return
        if not any(e is entity for e in self._dirty):
            self._dirty.append(entity)
        self.save_timer.start()

    def mark_agreement_dirty(self) -> None:
        if self._loading:
            return
        self._agreement_dirty = True
        self.save_timer.start()

    def pending(self) -> bool:
        return bool(self._dirty) or self._agreement_dirty

    def flush(self) -> list[str]:
        """Save everything typed so far; returns German messages of refused saves."""
        self.save_timer.stop()
        errors: list[str] = []
        dirty, self._dirty = self._dirty, []
        for entity in dirty:
            try:
                saved = self.services.parties.save(entity)
            except RuleViolation as exc:
                where = describe(entity)  # which row: "Person „…“", "Aufgabe „…“"
                errors.extend(f"{where}: {p.message}" for p in exc.problems)
                self._dirty.append(entity)  # not saved yet: try again with the next change
                continue
            if saved is not None and saved is not entity:
                entity.id = saved.id
        if self._agreement_dirty:
            self._agreement_dirty = False
            try:
                self.services.agreements.update(self.agreement)
            except RuleViolation as exc:
                errors.extend(p.message for p in exc.problems)
        if errors:
            self.problems.show_messages(errors)
        elif not self._loading:
            self.problems.clear_messages()
        return errors

    def delete_entity(self, entity: Any) -> None:
        """Remove an entity the user took out; it can be put back with "Rückgängig" (Ctrl+Z)."""
        self._dirty = [e for e in self._dirty if e is not entity]
        if getattr(entity, "id", None) is None:
            return
        self.flush()  # what else was typed is saved first, so the undo restores the latest text
        try:
            self._removal = undo.remove(self.services, entity)
        except RuleViolation as exc:
            self.problems.show_messages([p.message for p in exc.problems])
            self.reload_page()
            return
        self.undo_bar.show_removal(describe(self._removal.entity))

    def undo_removal(self) -> None:
        """Put back the last removal on this page (with its indicators, tasks, consents ...)."""
        if self._removal is None:
            return
        removal, self._removal = self._removal, None
        self.undo_bar.hide()
        try:
            undo.undo(self.services, removal)
        except RuleViolation as exc:
            self.problems.show_messages([p.message for p in exc.problems])
        self.reload_page()

    def reload_page(self) -> None:
        """Save what was typed, read the case and agreement again and refill the page's widgets."""
        self.flush()
        self.refill()

    def refill(self) -> None:
        """Read the case and agreement again and refill the page's widgets (nothing is saved)."""
        self.wiz().reload()
        self._loading = True
        try:
            self.load()
        finally:
            self._loading = False

    # --- QWizardPage ----------------------------------------------------------------------
    def focus_on_entry(self, widget: QWidget) -> None:
        """Put the keyboard focus into ``widget`` once the page is shown (the wizard gives it to the
        page's first field otherwise): the first field still to fill in, not one filled already."""
        self.entry_focus = widget
        widget.setFocus()

    def initializePage(self) -> None:
        self.entry_focus = None
        self.wiz().reload()
        self.problems.clear_messages()
        self._removal = None
        self.undo_bar.hide()
        self._dirty = []
        self._agreement_dirty = False
        if self.agreement.is_editable:
            self.frozen_banner.clear_messages()
        else:
            self.frozen_banner.show_messages([fill(self.tr(
                "Version %1 ist abgeschlossen und kann nicht mehr geändert werden. "
                "Für Änderungen im Hauptfenster „Vereinbarung bearbeiten…“ wählen: das legt eine neue Version an."),
                self.agreement.version)])
        covered = self.case.id is not None and self.services.cases.is_covered(self.case.id)
        self.removal_refused = self.tr("Als Vertretung können Sie hier nichts entfernen; das darf die "
                                       "zuständige Fachkraft.") if covered else ""
        self._loading = True
        try:
            self.load()
        finally:
            self._loading = False
        for editor in self.body.findChildren(RowEditor):  # the server takes no deletion of a covered case
            editor.refuse_removal(self.removal_refused)
        self.body.setEnabled(self.agreement.is_editable or self.step.value == "overview")

    def cleanupPage(self) -> None:  # going back: keep what was typed
        self.flush()

    def unsaved(self) -> list[str]:
        """Save what can be saved; German messages for what was typed but could not be saved
        (refused input, invalid dates). Empty: nothing typed is lost when the page is left."""
        errors = self.flush()
        errors += [d.error_text() for d in self.body.findChildren(DateEdit) if not d.is_valid()]
        return errors

    def validatePage(self) -> bool:
        errors = self.unsaved()
        self.wiz().reload()
        problems = may_go_on(self.step, self.case, self.agreement)
        messages = errors + [p.message for p in problems]
        if messages:
            self.problems.show_messages(messages)
            return False
        self.problems.clear_messages()
        return True


class UndoBar(QFrame):
    """"„…“ entfernt. [Rückgängig]" — shown after a removal until the page is left."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("undoBar")
        self.setStyleSheet("#undoBar { background: #fff4ce; border: 1px solid #e0c36a; border-radius: 3px; }")
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 2, 8, 2)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        row.addWidget(self.label, 1)
        self.undo_button = QPushButton(self.tr("&Rückgängig"), self)
        self.undo_button.setAccessibleName(self.tr("Entfernen rückgängig machen"))
        self.undo_button.setToolTip(self.tr("Das Entfernte wiederherstellen (Strg+Z)"))
        # reached with Alt+R or Ctrl+Z; it must not take the focus when a page is entered
        self.undo_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        row.addWidget(self.undo_button)
        self.hide()

    def show_removal(self, label: str) -> None:
        self.label.setText(fill(self.tr("%1 wurde entfernt."), label))
        self.show()
