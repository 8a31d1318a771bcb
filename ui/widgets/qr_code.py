"""A QR code drawn by Qt from ``segno``'s matrix: no PIL, no image files.

``segno`` (pure Python, well kept) makes the symbol; the widget paints its
modules as black squares on white, with the quiet zone the standard asks for
(4 modules), at a whole number of pixels per module so phone cameras read it
sharply. A link's QR code is a secret like the link: the widget keeps the text
for ``text()`` only and never shows it.
"""

from __future__ import annotations

import segno
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

QUIET_ZONE_MODULES = 4
ERROR_CORRECTION = "m"  # ~15 % of the symbol may be smudged or glared
DEFAULT_SIZE_PX = 240


def qr_matrix(text: str) -> tuple[tuple[bool, ...], ...]:
    """The symbol's modules, dark = True, quiet zone included."""
    code = segno.make(text, error=ERROR_CORRECTION, micro=False)
    return tuple(
        tuple(bool(v) for v in row) for row in code.matrix_iter(scale=1, border=QUIET_ZONE_MODULES)
    )


def qr_image(matrix: tuple[tuple[bool, ...], ...], module_px: int) -> QImage:
    """A QR code's ``matrix`` as an image, ``module_px`` pixels per module."""
    side = len(matrix) * module_px
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    black = QColor("black")
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect(x * module_px, y * module_px, module_px, module_px, black)
    painter.end()
    return image


class QrCode(QWidget):
    """Shows one text as a QR code, as large as it fits (square, centred)."""

    def __init__(self, parent: QWidget | None = None, *, size_px: int = DEFAULT_SIZE_PX) -> None:
        super().__init__(parent)
        self._text = ""
        self._matrix: tuple[tuple[bool, ...], ...] = ()
        self._pixmap: QPixmap | None = None
        self._size_px = size_px
        self.setMinimumSize(size_px, size_px)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_text(self, text: str) -> None:
        """Encode ``text`` (empty: show nothing)."""
        self._text = text
        self._matrix = qr_matrix(text) if text else ()
        self._pixmap = None
        self.update()

    def text(self) -> str:
        """What the code holds (tests read it; the screen never shows it)."""
        return self._text

    def modules(self) -> int:
        """Modules per side, quiet zone included (0 when empty)."""
        return len(self._matrix)

    def sizeHint(self) -> QSize:
        return QSize(self._size_px, self._size_px)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._matrix:
            return
        count = len(self._matrix)
        module_px = max(1, min(self.width(), self.height()) // count)
        if self._pixmap is None or self._pixmap.width() != count * module_px:
            self._pixmap = QPixmap.fromImage(qr_image(self._matrix, module_px))
        side = self._pixmap.width()
        target = QRect((self.width() - side) // 2, (self.height() - side) // 2, side, side)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        painter.drawPixmap(target, self._pixmap)
        painter.end()
