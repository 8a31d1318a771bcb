"""The guard every flow shares (``kiosk.flows._guard``): its code-state rule and
its turn, on a minimal flow of its own so the rule is seen apart from any screen."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from kiosk.errors import CentralError, InvalidCode, RateLimited, TooManyAttempts
from kiosk.flows._guard import GuardedFlow, code_after
from kiosk.flows.password_reset import ResetCode
from kiosk.flows.registration import CodeState

T0 = datetime(2026, 12, 1, 12, 0)


def test_a_wrong_code_leaves_the_attempts_the_central_counts() -> None:
    state = CodeState("+7 701 *** ** 67", 3, T0, T0)
    assert code_after(state, InvalidCode(attempts_left=2)) == CodeState(
        "+7 701 *** ** 67", 2, T0, T0
    )
    assert code_after(state, TooManyAttempts()) == CodeState("+7 701 *** ** 67", 0, T0, T0)


def test_another_refusal_or_no_code_changes_nothing() -> None:
    reset = ResetCode(T0, T0, attempts_left=None)
    assert code_after(reset, RateLimited(retry_after_s=30)) is None
    assert code_after(None, InvalidCode(attempts_left=1)) is None
    assert code_after(reset, InvalidCode(attempts_left=4)) == ResetCode(T0, T0, 4)


class _Step(StrEnum):
    ONE = "one"
    TWO = "two"


@dataclass(frozen=True)
class _Outcome:
    step: _Step
    generation: int
    sent: bool = True
    error: CentralError | None = None


class _Client:
    locale = "ru"


class _Flow(GuardedFlow[_Step, _Outcome, int]):
    def _reset(self) -> None:
        self.step = _Step.ONE
        self.last_error = None

    def _snapshot(self) -> int:
        return self._generation

    def _take(self, outcome: _Outcome) -> _Step:
        return outcome.step


def _flow() -> _Flow:
    return _Flow(_Client(), _Outcome, "kk")  # type: ignore[arg-type]


def test_the_language_reaches_the_client() -> None:
    flow = _flow()
    flow.locale = "en"
    assert flow._client.locale == "en"


def test_a_second_tap_while_a_call_is_in_flight_gets_no_turn() -> None:
    flow = _flow()
    entered, release = threading.Event(), threading.Event()
    turns: list[int | None] = []

    def first() -> None:
        with flow._turn() as snap:
            turns.append(snap)
            entered.set()
            release.wait(5)

    worker = threading.Thread(target=first)
    worker.start()
    assert entered.wait(5)
    with flow._turn() as second:
        assert second is None
    assert flow.busy
    release.set()
    worker.join(5)
    assert turns == [0] and not flow.busy


def test_a_call_at_another_step_gets_no_turn_and_its_outcome_is_ignored() -> None:
    flow = _flow()
    with flow._turn(_Step.TWO) as snap:
        assert snap is None
    unsent = flow._unsent()
    assert flow.apply(unsent) is _Step.ONE and not unsent.sent


def test_an_outcome_from_before_a_wipe_is_dropped() -> None:
    flow = _flow()
    with flow._turn(_Step.ONE) as snap:
        assert snap == 0
    flow.wipe()
    assert flow.apply(_Outcome(_Step.TWO, generation=0)) is None
    assert flow.step is _Step.ONE
    assert flow.apply(_Outcome(_Step.TWO, generation=1)) is _Step.TWO
