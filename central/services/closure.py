"""Closing a «Личный кабинет» (issue 11 §3): by the client at a terminal, with
the password asked again, or by the operator on a written request. Withdrawing
consent is the same action.

Closure is one transaction: the confirmations (an SMS and an email) are queued
first, while the contacts are still known; then the sessions end, the login
stops and the contacts are erased (``central.repositories.erasure``). The
contracts stay with the account row, detached from any login. The audit trail
records who closed it, from where, and the operator's reason.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from central.core.config import Settings
from central.core.errors import InvalidCredentials, NotFound
from central.core.security import password_matches
from central.messaging.outbox import enqueue
from central.models import Account, ClientSession
from central.repositories import accounts, audit, erasure, rates
from central.services.account import PASSWORD_CHANGE_SCOPE
from central.services.audit_trail import account_id_of

REASON_MAX_CHARS = 300


def _close(
    db: Session,
    account: Account,
    now: datetime,
    *,
    terminal_id: str | None = None,
    operator: str | None = None,
    detail: str | None = None,
) -> None:
    for channel, to in (("sms", account.phone), ("email", account.email)):
        enqueue(
            db, channel=channel, to=to, kind=f"account_closed_{channel}",  # type: ignore[arg-type]
            locale=account.locale, params={},
        )  # fmt: skip
    erasure.erase_account(db, account, now)
    audit.record(
        db, "account_closed", now, account_id=account.id, terminal_id=terminal_id,
        operator=operator, detail=detail,
    )  # fmt: skip


def close_by_client(
    db: Session, session: ClientSession, password: str, settings: Settings, now: datetime
) -> None:
    """Close the session's account when ``password`` is its password. Every try
    counts with the password changes' hourly cap (``InvalidCredentials``
    commits), so a session left open cannot be used to guess it."""
    limit = settings.password_changes_per_account_per_hour
    rates.serialise(db, (PASSWORD_CHANGE_SCOPE, session.account_id))  # a burst counts each try
    rates.enforce(db, PASSWORD_CHANGE_SCOPE, session.account_id, limit, now)
    rates.record(db, PASSWORD_CHANGE_SCOPE, session.account_id, now)
    account = accounts.get(db, session.account_id)
    if account is None or account.status == erasure.CLOSED:
        raise NotFound()
    if not password_matches(password, account.password_hash):
        raise InvalidCredentials()
    _close(db, account, now, terminal_id=session.terminal_id, detail="by the client")


def close_by_operator(
    db: Session, login: str, reason: str, operator: str, settings: Settings, now: datetime
) -> str:
    """Close the account a login or id names, on a written request; its id.
    ``NotFound`` for an unknown or already closed account."""
    account = accounts.get(db, account_id_of(db, settings, login))
    if account is None or account.status == erasure.CLOSED:
        raise NotFound()
    _close(db, account, now, operator=operator, detail=f"reason: {reason[:REASON_MAX_CHARS]}")
    return account.id
