"""Keeps the status line true: is the central answering, how much waits to send.

Asks off the GUI thread every few seconds, one question at a time, so a hung
central never stacks requests up or freezes the window.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.client import CentralClient
from kiosk.outbox import Outbox
from ui.background import Op

CHECK_INTERVAL_MS = 3000
WAITING_STATES = ("pending", "needs_attention")


def _look(client: CentralClient, outbox: Outbox) -> tuple[bool, int]:
    counts = outbox.counts()
    return client.is_reachable(), sum(counts.get(s, 0) for s in WAITING_STATES)


class TerminalMonitor(QObject):
    online_changed = Signal(bool)
    waiting_changed = Signal(int)

    def __init__(
        self,
        client: CentralClient,
        outbox: Outbox,
        parent: QObject | None = None,
        *,
        interval_ms: int = CHECK_INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self._client = client
        self._outbox = outbox
        self._asking = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)

    def start(self) -> TerminalMonitor:
        self._timer.start()
        self.check()
        return self

    def stop(self) -> None:
        self._timer.stop()

    def check(self) -> None:
        if self._asking:
            return
        self._asking = True
        Op(_look, self._client, self._outbox).owner(self).success(self._seen).finally_(
            self._done
        ).run()

    def _seen(self, seen: tuple[bool, int]) -> None:
        online, waiting = seen
        self.online_changed.emit(online)
        self.waiting_changed.emit(waiting)

    def _done(self) -> None:
        self._asking = False
