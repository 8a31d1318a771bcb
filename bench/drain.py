"""Benchmark 4, drain: 10,000 captured registrations delivered by the real
``SyncWorker.drain_once`` and ``CentralClient`` over HTTP to a central run as
``python -m central serve --workers 2`` (its own process, as on a real network),
on SQLite and on PostgreSQL. Counted at the central afterwards: exactly once each.

Target, as a ratio measured in the same run (absolute rates do not travel
between machines, nor between hours of a shared one): the drain to the real
central >= 0.5x the kiosk side's ceiling, the drain to a trivially fast
stand-in (``bench.fast_central``). Per database, ``PAIRS`` interleaved pairs
(stand-in, real, stand-in, real, ...), each a fresh copy of the captured outbox
and a fresh database and central; each pair's ratio is reported and the median
ratio is checked. The baseline of one request at a time (``in_flight=1``, as
before the worker's window) is drained once per database, over a shorter budget
that is enough for a rate.

Bounded: a drain that has not finished after its budget is stopped
(``SyncWorker.stop``, after the requests in flight); then the rate and the
exactly-once count are over what it did deliver (the figures say how many).
"""

from __future__ import annotations

import statistics
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bench.common import Outcome
from bench.drainer import AtCentral, Drained, fill, to_central, to_stand_in
from kiosk.outbox.crypto import new_key
from kiosk.outbox.sync import MAX_IN_FLIGHT

RATIO_TARGET = 0.5  # real central / stand-in, median of the pairs
PAIRS = 3
ENTRIES_FULL = 10_000
ENTRIES_QUICK = 200
DATABASES = ("sqlite", "postgres")
BUDGET_S = 75.0
BASELINE_BUDGET_S = 20.0  # one at a time: enough for a rate, not for 10,000
QUICK_BUDGET_S = 30.0


@dataclass(frozen=True)
class Pair:
    """A stand-in drain and the real central's drain right after it."""

    stand_in: Drained
    real: AtCentral

    @property
    def ratio(self) -> float:
        return self.real.drained.rate / max(self.stand_in.rate, 1e-9)


@dataclass(frozen=True)
class Sizes:
    count: int
    budget_s: float
    baseline_budget_s: float


def _describe(d: Drained, count: int) -> str:
    return (
        f"{d.report.delivered} of {count} in {d.elapsed_s:.1f} s = {d.rate:.0f}/s "
        f"(set aside {d.report.set_aside}, deferred {d.report.deferred}); "
        f"mean request {d.request_ms:.1f} ms"
    )


def _pairs(
    out: Outcome, kind: str, template: Path, folder: Path, key: bytes, sizes: Sizes
) -> list[Pair]:
    pairs: list[Pair] = []
    for n in range(1, PAIRS + 1):
        stand_in = to_stand_in(
            template,
            folder / f"{kind}-fast-{n}.db",
            key,
            sizes.count,
            MAX_IN_FLIGHT,
            sizes.budget_s,
        )
        real = to_central(
            kind,
            template,
            folder / f"{kind}-real-{n}.db",
            key,
            sizes.count,
            MAX_IN_FLIGHT,
            sizes.budget_s,
        )
        pair = Pair(stand_in, real)
        pairs.append(pair)
        out.figure(f"{kind}, pair {n}: stand-in", _describe(stand_in, sizes.count))
        out.figure(f"{kind}, pair {n}: real central", _describe(real.drained, sizes.count))
        out.figure(
            f"{kind}, pair {n}: real / stand-in; at the central",
            f"{real.drained.rate:.0f}/s / {stand_in.rate:.0f}/s = {pair.ratio:.2f}x; "
            f"{real.total} rows, {real.distinct} distinct phones; outbox {real.drained.counts}",
        )
    return pairs


def _database(
    out: Outcome, kind: str, template: Path, folder: Path, key: bytes, sizes: Sizes
) -> None:
    count = sizes.count
    baseline = to_central(
        kind, template, folder / f"{kind}-one.db", key, count, 1, sizes.baseline_budget_s
    )
    out.figure(f"{kind}: one at a time (baseline)", _describe(baseline.drained, count))
    pairs = _pairs(out, kind, template, folder, key, sizes)
    ratio = statistics.median(p.ratio for p in pairs)
    real_rate = statistics.median(p.real.drained.rate for p in pairs)
    out.figure(
        f"{kind}: {MAX_IN_FLIGHT} in flight / one at a time",
        f"{real_rate:.0f}/s (median) / {baseline.drained.rate:.0f}/s = "
        f"{real_rate / max(baseline.drained.rate, 1e-9):.1f}x",
    )
    out.check(
        f"{kind}: drain / stand-in ceiling, median of {PAIRS} pairs",
        f">= {RATIO_TARGET:g}x",
        f"{ratio:.2f}x (pairs {', '.join(f'{p.ratio:.2f}' for p in pairs)}; "
        f"real median {real_rate:.0f}/s)",
        ratio >= RATIO_TARGET,
    )
    at_central = [baseline, *(p.real for p in pairs)]
    delivered = [a.drained.counts["delivered"] for a in at_central[1:]]
    short = [n for n in delivered if n < count]
    if short:
        out.figure(
            f"{kind}: stopped after the {sizes.budget_s:g} s budget",
            f"delivered {', '.join(map(str, short))} of {count}",
        )
    out.check(
        f"{kind}: delivered exactly once",
        f"at the central = delivered by the outbox, all distinct ({len(at_central)} drains)",
        "; ".join(f"{a.total}/{a.distinct}/{a.drained.counts['delivered']}" for a in at_central)
        + " (rows / distinct / delivered)",
        all(a.exactly_once for a in at_central),
    )
    stand_ins = [p.stand_in for p in pairs]
    out.check(
        f"{kind}: stand-in answered each entry once, with its own id",
        "all",
        ", ".join(f"{d.report.delivered}" for d in stand_ins) + " delivered",
        all(d.recorded_once and d.own_answers for d in stand_ins),
    )


def run(quick: bool = False) -> Outcome:
    out = Outcome("drain")
    sizes = (
        Sizes(ENTRIES_QUICK, QUICK_BUDGET_S, QUICK_BUDGET_S)
        if quick
        else Sizes(ENTRIES_FULL, BUDGET_S, BASELINE_BUDGET_S)
    )
    key = new_key()
    with tempfile.TemporaryDirectory(prefix="bench-drain-") as name:
        folder = Path(name)
        template = folder / "template.db"
        fill_s = fill(template, key, sizes.count)
        out.figure("captured (set-up, not timed below)", f"{sizes.count} in {fill_s:.1f} s")
        for kind in DATABASES:
            _database(out, kind, template, folder, key, sizes)
    return out
