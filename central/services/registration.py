"""Registration of a «Личный кабинет»: start, confirm, resend, look at.

The procedure and its rules (code lifetime, attempt cap, resend cool-down,
hourly caps) read ``Settings``; messages are queued in the same transaction as
the change, so an SMS exists exactly when its registration does. Every refusal
is a ``central.core.errors`` type; nothing here commits (the caller's unit of
work does).

Limits hold under parallel requests: a code's attempt is taken by one
conditional UPDATE before the code is judged, a resend by one conditional
UPDATE of its send time, and the per-phone cap is counted under the phone's
lock (``registrations.lock_phone``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from sqlalchemy.orm import Session

from central.core.clock import captured_at_problem
from central.core.config import Settings
from central.core.errors import (
    AccountExists,
    AccountExistsNotified,
    AlreadyConfirmed,
    CodeExpired,
    InvalidCode,
    NotFound,
    RateLimited,
    TooManyAttempts,
    ValidationFailed,
)
from central.core.security import (
    code_matches,
    hash_code,
    hash_token,
    new_code,
    new_temporary_password,
    new_token,
)
from central.messaging.outbox import enqueue, message_row
from central.models import Registration, new_id
from central.repositories import (
    accounts,
    audit,
    erasure,
    new_registration,
    rates,
    registrations,
    stale_accounts,
    tokens,
)
from central.repositories.new_registration import NewRegistration, RegistrationRow
from vic_rules.codes import FieldCode
from vic_rules.consent import CONSENT_TEXT_VERSION
from vic_rules.email import EmailProblem, email_with_key
from vic_rules.phone import PhoneProblem, mask_phone, normalize_phone

log = logging.getLogger("central.registrations")

Status = Literal["code_sent", "confirmed", "expired"]


@dataclass(frozen=True)
class RegistrationView:
    """The contract's registration object."""

    id: str
    status: Status
    phone_masked: str
    code_expires_at: datetime
    resend_available_at: datetime
    attempts_left: int


@dataclass(frozen=True)
class Contacts:
    email: str
    email_key: str
    phone: str


@dataclass(frozen=True)
class NewRequest:
    """A registration as a terminal sends it, contacts already checked."""

    contacts: Contacts
    locale: str
    operator: str | None
    captured_at: datetime | None
    terminal_id: str
    client_ip: str | None


@dataclass(frozen=True)
class Planned:
    """A new registration decided before any statement: its answer is known, so
    the idempotency claim stores it with the key (one INSERT)."""

    request: NewRequest
    view: RegistrationView
    code_fields: dict[str, Any]
    sms_params: dict[str, Any]
    now: datetime


def view(reg: Registration, settings: Settings, now: datetime) -> RegistrationView:
    """``reg`` as the contract shows it; "expired" when the code can no longer
    be used (timed out or burnt) and a resend is needed."""
    status: Status
    if reg.status == "confirmed":
        status = "confirmed"
    elif reg.code_hash is None or now >= reg.code_expires_at:
        status = "expired"
    else:
        status = "code_sent"
    return RegistrationView(
        id=reg.id,
        status=status,
        phone_masked=mask_phone(reg.phone),
        code_expires_at=reg.code_expires_at,
        resend_available_at=_resend_at(reg.code_sent_at, settings),
        attempts_left=reg.attempts_left if reg.code_hash else 0,
    )


def check_contacts(
    email: str,
    phone: str,
    consent: bool,
    settings: Settings,
    *,
    captured_at: datetime | None = None,
    now: datetime | None = None,
) -> Contacts:
    """The normalised contacts, or ``ValidationFailed`` naming every bad field
    (``captured_at`` too, outside now - 30 days .. now + 5 minutes: contract v1.1)."""
    fields: dict[str, list[str]] = {}
    if now is not None and (problem := captured_at_problem(captured_at, now)):
        fields["captured_at"] = [problem]
    email_norm = email_key = phone_norm = ""
    try:
        email_norm, email_key = email_with_key(email)
    except EmailProblem as err:
        fields["email"] = [err.code]
    try:
        phone_norm = normalize_phone(phone, settings.allowed_regions, settings.default_region)
    except PhoneProblem as err:
        fields["phone"] = [err.code]
    if not consent:
        fields["consent"] = [FieldCode.CONSENT_REQUIRED]
    if fields:
        raise ValidationFailed(fields)
    return Contacts(email_norm, email_key, phone_norm)


def plan(request: NewRequest, settings: Settings, now: datetime) -> Planned:
    """A new registration's id, code and answer, chosen without the database."""
    reg_id = new_id()
    code_fields, sms_params = _fresh_code(reg_id, request.captured_at, settings, now)
    answer = RegistrationView(
        id=reg_id,
        status="code_sent",
        phone_masked=mask_phone(request.contacts.phone),
        code_expires_at=code_fields["code_expires_at"],
        resend_available_at=now + timedelta(seconds=settings.code_resend_cooldown_s),
        attempts_left=code_fields["attempts_left"],
    )
    return Planned(request, answer, code_fields, sms_params, now)


def _tell_existing_client(db: Session, phone: str, email: str, locale: str) -> None:
    """A registration captured offline and delivered after the client left found
    an account: the screen had promised an SMS, so the client is told by SMS and
    email that they have a «Личный кабинет», how to log in and how to reset.
    Online, the client reads the same at the terminal and nothing is sent."""
    enqueue(db, channel="sms", to=phone, kind="account_exists_sms", locale=locale, params={})
    enqueue(db, channel="email", to=email, kind="account_exists_email", locale=locale, params={})
    log.info("late registration for an existing account: %s told", mask_phone(phone))


def start(db: Session, planned: Planned, settings: Settings) -> RegistrationView:
    """Write the planned registration and queue its code SMS, unless a cap
    (terminal, IP, phone) or an existing account refuses it."""
    req, now, reg_id = planned.request, planned.now, planned.view.id
    phone, email_key = req.contacts.phone, req.contacts.email_key
    registrations.lock_phone(db, phone)  # the phone's cap: one request at a time
    terminal = (req.terminal_id, settings.registrations_per_terminal_per_hour)
    ip = (req.client_ip, settings.registrations_per_ip_per_hour) if req.client_ip else None
    found = registrations.start_checks(db, terminal, ip, phone, email_key, now)
    rates.check(*found.terminal, settings.registrations_per_terminal_per_hour, now)
    if found.ip is not None:
        rates.check(*found.ip, settings.registrations_per_ip_per_hour, now)
    if found.account_exists and not stale_accounts.only_stale_hold(
        db, phone, email_key, now, settings.activation_ttl_s
    ):
        if req.captured_at is not None:
            _tell_existing_client(db, phone, req.contacts.email, req.locale)
            raise AccountExistsNotified()
        raise AccountExists()
    _check_phone_cap(*found.phone_codes, settings, now)
    events = [(registrations.TERMINAL_SCOPE, req.terminal_id)]
    if req.client_ip:
        events.append((registrations.IP_SCOPE, req.client_ip))
    sms = message_row(
        channel="sms",
        to=phone,
        kind="registration_code",
        locale=req.locale,
        params=planned.sms_params,
    )
    code = planned.code_fields
    row = RegistrationRow(
        id=reg_id,
        email=req.contacts.email,
        email_key=email_key,
        phone=phone,
        locale=req.locale,
        consent_at=now,
        consent_text_version=CONSENT_TEXT_VERSION,
        operator=req.operator,
        terminal_id=req.terminal_id,
        client_ip=req.client_ip,
        captured_at=req.captured_at,
        created_at=now,
        status="code_sent",
        code_hash=code["code_hash"],
        code_sent_at=code["code_sent_at"],
        code_expires_at=code["code_expires_at"],
        attempts_left=code["attempts_left"],
        link_token_hash=code.get("link_token_hash"),
    )
    new = NewRegistration(
        registration=row,
        rate_events=tuple(events),
        message_id=new_id(),
        message=sms,
        audit=audit.row(
            "registration_started",
            now,
            terminal_id=req.terminal_id,
            operator=req.operator,
            detail=f"registration {reg_id}",
        ),
    )
    new_registration.write(db, new)
    _recheck_windows(db, terminal, ip, now)
    log.info("registration %s started for %s", reg_id, planned.view.phone_masked)
    return planned.view


def _recheck_windows(
    db: Session, terminal: tuple[str, int], ip: tuple[str, int] | None, now: datetime
) -> None:
    """On PostgreSQL, the terminal's and the IP's caps decided again, under their
    lock and with this registration's own events written (counted one past each
    limit, so "one too many" is told from "exactly the limit"): the first
    reading, without the lock, cannot see requests not yet committed, so a burst
    could all read "below the cap". SQLite needs nothing: its one write lock
    made the first reading exact. Raises ``RateLimited``; the transaction then
    rolls back, rows and all."""
    if db.get_bind().dialect.name != "postgresql":
        return
    registrations.lock_windows(db, terminal[0], ip[0] if ip else None)
    by_terminal, by_ip = registrations.windows(
        db, (terminal[0], terminal[1] + 1), (ip[0], ip[1] + 1) if ip else None, now
    )
    rates.check(by_terminal[0] - 1, by_terminal[1], terminal[1], now)
    if ip is not None and by_ip is not None:
        rates.check(by_ip[0] - 1, by_ip[1], ip[1], now)


def own(db: Session, registration_id: str, terminal_id: str, *, lock: bool) -> Registration:
    """The terminal's own registration (``lock``: row-locked on PostgreSQL), else
    ``NotFound``: another terminal's id tells nothing."""
    found = (registrations.get_for_update if lock else registrations.get)(db, registration_id)
    if found is None or found.terminal_id != terminal_id:
        raise NotFound()
    return found


def resend(db: Session, reg: Registration, settings: Settings, now: datetime) -> RegistrationView:
    """A fresh code by SMS after the cool-down, within the phone's hourly cap."""
    if reg.status == "confirmed":
        raise AlreadyConfirmed()
    wait_s = _resend_wait(reg, settings, now)
    if wait_s > 0:
        raise RateLimited(wait_s)
    registrations.lock_phone(db, reg.phone)
    if accounts.exists_with(db, reg.phone, reg.email_key) and not stale_accounts.only_stale_hold(
        db, reg.phone, reg.email_key, now, settings.activation_ttl_s
    ):
        raise AccountExists()
    count, oldest = registrations.codes_issued_since(db, reg.phone, registrations.hour_ago(now))
    _check_phone_cap(count, oldest, settings, now)
    # one of any number of parallel resends takes it; the others wait the cool-down
    available = now - timedelta(seconds=settings.code_resend_cooldown_s)
    if not registrations.take_resend(db, reg.id, available, now):
        db.refresh(reg)
        if reg.status == "confirmed":
            raise AlreadyConfirmed()
        raise RateLimited(_resend_wait(reg, settings, now))
    fields, params = _fresh_code(reg.id, reg.captured_at, settings, now)
    for name, value in fields.items():
        setattr(reg, name, value)
    registrations.save(db, reg)
    registrations.record_code_issue(db, reg.phone, reg.id, now)
    enqueue(
        db, channel="sms", to=reg.phone, kind="registration_code", locale=reg.locale, params=params
    )
    audit.record(
        db, "registration_code_resent", now, terminal_id=reg.terminal_id, operator=reg.operator,
        detail=f"registration {reg.id}",
    )  # fmt: skip
    return view(reg, settings, now)


def confirm(db: Session, reg: Registration, code: str, settings: Settings, now: datetime) -> None:
    """Spend one attempt of ``reg``'s code; on the right code create the pending
    account, its activation token, and queue the SMS notice and the email with
    the temporary password (hashed by the sender when it goes: no argon2 here).

    The attempt is taken by one conditional UPDATE before the code is judged,
    and the code judged on the row as that UPDATE left it (locked): however
    many guesses arrive at once, at most ``code_max_attempts`` are judged. A
    wrong code's ``InvalidCode`` / ``TooManyAttempts`` commit the spent attempt."""
    _check_live(reg, settings, now)
    left = registrations.spend_attempt(db, reg.id)
    db.refresh(reg)  # as the UPDATE left it (or as a parallel request did)
    if left is None:
        _check_live(reg, settings, now)
        raise TooManyAttempts(_resend_wait(reg, settings, now))
    assert reg.code_hash is not None  # spend_attempt takes only a live code's attempt
    if not code_matches(code.strip(), reg.code_hash, settings.code_key_bytes()):
        if left <= 0:
            reg.code_hash = None
            db.flush()
            raise TooManyAttempts(_resend_wait(reg, settings, now))
        raise InvalidCode(attempts_left=left)
    _create_account(db, reg, settings, now)


REPLACED = "replaced"  # a stale account's status once a new registration took its place


def _replace_stale(db: Session, reg: Registration, settings: Settings, now: datetime) -> None:
    """Retire the stale accounts (``repositories.stale_accounts``) holding the
    registration's phone or email: the right code proved the phone again.
    Anything else holding them stays and refuses the new account."""
    if not stale_accounts.only_stale_hold(
        db, reg.phone, reg.email_key, now, settings.activation_ttl_s
    ):
        return
    for old in stale_accounts.holding(db, reg.phone, reg.email_key):
        erasure.erase_account(db, old, now, status=REPLACED, keep_registration=reg.id)
        audit.record(
            db, "stale_account_replaced", now, account_id=old.id, terminal_id=reg.terminal_id,
            operator=reg.operator, detail=f"by registration {reg.id}",
        )  # fmt: skip
    db.flush()


def _create_account(db: Session, reg: Registration, settings: Settings, now: datetime) -> None:
    # a stale account made by a typo gives its place; an account that took the
    # phone or email since: refused by its unique keys
    _replace_stale(db, reg, settings, now)
    temporary_until = now + timedelta(seconds=settings.temporary_password_ttl_s)
    email_id = new_id()
    account = accounts.create(
        db,
        email=reg.email,
        email_key=reg.email_key,
        phone=reg.phone,
        locale=reg.locale,
        password_message_id=email_id,
        now=now,
        temporary_until=temporary_until,
    )
    token = new_token()
    tokens.add_activation(
        db, account.id, hash_token(token), now, now + timedelta(seconds=settings.activation_ttl_s)
    )
    reg.status = "confirmed"
    reg.confirmed_at = now
    reg.account_id = account.id
    reg.code_hash = None  # the link's token stays: reopened, its page says "done"
    link = f"{settings.public_base_url.rstrip('/')}/activate/{token}"
    enqueue(
        db,
        channel="sms",
        to=account.phone,
        kind="account_created_sms",
        locale=account.locale,
        params={},
    )
    temporary = new_temporary_password()
    enqueue(
        db,
        channel="email",
        to=account.email,
        kind="account_created_email",
        locale=account.locale,
        params={"activation_link": link, "temporary_password": temporary},
        password=temporary,  # the account waits for this email (password_message_id)
        message_id=email_id,
    )
    audit.record(
        db,
        "account_created",
        now,
        account_id=account.id,
        terminal_id=reg.terminal_id,
        operator=reg.operator,
        detail=f"registration {reg.id}",
    )
    db.flush()
    log.info("registration %s confirmed for %s", reg.id, mask_phone(reg.phone))


def _resend_at(code_sent_at: datetime, settings: Settings) -> datetime:
    return code_sent_at + timedelta(seconds=settings.code_resend_cooldown_s)


def _resend_wait(reg: Registration, settings: Settings, now: datetime) -> float:
    return (_resend_at(reg.code_sent_at, settings) - now).total_seconds()


def _check_live(reg: Registration, settings: Settings, now: datetime) -> None:
    """Refuse a confirmation of a confirmed registration or of a dead code."""
    if reg.status == "confirmed":
        raise AlreadyConfirmed()
    if reg.code_hash is None:
        raise TooManyAttempts(_resend_wait(reg, settings, now))
    if now >= reg.code_expires_at:
        raise CodeExpired()


def _check_phone_cap(
    count: int, oldest: datetime | None, settings: Settings, now: datetime
) -> None:
    if count >= settings.codes_per_phone_per_hour:
        wait = ((oldest or now) + timedelta(hours=1) - now).total_seconds()
        raise RateLimited(wait)


def _fresh_code(
    registration_id: str, captured_at: datetime | None, settings: Settings, now: datetime
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The columns of a fresh code (and, for a late registration, a fresh page
    link), and the params of its SMS: the code itself is only in the SMS."""
    code = new_code()
    fields: dict[str, Any] = {
        "code_hash": hash_code(code, settings.code_key_bytes()),
        "code_sent_at": now,
        "code_expires_at": now + timedelta(seconds=settings.code_ttl_s),
        "attempts_left": settings.code_max_attempts,
    }
    link = None
    if captured_at is not None:
        link_token = new_token()
        fields["link_token_hash"] = hash_token(link_token)
        link = f"{settings.public_base_url.rstrip('/')}/r/{registration_id}?t={link_token}"
    params = {"code": code, "ttl_min": max(1, settings.code_ttl_s // 60), "link": link}
    return fields, params
