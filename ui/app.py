"""Start the desktop application: QApplication, German Qt texts, services, main window."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication

APP_NAME = "Kooperation Desktop"

UNEXPECTED_ERROR = (
    "Ein unerwarteter Fehler ist aufgetreten. Ihre bisherigen Eingaben sind gespeichert.\n\n"
    "Bitte speichern Sie nichts weiter in diesem Fenster, schließen Sie das Programm und starten Sie es neu. "
    "Wenn der Fehler wieder auftritt, wenden Sie sich an die IT-Betreuung."
)


def _log_without_client_data(exc_type: type[BaseException], tb: TracebackType | None) -> None:
    """Where it failed (files, lines, functions) but not the message: it may contain client data."""
    lines = [f'  File "{fs.filename}", line {fs.lineno}, in {fs.name}\n' for fs in traceback.extract_tb(tb)]
    sys.stderr.write(f"Unerwarteter Fehler: {exc_type.__module__}.{exc_type.__qualname__}\n")
    sys.stderr.write("".join(lines))


def excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    _log_without_client_data(exc_type, tb)
    if QApplication.instance() is not None:
        from PySide6.QtWidgets import QMessageBox  # not before the first window: it is seldom needed

        QMessageBox.critical(None, "Unerwarteter Fehler", UNEXPECTED_ERROR)


def run(data_dir: Path | None = None) -> int:
    """Open the window on ``data_dir`` (default: the user's data folder); returns the exit code.

    The password dialog comes first and is built from light modules only; the services and the
    main window (SQLAlchemy …) are imported while it waits for the password."""
    from kooperation_desktop.paths import default_data_dir

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)  # windows need the widgets' application object, not a QCoreApplication
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    from PySide6.QtGui import QIcon

    from kooperation_desktop import assets

    from .i18n import install_language, translate_widget_tree

    install_language(app)  # German (Qt's own texts), or English when chosen in the settings
    app.setWindowIcon(QIcon(str(assets.path("icons", "kooperation-desktop.png"))))
    sys.excepthook = excepthook
    data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
    from .protection import open_services

    services = open_services(data_dir, load_window=_preload_main_window)  # set a password (first start) or unlock
    if services is None:
        return 0
    from .main_window import MainWindow

    try:
        window = MainWindow(services)
        translate_widget_tree(window)  # the main window's texts in English (only when chosen)
        window.show()
        return app.exec()
    finally:
        services.close()


def _preload_main_window() -> None:
    """Import what the main window needs (about half a second: SQLAlchemy, the services …) while the
    password dialog waits for the user, so "Entsperren" does not wait for it."""
    from . import main_window  # noqa: F401 - imported for the module cache only
