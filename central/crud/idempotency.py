"""Idempotency records: a terminal's first answer per key.

``claim`` inserts the key before the work and flushes, so a concurrent
duplicate waits on the unique key (PostgreSQL row lock, SQLite write lock) and
fails once the first commits; the caller then reads and replays the first
answer. A first request thus costs one INSERT and one UPDATE, no look-up.
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
    stale: IdempotencyRecord | None = None,
) -> IdempotencyRecord | None:
    """Reserve ``key`` (or take over its ``stale`` record); None when another
    request holds it (the session is then rolled back: the claim is the first
    write of a request, nothing else is lost). The record is what ``store``
    fills in."""
    if stale is not None:
        stale.request_hash = digest
        stale.status_code = 0
        stale.response_body = {}
        stale.created_at = now
        db.flush()
        return stale
    record = IdempotencyRecord(
        terminal_id=scope,
        key=key,
        request_hash=digest,
        status_code=0,
        response_body={},
        created_at=now,
    )
    db.add(record)
    try:
        db.flush()
    except IntegrityError:
        db.rollback()
        return None
    return record


def store(db: Session, record: IdempotencyRecord, status: int, response: dict[str, Any]) -> None:
    """The answer to replay for ``record``'s key (written at the commit)."""
    record.status_code = status
    record.response_body = response
