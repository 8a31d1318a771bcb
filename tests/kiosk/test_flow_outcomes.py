"""The flows' outcome rules, fast, with a scripted central and an injected clock.

A blocking call changes nothing and returns an outcome; ``apply`` makes it the
flow's state unless a wipe came first; a tap while a call is in flight sends
nothing; a retry keeps its Idempotency-Key and body. The end-to-end tests
beside these (test_registration_flow, test_login_flow,
test_password_reset_flow) run the same flows against the real central.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any, TypeVar

import pytest

from kiosk.errors import (
    AlreadyConfirmed,
    InvalidCode,
    NotFound,
    RateLimited,
    TooManyAttempts,
    Unauthorized,
    UnexpectedResponse,
    Unreachable,
    WeakPassword,
)
from kiosk.flows import (
    LoginFlow,
    LoginStep,
    PasswordResetFlow,
    RegistrationFlow,
    ResetStep,
    Step,
)
from kiosk.outbox import Outbox
from kiosk.outbox.schema import DueEntry
from tests.kiosk.fake_central import T0, FakeCentral, reset_started, session, started

T = TypeVar("T")
EMAIL = "aigerim@example.kz"
PHONE = "+77011234567"


@pytest.fixture
def central() -> FakeCentral:
    return FakeCentral()


@pytest.fixture
def box(tmp_path: Path) -> Iterator[Outbox]:
    with Outbox(tmp_path / "outbox.db", os.urandom(32)) as outbox:
        yield outbox


def checked(central: FakeCentral, outbox: Outbox | None = None) -> RegistrationFlow:
    flow = RegistrationFlow(central, outbox, clock=lambda: T0)  # type: ignore[arg-type]
    assert flow.submit_details(EMAIL, "8 701 123 45 67", consent=True).ok
    return flow


def in_flight(central: FakeCentral, call: Callable[[], T]) -> tuple[threading.Event, Any]:
    """Start ``call`` on a thread and return once it is inside the central."""
    release = central.hold()
    result: list[T] = []
    thread = threading.Thread(target=lambda: result.append(call()))
    thread.start()
    assert central.entered.wait(5)

    class Pending:
        def finish(self) -> T:
            release.set()
            thread.join(5)
            assert not thread.is_alive()
            return result[0]

    return release, Pending()


# -- registration ----------------------------------------------------------------


def test_a_send_changes_nothing_until_its_outcome_is_applied(central: FakeCentral) -> None:
    central.script("register", started())
    flow = checked(central)

    outcome = flow.send()

    assert flow.step is Step.CHECK_DETAILS and flow.code_state is None
    assert outcome.step is Step.CODE_ENTRY and outcome.email == EMAIL and outcome.phone == PHONE
    assert flow.apply(outcome) is Step.CODE_ENTRY
    assert flow.code_state is not None and flow.code_state.attempts_left == 5


def test_an_outcome_that_arrives_after_a_wipe_is_dropped(central: FakeCentral) -> None:
    central.script("register", started())
    flow = checked(central)
    _, pending = in_flight(central, flow.send)

    flow.wipe()
    late = pending.finish()

    assert late.sent and late.step is Step.CODE_ENTRY
    assert flow.apply(late) is None
    assert flow.step is Step.REGISTRATION and flow.email is None and flow.code_state is None


def test_a_tap_while_a_send_is_in_flight_sends_nothing(central: FakeCentral) -> None:
    central.script("register", started())
    flow = checked(central)
    _, pending = in_flight(central, flow.send)

    second = flow.send()

    assert not second.sent and flow.apply(second) is Step.CHECK_DETAILS
    assert flow.apply(pending.finish()) is Step.CODE_ENTRY
    assert len(central.called("register")) == 1


def test_a_retry_sends_the_same_key_and_body_even_after_a_language_change(
    central: FakeCentral,
) -> None:
    central.script("register", Unreachable(), started())
    flow = checked(central)
    assert flow.apply(flow.send()) is Step.CHECK_DETAILS
    assert isinstance(flow.last_error, Unreachable)

    flow.locale = "en"
    assert flow.apply(flow.send()) is Step.CODE_ENTRY

    (first, first_key), (again, again_key) = central.called("register")
    assert (again, again_key) == (first, first_key) and again.locale == "ru"


def test_changed_details_get_a_new_key(central: FakeCentral) -> None:
    central.script("register", Unreachable(), Unreachable())
    flow = checked(central)
    flow.apply(flow.send())
    flow.change_details()
    assert flow.submit_details(EMAIL, "8 701 765 43 21", consent=True).ok
    flow.apply(flow.send())

    (first, first_key), (second, second_key) = central.called("register")
    assert first_key != second_key and (first.phone, second.phone) == (PHONE, "+77017654321")


def test_an_unreachable_central_keeps_the_registration_stamped_by_the_clock(
    central: FakeCentral, box: Outbox
) -> None:
    central.script("register", Unreachable())
    flow = checked(central, box)

    outcome = flow.send()

    assert box.counts()["pending"] == 1 and flow.outbox_entry_id is None
    assert flow.apply(outcome) is Step.SAVED_OFFLINE
    assert flow.outbox_entry_id is not None
    due = box.open_due_many([flow.outbox_entry_id]).get(flow.outbox_entry_id)
    assert isinstance(due, DueEntry) and due.request.captured_at == T0
    assert due.id == central.called("register")[0][1]  # the key of the attempt made


def test_a_client_wiped_during_an_unreachable_send_is_not_kept_offline(
    central: FakeCentral, box: Outbox
) -> None:
    central.script("register", Unreachable())
    flow = checked(central, box)
    _, pending = in_flight(central, flow.send)

    flow.wipe()
    late = pending.finish()

    assert flow.apply(late) is None
    assert box.counts()["pending"] == 0


def test_code_answers_update_the_attempts_and_already_confirmed_is_done(
    central: FakeCentral,
) -> None:
    central.script("register", started())
    central.script("confirm", InvalidCode(attempts_left=3), TooManyAttempts(), AlreadyConfirmed())
    flow = checked(central)
    flow.apply(flow.send())

    assert flow.apply(flow.confirm_code("111111")) is Step.CODE_ENTRY
    assert flow.code_state is not None and flow.code_state.attempts_left == 3
    assert flow.apply(flow.confirm_code("222222")) is Step.CODE_ENTRY
    assert flow.code_state.attempts_left == 0 and isinstance(flow.last_error, TooManyAttempts)
    assert flow.apply(flow.confirm_code(" 333333 ")) is Step.DONE
    assert flow.last_error is None
    assert central.called("confirm")[-1] == ("r1", "333333")


def test_the_countdowns_follow_the_clock(central: FakeCentral) -> None:
    central.script("register", started(), RateLimited(retry_after_s=42))
    central.script("resend", RateLimited(retry_after_s=42), started(attempts_left=5, at=T0))
    flow = checked(central)
    flow.apply(flow.send())
    state = flow.code_state
    assert state is not None

    assert state.resend_in_s(T0 + timedelta(seconds=30)) == 30
    assert state.expires_in_s(T0 + timedelta(seconds=299)) == 1
    assert state.expires_in_s(T0 + timedelta(seconds=301)) == 0
    assert flow.apply(flow.resend_code()) is Step.CODE_ENTRY
    assert isinstance(flow.last_error, RateLimited) and flow.code_state == state


# -- login -------------------------------------------------------------------------


def test_a_temporary_password_leads_to_the_change_and_the_old_session_is_ended(
    central: FakeCentral,
) -> None:
    central.script("log_in", session("temp", change=True), session("full"))
    flow = LoginFlow(central)  # type: ignore[arg-type]

    outcome = flow.log_in("8 701 123 45 67", "Temp_pass1")
    assert not flow.logged_in and flow.step is LoginStep.LOGIN
    assert flow.apply(outcome) is LoginStep.PASSWORD_CHANGE
    assert "Temp_pass1" not in repr(outcome) and "temp" not in repr(outcome)

    assert flow.apply(flow.change_password("Steppe_2024x", "Steppe_2024x")) is (
        LoginStep.PASSWORD_CHANGED
    )
    assert central.called("change_password") == [("temp", "Temp_pass1", "Steppe_2024x")]
    assert central.called("log_in")[-1] == (PHONE, "Steppe_2024x")
    assert central.called("end_session") == [("temp",)]
    assert flow.to_contracts() is LoginStep.CONTRACTS
    ended = flow.wipe()
    assert ended is not None and ended.token == "full"


def test_a_session_the_central_ended_goes_back_to_the_login(central: FakeCentral) -> None:
    central.script("log_in", session())
    central.script("contracts", Unauthorized())
    flow = LoginFlow(central)  # type: ignore[arg-type]
    flow.apply(flow.log_in(EMAIL, "Steppe_2024x"))

    assert flow.apply(flow.contracts()) is LoginStep.LOGIN
    assert not flow.logged_in and isinstance(flow.last_error, Unauthorized)


def test_a_login_answer_after_a_wipe_is_dropped(central: FakeCentral) -> None:
    central.script("log_in", session())
    flow = LoginFlow(central)  # type: ignore[arg-type]
    _, pending = in_flight(central, lambda: flow.log_in(EMAIL, "Steppe_2024x"))

    assert flow.wipe() is None
    assert flow.apply(pending.finish()) is None
    assert not flow.logged_in and flow.step is LoginStep.LOGIN


@pytest.mark.parametrize(
    "refusal", [NotFound(), UnexpectedResponse("HTTP 405", status=405), Unreachable()]
)
def test_ending_a_session_is_best_effort(central: FakeCentral, refusal: Exception) -> None:
    central.script("end_session", refusal)
    flow = LoginFlow(central)  # type: ignore[arg-type]

    assert flow.end_session(session("gone")) is False
    assert central.called("end_session") == [("gone",)]


# -- password reset ----------------------------------------------------------------


def test_a_reset_by_code_reaches_done_through_the_centrals_refusals(
    central: FakeCentral,
) -> None:
    central.script("request_password_reset", reset_started())
    central.script(
        "confirm_password_reset",
        InvalidCode(attempts_left=4),
        WeakPassword(violations=["missing_special"]),
        None,
    )
    flow = PasswordResetFlow(central)  # type: ignore[arg-type]

    outcome = flow.start(" 8 701 123 45 67 ")
    assert flow.step is ResetStep.PASSWORD_RESET and flow.code is None
    assert flow.apply(outcome) is ResetStep.RESET_CODE and flow.login == PHONE
    assert flow.login_display == "+7 701 123 45 67"
    assert flow.code is not None and flow.code.attempts_left is None

    assert (
        flow.apply(flow.confirm("000000", "Steppe_2024x", "Steppe_2024x")) is ResetStep.RESET_CODE
    )
    assert flow.code.attempts_left == 4 and isinstance(flow.last_error, InvalidCode)
    assert flow.apply(flow.confirm("123456", "Steppe2024x", "Steppe2024x")) is ResetStep.RESET_CODE
    assert isinstance(flow.last_error, WeakPassword)
    assert (
        flow.apply(flow.confirm("123456", "Steppe_2024x", "Steppe_2024x")) is ResetStep.RESET_DONE
    )
    assert central.called("confirm_password_reset")[-1] == ("p1", "123456", "Steppe_2024x")


def test_a_reset_with_differing_entries_sends_nothing(central: FakeCentral) -> None:
    central.script("request_password_reset", reset_started())
    flow = PasswordResetFlow(central)  # type: ignore[arg-type]
    flow.apply(flow.start(EMAIL))

    outcome = flow.confirm("123456", "Steppe_2024x", "Steppe_2024y")

    assert not outcome.sent and central.called("confirm_password_reset") == []
    assert flow.check_new_password("Steppe_2024x", "Steppe_2024y") == ["mismatch"]


def test_a_reset_resend_in_the_cool_down_keeps_the_code(central: FakeCentral) -> None:
    central.script("request_password_reset", reset_started())
    central.script("resend_password_reset", RateLimited(retry_after_s=30), reset_started("p1", 5))
    flow = PasswordResetFlow(central)  # type: ignore[arg-type]
    flow.apply(flow.start(EMAIL))
    before = flow.code

    assert flow.apply(flow.resend()) is ResetStep.RESET_CODE
    assert isinstance(flow.last_error, RateLimited) and flow.code == before
    assert flow.apply(flow.resend()) is ResetStep.RESET_CODE
    assert flow.code is not None and flow.code.attempts_left == 5


def test_a_reset_confirmed_after_a_wipe_is_dropped(central: FakeCentral) -> None:
    central.script("request_password_reset", reset_started())
    flow = PasswordResetFlow(central)  # type: ignore[arg-type]
    flow.apply(flow.start(EMAIL))
    _, pending = in_flight(central, lambda: flow.confirm("123456", "Steppe_2024x", "Steppe_2024x"))

    second = flow.confirm("123456", "Steppe_2024x", "Steppe_2024x")
    flow.wipe()

    assert not second.sent
    assert flow.apply(pending.finish()) is None
    assert flow.step is ResetStep.PASSWORD_RESET and flow.login is None
    assert len(central.called("confirm_password_reset")) == 1
