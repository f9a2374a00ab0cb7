"""The menu „Datenschutz“ (lock, backup/restore, password, recovery key, audit trail of a case,
retention and deletion, GDPR export; the lock and retention settings are in the one settings
dialog, ui/settings.py) and the lock controller: :class:`ProtectionController`,
one part of the main window. Modal questions are module-level ``ask_*`` functions (here
and in :mod:`.dialogs`) that tests monkeypatch.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QMenu,
    QMessageBox,
    QWidget,
)

from kooperation_desktop.protection import ProtectionError, audit, backup, gdpr, vault
from kooperation_desktop.protection.retention import RetentionService

from . import dialogs
from .dialogs import tr
from .lock import LockController
from .startup import show_error
from .views import AuditDialog, RetentionDialog

if TYPE_CHECKING:
    from kooperation_desktop.services import Services

    from ..case_view import CaseView

_FILE_DIALOG = QFileDialog.Option.DontUseNativeDialog  # no entry in the desktop's recent-files list


def ask_backup_target(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, tr("Datensicherung speichern"),
                                          str(Path.home() / backup.suggested_name()),
                                          tr("Datensicherung (*.kdsich)"), options=_FILE_DIALOG)
    if not name:
        return None
    path = Path(name)
    return path if path.suffix == backup.SUFFIX else path.with_name(path.name + backup.SUFFIX)


def ask_backup_source(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, tr("Datensicherung wiederherstellen"), str(Path.home()),
                                          tr("Datensicherung (*.kdsich)"), options=_FILE_DIALOG)
    return Path(name) if name else None


def ask_export_target(parent: QWidget, suggested: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, tr("Auskunft speichern"), str(Path.home() / suggested),
                                          tr("JSON-Datei (*.json)"), options=_FILE_DIALOG)
    return Path(name) if name else None


def ask_password(parent: QWidget, title: str, label: str) -> str | None:
    from PySide6.QtWidgets import QLineEdit

    text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
    return text if ok and text else None


def ask_person(parent: QWidget, names: list[str]) -> int | None:
    item, ok = QInputDialog.getItem(parent, tr("Auskunft nach Art. 15 DSGVO"), tr("Über welche Person?"), names, 0,
                                    False)
    return names.index(item) if ok else None


def ask_confirm(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def show_info(parent: QWidget, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)



class ProtectionController(QObject):
    """The „Datenschutz“ part of one main window: its :attr:`menu` (the window adds it to the menu
    bar) and the :attr:`lock` of the window. ``window`` is the window the dialogs belong to and
    the lock covers; the case the actions work on is the one ``case_view`` shows."""

    case_changed = Signal(object)  # a case was closed, reopened or deleted: the window reloads (case id or None)
    status_message = Signal(str)  # a note for the status bar

    def __init__(self, services: Services, case_view: CaseView, window: QWidget):
        super().__init__(window)
        self.window = window
        self.services = services
        self.case_view = case_view
        self.lock = LockController(window, self.services.data_dir)
        menu = QMenu(tr("&Datenschutz"), window)
        menu.addAction(self.lock.action)
        menu.addSeparator()
        self.audit_action = self._add(menu, tr("&Protokoll des Falls…"), self.show_audit)
        self.close_action = self._add(menu, tr("Fall &abschließen (archivieren) / wieder öffnen"), self.toggle_closed)
        self.export_action = self._add(menu, tr("Aus&kunft über eine Person (Art. 15 DSGVO)…"), self.export_person)
        self.retention_action = self._add(menu, tr("Aufbewahrung und &Löschung…"), self.show_retention)
        menu.addSeparator()
        self.backup_action = self._add(menu, tr("Datensicherun&g erstellen…"), self.create_backup)
        self.restore_action = self._add(menu, tr("Datensicherung &wiederherstellen…"), self.restore_backup)
        menu.addSeparator()
        self.password_action = self._add(menu, tr("Passwort ä&ndern…"), self.change_password)
        self.recovery_action = self._add(menu, tr("Neuen Wieder&herstellungsschlüssel erstellen…"),
                                         self.renew_recovery)
        self.menu = menu

    def _add(self, menu: QMenu, text: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.window)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _case_id(self) -> int | None:
        case = self.case_view.case
        case_id = case.id if case is not None else None
        if case_id is None:
            show_error(self.window, tr("Bitte zuerst links einen Fall auswählen."))
        return case_id

    def _status(self, text: str) -> None:
        self.status_message.emit(text)

    # --- actions -----------------------------------------------------------------------------
    def show_audit(self) -> AuditDialog | None:
        case_id = self._case_id()
        if case_id is None:
            return None
        dialog = AuditDialog(audit.AuditService(self.services.db).for_case(case_id), case_id, self.window)
        dialog.open()
        return dialog

    def toggle_closed(self) -> None:
        case_id = self._case_id()
        if case_id is None:
            return
        retention = RetentionService(self.services.db)
        if retention.is_read_only(case_id):
            if ask_confirm(self.window, tr("Fall wieder öffnen"),
                           tr("Den archivierten Fall wieder zum Bearbeiten öffnen?")):
                retention.reopen_case(case_id)
                self._status(tr("Der Fall ist wieder geöffnet."))
        elif ask_confirm(self.window, tr("Fall abschließen"),
                         tr("Den Fall abschließen? Er wird archiviert und kann dann nicht mehr geändert werden "
                            "(bis er wieder geöffnet wird). Die Aufbewahrungsfrist beginnt.")):
            retention.close_case(case_id)
            self._status(tr("Der Fall ist abgeschlossen und archiviert."))
        self.case_changed.emit(case_id)

    def export_person(self) -> Path | None:
        case_id = self._case_id()
        if case_id is None:
            return None
        persons = self.services.cases.get(case_id).persons
        if not persons:
            show_error(self.window, tr("In diesem Fall ist keine Person eingetragen."))
            return None
        index = ask_person(self.window, [p.display_name or f"Person {p.id}" for p in persons])
        if index is None:
            return None
        out = ask_export_target(self.window, f"auskunft-art15-person-{persons[index].id}.json")
        if out is None:
            return None
        person_id = persons[index].id
        assert person_id is not None  # read from the database
        try:
            written = gdpr.export_person(self.services, person_id, out)
        except OSError as exc:
            show_error(self.window, tr("Die Datei konnte nicht gespeichert werden: {reason}").format(
                reason=exc.strerror or exc))
            return None
        self._status(tr("Auskunft gespeichert: {path}").format(path=written))
        return written

    def show_retention(self) -> RetentionDialog:
        dialog = RetentionDialog(RetentionService(self.services.db), self.window)
        dialog.deleted.connect(lambda _cid: self.case_changed.emit(None))
        dialog.open()
        return dialog

    def create_backup(self) -> Path | None:
        out = ask_backup_target(self.window)
        if out is None:
            return None
        QApplication.setOverrideCursor(self.window.cursor())
        try:
            info = backup.create_backup(self.services, out)
        except (ProtectionError, OSError) as exc:
            show_error(self.window, str(exc) if isinstance(exc, ProtectionError) else
                       tr("Die Datensicherung konnte nicht geschrieben werden: {reason}").format(
                           reason=exc.strerror or exc))
            return None
        finally:
            QApplication.restoreOverrideCursor()
        self._status(" ".join([tr("Datensicherung geschrieben und geprüft: {path}").format(path=info.path),
                               *info.notes]))
        return info.path

    def restore_backup(self) -> bool:
        source = ask_backup_source(self.window)
        if source is None:
            return False
        if not ask_confirm(self.window, tr("Datensicherung wiederherstellen"),
                           tr("Die jetzigen Daten werden durch die Sicherung ersetzt (sie bleiben verschlüsselt in "
                              "einem Unterordner „vor-wiederherstellung-…“ des Datenordners). Danach wird das "
                              "Programm beendet und muss neu gestartet werden. Fortfahren?")):
            return False
        passphrase = ask_password(self.window, tr("Datensicherung wiederherstellen"),
                                  tr("Passwort zur Zeit der Sicherung (oder Wiederherstellungsschlüssel):"))
        if passphrase is None:
            return False
        try:
            backup.restore_replacing(self.services, source, passphrase)
        except ProtectionError as exc:
            show_error(self.window, f"{exc} " + tr("Die bisherigen Daten sind unverändert; bitte das Programm "
                                                   "neu starten."))
            QApplication.quit()
            return False
        show_info(self.window, tr("Datensicherung wiederhergestellt"),
                  tr("Die Daten wurden wiederhergestellt. Das Programm wird jetzt beendet; bitte neu starten "
                     "und mit dem Passwort der Sicherung entsperren."))
        QApplication.quit()
        return True

    def change_password(self) -> bool:
        answer = dialogs.ask_change_password(self.window)
        if answer is None:
            return False
        old, new = answer
        try:
            vault.change_password(self.services.db, old, new)
        except ProtectionError as exc:
            show_error(self.window, dialogs.core_text(str(exc)))
            return False
        audit.AuditService(self.services.db).record(audit.PASSWORD, "database")
        self._status(tr("Das Passwort wurde geändert."))
        return True

    def renew_recovery(self) -> str | None:
        passphrase = ask_password(self.window, tr("Neuer Wiederherstellungsschlüssel"),
                                  tr("Zur Bestätigung das Passwort eingeben (der alte Schlüssel wird ungültig):"))
        if passphrase is None:
            return None
        try:
            key = vault.renew_recovery_key(self.services.db, passphrase)
        except ProtectionError as exc:
            show_error(self.window, dialogs.core_text(str(exc)))
            return None
        if dialogs.show_recovery_key(self.window, key):
            vault.confirm_recovery_key(self.services.data_dir)
        return key



__all__ = ["ProtectionController"]
