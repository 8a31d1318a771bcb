"""In-window dialogs: a layer that dims the whole window, with a centred card.

At the kiosk the success popup, the PIN dialog, the staff menu, «Вы ещё здесь?»
and the outbox opened as windows of their own: title bars, desktop text size,
placed by the window manager, and the client's data stayed readable around them
(issue 14, finding 20). An ``Overlay`` is a child of the main window instead. It
covers all of the window (following its resizes), paints a translucent navy over
what is under it (``DIM_ALPHA``; ``DIM_STRONG_ALPHA`` where the data under it
must not stay readable) and centres a card (``OVERLAY_CARD_WIDTH_PX``) with the
content in ``card_layout``.

It is modal within the window: the layer takes every tap, touch and wheel aimed
at what is beneath, the focus stays inside the card (Tab cycles in it, a focus
that moves elsewhere is brought back), Escape is the safe choice (``escape()``:
``reject()`` unless a subclass says otherwise) and Enter clicks the default
button. It speaks QDialog's small API (``open``, ``accept``, ``reject``,
``done``; ``accepted``, ``rejected``, ``finished``) so its callers read the same.
It never blocks: ``open()`` returns at once, like ``QDialog.open``.
"""

from __future__ import annotations

from typing import ClassVar

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFrame,
    QGridLayout,
    QVBoxLayout,
    QWidget,
)

from ui.design import (
    DIM_ALPHA,
    GRID_PX,
    NAVY,
    OVERLAY_CARD_WIDTH_PX,
    OVERLAY_EDGE_PX,
    OVERLAY_PADDING_PX,
)

ACCEPTED = 1
REJECTED = 0
FOCUS_CHAIN_MAX = 500  # widgets walked to find the next focusable one in the card


class Overlay(QWidget):
    """A modal layer over ``window`` (any widget of it: its top level is used)."""

    accepted = Signal()
    rejected = Signal()
    finished = Signal(int)

    # the overlays open now, oldest first: only the top one keeps the focus
    _open_now: ClassVar[list[Overlay]] = []

    def __init__(
        self,
        window: QWidget,
        *,
        dim_alpha: float = DIM_ALPHA,
        card_width_px: int = OVERLAY_CARD_WIDTH_PX,
    ) -> None:
        host = window.window()
        super().__init__(host)
        self.setObjectName("overlay")
        self.hide()
        self._host = host
        self._dim = QColor(NAVY)
        self._dim.setAlphaF(dim_alpha)
        self._card_width_px = card_width_px
        self._default: QAbstractButton | None = None
        self._restore_focus: QWidget | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.card = QFrame(self)
        self.card.setObjectName("overlayCard")
        self.card.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.card_layout = QVBoxLayout(self.card)
        pad = OVERLAY_PADDING_PX
        self.card_layout.setContentsMargins(pad, pad, pad, pad)
        self.card_layout.setSpacing(2 * GRID_PX)
        outer = QGridLayout(self)
        edge = OVERLAY_EDGE_PX
        outer.setContentsMargins(edge, edge, edge, edge)
        outer.addWidget(self.card, 0, 0, Qt.AlignmentFlag.AlignCenter)
        host.installEventFilter(self)

    # -- the QDialog-like API ----------------------------------------------------------

    def set_default_button(self, button: QAbstractButton) -> None:
        """Enter anywhere in the card clicks ``button`` (when it is enabled)."""
        self._default = button

    def open(self) -> None:
        """Cover the window and take the focus; returns at once."""
        if self.isVisible():
            return
        self._restore_focus = QApplication.focusWidget()
        self._fit()
        self.raise_()
        self.show()
        if not any(o is self for o in _live()):
            Overlay._open_now.append(self)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)
        self._take_focus()

    def is_open(self) -> bool:
        return self.isVisible()

    def accept(self) -> None:
        self.done(ACCEPTED)

    def reject(self) -> None:
        self.done(REJECTED)

    def done(self, result: int) -> None:
        """Close with ``result``: hide, give the focus back, then tell the listeners."""
        was_open = self.isVisible()
        self._close()
        if not was_open:
            return
        if result == ACCEPTED:
            self.accepted.emit()
        else:
            self.rejected.emit()
        self.finished.emit(result)

    def dismiss(self) -> None:
        """Close without an answer (no signal): the caller closes it for reasons of its
        own (the idle wipe, a stop) and must not hear it as the client's choice."""
        self._close()

    def escape(self) -> None:
        """Escape (a back key): the safe choice. Closing without doing anything."""
        self.reject()

    def retranslate(self) -> None:
        """Re-label the card (a subclass's texts); called on every language change."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- modality ------------------------------------------------------------------------

    def _close(self) -> None:
        Overlay._open_now[:] = [o for o in _live() if o is not self]
        app = QApplication.instance()
        if isinstance(app, QApplication) and self.isVisible():
            app.focusChanged.disconnect(self._focus_moved)
        self.hide()
        restore, self._restore_focus = self._restore_focus, None
        below = self._top_below()
        if below is not None:
            below._take_focus()
        elif restore is not None and shiboken6.isValid(restore) and restore.isVisible():
            restore.setFocus(Qt.FocusReason.OtherFocusReason)

    def _top_below(self) -> Overlay | None:
        mine = [o for o in _live() if o._host is self._host and o.isVisible()]
        return mine[-1] if mine else None

    def _is_top(self) -> bool:
        return self._top_below() is self

    def _focusable(self, widget: QWidget) -> bool:
        return (
            self.card.isAncestorOf(widget)
            and widget.isVisible()
            and widget.isEnabled()
            and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        )

    def _take_focus(self) -> None:
        start: QWidget | None = self.card
        for _ in range(FOCUS_CHAIN_MAX):
            start = start.nextInFocusChain() if start is not None else None
            if start is None:
                break
            if self._focusable(start):
                start.setFocus(Qt.FocusReason.PopupFocusReason)
                return
            if start is self.card:
                break
        self.setFocus(Qt.FocusReason.PopupFocusReason)

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None or not self.isVisible() or not self._is_top():
            return
        if new is self or self.isAncestorOf(new) or new.window() is not self._host:
            return
        self._take_focus()

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab cycles inside the card: the window's chain would lead under the layer."""
        current = QApplication.focusWidget() or self.card
        widget: QWidget | None = current
        for _ in range(FOCUS_CHAIN_MAX):
            if widget is None:
                break
            widget = widget.nextInFocusChain() if next else widget.previousInFocusChain()
            if widget is not None and self._focusable(widget):
                widget.setFocus(
                    Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason
                )
                return True
            if widget is current:
                break
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape or key == Qt.Key.Key_Back:
            self.escape()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            button = self._default
            if button is not None and button.isVisible() and button.isEnabled():
                button.click()
            return
        event.accept()  # nothing typed in the card reaches the screen under it

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in BLOCKED_INPUT:
            event.accept()  # a tap on the layer stops here: nothing beneath gets it
            return True
        return super().event(event)

    # -- geometry and paint ----------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # (called for the host only; getattr: a filter may run while Python tears down)
        if event.type() == QEvent.Type.Resize and watched is getattr(self, "_host", None):
            self._fit()
        return False

    def _fit(self) -> None:
        """The whole window; the card at its width, or the window's less the edges."""
        self.setGeometry(self._host.rect())
        room = self._host.width() - 2 * OVERLAY_EDGE_PX
        self.card.setFixedWidth(max(1, min(self._card_width_px, room)))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self._dim)
        painter.end()


def _live() -> list[Overlay]:
    """The open overlays, less any deleted while open (its window closed)."""
    Overlay._open_now[:] = [o for o in Overlay._open_now if shiboken6.isValid(o)]
    return Overlay._open_now


BLOCKED_INPUT = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
        QEvent.Type.ContextMenu,
    }
)
