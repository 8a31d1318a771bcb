"""Queries on the ``messages`` outbox: claim due rows, record the outcome, list.

Claiming is safe across processes. A claim moves ``next_attempt_at`` forward by
a lease and counts the attempt in one conditional UPDATE, so of two senders
racing for a row exactly one sees ``rowcount == 1``; on PostgreSQL the
candidate SELECT also uses ``FOR UPDATE SKIP LOCKED`` so senders do not queue
behind each other. A sender that dies after claiming leaves the row pending:
another sender retries it once the lease has run out. ``attempts`` after the
claim is the claim's fencing value: the outcome is only written while it still
matches, so a late sender never overwrites a newer claim.

A batch is claimed with two statements whatever its size (the candidates, then
one conditional UPDATE ... RETURNING of them all), and outcomes are prebuilt
Core UPDATEs: every registration queues an SMS, so the sender's statements
are as hot as the registration's own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, bindparam, func, select, text, update
from sqlalchemy.orm import Session

from central.models import Message
from central.repositories.tables import table_of

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


_messages = table_of(Message).c
_CLAIM = (
    update(table_of(Message))
    .where(
        _messages.id.in_(bindparam("ids", expanding=True)),
        _messages.status == "pending",
        _messages.next_attempt_at <= bindparam("now"),
    )
    .values(next_attempt_at=bindparam("lease_end"), attempts=_messages.attempts + 1)
    .returning(
        _messages.id,
        _messages.channel,
        _messages.to,
        _messages.subject,
        _messages.body,
        _messages.kind,
        _messages.attempts,
        _messages.password,
    )
)


def claim_due(
    session: Session, *, now: datetime, limit: int, lease_s: float, with_password: bool = False
) -> list[ClaimedMessage]:
    """Claim up to ``limit`` pending messages due at ``now``, oldest first, those
    that carry a temporary password to hash or those that do not; the caller
    commits. The UPDATE re-checks each row's state, so of two senders that
    picked the same row only one gets it back from RETURNING."""
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
    if not ids:
        return []
    lease_end = now + timedelta(seconds=lease_s)
    rows = session.connection().execute(_CLAIM, {"ids": ids, "now": now, "lease_end": lease_end})
    claimed = {row[0]: ClaimedMessage(*row) for row in rows}
    return [claimed[message_id] for message_id in ids if message_id in claimed]


_FINISH_WHERE = (
    _messages.id == bindparam("b_id"),
    _messages.status == "pending",
    _messages.attempts == bindparam("b_attempts"),
)
# one prebuilt statement per set of columns an outcome writes
_FINISH: dict[frozenset[str], Any] = {}


def forget_password(session: Session, message_id: str) -> None:
    """The message's temporary password is hashed onto its account: drop the copy."""
    session.execute(
        update(Message)
        .where(Message.id == message_id)
        .values(password=None)
        .execution_options(synchronize_session=False)
    )


def _finish_statement(columns: frozenset[str]) -> Any:
    statement = _FINISH.get(columns)
    if statement is None:
        statement = update(table_of(Message)).where(*_FINISH_WHERE)
        statement = _FINISH[columns] = statement.values({c: bindparam(f"v_{c}") for c in columns})
    return statement


def _finish(session: Session, claim: ClaimedMessage, **values: object) -> bool:
    statement = _finish_statement(frozenset(values))
    result = session.connection().execute(
        statement,
        {
            "b_id": claim.id,
            "b_attempts": claim.attempts,
            **{f"v_{c}": v for c, v in values.items()},
        },
    )
    return bool(result.rowcount == 1)


# What a delivered or failed message keeps instead of its text: the text held a
# code or a temporary password, which must not outlive its delivery.
SCRUBBED_BODY = "[removed after delivery]"


def _scrubbed(scrub: bool) -> dict[str, object]:
    return {"body": SCRUBBED_BODY} if scrub else {}


# A row nobody is ever sent: the stand-in a request writes where another case
# queues a message, so the work is the same (a password reset for a login
# without an active account). Never claimed, never listed; the purge removes it.
VOID = "void"
# The kind of a pending row that is a task for the sender, not a message: a
# pending account's reset asks it to send the activation email again (the
# reset's id in ``body``). Done, it becomes ``VOID``.
ACTIVATION_AGAIN = "activation_again"
INTERNAL_KINDS = (ACTIVATION_AGAIN,)


def make_void(message: Message) -> None:
    """``message`` (queued, not yet written) becomes a row nobody is sent."""
    message.status, message.body, message.subject = VOID, SCRUBBED_BODY, ""


def make_task(message: Message, kind: str, argument: str) -> None:
    """``message`` (queued, not yet written) becomes the sender's task ``kind``
    with ``argument`` instead of a text to deliver."""
    message.kind, message.body, message.subject = kind, argument, ""


def mark_done(session: Session, claim: ClaimedMessage) -> bool:
    """A task the sender has done: a row nobody is sent, removed by the purge."""
    return _finish(session, claim, status=VOID, body=SCRUBBED_BODY)


def mark_sent(
    session: Session, delivered: Sequence[tuple[ClaimedMessage, datetime]], *, scrub: bool = False
) -> None:
    """Each claimed message ``sent`` at its time, in one statement sent once with
    every row's values (a row another sender took over by now stays as it is)."""
    if not delivered:
        return
    values = {"status": "sent", "last_error": None, **_scrubbed(scrub)}
    statement = _finish_statement(frozenset({*values, "sent_at"}))
    fixed = {f"v_{c}": v for c, v in values.items()}
    session.connection().execute(
        statement,
        [
            {"b_id": claim.id, "b_attempts": claim.attempts, "v_sent_at": at, **fixed}
            for claim, at in delivered
        ],
    )


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
    ready = and_(
        Message.password.is_(None), Message.status != VOID, Message.kind.not_in(INTERNAL_KINDS)
    )
    if to is not None:
        match = func.lower(Message.to) == to.lower() if "@" in to else Message.to == to
        query = select(Message).where(match, ready).order_by(Message.created_at, Message.id)
        return list(session.scalars(query.limit(limit)))
    newest_first = (Message.created_at.desc(), Message.id.desc())
    recent = select(Message).where(ready).order_by(*newest_first).limit(limit)
    return list(reversed(list(session.scalars(recent))))


def get(session: Session, message_id: str) -> Message | None:
    return session.get(Message, message_id)


def failed(session: Session, *, limit: int = 500) -> list[Message]:
    """Messages the sender gave up on, oldest first (``messages failed``)."""
    query = select(Message).where(Message.status == "failed")
    return list(session.scalars(query.order_by(Message.created_at, Message.id).limit(limit)))


def requeue_failed(session: Session, message_id: str, *, now: datetime) -> bool:
    """A failed message pending again, due now with its attempts counted afresh;
    False if it is not failed (any more). One conditional UPDATE: two operators
    retrying at once queue it once."""
    result = session.execute(
        update(Message)
        .where(Message.id == message_id, Message.status == "failed")
        .values(status="pending", attempts=0, next_attempt_at=now)
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0))
