"""Keep top-level windows inside the screen's free area.

A 1920×1080 laptop at 150 % scaling gives Qt 1280×720 logical pixels, less the task bar: a window
of 1040×720 would reach below the screen's edge and hide its buttons. :func:`fit_to_screen` sizes
a window to what it would like, but at most 90 % of ``QScreen.availableGeometry()``; long content
sits in scroll areas (wizard pages, review and reflection dialogs), so a smaller window stays usable.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

SCREEN_SHARE = 0.9


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The free area (without task bars) of the screen ``widget`` is on, else of the primary screen."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 720)


def size_limit(widget: QWidget | None = None, share: float = SCREEN_SHARE) -> QSize:
    area = available_geometry(widget)
    return QSize(int(area.width() * share), int(area.height() * share))


def fit_to_screen(window: QWidget, preferred: QSize, minimum: QSize | None = None,
                  share: float = SCREEN_SHARE) -> QSize:
    """Resize ``window`` to ``preferred`` (and set ``minimum``), both capped to ``share`` of the
    screen's available geometry. Returns the size set."""
    limit = size_limit(window, share)
    if minimum is not None:
        window.setMinimumSize(minimum.boundedTo(limit))
    size = preferred.boundedTo(limit).expandedTo(window.minimumSize())
    window.resize(size)
    return size
