"""The client's own account: password change, the list of contracts, and the
temporary password an email carries (the account waits for it; the outbox queues it).
Refusals are ``central.core.errors`` types; nothing here commits."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from sqlalchemy.orm import Session

from central.core.config import Settings
from central.core.errors import InvalidCredentials, NotFound, WeakPassword
from central.core.security import hash_password, password_matches
from central.messaging.outbox import enqueue
from central.models import Account, ClientSession, Contract, Message
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


def send_temporary_password(
    session: Session,
    account: Account,
    *,
    kind: str,
    params: Mapping[str, object],
    temporary: str,
    now: datetime,
    valid_until: datetime,
) -> Message:
    """Queue the email ``kind`` carrying ``temporary`` and make that the existing
    account's (temporary) password when the email goes (a reset). The account's
    state changes here, in the service that owns accounts; the outbox only queues.

    argon2 is costly (docs/performance.md §8), so the request that makes a temporary password
    does not hash it: the sender does, just before it delivers this email (see
    ``central.messaging.sender``). Until then the account has no password (any
    earlier one stops working now, as a reset must) and only this email may set
    it: a later one supersedes it. Nobody can know the password before the email
    is delivered, so nobody waits for the hash. A new account is created waiting
    for its email (``password_message_id``), which ``enqueue`` then queues with
    ``password`` and that ``message_id``."""
    message = enqueue(
        session,
        channel="email",
        to=account.email,
        kind=kind,
        locale=account.locale,
        params={**params, "temporary_password": temporary},
        password=temporary,
    )
    accounts.expect_password(account, message.id, now=now, temporary_until=valid_until)
    return message


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
    rates.serialise(db, (PASSWORD_CHANGE_SCOPE, session.account_id))  # a burst counts each try
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
