"""Mobile phone numbers: normalise, format while typing, display, mask.

Kazakhstan shares the country code +7 with Russia, so a number's country is decided
by ``region_code_for_number`` and its kind by ``number_type`` (``+7 926 …`` is a
valid *Russian* mobile; see ``shared/domain-notes.md``).

The one rule of the terminal and the central (they used to differ; the stricter
choice of each point is kept):

* at most :data:`MAX_INPUT_CHARS` (40) characters as typed;
* only ASCII digits, one leading ``+`` and the separators people type between
  groups (space, no-break spaces, ``-``, ``(``, ``)``, ``.``): no letters, no
  extensions, no tab or other control character, no other script's digits;
* the number must be valid (``is_valid_number``) *and* of a known region *and*
  of a mobile type; the region must be one of the allowed ones.

Callers may rely on: :func:`normalize_phone` returns E.164 (``+77011234567``) or
raises :class:`PhoneProblem` whose ``code`` is one of the contract's field codes;
it never raises anything else for any input, and normalising its own output (or
:func:`display_phone` of it) gives the same value back. :func:`mask_phone` never
raises.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType

from vic_rules.codes import FieldCode

__all__ = [
    "MAX_INPUT_CHARS",
    "PhoneProblem",
    "display_phone",
    "format_as_typed",
    "mask_phone",
    "normalize_phone",
]

MAX_INPUT_CHARS: Final = 40
DEFAULT_REGIONS: Final = ("KZ",)
DEFAULT_REGION: Final = "KZ"
_SEPARATORS: Final = frozenset(" -().\u00a0\u2007\u202f")
_ASCII_DIGITS: Final = frozenset("0123456789")
_MOBILE_TYPES: Final = frozenset({PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE})
_GROUPS_7: Final = (3, 3, 2, 2)
_MASK_UNKNOWN: Final = "***"


class PhoneProblem(ValueError):
    """Why a typed phone number is refused: ``code`` is ``invalid_phone``,
    ``not_mobile`` (e.g. a landline) or ``region_not_allowed``."""

    def __init__(self, code: FieldCode) -> None:
        super().__init__(str(code))
        self.code: FieldCode = code


def _clean(raw: str) -> str | None:
    """``+`` and ASCII digits of ``raw``, or None if it holds anything but separators."""
    text = raw.strip(" \u00a0\u2007\u202f")
    if not text or len(text) > MAX_INPUT_CHARS:
        return None
    out: list[str] = []
    for i, ch in enumerate(text):
        if ch in _ASCII_DIGITS or (ch == "+" and i == 0):
            out.append(ch)
        elif ch not in _SEPARATORS:
            return None
    digits = "".join(out)
    return digits if digits.strip("+") else None


def normalize_phone(
    raw: str, regions: Iterable[str] = DEFAULT_REGIONS, default_region: str = DEFAULT_REGION
) -> str:
    """The E.164 form of a mobile number of one of ``regions``.

    Accepts the shapes people type: ``87011234567``, ``+7 701 123 45 67``,
    ``7011234567``, ``8 (701) 123-45-67``. Raises :class:`PhoneProblem` with
    ``invalid_phone``, ``region_not_allowed`` (a valid number of another country)
    or ``not_mobile``.
    """
    cleaned = _clean(raw) if isinstance(raw, str) else None
    if cleaned is None:
        raise PhoneProblem(FieldCode.INVALID_PHONE)
    try:
        number = phonenumbers.parse(cleaned, default_region)
    except NumberParseException:
        raise PhoneProblem(FieldCode.INVALID_PHONE) from None
    region = phonenumbers.region_code_for_number(number)
    kind = phonenumbers.number_type(number)
    if (
        number.extension
        or region is None
        or kind == PhoneNumberType.UNKNOWN
        or not phonenumbers.is_valid_number(number)
    ):
        raise PhoneProblem(FieldCode.INVALID_PHONE)
    if region not in {r.upper() for r in regions}:
        raise PhoneProblem(FieldCode.REGION_NOT_ALLOWED)
    if kind not in _MOBILE_TYPES:
        raise PhoneProblem(FieldCode.NOT_MOBILE)
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
        raise PhoneProblem(FieldCode.INVALID_PHONE) from None
    national = phonenumbers.national_significant_number(number)
    if number.country_code == 7 and len(national) == 10:
        return _group_7(national)
    return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)


def mask_phone(e164: str) -> str:
    """``+7 701 *** ** 67``: country code, first group and last two digits stay.

    For log lines, lists and answers: enough to recognise a number, not to dial
    it. ``***`` for anything that is not a number; never raises.
    """
    try:
        shown = display_phone(e164)
        number = phonenumbers.parse(e164, None)
    except (PhoneProblem, NumberParseException, TypeError):
        return _MASK_UNKNOWN
    keep_head = len(str(number.country_code)) + 3
    total = sum(ch.isdigit() for ch in shown)
    if total < keep_head + 4:
        return f"+{number.country_code} {_MASK_UNKNOWN}"
    out: list[str] = []
    seen = 0
    for ch in shown:
        if ch.isdigit():
            out.append(ch if seen < keep_head or seen >= total - 2 else "*")
            seen += 1
        else:
            out.append(ch)
    return "".join(out)
