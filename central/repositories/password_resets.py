"""Password resets by SMS code: the rows and their atomic steps (an attempt
taken, a resend claimed), each one conditional UPDATE as for registrations."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.orm import Session

from central.models import PasswordReset


def add(db: Session, reset: PasswordReset) -> PasswordReset:
    db.add(reset)
    db.flush()
    return reset


def get(db: Session, reset_id: str) -> PasswordReset | None:
    return db.get(PasswordReset, reset_id[:64])


def spend_attempt(db: Session, reset_id: str) -> int | None:
    """Take one attempt of the reset's live code: the attempts left after it, or
    None when none was left. The row stays write-locked until the end of the
    transaction, so parallel guesses never judge more than the code's attempts."""
    query = (
        update(PasswordReset)
        .where(
            PasswordReset.id == reset_id,
            PasswordReset.status == "code_sent",
            PasswordReset.code_hash.is_not(None),
            PasswordReset.attempts_left > 0,
        )
        .values(attempts_left=PasswordReset.attempts_left - 1)
        .returning(PasswordReset.attempts_left)
        .execution_options(synchronize_session=False)
    )
    left = db.execute(query).scalar_one_or_none()
    return None if left is None else int(left)


def take_resend(db: Session, reset_id: str, available_from: datetime, now: datetime) -> bool:
    """Claim the resend of a code sent at or before ``available_from``: True for
    exactly one of any number of parallel resends."""
    query = (
        update(PasswordReset)
        .where(
            PasswordReset.id == reset_id,
            PasswordReset.status == "code_sent",
            PasswordReset.code_sent_at <= available_from,
        )
        .values(code_sent_at=now)
        .returning(PasswordReset.id)
        .execution_options(synchronize_session=False)
    )
    return db.execute(query).scalar_one_or_none() is not None
