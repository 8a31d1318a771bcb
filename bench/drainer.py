"""One drain of benchmark 4 (``bench.drain``, and ``bench.drain_profile``): a
captured outbox delivered by the real ``SyncWorker.drain_once`` and
``CentralClient`` to a trivially fast stand-in (``bench.fast_central``: the
kiosk side's ceiling) or to ``python -m central serve`` on a fresh database,
counted afterwards at both ends.
"""

from __future__ import annotations

import contextlib
import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bench.common import (
    PYTHON,
    bench_email,
    bench_phone,
    central_process,
    database,
    enroll_terminals,
    free_port,
    registrations_at_central,
    served,
)
from kiosk.api_types import RegistrationRequest, RegistrationStarted
from kiosk.client import CentralClient
from kiosk.outbox import DrainReport, Outbox, SyncWorker

CENTRAL_WORKERS = 2  # one per core, as a deployment runs it (serve --workers)


class TimedClient:
    """The real client, with the time spent in its calls added up over every
    thread (so the drain's figures include the mean round trip of a request)."""

    def __init__(self, client: CentralClient) -> None:
        self.client = client
        self.max_in_flight = client.max_in_flight
        self.seconds = 0.0
        self.calls = 0
        self._lock = threading.Lock()

    def register(self, req: RegistrationRequest, *, idempotency_key: str) -> RegistrationStarted:
        started = time.perf_counter()
        try:
            return self.client.register(req, idempotency_key=idempotency_key)
        finally:
            took_s = time.perf_counter() - started
            with self._lock:
                self.seconds += took_s
                self.calls += 1

    def is_reachable(self) -> bool:
        return self.client.is_reachable()


@dataclass(frozen=True)
class Drained:
    """One drain, as the outbox saw it."""

    report: DrainReport
    elapsed_s: float
    counts: dict[str, int]
    request_ms: float  # mean round trip of one request (HTTP + the central's work)
    own_answers: bool  # every delivered entry recorded its own id (true of the stand-in only)

    @property
    def rate(self) -> float:
        return self.report.delivered / self.elapsed_s

    @property
    def recorded_once(self) -> bool:
        """What the worker says it delivered is what the outbox holds as delivered."""
        return self.report.delivered == self.counts["delivered"]


@dataclass(frozen=True)
class AtCentral:
    """A drain to the real central, and what its database holds afterwards."""

    drained: Drained
    total: int  # registrations at the central
    distinct: int  # distinct phones among them

    @property
    def exactly_once(self) -> bool:
        d = self.drained
        return self.total == self.distinct == d.counts["delivered"] == d.report.delivered


def fill(path: Path, key: bytes, count: int) -> float:
    """Capture ``count`` registrations; returns the seconds it took."""
    started = time.perf_counter()
    with Outbox(path, key, capacity=count) as outbox:
        for n in range(count):
            outbox.capture(
                RegistrationRequest(email=bench_email(n), phone=bench_phone(n), consent=True)
            )
    return time.perf_counter() - started


def drain(
    path: Path, key: bytes, count: int, client: CentralClient, in_flight: int, budget_s: float
) -> Drained:
    """One ``drain_once`` of the outbox at ``path``, stopped after ``budget_s``
    (after the requests in flight) if it has not finished by then."""
    timed = TimedClient(client)
    with Outbox(path, key, capacity=count) as outbox:
        worker = SyncWorker(outbox, timed, in_flight=in_flight)
        stopper = threading.Timer(budget_s, worker.stop)
        stopper.start()
        started = time.perf_counter()
        report = worker.drain_once()
        elapsed_s = time.perf_counter() - started
        stopper.cancel()
        counts = outbox.counts()
        delivered = outbox.entries("delivered")
    return Drained(
        report,
        elapsed_s,
        counts,
        1000 * timed.seconds / max(1, timed.calls),
        all(e.registration_id == e.id for e in delivered),
    )


@contextlib.contextmanager
def fast_central() -> Iterator[str]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with served([PYTHON, "-m", "bench.fast_central", "--port", str(port)], url):
        yield url


def to_stand_in(
    template: Path, copy: Path, key: bytes, count: int, in_flight: int, budget_s: float
) -> Drained:
    """A copy of the captured outbox drained to a fresh stand-in."""
    shutil.copyfile(template, copy)
    with fast_central() as url:
        client = CentralClient(url, terminal_token="bench")
        try:
            return drain(copy, key, count, client, in_flight, budget_s)
        finally:
            client.close()


def to_central(
    kind: str, template: Path, copy: Path, key: bytes, count: int, in_flight: int, budget_s: float
) -> AtCentral:
    """A copy of the captured outbox drained to a fresh central on a fresh
    ``kind`` database (``sqlite`` or ``postgres``), counted there afterwards."""
    shutil.copyfile(template, copy)
    with (
        database(kind) as url,
        central_process(url, workers=CENTRAL_WORKERS) as (central_url, _proc),
    ):
        token = enroll_terminals(url, central_url, 1)[0]
        client = CentralClient(central_url, terminal_token=token)
        try:
            drained = drain(copy, key, count, client, in_flight, budget_s)
        finally:
            client.close()
        total, distinct = registrations_at_central(url)
    return AtCentral(drained, total, distinct)
