"""Data protection in the window: the password dialog at start (:mod:`.startup`), the menu
„Datenschutz“ with the lock controller (:mod:`.menu`), their dialogs (:mod:`.dialogs`, :mod:`.views`).

``install(main_window)`` is the one line in MainWindow.__init__; ``open_services`` runs before the
main window exists and keeps its imports light (the first window appears sooner).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .startup import open_services

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from .menu import ProtectionActions


def install(main_window: QWidget) -> ProtectionActions:
    """The menu „Datenschutz“, the lock (Ctrl+L, idle, suspend) and the closed-case guard."""
    from .menu import install as install_menu

    return install_menu(main_window)


__all__ = ["install", "open_services"]
