"""A client's insurance contracts (listed for the client, added by the policy import)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.models import Contract


def for_account(db: Session, account_id: str) -> Sequence[Contract]:
    query = select(Contract).where(Contract.account_id == account_id)
    return db.scalars(query.order_by(Contract.starts_on.desc(), Contract.number)).all()


def contract_by_number(db: Session, number: str) -> Contract | None:
    return db.scalars(select(Contract).where(Contract.number == number)).first()


def contract_numbers_of(db: Session, account_id: str) -> Sequence[str]:
    query = select(Contract.number).where(Contract.account_id == account_id)
    return db.scalars(query.order_by(Contract.number)).all()


def add(
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
