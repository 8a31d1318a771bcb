"""What every flow shares: the double-tap guard, the wipe generation, the state lock.

A flow's blocking call (run on a worker thread) only *reads* the flow, in one
snapshot taken under ``_state`` (``_turn``); it returns an immutable outcome
stamped with the generation of that snapshot and changes nothing. The GUI
thread hands the outcome to the flow's ``apply``, which takes it only when no
``wipe`` happened since. ``_state`` is held for snapshots, ``apply`` and
``wipe`` alone, never across a request, so the GUI thread never waits on the
network.

The four flows differ only in their steps, their outcomes, what a call reads
(``_snapshot``) and what an outcome changes (``_take``); the guard itself is
written once, here.
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar, cast

from kiosk.errors import CentralError, InvalidCode, TooManyAttempts

if TYPE_CHECKING:
    from kiosk.client import CentralClient


class Outcome(Protocol):
    """What ``apply`` reads of every flow's outcome."""

    @property
    def generation(self) -> int: ...

    @property
    def sent(self) -> bool: ...

    @property
    def error(self) -> CentralError | None: ...


S = TypeVar("S", bound=StrEnum)
Out = TypeVar("Out", bound=Outcome)
Snap = TypeVar("Snap")


class GuardedFlow(ABC, Generic[S, Out, Snap]):
    """Base of a flow whose blocking calls must not overlap or outlive a wipe.

    ``S`` is the flow's step, ``Out`` its outcome (a frozen dataclass with ``step``,
    ``generation``, ``sent`` and ``error``), ``Snap`` what its calls read at once.
    """

    step: S
    last_error: CentralError | None

    def __init__(self, client: CentralClient, outcome: Callable[..., Out], locale: str) -> None:
        """``outcome`` makes the flow's outcome (its class); ``_reset`` sets the
        first state, so subclasses set what it needs before calling this."""
        self._busy = threading.Lock()
        self._state = threading.RLock()
        self._generation = 0
        self._client = client
        self._outcome = outcome
        self.locale = locale
        self._reset()

    # -- what each flow defines --------------------------------------------------------

    @abstractmethod
    def _reset(self) -> None:
        """Forget every entered value: the state of a new client (under ``_state``)."""

    @abstractmethod
    def _snapshot(self) -> Snap | None:
        """What the flow's calls read, at once (under ``_state``); None: nothing to send."""

    @abstractmethod
    def _take(self, outcome: Out) -> S:
        """Make a fresh, sent ``outcome`` the flow's state (under ``_state``); the new step."""

    # -- shared ------------------------------------------------------------------------

    @property
    def locale(self) -> str:
        """The client's language; also the client's Accept-Language."""
        return self._locale

    @locale.setter
    def locale(self, value: str) -> None:
        self._locale = value
        self._client.locale = value

    @property
    def busy(self) -> bool:
        """True while a blocking call is talking to the central."""
        return self._busy.locked()

    @property
    def generation(self) -> int:
        """Bumped by every ``wipe``; an outcome of an older generation is dropped."""
        return self._generation

    def fresh(self, generation: int) -> bool:
        """Whether an outcome stamped ``generation`` may still be applied."""
        return generation == self._generation

    def apply(self, outcome: Out) -> S | None:
        """Make ``outcome`` the flow's state; the new step, or None when a wipe
        came after its call began and it was dropped."""
        with self._state:
            if not self.fresh(outcome.generation):
                return None
            if not outcome.sent:
                return self.step
            self.last_error = outcome.error
            self.step = self._take(outcome)
            return self.step

    def wipe(self) -> None:
        """Forget every entered value (idle timeout, next client); the outcome of a
        call still in flight is dropped by ``apply``."""
        with self._state:
            self._generation += 1
            self._reset()

    # -- for the blocking calls (worker thread) ----------------------------------------

    @contextmanager
    def _turn(self, *at: S) -> Iterator[Snap | None]:
        """A blocking call's turn: the snapshot it works from, or None when it must
        send nothing (another call in flight: a double tap; the flow not at one of
        ``at``; ``_snapshot`` found nothing to send). Held for the whole call."""
        if not self._busy.acquire(blocking=False):
            yield None
            return
        try:
            with self._state:
                ready = not at or self.step in at
                snap = self._snapshot() if ready else None
            yield snap
        finally:
            self._busy.release()

    def _unsent(self) -> Out:
        """The outcome of a call that sent nothing; ``apply`` ignores it."""
        with self._state:
            return self._outcome(step=self.step, generation=self._generation, sent=False)


C = TypeVar("C")


def code_after(state: C | None, refusal: CentralError) -> C | None:
    """An SMS code's state after the central refused it: the attempts it says are
    left (none after too many); None (keep what is known) for any other refusal."""
    if state is None:
        return None
    if isinstance(refusal, InvalidCode):
        return cast(C, replace(cast(Any, state), attempts_left=refusal.attempts_left))
    if isinstance(refusal, TooManyAttempts):
        return cast(C, replace(cast(Any, state), attempts_left=0))
    return None
