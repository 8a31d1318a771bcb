"""The insurer's password policy, checked on the terminal before it is sent.

The central checks again and answers ``422 weak_password`` with the same codes;
checking here lets the screen tick a live checklist. The rules are the central's
own module (pure standard library), so the terminal and the central cannot
disagree. Callers may rely on :func:`violations` listing *every* unmet rule at
once, in the order of :data:`RULES`, and never raising for any ``str``.
"""

from __future__ import annotations

from central.core.password_policy import (
    ALLOWED as ALLOWED_CHARACTERS,
)
from central.core.password_policy import (
    FORBIDDEN_PASSWORDS,
    MIN_LENGTH,
    RULES,
    SPECIALS,
    violations,
)

__all__ = [
    "ALLOWED_CHARACTERS",
    "FORBIDDEN_PASSWORDS",
    "MIN_LENGTH",
    "RULES",
    "SPECIALS",
    "violations",
]
