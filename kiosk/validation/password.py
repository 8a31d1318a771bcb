"""The insurer's password policy, checked on the terminal before it is sent.

The central checks again and answers ``422 weak_password`` with the same codes;
checking here lets the screen tick a live checklist. Callers may rely on
:func:`violations` listing *every* unmet rule at once, in the order of
:data:`RULES`, and never raising for any ``str``.
"""

from __future__ import annotations

import string
from typing import Final

__all__ = [
    "ALLOWED_CHARACTERS",
    "FORBIDDEN_PASSWORDS",
    "MIN_LENGTH",
    "RULES",
    "SPECIALS",
    "violations",
]

MIN_LENGTH: Final = 8
SPECIALS: Final = "!@$_-"
ALLOWED_CHARACTERS: Final = frozenset(string.ascii_letters + string.digits + SPECIALS)

RULES: Final = (
    "too_short",
    "missing_upper",
    "missing_lower",
    "missing_digit",
    "missing_special",
    "forbidden_character",
    "forbidden_password",
    "same_as_current",
)
"""Every code, in the contract's order; the checklist shows ``same_as_current``
only when there is a current password."""

FORBIDDEN_PASSWORDS: Final = frozenset(
    p.casefold()
    for p in (
        "Ag-15!d44",  # the example printed in the insurer's own procedure
        "Password1!",
        "Password123!",
        "Passw0rd!",
        "P@ssw0rd",
        "P@ssw0rd1",
        "P@ssword1",
        "Qwerty123!",
        "Qwerty12!",
        "Qwerty1!",
        "Qwerty123@",
        "Admin123!",
        "Admin123@",
        "Welcome1!",
        "Welcome123!",
        "Aa123456!",
        "Abc12345!",
        "Zaq12wsx!",
        "1qaz@WSX",
        "1Qaz2wsx!",
        "Victoria1!",
        "Victoria123!",
        "Kazakhstan1!",
        "Almaty123!",
        "Astana123!",
    )
)
"""Compared case-insensitively: passwords that meet the rules but are guessed first."""


def violations(password: str, current: str | None = None) -> list[str]:
    """Every rule ``password`` breaks, as contract codes in the order of :data:`RULES`.

    An empty list means the central will accept it (barring a policy change).
    ``current`` is the password being replaced, if known.
    """
    found: list[str] = []
    if len(password) < MIN_LENGTH:
        found.append("too_short")
    if not any(ch in string.ascii_uppercase for ch in password):
        found.append("missing_upper")
    if not any(ch in string.ascii_lowercase for ch in password):
        found.append("missing_lower")
    if not any(ch in string.digits for ch in password):
        found.append("missing_digit")
    if not any(ch in SPECIALS for ch in password):
        found.append("missing_special")
    if any(ch not in ALLOWED_CHARACTERS for ch in password):
        found.append("forbidden_character")
    if password.casefold() in FORBIDDEN_PASSWORDS:
        found.append("forbidden_password")
    if current is not None and password == current:
        found.append("same_as_current")
    return found
