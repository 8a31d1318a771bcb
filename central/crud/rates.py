"""Sliding one-hour windows over ``RateEvent`` rows (per terminal, IP, login...)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from central.core.errors import RateLimited
from central.models import RateEvent

WINDOW_S = 3600


def enforce(db: Session, scope: str, key: str, limit: int, now: datetime) -> None:
    """Raise ``RateLimited`` (with the wait until a slot frees) when ``key`` has
    used ``limit`` actions in the last hour."""
    since = now - timedelta(seconds=WINDOW_S)
    where = (RateEvent.scope == scope, RateEvent.key == key, RateEvent.at > since)
    count, oldest = db.execute(select(func.count(), func.min(RateEvent.at)).where(*where)).one()
    if count >= limit:
        oldest_at = oldest if isinstance(oldest, datetime) else now
        if oldest_at.tzinfo is None:
            oldest_at = oldest_at.replace(tzinfo=now.tzinfo)
        raise RateLimited((oldest_at + timedelta(seconds=WINDOW_S) - now).total_seconds())


def record(db: Session, scope: str, key: str, now: datetime) -> None:
    db.add(RateEvent(scope=scope, key=key, at=now))
    db.flush()
