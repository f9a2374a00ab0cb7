"""The core's German labels (enums, wizard steps) as the UI shows them: translated at display time.

The core (:mod:`kooperation_desktop.domain.labels`, :mod:`kooperation_desktop.domain.wizard`) keeps
its German tables and stays Qt-free. This module lists the same German texts once more with
``QT_TRANSLATE_NOOP`` (so ``pyside6-lupdate`` extracts them into
``resources/translations/kooperation_wizard_en.ts``) and looks them up with
``QCoreApplication.translate`` when a widget shows them. With German (the default) every function
returns the core's text unchanged. Each table has its own context, so one German word can have
two English ones ("abgeschlossen": a finalised agreement, a closed case).

A test checks that every German text of the core's tables is listed here.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kooperation_desktop.domain import labels
from kooperation_desktop.domain.model import (
    AgreementStatus,
    CaseStatus,
    CommunicationKind,
    ConsentForm,
    InfoCategory,
    PartnerKind,
    ScaleKind,
)
from kooperation_desktop.domain.wizard import Step, step_info

K = TypeVar("K")

# context name -> the core's German texts of that table (extracted by pyside6-lupdate)
TEXTS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "PartnerKind": (
        QT_TRANSLATE_NOOP("PartnerKind", "Jugendamt (beauftragend)"),
        QT_TRANSLATE_NOOP("PartnerKind", "Fachkraft (hilfeerbringend)"),
        QT_TRANSLATE_NOOP("PartnerKind", "Ressource im Umfeld der Familie"),
        QT_TRANSLATE_NOOP("PartnerKind", "Professionelle Ressource im Sozialraum"),
    ),
    "ConsentForm": (
        QT_TRANSLATE_NOOP("ConsentForm", "schriftlich"),
        QT_TRANSLATE_NOOP("ConsentForm", "mündlich"),
        QT_TRANSLATE_NOOP("ConsentForm", "am Bildschirm bestätigt"),
    ),
    "InfoCategory": (
        QT_TRANSLATE_NOOP("InfoCategory", "Name und Kontaktdaten"),
        QT_TRANSLATE_NOOP("InfoCategory", "Inhalte dieser Vereinbarung (Ziele, Aufgaben, Termine)"),
        QT_TRANSLATE_NOOP("InfoCategory", "Verlauf und Entwicklung der Hilfe"),
        QT_TRANSLATE_NOOP("InfoCategory", "Schule, Kita, Ausbildung"),
        QT_TRANSLATE_NOOP("InfoCategory", "Gesundheit"),
    ),
    "AgreementStatus": (
        QT_TRANSLATE_NOOP("AgreementStatus", "Entwurf"),
        QT_TRANSLATE_NOOP("AgreementStatus", "abgeschlossen"),
        QT_TRANSLATE_NOOP("AgreementStatus", "unterschrieben"),
        QT_TRANSLATE_NOOP("AgreementStatus", "ersetzt"),
        QT_TRANSLATE_NOOP("AgreementStatus", "beendet"),
    ),
    "CaseStatus": (
        QT_TRANSLATE_NOOP("CaseStatus", "laufend"),
        QT_TRANSLATE_NOOP("CaseStatus", "abgeschlossen"),
    ),
    "ScaleKind": (
        QT_TRANSLATE_NOOP("ScaleKind", "Zielerreichungsskala −2 bis +2"),
        QT_TRANSLATE_NOOP("ScaleKind", "Skala 0 bis 10"),
    ),
    "GasLevel": (
        QT_TRANSLATE_NOOP("GasLevel", "−2  viel weniger als erwartet"),
        QT_TRANSLATE_NOOP("GasLevel", "−1  weniger als erwartet"),
        QT_TRANSLATE_NOOP("GasLevel", "0  erwartetes Ergebnis"),
        QT_TRANSLATE_NOOP("GasLevel", "+1  mehr als erwartet"),
        QT_TRANSLATE_NOOP("GasLevel", "+2  viel mehr als erwartet"),
    ),
    "CommunicationKind": (
        QT_TRANSLATE_NOOP("CommunicationKind", "Treffen / Gespräch"),
        QT_TRANSLATE_NOOP("CommunicationKind", "Rückmeldung"),
        QT_TRANSLATE_NOOP("CommunicationKind", "Bericht"),
        QT_TRANSLATE_NOOP("CommunicationKind", "Ansprechperson"),
    ),
    "WizardStep": (
        QT_TRANSLATE_NOOP("WizardStep", "Beteiligte"),
        QT_TRANSLATE_NOOP("WizardStep",
                          "Wer gehört zur Familie, wer hilft schon mit? Zuerst die Menschen im Umfeld der Familie, "
                          "dann Jugendamt, Fachkraft und weitere Fachstellen."),
        QT_TRANSLATE_NOOP("WizardStep", "Einverständnis"),
        QT_TRANSLATE_NOOP("WizardStep",
                          "Ist die Familie mit der Hilfe einverstanden? Mit wem dürfen wir zusammenarbeiten und was "
                          "dürfen wir weitergeben?"),
        QT_TRANSLATE_NOOP("WizardStep", "Ziele"),
        QT_TRANSLATE_NOOP("WizardStep",
                          "Was wollen wir gemeinsam erreichen? In den Worten der Familie und fachlich formuliert."),
        QT_TRANSLATE_NOOP("WizardStep", "Indikatoren"),
        QT_TRANSLATE_NOOP("WizardStep", "Woran merken wir, dass ein Ziel erreicht ist? Was kann man beobachten?"),
        QT_TRANSLATE_NOOP("WizardStep", "Arbeitsteilung & Rollen"),
        QT_TRANSLATE_NOOP("WizardStep",
                          "Wer macht was bis wann? Welche Rolle hat wer, und was ist der Auftrag des Jugendamts?"),
        QT_TRANSLATE_NOOP("WizardStep", "Kommunikation & Berichte"),
        QT_TRANSLATE_NOOP("WizardStep",
                          "Wann treffen wir uns, wer gibt wem Rückmeldung, wer schreibt welchen Bericht?"),
        QT_TRANSLATE_NOOP("WizardStep", "Zeitrahmen & Übergang"),
        QT_TRANSLATE_NOOP("WizardStep",
                          "Wie lange dauert die Hilfe? Was kommt danach, wer bleibt an der Seite der Familie?"),
        QT_TRANSLATE_NOOP("WizardStep", "Überblick"),
        QT_TRANSLATE_NOOP("WizardStep", "Was fehlt noch? Vereinbarung abschließen und als PDF speichern."),
    ),
})


def translated(context: str, text: str) -> str:
    """``text`` (one of the core's German labels) in the UI language."""
    return QCoreApplication.translate(context, text) if text else text


def _lookup(context: str, table: Mapping[K, str], key: K, default: str | None) -> str:
    text = table.get(key)
    if text is None:
        return str(key) if default is None else default
    return translated(context, text)


def partner_kind(kind: PartnerKind, default: str | None = None) -> str:
    return _lookup("PartnerKind", labels.PARTNER_KIND, kind, default)


def partner_kind_short(kind: PartnerKind) -> str:
    """The kind without its explanation in brackets ("Jugendamt", "Youth office")."""
    return partner_kind(kind, "").split(" (")[0]


def consent_form(form: ConsentForm, default: str | None = None) -> str:
    return _lookup("ConsentForm", labels.CONSENT_FORM, form, default)


def info_category(category: InfoCategory, default: str | None = None) -> str:
    return _lookup("InfoCategory", labels.INFO_CATEGORY, category, default)


def agreement_status(status: AgreementStatus, default: str | None = None) -> str:
    return _lookup("AgreementStatus", labels.AGREEMENT_STATUS, status, default)


def case_status(status: CaseStatus, default: str | None = None) -> str:
    return _lookup("CaseStatus", labels.CASE_STATUS, status, default)


def scale_kind(kind: ScaleKind, default: str | None = None) -> str:
    return _lookup("ScaleKind", labels.SCALE_KIND, kind, default)


def gas_level(level: int) -> str:
    return _lookup("GasLevel", labels.GAS_LEVEL_NAMES, level, None)


def communication_kind(kind: CommunicationKind, default: str | None = None) -> str:
    return _lookup("CommunicationKind", labels.COMMUNICATION_KIND, kind, default)


def step_title(step: Step) -> str:
    return translated("WizardStep", step_info(step).title)


def step_subtitle(step: Step) -> str:
    return translated("WizardStep", step_info(step).subtitle)


def describe(entity: object) -> str:
    """A short name of a row for messages and the undo bar, e.g. "Person „Ağrı Çelik“"
    (the UI's version of :func:`kooperation_desktop.undo.describe`, in the UI language)."""
    from kooperation_desktop.domain.model import CommunicationRule, Goal, Indicator, Partner, Person, Role, Task

    from .widgets import fill

    no_name = QCoreApplication.translate("EntityName", "ohne Namen")
    no_text = QCoreApplication.translate("EntityName", "ohne Text")
    if isinstance(entity, Person):
        return fill(QCoreApplication.translate("EntityName", "Person „%1“"), entity.display_name or no_name)
    if isinstance(entity, Partner):
        return fill(QCoreApplication.translate("EntityName", "„%1“"), entity.display_name or no_name)
    if isinstance(entity, Goal):
        return fill(QCoreApplication.translate("EntityName", "Ziel „%1“"), entity.title or no_text)
    if isinstance(entity, Indicator):
        return fill(QCoreApplication.translate("EntityName", "Indikator „%1“"),
                    entity.description.strip() or no_text)
    if isinstance(entity, Task):
        return fill(QCoreApplication.translate("EntityName", "Aufgabe „%1“"), entity.what.strip() or no_text)
    if isinstance(entity, Role):
        return QCoreApplication.translate("EntityName", "Rolle")
    if isinstance(entity, CommunicationRule):
        return fill(QCoreApplication.translate("EntityName", "Absprache „%1“"), entity.what.strip() or no_text)
    return QCoreApplication.translate("EntityName", "Einverständnis")


def core_tables() -> dict[str, list[str]]:
    """The core's German texts per context (for the test that keeps :data:`TEXTS` complete)."""
    from kooperation_desktop.domain.wizard import STEPS

    return {
        "PartnerKind": list(labels.PARTNER_KIND.values()),
        "ConsentForm": list(labels.CONSENT_FORM.values()),
        "InfoCategory": list(labels.INFO_CATEGORY.values()),
        "AgreementStatus": list(labels.AGREEMENT_STATUS.values()),
        "CaseStatus": list(labels.CASE_STATUS.values()),
        "ScaleKind": list(labels.SCALE_KIND.values()),
        "GasLevel": list(labels.GAS_LEVEL_NAMES.values()),
        "CommunicationKind": list(labels.COMMUNICATION_KIND.values()),
        "WizardStep": [text for s in STEPS for text in (s.title, s.subtitle)],
    }
