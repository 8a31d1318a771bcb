"""The outbox file's layout: its table, the hot paths' SQL, and the values it hands out.

The store (``kiosk.outbox.store``) is the only writer; everything here is the shape
of what it writes and returns.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import ColumnElement, Float, Index, Integer, LargeBinary, String, literal_column
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from kiosk.api_types import RegistrationRequest

State = Literal["pending", "delivered", "needs_attention"]
Outcome = Literal["created", "account_exists"]
STATES: tuple[State, ...] = ("pending", "delivered", "needs_attention")

DEFAULT_CAPACITY = 10_000
DEFAULT_RETENTION_S = 7 * 86400
SQLITE_BUSY_TIMEOUT_MS = 15_000
REASON_MAX_CHARS = 300
ROWID: ColumnElement[Any] = literal_column("rowid")  # capture order among equal timestamps

# the hot paths' statements, as plain SQL (sqlite3 keeps them prepared per connection)
WAITING_STATES_SQL = "('pending', 'needs_attention')"
TALLY_DDL: tuple[str, ...] = (
    "CREATE TABLE IF NOT EXISTS outbox_tally "
    "(name TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID",
    "INSERT OR IGNORE INTO outbox_tally (name, n) "
    f"SELECT 'waiting', count(*) FROM outbox_entries WHERE state IN {WAITING_STATES_SQL}",
    "CREATE TRIGGER IF NOT EXISTS outbox_tally_insert AFTER INSERT ON outbox_entries "
    f"WHEN NEW.state IN {WAITING_STATES_SQL} "
    "BEGIN UPDATE outbox_tally SET n = n + 1 WHERE name = 'waiting'; END",
    "CREATE TRIGGER IF NOT EXISTS outbox_tally_delete AFTER DELETE ON outbox_entries "
    f"WHEN OLD.state IN {WAITING_STATES_SQL} "
    "BEGIN UPDATE outbox_tally SET n = n - 1 WHERE name = 'waiting'; END",
    "CREATE TRIGGER IF NOT EXISTS outbox_tally_update AFTER UPDATE OF state ON outbox_entries "
    f"WHEN (OLD.state IN {WAITING_STATES_SQL}) != (NEW.state IN {WAITING_STATES_SQL}) "
    "BEGIN UPDATE outbox_tally SET "
    f"n = n + (CASE WHEN NEW.state IN {WAITING_STATES_SQL} THEN 1 ELSE -1 END) "
    "WHERE name = 'waiting'; END",
)
WAITING_SQL = "SELECT n FROM outbox_tally WHERE name = 'waiting'"
CAPTURE_SQL = (
    "INSERT INTO outbox_entries (id, created_at, state, attempts, next_attempt_at, "
    "phone_hint, email_hint, sealed) VALUES (?, ?, 'pending', 0, ?, ?, ?, ?)"
)
DUE_IDS_SQL = (
    "SELECT id FROM outbox_entries WHERE state = 'pending' AND next_attempt_at <= ? "
    "ORDER BY created_at, rowid LIMIT ?"
)
NEXT_DUE_SQL = "SELECT min(next_attempt_at) FROM outbox_entries WHERE state = 'pending'"
DELIVERED_SQL = (
    "UPDATE outbox_entries SET state = 'delivered', outcome = ?, registration_id = ?, "
    "delivered_at = ?, last_error = NULL, attempts = attempts + 1 "
    "WHERE id = ? AND state != 'delivered'"
)
RETRY_LATER_SQL = (
    "UPDATE outbox_entries SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? "
    "WHERE id = ? AND state = 'pending'"
)
SET_ASIDE_SQL = (
    "UPDATE outbox_entries SET attempts = attempts + 1, last_error = ?, "
    "state = 'needs_attention' WHERE id = ? AND state = 'pending'"
)
DEFER_ALL_SQL = (
    "UPDATE outbox_entries SET next_attempt_at = ? WHERE state = 'pending' AND next_attempt_at < ?"
)
WRITE_OPTION = "outbox_write"  # execution option: this connection's transactions write


class Base(DeclarativeBase):
    pass


class OutboxRow(Base):
    """One captured registration. Times are POSIX seconds (UTC)."""

    __tablename__ = "outbox_entries"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    created_at: Mapped[float] = mapped_column(Float)
    state: Mapped[str] = mapped_column(String(16))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[float] = mapped_column(Float)
    last_error: Mapped[str | None] = mapped_column(String(REASON_MAX_CHARS))
    outcome: Mapped[str | None] = mapped_column(String(16))
    registration_id: Mapped[str | None] = mapped_column(String(64))
    delivered_at: Mapped[float | None] = mapped_column(Float)
    purged_at: Mapped[float | None] = mapped_column(Float)
    phone_hint: Mapped[str | None] = mapped_column(String(32))
    email_hint: Mapped[str | None] = mapped_column(String(80))
    sealed: Mapped[bytes | None] = mapped_column(LargeBinary)

    __table_args__ = (Index("ix_outbox_state_due", "state", "next_attempt_at", "created_at"),)


@dataclass(frozen=True)
class EntryView:
    """What a clerk may see of an entry: no personal data beyond masked hints."""

    id: str
    state: State
    created_at: datetime
    attempts: int
    next_attempt_at: datetime
    last_error: str | None
    outcome: Outcome | None
    registration_id: str | None
    delivered_at: datetime | None
    phone_masked: str | None
    email_masked: str | None
    has_personal_data: bool


@dataclass(frozen=True)
class DueEntry:
    """A pending entry, opened for delivery (holds personal data: keep it short-lived)."""

    id: str
    attempts: int
    request: RegistrationRequest
    last_error: str | None = None


@dataclass(frozen=True)
class Delivered:
    """An attempt the central accepted (``Outbox.record``)."""

    entry_id: str
    outcome: Outcome
    registration_id: str | None = None


@dataclass(frozen=True)
class Failed:
    """An attempt that failed: due again in ``retry_in_s``, or (None) set aside;
    ``reason`` holds no personal data (``Outbox.record``)."""

    entry_id: str
    reason: str
    retry_in_s: float | None


def to_datetime(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, UTC)


def entry_view(row: OutboxRow) -> EntryView:
    return EntryView(
        id=row.id,
        state=row.state,  # type: ignore[arg-type]
        created_at=to_datetime(row.created_at),
        attempts=row.attempts,
        next_attempt_at=to_datetime(row.next_attempt_at),
        last_error=row.last_error,
        outcome=row.outcome,  # type: ignore[arg-type]
        registration_id=row.registration_id,
        delivered_at=to_datetime(row.delivered_at) if row.delivered_at is not None else None,
        phone_masked=row.phone_hint,
        email_masked=row.email_hint,
        has_personal_data=row.sealed is not None,
    )
