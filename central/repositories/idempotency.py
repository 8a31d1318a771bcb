"""Idempotency records: a terminal's first answer per key.

``claim`` inserts the key before the work, so a concurrent duplicate waits on
the unique key (PostgreSQL row lock, SQLite write lock) and fails once the
first commits; the caller then reads and replays the first answer. When the
caller knows the answer of a success before the work (a registration does), the
claim stores it at once: a first request then costs one INSERT, no UPDATE and
no look-up. Claims and answers are prebuilt Core statements; only the rare
replay reads the record through the ORM.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from central.models import IdempotencyRecord
from central.repositories.tables import table_of

_records = table_of(IdempotencyRecord).c
_INSERT = insert(table_of(IdempotencyRecord))
_UPDATE = (
    update(table_of(IdempotencyRecord))
    .where(_records.terminal_id == bindparam("b_scope"), _records.key == bindparam("b_key"))
    .values(
        request_hash=bindparam("request_hash"),
        status_code=bindparam("status_code"),
        response_body=bindparam("response_body"),
        created_at=bindparam("created_at"),
    )
)
_STORE = (
    update(table_of(IdempotencyRecord))
    .where(_records.terminal_id == bindparam("b_scope"), _records.key == bindparam("b_key"))
    .values(status_code=bindparam("status_code"), response_body=bindparam("response_body"))
)


@dataclass(frozen=True)
class Claim:
    """A key this request holds until its transaction ends."""

    scope: str
    key: str


Answer = tuple[int, dict[str, Any]]  # (status, {"body": ..., "headers": ...})
NO_ANSWER: Answer = (0, {})


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
    answer: Answer = NO_ANSWER,
) -> Claim | None:
    """Reserve ``key`` (or take over its ``stale`` record) with ``answer`` as
    its answer so far; None when another request holds it (the transaction is
    then failed on PostgreSQL: the caller's unit of work starts over, which
    loses nothing, the claim being a request's first write). ``store`` changes
    the answer."""
    status, response = answer
    values = {
        "request_hash": digest,
        "status_code": status,
        "response_body": response,
        "created_at": now,
    }
    if stale is not None:
        db.connection().execute(_UPDATE, {"b_scope": scope, "b_key": key, **values})
        db.expire(stale)
        return Claim(scope, key)
    try:
        db.connection().execute(_INSERT, {"terminal_id": scope, "key": key, **values})
    except IntegrityError:
        return None
    return Claim(scope, key)


def store(db: Session, claimed: Claim, status: int, response: dict[str, Any]) -> None:
    """The answer to replay for ``claimed``'s key."""
    db.connection().execute(
        _STORE,
        {
            "b_scope": claimed.scope,
            "b_key": claimed.key,
            "status_code": status,
            "response_body": response,
        },
    )
