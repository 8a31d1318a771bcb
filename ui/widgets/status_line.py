"""One line at the bottom of the window: central online/offline, outbox, terminal.

It only displays what it is told through its slots: whoever watches the central
and the outbox does so off the GUI thread and feeds it, so this widget never
blocks on the network. The window is shown before the terminal has opened, so
until then it says the terminal is opening (or that it did not open) rather
than guess at the central. The central's state is an icon of the set (a tick,
a cross, an empty circle while unknown) in its colour beside the words, not a
font's «●», which some fonts draw as a blot and a colour-blind clerk cannot read.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from ui.design import GRID_PX
from ui.widgets.icons import IconLabel

ONLINE_COLOUR = "#17692f"  # 5.5:1 on the status line (WCAG AA)
OFFLINE_COLOUR = "#b3261e"
UNKNOWN_COLOUR = "#666666"
STATE_ICON_PX = 16  # the line is one text line high

OPENING = "opening"
OPEN = "open"
NOT_OPEN = "not_open"


class StatusLine(QWidget):
    def __init__(self, parent: QWidget | None = None, *, terminal_name: str = "") -> None:
        super().__init__(parent)
        self._online: bool | None = None
        self._terminal_state = OPEN
        self._outbox_count = 0
        self._terminal_name = terminal_name
        self.central_icon = IconLabel("circle", UNKNOWN_COLOUR, STATE_ICON_PX, self)
        self.central_label = QLabel(self)
        self.outbox_label = QLabel(self)
        self.terminal_label = QLabel(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.addWidget(self.central_icon)
        layout.addSpacing(GRID_PX // 2)
        layout.addWidget(self.central_label)
        layout.addSpacing(24)
        layout.addWidget(self.outbox_label)
        layout.addStretch(1)
        layout.addWidget(self.terminal_label)
        self.retranslate()

    def retranslate(self) -> None:
        """Re-render every part in the current language."""
        if self._terminal_state == OPENING:
            text, icon, colour = self.tr("Opening the terminal…"), "circle", UNKNOWN_COLOUR
        elif self._terminal_state == NOT_OPEN:
            text, icon = self.tr("The terminal did not open"), "circle-x"
            colour = OFFLINE_COLOUR
        elif self._online is None:
            text, icon, colour = self.tr("Central: checking…"), "circle", UNKNOWN_COLOUR
        elif self._online:
            text, icon, colour = self.tr("Central: online"), "circle-check", ONLINE_COLOUR
        else:
            text, icon, colour = self.tr("Central: offline"), "circle-x", OFFLINE_COLOUR
        self.central_icon.show_icon(icon, colour)
        self.central_label.setText(text)
        self.central_label.setAccessibleName(text)
        outbox = self.tr("Waiting to send: %1").replace("%1", str(self._outbox_count))
        self.outbox_label.setText(outbox)
        self.outbox_label.setAccessibleName(outbox)
        self.outbox_label.setVisible(self._outbox_count > 0)
        terminal = self.tr("Terminal: %1").replace("%1", self._terminal_name)
        self.terminal_label.setText(terminal)
        self.terminal_label.setAccessibleName(terminal)
        self.terminal_label.setVisible(bool(self._terminal_name))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_terminal_state(self, state: str) -> None:
        """``OPENING``, ``OPEN`` (then the central's state is shown) or ``NOT_OPEN``."""
        self._terminal_state = state
        self.retranslate()

    @Slot(bool)
    def set_online(self, online: bool) -> None:
        self._online = online
        self.retranslate()

    @Slot(int)
    def set_outbox_count(self, count: int) -> None:
        self._outbox_count = max(0, count)
        self.retranslate()

    def is_online(self) -> bool | None:
        return self._online
