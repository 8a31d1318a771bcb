"""A subject-access answer (Law 94-V): everything the central holds about one
person, by their login or account id, for ``python -m central accounts show``.

It shows the person's own contacts unmasked (it is their answer, printed for
the operator who checked their identity) and counts what is kept elsewhere:
registrations, sessions, messages, audit events.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from central.core.config import Settings
from central.core.errors import NotFound
from central.repositories import accounts, contracts, erasure
from central.repositories import claims as claim_repo
from central.services.account import contract_status
from central.services.audit_trail import account_id_of


@dataclass(frozen=True, slots=True)
class ContractLine:
    number: str
    product: str
    status: str
    starts_on: str
    ends_on: str


@dataclass(frozen=True, slots=True)
class ClaimLine:
    number: str
    kind: str
    status: str
    created_at: str


@dataclass(frozen=True, slots=True)
class SubjectView:
    account_id: str
    status: str
    source: str
    phone: str | None  # None once closed (erased)
    email: str | None
    full_name: str | None
    locale: str
    created_at: str
    activated_at: str | None
    contracts: list[ContractLine]
    claims: list[ClaimLine]
    other_rows: dict[str, int]


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def describe(db: Session, settings: Settings, login: str, now: datetime) -> SubjectView:
    """``NotFound`` when no account has that login or id."""
    account = accounts.get(db, account_id_of(db, settings, login))
    if account is None:
        raise NotFound()
    closed = account.status == erasure.CLOSED
    return SubjectView(
        account_id=account.id,
        status=account.status,
        source=account.source,
        phone=None if closed else account.phone,
        email=None if closed else account.email,
        full_name=account.full_name,
        locale=account.locale,
        created_at=account.created_at.isoformat(),
        activated_at=_iso(account.activated_at),
        contracts=[
            ContractLine(
                c.number,
                c.product,
                contract_status(c, now.date()),
                c.starts_on.isoformat(),
                c.ends_on.isoformat(),
            )
            for c in contracts.for_account(db, account.id)
        ],
        claims=[
            ClaimLine(c.number, c.kind, c.status, c.created_at.isoformat())
            for c in claim_repo.of_account(db, account.id)
        ],
        other_rows=erasure.held_about(db, account),
    )
