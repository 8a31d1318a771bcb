"""What every flow shares: the double-tap guard, the wipe generation, the state lock.

A flow's blocking call (run on a worker thread) only *reads* the flow, in one
snapshot taken under ``_state``; it returns an immutable outcome stamped with
the generation of that snapshot and changes nothing. The GUI thread hands the
outcome to the flow's ``apply``, which takes it only when no ``wipe`` happened
since (``fresh``). ``_state`` is held for snapshots, ``apply`` and ``wipe``
alone, never across a request, so the GUI thread never waits on the network.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager


class GuardedFlow:
    """Base of a flow whose blocking calls must not overlap or outlive a wipe."""

    def __init__(self) -> None:
        self._busy = threading.Lock()
        self._state = threading.RLock()
        self._generation = 0

    @property
    def busy(self) -> bool:
        """True while a blocking call is talking to the central."""
        return self._busy.locked()

    @property
    def generation(self) -> int:
        """Bumped by every ``wipe``; an outcome of an older generation is dropped."""
        return self._generation

    @contextmanager
    def _one_call(self) -> Iterator[bool]:
        """True for the only call in flight; False (send nothing) while another runs."""
        if not self._busy.acquire(blocking=False):
            yield False
            return
        try:
            yield True
        finally:
            self._busy.release()

    def _drop_in_flight(self) -> None:
        """Make every outcome of a call in flight stale (called by ``wipe`` under ``_state``)."""
        self._generation += 1

    def fresh(self, generation: int) -> bool:
        """Whether an outcome stamped ``generation`` may still be applied."""
        return generation == self._generation
