"""Views of data protection: the audit trail of a case, cases due for deletion, settings."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kooperation_desktop.domain.labels import format_date
from kooperation_desktop.protection.audit import AuditEntry
from kooperation_desktop.protection.retention import RetentionService

from ..screen import fit_to_screen
from .dialogs import tr


def _table(parent: QWidget, headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    # one row at a time: with extended selection a modifier key still held elsewhere would turn
    # selectRow() into a toggle and leave nothing selected
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class AuditDialog(QDialog):
    """Who did what when in one case (no content)."""

    def __init__(self, entries: list[AuditEntry], case_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Protokoll – Fall {case_id}").format(case_id=case_id))
        fit_to_screen(self, QSize(640, 420))
        info = QLabel(tr("Jede Änderung wird mit Zeitpunkt, Benutzerkonto und Art des Eintrags festgehalten – "
                         "ohne Inhalte. Das Protokoll kann nicht geändert werden."), self)
        info.setWordWrap(True)
        self.table = _table(self, [tr("Wann"), tr("Wer"), tr("Was"), tr("Nr."), tr("Aktion")], tr("Protokoll"))
        for e in reversed(entries):  # newest first
            row = self.table.rowCount()
            self.table.insertRow(row)
            local = e.at.astimezone()
            for col, value in enumerate((f"{format_date(local.date())} {local:%H:%M}", e.user, e.entity_label,
                                         "" if e.entity_id is None else str(e.entity_id), e.action_label)):
                self.table.setItem(row, col, QTableWidgetItem(value))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)


def ask_delete_case(parent: QWidget, title: str) -> bool:
    answer = QMessageBox.warning(
        parent, tr("Fall endgültig löschen"),
        tr("Den Fall „{title}“ mit allen Personen, Einverständnissen, Vereinbarungen und Unterschriften "
           "endgültig löschen? Das kann nicht rückgängig gemacht werden (außer aus einer älteren "
           "Datensicherung).").format(title=title),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


class RetentionDialog(QDialog):
    """Closed cases whose retention period is over, with „Endgültig löschen“."""

    deleted = Signal(int)

    def __init__(self, retention: RetentionService, parent: QWidget | None = None):
        super().__init__(parent)
        self.retention = retention
        self.setWindowTitle(tr("Aufbewahrung und Löschung"))
        fit_to_screen(self, QSize(640, 380))
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.table = _table(self, [tr("Fall"), tr("Aktenzeichen"), tr("Abgeschlossen"), tr("Löschen ab")],
                            tr("Zu löschende Fälle"))
        self.delete_button = QPushButton(tr("Ausgewählten Fall endgültig &löschen…"), self)
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self.cases = self.retention.due_for_deletion()
        covered = len(self.retention.covered_due())
        years = self.retention.retention_years()
        self.info.setText((tr("Abgeschlossene Fälle werden 1 Jahr aufbewahrt (Einstellung des Trägers). ")
                           if years == 1 else
                           tr("Abgeschlossene Fälle werden {years} Jahre aufbewahrt (Einstellung des Trägers). ")
                           .format(years=years))
                          + ("" if not covered else (
                              tr("1 Fall über der Frist wird hier nicht angeboten: Sie vertreten ihn nur, "
                                 "löschen kann ihn nur das Team, dem er gehört. ") if covered == 1 else
                              tr("{n} Fälle über der Frist werden hier nicht angeboten: Sie vertreten sie nur, "
                                 "löschen kann sie nur das Team, dem sie gehören. ").format(n=covered)))
                          + (tr("Diese Fälle sind über der Frist und sollen gelöscht werden:") if self.cases else
                             "" if covered else tr("Zurzeit ist kein Fall über der Frist.")))
        self.table.setRowCount(0)
        for case in self.cases:
            row = self.table.rowCount()
            self.table.insertRow(row)
            for col, value in enumerate((case.title, case.file_number, format_date(case.closed_on),
                                         format_date(case.delete_from))):
                self.table.setItem(row, col, QTableWidgetItem(value))
        if self.cases:
            self.table.setCurrentCell(0, 0)
            self.table.selectRow(0)
        self.delete_button.setEnabled(bool(self.cases))

    def delete_selected(self) -> bool:
        row = self.table.currentRow()
        if not 0 <= row < len(self.cases):
            return False
        case = self.cases[row]
        if not ask_delete_case(self, case.title):
            return False
        self.retention.delete_case(case.case_id)
        self.deleted.emit(case.case_id)
        self.reload()
        return True
