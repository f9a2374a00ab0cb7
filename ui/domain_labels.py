"""The core's labels (enums, wizard steps) in the UI language.

The words live once, in German and English, in the core's catalogue
(:mod:`kooperation_desktop.domain.labels`); this module only asks it in the language the UI was
started in (:func:`ui.i18n.current_language`). Qt's ``tr()`` and the ``.ts`` files hold only texts
that exist in ``ui/`` alone (such as :func:`describe` below).
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication

from kooperation_desktop.domain import labels
from kooperation_desktop.domain.model import PartnerKind
from kooperation_desktop.domain.wizard import Step

from .i18n import current_language


def label(value: Enum, default: str | None = None) -> str:
    """An enum's label in the UI language."""
    return labels.label(value, current_language(), default)


# the names the pages call it by: one function, the catalogue knows each enum
partner_kind = consent_form = info_category = agreement_status = case_status = scale_kind = communication_kind = label


def partner_kind_short(kind: PartnerKind) -> str:
    """The kind without its explanation in brackets ("Jugendamt", "Youth office")."""
    return label(kind, "").split(" (")[0]


def gas_level(level: int) -> str:
    return labels.gas_level(level, current_language())


def step_title(step: Step) -> str:
    return labels.step_texts(step, current_language())[0]


def step_subtitle(step: Step) -> str:
    return labels.step_texts(step, current_language())[1]


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


def reflection_condition(key: str) -> labels.ConditionTexts:
    """A condition a–j of the joint reflection (seed wording, statement, short name, suggestion)."""
    return labels.reflection_condition(key, current_language())
