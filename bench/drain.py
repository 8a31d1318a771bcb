"""Benchmark 4, drain: 10,000 captured registrations delivered by the real
``SyncWorker.drain_once`` and ``CentralClient`` over HTTP to a central run as
``python -m central serve`` (its own process, as on a real network), on SQLite
and on PostgreSQL. Counted at the central afterwards: exactly once each.

Target: >= 300 delivered/s end to end. Each database gets two drains, each
against a fresh database and central: the worker as it runs in the app (up to
``MAX_IN_FLIGHT`` requests in flight), and the baseline of one request at a
time (``in_flight=1``, as before), over a shorter budget that is enough for a
rate. A third target is a trivially fast stand-in for the central
(``bench.fast_central``): the ceiling of the kiosk side.

Bounded: a drain that has not finished after its budget is stopped
(``SyncWorker.stop``, after the requests in flight); at the target rate 10,000
take 33 s, so only a drain that misses the target is cut short, and then the
rate and the exactly-once count are over what it did deliver (the figures say
how many).
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bench.common import (
    PYTHON,
    Outcome,
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
from kiosk.outbox.crypto import new_key
from kiosk.outbox.sync import MAX_IN_FLIGHT

RATE_TARGET_PER_S = 300.0
ENTRIES_FULL = 10_000
ENTRIES_QUICK = 200
DATABASES = ("sqlite", "postgres")
BUDGET_S = 75.0
CENTRAL_WORKERS = 2  # one per core, as a deployment runs it (serve --workers)
BASELINE_BUDGET_S = 20.0  # one at a time: enough for a rate, not for 10,000
QUICK_BUDGET_S = 30.0


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


@dataclass
class Drained:
    report: DrainReport
    elapsed_s: float
    counts: dict[str, int]
    request_ms: float  # mean round trip of one request (HTTP + the central's work)
    own_answers: bool  # every delivered entry recorded its own id (true of the stand-in only)

    @property
    def rate(self) -> float:
        return self.report.delivered / self.elapsed_s


def _fill(path: Path, key: bytes, count: int) -> float:
    """Capture ``count`` registrations; returns the seconds it took."""
    started = time.perf_counter()
    with Outbox(path, key, capacity=count) as outbox:
        for n in range(count):
            outbox.capture(
                RegistrationRequest(email=bench_email(n), phone=bench_phone(n), consent=True)
            )
    return time.perf_counter() - started


def _drain(
    path: Path, key: bytes, count: int, client: CentralClient, in_flight: int, budget_s: float
) -> Drained:
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
def _fast_central() -> Iterator[str]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with served([PYTHON, "-m", "bench.fast_central", "--port", str(port)], url):
        yield url


def _report(out: Outcome, label: str, count: int, d: Drained, in_flight: int) -> None:
    out.figure(
        f"{label}: delivered in one drain, {in_flight} in flight",
        f"{d.report.delivered} of {count} in {d.elapsed_s:.1f} s = {d.rate:.0f}/s "
        f"(set aside {d.report.set_aside}, deferred {d.report.deferred}); "
        f"mean request {d.request_ms:.1f} ms",
    )


def run(quick: bool = False) -> Outcome:
    out = Outcome("drain")
    count = ENTRIES_QUICK if quick else ENTRIES_FULL
    budget_s = QUICK_BUDGET_S if quick else BUDGET_S
    baseline_budget_s = QUICK_BUDGET_S if quick else BASELINE_BUDGET_S
    key = new_key()
    with tempfile.TemporaryDirectory(prefix="bench-drain-") as folder:
        template = Path(folder) / "template.db"
        fill_s = _fill(template, key, count)
        out.figure("captured (set-up, not timed below)", f"{count} in {fill_s:.1f} s")

        # the kiosk side's ceiling: a stand-in that answers at once
        copy = Path(folder) / "fast.db"
        shutil.copyfile(template, copy)
        with _fast_central() as url:
            client = CentralClient(url, terminal_token="bench")
            fast = _drain(copy, key, count, client, MAX_IN_FLIGHT, budget_s)
            client.close()
        _report(out, "trivially fast stand-in (kiosk side's ceiling)", count, fast, MAX_IN_FLIGHT)

        for kind in DATABASES:
            runs: dict[int, tuple[Drained, int, int]] = {}
            for in_flight, budget in ((MAX_IN_FLIGHT, budget_s), (1, baseline_budget_s)):
                copy = Path(folder) / f"{kind}-{in_flight}.db"
                shutil.copyfile(template, copy)
                with (
                    database(kind) as url,
                    central_process(url, workers=CENTRAL_WORKERS) as (central_url, _proc),
                ):
                    token = enroll_terminals(url, central_url, 1)[0]
                    client = CentralClient(central_url, terminal_token=token)
                    drained = _drain(copy, key, count, client, in_flight, budget)
                    client.close()
                    total, distinct = registrations_at_central(url)
                runs[in_flight] = (drained, total, distinct)
                _report(out, kind, count, drained, in_flight)
                out.figure(
                    f"{kind}, {in_flight} in flight: at the central / distinct phones",
                    f"{total} / {distinct}; outbox {drained.counts}",
                )
            drained, total, distinct = runs[MAX_IN_FLIGHT]
            baseline = runs[1][0]
            out.figure(
                f"{kind}: rate / one at a time (baseline, same run)",
                f"{drained.rate:.0f}/s / {baseline.rate:.0f}/s = "
                f"{drained.rate / max(baseline.rate, 1e-9):.1f}x",
            )
            out.check(
                f"{kind}: drain rate",
                f">= {RATE_TARGET_PER_S:g}/s",
                f"{drained.rate:.0f}/s",
                drained.rate >= RATE_TARGET_PER_S,
            )
            delivered = drained.counts["delivered"]
            if delivered < count:
                out.figure(
                    f"{kind}: stopped after the {budget_s:g} s budget",
                    f"{count - delivered} left pending",
                )
            exact = all(
                t == d == r.counts["delivered"] == r.report.delivered for r, t, d in runs.values()
            )
            out.check(
                f"{kind}: delivered exactly once",
                "at the central = delivered by the outbox, all distinct (both drains)",
                f"{total} at the central, {distinct} distinct, {delivered} delivered",
                exact,
            )
        out.check(
            "kiosk side against a trivially fast stand-in",
            f">= {RATE_TARGET_PER_S:g}/s",
            f"{fast.rate:.0f}/s",
            fast.rate >= RATE_TARGET_PER_S
            and fast.report.delivered == fast.counts["delivered"]
            and fast.own_answers,
        )
    return out
