"""Sliding one-hour windows over ``RateEvent`` rows (per terminal, IP, login...)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ScalarSelect, func, select
from sqlalchemy.orm import Session

from central.core.errors import RateLimited
from central.models import RateEvent

WINDOW_S = 3600


def window_start(now: datetime) -> datetime:
    return now - timedelta(seconds=WINDOW_S)


def window_columns(scope: str, key: str, now: datetime) -> tuple[ScalarSelect[Any], ...]:
    """(count, oldest) of ``key``'s actions in the window, as scalar subqueries, so a
    route can check several windows (and more) in one statement."""
    where = (RateEvent.scope == scope, RateEvent.key == key, RateEvent.at > window_start(now))
    return (
        select(func.count()).where(*where).scalar_subquery(),
        select(func.min(RateEvent.at)).where(*where).scalar_subquery(),
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
    """Count one action; written with the request's other rows at its next flush."""
    db.add(RateEvent(scope=scope, key=key, at=now))
