"""The insurer's password policy (the seed procedure's rules), checked all at once.

The central refuses a new password with ``422 weak_password`` listing
:func:`violations`; the terminal ticks a live checklist with the very same
function, so the two cannot disagree. :data:`POLICY` is what
``GET /api/v1/password-policy`` publishes.

Callers may rely on :func:`violations` listing *every* unmet rule at once, each
once, in the order of :data:`RULES`, and never raising for any ``str``.
"""

from __future__ import annotations

import string
from typing import Final

from vic_rules.codes import PasswordRule

__all__ = [
    "ALLOWED",
    "FORBIDDEN_PASSWORDS",
    "MIN_LENGTH",
    "POLICY",
    "RULES",
    "SPECIALS",
    "violations",
]

MIN_LENGTH: Final = 8
SPECIALS: Final = "!@$_-"
ALLOWED: Final = frozenset(string.ascii_letters + string.digits + SPECIALS)
_UPPER: Final = frozenset(string.ascii_uppercase)
_LOWER: Final = frozenset(string.ascii_lowercase)
_DIGITS: Final = frozenset(string.digits)

RULES: Final[tuple[str, ...]] = tuple(PasswordRule)
"""Every rule, in the order :func:`violations` lists them (the checklist's order)."""

FORBIDDEN_PASSWORDS: Final = frozenset(
    p.casefold()
    for p in (
        "Ag-15!d44",
        "Password1!",
        "Password1@",
        "Password1$",
        "Password1_",
        "Password1-",
        "Passw0rd!",
        "P@ssw0rd",
        "P@ssw0rd1",
        "P@ssword1",
        "Qwerty123!",
        "Qwerty1!",
        "Qwerty12345!",
        "Qwerty_123",
        "Admin123!",
        "Admin@123",
        "Welcome1!",
        "Welcome@1",
        "Abc12345!",
        "Abcd1234!",
        "Aa123456!",
        "Aa12345678!",
        "Qazwsx123!",
        "Zaq12wsx!",
        "1qaz@WSX",
        "1Qaz2wsx!",
        "Victoria1!",
        "Victoria2024!",
        "Victoria2025!",
        "Kazakhstan1!",
        "Almaty2024!",
        "Astana2024!",
        "Iloveyou1!",
        "Changeme1!",
        "Password123!",
        "Qwerty12!",
        "Qwerty123@",
        "Admin123@",
        "Welcome123!",
        "Victoria123!",
        "Almaty123!",
        "Astana123!",
    )
)
"""The seed's own example (never to be used) and well-known passwords that happen
to meet the character rules, compared case-insensitively."""

POLICY: Final = {
    "min_length": MIN_LENGTH,
    "required": ["upper", "lower", "digit", "special"],
    "specials": SPECIALS,
    "letters": "latin",
}
"""The document of ``GET /api/v1/password-policy``."""


def violations(new: str, current: str | None = None) -> list[str]:
    """Every rule ``new`` breaks, in the order of :data:`RULES`; empty when it is fine.

    ``same_as_current`` is checked only when ``current`` is given.
    """
    chars = set(new)
    found: list[str] = []
    if len(new) < MIN_LENGTH:
        found.append(PasswordRule.TOO_SHORT)
    if not chars & _UPPER:
        found.append(PasswordRule.MISSING_UPPER)
    if not chars & _LOWER:
        found.append(PasswordRule.MISSING_LOWER)
    if not chars & _DIGITS:
        found.append(PasswordRule.MISSING_DIGIT)
    if not chars & frozenset(SPECIALS):
        found.append(PasswordRule.MISSING_SPECIAL)
    if not chars <= ALLOWED:
        found.append(PasswordRule.FORBIDDEN_CHARACTER)
    if new.casefold() in FORBIDDEN_PASSWORDS:
        found.append(PasswordRule.FORBIDDEN_PASSWORD)
    if current is not None and new == current:
        found.append(PasswordRule.SAME_AS_CURRENT)
    return found
