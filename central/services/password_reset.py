"""Password reset by SMS code (contract v1.1: "password reset never locks the
owner out").

Asking changes nothing about the account: an active account's phone gets a
code (the code rules and the per-phone hourly cap apply; the cap counts the
phone's registration codes and reset codes together); an account pending
activation gets its activation email again, as in v1; a login nobody has gets
nothing. Every case writes a reset row with a code's hash and answers the same
shape, so the answer tells nobody whether an account exists. The new password
is set only with the right code: then every session of the account ends, and
an SMS and an email say so. Nothing here commits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from central.core.config import Settings
from central.core.errors import (
    CodeExpired,
    InvalidCode,
    NotFound,
    RateLimited,
    TooManyAttempts,
    WeakPassword,
)
from central.core.security import code_matches, hash_code, hash_password, new_code
from central.messaging.outbox import enqueue
from central.models import Account, PasswordReset, new_id
from central.repositories import accounts, audit, password_resets, rates, registrations, tokens
from central.services import access
from vic_rules.password import violations

RESET_SCOPE = access.RESET_SCOPE  # requests per login text
RESET_CODE_SCOPE = "reset_code"  # reset codes sent per phone


@dataclass(frozen=True)
class ResetView:
    id: str
    code_expires_at: datetime
    resend_available_at: datetime
    attempts_left: int


def view(reset: PasswordReset, settings: Settings) -> ResetView:
    return ResetView(
        id=reset.id,
        code_expires_at=reset.code_expires_at,
        resend_available_at=reset.code_sent_at + timedelta(seconds=settings.code_resend_cooldown_s),
        attempts_left=reset.attempts_left if reset.code_hash else 0,
    )


def request(
    db: Session, login: str, terminal_id: str, locale: str, settings: Settings, now: datetime
) -> ResetView:
    """A reset for ``login``: a code by SMS for an active account (within the
    login's and the phone's hourly caps), the activation email again for a
    pending one, nothing for an unknown login; the same answer in every case."""
    key = access.login_key(login, settings)
    account = access.find_account(db, key)
    count, _ = rates.window(db, RESET_SCOPE, key, now)
    within_cap = count < settings.password_resets_per_login_per_hour
    if within_cap:
        rates.record(db, RESET_SCOPE, key, now)
    code = new_code()  # for a login nobody has, a code nobody receives
    reset = password_resets.add(
        db,
        PasswordReset(
            id=new_id(),
            account_id=account.id if account else None,
            phone=account.phone if account else None,
            terminal_id=terminal_id,
            locale=account.locale if account else locale,
            status="code_sent",
            code_hash=hash_code(code),
            code_sent_at=now,
            code_expires_at=now + timedelta(seconds=settings.code_ttl_s),
            attempts_left=settings.code_max_attempts,
            created_at=now,
        ),
    )
    if account is not None and within_cap:
        if account.status == "active":
            _send_code(db, account, code, settings, now, refuse=False)
        else:
            access.reset(db, account, settings, now, terminal_id)  # v1: the activation email
    audit.record(
        db,
        "password_reset_requested",
        now,
        account_id=account.id if account else None,
        terminal_id=terminal_id,
        detail=f"reset {reset.id}",
    )
    return view(reset, settings)


def own(db: Session, reset_id: str, terminal_id: str) -> PasswordReset:
    found = password_resets.get(db, reset_id)
    if found is None or found.terminal_id != terminal_id or found.status != "code_sent":
        raise NotFound()
    return found


def confirm(
    db: Session, reset: PasswordReset, code: str, new_password: str, settings: Settings,
    now: datetime,
) -> None:  # fmt: skip
    """Set ``new_password`` with the right code; end every session of the
    account; SMS and email notices. A weak password spends nothing."""
    _check_live(reset, settings, now)
    found = violations(new_password)
    if found:
        raise WeakPassword(found)
    left = password_resets.spend_attempt(db, reset.id)
    db.refresh(reset)
    if left is None:
        _check_live(reset, settings, now)
        raise TooManyAttempts(_resend_wait(reset, settings, now))
    assert reset.code_hash is not None
    account = accounts.get(db, reset.account_id) if reset.account_id else None
    if account is None or not code_matches(code.strip(), reset.code_hash):
        if left <= 0:
            reset.code_hash = None
            db.flush()
            raise TooManyAttempts(_resend_wait(reset, settings, now))
        raise InvalidCode(attempts_left=left)
    accounts.set_password(db, account, hash_password(new_password), now=now)
    tokens.revoke_sessions(db, account.id, now)
    reset.status, reset.code_hash, reset.done_at = "done", None, now
    enqueue(db, channel="sms", to=account.phone, kind="password_changed_sms",
            locale=account.locale, params={})  # fmt: skip
    enqueue(db, channel="email", to=account.email, kind="password_changed_email",
            locale=account.locale, params={})  # fmt: skip
    audit.record(db, "password_reset_done", now, account_id=account.id,
                 terminal_id=reset.terminal_id, detail=f"reset {reset.id}")  # fmt: skip
    db.flush()


def resend(db: Session, reset: PasswordReset, settings: Settings, now: datetime) -> ResetView:
    """A fresh code after the cool-down (for a login nobody has, a fresh code
    nobody receives)."""
    wait_s = _resend_wait(reset, settings, now)
    if wait_s > 0:
        raise RateLimited(wait_s)
    account = accounts.get(db, reset.account_id) if reset.account_id else None
    code = new_code()
    if account is not None:
        registrations.lock_phone(db, account.phone)
        _check_phone_cap(db, account.phone, settings, now)
    available = now - timedelta(seconds=settings.code_resend_cooldown_s)
    if not password_resets.take_resend(db, reset.id, available, now):
        db.refresh(reset)
        raise RateLimited(_resend_wait(reset, settings, now))
    reset.code_hash = hash_code(code)
    reset.code_sent_at = now
    reset.code_expires_at = now + timedelta(seconds=settings.code_ttl_s)
    reset.attempts_left = settings.code_max_attempts
    if account is not None:
        _send_code(db, account, code, settings, now, refuse=True)
    db.flush()
    return view(reset, settings)


def _send_code(
    db: Session, account: Account, code: str, settings: Settings, now: datetime, *, refuse: bool
) -> None:
    """The code by SMS, within the phone's hourly cap: past it, ``refuse`` raises
    ``RateLimited`` (a resend), else nothing is sent (a request looks the same)."""
    registrations.lock_phone(db, account.phone)
    try:
        _check_phone_cap(db, account.phone, settings, now)
    except RateLimited:
        if refuse:
            raise
        return
    rates.record(db, RESET_CODE_SCOPE, account.phone, now)
    params = {"code": code, "ttl_min": max(1, settings.code_ttl_s // 60)}
    enqueue(db, channel="sms", to=account.phone, kind="password_reset_code",
            locale=account.locale, params=params)  # fmt: skip


def _check_phone_cap(db: Session, phone: str, settings: Settings, now: datetime) -> None:
    since = registrations.hour_ago(now)
    reg_count, reg_oldest = registrations.codes_issued_since(db, phone, since)
    reset_count, reset_oldest = rates.window(db, RESET_CODE_SCOPE, phone, now)
    oldest = min((t for t in (reg_oldest, reset_oldest) if t is not None), default=None)
    rates.check(reg_count + reset_count, oldest, settings.codes_per_phone_per_hour, now)


def _resend_wait(reset: PasswordReset, settings: Settings, now: datetime) -> float:
    available = reset.code_sent_at + timedelta(seconds=settings.code_resend_cooldown_s)
    return (available - now).total_seconds()


def _check_live(reset: PasswordReset, settings: Settings, now: datetime) -> None:
    if reset.code_hash is None:
        raise TooManyAttempts(_resend_wait(reset, settings, now))
    if now >= reset.code_expires_at:
        raise CodeExpired()
