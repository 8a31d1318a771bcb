"""Email addresses: offline syntax check, normal form, look-up key, "did you mean", mask.

The one rule of the terminal and the central: email-validator's syntax check
without DNS (a branch terminal may be offline; the activation link proves the
mailbox), at most :data:`MAX_INPUT_CHARS` (320) characters as typed, surrounding
spaces ignored. The stored form is email-validator's normalised address (domain
in lower case); uniqueness and look-ups compare :func:`email_key`, its lower-cased
form, because mailbox names are case-insensitive in practice.

Callers may rely on :func:`normalize_email` returning the normalised form or
raising :class:`EmailProblem` (``invalid_email``) — nothing else, for any input —
and on normalising its own output giving the same value back. :func:`mask_email`
never raises.
"""

from __future__ import annotations

from typing import Final

from email_validator import EmailNotValidError, validate_email

from vic_rules.codes import FieldCode

__all__ = [
    "KNOWN_DOMAINS",
    "MAX_INPUT_CHARS",
    "POPULAR_DOMAINS",
    "EmailProblem",
    "edit_distance",
    "email_key",
    "email_with_key",
    "mask_email",
    "normalize_email",
    "suggest_email",
]

MAX_INPUT_CHARS: Final = 320
_MASK: Final = "***"

POPULAR_DOMAINS: Final = (
    "mail.ru",
    "gmail.com",
    "inbox.ru",
    "list.ru",
    "bk.ru",
    "internet.ru",
    "yandex.ru",
    "yandex.kz",
    "icloud.com",
    "outlook.com",
)
"""The mailbox domains most clients here use, most common first."""

KNOWN_DOMAINS: Final = frozenset(
    {
        "mail.kz",
        "mail.com",
        "mail.ua",
        "googlemail.com",
        "yandex.com",
        "yandex.by",
        "yandex.ua",
        "yandex.uz",
        "ya.ru",
        "rambler.ru",
        "ro.ru",
        "yahoo.com",
        "hotmail.com",
        "live.com",
        "live.ru",
        "msn.com",
        "me.com",
        "mac.com",
        "proton.me",
        "protonmail.com",
        "ok.ru",
        "vk.com",
        "vk.ru",
    }
)
"""Real domains close to a popular one: never "corrected", only suggested."""

_BRAND_DOMAINS: Final = {"gmail": "gmail.com", "icloud": "icloud.com"}
"""Providers with a single domain: ``gmail.ru`` means ``gmail.com``, not ``mail.ru``."""


class EmailProblem(ValueError):
    """Why a typed email address is refused; ``code`` is ``invalid_email``."""

    def __init__(self, code: FieldCode = FieldCode.INVALID_EMAIL) -> None:
        super().__init__(str(code))
        self.code: FieldCode = code


def normalize_email(raw: str) -> str:
    """The normalised address, or :class:`EmailProblem` if its syntax is wrong."""
    if not isinstance(raw, str) or len(raw) > MAX_INPUT_CHARS or not raw.strip():
        raise EmailProblem()
    try:
        return validate_email(raw.strip(), check_deliverability=False).normalized
    except (EmailNotValidError, UnicodeError, ValueError):
        raise EmailProblem() from None


def email_key(normalized: str) -> str:
    """What uniqueness and look-ups compare: the normalised address in lower case."""
    return normalized.lower()


def email_with_key(raw: str) -> tuple[str, str]:
    """``(normalised address, look-up key)``, or :class:`EmailProblem`."""
    normalized = normalize_email(raw)
    return normalized, email_key(normalized)


def edit_distance(a: str, b: str) -> int:
    """Damerau–Levenshtein distance (optimal string alignment): typos incl. swaps."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[len(b)]


def _max_distance(domain: str) -> int:
    return 1 if len(domain) <= 6 else 2


def _closest_domain(domain: str) -> str | None:
    if domain in POPULAR_DOMAINS or domain in KNOWN_DOMAINS:
        return None
    brand = _BRAND_DOMAINS.get(domain.partition(".")[0])
    if brand is not None:
        return brand
    best: tuple[int, int, str] | None = None
    candidates = [*POPULAR_DOMAINS, *sorted(KNOWN_DOMAINS)]
    for rank, known in enumerate(candidates):
        distance = edit_distance(domain, known)
        if distance <= _max_distance(known) and (best is None or (distance, rank) < best[:2]):
            best = (distance, rank, known)
    return best[2] if best is not None else None


def suggest_email(raw: str) -> str | None:
    """``aigerim@gmail.com`` for ``aigerim@gmial.com``: a likely intended address.

    None when the domain is already a popular or otherwise known one, when nothing
    is close enough, or when the corrected address would still be invalid.
    """
    if not isinstance(raw, str) or len(raw) > MAX_INPUT_CHARS:
        return None
    local, at, domain = raw.strip().rpartition("@")
    domain = domain.strip().lower()
    if not at or not local or not domain:
        return None
    better = _closest_domain(domain)
    if better is None:
        return None
    try:
        return normalize_email(f"{local}@{better}")
    except EmailProblem:
        return None


def mask_email(email: str) -> str:
    """``a***@mail.ru``: the mailbox's first character and the domain, nothing else.

    The number of stars is fixed, so the mask does not tell the mailbox's length;
    ``***`` for text without ``@``. Never raises.
    """
    if not isinstance(email, str):
        return _MASK
    local, at, domain = email.rpartition("@")
    if not at:
        return _MASK
    return f"{local[:1]}{_MASK}@{domain}"
