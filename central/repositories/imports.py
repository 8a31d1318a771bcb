"""Queries of the policy import: accounts by phone or email key, contracts by number."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.models import Account, Contract


def contract_by_number(db: Session, number: str) -> Contract | None:
    return db.scalars(select(Contract).where(Contract.number == number)).first()


def contract_numbers_of(db: Session, account_id: str) -> Sequence[str]:
    query = select(Contract.number).where(Contract.account_id == account_id)
    return db.scalars(query.order_by(Contract.number)).all()


def create_online_account(
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


def add_contract(
    db: Session,
    *,
    account_id: str,
    number: str,
    product: str,
    starts_on: date,
    ends_on: date,
    premium: Decimal,
    currency: str,
) -> Contract:
    contract = Contract(
        account_id=account_id,
        number=number,
        product=product,
        starts_on=starts_on,
        ends_on=ends_on,
        premium_amount=premium,
        currency=currency,
        terminated=False,
    )
    db.add(contract)
    db.flush()
    return contract
