#!/bin/sh
# Extract the UI texts into the English .ts files (one per area) and build the .qm files the app
# loads (ui/i18n.py loads every resources/translations/kooperation*_en.qm).
#
#   sh packaging/update-translations.sh        (from the project folder, with .venv/ set up)
#
# New texts appear as "unfinished" in the .ts: translate them (pyside6-linguist, or edit the XML),
# then run this again. tests/test_ui_english_*.py fail while a text has no translation.
set -eu
BIN="${VENV:-.venv}/bin"
T=resources/translations
update() {
    ts="$1"; shift
    "$BIN/pyside6-lupdate" -no-obsolete "$@" -ts "$T/$ts.ts"
    "$BIN/pyside6-lrelease" "$T/$ts.ts" -qm "$T/$ts.qm"
}
update kooperation_en ui/i18n.py ui/settings.py ui/family_view.py ui/preview.py ui/welcome.py
update kooperation_lists_en ui/case_list_model.py ui/followup/due_panel.py ui/main_window.py
update kooperation_wizard_en ui/case_view.py ui/dialogs.py ui/domain_labels.py ui/widgets.py ui/readability.py \
    ui/wizard/base.py ui/wizard/wizard.py ui/wizard/page_*.py ui/wizard/signers_box.py
update kooperation_pdflang_en ui/wizard/language_field.py
update kooperation_report_en ui/report_dialog.py
update kooperation_dialogs_en ui/followup/case_section.py ui/followup/charts.py ui/followup/entry_dialog.py ui/followup/reflection_dialog.py \
    ui/followup/review_dialog.py ui/followup/transition_dialog.py ui/protection/*.py ui/signing/*.py
update kooperation_team_en ui/team/*.py
grep -c 'type="unfinished"' $T/*.ts || true
