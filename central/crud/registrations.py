"""Registrations and the confirmation codes issued for them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ScalarSelect, exists, func, or_, select
from sqlalchemy.orm import Session

from central.crud import rates
from central.models import Account, CodeIssue, Registration

TERMINAL_SCOPE = "registration_terminal"
IP_SCOPE = "registration_ip"


def save(db: Session, registration: Registration) -> Registration:
    """Write ``registration`` (new or changed) with what else is pending, so rows
    referring to it can follow (the unit of work does not order by foreign keys)."""
    db.add(registration)
    db.flush()
    return registration


def get(db: Session, registration_id: str) -> Registration | None:
    return db.get(Registration, registration_id)


def get_for_update(db: Session, registration_id: str) -> Registration | None:
    """The registration locked for this transaction (PostgreSQL row lock), so two
    concurrent confirmations cannot both spend the same attempt."""
    query = select(Registration).where(Registration.id == registration_id).with_for_update()
    return db.scalars(query.execution_options(populate_existing=True)).first()


def _aware(value: Any, like: datetime) -> datetime | None:
    if not isinstance(value, datetime):
        return None
    return value.replace(tzinfo=like.tzinfo) if value.tzinfo is None else value


def _codes_columns(phone: str, since: datetime) -> tuple[ScalarSelect[Any], ...]:
    where = (CodeIssue.phone == phone, CodeIssue.issued_at > since)
    return (
        select(func.count()).where(*where).scalar_subquery(),
        select(func.min(CodeIssue.issued_at)).where(*where).scalar_subquery(),
    )


def codes_issued_since(db: Session, phone: str, since: datetime) -> tuple[int, datetime | None]:
    """How many codes went to ``phone`` since ``since``, and when the oldest did."""
    query = select(func.count(), func.min(CodeIssue.issued_at)).where(
        CodeIssue.phone == phone, CodeIssue.issued_at > since
    )
    count, oldest = db.execute(query).one()
    return int(count), _aware(oldest, since)


Window = tuple[int, datetime | None]  # (actions in the last hour, the oldest's time)


@dataclass(frozen=True)
class StartChecks:
    """What a new registration is checked against, read in one statement."""

    terminal: Window
    ip: Window | None
    account_exists: bool
    phone_codes: Window


def start_checks(
    db: Session, terminal_id: str, ip: str | None, phone: str, email_key: str, now: datetime
) -> StartChecks:
    """The terminal's and the IP's hourly windows, whether an account holds the
    phone or email, and the codes sent to the phone in the last hour: one round
    trip instead of four (each a scalar subquery over its own index)."""
    account = exists().where(or_(Account.phone == phone, Account.email_key == email_key))
    columns = [
        *rates.window_columns(TERMINAL_SCOPE, terminal_id, now),
        *(rates.window_columns(IP_SCOPE, ip, now) if ip else ()),
        account.label("account_exists"),
        *_codes_columns(phone, hour_ago(now)),
    ]
    row = list(db.execute(select(*columns)).one())
    terminal = (int(row[0]), _aware(row[1], now))
    ip_window = (int(row[2]), _aware(row[3], now)) if ip else None
    rest = row[4:] if ip else row[2:]
    return StartChecks(
        terminal=terminal,
        ip=ip_window,
        account_exists=bool(rest[0]),
        phone_codes=(int(rest[1]), _aware(rest[2], now)),
    )


def record_code_issue(db: Session, registration: Registration, now: datetime) -> None:
    """Count a code sent to the registration's phone (written at the next flush)."""
    db.add(CodeIssue(phone=registration.phone, registration_id=registration.id, issued_at=now))


def hour_ago(now: datetime) -> datetime:
    return now - timedelta(hours=1)
