"""Charts of the follow-up, painted with QPainter (no Qt Charts add-on): a line chart (T-score over
time, one indicator over time) and a radar of the ten conditions a–j.

Each chart keeps the data it shows (``series()`` / ``sessions()``) so tests can read what is drawn.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from kooperation_desktop.followup.reflection import CONDITIONS

from ..domain_labels import reflection_condition

CLIENT_COLOR = QColor("#C05A00")
PRO_COLOR = QColor("#1F4E79")
BASE_COLOR = QColor("#8A8A8A")
REFERENCE_COLOR = QColor("#4C9A2A")
GRID_COLOR = QColor("#E3E8EE")
SESSION_COLORS = (QColor("#B8C4D0"), QColor("#7F9BB5"), QColor("#1F4E79"))


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


CORE_CONTEXT = "FollowUpCore"
# German texts of kooperation_desktop.followup shown in the follow-up dialogs (gas.WEIGHTING_NOTE,
# reflection.SCALE_LABELS), listed so that pyside6-lupdate extracts them; a test keeps them equal
CORE_TEXTS = (
    QT_TRANSLATE_NOOP("FollowUpCore",
                      "Nur Indikatoren mit Zielerreichungsskala (−2 bis +2) gehen in den T-Wert ein. Jedes Ziel "
                      "zählt mit seiner Gewichtung; hat ein Ziel mehrere solche Indikatoren, teilen sie sich sein "
                      "Gewicht zu gleichen Teilen. T = 50 heißt: im Mittel wie erwartet; über 50 besser, unter 50 "
                      "weniger als erwartet (nach Kiresuk & Sherman, ρ = 0,3)."),
    QT_TRANSLATE_NOOP("FollowUpCore", "1 – trifft gar nicht zu"),
    QT_TRANSLATE_NOOP("FollowUpCore", "2 – trifft eher nicht zu"),
    QT_TRANSLATE_NOOP("FollowUpCore", "3 – teils, teils"),
    QT_TRANSLATE_NOOP("FollowUpCore", "4 – trifft eher zu"),
    QT_TRANSLATE_NOOP("FollowUpCore", "5 – trifft voll zu"),
)


def core_text(text: str) -> str:
    """A German text of the follow-up core in the UI language (when it is one of CORE_TEXTS)."""
    return QCoreApplication.translate(CORE_CONTEXT, text) if text else text


def chart_painter(widget: QWidget, empty_text: str | None) -> QPainter | None:
    """A painter on a white chart with the charts' small font; with ``empty_text`` (nothing to draw)
    only that text is drawn, centred, and None is returned."""
    p = QPainter(widget)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.fillRect(widget.rect(), QColor("white"))
    font = QFont(widget.font())
    font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
    p.setFont(font)
    if empty_text is None:
        return p
    p.setPen(QColor("#555555"))
    p.drawText(widget.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, empty_text)
    p.end()
    return None


@dataclass(slots=True)
class ChartSeries:
    label: str
    color: QColor
    values: Sequence[float | None]


class LineChart(QWidget):
    """Values over evenly spaced x positions (e.g. "Beginn" and review dates)."""

    def __init__(self, parent: QWidget | None = None, accessible_name: str = ""):
        super().__init__(parent)
        self.setAccessibleName(accessible_name or tr("Diagramm"))
        self.setMinimumHeight(170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._labels: list[str] = []
        self._series: list[ChartSeries] = []
        self._y: tuple[float, float, list[float]] = (0, 1, [])
        self._reference: float | None = None
        self._fmt: Callable[[float], str] = lambda v: f"{v:g}"
        self._empty = tr("Noch keine Daten.")

    def sizeHint(self) -> QSize:
        return QSize(360, 190)

    def set_data(self, labels: Sequence[str], series: Sequence[ChartSeries], y_min: float, y_max: float,
                 ticks: Sequence[float], reference: float | None = None,
                 fmt: Callable[[float], str] | None = None, empty_text: str = "") -> None:
        self._labels, self._series = list(labels), list(series)
        self._y, self._reference = (y_min, y_max, list(ticks)), reference
        if fmt is not None:
            self._fmt = fmt
        self._empty = empty_text or tr("Noch keine Daten.")
        self.setToolTip("\n".join(
            f"{s.label}: " + ", ".join(f"{lab} {self._fmt(v)}" for lab, v in zip(self._labels, s.values, strict=True)
                                       if v is not None) for s in self._series))
        self.update()

    def labels(self) -> list[str]:
        return list(self._labels)

    def series(self) -> list[ChartSeries]:
        return list(self._series)

    def paintEvent(self, event: QPaintEvent) -> None:
        empty = not any(v is not None for s in self._series for v in s.values)
        p = chart_painter(self, self._empty if empty else None)
        if p is None:
            return
        left, right, top, bottom = 40.0, 14.0, 26.0, 24.0
        w, h = self.width() - left - right, self.height() - top - bottom
        y_min, y_max, ticks = self._y
        n = len(self._labels)

        def px(i: int) -> float:
            return left + (w * i / (n - 1) if n > 1 else w / 2)

        def py(v: float) -> float:
            return top + h - h * (v - y_min) / ((y_max - y_min) or 1)

        p.setPen(QPen(GRID_COLOR, 1))
        for t in ticks:
            p.drawLine(QPointF(left, py(t)), QPointF(left + w, py(t)))
            p.setPen(QColor("#555555"))
            p.drawText(QRectF(0, py(t) - 8, left - 6, 16), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       self._fmt(t))
            p.setPen(QPen(GRID_COLOR, 1))
        if self._reference is not None:
            pen = QPen(REFERENCE_COLOR, 1.2, Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.drawLine(QPointF(left, py(self._reference)), QPointF(left + w, py(self._reference)))
        p.setPen(QColor("#555555"))
        step = max(1, math.ceil(n / 6))
        for i, lab in enumerate(self._labels):
            if i % step == 0 or i == n - 1:
                x = min(max(px(i) - 40, 0.0), self.width() - 80.0)
                align = (Qt.AlignmentFlag.AlignLeft if x == 0 else Qt.AlignmentFlag.AlignRight
                         if x == self.width() - 80.0 else Qt.AlignmentFlag.AlignHCenter)
                p.drawText(QRectF(x, top + h + 4, 80, 16), align, lab)
        lx = left
        for s in self._series:
            p.setPen(QPen(s.color, 2.2))
            p.drawLine(QPointF(lx, 12), QPointF(lx + 16, 12))
            p.setPen(QColor("black"))
            p.drawText(QPointF(lx + 20, 16), s.label)
            lx += 30 + p.fontMetrics().horizontalAdvance(s.label)
            points = [QPointF(px(i), py(v)) for i, v in enumerate(s.values) if v is not None]
            p.setPen(QPen(s.color, 2.2))
            for a, b in itertools.pairwise(points):
                p.drawLine(a, b)
            p.setBrush(s.color)
            for pt in points:
                p.drawEllipse(pt, 3.5, 3.5)
            p.setBrush(Qt.BrushStyle.NoBrush)


class RadarChart(QWidget):
    """The ten conditions a–j (1–5), one polygon per reflection session (the newest strongest)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(tr("Reflexion: Netzdiagramm der Bedingungen a–j"))
        self.setMinimumSize(300, 280)
        self._sessions: list[tuple[str, dict[str, float]]] = []

    def sizeHint(self) -> QSize:
        return QSize(380, 320)

    def set_sessions(self, sessions: Sequence[tuple[str, dict[str, float]]]) -> None:
        self._sessions = list(sessions)[-3:]
        self.setToolTip("\n".join(
            f"{label}: " + ", ".join(f"{k} {v:.1f}".replace(".", ",") for k, v in sorted(means.items()))
            for label, means in self._sessions))
        self.update()

    def sessions(self) -> list[tuple[str, dict[str, float]]]:
        return list(self._sessions)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = chart_painter(self, None if self._sessions else tr("Noch keine Reflexion erfasst."))
        if p is None:
            return
        legend_h = 16 * len(self._sessions) + 4
        cx, cy = self.width() / 2, (self.height() - legend_h) / 2 + 4
        radius = max(30.0, min(self.width() / 2 - 95, (self.height() - legend_h) / 2 - 24))
        n = len(CONDITIONS)

        def point(i: int, v: float) -> QPointF:
            angle = -math.pi / 2 + 2 * math.pi * i / n
            r = radius * v / 5
            return QPointF(cx + r * math.cos(angle), cy + r * math.sin(angle))

        p.setPen(QPen(GRID_COLOR, 1))
        for level in range(1, 6):
            p.drawPolygon(QPolygonF([point(i, level) for i in range(n)]))
        for i, c in enumerate(CONDITIONS):
            p.setPen(QPen(GRID_COLOR, 1))
            p.drawLine(QPointF(cx, cy), point(i, 5))
            lab = point(i, 5.5)
            p.setPen(QColor("black"))
            text = f"{c.key} {reflection_condition(c.key).short}"
            tw = p.fontMetrics().horizontalAdvance(text)
            x = lab.x() - tw / 2 if abs(lab.x() - cx) < 10 else (lab.x() if lab.x() > cx else lab.x() - tw)
            p.drawText(QPointF(x, lab.y() + 4), text)
        colors = SESSION_COLORS[-len(self._sessions):]
        for (_label, means), color in zip(self._sessions, colors, strict=False):
            fill = QColor(color)
            fill.setAlpha(45)
            p.setPen(QPen(color, 2))
            p.setBrush(fill)
            p.drawPolygon(QPolygonF([point(i, means.get(c.key, 0)) for i, c in enumerate(CONDITIONS)]))
        p.setBrush(Qt.BrushStyle.NoBrush)
        for k, ((label, _), color) in enumerate(zip(self._sessions, colors, strict=False)):
            y = self.height() - legend_h + 16 * k + 4
            p.fillRect(QRectF(10, y, 12, 9), color)
            p.setPen(QColor("black"))
            p.drawText(QPointF(28, y + 9), tr("Reflexion vom {date}").format(date=label))
