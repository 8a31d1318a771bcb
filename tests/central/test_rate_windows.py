"""A registration's hourly windows (per terminal, per IP) decide as a full count
of the window would, although the check now counts no further than the limit
and not at all when the table's id range shows the limit out of reach.

Run on SQLite and PostgreSQL against the real statement of ``start_checks``.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Engine, insert
from sqlalchemy.orm import Session

from central.core.errors import RateLimited
from central.models import RateEvent, utcnow
from central.repositories import rates
from central.repositories import registrations as repo

TERMINAL = "terminal-a"
IP = "10.1.2.3"


def add_events(engine: Engine, events: list[tuple[str, str, datetime]]) -> None:
    with engine.begin() as conn:
        conn.execute(insert(RateEvent), [{"scope": s, "key": k, "at": at} for s, k, at in events])


def windows(engine: Engine, now: datetime, terminal_limit: int, ip_limit: int) -> repo.StartChecks:
    with Session(engine) as db:
        return repo.start_checks(
            db, (TERMINAL, terminal_limit), (IP, ip_limit), "+77010000001", "a@b.kz", now
        )


def refused(window: repo.Window, limit: int, now: datetime) -> float | None:
    """The Retry-After ``rates.check`` gives, or None when it lets the action through."""
    try:
        rates.check(*window, limit, now)
    except RateLimited as err:
        return float(err.headers["Retry-After"])
    return None


def test_decisions_match_a_full_count_at_every_limit(engine: Engine) -> None:
    now = utcnow()
    old = now - timedelta(hours=2)  # outside the window: never counted
    first = now - timedelta(minutes=50)
    mine = [(repo.TERMINAL_SCOPE, TERMINAL, first + timedelta(seconds=n)) for n in range(6)]
    others = [(repo.TERMINAL_SCOPE, "terminal-b", now - timedelta(minutes=1))] * 20
    add_events(engine, [(repo.TERMINAL_SCOPE, TERMINAL, old)] * 5 + mine + others)
    # 31 events in the table, 6 of them in this terminal's window
    for limit in (1, 5, 6, 7, 30, 31, 32, 10_000_000):
        found = windows(engine, now, limit, limit)
        wait = refused(found.terminal, limit, now)
        if limit <= 6:
            assert wait is not None, limit
            # the oldest event in the window frees the first slot, 50 minutes from it
            assert abs(wait - 600) <= 1, (limit, wait)
        else:
            assert wait is None, limit
        assert found.terminal[0] >= min(6, limit), "never less than the count, up to the limit"
        assert found.terminal[1] == first
        assert found.ip is not None and found.ip[1] is None  # no event of this IP
        assert refused(found.ip, limit, now) is None


def test_a_window_at_its_limit_is_refused_even_among_many_other_events(engine: Engine) -> None:
    now = utcnow()
    mine = [(repo.IP_SCOPE, IP, now - timedelta(seconds=n + 1)) for n in range(3)]
    add_events(engine, [(repo.IP_SCOPE, "10.9.9.9", now)] * 50 + mine)
    found = windows(engine, now, 100, 3)
    assert refused(found.ip or (0, None), 3, now) is not None
    assert refused(found.terminal, 100, now) is None
    found = windows(engine, now, 100, 4)
    assert refused(found.ip or (0, None), 4, now) is None


def test_an_hour_later_the_window_is_empty_again(engine: Engine) -> None:
    now = utcnow()
    add_events(engine, [(repo.TERMINAL_SCOPE, TERMINAL, now)] * 4)
    assert refused(windows(engine, now, 4, 4).terminal, 4, now) is not None
    later = now + timedelta(seconds=3601)
    found = windows(engine, later, 4, 4)
    assert found.terminal[1] is None
    assert refused(found.terminal, 4, later) is None
