"""Phone and email normalisation: what the central accepts as a client's contact.

Phones are decided by the region the number belongs to and its type, never by
``is_valid_number`` alone: ``+7 9xx`` parses as valid with default region KZ,
but it is a Russian mobile (see ``shared/domain-notes.md``). Callers may rely on
``normalize_phone`` returning E.164 and ``normalize_email`` returning
email-validator's normalised form plus a lower-cased key for look-ups.
"""

from __future__ import annotations

from collections.abc import Iterable

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType

MAX_PHONE_INPUT_CHARS = 40
MAX_EMAIL_CHARS = 320
_MOBILE_TYPES = frozenset({PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE})
_PHONE_CHARS = frozenset("0123456789+-() .\u00a0")


class PhoneRejected(ValueError):
    """``code`` is one of ``invalid_phone``, ``not_mobile``, ``region_not_allowed``."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class EmailRejected(ValueError):
    code = "invalid_email"

    def __init__(self) -> None:
        super().__init__(self.code)


def normalize_phone(
    raw: str, allowed_regions: Iterable[str] = ("KZ",), default_region: str = "KZ"
) -> str:
    """The E.164 form of a mobile number of an allowed region, or ``PhoneRejected``.

    ``87011234567``, ``+7 701 123 45 67`` and ``7011234567`` all give
    ``+77011234567``. Letters (vanity numbers), extensions and other symbols are
    refused as ``invalid_phone``.
    """
    text = raw.strip() if isinstance(raw, str) else ""
    if not text or len(text) > MAX_PHONE_INPUT_CHARS or not set(text) <= _PHONE_CHARS:
        raise PhoneRejected("invalid_phone")
    try:
        number = phonenumbers.parse(text, default_region)
    except NumberParseException:
        raise PhoneRejected("invalid_phone") from None
    if number.extension:
        raise PhoneRejected("invalid_phone")
    region = phonenumbers.region_code_for_number(number)
    kind = phonenumbers.number_type(number)
    if region is None or kind == PhoneNumberType.UNKNOWN:
        raise PhoneRejected("invalid_phone")
    if region not in {r.upper() for r in allowed_regions}:
        raise PhoneRejected("region_not_allowed")
    if kind not in _MOBILE_TYPES:
        raise PhoneRejected("not_mobile")
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def normalize_email(raw: str) -> tuple[str, str]:
    """``(normalised address, lower-cased key)`` or ``EmailRejected``.

    Syntax only (no DNS), so it works offline; the key is what uniqueness and
    look-ups compare, because mailbox names are case-insensitive in practice.
    """
    if not isinstance(raw, str) or not raw.strip() or len(raw) > MAX_EMAIL_CHARS:
        raise EmailRejected()
    try:
        result = validate_email(raw.strip(), check_deliverability=False)
    except EmailNotValidError:
        raise EmailRejected() from None
    normalized = result.normalized
    return normalized, normalized.lower()


def mask_phone(e164: str) -> str:
    """``+77011234567`` → ``+7 701 *** ** 67``: enough to recognise, not to dial."""
    try:
        number = phonenumbers.parse(e164, None)
    except NumberParseException:
        return "***"
    national = str(number.national_number)
    if len(national) < 6:
        return f"+{number.country_code} ***"
    return f"+{number.country_code} {national[:3]} *** ** {national[-2:]}"


def mask_email(email: str) -> str:
    """``aigerim@mail.ru`` → ``a***@mail.ru``, for log lines and audit details."""
    local, sep, domain = email.partition("@")
    if not sep:
        return "***"
    return f"{local[:1]}***@{domain}"
