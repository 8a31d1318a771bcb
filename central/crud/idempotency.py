"""Idempotency records: a terminal's first answer per key.

``claim`` inserts the key before the work and flushes, so a concurrent
duplicate waits on the unique key (PostgreSQL row lock, SQLite write lock) and
fails once the first commits; the caller then replays the first answer.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from central.models import IdempotencyRecord


def get(db: Session, scope: str, key: str) -> IdempotencyRecord | None:
    return db.scalars(
        select(IdempotencyRecord)
        .where(IdempotencyRecord.terminal_id == scope, IdempotencyRecord.key == key)
        .execution_options(populate_existing=True)
    ).first()


def is_stale(record: IdempotencyRecord, now: datetime, ttl_s: int) -> bool:
    return record.created_at < now - timedelta(seconds=ttl_s)


def claim(
    db: Session,
    scope: str,
    key: str,
    digest: str,
    now: datetime,
    stale: IdempotencyRecord | None,
) -> bool:
    """Reserve ``key``; False when another request holds it (the session is then
    rolled back: the claim is the first write of a request, nothing else is lost)."""
    if stale is not None:
        stale.request_hash = digest
        stale.status_code = 0
        stale.response_body = {}
        stale.created_at = now
        db.flush()
        return True
    db.add(
        IdempotencyRecord(
            terminal_id=scope,
            key=key,
            request_hash=digest,
            status_code=0,
            response_body={},
            created_at=now,
        )
    )
    try:
        db.flush()
    except IntegrityError:
        db.rollback()
        return False
    return True


def store(db: Session, scope: str, key: str, status: int, response: dict[str, Any]) -> None:
    record = db.get(IdempotencyRecord, (scope, key))
    if record is not None:
        record.status_code = status
        record.response_body = response
        db.flush()
