"""Sliding one-hour windows over ``RateEvent`` rows (per terminal, IP, login...).

Events are written with prebuilt Core INSERTs at once (in the caller's
transaction), not through the ORM's unit of work: a registration counts two of
them, and the ORM's bookkeeping cost more than the rows.

A window is only ever compared with its limit, so ``window_columns`` does not
count a window further than its limit, and not at all when the table's id range
proves the limit out of reach. Counting every event of the hour made each check
cost more as the hour filled (caps raised, a large outbox drained; figures in
docs/performance.md §4, run H).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    bindparam,
    case,
    func,
    insert,
    literal,
    select,
)
from sqlalchemy.orm import Session

from central.core.errors import RateLimited
from central.models import RateEvent
from central.repositories import locks
from central.repositories.tables import table_of

WINDOW_S = 3600

_events = table_of(RateEvent).c
_INSERT = insert(table_of(RateEvent))


def window_start(now: datetime) -> datetime:
    return now - timedelta(seconds=WINDOW_S)


def _id_span() -> ColumnElement[Any]:
    """An upper bound on the events the table holds: ids are distinct integers
    between the smallest and the largest (each an index seek, never a count)."""
    largest = select(func.max(_events.id)).scalar_subquery()
    smallest = select(func.min(_events.id)).scalar_subquery()
    return func.coalesce(largest - smallest + 1, 0)


def window_columns(scope: Any, key: Any, since: Any, limit: Any) -> tuple[ColumnElement[Any], ...]:
    """(count, oldest) of ``key``'s actions after ``since``, as columns, so a
    route can check several windows (and more) in one statement. Each of
    ``scope``, ``key``, ``since`` and ``limit`` a value or a bind parameter.

    The count is exact below ``limit`` and ``limit`` at or above it, so
    ``check`` decides as with a full count, at the cost of at most ``limit``
    index entries; when fewer events than ``limit`` exist at all, the id span
    stands in for it and nothing is counted."""
    where = (_events.scope == scope, _events.key == key, _events.at > since)
    first = select(literal(1)).where(*where).limit(limit).subquery()
    counted = select(func.count()).select_from(first).scalar_subquery()
    span = _id_span()
    # the oldest as the first index entry: min() over the range is only sometimes
    # planned as such (PostgreSQL aggregated all 10,000 entries of a window)
    oldest = select(_events.at).where(*where).order_by(_events.at).limit(1)
    return case((span < limit, span), else_=counted), oldest.scalar_subquery()


def serialise(db: Session, *windows: tuple[str, str]) -> None:
    """Make each ``(scope, key)`` window's check and count one request at a time,
    until the transaction ends: a burst of parallel requests must not all read
    "below the limit" before any of them counts (40 parallel wrong passwords
    were 40 guesses against a cap of 20). Call before ``enforce``; see
    ``central.repositories.locks`` for how (and why SQLite needs nothing)."""
    locks.hold(db, *(f"rate:{scope}:{key}" for scope, key in windows))


def check(count: int, oldest: datetime | None, limit: int, now: datetime) -> None:
    """Raise ``RateLimited`` (with the wait until a slot frees) when ``count``
    actions in the window, the oldest at ``oldest``, reach ``limit``."""
    if count >= limit:
        oldest_at = oldest if isinstance(oldest, datetime) else now
        if oldest_at.tzinfo is None:
            oldest_at = oldest_at.replace(tzinfo=now.tzinfo)
        raise RateLimited((oldest_at + timedelta(seconds=WINDOW_S) - now).total_seconds())


def window(db: Session, scope: str, key: str, now: datetime) -> tuple[int, datetime | None]:
    """``key``'s actions in the last hour: how many, and when the oldest was."""
    since = window_start(now)
    where = (RateEvent.scope == scope, RateEvent.key == key, RateEvent.at > since)
    count, oldest = db.execute(select(func.count(), func.min(RateEvent.at)).where(*where)).one()
    if isinstance(oldest, datetime) and oldest.tzinfo is None:
        oldest = oldest.replace(tzinfo=now.tzinfo)
    return int(count), oldest


def enforce(db: Session, scope: str, key: str, limit: int, now: datetime) -> None:
    """Raise ``RateLimited`` (with the wait until a slot frees) when ``key`` has
    used ``limit`` actions in the last hour."""
    check(*window(db, scope, key, now), limit, now)


def _windows_query(count: int) -> Any:
    """``count`` bounded windows (``window_columns``) in one SELECT, with bind
    parameters ``s<n>``, ``k<n>``, ``l<n>`` and ``since``; built once per count."""
    since: BindParameter[datetime] = bindparam("since")
    columns: list[ColumnElement[Any]] = []
    for n in range(count):
        counted, oldest = window_columns(
            bindparam(f"s{n}"), bindparam(f"k{n}"), since, bindparam(f"l{n}")
        )
        columns += [counted, oldest]
    return select(*columns)


_WINDOWS: dict[int, Any] = {}


def enforce_all(db: Session, limits: Sequence[tuple[str, str, int]], now: datetime) -> None:
    """``enforce`` for each ``(scope, key, limit)``, in order, read in one
    statement: a log-in checks two windows, and a round trip each cost more
    than the reads."""
    query = _WINDOWS.get(len(limits))
    if query is None:
        query = _WINDOWS[len(limits)] = _windows_query(len(limits))
    params: dict[str, Any] = {"since": window_start(now)}
    for n, (scope, key, limit) in enumerate(limits):
        params.update({f"s{n}": scope, f"k{n}": key, f"l{n}": limit})
    found = db.connection().execute(query, params).one()
    for n, (_, _, limit) in enumerate(limits):
        oldest = found[2 * n + 1]
        if isinstance(oldest, datetime) and oldest.tzinfo is None:
            oldest = oldest.replace(tzinfo=now.tzinfo)
        check(int(found[2 * n]), oldest, limit, now)


def record(db: Session, scope: str, key: str, now: datetime) -> None:
    """Count one action (inserted at once, in the caller's transaction)."""
    record_all(db, [(scope, key)], now)


def record_all(db: Session, events: Iterable[tuple[str, str]], now: datetime) -> None:
    """Count one action per ``(scope, key)``, one prebuilt INSERT each (a
    multi-row VALUES would be compiled again for every call: SQLAlchemy does not
    cache it; a new registration's events go with its other rows on PostgreSQL,
    see ``repositories.new_registration``)."""
    for scope, key in events:
        db.connection().execute(_INSERT, {"scope": scope, "key": key, "at": now})
