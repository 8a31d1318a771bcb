"""A terminal whose clock is off still counts a code's minutes right (the times of
an answer come back on the terminal's clock: ``kiosk.answers.clock_offset``), and
its late registrations are dated on the central's clock."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
import requests
from sqlalchemy import select
from sqlalchemy.orm import Session

from central.models import Registration
from central.server import EmbeddedCentral
from kiosk.answers import CLOCK_SKEW_TOLERANCE_S, HTTP_DATE_SLACK, clock_offset
from kiosk.client import CentralClient
from kiosk.flows.registration import CodeState
from tests.kiosk.kit import TEST_CONNECT_TIMEOUT_S, TEST_READ_TIMEOUT_S, add_terminal
from tests.kiosk.outbox_helpers import request

SKEW = timedelta(minutes=10)  # a branch PC without time sync for weeks


def terminal_client(central: EmbeddedCentral, skew: timedelta) -> CentralClient:
    return CentralClient(
        central.url,
        terminal_token=add_terminal(central),
        locale="en",
        connect_timeout_s=TEST_CONNECT_TIMEOUT_S,
        read_timeout_s=TEST_READ_TIMEOUT_S,
        clock=lambda: datetime.now(UTC) + skew,
    )


@pytest.mark.parametrize("skew", [SKEW, -SKEW], ids=["ahead", "behind"])
def test_a_code_counts_down_from_its_whole_life_whatever_the_terminal_clock_says(
    sqlite_central: EmbeddedCentral, skew: timedelta
) -> None:
    ttl_s = sqlite_central.settings.code_ttl_s
    resend_s = sqlite_central.settings.code_resend_cooldown_s
    with terminal_client(sqlite_central, skew) as client:
        started = client.register(request(1), idempotency_key=str(uuid.uuid4()))
        terminal_now = client.clock()
    code = CodeState.from_started(started)
    # ahead, the screen said "the code has expired" as the SMS left; behind, it
    # counted 15 minutes for a code that works 5 (the server's Date may lag its
    # clock by a tick under load: the second of slack above the life)
    assert ttl_s - 5 <= code.expires_in_s(terminal_now) <= ttl_s + 1
    assert resend_s - 5 <= code.resend_in_s(terminal_now) <= resend_s + 1


def central_captured_at(central: EmbeddedCentral, phone: str) -> datetime:
    with Session(central.engine) as db:
        found = db.scalars(select(Registration.captured_at).where(Registration.phone == phone))
        at = found.one()
    assert at is not None
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)


@pytest.mark.parametrize(
    "skew", [SKEW, timedelta(days=-40)], ids=["ahead 10 min", "behind 40 days"]
)
def test_a_late_registration_is_dated_on_the_central_clock(
    sqlite_central: EmbeddedCentral, skew: timedelta
) -> None:
    """Off by more than five minutes, the central refused every late registration
    (``captured_at`` out of range) and the outbox set it aside for good."""
    with terminal_client(sqlite_central, skew) as client:
        late = replace(request(2), captured_at=client.clock() - timedelta(minutes=1))
        client.register(late, idempotency_key=str(uuid.uuid4()))
    captured = central_captured_at(sqlite_central, late.phone)
    expected = datetime.now(UTC) - timedelta(minutes=1)
    assert abs((captured - expected).total_seconds()) < 5


def test_a_capture_dated_ahead_of_a_clock_set_right_since_is_dated_now(
    sqlite_central: EmbeddedCentral,
) -> None:
    with terminal_client(sqlite_central, timedelta(0)) as client:
        late = replace(request(3), captured_at=client.clock() + SKEW)
        client.register(late, idempotency_key=str(uuid.uuid4()))
    captured = central_captured_at(sqlite_central, late.phone)
    assert abs((captured - datetime.now(UTC)).total_seconds()) < 5


def answer_dated(date: str | None) -> requests.Response:
    answer = requests.Response()
    if date is not None:
        answer.headers["Date"] = date
    return answer


CENTRAL_NOW = datetime(2026, 12, 2, 12, 0, 0, tzinfo=UTC)
HTTP_DATE = "Wed, 02 Dec 2026 12:00:00 GMT"


def test_the_offset_errs_towards_a_countdown_that_ends_early() -> None:
    """The central's now is taken as its Date plus the slack of the header (whole
    seconds, renewed once a second): moved times err early, not late."""
    ahead = clock_offset(answer_dated(HTTP_DATE), CENTRAL_NOW + SKEW)
    behind = clock_offset(answer_dated(HTTP_DATE), CENTRAL_NOW - SKEW)
    assert (ahead, behind) == (SKEW - HTTP_DATE_SLACK, -SKEW - HTTP_DATE_SLACK)


@pytest.mark.parametrize("date", [None, "", "yesterday", "Wed, 02 Dec 2026 12:00:01 GMT"], ids=repr)
def test_no_offset_without_a_readable_date_or_within_the_tolerance(date: str | None) -> None:
    near = CENTRAL_NOW + timedelta(seconds=CLOCK_SKEW_TOLERANCE_S)
    assert clock_offset(answer_dated(date), near) == timedelta(0)
