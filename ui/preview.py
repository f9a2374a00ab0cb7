"""PDF preview before printing or saving („Vorschau und Drucken“).

The agreement PDF is rendered in memory (no temporary file: it holds client data) and its pages
are turned into images with pypdfium2 (a small wheel; Qt PDF would need the large PySide6-Addons
wheel). The dialog shows the pages one below the other and offers:

* „Drucken…“: the Qt print dialog, then each page is rendered again at the printer's resolution
  and painted onto one printer page;
* „Speichern…“: saves the PDF like „PDF exportieren“ (a finalised version sealed).

:class:`PreviewController` is the main window's part: its ``action`` opens the dialog.

``ask_print`` is a module-level function tests replace (the print dialog is modal).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QRect, QSize, Qt
from PySide6.QtGui import QAction, QImage, QKeySequence, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kooperation_desktop.domain.rules import RuleViolation
from kooperation_desktop.services import Services

from . import dialogs
from .screen import fit_to_screen

if TYPE_CHECKING:
    from .case_view import CaseView
    from .signing.export import PdfExport

PREVIEW_SCALE = 1.3  # about 94 dpi on screen
PRINT_DPI = 300


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


class PreviewUnavailable(Exception):
    """pypdfium2 is missing; the message is German."""


def _pdfium():
    try:
        import pypdfium2
    except ImportError as exc:  # pragma: no cover - a broken installation
        raise PreviewUnavailable(tr("Die Vorschau ist nicht verfügbar (pypdfium2 fehlt). "
                                    "„PDF exportieren…“ funktioniert trotzdem.")) from exc
    return pypdfium2


def page_images(pdf: bytes, scale: float = PREVIEW_SCALE) -> Iterator[QImage]:
    """Each page of ``pdf`` as an RGB image (``scale`` 1.0 = 72 dpi)."""
    pdfium = _pdfium()
    document = pdfium.PdfDocument(pdf)
    try:
        for i in range(len(document)):
            page = document[i]
            bitmap = page.render(scale=scale, rev_byteorder=True)
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGB888).copy()  # copy: the buffer is freed below
            bitmap.close()
            page.close()
            yield image
    finally:
        document.close()


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Print every page of ``pdf`` on ``printer``, one image per page fitted to the page;
    returns the number of pages printed."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(tr("Der Drucker konnte nicht angesprochen werden."))
    count = 0
    try:
        for image in page_images(pdf, scale=PRINT_DPI / 72):
            if count:
                printer.newPage()
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(area.x(), area.y(), size.width(), size.height()), image)
            count += 1
    finally:
        painter.end()
    return count


def ask_print(parent: QWidget | None, printer: QPrinter) -> bool:
    """The Qt print dialog; True when the user chose to print (tests replace this)."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(tr("Drucken"))
    return dialog.exec() == QDialog.DialogCode.Accepted


class PreviewDialog(QDialog):
    """The pages of one agreement version, with „Drucken…“ and „Speichern…“."""

    def __init__(self, pdf_export: PdfExport, agreement_id: int, pdf: bytes, suggested_name: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.pdf_export = pdf_export
        self.agreement_id = agreement_id
        self.pdf = pdf
        self.suggested_name = suggested_name
        self.setWindowTitle(tr("Vorschau"))
        fit_to_screen(self, QSize(960, 860))
        layout = QVBoxLayout(self)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setAccessibleName(tr("Seiten der Vereinbarung"))
        self.scroll_area.setStyleSheet("QScrollArea > QWidget > QWidget { background: #7a7a7a; }")
        pages = QWidget(self.scroll_area)
        column = QVBoxLayout(pages)
        column.setSpacing(16)
        self.page_labels: list[QLabel] = []
        for n, image in enumerate(page_images(pdf), start=1):
            label = QLabel(pages)
            label.setPixmap(QPixmap.fromImage(image))
            label.setAccessibleName(tr("Seite {0}").format(n))
            column.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(label)
        self.scroll_area.setWidget(pages)
        layout.addWidget(self.scroll_area, 1)

        row = QHBoxLayout()
        self.info = QLabel(tr("{0} Seiten").format(len(self.page_labels)), self)
        row.addWidget(self.info, 1)
        self.print_button = QPushButton(tr("&Drucken…"), self)
        self.save_button = QPushButton(tr("&Speichern…"), self)
        self.close_button = QPushButton(tr("Schließen"), self)
        for b in (self.print_button, self.save_button, self.close_button):
            b.setAccessibleName(b.text().replace("&", "").rstrip("…"))
            row.addWidget(b)
        layout.addLayout(row)
        self.print_button.clicked.connect(self.print_document)
        self.print_shortcut = QAction(self)  # Ctrl+P opened this preview; Ctrl+P again prints
        self.print_shortcut.setShortcut(QKeySequence("Ctrl+P"))
        self.print_shortcut.triggered.connect(lambda _checked=False: self.print_document())
        self.addAction(self.print_shortcut)
        self.save_button.clicked.connect(self.save_document)
        self.close_button.clicked.connect(self.reject)
        self.print_button.setDefault(True)
        self.print_button.setFocus()

    def print_document(self, printer: QPrinter | None = None) -> int:
        """Ask for a printer and print; returns the number of pages printed (0: cancelled)."""
        printer = printer if isinstance(printer, QPrinter) else QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(tr("Kooperationsvereinbarung"))  # no names: print queues are visible to others
        if not ask_print(self, printer):
            return 0
        try:
            if printer.outputFileName():  # "print to file": never over a file of the data folder
                from kooperation_desktop.paths import guard_target

                guard_target(printer.outputFileName(), self.pdf_export.signing.db.data_dir)
            count = print_pdf(self.pdf, printer)
        except (OSError, PreviewUnavailable) as exc:
            dialogs.show_error(self, str(exc), tr("Drucken"))
            return 0
        self.info.setText(tr("{0} Seiten an den Drucker gegeben.").format(count))
        return count

    def save_document(self) -> Path | None:
        """Save the PDF like „PDF exportieren“ (:class:`~ui.signing.export.PdfExport`: a finalised
        version sealed)."""
        out = self.pdf_export.save_as(self, self.agreement_id, self.suggested_name, tr("Speichern"))
        if out is None:
            return None
        self.info.setText(tr("Gespeichert: {0}").format(out))
        return out


class PreviewController(QObject):
    """„Vorschau und Drucken…“ (Ctrl+Shift+P) for the version chosen in the ``case_view``."""

    def __init__(self, services: Services, pdf_export: PdfExport, case_view: CaseView, parent: QWidget):
        super().__init__(parent)
        self.services = services
        self.pdf_export = pdf_export
        self.case_view = case_view
        self.dialog_parent = parent
        self.dialog: PreviewDialog | None = None
        self.action = QAction(tr("Vorschau und &Drucken…"), parent)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.action.triggered.connect(lambda _checked=False: self.open())

    def open(self) -> PreviewDialog | None:
        """Preview the agreement version chosen in the case view (default: the newest)."""
        from kooperation_desktop.pdf.render import render_agreement_bytes

        parent = self.dialog_parent
        shown = self.case_view.case
        if shown is None or shown.id is None:
            return None
        case = self.services.cases.get(shown.id)
        if not case.agreements:
            dialogs.show_error(parent, tr("Für diesen Fall gibt es noch keine Vereinbarung."), tr("Vorschau"))
            return None
        latest = self.case_view.agreement_to_print() or case.agreements[0]  # as „PDF exportieren“
        try:
            pdf = render_agreement_bytes(*self.services.agreements.document(latest.id))
            dialog = PreviewDialog(self.pdf_export, latest.id, pdf,
                                   dialogs.suggested_pdf_name(latest.document_id, latest.version), parent)
        except RuleViolation as exc:
            dialogs.show_rule_violation(parent, exc, tr("Vorschau"))
            return None
        except PreviewUnavailable as exc:
            dialogs.show_error(parent, str(exc), tr("Vorschau"))
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog
