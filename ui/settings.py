"""User settings of the app (QSettings) and the settings dialog („Einstellungen“).

Stored with QSettings in INI format (a file, on every platform; no Windows registry), organisation
and application name "Kooperation Desktop": on Linux ``~/.config/Kooperation Desktop/Kooperation
Desktop.ini``, on Windows ``%APPDATA%\\Kooperation Desktop\\Kooperation Desktop.ini``. The settings
hold no client data.

Keys (other modules read them through :func:`load` or the small getters below, never with
their own string literals):

==============================  =========  =========  ===============================================
key                             type       default    meaning
==============================  =========  =========  ===============================================
``organisation/name``           str        ""         name of the provider (Träger), e.g. for PDFs
``defaults/place``              str        ""         default place (Ort) for signatures/dates
``security/idle_lock_minutes``  int        15         lock the app after so many idle minutes; 0 = off
``ui/language``                 str        "de"       UI language: "de" or "en" (applies at next start)
``retention/years``             int        5          keep closed cases so many years, then offer deletion
``reports/lead_days``           int        14         „Bericht fällig“ so many days before the Hilfeplan
==============================  =========  =========  ===============================================

The lock and the retention period live in this one dialog: the idle minutes are what the lock
(:mod:`ui.protection.lock`) reads; the retention period the retention service uses is the data
folder's (stored in the database by :class:`~kooperation_desktop.protection.retention.RetentionService`,
the same for everyone working with that folder); the dialog shows and saves that value when the
window's :class:`SettingsController` has the service (``retention/years`` here is its fallback).

Tests must never touch the user's real settings: point QSettings at a temporary folder with
``QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))``
before calling anything here (see tests/test_ui_everyday_settings.py).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal
from PySide6.QtWidgets import QDialog, QWidget

# The language is read (load()) before the first window; the widgets of the dialog and the menu
# are imported where they are built (making their Python types costs the first window's start).
if TYPE_CHECKING:
    from kooperation_desktop.protection.retention import RetentionService
    from kooperation_desktop.usecases.reports import ReportService

    from .protection.lock import LockController

ORGANISATION = "Kooperation Desktop"
APPLICATION = "Kooperation Desktop"

KEY_ORGANISATION_NAME = "organisation/name"
KEY_DEFAULT_PLACE = "defaults/place"
KEY_IDLE_LOCK_MINUTES = "security/idle_lock_minutes"
KEY_LANGUAGE = "ui/language"
KEY_RETENTION_YEARS = "retention/years"
KEY_REPORT_LEAD_DAYS = "reports/lead_days"

LANGUAGES: tuple[tuple[str, str], ...] = (("de", "Deutsch"), ("en", "English"))
IDLE_LOCK_RANGE = (0, 240)
RETENTION_RANGE = (1, 100)  # as the retention service allows
REPORT_LEAD_RANGE = (0, 120)  # as the report service allows


@dataclass(slots=True)
class AppSettings:
    organisation_name: str = ""
    default_place: str = ""
    idle_lock_minutes: int = 15
    language: str = "de"
    retention_years: int = 5
    report_lead_days: int = 14  # „Bericht fällig“ so many days before the Hilfeplan meeting


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def open_qsettings() -> QSettings:
    """The app's QSettings (INI file in the user's configuration folder)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)


def _int(qs: QSettings, key: str, default: int, low: int, high: int) -> int:
    try:
        value = int(str(qs.value(key, default)))  # the INI file gives a text, the default is a number
    except (TypeError, ValueError):
        return default
    return min(max(value, low), high)


def load(qs: QSettings | None = None) -> AppSettings:
    """The stored settings; missing or broken values fall back to the defaults."""
    qs = qs or open_qsettings()
    d = AppSettings()
    language = str(qs.value(KEY_LANGUAGE, d.language))
    return AppSettings(
        organisation_name=str(qs.value(KEY_ORGANISATION_NAME, d.organisation_name) or ""),
        default_place=str(qs.value(KEY_DEFAULT_PLACE, d.default_place) or ""),
        idle_lock_minutes=_int(qs, KEY_IDLE_LOCK_MINUTES, d.idle_lock_minutes, *IDLE_LOCK_RANGE),
        language=language if language in dict(LANGUAGES) else d.language,
        retention_years=_int(qs, KEY_RETENTION_YEARS, d.retention_years, *RETENTION_RANGE),
        report_lead_days=_int(qs, KEY_REPORT_LEAD_DAYS, d.report_lead_days, *REPORT_LEAD_RANGE),
    )


def save(values: AppSettings, qs: QSettings | None = None) -> None:
    qs = qs or open_qsettings()
    qs.setValue(KEY_ORGANISATION_NAME, values.organisation_name.strip())
    qs.setValue(KEY_DEFAULT_PLACE, values.default_place.strip())
    qs.setValue(KEY_IDLE_LOCK_MINUTES, int(values.idle_lock_minutes))
    qs.setValue(KEY_LANGUAGE, values.language)
    qs.setValue(KEY_RETENTION_YEARS, int(values.retention_years))
    qs.setValue(KEY_REPORT_LEAD_DAYS, int(values.report_lead_days))
    qs.sync()


# small getters for other modules (lock, retention, i18n)
def idle_lock_minutes() -> int:
    return load().idle_lock_minutes


def retention_years() -> int:
    return load().retention_years


def language() -> str:
    return load().language


class SettingsDialog(QDialog):
    def __init__(self, values: AppSettings, parent: QWidget | None = None):
        from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout

        super().__init__(parent)
        self.setWindowTitle(tr("Einstellungen"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)

        self.organisation = QLineEdit(values.organisation_name, self)
        self.organisation.setPlaceholderText(tr("z. B. Familienhilfe Lindenhof e. V."))
        self.place = QLineEdit(values.default_place, self)
        self.place.setPlaceholderText(tr("z. B. Musterstadt"))
        self.idle = QSpinBox(self)
        self.idle.setRange(*IDLE_LOCK_RANGE)
        self.idle.setSuffix(tr(" Minuten"))
        self.idle.setSpecialValueText(tr("nie sperren"))
        self.idle.setValue(values.idle_lock_minutes)
        self.language = QComboBox(self)
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, [c for c, _ in LANGUAGES].index(values.language)
                                          if values.language in dict(LANGUAGES) else 0))
        self.retention = QSpinBox(self)
        self.retention.setRange(*RETENTION_RANGE)
        self.retention.setSuffix(tr(" Jahre"))
        self.retention.setValue(values.retention_years)
        self.report_days = QSpinBox(self)
        self.report_days.setRange(*REPORT_LEAD_RANGE)
        self.report_days.setSuffix(tr(" Tage vorher"))
        self.report_days.setValue(values.report_lead_days)
        self.report_days.setToolTip(tr("„Bericht fällig“ erscheint so viele Tage vor dem nächsten Hilfeplangespräch."))

        rows = (
            (tr("&Träger (Organisation):"), self.organisation, tr("Träger")),
            (tr("Standard-&Ort:"), self.place, tr("Standard-Ort")),
            (tr("S&prache:"), self.language, tr("Sprache der Oberfläche")),
            (tr("&Sperren nach:"), self.idle, tr("Programm sperren nach Minuten ohne Eingabe")),
            (tr("&Aufbewahren:"), self.retention, tr("Abgeschlossene Fälle aufbewahren, Jahre")),
            (tr("&Bericht fällig:"), self.report_days, tr("Bericht an das Jugendamt fällig, Tage vor dem "
                                                         "Hilfeplangespräch")),
        )
        for text, widget, name in rows:
            label = QLabel(text, self)
            label.setBuddy(widget)
            widget.setAccessibleName(name)
            form.addRow(label, widget)
        layout.addLayout(form)
        hint = QLabel(tr("Die Sprache gilt ab dem nächsten Start des Programms. "
                         "Abgeschlossene Fälle werden nach der Aufbewahrungsfrist zum Löschen vorgeschlagen."), self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555555;")
        layout.addWidget(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr("&Speichern"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Abbrechen"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout.addWidget(buttons)

    def value(self) -> AppSettings:
        return AppSettings(
            organisation_name=self.organisation.text().strip(),
            default_place=self.place.text().strip(),
            idle_lock_minutes=self.idle.value(),
            language=str(self.language.currentData()),
            retention_years=self.retention.value(),
            report_lead_days=self.report_days.value(),
        )


def ask_settings(parent: QWidget | None, values: AppSettings) -> AppSettings | None:
    """Show the dialog modally; the edited settings, or None when cancelled (tests replace this)."""
    dialog = SettingsDialog(values, parent)
    try:
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def edit_settings(parent: QWidget | None, retention: RetentionService | None = None,
                  reports: ReportService | None = None) -> AppSettings | None:
    """Let the user edit the settings and store them; returns what was stored (None: cancelled).
    With ``retention`` the retention period is the data folder's (read from and saved to it); with
    ``reports`` so is when the report to the Jugendamt is due."""
    before = load()
    if retention is not None:
        before = replace(before, retention_years=retention.retention_years())
    if reports is not None:
        before = replace(before, report_lead_days=reports.lead_days())
    after = ask_settings(parent, before)
    if after is None:
        return None
    if retention is not None:
        retention.set_retention_years(after.retention_years)  # a RuleViolation: nothing is stored
    if reports is not None and after.report_lead_days != before.report_lead_days:
        reports.set_lead_days(after.report_lead_days)
    save(after)
    return after


class SettingsController(QObject):
    """„Extras → Einstellungen…“ (Ctrl+,): the :attr:`menu` the main window adds to its menu bar.
    The one settings dialog, the lock's idle time and the retention period included: with a
    ``retention`` service the period is the data folder's; with a ``lock`` a new idle time
    applies at once."""

    status_message = Signal(str)  # a note for the status bar

    def __init__(self, parent: QWidget, retention: RetentionService | None = None,
                 lock: LockController | None = None, reports: ReportService | None = None):
        super().__init__(parent)
        self.dialog_parent = parent
        self.retention = retention
        self.reports = reports
        self.lock = lock
        from PySide6.QtGui import QAction, QKeySequence
        from PySide6.QtWidgets import QMenu

        self.action = QAction(tr("&Einstellungen…"), parent)
        self.action.setShortcut(QKeySequence("Ctrl+,"))
        self.action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.action.triggered.connect(lambda _checked=False: self.edit())
        self.menu = QMenu(tr("E&xtras"), parent)
        self.menu.addAction(self.action)

    def edit(self) -> AppSettings | None:
        before = load().language
        from kooperation_desktop.domain.rules import RuleViolation

        try:
            stored = edit_settings(self.dialog_parent, self.retention, self.reports)
        except RuleViolation as exc:
            from .dialogs import show_rule_violation

            show_rule_violation(self.dialog_parent, exc, tr("Einstellungen"))
            return None
        if stored is None:
            return None
        if self.lock is not None:
            self.lock.set_idle_minutes(stored.idle_lock_minutes)
        message = tr("Einstellungen gespeichert.")
        if stored.language != before:
            message += " " + tr("Die neue Sprache gilt ab dem nächsten Start.")
        self.status_message.emit(message)
        return stored
