"""Data protection in the window: the password dialog at start (:mod:`.startup`), the menu
„Datenschutz“ with the lock controller (:class:`.menu.ProtectionController`, one part of the main
window), their dialogs (:mod:`.dialogs`, :mod:`.views`).

``open_services`` runs before the main window exists and keeps its imports light (the first window
appears sooner); the main window imports :mod:`.menu` itself.
"""

from __future__ import annotations

from .startup import open_services

__all__ = ["open_services"]
