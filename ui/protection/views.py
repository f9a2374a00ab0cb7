"""Views of data protection: the audit trail of a case, cases due for deletion, settings."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kooperation_desktop.domain.labels import format_date
from kooperation_desktop.domain.rules import RuleViolation
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
        years = self.retention.retention_years()
        self.info.setText(tr("Abgeschlossene Fälle werden {years} Jahre aufbewahrt (Einstellung des Trägers). ")
                          .format(years=years)
                          + (tr("Diese Fälle sind über der Frist und sollen gelöscht werden:") if self.cases else
                             tr("Zurzeit ist kein Fall über der Frist.")))
        self.table.setRowCount(0)
        for case in self.cases:
            row = self.table.rowCount()
            self.table.insertRow(row)
            for col, value in enumerate((case.title, case.file_number, format_date(case.closed_on),
                                         format_date(case.delete_from))):
                self.table.setItem(row, col, QTableWidgetItem(value))
        if self.cases:
            self.table.selectRow(0)
        self.delete_button.setEnabled(bool(self.cases))

    def delete_selected(self) -> bool:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return False
        case = self.cases[rows[0].row()]
        if not ask_delete_case(self, case.title):
            return False
        self.retention.delete_case(case.case_id)
        self.deleted.emit(case.case_id)
        self.reload()
        return True


class ProtectionSettingsDialog(QDialog):
    """Idle minutes before the lock (this computer) and the retention period (the provider's)."""

    def __init__(self, retention: RetentionService, lock, parent: QWidget | None = None):
        super().__init__(parent)
        from .lock import idle_minutes

        self.retention, self.lock = retention, lock
        self.setWindowTitle(tr("Einstellungen zum Datenschutz"))
        self.idle_spin = QSpinBox(self)
        self.idle_spin.setRange(0, 240)
        self.idle_spin.setSuffix(tr(" Minuten"))
        self.idle_spin.setSpecialValueText(tr("nie"))
        self.idle_spin.setValue(idle_minutes())
        self.idle_spin.setAccessibleName(tr("Sperren nach Untätigkeit"))
        self.years_spin = QSpinBox(self)
        self.years_spin.setRange(1, 100)
        self.years_spin.setSuffix(tr(" Jahre"))
        self.years_spin.setValue(retention.retention_years())
        self.years_spin.setAccessibleName(tr("Aufbewahrungsfrist"))
        self.error = QLabel(self)
        form = QFormLayout()
        form.addRow(tr("&Sperren nach Untätigkeit:"), self.idle_spin)
        form.addRow(tr("&Aufbewahrung abgeschlossener Fälle:"), self.years_spin)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Abbrechen"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> None:
        from .lock import set_idle_minutes

        try:
            self.retention.set_retention_years(self.years_spin.value())
        except RuleViolation as exc:
            self.error.setText(" ".join(p.message for p in exc.problems))
            return
        set_idle_minutes(self.idle_spin.value())
        self.lock.idle_minutes = self.idle_spin.value()
        self.accept()
