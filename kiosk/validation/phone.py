"""Mobile phone numbers of Kazakhstan: normalise, format while typing, display, mask.

Kazakhstan shares the country code +7 with Russia, so a number's country is decided
by ``region_code_for_number`` and its kind by ``number_type`` — never by
``is_valid_number`` alone (``+7 926 …`` is a valid *Russian* mobile).

Callers may rely on: :func:`normalize_phone` returns E.164 (``+77011234567``) or
raises :class:`PhoneProblem` whose ``code`` is one of the contract's field codes;
it never raises anything else for any ``str``, and normalising its own output
gives the same value back.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType

__all__ = [
    "INVALID_PHONE",
    "NOT_MOBILE",
    "REGION_NOT_ALLOWED",
    "PhoneProblem",
    "display_phone",
    "format_as_typed",
    "mask_phone",
    "normalize_phone",
]

INVALID_PHONE: Final = "invalid_phone"
NOT_MOBILE: Final = "not_mobile"
REGION_NOT_ALLOWED: Final = "region_not_allowed"

MAX_INPUT_CHARS: Final = 64
_SEPARATORS: Final = frozenset(" -().\u00a0\u2007\u202f\t")
_ASCII_DIGITS: Final = frozenset("0123456789")
_MOBILE_TYPES: Final = frozenset({PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE})
_GROUPS_7: Final = (3, 3, 2, 2)


class PhoneProblem(ValueError):
    """Why a typed phone number is refused; ``code`` is the contract's field code."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def _clean(raw: str) -> str | None:
    """``+`` and ASCII digits of ``raw``, or None if it holds anything but separators."""
    text = raw.strip()
    if not text or len(text) > MAX_INPUT_CHARS:
        return None
    out: list[str] = []
    for i, ch in enumerate(text):
        if ch in _ASCII_DIGITS or (ch == "+" and not out and "+" not in text[:i]):
            out.append(ch)
        elif ch not in _SEPARATORS:
            return None
    digits = "".join(out)
    return digits if digits.strip("+") else None


def normalize_phone(raw: str, regions: Iterable[str] = ("KZ",), default_region: str = "KZ") -> str:
    """The E.164 form of a mobile number of one of ``regions``.

    Accepts the shapes people type: ``87011234567``, ``+7 701 123 45 67``,
    ``7011234567``, ``8 (701) 123-45-67``. Letters and extensions are refused.
    Raises :class:`PhoneProblem` with ``invalid_phone``, ``region_not_allowed``
    (a valid number of another country) or ``not_mobile`` (e.g. a landline).
    """
    cleaned = _clean(raw) if isinstance(raw, str) else None
    if cleaned is None:
        raise PhoneProblem(INVALID_PHONE)
    try:
        number = phonenumbers.parse(cleaned, default_region)
    except NumberParseException:
        raise PhoneProblem(INVALID_PHONE) from None
    region = phonenumbers.region_code_for_number(number)
    if region is None or not phonenumbers.is_valid_number(number):
        raise PhoneProblem(INVALID_PHONE)
    if region not in {r.upper() for r in regions}:
        raise PhoneProblem(REGION_NOT_ALLOWED)
    if phonenumbers.number_type(number) not in _MOBILE_TYPES:
        raise PhoneProblem(NOT_MOBILE)
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def _group_7(national: str) -> str:
    """``+7`` and national digits grouped 3-3-2-2 as written in KZ and RU."""
    parts = ["+7"]
    rest = national
    for size in _GROUPS_7:
        if not rest:
            break
        parts.append(rest[:size])
        rest = rest[size:]
    if rest:
        parts.append(rest)
    return " ".join(parts)


def format_as_typed(raw: str) -> str:
    """``raw`` formatted for the input field as the client types it.

    A ``+7`` number typed as ``+7…``, ``8…`` or ``77011234567`` shows as
    ``+7 701 123 45 67`` as soon as that is clear; ten digits starting with 7 are
    grouped ``701 123 45 67`` (they may still become ``7 701…``); other input is
    formatted by phonenumbers' as-you-type formatter. Never raises; characters
    other than digits and a leading ``+`` are dropped. Stable when the field's
    own text is fed back with one more key: ``f(f(x) + c) == f(x + c)``.
    """
    text = raw if isinstance(raw, str) else ""
    plus = text.lstrip().startswith("+")
    digits = "".join(ch for ch in text if ch in _ASCII_DIGITS)[: MAX_INPUT_CHARS // 2]
    if not digits:
        return "+" if plus else ""
    if plus and digits[0] == "7":
        return _group_7(digits[1:])
    if not plus:
        if digits[0] == "8" and len(digits) > 1 and digits[1] != "1":
            return _group_7(digits[1:])
        if digits[0] == "7" and len(digits) >= 11:
            return _group_7(digits[1:])
        if digits[0] == "7":
            return _group_7(digits).removeprefix("+7 ")
    formatter = phonenumbers.AsYouTypeFormatter("KZ")
    shown = ""
    for ch in ("+" if plus else "") + digits:
        shown = formatter.input_digit(ch)
    return shown


def display_phone(e164: str) -> str:
    """A stored E.164 number as people read it: ``+7 701 123 45 67``.

    Raises :class:`PhoneProblem` (``invalid_phone``) if ``e164`` is not a number.
    """
    try:
        number = phonenumbers.parse(e164, None)
    except NumberParseException:
        raise PhoneProblem(INVALID_PHONE) from None
    national = phonenumbers.national_significant_number(number)
    if number.country_code == 7 and len(national) == 10:
        return _group_7(national)
    return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)


def mask_phone(e164: str) -> str:
    """``+7 701 *** ** 67``: country code, first group and last two digits stay."""
    shown = display_phone(e164)
    number = phonenumbers.parse(e164, None)
    keep_head = len(str(number.country_code)) + 3
    total = sum(ch.isdigit() for ch in shown)
    out: list[str] = []
    seen = 0
    for ch in shown:
        if ch.isdigit():
            out.append(ch if seen < keep_head or seen >= total - 2 else "*")
            seen += 1
        else:
            out.append(ch)
    return "".join(out)
