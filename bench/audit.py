"""Benchmark 9, audit: the two questions of ``python -m central audit`` on a
year of events in PostgreSQL.

10,000,000 events (``--quick``: 200,000) spread over 365 days, 200,000
accounts and 200 terminals, are written server-side (``generate_series``, the
migrated schema with its indexes in place, as the central writes them), then
ANALYZEd. Each question is asked through the service the command uses
(``central.services.audit_trail.events``) for 20 different accounts or
terminals: "what happened to this account" (all its events, ~50) and "whose
data did terminal X touch in these 7 days" (~1,000 events).

Target: every question answered in < 1 s (the slowest of the 20 is reported).
Baseline: the same terminal question once its two indexes (terminal and
time, time alone) are dropped, to show what they are for.
"""

from __future__ import annotations

import random
import time
from datetime import UTC, datetime, timedelta

from sqlalchemy import text

from bench.common import Outcome, median, postgres_schema
from central.core.db import make_engine, make_session_factory
from central.core.migrate import upgrade
from central.services import audit_trail

FULL_EVENTS = 10_000_000
QUICK_EVENTS = 200_000
ACCOUNTS = 200_000
TERMINALS = 200
SPAN_DAYS = 365
CHUNK_EVENTS = 1_000_000  # per INSERT ... SELECT, so progress shows
QUESTIONS = 20  # different accounts / terminals asked
WINDOW_DAYS = 7  # the terminal question's time range
TARGET_S = 1.0
LIMIT = 100_000

_FILL = text(
    """
    INSERT INTO audit_events (at, action, account_id, terminal_id, operator, detail)
    SELECT :start + (i * :step) * interval '1 second',
           (ARRAY['session_opened','contracts_read','login_failed','claim_read',
                  'password_changed','account_created'])[1 + i % 6],
           'acc-' || lpad(((i * 7919) % :accounts)::text, 8, '0'),
           'term-' || lpad((i % :terminals)::text, 4, '0'),
           NULL,
           'bench event ' || i
    FROM generate_series(CAST(:first AS bigint), CAST(:last AS bigint)) AS i
    """
)


def _fill(url: str, events: int, start: datetime, out: Outcome) -> None:
    engine = make_engine(url)
    step = SPAN_DAYS * 86400 / events
    began = time.monotonic()
    with engine.begin() as conn:
        for first in range(0, events, CHUNK_EVENTS):
            last = min(first + CHUNK_EVENTS, events) - 1
            conn.execute(
                _FILL,
                {
                    "start": start,
                    "step": step,
                    "accounts": ACCOUNTS,
                    "terminals": TERMINALS,
                    "first": first,
                    "last": last,
                },
            )
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("ANALYZE audit_events"))
    engine.dispose()
    out.figure("events written (with indexes), s", f"{time.monotonic() - began:.1f}")


def _timed(call: object) -> float:
    began = time.perf_counter()
    call()  # type: ignore[operator]
    return time.perf_counter() - began


def run(quick: bool = False) -> Outcome:
    out = Outcome("audit")
    events = QUICK_EVENTS if quick else FULL_EVENTS
    out.figure("events", f"{events:,}")
    start = datetime(2025, 12, 1, tzinfo=UTC)
    rng = random.Random(9)
    with postgres_schema() as url:
        engine = make_engine(url)
        upgrade(engine)
        _fill(url, events, start, out)
        factory = make_session_factory(engine)

        def ask_account(n: int) -> float:
            with factory() as db:
                return _timed(
                    lambda: audit_trail.events(
                        db, account_id=f"acc-{n:08d}", terminal_id=None,
                        since=None, until=None, limit=LIMIT,
                    )
                )  # fmt: skip

        def ask_terminal(n: int) -> float:
            since = start + timedelta(days=rng.randrange(SPAN_DAYS - WINDOW_DAYS))
            with factory() as db:
                return _timed(
                    lambda: audit_trail.events(
                        db, account_id=None, terminal_id=f"term-{n:04d}", since=since,
                        until=since + timedelta(days=WINDOW_DAYS), limit=LIMIT,
                    )
                )  # fmt: skip

        with factory() as db:  # the answers' sizes, for the record
            sample = audit_trail.events(
                db, account_id="acc-00000001", terminal_id=None, since=None, until=None,
                limit=LIMIT,
            )  # fmt: skip
        out.figure("events of one account", f"{len(sample)}")
        accounts = [ask_account(rng.randrange(ACCOUNTS)) for _ in range(QUESTIONS)]
        terminals = [ask_terminal(rng.randrange(TERMINALS)) for _ in range(QUESTIONS)]
        out.figure(
            "account question, median / max, ms",
            f"{median(accounts) * 1000:.1f} / {max(accounts) * 1000:.1f}",
        )
        out.figure(
            f"terminal x {WINDOW_DAYS} days, median / max, ms",
            f"{median(terminals) * 1000:.1f} / {max(terminals) * 1000:.1f}",
        )
        with engine.begin() as conn:
            conn.execute(text("DROP INDEX ix_audit_events_terminal_at"))
            conn.execute(text("DROP INDEX ix_audit_events_at"))
        unindexed = [ask_terminal(rng.randrange(TERMINALS)) for _ in range(3)]
        out.figure(
            "baseline: terminal question without its indexes, ms", f"{median(unindexed) * 1000:.0f}"
        )
        engine.dispose()
    out.check(
        "account question", f"< {TARGET_S:g} s", f"{max(accounts):.3f} s", max(accounts) < TARGET_S
    )
    out.check(
        "terminal question",
        f"< {TARGET_S:g} s",
        f"{max(terminals):.3f} s",
        max(terminals) < TARGET_S,
    )
    return out
