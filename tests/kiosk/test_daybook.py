"""The day's list on disk: sealed line by line, appended to, gone the next day."""

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


def test_a_registration_appends_its_line_and_leaves_the_day_before_it_untouched(
    tmp_path: Path,
) -> None:
    """The file was sealed and rewritten whole at every registration: work and
    memory that grew with the day (bench memory)."""
    now = [datetime(2026, 12, 1, 9, 0).timestamp()]
    path = daybook_path(tmp_path)
    book = Daybook(path, os.urandom(32), clock=lambda: now[0])
    for n in range(300):
        book.record(f"key-{n:03d}", "+7 701 *** ** 67", "a***@mail.ru", DayOutcome.REGISTERED)
    before = path.read_bytes()
    book.record("key-300", "+7 701 *** ** 67", "a***@mail.ru", DayOutcome.REGISTERED)
    book.record("key-000", "", "", DayOutcome.ALREADY_REGISTERED)  # a new outcome: a line too
    after = path.read_bytes()
    assert after.startswith(before) and after.count(b"\n") == before.count(b"\n") + 2
    assert len(book.entries()) == 301
    assert book.entries()[0].outcome is DayOutcome.ALREADY_REGISTERED


def test_a_line_cut_by_a_crash_is_skipped_and_the_next_write_starts_clean(
    tmp_path: Path,
) -> None:
    key = os.urandom(32)
    now = [datetime(2026, 12, 1, 9, 0).timestamp()]
    path = daybook_path(tmp_path)
    book = Daybook(path, key, clock=lambda: now[0])
    book.record("a", "+7 701 *** ** 67", "a***@mail.ru", DayOutcome.REGISTERED)
    book.record("b", "+7 705 *** ** 21", "d***@mail.ru", DayOutcome.SAVED)
    path.write_bytes(path.read_bytes()[:-20])  # the power went during the second line

    reopened = Daybook(path, key, clock=lambda: now[0])
    assert [e.key for e in reopened.entries()] == ["a"]
    reopened.record("c", "+7 707 *** ** 10", "c***@mail.ru", DayOutcome.REGISTERED)
    assert [e.key for e in Daybook(path, key, clock=lambda: now[0]).entries()] == ["a", "c"]


def test_a_file_of_the_earlier_format_is_started_afresh(tmp_path: Path) -> None:
    from kiosk.outbox.crypto import seal

    key = os.urandom(32)
    path = daybook_path(tmp_path)
    path.write_bytes(seal(key, "vic-kiosk daybook v1", b'{"day":"2026-12-01","entries":[]}'))
    book = Daybook(path, key, clock=lambda: datetime(2026, 12, 1, 9, 0).timestamp())
    assert book.entries() == ()
    book.record("a", "+7 701 *** ** 67", "a***@mail.ru", DayOutcome.REGISTERED)
    assert [e.key for e in book.entries()] == ["a"]
