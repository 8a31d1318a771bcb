"""Access from a terminal: log-in sessions and password resets.

Log-in answers take about the same time whether or not the account exists
(a dummy hash is verified), and every attempt counts towards a per-login
hourly cap. A reset tells nobody whether an account exists. Refusals are
``central.core.errors`` types; nothing here commits.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from central.core.config import Settings
from central.core.errors import (
    AccountNotActivated,
    InvalidCredentials,
    TemporaryPasswordExpired,
)
from central.core.security import (
    hash_token,
    new_temporary_password,
    new_token,
    verify_and_maybe_rehash,
)
from central.models import Account, ClientSession
from central.repositories import accounts, audit, rates, tokens
from central.services.account import send_temporary_password
from vic_rules.email import mask_email
from vic_rules.login import normalize_login
from vic_rules.phone import mask_phone

log = logging.getLogger("central.access")
LOGIN_SCOPE = "login"  # an unknown login, by its text
ACCOUNT_LOGIN_SCOPE = "login_account"  # an account, whichever of its logins is used
FAILED_LOGIN_SCOPE = "login_failed_terminal"  # a terminal's failed logins
RESET_SCOPE = "password_reset"


@dataclass(frozen=True)
class OpenedSession:
    """A new client session: ``token`` is shown once, only its hash is kept."""

    token: str
    password_change_required: bool
    expires_at: datetime


def mask_login(key: str) -> str:
    """A login safe for the audit trail: a masked email or phone, else its length."""
    if "@" in key:
        return mask_email(key)
    if key.startswith("+"):
        return mask_phone(key)
    return f"({len(key)} characters)"


def login_key(raw: str, settings: Settings) -> str:
    """The account look-up key of a typed login, with this central's regions."""
    return normalize_login(raw, settings.allowed_regions, settings.default_region)


def find_account(db: Session, key: str) -> Account | None:
    return accounts.by_email_key(db, key) if "@" in key else accounts.by_phone(db, key)


def activation_link(settings: Settings, token: str) -> str:
    return f"{settings.public_base_url.rstrip('/')}/activate/{token}"


def open_session(
    db: Session,
    login: str,
    password: str,
    terminal_id: str,
    settings: Settings,
    now: datetime,
) -> OpenedSession:
    """A session for the right password of an active account; ``RateLimited``
    past the account's hourly cap (its phone and email count together; an
    unknown login by its text) or the terminal's cap of failed logins,
    ``InvalidCredentials`` (which commits the counted try),
    ``TemporaryPasswordExpired``, ``AccountNotActivated``."""
    key = login_key(login, settings)
    account = find_account(db, key)
    scope, who = (ACCOUNT_LOGIN_SCOPE, account.id) if account else (LOGIN_SCOPE, key)
    failed_cap = settings.failed_logins_per_terminal_per_hour
    # held until the try is counted (after argon2): the account's cap and the
    # terminal's failures hold under a burst of parallel log-ins
    rates.serialise(db, (FAILED_LOGIN_SCOPE, terminal_id), (scope, who))
    rates.enforce_all(
        db,
        [
            (FAILED_LOGIN_SCOPE, terminal_id, failed_cap),
            (scope, who, settings.logins_per_login_per_hour),
        ],
        now,
    )
    rates.record(db, scope, who, now)
    # the same argon2 work whether or not the account exists (a stand-in hash)
    check = verify_and_maybe_rehash(password, account.password_hash if account else None)
    if account is None or not check.matches:
        rates.record(db, FAILED_LOGIN_SCOPE, terminal_id, now)
        # committed with the counted try; an unknown login only masked, as typed
        unknown = None if account else f"unknown login {mask_login(key)}"
        audit.record(
            db, "login_failed", now, account_id=account.id if account else None,
            terminal_id=terminal_id, detail=unknown,
        )  # fmt: skip
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
        terminal_id=terminal_id,
        now=now,
        expires_at=expires_at,
        password_change_only=account.password_is_temporary,
    )
    audit.record(db, "session_opened", now, account_id=account.id, terminal_id=terminal_id)
    return OpenedSession(token, account.password_is_temporary, expires_at)


def log_out(db: Session, session: ClientSession, now: datetime) -> None:
    """End ``session`` now: its token opens nothing from this moment."""
    tokens.revoke_session(db, session.token_hash, now)
    audit.record(
        db, "session_closed", now, account_id=session.account_id, terminal_id=session.terminal_id
    )


def reset(
    db: Session, account: Account, settings: Settings, now: datetime, terminal_id: str | None
) -> None:
    """End the account's sessions and email it a new temporary password (with a
    fresh activation link when it is not active yet): v1's reset, still how an
    account pending activation gets its activation email again."""
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
