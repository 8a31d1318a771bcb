"""Registrations and the confirmation codes issued for them."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from central.models import CodeIssue, Registration


def add(db: Session, registration: Registration) -> Registration:
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


def codes_issued_since(db: Session, phone: str, since: datetime) -> tuple[int, datetime | None]:
    """How many codes went to ``phone`` since ``since``, and when the oldest did."""
    query = select(func.count(), func.min(CodeIssue.issued_at)).where(
        CodeIssue.phone == phone, CodeIssue.issued_at > since
    )
    count, oldest = db.execute(query).one()
    if isinstance(oldest, datetime) and oldest.tzinfo is None:
        oldest = oldest.replace(tzinfo=since.tzinfo)
    return int(count), oldest if isinstance(oldest, datetime) else None


def record_code_issue(db: Session, registration: Registration, now: datetime) -> None:
    db.add(CodeIssue(phone=registration.phone, registration_id=registration.id, issued_at=now))
    db.flush()


def hour_ago(now: datetime) -> datetime:
    return now - timedelta(hours=1)
