"""RegistrationFlow against the real central over HTTP, and a real outbox."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from central.models import Registration
from central.server import EmbeddedCentral
from kiosk.client import CentralClient
from kiosk.errors import (
    CodeExpired,
    InvalidCode,
    RateLimited,
    TooManyAttempts,
    Unreachable,
    ValidationFailed,
)
from kiosk.flows import DetailsProblems, RegistrationFlow, RegistrationOutcome, Step
from kiosk.outbox import Outbox, OutboxFull
from tests.kiosk.flow_helpers import central_clock, wait_until, witness_sms
from tests.kiosk.kit import add_terminal, create_account, make_client, sms_code, wait_for_messages

TYPED_PHONE = "8 (701) 123-45-67"
PHONE = "+77011234567"
EMAIL = "aigerim@example.kz"


def checked_flow(client: CentralClient, outbox: Outbox | None = None) -> RegistrationFlow:
    flow = RegistrationFlow(client, outbox, locale="en")
    assert flow.submit_details(f"  {EMAIL} ", TYPED_PHONE, consent=True).ok
    assert flow.step is Step.CHECK_DETAILS
    return flow


def wrong(code: str) -> str:
    return "000000" if code != "000000" else "111111"


def registrations(central: EmbeddedCentral) -> int:
    with Session(central.engine) as session:
        return int(session.scalar(select(func.count()).select_from(Registration)) or 0)


def test_details_are_checked_offline_and_shown_normalised(sqlite_client: CentralClient) -> None:
    flow = RegistrationFlow(sqlite_client, None)

    empty = flow.submit_details(" ", "", consent=False)
    assert (empty.email, empty.phone, empty.consent) == (
        ("required",),
        ("required",),
        ("consent_required",),
    )
    bad = flow.submit_details("aigerim@gmial.com", "8 727 258 00 00", consent=True)
    assert bad.phone == ("not_mobile",) and bad.email_suggestion == "aigerim@gmail.com"
    assert flow.step is Step.REGISTRATION

    assert flow.submit_details(EMAIL, TYPED_PHONE, consent=True).ok
    assert (flow.email, flow.phone, flow.phone_display) == (EMAIL, PHONE, "+7 701 123 45 67")
    flow.change_details()
    assert flow.step is Step.REGISTRATION


def test_send_and_confirm(client: CentralClient) -> None:
    flow = checked_flow(client)

    assert flow.apply(flow.send()) is Step.CODE_ENTRY
    state = flow.code_state
    assert state is not None and state.attempts_left == 5 and "*" in state.phone_masked
    now = datetime.now(UTC)
    assert 0 < state.expires_in_s(now) <= 305 and state.resend_in_s(now) > 0

    code = sms_code(client, PHONE)
    assert client.dev_messages(to=EMAIL) == []
    assert flow.apply(flow.confirm_code(f" {code} ")) is Step.DONE
    assert flow.last_error is None
    assert wait_for_messages(client, EMAIL, 1, "email")


def test_a_wrong_code_counts_down_the_attempts(sqlite_client: CentralClient) -> None:
    flow = checked_flow(sqlite_client)
    flow.apply(flow.send())
    bad = wrong(sms_code(sqlite_client, PHONE))

    for left in (4, 3):
        assert flow.apply(flow.confirm_code(bad)) is Step.CODE_ENTRY
        assert isinstance(flow.last_error, InvalidCode)
        assert flow.code_state is not None and flow.code_state.attempts_left == left


def test_a_burnt_code_needs_a_resend(central_factory: Callable[..., EmbeddedCentral]) -> None:
    central = central_factory(code_resend_cooldown_s=0)
    client = make_client(central, add_terminal(central))
    flow = checked_flow(client)
    flow.apply(flow.send())
    code = sms_code(client, PHONE)
    for _ in range(5):
        flow.apply(flow.confirm_code(wrong(code)))

    assert flow.apply(flow.confirm_code(code)) is Step.CODE_ENTRY
    assert isinstance(flow.last_error, TooManyAttempts)
    assert flow.code_state is not None and flow.code_state.attempts_left == 0

    assert flow.apply(flow.resend_code()) is Step.CODE_ENTRY
    assert flow.last_error is None and flow.code_state.attempts_left == 5
    assert flow.apply(flow.confirm_code(sms_code(client, PHONE, nth=2))) is Step.DONE


def test_an_expired_code_keeps_the_code_screen(
    sqlite_central: EmbeddedCentral, sqlite_client: CentralClient
) -> None:
    flow = checked_flow(sqlite_client)
    flow.apply(flow.send())
    code = sms_code(sqlite_client, PHONE)
    assert flow.code_state is not None
    central_clock(sqlite_central).advance(flow.code_state.expires_in_s(datetime.now(UTC)) + 1)

    assert flow.apply(flow.confirm_code(code)) is Step.CODE_ENTRY
    assert isinstance(flow.last_error, CodeExpired)


def test_resend_during_the_cool_down_explains_the_wait(sqlite_client: CentralClient) -> None:
    flow = checked_flow(sqlite_client)
    flow.apply(flow.send())
    before = flow.code_state

    assert flow.apply(flow.resend_code()) is Step.CODE_ENTRY
    assert isinstance(flow.last_error, RateLimited) and flow.last_error.retry_after_s > 0
    assert flow.code_state == before


def test_an_existing_account_is_already_registered(client: CentralClient) -> None:
    create_account(client, PHONE, "first@example.kz", activate=False)
    sms_before = len(client.dev_messages(to=PHONE))

    flow = checked_flow(client)
    assert flow.apply(flow.send()) is Step.ALREADY_REGISTERED
    witness_sms(client)
    assert len(client.dev_messages(to=PHONE)) == sms_before


def test_the_centrals_field_problems_come_back_to_the_form(
    sqlite_client: CentralClient,
) -> None:
    flow = RegistrationFlow(sqlite_client, None, regions=("KZ", "RU"))
    assert flow.submit_details(EMAIL, "+7 926 123 45 67", consent=True).ok

    assert flow.apply(flow.send()) is Step.REGISTRATION
    assert isinstance(flow.last_error, ValidationFailed)
    assert flow.details_problems == DetailsProblems(phone=("region_not_allowed",))
    assert flow.email == EMAIL


def test_a_double_tap_registers_once(
    sqlite_central: EmbeddedCentral, sqlite_client: CentralClient
) -> None:
    flow = checked_flow(sqlite_client)
    start = threading.Barrier(2)
    outcomes: list[RegistrationOutcome] = []

    def tap() -> None:
        start.wait()
        outcomes.append(flow.send())

    taps = [threading.Thread(target=tap) for _ in range(2)]
    for t in taps:
        t.start()
    for t in taps:
        t.join()

    assert sorted(o.sent for o in outcomes) == [False, True]
    for outcome in outcomes:
        flow.apply(outcome)
    assert flow.step is Step.CODE_ENTRY
    assert registrations(sqlite_central) == 1
    wait_for_messages(sqlite_client, PHONE, 1, "sms")
    witness_sms(sqlite_client)
    assert len(sqlite_client.dev_messages(to=PHONE)) == 1
    assert flow.apply(flow.send()) is Step.CODE_ENTRY
    assert registrations(sqlite_central) == 2  # ours and the witness's


def test_a_tap_while_a_send_is_in_flight_returns_at_once(silent_url: str) -> None:
    client = CentralClient(silent_url, terminal_token="t", read_timeout_s=1.0)
    flow = checked_flow(client)
    first: list[RegistrationOutcome] = []
    sending = threading.Thread(target=lambda: first.append(flow.send()))
    sending.start()
    wait_until(lambda: flow.busy)

    started = time.monotonic()
    again, resend = flow.send(), flow.resend_code()
    assert time.monotonic() - started < 0.2
    assert not again.sent and not resend.sent
    assert flow.apply(again) is Step.CHECK_DETAILS
    sending.join()
    assert flow.apply(first[0]) is Step.CHECK_DETAILS
    assert not flow.busy and isinstance(flow.last_error, Unreachable)


def test_a_stopped_central_saves_the_registration_offline(
    sqlite_central: EmbeddedCentral, sqlite_client: CentralClient, outbox: Outbox
) -> None:
    flow = checked_flow(sqlite_client, outbox)
    sqlite_central.stop()

    assert flow.apply(flow.send()) is Step.SAVED_OFFLINE
    assert isinstance(flow.last_error, Unreachable)
    assert outbox.counts()["pending"] == 1
    assert flow.outbox_entry_id == outbox.entries()[0].id


def test_a_late_delivery_of_an_attempt_that_arrived_registers_once(
    sqlite_central: EmbeddedCentral, sqlite_client: CentralClient, outbox: Outbox
) -> None:
    flow = checked_flow(sqlite_client, outbox)
    assert flow.apply(flow.send()) is Step.CODE_ENTRY
    first = flow.code_state

    key = flow._key
    assert key is not None
    assert flow._request is not None
    late = replace(flow._request, captured_at=datetime.now(UTC))
    again = sqlite_client.register(late, idempotency_key=key)

    assert first is not None and again.code_expires_at == first.code_expires_at
    assert registrations(sqlite_central) == 1


def test_a_hung_central_saves_the_registration_offline(silent_url: str, outbox: Outbox) -> None:
    client = CentralClient(silent_url, terminal_token="t", read_timeout_s=0.3)
    flow = checked_flow(client, outbox)
    started = time.monotonic()

    assert flow.apply(flow.send()) is Step.SAVED_OFFLINE
    assert time.monotonic() - started < 3.0


def test_without_an_outbox_or_with_a_full_one_the_details_stay(
    closed_url: str, tmp_path: Path
) -> None:
    client = CentralClient(closed_url, terminal_token="t", connect_timeout_s=0.5)
    flow = checked_flow(client, None)
    assert flow.apply(flow.send()) is Step.CHECK_DETAILS
    assert isinstance(flow.last_error, Unreachable)

    with Outbox(tmp_path / "full.db", os.urandom(32), capacity=0) as full:
        flow = checked_flow(client, full)
        assert flow.apply(flow.send()) is Step.CHECK_DETAILS
        assert isinstance(flow.last_error, Unreachable)
        assert isinstance(flow.offline_refusal, OutboxFull)
        assert full.counts()["pending"] == 0


def test_a_send_that_failed_can_be_sent_again_once_the_central_is_back(
    sqlite_central: EmbeddedCentral, sqlite_client: CentralClient
) -> None:
    flow = checked_flow(sqlite_client, None)
    sqlite_central.stop()
    assert flow.apply(flow.send()) is Step.CHECK_DETAILS
    sqlite_central.start()

    assert flow.apply(flow.send()) is Step.CODE_ENTRY
    assert registrations(sqlite_central) == 1


def test_an_answer_arriving_after_a_wipe_is_dropped(silent_url: str, outbox: Outbox) -> None:
    client = CentralClient(silent_url, terminal_token="t", read_timeout_s=0.5)
    flow = checked_flow(client, outbox)
    late: list[RegistrationOutcome] = []
    sending = threading.Thread(target=lambda: late.append(flow.send()))
    sending.start()
    wait_until(lambda: flow.busy)

    flow.wipe()
    sending.join()

    assert late and late[0].sent
    assert flow.apply(late[0]) is None
    assert flow.step is Step.REGISTRATION and flow.last_error is None and flow.email is None
    assert outbox.counts()["pending"] == 0


def test_wipe_forgets_everything(sqlite_client: CentralClient) -> None:
    flow = checked_flow(sqlite_client)
    flow.apply(flow.send())
    flow.apply(flow.confirm_code("000000"))

    flow.wipe()

    assert flow.step is Step.REGISTRATION
    assert (flow.email, flow.phone, flow.phone_display) == (None, None, "")
    assert flow.code_state is None and flow.last_error is None
    assert flow.details_problems is None
    assert flow.apply(flow.confirm_code(sms_code(sqlite_client, PHONE))) is Step.REGISTRATION
