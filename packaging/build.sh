#!/usr/bin/env bash
# Build the one-folder app with PyInstaller into dist/kooperation-desktop/ and check it:
# the built program runs its self-test (--self-test: a database in a temporary folder, the demo
# agreement as PDF, the PDF preview, the bundled files) and the demo + export-pdf commands.
# Usage (from the project folder, with the venv of the README):  bash packaging/build.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

VENV="${VENV:-.venv}"
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q .
fi
"$VENV/bin/pip" install -q "pyinstaller>=6.0"

"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/kooperation-desktop.spec

APP="dist/kooperation-desktop/kooperation-desktop"
DATA="$(mktemp -d)"
trap 'rm -rf "$DATA"' EXIT
"$APP" --version
"$APP" --self-test
# throw-away secrets for the smoke test's temporary data folder only
export KOOPERATION_PASSPHRASE="${KOOPERATION_PASSPHRASE:-build-smoke-test-only}"
export KOOPERATION_SEAL_PASSWORD="${KOOPERATION_SEAL_PASSWORD:-build-smoke-test-only}"
export KOOPERATION_SEAL_ORGANISATION="${KOOPERATION_SEAL_ORGANISATION:-Rauchtest}"
"$APP" demo --data-dir "$DATA"
"$APP" export-pdf --data-dir "$DATA" --out "$DATA/demo.pdf"
head -c 5 "$DATA/demo.pdf" | grep -q '%PDF-' || { echo "Rauchtest: kein PDF erzeugt" >&2; exit 1; }

# Linux: desktop entry and icon beside the program folder (copy to ~/.local/share/applications and
# ~/.local/share/icons/hicolor/256x256/apps to install for one user; Exec must find kooperation-desktop)
if [ "$(uname -s)" = "Linux" ]; then
    cp packaging/kooperation-desktop.desktop dist/kooperation-desktop/
    cp resources/icons/kooperation-desktop.png dist/kooperation-desktop/kooperation-desktop.png
fi
echo "Fertig: $APP ($(du -sh dist/kooperation-desktop | cut -f1)); Selbsttest und Rauchtest bestanden."
