"""„Bericht für das Jugendamt…“: draft, edit, check, send and export the report to the Jugendamt
(Entwicklungsbericht) of a case.

:class:`ReportController` is the main window's part: it offers :attr:`ReportController.action`
(in the „Fall“ menu) and opens :class:`ReportDialog` for the case shown. The dialog holds no rules
and no SQL: it calls :class:`kooperation_desktop.usecases.reports.ReportService` and shows its
German refusals. The PDF is saved like an agreement's: where to save is asked in the same dialog,
the seal is unlocked with the same dialog (a sent report is sealed) and the core writes the file
atomically, never into the data folder.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kooperation_desktop.domain.labels import format_date
from kooperation_desktop.domain.model import InfoCategory
from kooperation_desktop.domain.reports import COPY_RECIPIENTS, ReportStatus
from kooperation_desktop.domain.rules import RuleViolation
from kooperation_desktop.report.model import SECTION_TITLES, Report, ReportDocument, goal_key
from kooperation_desktop.signing.errors import SealError
from kooperation_desktop.signing.service import SigningService
from kooperation_desktop.usecases.reports import ReportService

from . import dialogs
from .screen import fit_to_screen
from .widgets import WARNING_STYLE, DateEdit, GrowingTextEdit, clear_layout, hint_label

__all__ = ["ReportController", "ReportDialog"]


def tr(text: str) -> str:
    return QCoreApplication.translate("ReportDialog", text)


# the texts of the core shown here, so that pyside6-lupdate extracts them (the core stays German)
def _section_title(key: str) -> str:
    return {
        "successes": tr("Was gut gelaufen ist"),
        "family_voice": tr("Was die Familie sagt"),
        "disputed": tr("Strittige Punkte"),
        "tasks": tr("Aufgaben: erledigt und offen"),
        "next_steps": tr("Nächste Schritte und Empfehlung"),
        "family_statement": tr("Stellungnahme der Familie"),
    }.get(key, SECTION_TITLES.get(key, key))


def _copy_label(key: str) -> str:
    return {"professional": tr("Fachkraft"), "parents": tr("Eltern / Personensorgeberechtigte"),
            "file": tr("Akte"), "youth_office": tr("Jugendamt")}.get(key, COPY_RECIPIENTS.get(key, key))


def _category_label(category: InfoCategory) -> str:
    return {InfoCategory.PROGRESS: tr("Verlauf und Entwicklung der Hilfe"), InfoCategory.HEALTH: tr("Gesundheit"),
            InfoCategory.SCHOOL: tr("Schule, Kita, Ausbildung"),
            InfoCategory.AGREEMENT: tr("Inhalte der Vereinbarung"),
            InfoCategory.CONTACT: tr("Name und Kontaktdaten")}[category]


GOAL_CATEGORIES = (InfoCategory.PROGRESS, InfoCategory.HEALTH, InfoCategory.SCHOOL)


class ReportDialog(QDialog):
    """The report of one case: the period, every section editable (the family's statement its own
    field), what was left out and why, the team lead's check, the dispatch and the PDF."""

    changed = Signal()  # something was stored (the due panel refreshes)

    def __init__(self, reports: ReportService, signing: SigningService, case_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.reports, self.signing, self.case_id = reports, signing, case_id
        self.setWindowTitle(tr("Bericht für das Jugendamt"))
        self.setAccessibleName(tr("Bericht für das Jugendamt"))
        unsent = [r for r in reports.reports(case_id) if r.status != ReportStatus.SENT]
        self.report: Report | None = unsent[-1] if unsent else None
        self.doc: ReportDocument = ReportDocument()
        self.edits: dict[str, GrowingTextEdit] = {}
        self.category_boxes: dict[str, QComboBox] = {}

        layout = QVBoxLayout(self)
        period = QHBoxLayout()
        self.start_edit = DateEdit(self, accessible_name=tr("Berichtszeitraum von"))
        self.end_edit = DateEdit(self, accessible_name=tr("Berichtszeitraum bis"))
        from_label, to_label = QLabel(tr("Zeitraum &von:"), self), QLabel(tr("&bis:"), self)
        from_label.setBuddy(self.start_edit.line)
        to_label.setBuddy(self.end_edit.line)
        self.redraft_button = QPushButton(tr("Neu &entwerfen"), self)
        self.redraft_button.setToolTip(tr("Den Bericht für diesen Zeitraum neu aus dem Fall entwerfen; "
                                          "selbst geänderte Texte bleiben."))
        for w in (from_label, self.start_edit, to_label, self.end_edit, self.redraft_button):
            period.addWidget(w, 0, Qt.AlignmentFlag.AlignTop)
        period.addStretch(1)
        layout.addLayout(period)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(tr("Stand des Berichts"))
        layout.addWidget(self.status_label)

        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)
        # tab 1: the texts
        self.text_scroll = QScrollArea(self.tabs)
        self.text_scroll.setWidgetResizable(True)
        self.text_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.content = QWidget(self.text_scroll)
        self.content_layout = QVBoxLayout(self.content)
        self.text_scroll.setWidget(self.content)
        self.tabs.addTab(self.text_scroll, tr("&Inhalt"))
        # tab 2: what was left out
        left_out = QWidget(self.tabs)
        left_layout = QVBoxLayout(left_out)
        left_layout.addWidget(hint_label(tr("Der Bericht enthält nur, was die Familie zur Weitergabe an das Jugendamt "
                                            "freigegeben hat (Einverständnis, Stand heute). Das hier Genannte "
                                            "wurde weggelassen und steht nicht im PDF."), left_out))
        self.omitted_label = QLabel(left_out)
        self.omitted_label.setWordWrap(True)
        self.omitted_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.omitted_label.setAccessibleName(tr("Ausgelassen"))
        left_layout.addWidget(self.omitted_label)
        self.warning_label = QLabel(left_out)  # edited texts that may say more than consented
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(WARNING_STYLE)
        self.warning_label.setAccessibleName(tr("Hinweise zu geänderten Texten"))
        left_layout.addWidget(self.warning_label)
        left_layout.addStretch(1)
        self.tabs.addTab(left_out, tr("&Ausgelassen"))
        # tab 3: copy list, check and dispatch
        sign = QWidget(self.tabs)
        sign_layout = QVBoxLayout(sign)
        copies = QGroupBox(tr("Verteiler"), sign)
        copies_layout = QGridLayout(copies)
        self.copy_boxes: dict[str, QCheckBox] = {}
        for i, key in enumerate(COPY_RECIPIENTS):
            box = QCheckBox(_copy_label(key), copies)
            self.copy_boxes[key] = box
            copies_layout.addWidget(box, i // 2, i % 2)
        sign_layout.addWidget(copies)
        check = QGroupBox(tr("Geprüft von der Teamleitung"), sign)
        check_form = QFormLayout(check)
        check_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.checked_by = QLineEdit(check)
        self.checked_by.setAccessibleName(tr("Name der Teamleitung"))
        self.checked_on = DateEdit(check, accessible_name=tr("Datum der Prüfung"))
        self.checked_how = QComboBox(check)
        self.checked_how.setAccessibleName(tr("Wie geprüft"))
        self.checked_how.addItem(tr("am Bildschirm"), "screen")
        self.checked_how.addItem(tr("auf Papier"), "paper")
        self.check_button = QPushButton(tr("Als „&geprüft“ markieren"), check)
        check_form.addRow(tr("Name:"), self.checked_by)
        check_form.addRow(tr("Datum:"), self.checked_on)
        check_form.addRow(tr("Geprüft:"), self.checked_how)
        check_form.addRow(self.check_button)
        sign_layout.addWidget(check)
        sent = QGroupBox(tr("Versendet"), sign)
        sent_form = QFormLayout(sent)
        sent_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.sent_on = DateEdit(sent, accessible_name=tr("Versanddatum"))
        self.sent_to = QLineEdit(sent)
        self.sent_to.setAccessibleName(tr("Versendet an"))
        self.send_button = QPushButton(tr("Als „versen&det“ markieren"), sent)
        sent_form.addRow(tr("Am:"), self.sent_on)
        sent_form.addRow(tr("An:"), self.sent_to)
        sent_form.addRow(hint_label(tr("Ein versendeter Bericht wird eingefroren (mit Prüfwert SHA-256) und als "
                                       "PDF versiegelt; er kann danach nicht mehr geändert werden."), sent))
        sent_form.addRow(self.send_button)
        sign_layout.addWidget(sent)
        sign_layout.addStretch(1)
        sign_scroll = QScrollArea(self.tabs)
        sign_scroll.setWidgetResizable(True)
        sign_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        sign_scroll.setWidget(sign)
        self.tabs.addTab(sign_scroll, tr("&Prüfung und Versand"))

        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(tr("&Speichern"), QDialogButtonBox.ButtonRole.ApplyRole)
        self.pdf_button = buttons.addButton(tr("PDF e&xportieren…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(tr("Schließen"))
        layout.addWidget(buttons)

        self.redraft_button.clicked.connect(self.redraft)
        self.save_button.clicked.connect(self.save)
        self.pdf_button.clicked.connect(self.export_pdf)
        self.check_button.clicked.connect(self.mark_checked)
        self.send_button.clicked.connect(self.mark_sent)
        self.close_button.clicked.connect(self.close_dialog)
        fit_to_screen(self, QSize(820, 700), QSize(480, 360))
        self._load()

    # --- showing -----------------------------------------------------------------------------------
    def _load(self) -> None:
        """Show the stored report (or a fresh draft for the default period)."""
        report_id = self.report.id if self.report is not None else None
        if report_id is not None:
            self.report = self.reports.get(report_id)
            self.doc = self.reports.document(report_id)
        else:
            self.doc = self.reports.draft(self.case_id)
        self.start_edit.setDate(self.doc.period_start)
        self.end_edit.setDate(self.doc.period_end)
        self._fill_content()
        lines = [o.text for o in self.doc.omissions]
        self.omitted_label.setText("\n".join(f"• {line}" for line in lines) if lines
                                   else tr("Nichts ausgelassen: alles Entworfene darf an das Jugendamt gehen."))
        self.warning_label.setText("\n".join(self.doc.warnings))
        self.warning_label.setVisible(bool(self.doc.warnings))
        copies = self.report.copies if self.report is not None else list(COPY_RECIPIENTS)
        for key, box in self.copy_boxes.items():
            box.setChecked(key in copies)
        report = self.report
        self.checked_by.setText(report.checked_by if report else "")
        self.checked_on.setDate(report.checked_on if report and report.checked_on else dt.date.today())
        self.checked_how.setCurrentIndex(max(0, self.checked_how.findData(report.checked_how if report else "screen")))
        self.sent_on.setDate(report.sent_on if report and report.sent_on else dt.date.today())
        self.sent_to.setText(report.sent_to if report and report.sent_to else self.doc.youth_office)
        self._show_status()

    def _fill_content(self) -> None:
        clear_layout(self.content_layout)
        self.edits.clear()
        self.category_boxes.clear()
        categories = self.report.goal_categories if self.report is not None else {}
        for goal in self.doc.goals:
            box = QGroupBox(tr("Ziel %1").replace("%1", str(goal.number)), self.content)
            form = QVBoxLayout(box)
            words = QLabel(goal.client_words or goal.professional_wording, box)
            words.setWordWrap(True)
            words.setAccessibleName(tr("Ziel in den Worten der Familie"))
            form.addWidget(words)
            row = QHBoxLayout()
            label = QLabel(tr("Art der Angaben:"), box)
            combo = QComboBox(box)
            combo.setAccessibleName(tr("Art der Angaben zu Ziel %1").replace("%1", str(goal.number)))
            for category in GOAL_CATEGORIES:
                combo.addItem(_category_label(category), category.value)
            combo.setCurrentIndex(max(0, combo.findData(categories.get(str(goal.number), goal.category.value))))
            combo.setToolTip(tr("Gesundheit oder Schule: Das Ziel erscheint nur, wenn die Familie der Weitergabe "
                                "dieser Angaben an das Jugendamt zugestimmt hat."))
            label.setBuddy(combo)
            row.addWidget(label)
            row.addWidget(combo, 1)
            form.addLayout(row)
            self.category_boxes[str(goal.number)] = combo
            form.addWidget(QLabel(tr("Bemerkungen:"), box))
            form.addWidget(self._text_field(goal_key(goal.number), box,
                                            tr("Bemerkungen zu Ziel %1").replace("%1", str(goal.number))))
            self.content_layout.addWidget(box)
        for key in SECTION_TITLES:
            title = QLabel(f"<b>{_section_title(key)}</b>", self.content)
            self.content_layout.addWidget(title)
            if key == "family_statement":
                self.content_layout.addWidget(hint_label(
                    tr("Die Familie schreibt oder diktiert hier ihre eigene Sicht auf den Bericht."), self.content))
            self.content_layout.addWidget(self._text_field(key, self.content, _section_title(key)))
        self.content_layout.addStretch(1)

    def _text_field(self, key: str, parent: QWidget, name: str) -> GrowingTextEdit:
        edit = GrowingTextEdit(parent, min_lines=3, max_lines=14)
        edit.setTabChangesFocus(True)
        edit.setAccessibleName(name)
        edit.setPlainText(self.doc.sections.get(key, ""))
        self.edits[key] = edit
        return edit

    def _show_status(self) -> None:
        report = self.report
        frozen = report is not None and report.status == ReportStatus.SENT
        if report is None or report.status == ReportStatus.DRAFT:
            text = tr("Stand: Entwurf – noch nicht von der Teamleitung geprüft.")
        elif report.status == ReportStatus.CHECKED:
            text = tr("Stand: geprüft von %1 am %2.").replace("%1", report.checked_by).replace(
                "%2", format_date(report.checked_on))
        else:
            text = tr("Stand: versendet am %1 an %2 – eingefroren.").replace("%1", format_date(report.sent_on)).replace(
                "%2", report.sent_to)
        self.status_label.setText(text)
        for w in (*self.edits.values(), *self.category_boxes.values(), *self.copy_boxes.values(), self.checked_by,
                  self.checked_how, self.sent_to, self.start_edit, self.end_edit):
            w.setEnabled(not frozen)
        for w in (self.redraft_button, self.save_button, self.check_button, self.send_button):
            w.setEnabled(not frozen)
        self.checked_on.setEnabled(not frozen)
        self.sent_on.setEnabled(not frozen)
        self.send_button.setEnabled(report is not None and report.status == ReportStatus.CHECKED)

    # --- storing -------------------------------------------------------------------------------------
    def _collect(self) -> Report:
        report = self.report
        if report is None:
            report = self.reports.create(self.case_id, self.start_edit.date(), self.end_edit.date())
            self.report = report
        report.period_start, report.period_end = self.start_edit.date(), self.end_edit.date()
        report.sections = {key: edit.toPlainText() for key, edit in self.edits.items()
                           if edit.toPlainText() != self.doc.drafted.get(key, "")}
        report.goal_categories = {number: str(combo.currentData()) for number, combo in self.category_boxes.items()}
        report.copies = [key for key, box in self.copy_boxes.items() if box.isChecked()]
        return report

    def save(self) -> bool:
        """Store the period, the texts, the categories and the copy list; True when stored."""
        try:
            self.report = self.reports.save(self._collect())
        except RuleViolation as exc:
            dialogs.show_rule_violation(self, exc, tr("Bericht speichern"))
            return False
        self.changed.emit()
        self._load()
        return True

    def redraft(self) -> None:
        self.save()

    def mark_checked(self) -> None:
        name, on, how = self.checked_by.text(), self.checked_on.date(), str(self.checked_how.currentData())
        if not self.save() or self.report is None or self.report.id is None:
            return
        try:
            self.report = self.reports.mark_checked(self.report.id, name, on, how)
        except RuleViolation as exc:
            dialogs.show_rule_violation(self, exc, tr("Geprüft"))
            return
        self.changed.emit()
        self._load()

    def mark_sent(self) -> None:
        if self.report is None or self.report.id is None:
            return
        try:
            self.report = self.reports.mark_sent(self.report.id, self.sent_on.date(), self.sent_to.text())
        except RuleViolation as exc:
            dialogs.show_rule_violation(self, exc, tr("Versendet"))
            return
        self.changed.emit()
        self._load()

    def export_pdf(self) -> Path | None:
        """Save the PDF (asks where; a sent report sealed) – stores the edits first."""
        if (self.report is None or self.report.status != ReportStatus.SENT) and not self.save():
            return None
        assert self.report is not None and self.report.id is not None
        from .signing.dialogs import unlock_seal

        name = f"{self.report.document_id or 'Bericht'}_Jugendamt.pdf"
        path = dialogs.ask_save_path(self, dialogs.default_pdf_dir() / name)
        if path is None:
            return None
        title = tr("PDF exportieren")
        try:
            if self.reports.needs_seal(self.report.id) and not unlock_seal(self, self.signing):
                return None
            return self.reports.export(self.report.id, path, self.signing).path
        except RuleViolation as exc:
            dialogs.show_rule_violation(self, exc, title)
        except SealError as exc:
            dialogs.show_error(self, str(exc), title)
        except OSError as exc:
            dialogs.show_error(self, tr("Die Datei konnte nicht gespeichert werden:\n%1").replace(
                "%1", exc.strerror or str(exc)), title)
        return None

    def close_dialog(self) -> None:
        if self.report is None or self.report.status != ReportStatus.SENT:
            changed = any(edit.toPlainText() != self.doc.sections.get(key, "") for key, edit in self.edits.items())
            if changed and not self.save():
                return
        self.accept()


class ReportController(QObject):
    """„Bericht für das Jugendamt…“ in the case menu: enabled for a case with an agreed version."""

    changed = Signal()

    def __init__(self, reports: ReportService, signing: SigningService, parent: QWidget):
        super().__init__(parent)
        self.reports, self.signing, self.window = reports, signing, parent
        self.action = QAction(tr("Bericht für das &Jugendamt…"), parent)
        self.action.setToolTip(tr("Entwicklungsbericht zum Hilfeplangespräch entwerfen, prüfen und versenden"))
        self.action.setEnabled(False)
        self.case_id: int | None = None
        self.dialog: ReportDialog | None = None
        self.action.triggered.connect(self.open_dialog)

    def show_case(self, case: object) -> None:
        """The case shown in the window (None: none): the action is enabled when it has an agreed version."""
        self.case_id = getattr(case, "id", None)
        agreements = getattr(case, "agreements", []) or []
        self.action.setEnabled(self.case_id is not None and any(a.status.value != "draft" for a in agreements))

    def open_dialog(self) -> ReportDialog | None:
        if self.case_id is None:
            return None
        try:
            dialog = ReportDialog(self.reports, self.signing, self.case_id, self.window)
        except RuleViolation as exc:
            dialogs.show_rule_violation(self.window, exc, tr("Bericht für das Jugendamt"))
            return None
        dialog.changed.connect(self.changed)
        self.dialog = dialog
        dialog.open()
        return dialog
