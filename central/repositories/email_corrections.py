"""Email corrections of pending accounts: add, read, take one code attempt."""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.orm import Session

from central.models import EmailCorrection


def add(db: Session, correction: EmailCorrection) -> EmailCorrection:
    db.add(correction)
    db.flush()
    return correction


def get(db: Session, correction_id: str) -> EmailCorrection | None:
    return db.get(EmailCorrection, correction_id[:64])


def spend_attempt(db: Session, correction_id: str) -> int | None:
    """Take one attempt of the live code: the attempts left after it, or None
    when none was left (one conditional UPDATE: parallel guesses never judge
    more than the code's attempts)."""
    query = (
        update(EmailCorrection)
        .where(
            EmailCorrection.id == correction_id,
            EmailCorrection.status == "code_sent",
            EmailCorrection.code_hash.is_not(None),
            EmailCorrection.attempts_left > 0,
        )
        .values(attempts_left=EmailCorrection.attempts_left - 1)
        .returning(EmailCorrection.attempts_left)
        .execution_options(synchronize_session=False)
    )
    left = db.execute(query).scalar_one_or_none()
    return None if left is None else int(left)
