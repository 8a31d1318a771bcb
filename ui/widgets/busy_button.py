"""A push button that shows a spinner and refuses clicks while a request runs.

Screens call ``set_busy(True)`` in the same handler that starts the background
request, so a second tap that arrives while the first is in flight finds the
button disabled and sends nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, QTimer
from PySide6.QtWidgets import QPushButton, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent

SPINNER_FRAME_MS = 40
SPINNER_STEP_DEG = 12
SPINNER_SPAN_DEG = 270
BUTTON_MIN_HEIGHT_PX = 48


class BusyButton(QPushButton):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._busy = False
        self._angle_deg = 0
        self._timer = QTimer(self)
        self._timer.setInterval(SPINNER_FRAME_MS)
        self._timer.timeout.connect(self._advance)
        self.setMinimumHeight(BUTTON_MIN_HEIGHT_PX)

    def is_busy(self) -> bool:
        return self._busy

    def set_busy(self, busy: bool) -> None:
        """Disable the button and spin (``True``), or enable it again (``False``)."""
        self._busy = busy
        self.setEnabled(not busy)
        self.setAccessibleDescription(self.tr("Please wait…") if busy else "")
        if busy:
            self._timer.start()
        else:
            self._timer.stop()
        self.update()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width() + hint.height(), hint.height())

    def _advance(self) -> None:
        self._angle_deg = (self._angle_deg + SPINNER_STEP_DEG) % 360
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._busy:
            return
        side = min(self.height() - 16, 24)
        if side <= 4:
            return
        from PySide6.QtCore import Qt  # not at import: see ui.screens.base.ALIGN_CENTER
        from PySide6.QtGui import QPainter, QPen  # the welcome screen paints without them

        rect = QRectF(12, (self.height() - side) / 2, side, side)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.palette().highlight().color(), 3)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawArc(rect, -self._angle_deg * 16, SPINNER_SPAN_DEG * 16)
        painter.end()
