"""A client's insurance contracts."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.models import Contract


def for_account(db: Session, account_id: str) -> Sequence[Contract]:
    query = select(Contract).where(Contract.account_id == account_id)
    return db.scalars(query.order_by(Contract.starts_on.desc(), Contract.number)).all()
