"""Named locks that serialise requests until their transaction ends.

PostgreSQL: a transaction advisory lock per name, keyed by the name's hash; the
locks of one call are taken in one statement, in ascending key order, so two
requests naming the same locks never deadlock (a request takes further locks
only under names no other call takes first). SQLite needs none: every request that counts or
issues something begins with a write (its idempotency claim), which takes the
database's one write lock, so such requests already run one at a time.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import TextClause, text
from sqlalchemy.orm import Session

_STATEMENTS: dict[int, TextClause] = {}


def _statement(count: int) -> TextClause:
    """One statement taking ``count`` locks, left to right (one round trip)."""
    found = _STATEMENTS.get(count)
    if found is None:
        taken = ", ".join(f"pg_advisory_xact_lock(:k{n})" for n in range(count))
        found = _STATEMENTS[count] = text(f"SELECT {taken}")
    return found


def key_of(name: str) -> int:
    """The advisory lock key of ``name``: 64 bits of its SHA-256."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


def hold(db: Session, *names: str) -> None:
    """Hold the locks ``names`` until ``db``'s transaction ends (PostgreSQL)."""
    if db.get_bind().dialect.name != "postgresql" or not names:
        return
    keys = sorted({key_of(name) for name in names})
    db.execute(_statement(len(keys)), {f"k{n}": key for n, key in enumerate(keys)})
