"""Retry delays for temporary failures: exponential, capped, with full jitter.

Full jitter (a uniform draw between zero and the exponential ceiling) spreads the
retries of many terminals that lost the central at the same moment, so they do
not all come back at once.
"""

from __future__ import annotations

import random

BACKOFF_BASE_S = 2.0
BACKOFF_CAP_S = 300.0


def backoff_ceiling_s(
    attempts: int, *, base_s: float = BACKOFF_BASE_S, cap_s: float = BACKOFF_CAP_S
) -> float:
    """The largest delay after ``attempts`` failed attempts (1 → base_s)."""
    if attempts < 1:
        return 0.0
    exponent = min(attempts - 1, 32)
    return float(min(cap_s, base_s * (2**exponent)))


def backoff_delay_s(
    attempts: int,
    *,
    base_s: float = BACKOFF_BASE_S,
    cap_s: float = BACKOFF_CAP_S,
    rng: random.Random | None = None,
) -> float:
    """A delay drawn uniformly from ``[0, ceiling]``; never above ``cap_s``."""
    ceiling = backoff_ceiling_s(attempts, base_s=base_s, cap_s=cap_s)
    return (rng or random).uniform(0.0, ceiling)
