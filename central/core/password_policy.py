"""The password rules of the seed procedure, checked all at once.

``violations`` lists every unmet rule (not just the first), in a fixed order, so
the kiosk can tick a checklist. ``POLICY`` is what ``GET /api/v1/password-policy``
publishes; the rules here and that document must agree. Pure standard library: the
kiosk checks with this very module (``kiosk.validation.password``), so a terminal's
checklist and the central's answer cannot drift apart.
"""

from __future__ import annotations

import string
from typing import Any

MIN_LENGTH = 8
SPECIALS = "!@$_-"
ALLOWED = frozenset(string.ascii_letters + string.digits + SPECIALS)

RULES: tuple[str, ...] = (
    "too_short",
    "missing_upper",
    "missing_lower",
    "missing_digit",
    "missing_special",
    "forbidden_character",
    "forbidden_password",
    "same_as_current",
)

# The seed's own example (never to be used) and passwords people pick that
# happen to meet the character rules.
FORBIDDEN_PASSWORDS = frozenset(
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

POLICY: dict[str, Any] = {
    "min_length": MIN_LENGTH,
    "required": ["upper", "lower", "digit", "special"],
    "specials": SPECIALS,
    "letters": "latin",
}


def violations(new: str, current: str | None = None) -> list[str]:
    """Every rule ``new`` breaks, in the order of ``RULES``; empty when it is fine."""
    found: list[str] = []
    if len(new) < MIN_LENGTH:
        found.append("too_short")
    if not any(c in string.ascii_uppercase for c in new):
        found.append("missing_upper")
    if not any(c in string.ascii_lowercase for c in new):
        found.append("missing_lower")
    if not any(c in string.digits for c in new):
        found.append("missing_digit")
    if not any(c in SPECIALS for c in new):
        found.append("missing_special")
    if any(c not in ALLOWED for c in new):
        found.append("forbidden_character")
    if new.casefold() in FORBIDDEN_PASSWORDS:
        found.append("forbidden_password")
    if current is not None and new == current:
        found.append("same_as_current")
    return found
