"""Registration of a «Личный кабинет» from a terminal: start, confirm, resend, status.

The rules (code lifetime, attempt cap, resend cool-down, hourly caps) read
``Settings``; messages are queued in the same transaction as the change, so an
SMS exists exactly when its registration does.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any, Literal

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field, StrictBool
from sqlalchemy.orm import Session

from central.core.clock import UtcDatetime, captured_at_problem
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
from central.core.text import SafeLine
from central.crud import accounts, audit, new_registration, rates, registrations, tokens
from central.crud.new_registration import NewRegistration
from central.messaging.outbox import enqueue, message_row
from central.models import Registration, new_id
from central.routes.deps import (
    AppSettings,
    ClientIp,
    CurrentTerminal,
    Db,
    Lang,
    Now,
    TerminalIdem,
)
from central.routes.responses import IDEMPOTENT, JSON_BODY, TERMINAL, refusals
from vic_rules.codes import FieldCode
from vic_rules.email import EmailProblem, email_with_key
from vic_rules.phone import PhoneProblem, mask_phone, normalize_phone

log = logging.getLogger("central.registrations")
router = APIRouter(prefix="/api/v1/registrations", tags=["registration"])

CONSENT_TEXT_VERSION = "2024-01"
MAX_CLOCK_SKEW_S = 3600


class RegistrationIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: SafeLine = Field(max_length=1000)
    phone: SafeLine = Field(max_length=100)
    consent: StrictBool = False
    locale: Literal["ru", "kk", "en"] | None = None
    operator: SafeLine | None = Field(default=None, max_length=64)
    captured_at: UtcDatetime | None = None


class ConfirmIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: SafeLine = Field(max_length=32)


class RegistrationOut(BaseModel):
    id: str
    status: Literal["code_sent", "confirmed", "expired"]
    phone_masked: str
    code_expires_at: datetime
    resend_available_at: datetime
    attempts_left: int


class ConfirmedOut(BaseModel):
    id: str
    status: Literal["confirmed"]


def view(reg: Registration, settings: Settings, now: datetime) -> dict[str, Any]:
    """The contract's registration object; "expired" when the code can no longer
    be used (timed out or burnt) and a resend is needed."""
    if reg.status == "confirmed":
        status = "confirmed"
    elif reg.code_hash is None or now >= reg.code_expires_at:
        status = "expired"
    else:
        status = "code_sent"
    resend_at = reg.code_sent_at + timedelta(seconds=settings.code_resend_cooldown_s)
    return {
        "id": reg.id,
        "status": status,
        "phone_masked": mask_phone(reg.phone),
        "code_expires_at": reg.code_expires_at.isoformat(),
        "resend_available_at": resend_at.isoformat(),
        "attempts_left": reg.attempts_left if reg.code_hash else 0,
    }


def _check_contacts(
    body: RegistrationIn, settings: Settings, now: datetime
) -> tuple[str, str, str]:
    fields: dict[str, list[str]] = {}
    if problem := captured_at_problem(body.captured_at, now):
        fields["captured_at"] = [problem]
    email = email_key = phone = ""
    try:
        email, email_key = email_with_key(body.email)
    except EmailProblem as err:
        fields["email"] = [err.code]
    try:
        phone = normalize_phone(body.phone, settings.allowed_regions, settings.default_region)
    except PhoneProblem as err:
        fields["phone"] = [err.code]
    if not body.consent:
        fields["consent"] = [FieldCode.CONSENT_REQUIRED]
    if fields:
        raise ValidationFailed(fields)
    return email, email_key, phone


def _enforce_phone_cap(db: Session, phone: str, settings: Settings, now: datetime) -> None:
    count, oldest = registrations.codes_issued_since(db, phone, registrations.hour_ago(now))
    _check_phone_cap(count, oldest, settings, now)


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
        "code_hash": hash_code(code),
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


def issue_code(db: Session, reg: Registration, settings: Settings, now: datetime) -> None:
    """A fresh code for an existing registration (resend) by SMS."""
    fields, params = _fresh_code(reg.id, reg.captured_at, settings, now)
    for name, value in fields.items():
        setattr(reg, name, value)
    registrations.save(db, reg)
    registrations.record_code_issue(db, reg.phone, reg.id, now)
    enqueue(
        db, channel="sms", to=reg.phone, kind="registration_code", locale=reg.locale, params=params
    )


def confirm_registration(
    db: Session,
    reg: Registration,
    code: str,
    settings: Settings,
    now: datetime,
) -> None:
    """Spend one attempt of ``reg``'s code; on the right code create the pending
    account, its activation token, and queue the SMS notice and the email with
    the temporary password (hashed by the sender when it goes: no argon2 here)."""
    if reg.status == "confirmed":
        raise AlreadyConfirmed()
    resend_wait = (
        reg.code_sent_at + timedelta(seconds=settings.code_resend_cooldown_s) - now
    ).total_seconds()
    if reg.code_hash is None:
        raise TooManyAttempts(resend_wait)
    if now >= reg.code_expires_at:
        raise CodeExpired()
    if not code_matches(code.strip(), reg.code_hash):
        reg.attempts_left -= 1
        if reg.attempts_left <= 0:
            reg.attempts_left = 0
            reg.code_hash = None
            db.flush()
            raise TooManyAttempts(resend_wait)
        db.flush()
        raise InvalidCode(attempts_left=reg.attempts_left)
    # an account that took the phone or email since: refused by its unique keys
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
    reg.code_hash = None
    reg.link_token_hash = None
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


def _tell_existing_client(db: Session, phone: str, email: str, locale: str) -> None:
    """A registration captured offline and delivered after the client left found
    an account: the screen had promised an SMS, so the client is told by SMS and
    email that they have a «Личный кабинет», how to log in and how to reset.
    Online, the client reads the same at the terminal and nothing is sent."""
    enqueue(db, channel="sms", to=phone, kind="account_exists_sms", locale=locale, params={})
    enqueue(db, channel="email", to=email, kind="account_exists_email", locale=locale, params={})
    log.info("late registration for an existing account: %s told", mask_phone(phone))


def _own(db: Session, registration_id: str, terminal_id: str, lock: bool) -> Registration:
    found = (registrations.get_for_update if lock else registrations.get)(db, registration_id)
    if found is None or found.terminal_id != terminal_id:
        raise NotFound()
    return found


@router.post(
    "",
    status_code=201,
    response_model=RegistrationOut,
    responses=refusals(*TERMINAL, *IDEMPOTENT, *JSON_BODY, AccountExists, RateLimited),
)
def start_registration(
    body: RegistrationIn,
    db: Db,
    terminal: CurrentTerminal,
    idem: TerminalIdem,
    settings: AppSettings,
    now: Now,
    lang: Lang,
    ip: ClientIp,
) -> Any:
    email, email_key, phone = _check_contacts(body, settings, now)
    # the row, its code and the answer are made before any statement, so the
    # idempotency claim stores the answer with the key (see Idempotency.run)
    reg_id = new_id()
    locale = body.locale or lang
    code_fields, sms_params = _fresh_code(reg_id, body.captured_at, settings, now)
    row: dict[str, Any] = {
        "id": reg_id,
        "email": email,
        "email_key": email_key,
        "phone": phone,
        "locale": locale,
        "consent_at": now,
        "consent_text_version": CONSENT_TEXT_VERSION,
        "operator": body.operator,
        "terminal_id": terminal.id,
        "client_ip": ip,
        "captured_at": body.captured_at,
        "created_at": now,
        "status": "code_sent",
        "confirmed_at": None,
        "account_id": None,
        "link_token_hash": None,
        **code_fields,
    }
    masked = mask_phone(phone)
    answer = {
        "id": reg_id,
        "status": "code_sent",
        "phone_masked": masked,
        "code_expires_at": row["code_expires_at"].isoformat(),
        "resend_available_at": (
            now + timedelta(seconds=settings.code_resend_cooldown_s)
        ).isoformat(),
        "attempts_left": row["attempts_left"],
    }

    def work() -> tuple[int, dict[str, Any]]:
        found = registrations.start_checks(
            db,
            (terminal.id, settings.registrations_per_terminal_per_hour),
            (ip, settings.registrations_per_ip_per_hour) if ip else None,
            phone,
            email_key,
            now,
        )
        rates.check(*found.terminal, settings.registrations_per_terminal_per_hour, now)
        if found.ip is not None:
            rates.check(*found.ip, settings.registrations_per_ip_per_hour, now)
        if found.account_exists:
            if body.captured_at is not None:
                _tell_existing_client(db, phone, email, locale)
                raise AccountExistsNotified()
            raise AccountExists()
        _check_phone_cap(*found.phone_codes, settings, now)
        events = [(registrations.TERMINAL_SCOPE, terminal.id)]
        if ip:
            events.append((registrations.IP_SCOPE, ip))
        sms = message_row(
            channel="sms", to=phone, kind="registration_code", locale=locale, params=sms_params
        )
        new = NewRegistration(
            registration=row,
            rate_events=events,
            message={"id": new_id(), **sms},
            audit=audit.row(
                "registration_started",
                now,
                terminal_id=terminal.id,
                operator=body.operator,
                detail=f"registration {reg_id}",
            ),
        )
        new_registration.write(db, new)
        log.info("registration %s started for %s", reg_id, masked)
        return 201, answer

    return idem.run(body, work, expected=(201, answer))


@router.post(
    "/{registration_id}/confirm",
    response_model=ConfirmedOut,
    responses=refusals(
        *TERMINAL, *IDEMPOTENT, *JSON_BODY, InvalidCode, NotFound, AccountExists,
        AlreadyConfirmed, CodeExpired, TooManyAttempts,
    ),
)  # fmt: skip
def confirm(
    registration_id: str,
    body: ConfirmIn,
    db: Db,
    terminal: CurrentTerminal,
    idem: TerminalIdem,
    settings: AppSettings,
    now: Now,
) -> Any:
    def work() -> tuple[int, dict[str, Any]]:
        reg = _own(db, registration_id, terminal.id, lock=True)
        confirm_registration(db, reg, body.code, settings, now)
        return 200, {"id": reg.id, "status": "confirmed"}

    return idem.run(body, work)


@router.post(
    "/{registration_id}/resend",
    response_model=RegistrationOut,
    responses=refusals(
        *TERMINAL, *IDEMPOTENT, NotFound, AccountExists, AlreadyConfirmed, RateLimited
    ),
)
def resend(
    registration_id: str,
    db: Db,
    terminal: CurrentTerminal,
    idem: TerminalIdem,
    settings: AppSettings,
    now: Now,
) -> Any:
    def work() -> tuple[int, dict[str, Any]]:
        reg = _own(db, registration_id, terminal.id, lock=True)
        if reg.status == "confirmed":
            raise AlreadyConfirmed()
        available = reg.code_sent_at + timedelta(seconds=settings.code_resend_cooldown_s)
        if now < available:
            raise RateLimited((available - now).total_seconds())
        if accounts.exists_with(db, reg.phone, reg.email_key):
            raise AccountExists()
        _enforce_phone_cap(db, reg.phone, settings, now)
        issue_code(db, reg, settings, now)
        return 200, view(reg, settings, now)

    return idem.run(None, work)


@router.get(
    "/{registration_id}", response_model=RegistrationOut, responses=refusals(*TERMINAL, NotFound)
)
def status(
    registration_id: str, db: Db, terminal: CurrentTerminal, settings: AppSettings, now: Now
) -> Any:
    return view(_own(db, registration_id, terminal.id, lock=False), settings, now)
