"""The fleet of branch terminals: who they are on each request, their
heartbeats, and their daily token rotation (issue 13 §5).

Rotation never locks a terminal out. The token a rotation replaces keeps
working until the new one has been used once, and for ``TOKEN_GRACE`` after
that: a terminal whose rotation answer was lost (the connection dropped, the
process was killed before the keyring write) still holds a working token and
simply rotates again from it, which replaces the lost one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from sqlalchemy.orm import Session

from central.core.errors import Unauthorized
from central.core.security import hash_token, new_token
from central.repositories import terminals
from central.repositories.terminals import Heartbeat, TerminalIdentity

TOKEN_GRACE: Final = timedelta(minutes=10)
ROTATE_AFTER: Final = timedelta(days=1)  # a token older than this is due for rotation
# a clock read further off than this is kept as this (a terminal at year 1 or 9999)
CLOCK_OFFSET_MAX_S: Final = 50 * 365 * 24 * 3600  # fits the column (32 bits)


def authenticate(db: Session, token: str, now: datetime) -> TerminalIdentity:
    """The unrevoked terminal whose (current, or still valid previous) token this
    is, else ``Unauthorized``. The first use of a rotated token starts the
    previous one's grace period."""
    found = terminals.by_token_hash(db, hash_token(token), now)
    if found is None or found.revoked_at is not None:
        raise Unauthorized()
    if found.unconfirmed and not found.previous:
        terminals.confirm_rotation(db, found.id, now=now, grace=TOKEN_GRACE)
    return found


def rotate(db: Session, terminal: TerminalIdentity, presented: str, now: datetime) -> str:
    """A new token for ``terminal`` (shown only in this answer). Refused
    (``Unauthorized``) when the presented token is a previous one whose
    replacement has already been used, or a concurrent rotation won."""
    token = new_token()
    if terminal.previous and not terminal.unconfirmed:
        raise Unauthorized()
    rotated = terminals.rotate_token(
        db, terminal, presented_hash=hash_token(presented), new_hash=hash_token(token), now=now
    )
    if not rotated:
        raise Unauthorized()
    return token


@dataclass(frozen=True)
class HeartbeatAnswer:
    """Tells the terminal how old its token is, so the central (one clock)
    decides when the fleet rotates."""

    token_age_s: int
    rotate_due: bool


def clock_offset_s(terminal_time: datetime | None, now: datetime) -> int | None:
    """How far a terminal's clock (``terminal_time``, read as it sent its
    heartbeat) is ahead of the central's ``now``, in whole seconds, within
    ``CLOCK_OFFSET_MAX_S``; None when the terminal did not say (older versions)."""
    if terminal_time is None:
        return None
    offset_s = round((terminal_time - now).total_seconds())
    return max(-CLOCK_OFFSET_MAX_S, min(CLOCK_OFFSET_MAX_S, offset_s))


def heartbeat(
    db: Session, terminal: TerminalIdentity, beat: Heartbeat, now: datetime
) -> HeartbeatAnswer:
    terminals.record_heartbeat(db, terminal.id, beat, now=now)
    issued = terminals.token_issued_at(db, terminal.id) or now
    age = max(timedelta(0), now - issued)
    return HeartbeatAnswer(token_age_s=int(age.total_seconds()), rotate_due=age >= ROTATE_AFTER)
