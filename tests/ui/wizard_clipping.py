"""Run in a subprocess by tests/test_ui_wizard_clipping.py (Qt's scale factor is per process):
fill every wizard page with long, realistic German texts and list every input whose text is wider
than its visible area and every label that is cut.

    python tests/wizard_clipping.py DATA_DIR [SHOTS_DIR] [LANG]

prints one JSON object {"screen": [w, h], "clipped": ["page: widget …", …]}; with SHOTS_DIR, a
PNG of every page (and of the dialogs checked) is saved there.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/: conftest, helpers
sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))  # the project

import conftest  # noqa: F401  (sets the test passphrase and key cost)
from helpers import build_complete_case

LONG = {
    "persons": [
        ("Ağrı Şükrü", "Çelik-Wróbel", "Mutter, personensorgeberechtigt, lebt mit Mia und Jonas zusammen"),
        ("Nguyễn Thị", "Minh Khai", "Tante mütterlicherseits, wohnt zwei Straßen weiter"),
        ("Mia Sophie", "Çelik-Wróbel", "Tochter, 9 Jahre, besucht die 3. Klasse der Grundschule am Park"),
    ],
    "partner_function": "Oma von Mia (Mutter von Herrn Wróblewski-Becker), hilft nachmittags",
    "partner_contact": "0176 12345678, am besten nachmittags ab 15 Uhr erreichbar",
    "youth_office_org": "Jugendamt Musterstadt, ASD Region Nord",
    "goal": "Wir wollen morgens ohne Streit aus dem Haus kommen, und Mia soll pünktlich und ausgeschlafen "
            "in der Schule sein.",
    "goal_pro": "Die Familie hat eine verlässliche Morgenroutine; Mia erscheint an mindestens vier von fünf "
                "Schultagen pünktlich zum Unterricht.",
    "indicator": "Mia ist an Schultagen um 7:45 Uhr fertig angezogen, hat gefrühstückt und den Schulranzen "
                 "gepackt, ohne dass es vorher Streit gab.",
    "level": "an allen fünf Schultagen der Woche pünktlich und ohne Streit aus dem Haus",
    "task": "Legt abends mit Mia Kleidung und Schulranzen für den nächsten Morgen bereit und schaut "
            "gemeinsam mit ihr ins Hausaufgabenheft.",
    "role": "Koordiniert die Termine, begleitet die Familie bei Gesprächen mit der Schule und achtet darauf, "
            "dass die Ziele und Aufgaben mit allen abgestimmt bleiben.",
    "mandate": "Unterstützung der Mutter bei der Tagesstruktur, beim Schulbesuch von Mia und bei der "
               "Zusammenarbeit mit der Schule; Auftrag aus dem Hilfeplan vom 12.01.2027, Ziffer 3 und 4.",
    "comm_what": "Gemeinsames Treffen zur Auswertung der Morgenroutine in der Wohnung der Familie",
    "comm_who": "Familie, Herr Becker, Frau Iwanowa von der Familienhilfe",
    "comm_to": "Jugendamt Musterstadt (Herr Wróbel, ASD Region Nord)",
    "comm_rhythm": "wöchentlich, dienstags 16 Uhr, im Wechsel zu Hause und im Büro",
    "transition": "Erziehungsberatungsstelle der Caritas, Elterncafé im Familienzentrum Lindenhof und der "
                  "Sportverein TSV Musterstadt für Mia (Turnen, mittwochs).",
    "client_view": "Wir finden gut, dass alle mitmachen. Morgens ist es oft laut bei uns, und wir wollen, "
                   "dass Mia gern zur Schule geht und wir abends mehr Zeit füreinander haben.",
}


def build_long_case(services) -> tuple[int, int]:
    """The complete case of the tests, its texts replaced by long realistic ones."""
    case_id, agreement_id = build_complete_case(services)
    case = services.cases.get(case_id)
    for person, (first, last, role) in zip(case.persons, LONG["persons"], strict=True):
        person.first_name, person.last_name, person.family_role = first, last, role
        services.parties.save(person)
    for partner in case.partners:
        partner.function = LONG["partner_function"] if partner.kind.is_resource else partner.function
        partner.contact = LONG["partner_contact"]
        if partner.kind.value == "youth_office":
            partner.organisation = LONG["youth_office_org"]
        services.parties.save(partner)
    agreement = services.agreements.get(agreement_id)
    agreement.mandate = LONG["mandate"]
    agreement.client_view = LONG["client_view"]
    agreement.transition_offers = LONG["transition"]
    agreement.transition_partners = LONG["transition"]
    agreement.transition_self = LONG["transition"]
    services.agreements.update(agreement)
    agreement = services.agreements.get(agreement_id)
    for goal in agreement.goals:
        goal.client_words, goal.professional_wording = LONG["goal"], LONG["goal_pro"]
        services.parties.save(goal)
        for indicator in goal.indicators:
            indicator.description = LONG["indicator"]
            if indicator.level_texts:
                indicator.level_texts = [LONG["level"]] * len(indicator.level_texts)
            services.parties.save(indicator)
    for task in agreement.tasks:
        task.what = LONG["task"]
        services.parties.save(task)
    for role in agreement.roles:
        role.description = LONG["role"]
        services.parties.save(role)
    for rule in agreement.communication:
        rule.what, rule.who, rule.to_whom, rule.rhythm = (
            LONG["comm_what"], LONG["comm_who"], LONG["comm_to"], LONG["comm_rhythm"])
        services.parties.save(rule)
    return case_id, agreement_id


def clipped_widgets(root, where: str) -> list[str]:
    """Every visible input of ``root`` whose text does not fit its visible area, every cut label."""
    from PySide6.QtWidgets import (
        QAbstractSpinBox,
        QCheckBox,
        QComboBox,
        QLabel,
        QLineEdit,
        QPlainTextEdit,
        QStyle,
        QStyleOptionComboBox,
        QTextEdit,
    )

    found: list[str] = []

    def name(w) -> str:
        return f"{where}: {type(w).__name__} „{w.accessibleName() or getattr(w, 'text', lambda: '')()[:40]}“"

    for w in root.findChildren(QLineEdit) + root.findChildren(QPlainTextEdit) + root.findChildren(QLabel) \
            + root.findChildren(QComboBox) + root.findChildren(QTextEdit) + root.findChildren(QCheckBox):
        if not w.isVisible() or w.width() <= 1:
            continue
        if isinstance(w, QCheckBox):  # its text is cut at the right or (wrapped) at the bottom
            height_for = getattr(w, "height_for", None)  # ui.widgets.WrappingCheckBox: wraps
            if height_for is not None and height_for(w.width()) > w.height() + 1 \
                    or height_for is None and w.sizeHint().width() > w.width() + 1:
                found.append(f"{name(w)}: needs {w.sizeHint().width()} px wide or "
                             f"{height_for(w.width()) if height_for else '?'} px high, has {w.width()}×{w.height()}")
        elif isinstance(w, QLineEdit):
            if isinstance(w.parent(), QAbstractSpinBox | QComboBox) or w.echoMode() != QLineEdit.EchoMode.Normal:
                continue
            margins = w.textMargins()
            frame = w.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, w) if w.hasFrame() else 0
            room = w.contentsRect().width() - margins.left() - margins.right() - 2 * frame - 4  # Qt's 2 px each side
            if w.fontMetrics().horizontalAdvance(w.text()) > room:
                found.append(f"{name(w)}: text {w.fontMetrics().horizontalAdvance(w.text())} px in {room} px")
        elif isinstance(w, QPlainTextEdit | QTextEdit):
            if isinstance(w, QPlainTextEdit):  # where the last line ends, against the visible area
                last = w.document().lastBlock()
                bottom = w.blockBoundingGeometry(last).translated(w.contentOffset()).bottom()
                cut = bottom > w.viewport().height() + 0.5
            else:
                cut = w.document().size().height() > w.viewport().height() + 0.5
            if w.horizontalScrollBar().isVisible() or w.verticalScrollBar().maximum() > 0 or cut:
                if w.isReadOnly() and w.verticalScrollBar().isVisible():
                    continue  # a read-only text to scroll through (the consent text), scroll bar shown
                found.append(f"{name(w)}: text larger than the field")
        elif isinstance(w, QComboBox):
            opt = QStyleOptionComboBox()
            w.initStyleOption(opt)
            field = w.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt,
                                             QStyle.SubControl.SC_ComboBoxEditField, w)
            if w.fontMetrics().horizontalAdvance(w.currentText()) > field.width():
                found.append(f"{name(w)}: „{w.currentText()}“ wider than {field.width()} px")
        elif isinstance(w, QLabel):
            if not w.text() or w.pixmap() is not None and not w.pixmap().isNull():
                continue
            if w.wordWrap():
                need = w.heightForWidth(w.width())
                if need > w.height() + 1:
                    found.append(f"{name(w)}: needs {need} px height, has {w.height()}")
            elif w.sizeHint().width() > w.width() + 1 or w.sizeHint().height() > w.height() + 1:
                found.append(f"{name(w)}: needs {w.sizeHint().width()}×{w.sizeHint().height()}, "
                             f"has {w.width()}×{w.height()}")
    return found


def settle(app) -> None:
    """Let the layouts settle: a field that grows posts a layout request to each parent in turn."""
    for _ in range(8):
        app.processEvents()


def overlapping_inputs(root, where: str) -> list[str]:
    """Inputs drawn over each other (a grown field whose row did not grow with it)."""
    from PySide6.QtWidgets import QAbstractScrollArea, QComboBox, QLineEdit

    found = []
    by_parent: dict[int, list] = {}
    for w in root.findChildren(QLineEdit) + root.findChildren(QAbstractScrollArea) + root.findChildren(QComboBox):
        if w.isVisible() and not isinstance(w.parent(), QComboBox) and w.objectName() != "qt_scrollarea_viewport":
            by_parent.setdefault(id(w.parentWidget()), []).append(w)
    for widgets in by_parent.values():
        for i, a in enumerate(widgets):
            for b in widgets[i + 1:]:
                if a.geometry().intersects(b.geometry()):
                    found.append(f"{where}: „{a.accessibleName()}“ and „{b.accessibleName()}“ overlap")
    return found


def main() -> int:
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    data_dir = Path(sys.argv[1])
    shots = Path(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2] != "-" else None
    language = sys.argv[3] if len(sys.argv) > 3 else "de"
    from ui.i18n import install_language

    install_language(app, language)
    from kooperation_desktop.services import Services
    from ui.wizard.wizard import AgreementWizard

    services = Services.open(data_dir)
    case_id, _agreement_id = build_long_case(services)
    area = app.primaryScreen().availableGeometry()
    clipped: list[str] = []
    wizard = AgreementWizard(services, case_id)
    wizard.show()
    wizard.restart()
    for i in range(len(wizard.pageIds())):
        page = wizard.currentPage()
        settle(app)
        # the page's scroll area: every part of it, scrolled into view in turn, is checked
        clipped += clipped_widgets(page, page.step.value) + overlapping_inputs(page, page.step.value)
        if page.scroll_area.horizontalScrollBar().maximum() > 0:  # nothing needs a sideways scroll bar
            clipped.append(f"{page.step.value}: scrolls sideways "
                           f"({page.scroll_area.horizontalScrollBar().maximum()} px)")
        if shots:
            wizard.grab().save(str(shots / f"{i + 1}_{page.step.value}_{language}.png"))
            body = page.body
            body.grab().save(str(shots / f"{i + 1}_{page.step.value}_{language}_body.png"))
        if i < len(wizard.pageIds()) - 1:
            wizard.next()
            if wizard.currentPage() is page:
                clipped.append(f"{page.step.value}: „Weiter“ refused: {page.problems.text()}")
                break
    clipped += overview_states(app, wizard, services, shots, language)
    wizard.close()
    clipped += unlock_dialog_clipping(app, shots, language)
    print(json.dumps({"screen": [area.width(), area.height()], "clipped": clipped}))
    services.close()
    return 0


def overview_states(app, wizard, services, shots: Path | None, language: str) -> list[str]:
    """The overview with a missing item (a link), then finalised (checksum and next steps)."""
    from ui import dialogs

    page = wizard.page_overview
    agreement = services.agreements.get(wizard.agreement.id)
    mandate, agreement.mandate = agreement.mandate, ""
    services.agreements.update(agreement)
    page.initializePage()
    settle(app)
    found = clipped_widgets(page, "overview with a missing item")
    if shots:
        wizard.grab().save(str(shots / f"8_overview_missing_{language}.png"))
    agreement = services.agreements.get(wizard.agreement.id)
    agreement.mandate = mandate
    services.agreements.update(agreement)
    page.initializePage()
    dialogs.ask_finalise = lambda _parent, _version: True  # the user confirms
    page.finalise()
    settle(app)
    found += clipped_widgets(page, "overview finalised")
    if shots:
        wizard.grab().save(str(shots / f"8_overview_final_{language}.png"))
    return found


def unlock_dialog_clipping(app, shots: Path | None, language: str) -> list[str]:
    """The unlock dialog after a wrong password (the first screen of every day)."""
    from ui.protection.dialogs import UnlockDialog

    message = ("Das Passwort ist falsch. Bitte noch einmal versuchen (auf Groß- und Kleinschreibung achten).")
    dialog = UnlockDialog(lambda _text: message)
    dialog.show()
    app.processEvents()
    dialog.password_edit.setText("falsches-passwort")
    dialog.attempt()
    settle(app)
    if shots:
        dialog.grab().save(str(shots / f"unlock_{language}.png"))
    found = clipped_widgets(dialog, "unlock")
    dialog.wait_timer.stop()
    dialog.done(0)
    return found


if __name__ == "__main__":
    sys.exit(main())
