"""The one way the UI runs blocking work (network, disk, keyring, crypto).

Usage, from the GUI thread::

    Op(flow.send).success(self._sent).failure(self._failed).owner(self).run()

``fn`` runs on a ``QThreadPool`` worker; ``success``/``failure``/``finally_``
callbacks always run on the GUI thread, delivered by a queued signal of the
``Runner``, a QObject that lives in the GUI thread. The runner keeps every
in-flight ``Op`` referenced, so nothing is garbage-collected mid-flight.

``runner().busy_changed(bool)`` tells screens when work starts and ends, so
they can disable buttons and show a spinner; ``runner().idle`` fires each
time the last running op has delivered its result.

Callbacks of an op whose ``owner`` widget has been deleted are skipped.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, SignalInstance, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")

MAX_WORKER_THREADS = 4
SHUTDOWN_WAIT_MS = 15_000


class Op(Generic[T]):
    """A blocking call to run off the GUI thread, with GUI-thread callbacks."""

    def __init__(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> None:
        self._fn = fn
        self._args = args
        self._kwargs = kwargs
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._on_finally: Callable[[], None] | None = None
        self._owner: QObject | None = None

    def success(self, cb: Callable[[T], None]) -> Op[T]:
        """Called on the GUI thread with ``fn``'s return value."""
        self._on_success = cb
        return self

    def failure(self, cb: Callable[[BaseException], None]) -> Op[T]:
        """Called on the GUI thread with the exception ``fn`` raised.

        Without it, the exception is logged and otherwise dropped.
        """
        self._on_failure = cb
        return self

    def finally_(self, cb: Callable[[], None]) -> Op[T]:
        """Called on the GUI thread after success or failure."""
        self._on_finally = cb
        return self

    def owner(self, obj: QObject) -> Op[T]:
        """Skip every callback if ``obj`` has been deleted by the time ``fn`` returns."""
        self._owner = obj
        return self

    def run(self) -> None:
        """Start ``fn`` on the pool; returns at once."""
        runner().start(self)

    def _call(self) -> T:
        return self._fn(*self._args, **self._kwargs)

    def _deliver(self, ok: bool, value: object) -> None:
        if self._owner is not None and not shiboken6.isValid(self._owner):
            return
        try:
            if ok:
                if self._on_success is not None:
                    self._on_success(value)  # type: ignore[arg-type]
            elif self._on_failure is not None:
                assert isinstance(value, BaseException)
                self._on_failure(value)
            else:
                log.error("background op failed", exc_info=value)  # type: ignore[arg-type]
        finally:
            if self._on_finally is not None:
                self._on_finally()


class _Task(QRunnable):
    def __init__(self, op_id: int, op: Op[Any], done: SignalInstance) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._op_id = op_id
        self._op = op
        self._done = done

    def run(self) -> None:
        try:
            value: object = self._op._call()
            ok = True
        except BaseException as exc:
            value, ok = exc, False
        self._done.emit(self._op_id, ok, value)


class Runner(QObject):
    """Owns the pool and the in-flight ops; must be created in the GUI thread."""

    busy_changed = Signal(bool)
    idle = Signal()
    _done = Signal(int, bool, object)

    def __init__(self, parent: QObject | None = None) -> None:
        from PySide6.QtCore import Qt  # not at import: see ui.screens.base.ALIGN_CENTER

        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(MAX_WORKER_THREADS)
        self._ids = itertools.count(1)
        self._running: dict[int, Op[Any]] = {}
        self._done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)

    @property
    def is_busy(self) -> bool:
        return bool(self._running)

    def start(self, op: Op[Any]) -> None:
        op_id = next(self._ids)
        was_busy = self.is_busy
        self._running[op_id] = op
        self._pool.start(_Task(op_id, op, self._done))
        if not was_busy:
            self.busy_changed.emit(True)

    @Slot(int, bool, object)
    def _on_done(self, op_id: int, ok: bool, value: object) -> None:
        op = self._running.get(op_id)
        try:
            if op is not None:
                op._deliver(ok, value)
        finally:
            self._running.pop(op_id, None)
            if not self._running:
                self.busy_changed.emit(False)
                self.idle.emit()

    def wait_for_done(self, timeout_ms: int = SHUTDOWN_WAIT_MS) -> bool:
        """Block until the workers finish: only for application exit and test teardown."""
        return bool(self._pool.waitForDone(timeout_ms))


_runner: Runner | None = None


def runner() -> Runner:
    """The process-wide runner, created on first use (in the GUI thread)."""
    global _runner
    if _runner is None or not shiboken6.isValid(_runner):
        _runner = Runner()
    return _runner
