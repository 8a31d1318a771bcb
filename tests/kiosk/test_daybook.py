"""The day's list on disk: sealed, updated in place, gone the next day."""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path

from kiosk.daybook import Daybook, DayOutcome, daybook_path
from kiosk.outbox import Outbox


def test_the_day_list_is_sealed_follows_the_outbox_and_ends_with_the_day(tmp_path: Path) -> None:
    key = os.urandom(32)
    noon = datetime(2026, 12, 1, 12, 0).timestamp()
    now = [noon]
    book = Daybook(daybook_path(tmp_path), key, clock=lambda: now[0])
    book.record("a", "+7 701 *** ** 67", "a***@mail.ru", DayOutcome.REGISTERED)
    book.record("b", "+7 705 *** ** 21", "d***@mail.ru", DayOutcome.SAVED)
    assert b"mail.ru" not in daybook_path(tmp_path).read_bytes(), "masked contacts are sealed too"

    with Outbox(tmp_path / "outbox.db", key) as box:  # no entry "b" there: nothing changes
        followed = book.follow_outbox(box.views)
    assert [e.outcome for e in followed] == [
        DayOutcome.REGISTERED,
        DayOutcome.SAVED,
    ]
    book.record("b", "", "", DayOutcome.EXISTS_TOLD)  # the outcome changes, the line stays
    reopened = Daybook(daybook_path(tmp_path), key, clock=lambda: now[0]).entries()
    assert [(e.key, e.outcome, e.phone_masked) for e in reopened] == [
        ("a", DayOutcome.REGISTERED, "+7 701 *** ** 67"),
        ("b", DayOutcome.EXISTS_TOLD, "+7 705 *** ** 21"),
    ]
    assert Daybook(daybook_path(tmp_path), os.urandom(32)).entries() == ()  # another key

    now[0] = (datetime(2026, 12, 1, 12, 0) + timedelta(days=1)).timestamp()
    assert book.entries() == ()
