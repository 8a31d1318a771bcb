"""When the fleet listing flags a terminal: the central's ``terminals list`` and
the terminal's own ``main.py status --json`` say the same of it."""

from __future__ import annotations

from datetime import timedelta
from typing import Final

SILENT_AFTER: Final = timedelta(hours=1)  # a terminal in service not heard from longer: SILENT
# NTP keeps a PC within a second; a clock further off than this was left alone (CLOCK)
CLOCK_OFF_AFTER_S: Final = 60


def clock_off(offset_s: int | None) -> bool:
    """Whether a terminal whose clock reads ``offset_s`` off the central's is flagged."""
    return offset_s is not None and abs(offset_s) > CLOCK_OFF_AFTER_S
