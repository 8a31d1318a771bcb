"""Text a caller sends, refused when it holds control characters.

PostgreSQL cannot store NUL in a text column (the driver raises, a 500), and
control characters in stored text end up raw in logs, CSV exports and emails.
So every text field of a request model is one of these types, and
``ControlCharacterMiddleware`` refuses paths and query strings holding them:

- ``SafeLine``: one line (names, logins, ids, codes): no C0 or C1 control
  character, no DEL, no Unicode line or paragraph separator.
- ``SafeText``: free text where a line break means something: as ``SafeLine``,
  but ``\\n``, ``\\r`` and ``\\t`` are allowed.

Both refuse with the pydantic error type ``forbidden_character``, which the
error handlers turn into ``422 validation_failed`` with
``fields: {"<name>": ["forbidden_character"]}``. A caller may rely on a value
of either type being a ``str`` (never coerced from a number) that PostgreSQL
and SQLite store alike.
"""

from __future__ import annotations

import ipaddress
import re
from typing import Annotated

from pydantic import AfterValidator, StrictStr
from pydantic_core import PydanticCustomError

from vic_rules.codes import FieldCode

FORBIDDEN_CHARACTER: str = FieldCode.FORBIDDEN_CHARACTER.value

_LINE_FORBIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_TEXT_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")


def has_control_character(value: str, *, multiline: bool = False) -> bool:
    """Whether ``value`` holds a character ``SafeLine`` (or, with ``multiline``,
    ``SafeText``) refuses."""
    pattern = _TEXT_FORBIDDEN if multiline else _LINE_FORBIDDEN
    return pattern.search(value) is not None


def _refuse(value: str, multiline: bool) -> str:
    if has_control_character(value, multiline=multiline):
        raise PydanticCustomError(FORBIDDEN_CHARACTER, "a control character is not allowed")
    return value


def _line(value: str) -> str:
    return _refuse(value, multiline=False)


def _text(value: str) -> str:
    return _refuse(value, multiline=True)


SafeLine = Annotated[StrictStr, AfterValidator(_line)]
SafeText = Annotated[StrictStr, AfterValidator(_text)]


def escape_controls(value: str) -> str:
    """``value`` with each control character written as ``\\xNN`` (or
    ``\\uNNNN``) and the backslash doubled: one log line stays one line, and
    nobody can forge another entry or drive a terminal with escape sequences."""
    return _LINE_FORBIDDEN.sub(_escaped, value.replace("\\", "\\\\"))


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def parsed_ip(value: str) -> str | None:
    """``value`` as an IPv4/IPv6 address in its normal form, or ``None`` when it
    is not one (a forged ``X-Forwarded-For`` entry)."""
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None
