"""Queries on the ``messages`` outbox: claim due rows, record the outcome, list.

Claiming is safe across processes. A claim moves ``next_attempt_at`` forward by
a lease and counts the attempt in one conditional UPDATE, so of two senders
racing for a row exactly one sees ``rowcount == 1``; on PostgreSQL the
candidate SELECT also uses ``FOR UPDATE SKIP LOCKED`` so senders do not queue
behind each other. A sender that dies after claiming leaves the row pending:
another sender retries it once the lease has run out. ``attempts`` after the
claim is the claim's fencing value: the outcome is only written while it still
matches, so a late sender never overwrites a newer claim.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session

from central.models import Message

LAST_ERROR_MAX_CHARS = 500


@dataclass(frozen=True)
class ClaimedMessage:
    """A message this sender may deliver now; plain values, no live ORM row."""

    id: str
    channel: str
    to: str
    subject: str
    body: str
    kind: str
    attempts: int
    password: str | None = None  # to hash onto its account before delivery


def claim_due(
    session: Session, *, now: datetime, limit: int, lease_s: float, with_password: bool = False
) -> list[ClaimedMessage]:
    """Claim up to ``limit`` pending messages due at ``now``, those that carry a
    temporary password to hash or those that do not; the caller commits."""
    carries = Message.password.is_not(None) if with_password else Message.password.is_(None)
    query = (
        select(Message.id)
        .where(Message.status == "pending", Message.next_attempt_at <= now, carries)
        .order_by(Message.next_attempt_at, Message.created_at)
        .limit(limit)
    )
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    ids = list(session.scalars(query))
    lease_end = now + timedelta(seconds=lease_s)
    claimed: list[ClaimedMessage] = []
    for message_id in ids:
        result = session.execute(
            update(Message)
            .where(
                Message.id == message_id,
                Message.status == "pending",
                Message.next_attempt_at <= now,
            )
            .values(next_attempt_at=lease_end, attempts=Message.attempts + 1)
            .execution_options(synchronize_session=False)
        )
        if result.rowcount == 1:  # type: ignore[attr-defined]
            row = session.execute(
                select(
                    Message.channel,
                    Message.to,
                    Message.subject,
                    Message.body,
                    Message.kind,
                    Message.attempts,
                    Message.password,
                ).where(Message.id == message_id)
            ).one()
            claimed.append(ClaimedMessage(message_id, *row))
    return claimed


def forget_password(session: Session, message_id: str) -> None:
    """The message's temporary password is hashed onto its account: drop the copy."""
    session.execute(
        update(Message)
        .where(Message.id == message_id)
        .values(password=None)
        .execution_options(synchronize_session=False)
    )


def _finish(session: Session, claim: ClaimedMessage, **values: object) -> bool:
    result = session.execute(
        update(Message)
        .where(
            Message.id == claim.id,
            Message.status == "pending",
            Message.attempts == claim.attempts,
        )
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]


# What a delivered or failed message keeps instead of its text: the text held a
# code or a temporary password, which must not outlive its delivery.
SCRUBBED_BODY = "[removed after delivery]"


def _scrubbed(scrub: bool) -> dict[str, object]:
    return {"body": SCRUBBED_BODY, "password": None} if scrub else {"password": None}


def mark_sent(
    session: Session, claim: ClaimedMessage, *, now: datetime, scrub: bool = False
) -> bool:
    return _finish(session, claim, status="sent", sent_at=now, last_error=None, **_scrubbed(scrub))


def reschedule(session: Session, claim: ClaimedMessage, *, at: datetime, error: str) -> bool:
    return _finish(session, claim, next_attempt_at=at, last_error=error[:LAST_ERROR_MAX_CHARS])


def mark_failed(
    session: Session, claim: ClaimedMessage, *, error: str, scrub: bool = False
) -> bool:
    return _finish(
        session, claim, status="failed", last_error=error[:LAST_ERROR_MAX_CHARS],
        **_scrubbed(scrub),
    )  # fmt: skip


def erase_old_text(session: Session) -> None:
    """Make the text a scrub replaced unreadable in the files too (SQLite).

    With ``secure_delete`` (see ``central.core.db``) the replaced text is zeroed
    in the database pages, but the write-ahead log still holds the pages as
    they were when the message was queued. A TRUNCATE checkpoint copies the log
    into the database and empties the file. It waits (busy timeout) for readers
    of an older snapshot; if they outlast it, the next pass tries again.
    PostgreSQL keeps the old row version until VACUUM instead (see
    docs/reliability.md)."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))


def list_messages(
    session: Session, *, to: str | None = None, limit: int = 200
) -> Sequence[Message]:
    """Messages oldest first: all to ``to``, or the ``limit`` most recent ones.
    An email whose temporary password is not hashed yet is left out: it could
    not have been delivered, and its password would not work yet."""
    ready = Message.password.is_(None)
    if to is not None:
        match = func.lower(Message.to) == to.lower() if "@" in to else Message.to == to
        query = select(Message).where(match, ready).order_by(Message.created_at, Message.id)
        return list(session.scalars(query.limit(limit)))
    newest_first = (Message.created_at.desc(), Message.id.desc())
    recent = select(Message).where(ready).order_by(*newest_first).limit(limit)
    return list(reversed(list(session.scalars(recent))))


def get(session: Session, message_id: str) -> Message | None:
    return session.get(Message, message_id)
