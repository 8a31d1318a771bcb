"""The clerk's lists on a long day: a few entries listed, the rest counted.
Listing 10,000 wrapped rows of the outbox (and reading them all at every poll)
stopped the event loop for over half a second at every refresh while the sync
worker drained them; the day's list was laid out anew, whole, at every poll."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.api_types import RegistrationRequest
from kiosk.daybook import Daybook, DayOutcome, daybook_path
from kiosk.outbox import Outbox
from kiosk.outbox.schema import Delivered, EntryView, Failed
from ui.clerk_panel import LISTED_ENTRIES_MAX, ClerkPanel, OutboxPanel

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

STARTED = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)


def entry(n: int) -> EntryView:
    at = STARTED + timedelta(minutes=n)
    return EntryView(
        id=f"entry-{n}", state="pending", created_at=at, attempts=1, next_attempt_at=at,
        last_error=None, outcome=None, registration_id=None, delivered_at=None,
        phone_masked=f"+7 701 *** ** {n % 100:02d}", email_masked="a***@mail.ru",
        has_personal_data=True,
    )  # fmt: skip


def test_a_long_backlog_lists_the_first_entries_and_says_how_many_more_wait(
    qtbot: QtBot, tmp_path: Path
) -> None:
    now = [STARTED.timestamp()]
    with Outbox(tmp_path / "outbox.db", bytes(32), clock=lambda: now[0]) as box:
        ids = []
        for n in range(LISTED_ENTRIES_MAX + 40):
            now[0] += 60
            request = RegistrationRequest(
                email=f"client{n}@mail.ru", phone=f"+7701{n:07d}", consent=True
            )
            ids.append(box.capture(request))
        box.record(
            [
                Failed(ids[-1], "refused by the central", retry_in_s=None),  # the newest: set aside
                Delivered(ids[0], "created", "reg-0"),
            ]
        )
        waiting = box.waiting(LISTED_ENTRIES_MAX)
    panel = OutboxPanel(None)
    qtbot.addWidget(panel)
    panel.resize(320, 700)
    panel.show()
    counts: list[int] = []
    panel.count_changed.connect(counts.append)

    panel.show_waiting(waiting)

    assert panel.list.count() == LISTED_ENTRIES_MAX
    listed_ids = [panel.list.item(i).data(256) for i in range(panel.list.count())]
    assert listed_ids[0] == ids[1]  # oldest first, the delivered one gone
    assert listed_ids[-1] == ids[-1]  # the one the clerk must act on is not cut off
    assert panel.more.isVisible()
    assert panel.more.text() == "Ещё 39 ждут отправки и не показаны."
    assert counts == [LISTED_ENTRIES_MAX + 39]  # the count is of all of them

    panel.show_waiting(([entry(1), entry(2)], 2))
    assert panel.list.count() == 2
    assert not panel.more.isVisible()


def test_a_long_day_lists_the_newest_registrations_and_counts_them_all(
    qtbot: QtBot, tmp_path: Path
) -> None:
    day = LISTED_ENTRIES_MAX + 25
    now = [STARTED.timestamp()]
    book = Daybook(daybook_path(tmp_path), bytes(32), clock=lambda: now[0])
    for n in range(day):
        now[0] += 60
        book.record(
            f"key-{n}", f"+7 701 *** ** {n % 100:02d}", "a***@mail.ru", DayOutcome.REGISTERED
        )
    panel = ClerkPanel(None, daybook=book)
    qtbot.addWidget(panel)
    panel.resize(420, 900)
    panel.show()

    panel.poll()

    qtbot.waitUntil(lambda: panel.today_list.count() > 0, timeout=10_000)
    assert panel.today_title.text() == f"Регистраций сегодня: {day}"
    assert panel.today_list.count() == LISTED_ENTRIES_MAX
    assert "+7 701 *** ** 24" in panel.today_list.item(0).text()  # the newest, key-124
