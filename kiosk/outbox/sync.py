"""Delivery of the outbox to the central: on demand (``drain_once``) or in a
background thread that notices the central coming back by itself.

Rules the caller may rely on:
- entries are sent oldest first, each with its own id as Idempotency-Key, so a
  repeat after a lost answer or a crash is answered by the central without acting
  twice; up to ``in_flight`` requests are in flight at once (started oldest first,
  so answers may come back in another order), never two for one entry; the first
  request of a drain goes alone, so a central that is away or rate-limiting costs
  one request, not a window's worth;
- outcomes are recorded as the answers come, several in one transaction; an
  answer not yet recorded when the process dies leaves its entry pending, and
  the next sync's repeat (same key) is answered with the first answer;
- a temporary failure (``err.temporary``) keeps the entry pending, due again after
  an exponential back-off with full jitter capped at ``BACKOFF_CAP_S``; a
  ``RateLimited`` answer defers every pending entry by its Retry-After;
- a permanent refusal sets the entry aside (``needs_attention``) with a
  non-personal reason; it is never retried without a clerk's ``retry``;
- a 5xx (``ServerError``) for one entry is that entry's problem when the central
  answers others in the same drain (or its health check answers): the entry stays
  pending with back-off, and is set aside after ``SERVER_ERROR_TRIES`` such
  answers in a row, so one entry the central cannot take never blocks the line.
  ``SERVER_ERRORS_TO_HALT`` 5xx in a row with no other answer: the central is
  failing, the drain stops as for an unreachable central;
- ``AccountExists`` is an outcome (delivered, ``account_exists``), not an error;
- one drain at a time per outbox file, across threads and processes.
"""

from __future__ import annotations

import logging
import random
import re
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from enum import Enum, auto
from typing import Protocol

from kiosk.api_types import RegistrationRequest, RegistrationStarted
from kiosk.errors import AccountExists, CentralError, RateLimited, ServerError, ValidationFailed
from kiosk.file_lock import FileLock
from kiosk.outbox.backoff import BACKOFF_BASE_S, BACKOFF_CAP_S, backoff_delay_s
from kiosk.outbox.crypto import UndecryptableEntry
from kiosk.outbox.schema import Delivered, DueEntry, Failed
from kiosk.outbox.store import Outbox

log = logging.getLogger(__name__)

PROBE_INTERVAL_S = 2.0
IDLE_INTERVAL_S = 5.0
PURGE_INTERVAL_S = 3600.0
MIN_WAIT_S = 0.05
UNREACHABLE_PREFIX = "unreachable"
SERVER_ERROR_PREFIX = "server_error"
SERVER_ERROR_TRIES = 3  # 5xx answers in a row for one entry before it is set aside
SERVER_ERRORS_TO_HALT = 3  # 5xx answers in a row, for any entries, that stop a drain
_IN_A_ROW = re.compile(r"\((\d+) in a row\)$")
MAX_IN_FLIGHT = 8  # requests of one drain in flight at once, at most

Progress = Callable[[int, int], None]


class RegistrationSender(Protocol):
    """What the worker needs of ``kiosk.client.CentralClient``. A sender that may
    be called from several threads at once says how many with an int attribute
    ``max_in_flight`` (``CentralClient`` does); without it, one call at a time."""

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
    server_errors: int = 0  # entries the central failed on (5xx), still pending

    @property
    def attempted(self) -> int:
        return self.delivered + self.account_exists + self.set_aside + self.deferred


def server_errors_in_row(last_error: str | None) -> int:
    """How many 5xx answers in a row an entry's recorded reason says it had."""
    if not last_error or not last_error.startswith(SERVER_ERROR_PREFIX):
        return 0
    found = _IN_A_ROW.search(last_error)
    return int(found.group(1)) if found else 1


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
        in_flight: int | None = None,
    ) -> None:
        """``in_flight``: requests in flight at once during a drain (>= 1); by
        default the client's ``max_in_flight`` (1 without it), at most
        ``MAX_IN_FLIGHT``."""
        self.outbox = outbox
        self.client = client
        if in_flight is None:
            in_flight = min(MAX_IN_FLIGHT, int(getattr(client, "max_in_flight", 1)))
        if in_flight < 1:
            raise ValueError("in_flight must be at least 1")
        self.in_flight = in_flight
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

    # --- on demand --------------------------------------------------------------

    def drain_once(
        self, *, lock_wait_s: float = 0.0, progress: Progress | None = None
    ) -> DrainReport:
        """Deliver the due pending entries now. Stops early when the central is
        unreachable or rate-limits (the rest stay pending, counted in ``not_tried``).
        If another sync holds the lock for longer than ``lock_wait_s``, returns a
        report with ``locked`` set. ``progress(done, total)`` is called once with
        0, then once per entry whose outcome is recorded."""
        report = DrainReport()
        lock = FileLock(self.outbox.lock_path)
        if not lock.acquire(lock_wait_s):
            report.locked = True
            return report
        try:
            due = self.outbox.due_ids()
            if progress:
                progress(0, len(due))
            if due:
                _Drain(self, due, report, progress).run()
        finally:
            lock.release()
        return report

    def _send(self, entry: DueEntry) -> RegistrationStarted:
        return self.client.register(entry.request, idempotency_key=entry.id)

    def _judge(
        self, entry: DueEntry, sent: Future[RegistrationStarted], report: DrainReport
    ) -> tuple[Delivered | Failed, _Verdict]:
        """The outcome to record for one finished attempt, and what it says of
        the central (counted in ``report``)."""
        try:
            started = sent.result()
        except AccountExists:
            log.info("outbox entry %s delivered: the account already exists", entry.id)
            report.account_exists += 1
            return Delivered(entry.id, "account_exists"), _Verdict.ANSWERED
        except ServerError as err:
            in_row = server_errors_in_row(entry.last_error) + 1
            delay_s = backoff_delay_s(
                entry.attempts + 1,
                base_s=self.backoff_base_s,
                cap_s=self.backoff_cap_s,
                rng=self._rng,
            )
            reason = f"{failure_reason(err)} ({in_row} in a row)"
            return Failed(entry.id, reason, delay_s), _Verdict.SERVER_ERROR
        except RateLimited as err:
            wait_s = max(0.0, err.retry_after_s)
            report.deferred += 1
            report.rate_limited_s = max(wait_s, report.rate_limited_s or 0.0)
            return Failed(entry.id, failure_reason(err), wait_s), _Verdict.RATE_LIMITED
        except CentralError as err:
            if err.temporary:
                delay_s = backoff_delay_s(
                    entry.attempts + 1,
                    base_s=self.backoff_base_s,
                    cap_s=self.backoff_cap_s,
                    rng=self._rng,
                )
                report.deferred += 1
                report.unreachable = True
                return Failed(entry.id, failure_reason(err), delay_s), _Verdict.UNAVAILABLE
            log.warning("outbox entry %s set aside: %s", entry.id, failure_reason(err))
            report.set_aside += 1
            report.unauthorized = report.unauthorized or err.code == "unauthorized"
            return Failed(entry.id, failure_reason(err), None), _Verdict.ANSWERED
        except Exception as exc:
            log.error("outbox entry %s set aside: kiosk error", entry.id, exc_info=exc)
            report.set_aside += 1
            return Failed(entry.id, f"kiosk_error: {type(exc).__name__}", None), _Verdict.BUG
        log.info("outbox entry %s delivered as registration %s", entry.id, started.id)
        report.delivered += 1
        return Delivered(entry.id, "created", started.id), _Verdict.ANSWERED

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
        """Stop after the entries in flight (if any); their outcomes are recorded."""
        self._stopping.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout_s)
        self._thread = None

    def wake(self) -> None:
        """Look at the outbox now: a clerk's «Повторить» made an entry due (the
        outbox panels call it); otherwise the worker looks every ``idle_interval_s``."""
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


class _Verdict(Enum):
    """What one finished attempt says of the central."""

    ANSWERED = auto()  # it answered (accepted, or refused this entry for good)
    BUG = auto()  # the kiosk failed on this entry only
    UNAVAILABLE = auto()  # away or failing for now: send nothing more this drain
    SERVER_ERROR = auto()  # a 5xx: this entry's problem, or the central's (see _Drain)
    RATE_LIMITED = auto()  # Retry-After: send nothing more, defer every pending entry


class _Drain:
    """One drain of ``due`` (oldest first) under the worker's lock: at most
    ``window`` requests in flight (1 until the central has answered once, then
    the worker's ``in_flight``), each entry sent once; outcomes recorded in one
    transaction per round of answers, while the next requests are in flight."""

    def __init__(
        self, worker: SyncWorker, due: list[str], report: DrainReport, progress: Progress | None
    ) -> None:
        self.worker = worker
        self.outbox = worker.outbox
        self.report = report
        self.progress = progress
        self.queue = deque(due)
        self.total = len(due)
        self.settled = 0  # entries whose outcome is recorded, or that were no longer due
        self.unreported = 0  # settled since the last progress call
        self.window = 1
        self.halted = False
        self.defer_all_s = 0.0
        self.in_flight: dict[Future[RegistrationStarted], DueEntry] = {}
        self.results: list[Delivered | Failed] = []
        self.suspects: list[Failed] = []  # 5xx answers, recorded once judged (_resolve)
        self.server_errors_in_row = 0
        self.answered = False  # the central answered some entry of this drain
        self.central_failing = False

    def run(self) -> None:
        pool = (
            ThreadPoolExecutor(self.worker.in_flight, thread_name_prefix="outbox-send")
            if self.worker.in_flight > 1
            else None
        )
        try:
            while True:
                self._fill(pool)
                self._record()
                if not self.in_flight:
                    break
                finished, _ = wait(self.in_flight, return_when=FIRST_COMPLETED)
                for sent in [f for f in self.in_flight if f in finished]:
                    self._judge(sent)
            self._resolve_suspects()
            self._record()
            if self.defer_all_s > 0:
                self.outbox.defer_all(self.defer_all_s)
        finally:
            if pool is not None:
                pool.shutdown(wait=True)
        self.report.not_tried = self.total - self.settled

    def _fill(self, pool: ThreadPoolExecutor | None) -> None:
        """Start requests, oldest first, until the window is full."""
        while (
            self.queue
            and not self.halted
            and not self.worker._stopping.is_set()
            and len(self.in_flight) < self.window
        ):
            room = self.window - len(self.in_flight)
            chunk = [self.queue.popleft() for _ in range(min(room, len(self.queue)))]
            opened = self.outbox.open_due_many(chunk)
            for entry_id in chunk:
                entry = opened.get(entry_id)
                if entry is None:  # delivered, dropped or set aside meanwhile
                    self._settled(1)
                elif isinstance(entry, UndecryptableEntry):
                    log.warning("outbox entry %s set aside: undecryptable", entry_id)
                    self.results.append(Failed(entry_id, f"undecryptable: {entry}", None))
                    self.report.set_aside += 1
                else:
                    self.in_flight[self._start(pool, entry)] = entry
                    if pool is None:  # one at a time: it is already finished
                        return

    def _start(
        self, pool: ThreadPoolExecutor | None, entry: DueEntry
    ) -> Future[RegistrationStarted]:
        if pool is not None:
            return pool.submit(self.worker._send, entry)
        done: Future[RegistrationStarted] = Future()
        try:
            done.set_result(self.worker._send(entry))
        except Exception as exc:
            done.set_exception(exc)
        return done

    def _judge(self, sent: Future[RegistrationStarted]) -> None:
        entry = self.in_flight.pop(sent)
        result, verdict = self.worker._judge(entry, sent, self.report)
        if verdict is _Verdict.SERVER_ERROR:
            assert isinstance(result, Failed)
            self.suspects.append(result)  # recorded once judged: _resolve_suspects
            self.window = 1  # one at a time until the central answers again
            self.server_errors_in_row += 1
            if self.server_errors_in_row >= SERVER_ERRORS_TO_HALT:
                self.central_failing = self.halted = True
            return
        self.results.append(result)
        self.server_errors_in_row = 0
        if verdict is _Verdict.ANSWERED:
            self.answered = True
            self.window = self.worker.in_flight
        elif verdict is _Verdict.UNAVAILABLE:
            self.halted = True
        elif verdict is _Verdict.RATE_LIMITED:
            self.halted = True
            assert isinstance(result, Failed) and result.retry_in_s is not None
            self.defer_all_s = max(self.defer_all_s, result.retry_in_s)

    def _resolve_suspects(self) -> None:
        """The 5xx answers of this drain: entry-specific when the central answered
        others (or its health check answers), then an entry with
        ``SERVER_ERROR_TRIES`` in a row is set aside; else the central is failing."""
        if not self.suspects:
            return
        entry_specific = not self.central_failing and (
            self.answered or self.worker.client.is_reachable()
        )
        for failed in self.suspects:
            in_row = server_errors_in_row(failed.reason)
            if entry_specific and in_row >= SERVER_ERROR_TRIES:
                log.warning("outbox entry %s set aside: %s", failed.entry_id, failed.reason)
                self.results.append(Failed(failed.entry_id, failed.reason, None))
                self.report.set_aside += 1
            else:
                self.results.append(failed)
                self.report.deferred += 1
                self.report.server_errors += 1
        self.suspects = []
        if not entry_specific:
            self.report.unreachable = True

    def _record(self) -> None:
        if self.results:
            results, self.results = self.results, []
            self.outbox.record(results)
            self._settled(len(results))
        if self.progress:
            for _ in range(self.unreported):
                self.settled += 1
                self.progress(self.settled, self.total)
        else:
            self.settled += self.unreported
        self.unreported = 0

    def _settled(self, count: int) -> None:
        self.unreported += count
