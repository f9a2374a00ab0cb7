"""The one way the UI saves an agreement PDF: a draft plain (ENTWURF), a finalised, signed or ended
version sealed (the seal is set up on first use or unlocked once per session).

One :class:`PdfExport` per main window, built on the window's :class:`SigningService` and handed to
every part that saves a PDF: the window's „PDF exportieren…“ (menu, button, Ctrl+P), the signing
menu's „Zum Unterschreiben drucken…“, the preview's „Speichern…“ and the wizard's overview page.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from kooperation_desktop.domain.rules import RuleViolation
from kooperation_desktop.signing.errors import SealError
from kooperation_desktop.signing.service import ExportResult, SigningService

from .. import dialogs as app_dialogs
from . import dialogs
from .pad import tr


class PdfExport(QObject):
    """Save agreement versions as PDF files, sealed when the version is no longer a draft."""

    saved = Signal(object)  # the ExportResult of every file written

    def __init__(self, signing: SigningService, parent: QObject | None = None):
        super().__init__(parent)
        self.signing = signing

    def save(self, parent: QWidget | None, agreement_id: int, path: Path) -> ExportResult | None:
        """Write the PDF of ``agreement_id`` to ``path``. None when the user cancels unlocking
        the seal. Raises RuleViolation, SealError or OSError (German messages) for the caller
        to show."""
        if self.signing.needs_seal(agreement_id) and not dialogs.unlock_seal(parent, self.signing):
            return None
        result = self.signing.export(agreement_id, path)
        self.saved.emit(result)
        return result

    def save_as(self, parent: QWidget | None, agreement_id: int, suggested_name: str,
                title: str = "") -> Path | None:
        """Ask where to save (the PDF folder, ``suggested_name``), save, and show what went
        wrong in a message box titled ``title``. The written path, or None."""
        title = title or tr("PDF exportieren")
        path = app_dialogs.ask_save_path(parent, app_dialogs.default_pdf_dir() / suggested_name)
        if path is None:
            return None
        try:
            result = self.save(parent, agreement_id, path)
        except RuleViolation as exc:
            app_dialogs.show_rule_violation(parent, exc, title)
            return None
        except SealError as exc:
            app_dialogs.show_error(parent, str(exc), title)
            return None
        except OSError as exc:
            app_dialogs.show_error(parent, tr("Die Datei konnte nicht gespeichert werden:\n{reason}").format(
                reason=exc.strerror or exc), title)
            return None
        return result.path if result is not None else None


def saved_message(result: ExportResult) -> str:
    """The status bar's note after a PDF was written."""
    return (tr("PDF gespeichert und versiegelt: {path}") if result.sealed else tr("PDF gespeichert: {path}")).format(
        path=result.path)
