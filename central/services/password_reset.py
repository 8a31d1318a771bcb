"""Password reset by SMS code (contract v1.1: "password reset never locks the
owner out").

Asking changes nothing about the account: an active account's phone gets a
code (the code rules and the phone's one hourly budget of codes apply:
registrations', resets' and email corrections' together); an account pending
activation gets its activation email again, as in v1; a login nobody has gets
nothing. Every case does the same database work and answers the same, so
neither the answer nor its time tells whether an account exists (``request``).
The new password is set only with the right code: then every session of the
account ends, and an SMS and an email say so. Nothing here commits.
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
from central.models import PasswordReset, new_id
from central.repositories import (
    accounts,
    audit,
    messages,
    password_resets,
    rates,
    registrations,
    tokens,
)
from central.services import access
from vic_rules.password import violations

RESET_SCOPE = access.RESET_SCOPE  # requests per login text
PENDING = "pending_activation"
NO_PHONE = ""  # the recipient and code-budget key of a reset that sends no code


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
    pending one, nothing for an unknown login; the same answer in every case.

    And the same database work in every case (issue 10 item 10: neither the
    time taken nor the rows written may tell whether the login has an
    account): the same reads (the account, the login's window, a phone's code
    budget under its lock: for another login than an active account's, the
    login's own, which is empty), and the same rows: the reset, one message,
    one code-budget event, one audit event (and the login's event within its
    cap). The message is the code's SMS, or a row nobody is ever sent
    (``messages.VOID``, the purge removes it), or for a pending account a
    request to the sender to send the activation email again: that email's
    work (a new link and temporary password) is done off the request."""
    key = access.login_key(login, settings)
    account = access.find_account(db, key)
    active = account is not None and account.status == "active"
    phone = account.phone if account is not None and active else key
    registrations.lock_phone(db, phone)
    rates.serialise(db, (RESET_SCOPE, key))  # the login's cap, counted one request at a time
    count, _ = rates.window(db, RESET_SCOPE, key, now)
    within_cap = count < settings.password_resets_per_login_per_hour
    sent, _ = registrations.codes_issued_since(db, phone, registrations.hour_ago(now))
    sends_code = within_cap and active and sent < settings.codes_per_phone_per_hour
    if within_cap:
        rates.record(db, RESET_SCOPE, key, now)
    code = new_code()  # for anything but a code sent, a code nobody receives
    reset = password_resets.add(
        db,
        PasswordReset(
            id=new_id(),
            account_id=account.id if account else None,
            phone=account.phone if account else None,
            terminal_id=terminal_id,
            locale=account.locale if account else locale,
            status="code_sent",
            code_hash=hash_code(code, settings.code_key_bytes()),
            code_sent_at=now,
            code_expires_at=now + timedelta(seconds=settings.code_ttl_s),
            attempts_left=settings.code_max_attempts,
            created_at=now,
        ),
    )
    registrations.record_other_code(db, phone if sends_code else NO_PHONE, now)
    params = {"code": code, "ttl_min": max(1, settings.code_ttl_s // 60)}
    message = enqueue(db, channel="sms", to=phone if sends_code else NO_PHONE,
                      kind="password_reset_code", locale=reset.locale, params=params)  # fmt: skip
    if not sends_code:
        again = within_cap and account is not None and account.status == PENDING
        if again:
            messages.make_task(message, messages.ACTIVATION_AGAIN, reset.id)
        else:
            messages.make_void(message)
    audit.record(
        db,
        "password_reset_requested",
        now,
        account_id=account.id if account else None,
        terminal_id=terminal_id,
        detail=f"reset {reset.id}",
    )
    return view(reset, settings)


def send_activation_again(db: Session, reset_id: str, settings: Settings, now: datetime) -> None:
    """The sender's half of a pending account's reset (``request``): the
    activation email again, with a new link and temporary password, as in v1."""
    reset = password_resets.get(db, reset_id)
    account = accounts.get(db, reset.account_id) if reset and reset.account_id else None
    if reset is not None and account is not None and account.status == PENDING:
        access.reset(db, account, settings, now, reset.terminal_id)


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
    key = settings.code_key_bytes()
    if account is None or not code_matches(code.strip(), reset.code_hash, key):
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
    nobody receives); audited."""
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
    reset.code_hash = hash_code(code, settings.code_key_bytes())
    reset.code_sent_at = now
    reset.code_expires_at = now + timedelta(seconds=settings.code_ttl_s)
    reset.attempts_left = settings.code_max_attempts
    if account is not None:
        registrations.record_other_code(db, account.phone, now)
        params = {"code": code, "ttl_min": max(1, settings.code_ttl_s // 60)}
        enqueue(db, channel="sms", to=account.phone, kind="password_reset_code",
                locale=account.locale, params=params)  # fmt: skip
    audit.record(db, "password_reset_code_resent", now, account_id=reset.account_id,
                 terminal_id=reset.terminal_id, detail=f"reset {reset.id}")  # fmt: skip
    db.flush()
    return view(reset, settings)


def _check_phone_cap(db: Session, phone: str, settings: Settings, now: datetime) -> None:
    """Refuse past the phone's hourly budget of codes (registrations', resets',
    email corrections' together); under ``registrations.lock_phone``."""
    count, oldest = registrations.codes_issued_since(db, phone, registrations.hour_ago(now))
    rates.check(count, oldest, settings.codes_per_phone_per_hour, now)


def _resend_wait(reset: PasswordReset, settings: Settings, now: datetime) -> float:
    available = reset.code_sent_at + timedelta(seconds=settings.code_resend_cooldown_s)
    return (available - now).total_seconds()


def _check_live(reset: PasswordReset, settings: Settings, now: datetime) -> None:
    if reset.code_hash is None:
        raise TooManyAttempts(_resend_wait(reset, settings, now))
    if now >= reset.code_expires_at:
        raise CodeExpired()
