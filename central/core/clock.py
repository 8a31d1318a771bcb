"""The central's notion of "now", one per application.

Every rule with a time in it (code lifetime, cool-downs, hourly caps, token
expiry) reads ``app.state.clock`` rather than the system clock, so tests can
move time forward instead of sleeping.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta


class Clock:
    """UTC wall time plus an offset that only tests change."""

    def __init__(self) -> None:
        self._offset = timedelta(0)
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            return datetime.now(UTC) + self._offset

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._offset += timedelta(seconds=seconds)
