"""Layout helpers shared by the screens."""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget


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


def procedure_host(screen: QWidget, width_px: int) -> QWidget:
    """A column host at most ``width_px`` wide, centred in ``screen``.

    The registration's screens share one width (``ui.design.PROCEDURE_WIDTH_*``):
    a narrow centred form followed by full-width screens with buttons in far
    corners made the procedure jump about on a wide kiosk (issue 14, finding 20).
    """
    row = QHBoxLayout(screen)
    row.setContentsMargins(0, 0, 0, 0)
    host = QWidget()
    host.setMaximumWidth(width_px)
    row.addStretch(1)
    row.addWidget(host, 100)
    row.addStretch(1)
    return host


def centre_on(dialog: QWidget, parent: QWidget) -> None:
    """Move ``dialog`` (a window of its own) to the centre of ``parent``, then into
    the screen's free area: the clerk's «Начало смены» came up half off the window
    while the window was still being placed (issue 14, finding 17)."""
    dialog.adjustSize()
    frame = dialog.frameGeometry()  # move() places the frame, title bar included
    width, height = max(frame.width(), dialog.width()), max(frame.height(), dialog.height())
    centre = parent.mapToGlobal(parent.rect().center())
    x, y = centre.x() - width // 2, centre.y() - height // 2
    screen = parent.screen()
    if screen is not None:
        free = screen.availableGeometry()
        x = max(free.left(), min(x, free.right() + 1 - width))
        y = max(free.top(), min(y, free.bottom() + 1 - height))
    dialog.move(x, y)


def scrolling_form(
    screen: QWidget, box: QWidget, buttons: QBoxLayout, width_px: int
) -> tuple[QScrollArea, QVBoxLayout]:
    """``box`` centred at ``width_px`` in a scroll area over a fixed action bar of
    ``buttons``: on a short screen (a 768 px kiosk with its keyboard) the form
    scrolls while the bar, and a keyboard added below it, stay where they are.
    Returns the scroll area and the screen's outer layout (to add a keyboard to)."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    page = QWidget()
    page.setLayout(centered(box, width_px))
    scroll.setWidget(page)
    buttons.setContentsMargins(0, 8, 0, 0)
    bar = QWidget()
    bar.setLayout(buttons)
    outer = QVBoxLayout(screen)
    outer.setContentsMargins(24, 16, 24, 16)
    outer.addWidget(scroll, 1)
    outer.addLayout(centered(bar, width_px))
    return scroll, outer
