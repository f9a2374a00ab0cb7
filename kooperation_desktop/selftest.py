"""``kooperation-desktop --self-test``: does this installation work? (used by packaging/build.sh)

Opens a new database in a temporary folder (with a random throw-away password), fills in the
demo family, renders its agreement as a PDF and checks it, and checks that the files a frozen
app needs (fonts, migrations, translations, icon) are there. Prints one German line per check;
returns 0 when everything works. The temporary folder is removed afterwards; no user data is
touched. No Qt here (the core never imports it).
"""

from __future__ import annotations

import secrets
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from kooperation_desktop import assets

REQUIRED_RESOURCES = (
    ("fonts", "DejaVuSans.ttf"),
    ("fonts", "DejaVuSans-Bold.ttf"),
    ("fonts", "NotoSansArabic-Regular.ttf"),
    ("fonts", "NotoSansArabic-Bold.ttf"),
    ("family_texts", "tr.json"),
    ("family_texts", "ar.json"),
    ("texts", "consent_de.txt"),
    ("texts", "goodwill_de.txt"),
    ("texts", "consent_en.txt"),
    ("texts", "goodwill_en.txt"),
    ("translations", "kooperation_en.qm"),
    ("translations", "kooperation_wizard_en.qm"),
    ("translations", "kooperation_dialogs_en.qm"),
    ("translations", "kooperation_pdflang_en.qm"),
    ("translations", "kooperation_lists_en.qm"),
    ("icons", "kooperation-desktop.png"),
    ("icons", "kooperation-desktop.svg"),
)


def run_self_test(out: Callable[[str], None] = print) -> int:
    """Run the checks; returns the exit code (0 = all fine)."""
    start = time.monotonic()
    failures = 0

    def check(label: str, fn: Callable[[], str]) -> None:
        nonlocal failures
        try:
            detail = fn()
        except Exception as exc:  # noqa: BLE001 - every failure is reported as one line
            failures += 1
            out(f"FEHLER  {label}: {type(exc).__name__}: {exc}")
        else:
            out(f"ok      {label}{': ' + detail if detail else ''}")

    def files() -> str:
        missing = [("/".join(p)) for p in REQUIRED_RESOURCES if not assets.path(*p).is_file()]
        if missing:
            raise FileNotFoundError(", ".join(missing))
        return f"{len(REQUIRED_RESOURCES)} Dateien"

    check("Programmdateien (Schriften, Texte, Übersetzung, Symbol)", files)

    with tempfile.TemporaryDirectory(prefix="kooperation-selftest-") as tmp:
        folder = Path(tmp)
        pdf_path = folder / "selbsttest.pdf"

        def database_and_pdf() -> str:
            from .demo import create_demo
            from .services import Services

            services = Services.open(folder / "daten", secrets.token_urlsafe(24))
            try:
                result = create_demo(services)
                services.agreements.export_pdf(result.agreement_id, pdf_path)
            finally:
                services.close()
            data = pdf_path.read_bytes()
            if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
                raise ValueError("die erzeugte Datei ist kein vollständiges PDF")
            return f"{len(data) // 1024} KB"

        check("Datenbank anlegen und Vereinbarung als PDF erzeugen", database_and_pdf)

        def preview() -> str:
            import pypdfium2

            document = pypdfium2.PdfDocument(pdf_path.read_bytes())
            try:
                pages = len(document)
                page = document[0]
                bitmap = page.render(scale=0.5)
                size = (bitmap.width, bitmap.height)
                bitmap.close()
                page.close()
            finally:
                document.close()
            if pages < 2 or size[0] <= 0:
                raise ValueError("die Vorschau hat keine Seiten")
            return f"{pages} Seiten"

        check("PDF-Vorschau (pypdfium2)", preview)

    seconds = time.monotonic() - start
    if failures:
        out(f"Selbsttest fehlgeschlagen ({failures} Fehler, {seconds:.1f} s).")
        return 1
    out(f"Selbsttest bestanden ({seconds:.1f} s).")
    return 0
