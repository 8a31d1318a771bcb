"""The service watchdog's pings, sent from the GUI thread.

A timer on the GUI thread sends ``WATCHDOG=1`` every half ``WatchdogSec``: when
the event loop hangs (a blocking call, a deadlock), the timer stops firing, the
pings stop, and systemd restarts the kiosk. A ping from any other thread would
keep a frozen screen alive. ``READY=1`` is sent once the first screen is painted.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, QTimer

from kiosk.service_notify import READY, STOPPING, WATCHDOG, notify, watchdog_ping_interval_s


class Watchdog(QObject):
    """Pings the service manager while the GUI thread runs its event loop."""

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        env: Mapping[str, str] | None = None,
        send: Callable[[str], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self._send = send or (lambda message: notify(message, env))
        interval_s = watchdog_ping_interval_s(env)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._ping)
        self.interval_s = interval_s

    def start(self) -> None:
        """Begin the pings (nothing to do when no watchdog is set for us)."""
        if self.interval_s is not None:
            self._timer.start(max(1, round(self.interval_s * 1000)))
            self._ping()

    def ready(self) -> None:
        """The first screen is up: a ``Type=notify`` unit counts as started now."""
        self._send(READY)

    def stop(self) -> None:
        self._timer.stop()
        self._send(STOPPING)

    def _ping(self) -> None:
        self._send(WATCHDOG)
