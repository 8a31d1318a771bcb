"""The client's own account: password change and the list of contracts.
Refusals are ``central.core.errors`` types; nothing here commits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from sqlalchemy.orm import Session

from central.core.config import Settings
from central.core.errors import InvalidCredentials, NotFound, WeakPassword
from central.core.security import hash_password, password_matches
from central.messaging.outbox import enqueue
from central.models import ClientSession, Contract
from central.repositories import accounts, audit, contracts, rates, tokens
from vic_rules.password import violations

PASSWORD_CHANGE_SCOPE = "password_change"
ContractStatus = Literal["active", "expired", "terminated"]


@dataclass(frozen=True)
class ContractView:
    number: str
    product: str
    status: ContractStatus
    starts_on: date
    ends_on: date
    premium_amount: Decimal
    currency: str


def change_password(
    db: Session,
    session: ClientSession,
    current: str,
    new: str,
    settings: Settings,
    now: datetime,
) -> None:
    """Set ``new`` when ``current`` is right and ``new`` meets the policy; end the
    account's other sessions; email a notice. Every try counts against
    ``password_changes_per_account_per_hour``, so a session token in the wrong
    hands cannot guess the current password (``InvalidCredentials`` commits)."""
    limit = settings.password_changes_per_account_per_hour
    rates.enforce(db, PASSWORD_CHANGE_SCOPE, session.account_id, limit, now)
    rates.record(db, PASSWORD_CHANGE_SCOPE, session.account_id, now)
    account = accounts.get(db, session.account_id)
    if account is None:
        raise NotFound()
    if not password_matches(current, account.password_hash):
        raise InvalidCredentials()
    found = violations(new, current)
    if found:
        raise WeakPassword(found)
    accounts.set_password(db, account, hash_password(new), now=now)
    tokens.revoke_sessions(db, account.id, now, keep=session.token_hash)
    session.password_change_only = False
    enqueue(
        db,
        channel="email",
        to=account.email,
        kind="password_changed_email",
        locale=account.locale,
        params={},
    )
    audit.record(
        db, "password_changed", now, account_id=account.id, terminal_id=session.terminal_id
    )
    db.flush()


def contract_status(contract: Contract, today: date) -> ContractStatus:
    if contract.terminated:
        return "terminated"
    return "expired" if contract.ends_on < today else "active"


def contracts_of(
    db: Session, account_id: str, now: datetime, terminal_id: str | None = None
) -> list[ContractView]:
    """The account's contracts, active ones first; the read is in the audit
    trail (a breach question asks whose contracts a terminal showed)."""
    today = now.date()
    found = [
        ContractView(
            number=c.number,
            product=c.product,
            status=contract_status(c, today),
            starts_on=c.starts_on,
            ends_on=c.ends_on,
            premium_amount=c.premium_amount,
            currency=c.currency,
        )
        for c in contracts.for_account(db, account_id)
    ]
    found.sort(key=lambda item: item.status != "active")
    audit.record(
        db, "contracts_read", now, account_id=account_id, terminal_id=terminal_id,
        detail=f"{len(found)} contracts",
    )  # fmt: skip
    return found
