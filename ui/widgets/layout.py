"""Layout helpers shared by the screens."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QWidget


def centered(widget: QWidget, width_px: int) -> QHBoxLayout:
    """A row holding ``widget`` at a fixed width, centred.

    A fixed width (rather than an alignment flag) lets word-wrapped labels get
    the height they need, so nothing below them is squeezed or clipped.
    """
    widget.setFixedWidth(width_px)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(widget)
    row.addStretch(1)
    return row
