"""Benchmark 4, drain: 10,000 captured registrations delivered by the real
``SyncWorker.drain_once`` and ``CentralClient`` over HTTP to a central run as
``python -m central serve`` (its own process, as on a real network), on SQLite
and on PostgreSQL. Counted at the central afterwards: exactly once each.

Target: >= 300 delivered/s end to end. Bounded: a drain that has not finished
after ``BUDGET_S`` is stopped (``SyncWorker.stop``, after the entry in flight);
at the target rate 10,000 take 33 s, so only a drain that misses the target is
cut short, and then the rate and the exactly-once count are over what it did
deliver (the figures say how many).
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
from pathlib import Path

from bench.common import (
    Outcome,
    bench_email,
    bench_phone,
    central_process,
    database,
    enroll_terminals,
    registrations_at_central,
)
from kiosk.api_types import RegistrationRequest, RegistrationStarted
from kiosk.client import CentralClient
from kiosk.outbox import Outbox, SyncWorker
from kiosk.outbox.crypto import new_key

RATE_TARGET_PER_S = 300.0
ENTRIES_FULL = 10_000
ENTRIES_QUICK = 200
DATABASES = ("sqlite", "postgres")
BUDGET_S = 75.0


class TimedClient:
    """The real client, with the time spent in its calls added up (so the drain's
    time splits into HTTP + central, and the outbox's own bookkeeping)."""

    def __init__(self, client: CentralClient) -> None:
        self.client = client
        self.seconds = 0.0

    def register(self, req: RegistrationRequest, *, idempotency_key: str) -> RegistrationStarted:
        started = time.perf_counter()
        try:
            return self.client.register(req, idempotency_key=idempotency_key)
        finally:
            self.seconds += time.perf_counter() - started

    def is_reachable(self) -> bool:
        return self.client.is_reachable()


def _fill(path: Path, key: bytes, count: int) -> float:
    """Capture ``count`` registrations; returns the seconds it took."""
    started = time.perf_counter()
    with Outbox(path, key, capacity=count) as outbox:
        for n in range(count):
            outbox.capture(
                RegistrationRequest(email=bench_email(n), phone=bench_phone(n), consent=True)
            )
    return time.perf_counter() - started


def run(quick: bool = False) -> Outcome:
    out = Outcome("drain")
    count = ENTRIES_QUICK if quick else ENTRIES_FULL
    key = new_key()
    with tempfile.TemporaryDirectory(prefix="bench-drain-") as folder:
        template = Path(folder) / "template.db"
        fill_s = _fill(template, key, count)
        out.figure("captured (set-up, not timed below)", f"{count} in {fill_s:.1f} s")
        for kind in DATABASES:
            copy = Path(folder) / f"{kind}.db"
            shutil.copyfile(template, copy)
            with database(kind) as url, central_process(url) as (central_url, _proc):
                token = enroll_terminals(url, central_url, 1)[0]
                client = CentralClient(central_url, terminal_token=token)
                timed = TimedClient(client)
                with Outbox(copy, key, capacity=count) as outbox:
                    worker = SyncWorker(outbox, timed)
                    stopper = threading.Timer(BUDGET_S, worker.stop)
                    stopper.start()
                    started = time.perf_counter()
                    report = worker.drain_once()
                    elapsed_s = time.perf_counter() - started
                    stopper.cancel()
                    counts = outbox.counts()
                client.close()
                total, distinct = registrations_at_central(url)
            rate = report.delivered / elapsed_s
            out.figure(
                f"{kind}: delivered in one drain",
                f"{report.delivered} of {count} in {elapsed_s:.1f} s = {rate:.0f}/s "
                f"(set aside {report.set_aside}, deferred {report.deferred})",
            )
            per_entry_ms = 1000 * elapsed_s / max(1, report.attempted)
            http_ms = 1000 * timed.seconds / max(1, report.attempted)
            out.figure(
                f"{kind}: per entry: total / HTTP+central / outbox",
                f"{per_entry_ms:.1f} / {http_ms:.1f} / {per_entry_ms - http_ms:.1f} ms",
            )
            out.figure(
                f"{kind}: at the central / distinct phones",
                f"{total} / {distinct}; outbox {counts}",
            )
            out.check(
                f"{kind}: drain rate",
                f">= {RATE_TARGET_PER_S:g}/s",
                f"{rate:.0f}/s",
                rate >= RATE_TARGET_PER_S,
            )
            delivered = counts["delivered"]
            if delivered < count:
                out.figure(
                    f"{kind}: stopped after the {BUDGET_S:g} s budget",
                    f"{count - delivered} left pending",
                )
            exact = total == distinct == delivered == report.delivered
            out.check(
                f"{kind}: delivered exactly once",
                "at the central = delivered by the outbox, all distinct",
                f"{total} at the central, {distinct} distinct, {delivered} delivered",
                exact,
            )
    return out
