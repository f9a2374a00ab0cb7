#!/usr/bin/env bash
# Build the one-folder app with PyInstaller into dist/kooperation-desktop/ and smoke-test it:
# the built program fills a fresh data folder with the demo family and exports its PDF.
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
"$APP" demo --data-dir "$DATA"
"$APP" export-pdf --data-dir "$DATA" --out "$DATA/demo.pdf"
head -c 5 "$DATA/demo.pdf" | grep -q '%PDF-' || { echo "Rauchtest: kein PDF erzeugt" >&2; exit 1; }
echo "Fertig: $APP ($(du -sh dist/kooperation-desktop | cut -f1)); Rauchtest bestanden."
