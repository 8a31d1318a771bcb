"""Accounts: look-ups by phone or email key, creation, password updates."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from central.core.errors import AccountExists
from central.models import Account


def exists_with(db: Session, phone: str, email_key: str) -> bool:
    """Whether an account already holds this phone or this email (case-insensitive)."""
    query = select(Account.id).where(or_(Account.phone == phone, Account.email_key == email_key))
    return db.scalars(query.limit(1)).first() is not None


def by_phone(db: Session, phone: str) -> Account | None:
    return db.scalars(select(Account).where(Account.phone == phone)).first()


def by_email_key(db: Session, email_key: str) -> Account | None:
    return db.scalars(select(Account).where(Account.email_key == email_key)).first()


def get(db: Session, account_id: str) -> Account | None:
    return db.get(Account, account_id)


def create(
    db: Session,
    *,
    email: str,
    email_key: str,
    phone: str,
    locale: str,
    password_hash: str,
    now: datetime,
) -> Account:
    """A pending account from a confirmed registration; ``AccountExists`` when a
    concurrent one took the phone or email first (unique keys decide)."""
    account = Account(
        email=email,
        email_key=email_key,
        phone=phone,
        locale=locale,
        status="pending_activation",
        source="registration",
        password_hash=password_hash,
        password_is_temporary=True,
        created_at=now,
    )
    db.add(account)
    try:
        db.flush()
    except IntegrityError:
        raise AccountExists() from None
    return account


def set_password(
    db: Session, account: Account, password_hash: str, *, temporary: bool, now: datetime
) -> None:
    account.password_hash = password_hash
    account.password_is_temporary = temporary
    account.password_changed_at = now
    db.flush()
