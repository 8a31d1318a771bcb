"""Accounts: look-ups by phone or email key, creation (by registration, by an online
purchase), password updates."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, select, update
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
    password_message_id: str,
    now: datetime,
    temporary_until: datetime,
) -> Account:
    """A pending account from a confirmed registration, its temporary password
    set when the email ``password_message_id`` goes and valid until
    ``temporary_until``; ``AccountExists`` when a concurrent one took the phone
    or email first (unique keys decide)."""
    account = Account(
        email=email,
        email_key=email_key,
        phone=phone,
        locale=locale,
        status="pending_activation",
        source="registration",
        password_hash=None,
        password_message_id=password_message_id,
        password_is_temporary=True,
        temporary_password_expires_at=temporary_until,
        created_at=now,
    )
    db.add(account)
    try:
        db.flush()
    except IntegrityError:
        raise AccountExists() from None
    return account


def set_password(
    db: Session,
    account: Account,
    password_hash: str,
    *,
    now: datetime,
    temporary_until: datetime | None = None,
) -> None:
    """A new password: temporary (valid until ``temporary_until``) or, without
    that, one the client chose (no expiry)."""
    account.password_hash = password_hash
    account.password_message_id = None
    account.password_is_temporary = temporary_until is not None
    account.temporary_password_expires_at = temporary_until
    account.password_changed_at = now
    db.flush()


def expect_password(
    account: Account, message_id: str, *, now: datetime, temporary_until: datetime
) -> None:
    """The account's password is now the temporary one the email ``message_id``
    carries, set when it goes (``settle_password``); until then none works."""
    account.password_hash = None
    account.password_message_id = message_id
    account.password_is_temporary = True
    account.temporary_password_expires_at = temporary_until
    account.password_changed_at = now


def settle_password(db: Session, message_id: str, password_hash: str) -> bool:
    """Give the account waiting for the email ``message_id`` its password hash.
    False when no account waits for it (a later email superseded it, or it was
    settled before a crash): the hash is then dropped."""
    result = db.execute(
        update(Account)
        .where(Account.password_message_id == message_id)
        .values(password_hash=password_hash, password_message_id=None)
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]


def temporary_password_expired(account: Account, now: datetime) -> bool:
    """Whether the account's password is a temporary one past its expiry."""
    expires_at = account.temporary_password_expires_at
    return account.password_is_temporary and expires_at is not None and now >= expires_at


def create_online(
    db: Session,
    *,
    email: str,
    email_key: str,
    phone: str,
    full_name: str | None,
    locale: str,
    password_message_id: str,
    now: datetime,
    temporary_until: datetime,
) -> Account:
    """An account opened by an online purchase: active at once, its temporary
    password set when the welcome email ``password_message_id`` goes and valid
    until ``temporary_until``."""
    account = Account(
        email=email,
        email_key=email_key,
        phone=phone,
        full_name=full_name,
        locale=locale,
        status="active",
        source="online_purchase",
        password_hash=None,
        password_message_id=password_message_id,
        password_is_temporary=True,
        temporary_password_expires_at=temporary_until,
        created_at=now,
        activated_at=now,
    )
    db.add(account)
    db.flush()
    return account
