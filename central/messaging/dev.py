"""The dev backend: delivery is recording. The message rows themselves are what
``GET /dev/messages`` lists (demo panel, tests); nothing leaves the machine."""

from __future__ import annotations

import threading
from collections import Counter

from central.repositories.messages import ClaimedMessage


class DevBackend:
    """Counts deliveries per message id, so tests can prove "sent once"."""

    name = "dev"

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.deliveries: Counter[str] = Counter()

    def deliver(self, message: ClaimedMessage) -> None:
        with self._lock:
            self.deliveries[message.id] += 1
