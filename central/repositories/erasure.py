"""Erasing a closed account's contacts from every table that holds them.

The account row stays (its contracts and claims point at it: they are the
insurer's records under insurance law) but keeps no way to reach or identify
the person by login: its phone and email become placeholders no login can
match (unique like the values they replace), its name and password go. The
registrations and password resets that led to it lose the same contacts.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session

from central.models import (
    Account,
    ActivationToken,
    AuditEvent,
    ClientSession,
    Message,
    PasswordReset,
    Registration,
)
from central.repositories import tokens

CLOSED = "closed"
# a placeholder phone: "#" is no phone's first character, so no login matches it;
# 19 hex digits of the account's id keep the column unique (it holds 20)
PHONE_PLACEHOLDER_DIGITS = 19


def placeholders(account_id: str) -> tuple[str, str]:
    """(phone, email key) a closed account holds instead of its contacts."""
    digits = account_id.replace("-", "")[:PHONE_PLACEHOLDER_DIGITS]
    return f"#{digits}", f"closed:{account_id}"


def erase_account(
    db: Session,
    account: Account,
    now: datetime,
    *,
    status: str = CLOSED,
    keep_registration: str | None = None,
) -> None:
    """Close ``account``: sessions end, login stops, contacts and name are
    erased. ``keep_registration``: one that replaces it (same contacts), kept."""
    phone, email_key = placeholders(account.id)
    original_phone, original_key = account.phone, account.email_key
    account.status = status
    account.phone = phone
    account.email = ""
    account.email_key = email_key
    account.full_name = None
    account.password_hash = None
    account.password_message_id = None
    account.temporary_password_expires_at = None
    tokens.revoke_sessions(db, account.id, now)
    db.execute(delete(ActivationToken).where(ActivationToken.account_id == account.id))
    db.execute(
        update(Registration)
        .where(
            (Registration.account_id == account.id)
            | (Registration.phone == original_phone)
            | (Registration.email_key == original_key)
        )
        .where(Registration.id != (keep_registration or ""))
        .values(phone="", email="", email_key="", client_ip=None, code_hash=None)
        .execution_options(synchronize_session=False)
    )
    db.execute(
        update(PasswordReset)
        .where(PasswordReset.account_id == account.id)
        .values(phone=None, code_hash=None)
        .execution_options(synchronize_session=False)
    )
    db.flush()


def held_about(db: Session, account: Account) -> dict[str, int]:
    """How many rows beside the account's own name the person (their account,
    phone or email): what a subject-access answer counts."""

    def rows(model: type[object], *where: object) -> int:
        return int(db.scalar(select(func.count()).select_from(model).where(*where)) or 0)  # type: ignore[arg-type]

    return {
        "registrations": rows(
            Registration,
            or_(Registration.account_id == account.id, Registration.phone == account.phone),
        ),
        "live sessions": rows(
            ClientSession,
            ClientSession.account_id == account.id,
            ClientSession.revoked_at.is_(None),
        ),
        "messages": rows(Message, or_(Message.to == account.phone, Message.to == account.email)),
        "audit events": rows(AuditEvent, AuditEvent.account_id == account.id),
        "password resets": rows(PasswordReset, PasswordReset.account_id == account.id),
    }
