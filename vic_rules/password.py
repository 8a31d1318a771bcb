"""The insurer's password policy (the seed procedure's rules), checked all at once.

The central refuses a new password with ``422 weak_password`` listing
:func:`violations`; the terminal ticks a live checklist with the very same
function, so the two cannot disagree. :data:`POLICY` is what
``GET /api/v1/password-policy`` publishes.

``forbidden_password`` refuses, whatever the case:

* the seed's example ``Ag-15!d44`` and its near variants: with the specials
  dropped, ``ag`` and digits, optionally ``d`` and digits (``Ag-15!d45``,
  ``ag_16d44``);
* anything holding the insurer's name, also in leet (``0``→o, ``1``→i or l,
  ``3``→e, ``4``→a, ``5``→s, ``7``→t, ``@``→a, ``$``→s) and with any year or
  specials around it: ``Victoria2026!``, ``V1ct0r1a_2026``, ``Viktoriya-1``, and
  «виктория» typed with a Latin keyboard layout (``dbrnjhbz``);
* passwords of the breached-password list shipped in ``data/`` (see
  ``data/README.md``), compared by :func:`breach_keys`, so ``Password123!`` is
  refused because ``password123`` is listed; the list is a Bloom filter, so about
  one password in 1,500 that is not listed is refused too;
* a short list of well-known passwords that meet the character rules.

Callers may rely on :func:`violations` listing *every* unmet rule at once, each
once, in the order of :data:`RULES`, and never raising for any ``str``. The first
call reads the list (about 4 MB): a GUI calls :func:`preload` off its GUI thread
first.
"""

from __future__ import annotations

import functools
import importlib.resources
import re
import string
from typing import Final

from vic_rules.bloom import BloomFilter
from vic_rules.codes import PasswordRule

__all__ = [
    "ALLOWED",
    "FORBIDDEN_PASSWORDS",
    "MAX_INPUT_CHARS",
    "MAX_LENGTH",
    "MIN_LENGTH",
    "POLICY",
    "RULES",
    "SPECIALS",
    "breach_keys",
    "is_forbidden",
    "preload",
    "violations",
]

MIN_LENGTH: Final = 8
MAX_LENGTH: Final = 128
"""Longer is refused (``too_long``): argon2 would take it, but nobody types it."""
MAX_INPUT_CHARS: Final = 1024
"""The longest new password a request may carry to be judged by the policy (and so
answered ``too_long``); a longer field is refused before, as malformed input."""
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

BREACHED_LIST: Final = "common-passwords.bloom"
INSURER_NAMES: Final = (
    "victoria",
    "viktoria",
    "victorya",
    "viktorya",
    "victoriya",
    "viktoriya",
    "viktorija",
    "wiktoria",
    "dbrnjhbz",
)
"""The insurer's name as Latin letters can spell it (after the leet map)."""
_SEED_CORE: Final = re.compile(r"ag\d+(?:d\d+)?")
_LEET_I: Final = str.maketrans("013457@$", "oieastas")
_LEET_L: Final = str.maketrans("013457@$", "oleastas")
_AS_LETTERS: Final = str.maketrans("@$", "as")
_NOT_LETTERS: Final = re.compile(r"[^a-z]+")
_SPECIALS_RE: Final = re.compile("[" + re.escape(SPECIALS) + "]+")

POLICY: Final = {
    "min_length": MIN_LENGTH,
    "max_length": MAX_LENGTH,
    "required": ["upper", "lower", "digit", "special"],
    "specials": SPECIALS,
    "letters": "latin",
}
"""The document of ``GET /api/v1/password-policy``."""


def breach_keys(password: str) -> set[str]:
    """The forms a password is looked up by in the breached-password list: case
    folded with the specials dropped, and the same with ``@``/``$`` read as
    ``a``/``s`` first (``P@ssw0rd1!`` → ``pssw0rd1``, ``passw0rd1``)."""
    folded = password.casefold()
    return {
        _SPECIALS_RE.sub("", folded),
        _SPECIALS_RE.sub("", folded.translate(_AS_LETTERS)),
    }


@functools.cache
def _breached() -> BloomFilter:
    data = importlib.resources.files("vic_rules").joinpath("data", BREACHED_LIST).read_bytes()
    return BloomFilter(data)


def preload() -> None:
    """Read the breached-password list now (blocking), not at the first check."""
    _breached()


def _near_the_seed_example(folded: str) -> bool:
    return _SEED_CORE.fullmatch(_SPECIALS_RE.sub("", folded)) is not None


def _holds_the_insurers_name(folded: str) -> bool:
    for table in (_LEET_I, _LEET_L):
        letters = _NOT_LETTERS.sub("", folded.translate(table))
        if any(name in letters for name in INSURER_NAMES):
            return True
    return False


def is_forbidden(password: str) -> bool:
    """Whether ``password`` is the seed's example, the insurer's name, a listed
    breached password or a near variant of one of them (see the module's text)."""
    folded = password.casefold()
    if folded in FORBIDDEN_PASSWORDS:
        return True
    if _near_the_seed_example(folded) or _holds_the_insurers_name(folded):
        return True
    listed = _breached()
    return any(key in listed for key in breach_keys(password))


def violations(new: str, current: str | None = None) -> list[str]:
    """Every rule ``new`` breaks, in the order of :data:`RULES`; empty when it is fine.

    ``same_as_current`` is checked only when ``current`` is given.
    """
    chars = set(new)
    found: list[str] = []
    if len(new) < MIN_LENGTH:
        found.append(PasswordRule.TOO_SHORT)
    if len(new) > MAX_LENGTH:
        found.append(PasswordRule.TOO_LONG)
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
    if is_forbidden(new):
        found.append(PasswordRule.FORBIDDEN_PASSWORD)
    if current is not None and new == current:
        found.append(PasswordRule.SAME_AS_CURRENT)
    return found
