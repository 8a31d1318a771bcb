"""What the central's answers mean to the terminal (contract v1.1): a refusal as
a ``kiosk.errors`` type, times as aware datetimes, a registration's or a
reset's start, a contract. Every reader refuses an answer it cannot read with
``UnexpectedResponse`` rather than guessing; ``kiosk.client`` sends, these read.

Times a countdown on the terminal runs to (a code's expiry and resend, an upload
link's end) come back in the terminal's clock (``clock_offset``): a branch PC
whose clock ran minutes ahead said "the code has expired" as the SMS left.
"""

from __future__ import annotations

import functools
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from email.utils import parsedate_to_datetime
from typing import Any

import requests

from kiosk.api_types import Contract, RegistrationStarted, ResetStarted
from kiosk.errors import (
    AccountExists,
    AccountNotActivated,
    AlreadyConfirmed,
    CentralError,
    ClaimDecided,
    CodeExpired,
    IdempotencyConflict,
    InvalidCode,
    InvalidCredentials,
    LinkSmsLimited,
    NotFound,
    RateLimited,
    ServerError,
    TooLarge,
    TooManyAttempts,
    TooManyDocuments,
    Unauthorized,
    UnexpectedResponse,
    UnsupportedType,
    ValidationFailed,
    WeakPassword,
)

DEFAULT_RETRY_AFTER_S = 60.0  # a 429 without a readable Retry-After
# the Date header has whole seconds: clocks closer than this are left alone
CLOCK_SKEW_TOLERANCE_S = 2.0
NO_OFFSET = timedelta(0)
HTTP_DATE_SLACK = timedelta(seconds=2)  # whole seconds, renewed once a second (uvicorn)
CONTRACT_STATUSES = ("active", "expired", "terminated")


def parse_time(value: object, offset: timedelta = NO_OFFSET) -> datetime:
    """An RFC 3339 time as an aware datetime (a zoneless one is taken as UTC),
    plus ``offset`` (``clock_offset``: the central's time in the terminal's clock)."""
    if not isinstance(value, str):
        raise UnexpectedResponse("time missing in the answer")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise UnexpectedResponse("unreadable time in the answer") from exc
    return (parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)) + offset


def clock_offset(answer: requests.Response, received_at: datetime) -> timedelta:
    """How far the terminal's clock (``received_at``, read when ``answer`` came) is
    ahead of the central's, by the answer's ``Date`` header: add it to a time of
    the central to get the same moment on the terminal's clock. Zero within
    ``CLOCK_SKEW_TOLERANCE_S``, and without a readable header. The header has
    whole seconds and the central's server renews it once a second, so the
    central's now is taken as the Date plus ``HTTP_DATE_SLACK``: a countdown moved
    by it ends up to two seconds early rather than after the central's (a screen
    saying "valid for 0:01" of a code the central already refuses)."""
    central_now = _http_date(answer.headers.get("Date") or "")
    if central_now is None:
        return NO_OFFSET
    offset = received_at - (central_now + HTTP_DATE_SLACK)
    return offset if abs(offset.total_seconds()) > CLOCK_SKEW_TOLERANCE_S else NO_OFFSET


def retry_after_s(response: requests.Response) -> float:
    raw = response.headers.get("Retry-After", "")
    try:
        return max(0.0, float(raw))
    except ValueError:
        return DEFAULT_RETRY_AFTER_S


def json_body(response: requests.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def is_machine_code(value: object) -> bool:
    return isinstance(value, str) and 0 < len(value) <= 64 and value.replace("_", "").isalnum()


def error_for(response: requests.Response, *, on_401: type[CentralError]) -> CentralError:
    """The ``kiosk.errors`` value for a refusal; ``on_401`` names what 401 means here."""
    status = response.status_code
    error = json_body(response).get("error")
    error = error if isinstance(error, dict) else {}
    code = error.get("code")
    message = error.get("message")
    message = message if isinstance(message, str) else ""
    if status >= 500:
        return ServerError(message, status=status)
    if status == 429:
        if code == TooManyAttempts.code:
            return TooManyAttempts(message)
        if code == LinkSmsLimited.code:
            return LinkSmsLimited(message, retry_after_s=retry_after_s(response))
        return RateLimited(message, retry_after_s=retry_after_s(response))
    if status == 413 and code == TooLarge.code:
        return TooLarge(message)
    if status == 415 and code == UnsupportedType.code:
        return UnsupportedType(message)
    if status == 409:
        for kind in (
            AccountExists,
            AlreadyConfirmed,
            IdempotencyConflict,
            TooManyDocuments,
            ClaimDecided,
        ):
            if code == kind.code:
                return kind(message)
    if status == 400 and code == InvalidCode.code:
        attempts = error.get("attempts_left")
        return InvalidCode(message, attempts_left=attempts if isinstance(attempts, int) else 0)
    if status == 410:
        return CodeExpired(message)
    if status == 422 and code == ValidationFailed.code:
        return ValidationFailed(message, fields=fields_of(error.get("fields")))
    if status == 422 and code == WeakPassword.code:
        found = error.get("violations")
        violations = [str(v) for v in found] if isinstance(found, list) else []
        return WeakPassword(message, violations=violations)
    if status == 401:
        if code == InvalidCredentials.code:  # a password refused, not the token
            return InvalidCredentials(message)
        return on_401(message)
    if status == 403:
        if code == AccountNotActivated.code:
            return AccountNotActivated(message)
        return Unauthorized(message)
    if status == 404:
        return NotFound(message)
    shown = f" {code}" if is_machine_code(code) else ""
    return UnexpectedResponse(f"HTTP {status}{shown}", status=status)


def fields_of(raw: object) -> dict[str, list[str]]:
    if not isinstance(raw, dict):
        return {}
    return {
        str(name): [str(c) for c in codes] if isinstance(codes, list) else [str(codes)]
        for name, codes in raw.items()
    }


@functools.lru_cache(maxsize=4)
def _http_date(raw: str) -> datetime | None:
    """An HTTP ``Date`` as an aware time; None when missing or unreadable. Cached:
    it changes once a second, and a drain reads hundreds of answers a second."""
    try:
        found = parsedate_to_datetime(raw)
    except (TypeError, ValueError):
        return None
    return found if found.tzinfo is not None else found.replace(tzinfo=UTC)


def registration_started(
    body: dict[str, Any], *, registration_id: str = "", offset: timedelta = NO_OFFSET
) -> RegistrationStarted:
    """The answer to a registration or a resend; its times plus ``offset``."""
    try:
        return RegistrationStarted(
            id=str(body.get("id") or registration_id),
            status=str(body.get("status", "code_sent")),
            phone_masked=str(body.get("phone_masked", "")),
            code_expires_at=parse_time(body.get("code_expires_at"), offset),
            resend_available_at=parse_time(body.get("resend_available_at"), offset),
            attempts_left=int(body["attempts_left"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise UnexpectedResponse("incomplete registration answer", status=200) from exc


def reset_started(
    body: dict[str, Any], *, status: int, reset_id: str = "", offset: timedelta = NO_OFFSET
) -> ResetStarted:
    attempts = body.get("attempts_left")
    rid = body.get("id") or reset_id
    if not isinstance(rid, str) or not rid:
        raise UnexpectedResponse("password reset id missing", status=status)
    try:
        return ResetStarted(
            id=rid,
            code_expires_at=parse_time(body.get("code_expires_at"), offset),
            resend_available_at=parse_time(body.get("resend_available_at"), offset),
            attempts_left=attempts if isinstance(attempts, int) else None,
        )
    except (TypeError, ValueError) as exc:
        raise UnexpectedResponse("incomplete password reset answer", status=status) from exc


def contract(item: dict[str, Any]) -> Contract:
    status = item.get("status")
    premium = item.get("premium") or {}
    if status not in CONTRACT_STATUSES or not isinstance(premium, dict):
        raise UnexpectedResponse("unreadable contract", status=200)
    try:
        return Contract(
            number=str(item["number"]),
            product=str(item["product"]),
            status=status,
            starts_on=date.fromisoformat(str(item["starts_on"])),
            ends_on=date.fromisoformat(str(item["ends_on"])),
            premium_amount=Decimal(str(premium["amount"])),
            currency=str(premium["currency"]),
        )
    except (KeyError, ValueError, InvalidOperation) as exc:
        raise UnexpectedResponse("unreadable contract", status=200) from exc
