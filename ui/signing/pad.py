"""A signature pad: pen, touch or mouse draws strokes (kept as vectors)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

INK = QColor(20, 40, 110)
PAD_SIZE = (360, 150)  # the smallest pad; the signing dialog gives it most of its room


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


class SignaturePad(QWidget):
    """Collects strokes (lists of (x, y) points in widget pixels). ``changed`` fires after each
    stroke and on :meth:`clear`."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._strokes: list[list[tuple[float, float]]] = []
        self._current: list[tuple[float, float]] | None = None
        self.setMinimumSize(*PAD_SIZE)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents, True)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(tr("Unterschriftenfeld"))
        self.setAccessibleDescription(tr("Mit Stift, Finger oder Maus hier unterschreiben."))
        self.setToolTip(tr("Hier mit Stift, Finger oder gedrückter Maustaste unterschreiben"))

    # --- data ------------------------------------------------------------------------------
    def strokes(self) -> list[list[tuple[float, float]]]:
        return [list(s) for s in self._strokes]

    def pad_size(self) -> tuple[float, float]:
        return float(self.width()), float(self.height())

    def is_empty(self) -> bool:
        return not self._strokes

    def clear(self) -> None:
        self._strokes.clear()
        self._current = None
        self.update()
        self.changed.emit()

    # --- input -----------------------------------------------------------------------------
    def _begin(self, p: QPointF) -> None:
        self._current = [(p.x(), p.y())]
        self._strokes.append(self._current)
        self.update()

    def _extend(self, p: QPointF) -> None:
        if self._current is None:
            return
        last = self._current[-1]
        if abs(last[0] - p.x()) + abs(last[1] - p.y()) >= 0.5:
            self._current.append((p.x(), p.y()))
            self.update()

    def _end(self) -> None:
        if self._current is not None:
            self._current = None
            self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._extend(event.position())
            self._end()

    def tabletEvent(self, event: QTabletEvent) -> None:
        kind = event.type()
        if kind == QTabletEvent.Type.TabletPress:
            self._begin(event.position())
        elif kind == QTabletEvent.Type.TabletMove:
            self._extend(event.position())
        elif kind == QTabletEvent.Type.TabletRelease:
            self._end()
        event.accept()

    def event(self, event) -> bool:
        kind = event.type()
        if isinstance(event, QTouchEvent) and event.points():
            p = event.points()[0].position()
            if kind == QTouchEvent.Type.TouchBegin:
                self._begin(p)
            elif kind == QTouchEvent.Type.TouchUpdate:
                self._extend(p)
            elif kind in (QTouchEvent.Type.TouchEnd, QTouchEvent.Type.TouchCancel):
                self._end()
            event.accept()
            return True
        return super().event(event)

    # --- drawing ---------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QPen(QColor("#9AA7B4"), 1))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        base = self.height() - 36
        painter.drawLine(24, base, self.width() - 24, base)
        painter.setPen(QColor("#555555"))
        painter.drawText(10, base - 4, "✗")
        if not self._strokes:
            painter.drawText(self.rect().adjusted(0, 0, 0, -8),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                             tr("Hier unterschreiben (Stift, Finger oder Maus)"))
        pen = QPen(INK, 2.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        for stroke in self._strokes:
            if len(stroke) == 1:
                painter.drawPoint(QPointF(*stroke[0]))
                continue
            path = QPainterPath(QPointF(*stroke[0]))
            for x, y in stroke[1:]:
                path.lineTo(x, y)
            painter.drawPath(path)
        painter.end()
