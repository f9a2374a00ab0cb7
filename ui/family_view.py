"""Family view: the agreement in large type, read-only, for showing the laptop screen to the family.

Shows the same plain-German summary as the first page of the PDF
(:func:`kooperation_desktop.pdf.summary.family_summary`): the goals in the family's own words,
who does what until when, and when we meet next. F11 switches full screen on and off, Esc closes.

The main window's part :class:`FamilyViewController` offers the action „Ansicht für die Familie“
(Ctrl+Shift+F) the window puts into its „Fall“ menu.

With a family language (:attr:`Agreement.family_language`) each fixed text is followed by its
translation (:mod:`kooperation_desktop.family_texts`), under „Die deutsche Fassung ist
verbindlich.“; the translations of Arabic and Persian are laid out right to left (Qt shapes and
orders the letters itself). What was typed shows as typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt
from PySide6.QtGui import QAction, QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kooperation_desktop.domain.model import Agreement, Case
from kooperation_desktop.family_texts import BINDING, FamilyTexts, family_texts

from . import dialogs
from .i18n import current_language
from .screen import fit_to_screen

if TYPE_CHECKING:
    from kooperation_desktop.pdf.summary import FamilySummary
    from kooperation_desktop.services import Services

    from .case_view import CaseView

BASE_POINT_SIZE = 20  # body text; headings are larger
BACKGROUND = "#FFFDF7"
ACCENT = "#1F4E79"
SECOND = "#3B3B3B"  # the translation: a shade lighter than the German text


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def _label(text: str, size: float, bold: bool = False, color: str = "#1A1A1A") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # the family's words show exactly as typed
    label.setWordWrap(True)
    font = QFont(label.font())
    font.setPointSizeF(size)
    font.setBold(bold)
    label.setFont(font)
    label.setStyleSheet(f"color: {color};")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class FamilyView(QDialog):
    """A large-type, read-only presentation of one agreement version."""

    def __init__(self, case: Case, agreement: Agreement, parent: QWidget | None = None):
        super().__init__(parent)
        from kooperation_desktop.pdf.summary import family_summary  # with reportlab: loaded when first shown

        self.second: FamilyTexts | None = family_texts(agreement.family_language)
        if self.second is not None and self.second.language == current_language():
            self.second = None  # English twice in the English UI: once is enough
        self.summary: FamilySummary = family_summary(
            case, agreement, family_language=self.second.language if self.second else None)
        self.translations: list[QLabel] = []  # the labels in the family's language, in order
        self.setWindowTitle(tr("Ansicht für die Familie"))
        self.setAccessibleName(tr("Ansicht für die Familie"))
        self.setModal(True)
        self.setStyleSheet(f"FamilyView {{ background: {BACKGROUND}; }}")
        fit_to_screen(self, QSize(1100, 800))  # at 150 % a laptop screen has 1280×720 logical pixels

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setStyleSheet(f"QScrollArea, QScrollArea > QWidget > QWidget {{ background: {BACKGROUND}; }}")
        body = QWidget(self.scroll_area)
        self.content = QVBoxLayout(body)
        self.content.setSpacing(10)
        self.scroll_area.setWidget(body)
        outer.addWidget(self.scroll_area, 1)
        self._fill()

        buttons = QHBoxLayout()
        hint = _label(tr("F11: ganzer Bildschirm · Esc: schließen"), 12, color="#555555")
        buttons.addWidget(hint, 1)
        self.fullscreen_button = QPushButton(tr("&Ganzer Bildschirm"), self)
        self.fullscreen_button.setAccessibleName(tr("Ganzer Bildschirm ein oder aus"))
        self.fullscreen_button.clicked.connect(self.toggle_full_screen)
        self.close_button = QPushButton(tr("&Schließen"), self)
        self.close_button.setAccessibleName(tr("Schließen"))
        self.close_button.clicked.connect(self.reject)
        for b in (self.fullscreen_button, self.close_button):
            f = QFont(b.font())
            f.setPointSizeF(14)
            b.setFont(f)
            buttons.addWidget(b)
        outer.addLayout(buttons)
        self.close_button.setFocus()

    # --- content --------------------------------------------------------------------------
    def _heading(self, text: str, german: str) -> None:
        self.content.addSpacing(12)
        self.content.addWidget(_label(text, BASE_POINT_SIZE * 1.3, bold=True, color=ACCENT))
        self._add_second(german, BASE_POINT_SIZE * 1.15, bold=True, color=ACCENT)

    def _translated(self, text: str, size: float, bold: bool = False, color: str = SECOND,
                    indent: int = 0) -> QLabel | None:
        """A label with text in the family's language (None without text): right to left for
        Arabic and Persian."""
        if self.second is None or not text.strip():
            return None
        label = _label(text, size, bold=bold, color=color)
        if self.second.rtl:
            label.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
                               | Qt.AlignmentFlag.AlignTop)
            label.setContentsMargins(0, 0, indent, 0)
        else:
            label.setContentsMargins(indent, 0, 0, 0)
        label.setAccessibleName(text)
        self.translations.append(label)
        return label

    def _add_second(self, german: str, size: float, bold: bool = False, color: str = SECOND,
                    indent: int = 0, **values: object) -> None:
        """The family's language of the German fixed text ``german`` below the German label."""
        if self.second is not None:
            self._add_text(self.second(german, **values), size, bold, color, indent)

    def _add_text(self, text: str, size: float, bold: bool = False, color: str = SECOND, indent: int = 0) -> None:
        label = self._translated(text, size, bold, color, indent)
        if label is not None:
            self.content.addWidget(label)

    def _fixed(self, text: str, german: str, size: float = BASE_POINT_SIZE) -> None:
        """A fixed sentence (``text``: ``german`` in the UI's language), then its translation."""
        self.content.addWidget(_label(text, size))
        self._add_second(german, size)

    def _fill(self) -> None:
        s = self.summary
        self.content.addWidget(_label(tr("Unsere Vereinbarung"), BASE_POINT_SIZE * 1.6, bold=True, color=ACCENT))
        self._add_second("Unsere Vereinbarung", BASE_POINT_SIZE * 1.35, bold=True, color=ACCENT)
        if s.family:
            self.content.addWidget(_label(s.family, BASE_POINT_SIZE * 1.1))
        self.content.addWidget(_label(s.status, BASE_POINT_SIZE * 0.8, color="#555555"))
        self._add_text(s.status_second, BASE_POINT_SIZE * 0.8, color="#555555")
        if self.second is not None:
            self.content.addWidget(_label(tr("Die deutsche Fassung ist verbindlich."), BASE_POINT_SIZE * 0.8,
                                          bold=True))
            self._add_second(BINDING, BASE_POINT_SIZE * 0.8, bold=True)

        self._heading(tr("Das wollen wir erreichen"), "Das wollen wir erreichen")
        if not s.goals:
            self._fixed(tr("Die Ziele sind noch nicht eingetragen."), "Die Ziele sind noch nicht eingetragen.")
        for goal in s.goals:
            self.content.addWidget(_label(f"•  {goal}", BASE_POINT_SIZE))

        self._heading(tr("Wer macht was bis wann?"), "Wer macht was bis wann?")
        if not s.tasks:
            self._fixed(tr("Die Aufgaben sind noch nicht eingetragen."), "Die Aufgaben sind noch nicht eingetragen.")
        else:
            grid = QGridLayout()
            grid.setHorizontalSpacing(24)
            grid.setVerticalSpacing(10)
            previous = None
            for row, task in enumerate(s.tasks):
                who = task.who if (task.who, task.family) != previous else ""
                previous = (task.who, task.family)
                grid.addWidget(_label(who, BASE_POINT_SIZE, bold=True), row, 0, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(_label(task.what, BASE_POINT_SIZE), row, 1, Qt.AlignmentFlag.AlignTop)
                until = QWidget()
                until_box = QVBoxLayout(until)
                until_box.setContentsMargins(0, 0, 0, 0)
                until_box.setSpacing(2)
                until_box.addWidget(_label(task.until, BASE_POINT_SIZE, color="#333333"))
                second = self._translated(task.until_second, BASE_POINT_SIZE * 0.9)
                if second is not None:
                    until_box.addWidget(second)
                grid.addWidget(until, row, 2, Qt.AlignmentFlag.AlignTop)
            grid.setColumnStretch(1, 1)
            self.content.addLayout(grid)

        self._heading(tr("Wann sehen wir uns?"), "Wann sehen wir uns?")
        meetings = [*s.meetings, *([s.next_review] if s.next_review else [])]
        seconds = [*s.meetings_second, *([s.next_review_second] if s.next_review else [])]
        if not meetings:
            self._fixed(tr("Der nächste Termin ist noch nicht vereinbart."),
                        "Der nächste Termin ist noch nicht vereinbart.")
        for i, line in enumerate(meetings):
            self.content.addWidget(_label(f"•  {line}", BASE_POINT_SIZE))
            self._add_text(seconds[i] if i < len(seconds) else "", BASE_POINT_SIZE, indent=24)
        self.content.addStretch(1)

    def texts(self) -> list[str]:
        """Everything the view shows, in order (for tests and screen readers)."""
        return [w.text() for w in self.findChildren(QLabel) if w.text()]

    # --- keys -----------------------------------------------------------------------------
    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def event(self, event: QEvent) -> bool:
        # F11 opens this view from anywhere (an application shortcut); in here it toggles full screen
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and event.key() == Qt.Key.Key_F11:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_F11:
            self.toggle_full_screen()
            event.accept()
            return
        super().keyPressEvent(event)  # Esc closes (QDialog)


class FamilyViewController(QObject):
    """„Ansicht für die Familie…“ (Ctrl+Shift+F) for the version chosen in the ``case_view``."""

    def __init__(self, services: Services, case_view: CaseView, parent: QWidget):
        super().__init__(parent)
        self.services = services
        self.case_view = case_view
        self.dialog_parent = parent
        self.view: FamilyView | None = None
        self.action = QAction(tr("Ansicht für die &Familie…"), parent)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+F"))
        self.action.setStatusTip(tr("Die Vereinbarung in großer Schrift zeigen, zum Anschauen mit der Familie"))
        self.action.triggered.connect(lambda _checked=False: self.open())

    def open(self) -> FamilyView | None:
        """Open the family view of the version chosen in the case view (default: the newest)."""
        parent = self.dialog_parent
        shown = self.case_view.case
        if shown is None or shown.id is None:
            dialogs.show_error(parent, tr("Bitte zuerst einen Fall auswählen."), tr("Ansicht für die Familie"))
            return None
        case = self.services.cases.get(shown.id)
        if not case.agreements:
            dialogs.show_error(parent, tr("Für diesen Fall gibt es noch keine Vereinbarung."),
                               tr("Ansicht für die Familie"))
            return None
        chosen = self.case_view.agreement_to_print() or case.agreements[0]  # as „PDF exportieren“
        shown_case, agreement = self.services.agreements.document(chosen.id)
        view = FamilyView(shown_case, agreement, parent)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.view = view
        view.open()
        return view
