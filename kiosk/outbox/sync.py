"""Delivery of the outbox to the central: on demand (``drain_once``) or in a
background thread that notices the central coming back by itself.

Rules the caller may rely on:
- entries go oldest first, each with its own id as Idempotency-Key, so a repeat
  after a lost answer or a crash is answered by the central without acting twice;
- a temporary failure (``err.temporary``) keeps the entry pending, due again after
  an exponential back-off with full jitter capped at ``BACKOFF_CAP_S``; a
  ``RateLimited`` answer defers every pending entry by its Retry-After;
- a permanent refusal sets the entry aside (``needs_attention``) with a
  non-personal reason; it is never retried without a clerk's ``retry``;
- ``AccountExists`` is an outcome (delivered, ``account_exists``), not an error;
- one drain at a time per outbox file, across threads and processes.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from kiosk.api_types import RegistrationRequest, RegistrationStarted
from kiosk.errors import AccountExists, CentralError, RateLimited, ValidationFailed
from kiosk.outbox.backoff import BACKOFF_BASE_S, BACKOFF_CAP_S, backoff_delay_s
from kiosk.outbox.crypto import UndecryptableEntry
from kiosk.outbox.lock import SyncLock
from kiosk.outbox.store import Outbox

log = logging.getLogger(__name__)

PROBE_INTERVAL_S = 2.0
IDLE_INTERVAL_S = 5.0
PURGE_INTERVAL_S = 3600.0
MIN_WAIT_S = 0.05
UNREACHABLE_PREFIX = "unreachable"

Progress = Callable[[int, int], None]


class RegistrationSender(Protocol):
    """What the worker needs of ``kiosk.client.CentralClient``."""

    def register(
        self, req: RegistrationRequest, *, idempotency_key: str
    ) -> RegistrationStarted: ...

    def is_reachable(self) -> bool: ...


@dataclass
class DrainReport:
    """What one drain did. ``locked``: another sync was running, nothing was tried."""

    delivered: int = 0
    account_exists: int = 0
    set_aside: int = 0
    deferred: int = 0
    not_tried: int = 0
    unreachable: bool = False
    rate_limited_s: float | None = None
    unauthorized: bool = False
    locked: bool = False

    @property
    def attempted(self) -> int:
        return self.delivered + self.account_exists + self.set_aside + self.deferred


def failure_reason(err: CentralError) -> str:
    """A reason a clerk can act on, with no personal data (codes, not values)."""
    if isinstance(err, ValidationFailed) and err.fields:
        fields = "; ".join(f"{k}={','.join(v)}" for k, v in sorted(err.fields.items()))
        return f"{err.code}: {fields}"
    status = getattr(err, "status", None)
    if status is not None:
        return f"{err.code}: HTTP {status}"
    return err.code


class SyncWorker:
    def __init__(
        self,
        outbox: Outbox,
        client: RegistrationSender,
        *,
        probe_interval_s: float = PROBE_INTERVAL_S,
        idle_interval_s: float = IDLE_INTERVAL_S,
        backoff_base_s: float = BACKOFF_BASE_S,
        backoff_cap_s: float = BACKOFF_CAP_S,
        rng: random.Random | None = None,
    ) -> None:
        self.outbox = outbox
        self.client = client
        self.probe_interval_s = probe_interval_s
        self.idle_interval_s = idle_interval_s
        self.backoff_base_s = backoff_base_s
        self.backoff_cap_s = backoff_cap_s
        self._rng = rng or random.Random()
        self._stopping = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._central_down = True
        self._last_purge = float("-inf")
        self.last_report: DrainReport | None = None

    # --- on demand --------------------------------------------------------------

    def drain_once(
        self, *, lock_wait_s: float = 0.0, progress: Progress | None = None
    ) -> DrainReport:
        """Deliver the due pending entries now. Stops early when the central is
        unreachable or rate-limits (the rest stay pending, counted in ``not_tried``).
        If another sync holds the lock for longer than ``lock_wait_s``, returns a
        report with ``locked`` set."""
        report = DrainReport()
        lock = SyncLock(self.outbox.lock_path)
        if not lock.acquire(lock_wait_s):
            report.locked = True
            return report
        try:
            due = self.outbox.due_ids()
            total = len(due)
            if progress:
                progress(0, total)
            for done, entry_id in enumerate(due, start=1):
                carry_on = self._deliver(entry_id, report)
                if progress:
                    progress(done, total)
                if not carry_on or self._stopping.is_set():
                    report.not_tried = total - done
                    break
        finally:
            lock.release()
        self.last_report = report
        return report

    def _deliver(self, entry_id: str, report: DrainReport) -> bool:
        """One entry; False when the drain should stop (central unavailable)."""
        try:
            entry = self.outbox.open_due(entry_id)
        except UndecryptableEntry as exc:
            log.warning("outbox entry %s set aside: undecryptable", entry_id)
            self.outbox.mark_failed(entry_id, f"undecryptable: {exc}", retry_in_s=None)
            report.set_aside += 1
            return True
        if entry is None:
            return True
        try:
            started = self.client.register(entry.request, idempotency_key=entry.id)
        except AccountExists:
            self.outbox.mark_delivered(entry.id, "account_exists")
            log.info("outbox entry %s delivered: the account already exists", entry.id)
            report.account_exists += 1
            return True
        except RateLimited as err:
            wait_s = max(0.0, err.retry_after_s)
            self.outbox.mark_failed(entry.id, failure_reason(err), retry_in_s=wait_s)
            self.outbox.defer_all(wait_s)
            report.deferred += 1
            report.rate_limited_s = wait_s
            return False
        except CentralError as err:
            if err.temporary:
                delay_s = backoff_delay_s(
                    entry.attempts + 1,
                    base_s=self.backoff_base_s,
                    cap_s=self.backoff_cap_s,
                    rng=self._rng,
                )
                self.outbox.mark_failed(entry.id, failure_reason(err), retry_in_s=delay_s)
                report.deferred += 1
                report.unreachable = True
                return False
            log.warning("outbox entry %s set aside: %s", entry.id, failure_reason(err))
            self.outbox.mark_failed(entry.id, failure_reason(err), retry_in_s=None)
            report.set_aside += 1
            report.unauthorized = report.unauthorized or err.code == "unauthorized"
            return True
        except Exception as exc:
            log.exception("outbox entry %s set aside: kiosk error", entry.id)
            self.outbox.mark_failed(entry.id, f"kiosk_error: {type(exc).__name__}", retry_in_s=None)
            report.set_aside += 1
            return True
        self.outbox.mark_delivered(entry.id, "created", started.id)
        log.info("outbox entry %s delivered as registration %s", entry.id, started.id)
        report.delivered += 1
        return True

    # --- background ----------------------------------------------------------------

    def start(self) -> None:
        """Deliver in a daemon thread until ``stop()``: probes the central every
        ``probe_interval_s`` while entries wait, and drains once it answers."""
        if self._thread is not None and self._thread.is_alive():
            return
        self._stopping.clear()
        self._thread = threading.Thread(target=self._run, name="outbox-sync", daemon=True)
        self._thread.start()

    def stop(self, timeout_s: float = 10.0) -> None:
        """Stop after the entry in flight (if any); its outcome is recorded."""
        self._stopping.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout_s)
        self._thread = None

    def wake(self) -> None:
        """Look at the outbox now (call after a capture, or after a clerk's retry)."""
        self._wake.set()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _run(self) -> None:
        while not self._stopping.is_set():
            try:
                wait_s = self._tick()
            except Exception:
                log.exception("outbox sync failed; trying again shortly")
                wait_s = self.probe_interval_s
            self._wake.wait(max(MIN_WAIT_S, wait_s))
            self._wake.clear()

    def _tick(self) -> float:
        """One round of the background loop; returns how long to sleep."""
        now = self.outbox.clock()
        if now - self._last_purge >= PURGE_INTERVAL_S:
            self.outbox.purge_expired()
            self._last_purge = now
        if self.outbox.next_due_at() is None:
            return self.idle_interval_s
        if self._central_down:
            if not self.client.is_reachable():
                return self.probe_interval_s
            self._central_down = False
            self.outbox.expedite(UNREACHABLE_PREFIX)
        report = self.drain_once()
        if report.locked:
            return self.probe_interval_s
        if report.unreachable:
            self._central_down = True
            return self.probe_interval_s
        next_due = self.outbox.next_due_at()
        if next_due is None:
            return self.idle_interval_s
        return min(self.idle_interval_s, next_due - self.outbox.clock())
