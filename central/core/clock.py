"""The central's notion of "now", one per application.

Every rule with a time in it (code lifetime, cool-downs, hourly caps, token
expiry) reads ``app.state.clock`` rather than the system clock, so tests can
move time forward instead of sleeping.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from typing import Annotated

from pydantic import AfterValidator, AwareDatetime
from pydantic_core import PydanticCustomError

from vic_rules.codes import FieldCode


class Clock:
    """UTC wall time plus an offset that only tests change."""

    def __init__(self) -> None:
        self._offset = timedelta(0)
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            return datetime.now(UTC) + self._offset

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._offset += timedelta(seconds=seconds)


# contract v1.1: a late registration's ``captured_at`` may be this far from "now"
CAPTURED_AT_MAX_AHEAD_S = 5 * 60
CAPTURED_AT_MAX_AGE_S = 30 * 24 * 3600
OUT_OF_RANGE: str = FieldCode.OUT_OF_RANGE.value


def _in_utc(value: datetime) -> datetime:
    """``value`` as UTC; a time whose UTC form is outside year 1..9999 (year 1
    at +05:00, year 9999 at -05:00) is a field error, not an ``OverflowError``."""
    try:
        return value.astimezone(UTC)
    except (OverflowError, ValueError):
        raise PydanticCustomError(OUT_OF_RANGE, "the time is out of range") from None


# An RFC 3339 time with a zone, converted to UTC; callers may compare and
# subtract it freely (no overflow left).
UtcDatetime = Annotated[AwareDatetime, AfterValidator(_in_utc)]


def captured_at_problem(captured_at: datetime | None, now: datetime) -> str | None:
    """``"out_of_range"`` when ``captured_at`` is later than now + 5 minutes or
    earlier than now - 30 days (contract v1.1), else ``None``."""
    if captured_at is None:
        return None
    ahead = (captured_at - now).total_seconds()
    if ahead > CAPTURED_AT_MAX_AHEAD_S or -ahead > CAPTURED_AT_MAX_AGE_S:
        return OUT_OF_RANGE
    return None
