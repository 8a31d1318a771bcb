"""Access from a terminal: log-in sessions and password resets.

Log-in answers take about the same time whether or not the account exists
(a dummy hash is verified), and every attempt counts towards a per-login
hourly cap. A reset always answers 202 so it tells nobody whether an account
exists.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field, StrictStr
from sqlalchemy.orm import Session

from central.core.config import Settings
from central.core.errors import (
    AccountNotActivated,
    InvalidCredentials,
    RateLimited,
    TemporaryPasswordExpired,
)
from central.core.security import (
    hash_token,
    new_temporary_password,
    new_token,
    verify_and_maybe_rehash,
)
from central.core.text import SafeLine
from central.crud import accounts, audit, rates, tokens
from central.messaging.outbox import send_temporary_password
from central.models import Account
from central.routes.deps import AppSettings, CurrentTerminal, Db, Now, TerminalIdem
from central.routes.responses import IDEMPOTENT, JSON_BODY, TERMINAL, refusals
from vic_rules.login import normalize_login

log = logging.getLogger("central.access")
router = APIRouter(prefix="/api/v1", tags=["access"])


class SessionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    login: SafeLine = Field(max_length=320)
    password: StrictStr = Field(max_length=256)


class SessionOut(BaseModel):
    token: str
    password_change_required: bool
    expires_at: datetime


class ResetIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    login: SafeLine = Field(max_length=320)


class ResetOut(BaseModel):
    status: str


def login_key(raw: str, settings: Settings) -> str:
    """The account look-up key of a typed login, with this central's regions."""
    return normalize_login(raw, settings.allowed_regions, settings.default_region)


def find_account(db: Session, key: str) -> Account | None:
    return accounts.by_email_key(db, key) if "@" in key else accounts.by_phone(db, key)


def activation_link(settings: Settings, token: str) -> str:
    return f"{settings.public_base_url.rstrip('/')}/activate/{token}"


@router.post(
    "/sessions",
    response_model=SessionOut,
    responses=refusals(
        *TERMINAL, *IDEMPOTENT, *JSON_BODY, InvalidCredentials, AccountNotActivated, RateLimited
    ),
)
def open_session(
    body: SessionIn,
    db: Db,
    terminal: CurrentTerminal,
    idem: TerminalIdem,
    settings: AppSettings,
    now: Now,
) -> Any:
    key = login_key(body.login, settings)

    def work() -> tuple[int, dict[str, Any]]:
        rates.enforce(db, "login", key, settings.logins_per_login_per_hour, now)
        rates.record(db, "login", key, now)
        account = find_account(db, key)
        check = verify_and_maybe_rehash(body.password, account.password_hash if account else None)
        if account is None or not check.matches:
            raise InvalidCredentials()
        if check.new_hash is not None:  # made at older, costlier parameters
            account.password_hash = check.new_hash
        if accounts.temporary_password_expired(account, now):
            raise TemporaryPasswordExpired()
        if account.status != "active":
            raise AccountNotActivated()
        token = new_token()
        expires_at = now + timedelta(seconds=settings.client_session_ttl_s)
        tokens.add_session(
            db,
            token_hash=hash_token(token),
            account_id=account.id,
            terminal_id=terminal.id,
            now=now,
            expires_at=expires_at,
            password_change_only=account.password_is_temporary,
        )
        audit.record(db, "session_opened", now, account_id=account.id, terminal_id=terminal.id)
        return 200, {
            "token": token,
            "password_change_required": account.password_is_temporary,
            "expires_at": expires_at.isoformat(),
        }

    return idem.run(body, work)


@router.post(
    "/password-resets",
    status_code=202,
    response_model=ResetOut,
    responses=refusals(*TERMINAL, *IDEMPOTENT, *JSON_BODY),
)
def reset_password(
    body: ResetIn,
    db: Db,
    terminal: CurrentTerminal,
    idem: TerminalIdem,
    settings: AppSettings,
    now: Now,
) -> Any:
    key = login_key(body.login, settings)

    def work() -> tuple[int, dict[str, Any]]:
        try:
            rates.enforce(
                db, "password_reset", key, settings.password_resets_per_login_per_hour, now
            )
        except RateLimited:
            return 202, {"status": "accepted"}
        rates.record(db, "password_reset", key, now)
        account = find_account(db, key)
        if account is None:  # a real reset does no hashing in the request either
            return 202, {"status": "accepted"}
        _reset(db, account, settings, now, terminal.id)
        return 202, {"status": "accepted"}

    return idem.run(body, work)


def _reset(
    db: Session, account: Account, settings: Settings, now: datetime, terminal_id: str
) -> None:
    temporary = new_temporary_password()
    valid_until = now + timedelta(seconds=settings.temporary_password_ttl_s)
    tokens.revoke_sessions(db, account.id, now)
    if account.status == "active":
        send_temporary_password(
            db,
            account,
            kind="password_reset_email",
            params={},
            temporary=temporary,
            now=now,
            valid_until=valid_until,
        )
        action = "password_reset"
    else:
        token = new_token()
        tokens.add_activation(
            db,
            account.id,
            hash_token(token),
            now,
            now + timedelta(seconds=settings.activation_ttl_s),
        )
        send_temporary_password(
            db,
            account,
            kind="activation_email",
            params={"activation_link": activation_link(settings, token)},
            temporary=temporary,
            now=now,
            valid_until=valid_until,
        )
        action = "activation_resent"
    audit.record(db, action, now, account_id=account.id, terminal_id=terminal_id)
