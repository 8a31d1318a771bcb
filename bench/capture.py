"""Benchmark 3, capture: a durable, encrypted ``Outbox.capture`` against a raw
SQLite insert-and-commit with the same durability (WAL, synchronous=FULL), one
transaction per row as capture does, interleaved in rounds in the same run.

Targets: p99 of a capture < 5 ms; capture throughput >= 0.5x the raw insert.
A second figure: capture p99 with the outbox nearly full (its capacity check
counts the waiting entries on every capture).
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import time
from pathlib import Path

from bench.common import Outcome, bench_email, bench_phone, percentile
from kiosk.api_types import RegistrationRequest
from kiosk.outbox import Outbox
from kiosk.outbox.crypto import new_key

P99_TARGET_MS = 5.0
THROUGHPUT_RATIO_TARGET = 0.5
ROUNDS = 10
PER_ROUND_FULL = 200
PER_ROUND_QUICK = 20
NEARLY_FULL_WAITING = 9_000
NEARLY_FULL_CAPTURES_FULL = 200
NEARLY_FULL_CAPTURES_QUICK = 20
SEALED_BYTES = 160  # about what a sealed request is (nonce + JSON + tag)


def _raw_connection(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute(
        "CREATE TABLE entries (id TEXT PRIMARY KEY, created_at REAL, state TEXT, "
        "next_attempt_at REAL, phone_hint TEXT, email_hint TEXT, sealed BLOB)"
    )
    return conn


def _raw_insert(conn: sqlite3.Connection, n: int) -> None:
    now = time.time()
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(
        "INSERT INTO entries VALUES (?, ?, 'pending', ?, ?, ?, ?)",
        (f"{n:036d}", now, now, "+7 701 *** ** 67", "b***@example.kz", os.urandom(SEALED_BYTES)),
    )
    conn.execute("COMMIT")


def _request(n: int) -> RegistrationRequest:
    return RegistrationRequest(email=bench_email(n), phone=bench_phone(n), consent=True)


def _prefill(path: Path, count: int) -> None:
    """``count`` waiting rows put in one transaction (their content is never read:
    only the capacity check's count of them matters here)."""
    conn = sqlite3.connect(path, isolation_level=None)
    now = time.time()
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(
        "INSERT INTO outbox_entries (id, created_at, state, attempts, next_attempt_at, sealed) "
        "VALUES (?, ?, 'pending', 0, ?, ?)",
        ((f"prefill-{n:029d}", now, now, os.urandom(SEALED_BYTES)) for n in range(count)),
    )
    conn.execute("COMMIT")
    conn.close()


def run(quick: bool = False) -> Outcome:
    out = Outcome("capture")
    per_round = PER_ROUND_QUICK if quick else PER_ROUND_FULL
    with tempfile.TemporaryDirectory(prefix="bench-capture-") as folder:
        base = Path(folder)
        outbox = Outbox(base / "outbox.db", new_key(), capacity=ROUNDS * per_round + 1)
        raw = _raw_connection(base / "raw.db")
        capture_ms: list[float] = []
        raw_ms: list[float] = []
        capture_s = raw_s = 0.0
        n = 0
        for _ in range(ROUNDS):
            started = time.perf_counter()
            for _ in range(per_round):
                t0 = time.perf_counter()
                _raw_insert(raw, n)
                raw_ms.append((time.perf_counter() - t0) * 1000)
                n += 1
            raw_s += time.perf_counter() - started
            started = time.perf_counter()
            for _ in range(per_round):
                req = _request(n)
                t0 = time.perf_counter()
                outbox.capture(req)
                capture_ms.append((time.perf_counter() - t0) * 1000)
                n += 1
            capture_s += time.perf_counter() - started
        raw.close()
        outbox.close()

        count = ROUNDS * per_round
        capture_rate, raw_rate = count / capture_s, count / raw_s
        out.figure("captures / raw inserts", f"{count} / {count} in {ROUNDS} interleaved rounds")
        out.figure(
            "capture p50 / p99 / max",
            f"{percentile(capture_ms, 0.5):.2f} / {percentile(capture_ms, 0.99):.2f} / "
            f"{max(capture_ms):.2f} ms",
        )
        out.figure(
            "raw insert p50 / p99 (baseline)",
            f"{percentile(raw_ms, 0.5):.2f} / {percentile(raw_ms, 0.99):.2f} ms",
        )
        out.figure("capture throughput", f"{capture_rate:.0f}/s")
        out.figure("raw insert throughput (baseline)", f"{raw_rate:.0f}/s")
        p99 = percentile(capture_ms, 0.99)
        out.check("capture p99", f"< {P99_TARGET_MS:g} ms", f"{p99:.2f} ms", p99 < P99_TARGET_MS)
        ratio = capture_rate / raw_rate
        out.check(
            "capture throughput / raw insert",
            f">= {THROUGHPUT_RATIO_TARGET:g}x",
            f"{ratio:.2f}x",
            ratio >= THROUGHPUT_RATIO_TARGET,
        )

        # the same, with the outbox nearly full
        path = base / "full.db"
        full = Outbox(path, new_key(), capacity=NEARLY_FULL_WAITING + 1000)
        _prefill(path, NEARLY_FULL_WAITING)
        tries = NEARLY_FULL_CAPTURES_QUICK if quick else NEARLY_FULL_CAPTURES_FULL
        full_ms: list[float] = []
        for k in range(tries):
            req = _request(n + k)
            t0 = time.perf_counter()
            full.capture(req)
            full_ms.append((time.perf_counter() - t0) * 1000)
        full.close()
        p99_full = percentile(full_ms, 0.99)
        out.figure(
            f"capture p50 / p99 with {NEARLY_FULL_WAITING} waiting",
            f"{percentile(full_ms, 0.5):.2f} / {p99_full:.2f} ms ({tries} captures)",
        )
        out.check(
            f"capture p99 with {NEARLY_FULL_WAITING} waiting",
            f"< {P99_TARGET_MS:g} ms",
            f"{p99_full:.2f} ms",
            p99_full < P99_TARGET_MS,
        )
    return out
