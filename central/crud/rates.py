"""Sliding one-hour windows over ``RateEvent`` rows (per terminal, IP, login...).

Events are written with prebuilt Core INSERTs at once (in the caller's
transaction), not through the ORM's unit of work: a registration counts two of
them, and the ORM's bookkeeping cost more than the rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ScalarSelect, func, insert, select
from sqlalchemy.orm import Session

from central.core.errors import RateLimited
from central.crud.tables import table_of
from central.models import RateEvent

WINDOW_S = 3600

_events = table_of(RateEvent).c
_INSERT = insert(table_of(RateEvent))


def window_start(now: datetime) -> datetime:
    return now - timedelta(seconds=WINDOW_S)


def window_columns(scope: str, key: Any, since: Any) -> tuple[ScalarSelect[Any], ...]:
    """(count, oldest) of ``key``'s actions after ``since`` (values or bind
    parameters), as scalar subqueries, so a route can check several windows (and
    more) in one statement."""
    where = (_events.scope == scope, _events.key == key, _events.at > since)
    return (
        select(func.count()).where(*where).scalar_subquery(),
        select(func.min(_events.at)).where(*where).scalar_subquery(),
    )


def check(count: int, oldest: datetime | None, limit: int, now: datetime) -> None:
    """Raise ``RateLimited`` (with the wait until a slot frees) when ``count``
    actions in the window, the oldest at ``oldest``, reach ``limit``."""
    if count >= limit:
        oldest_at = oldest if isinstance(oldest, datetime) else now
        if oldest_at.tzinfo is None:
            oldest_at = oldest_at.replace(tzinfo=now.tzinfo)
        raise RateLimited((oldest_at + timedelta(seconds=WINDOW_S) - now).total_seconds())


def enforce(db: Session, scope: str, key: str, limit: int, now: datetime) -> None:
    """Raise ``RateLimited`` (with the wait until a slot frees) when ``key`` has
    used ``limit`` actions in the last hour."""
    since = window_start(now)
    where = (RateEvent.scope == scope, RateEvent.key == key, RateEvent.at > since)
    count, oldest = db.execute(select(func.count(), func.min(RateEvent.at)).where(*where)).one()
    check(count, oldest, limit, now)


def record(db: Session, scope: str, key: str, now: datetime) -> None:
    """Count one action (inserted at once, in the caller's transaction)."""
    record_all(db, [(scope, key)], now)


def record_all(db: Session, events: Iterable[tuple[str, str]], now: datetime) -> None:
    """Count one action per ``(scope, key)``: one INSERT (or executemany) for all."""
    rows = [{"scope": scope, "key": key, "at": now} for scope, key in events]
    if rows:
        db.connection().execute(_INSERT, rows if len(rows) > 1 else rows[0])
