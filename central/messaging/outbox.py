"""The transactional outbox: queue an SMS or email with the change that causes it.

``enqueue`` only adds a ``Message`` row to the caller's session; it does not
flush or commit. The message therefore exists exactly when the caller's
transaction commits (no SMS for a rolled-back registration, no lost SMS for a
committed one), and the background sender delivers it afterwards with retries.
``message_row`` is the same row as column values, for writers that insert it
with other rows in one statement (a new registration: ``repositories.new_registration``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy.orm import Session

from central.messaging.texts import channel_of, render
from central.models import Message, new_id, utcnow


class ChannelMismatch(ValueError):
    """``enqueue`` was asked to send a kind by the other channel: a programming error."""


@dataclass(frozen=True, slots=True)
class MessageRow:
    """A pending message's columns but its id (and password)."""

    channel: str
    to: str
    subject: str
    body: str
    kind: str
    status: str
    attempts: int
    next_attempt_at: datetime
    created_at: datetime

    def columns(self) -> dict[str, object]:
        return {name: getattr(self, name) for name in self.__slots__}


def message_row(
    *,
    channel: Literal["sms", "email"],
    to: str,
    kind: str,
    locale: str,
    params: Mapping[str, object],
) -> MessageRow:
    """The columns of a pending message: ``kind`` rendered in ``locale``.

    Raises ``UnknownMessageKind`` / ``MissingMessageParam`` (both ``KeyError``)
    or ``ChannelMismatch`` for programming errors."""
    expected = channel_of(kind)
    if expected != channel:
        raise ChannelMismatch(f"{kind} is sent by {expected}, not {channel}")
    text = render(kind, locale, params)
    now = utcnow()
    return MessageRow(
        channel=channel,
        to=to,
        subject=text.subject,
        body=text.body,
        kind=kind,
        status="pending",
        attempts=0,
        next_attempt_at=now,
        created_at=now,
    )


def enqueue(
    session: Session,
    *,
    channel: Literal["sms", "email"],
    to: str,
    kind: str,
    locale: str,
    params: Mapping[str, object],
    password: str | None = None,
    message_id: str | None = None,
) -> Message:
    """Render ``kind`` in ``locale`` and add it to ``session`` as a pending message.

    ``to`` is an E.164 phone for SMS, a normalised email for email. Raises
    ``UnknownMessageKind`` / ``MissingMessageParam`` (both ``KeyError``) or
    ``ChannelMismatch`` for programming errors; nothing is added then.
    """
    row = message_row(channel=channel, to=to, kind=kind, locale=locale, params=params)
    message = Message(**row.columns(), id=message_id or new_id(), password=password)
    session.add(message)
    return message
