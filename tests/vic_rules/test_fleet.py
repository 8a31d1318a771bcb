"""The fleet's flags are one rule for the central's listing and the terminal's status."""

from __future__ import annotations

import pytest

from vic_rules.fleet import CLOCK_OFF_AFTER_S, clock_off


@pytest.mark.parametrize(
    ("offset_s", "flagged"),
    [
        (None, False),
        (0, False),
        (CLOCK_OFF_AFTER_S, False),
        (-CLOCK_OFF_AFTER_S, False),
        (CLOCK_OFF_AFTER_S + 1, True),
        (-CLOCK_OFF_AFTER_S - 1, True),
    ],
)
def test_a_clock_more_than_a_minute_off_either_way_is_flagged(
    offset_s: int | None, flagged: bool
) -> None:
    assert clock_off(offset_s) is flagged
