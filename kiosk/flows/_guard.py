"""The double-tap guard and wipe check shared by the flows' blocking methods."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from kiosk.errors import CentralError

T = TypeVar("T")


class _Wiped(Exception):
    """The flow was wiped while its call was in flight: drop the answer."""


class GuardedFlow:
    """Base of a flow whose blocking calls must not overlap or outlive a wipe."""

    def __init__(self) -> None:
        self._busy = threading.Lock()
        self._generation = 0
        self.last_error: CentralError | None = None

    @property
    def busy(self) -> bool:
        """True while a blocking call is talking to the central."""
        return self._busy.locked()

    def _drop_in_flight(self) -> None:
        """Make any call in flight drop its answer (called by ``wipe``)."""
        self._generation += 1

    def _one_call(self, ready: Callable[[], bool]) -> Call:
        return Call(self, ready)


class Call:
    """One blocking call: ``go`` is False when another call is in flight or the
    flow is not ``ready`` for it. ``run`` returns the result or the
    ``CentralError`` (also set as ``last_error``); when the flow was wiped
    meanwhile it leaves the ``with`` block without touching the flow.
    """

    def __init__(self, flow: GuardedFlow, ready: Callable[[], bool]) -> None:
        self._flow = flow
        self._ready = ready
        self._generation = flow._generation
        self.go = False

    def __enter__(self) -> Call:
        self.go = self._flow._busy.acquire(blocking=False)
        if self.go and not self._ready():
            self._flow._busy.release()
            self.go = False
        self._generation = self._flow._generation
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *rest: object) -> bool:
        if self.go:
            self._flow._busy.release()
        return exc_type is _Wiped

    def run(self, fn: Callable[[], T]) -> T | CentralError:
        try:
            result: T | CentralError = fn()
            error = None
        except CentralError as exc:
            result, error = exc, exc
        if self._flow._generation != self._generation:
            raise _Wiped
        self._flow.last_error = error
        return result
