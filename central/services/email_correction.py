"""The clerk's email correction for an account pending activation (issue 11 §1).

A typo in the email leaves the client without the activation email. At the
branch the clerk gives the right address; in clerk mode they first confirm the
client's ID (``id_checked``); the account's phone then proves itself with an
SMS code. With the right code the account moves to the new address, every
earlier activation link and the old temporary password stop working, and the
activation email with a new temporary password goes to the new address only.
Kiosk mode (no operator) may do the same: a pending account has never been
logged into, and the SMS code proves the phone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from central.core.config import Settings
from central.core.errors import (
    AccountExists,
    AlreadyConfirmed,
    CodeExpired,
    InvalidCode,
    NotFound,
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
from central.messaging.outbox import enqueue
from central.models import EmailCorrection
from central.repositories import accounts, audit, rates, registrations, tokens
from central.repositories import email_corrections as repo
from central.services.access import activation_link
from central.services.account import send_temporary_password
from vic_rules.email import EmailProblem, email_with_key, mask_email
from vic_rules.phone import PhoneProblem, mask_phone, normalize_phone

PENDING = "pending_activation"


@dataclass(frozen=True, slots=True)
class CorrectionView:
    id: str
    phone_masked: str
    code_expires_at: datetime
    attempts_left: int


def start(
    db: Session,
    *,
    phone: str,
    email: str,
    operator: str | None,
    id_checked: bool,
    terminal_id: str,
    settings: Settings,
    now: datetime,
) -> CorrectionView:
    """Send the pending account of ``phone`` a code for moving it to ``email``."""
    fields: dict[str, list[str]] = {}
    if operator and not id_checked:
        fields["id_checked"] = ["required"]
    new_email = new_key = e164 = ""
    try:
        new_email, new_key = email_with_key(email)
    except EmailProblem as err:
        fields["email"] = [err.code]
    try:
        e164 = normalize_phone(phone, settings.allowed_regions, settings.default_region)
    except PhoneProblem as err:
        fields["phone"] = [err.code]
    if fields:
        raise ValidationFailed(fields)
    account = accounts.by_phone(db, e164)
    if account is None or account.status != PENDING:
        raise NotFound()
    holder = accounts.by_email_key(db, new_key)
    if holder is not None and holder.id != account.id:
        raise AccountExists()
    # the phone's one budget of codes (registrations', resets' and these), counted
    # under the phone's lock so parallel requests cannot all pass the check
    registrations.lock_phone(db, e164)
    sent, oldest = registrations.codes_issued_since(db, e164, registrations.hour_ago(now))
    rates.check(sent, oldest, settings.codes_per_phone_per_hour, now)
    registrations.record_other_code(db, e164, now)
    code = new_code()
    correction = repo.add(
        db,
        EmailCorrection(
            account_id=account.id, new_email=new_email, new_email_key=new_key,
            terminal_id=terminal_id, operator=operator, status="code_sent",
            code_hash=hash_code(code, settings.code_key_bytes()),
            code_expires_at=now + timedelta(seconds=settings.code_ttl_s),
            attempts_left=settings.code_max_attempts, created_at=now,
        ),
    )  # fmt: skip
    params = {"code": code, "ttl_min": max(1, settings.code_ttl_s // 60)}
    enqueue(db, channel="sms", to=e164, kind="registration_code", locale=account.locale,
            params=params)  # fmt: skip
    audit.record(
        db, "email_correction_started", now, account_id=account.id, terminal_id=terminal_id,
        operator=operator, detail=f"to {mask_email(new_email)}",
    )  # fmt: skip
    return CorrectionView(correction.id, mask_phone(e164), correction.code_expires_at,
                          correction.attempts_left)  # fmt: skip


def confirm(
    db: Session, correction_id: str, terminal_id: str, code: str, settings: Settings, now: datetime
) -> str:
    """Move the account to the corrected email with the right code; the masked
    new address. ``InvalidCode`` commits the spent attempt."""
    correction = repo.get(db, correction_id)
    if correction is None or correction.terminal_id != terminal_id:
        raise NotFound()
    if correction.status == "done":
        raise AlreadyConfirmed()
    if correction.code_expires_at <= now:
        raise CodeExpired()
    left = repo.spend_attempt(db, correction.id)
    db.refresh(correction)
    if left is None or correction.code_hash is None:
        raise TooManyAttempts(0.0)
    if not code_matches(code.strip(), correction.code_hash, settings.code_key_bytes()):
        if left <= 0:
            correction.code_hash = None
            db.flush()
            raise TooManyAttempts(0.0)
        raise InvalidCode(attempts_left=left)
    account = accounts.get(db, correction.account_id)
    if account is None or account.status != PENDING:
        raise NotFound()
    holder = accounts.by_email_key(db, correction.new_email_key)
    if holder is not None and holder.id != account.id:
        raise AccountExists()
    old = account.email
    account.email, account.email_key = correction.new_email, correction.new_email_key
    correction.status, correction.done_at, correction.code_hash = "done", now, None
    tokens.spend_activations(db, account.id, now)  # the links sent to the old address
    token = new_token()
    tokens.add_activation(
        db, account.id, hash_token(token), now, now + timedelta(seconds=settings.activation_ttl_s)
    )
    send_temporary_password(
        db, account, kind="account_created_email",
        params={"activation_link": activation_link(settings, token)},
        temporary=new_temporary_password(), now=now,
        valid_until=now + timedelta(seconds=settings.temporary_password_ttl_s),
    )  # fmt: skip
    audit.record(
        db, "email_corrected", now, account_id=account.id, terminal_id=terminal_id,
        operator=correction.operator, detail=f"{mask_email(old)} -> {mask_email(account.email)}",
    )  # fmt: skip
    db.flush()
    return mask_email(account.email)
