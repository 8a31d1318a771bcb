"""The transactional outbox: queue an SMS or email with the change that causes it.

``enqueue`` only adds a ``Message`` row to the caller's session; it does not
flush or commit. The message therefore exists exactly when the caller's
transaction commits (no SMS for a rolled-back registration, no lost SMS for a
committed one), and the background sender delivers it afterwards with retries.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from sqlalchemy.orm import Session

from central.messaging.texts import channel_of, render
from central.models import Message, utcnow


class ChannelMismatch(ValueError):
    """``enqueue`` was asked to send a kind by the other channel: a programming error."""


def enqueue(
    session: Session,
    *,
    channel: Literal["sms", "email"],
    to: str,
    kind: str,
    locale: str,
    params: Mapping[str, object],
) -> Message:
    """Render ``kind`` in ``locale`` and add it to ``session`` as a pending message.

    ``to`` is an E.164 phone for SMS, a normalised email for email. Raises
    ``UnknownMessageKind`` / ``MissingMessageParam`` (both ``KeyError``) or
    ``ChannelMismatch`` for programming errors; nothing is added then.
    """
    expected = channel_of(kind)
    if expected != channel:
        raise ChannelMismatch(f"{kind} is sent by {expected}, not {channel}")
    text = render(kind, locale, params)
    now = utcnow()
    message = Message(
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
    session.add(message)
    return message
