"""The login a client types (phone or email) as the key the central looks it up by.

One function for both sides: the terminal sends what it computes, the central
computes it again from whatever arrives, and both land on the same account.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from vic_rules.email import MAX_INPUT_CHARS, EmailProblem, email_key, normalize_email
from vic_rules.phone import DEFAULT_REGION, DEFAULT_REGIONS, PhoneProblem, normalize_phone

__all__ = ["MAX_LOGIN_CHARS", "normalize_login"]

MAX_LOGIN_CHARS: Final = MAX_INPUT_CHARS


def normalize_login(
    raw: str, regions: Iterable[str] = DEFAULT_REGIONS, default_region: str = DEFAULT_REGION
) -> str:
    """An email's look-up key (``aigerim.k@mail.ru``) when the text holds ``@``, else
    a mobile's E.164; when it is neither, the trimmed text in lower case, cut to
    :data:`MAX_LOGIN_CHARS` (it matches no account, but still counts for limits).
    Never raises for a ``str``.
    """
    text = raw.strip()
    try:
        if "@" in text:
            return email_key(normalize_email(text))
        return normalize_phone(text, regions, default_region)
    except (EmailProblem, PhoneProblem):
        return text.lower()[:MAX_LOGIN_CHARS]
