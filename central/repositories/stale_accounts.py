"""Accounts a typo left behind (issue 11 §1): made by a registration, never
activated, their activation links all expired unused. Such an account no
longer blocks its phone or email: a new registration that proves the phone
again by SMS code replaces it.

A pending account cannot have been logged into (a log-in is refused until
activation) and its temporary password cannot have been changed, so "its
temporary password never used" holds for every pending account; the checks
below still say it (``password_changed_at`` empty) in case that changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, exists, not_, or_, select
from sqlalchemy.orm import Session

from central.models import Account, ActivationToken


def _stale(now: datetime, activation_ttl_s: int) -> ColumnElement[bool]:
    live_link = exists().where(
        ActivationToken.account_id == Account.id, ActivationToken.expires_at > now
    )
    return and_(
        Account.status == "pending_activation",
        Account.source == "registration",
        Account.activated_at.is_(None),
        Account.password_changed_at.is_(None),
        Account.created_at <= now - timedelta(seconds=activation_ttl_s),
        not_(live_link),
    )


def holding(db: Session, phone: str, email_key: str) -> Sequence[Account]:
    """The accounts that hold ``phone`` or ``email_key`` (at most two)."""
    query = select(Account).where(or_(Account.phone == phone, Account.email_key == email_key))
    return list(db.scalars(query.with_for_update()))


def only_stale_hold(
    db: Session, phone: str, email_key: str, now: datetime, activation_ttl_s: int
) -> bool:
    """Whether every account holding the phone or email is a stale one (and
    at least one does)."""
    held = or_(Account.phone == phone, Account.email_key == email_key)
    blocking = select(Account.id).where(held, not_(_stale(now, activation_ttl_s)))
    if db.scalars(blocking.limit(1)).first() is not None:
        return False
    return db.scalars(select(Account.id).where(held).limit(1)).first() is not None
