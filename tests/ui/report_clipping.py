"""Run in a subprocess by tests/ui/test_ui_report.py (Qt's scale factor is per process): open the
report dialog („Bericht für das Jugendamt…“) of a case with three reviews, on each tab list every
cut text (:func:`wizard_clipping.clipped_widgets`) and save a PNG of it.

    python tests/ui/report_clipping.py DATA_DIR [SHOTS_DIR]

prints one JSON object {"screen": [w, h], "clipped": [...]}.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/: conftest, helpers, test_report
sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/ui: wizard_clipping
sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))  # the project

import conftest  # noqa: F401  (sets the test passphrase and key cost)
from wizard_clipping import clipped_widgets, settle


def main() -> int:
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    data_dir = Path(sys.argv[1])
    shots = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    from test_report import HEALTH_NOTE, _case, _review

    from kooperation_desktop.followup.service import FollowUpService
    from kooperation_desktop.services import Services
    from kooperation_desktop.signing.service import SigningService
    from kooperation_desktop.usecases.reports import ReportService
    from ui.report_dialog import ReportDialog

    services = Services.open(data_dir)
    case_id, _aid = _case(services)
    follow = FollowUpService(services.db)
    _review(follow, case_id, 60, [(0, -1), (5, 5), (0, -1)], successes="Deniz kam drei Wochen pünktlich.",
            obstacles="Familie und Fachkraft sind sich uneinig, ob die Oma öfter einspringen soll.")
    _review(follow, case_id, 10, [(2, 0), (6, 4), (1, 0)], successes=HEALTH_NOTE, notes=[HEALTH_NOTE, "", ""],
            next_steps="Weiter mit dem Wochenplan; Stopp-Regel üben und mit der Schule über den Hort sprechen.")
    area = app.primaryScreen().availableGeometry()
    dialog = ReportDialog(ReportService(services.db), SigningService(services.db), case_id)
    dialog.show()
    clipped: list[str] = []
    for i in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(i)
        settle(app)
        where = dialog.tabs.tabText(i).replace("&", "")
        clipped += clipped_widgets(dialog, where)
        if dialog.width() > area.width() or dialog.height() > area.height():
            clipped.append(f"{where}: dialog {dialog.width()}×{dialog.height()} larger than the screen")
        if shots:
            dialog.grab().save(str(shots / f"report_{i + 1}.png"))
    print(json.dumps({"screen": [area.width(), area.height()], "clipped": clipped}))
    dialog.close()
    services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
