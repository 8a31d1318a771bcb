"""ClosureFlow and EmailCorrectionFlow against the real central (issue 11): what
the screens rely on beyond the happy path their own tests walk."""

from __future__ import annotations

from datetime import UTC, datetime

from kiosk.api_types import ClientSession
from kiosk.client import CentralClient
from kiosk.errors import AccountExists, InvalidCode, InvalidCredentials, Unreachable
from kiosk.flows import LoginFlow, LoginStep
from kiosk.flows.closure import ClosureFlow, ClosureStep
from kiosk.flows.email_correction import ID_REQUIRED, CorrectionStep, EmailCorrectionFlow
from tests.kiosk.flow_helpers import witness_sms
from tests.kiosk.kit import create_account, sms_code, wait_for_messages

PHONE = "+77011234567"
EMAIL = "aigerim@example.kz"
PASSWORD = "Steppe_2024x"
UNREACHABLE_URL = "http://127.0.0.1:9"


def logged_in(client: CentralClient) -> LoginFlow:
    temporary = create_account(client, PHONE, EMAIL)
    login = LoginFlow(client, locale="en")
    assert login.apply(login.log_in(EMAIL, temporary)) is LoginStep.PASSWORD_CHANGE
    assert login.apply(login.change_password(PASSWORD, PASSWORD)) is LoginStep.PASSWORD_CHANGED
    return login


def test_a_wrong_password_keeps_the_account_and_the_right_one_then_closes_it(
    client: CentralClient,
) -> None:
    login = logged_in(client)
    closure = ClosureFlow(client, lambda: login.session, locale="en")

    assert closure.apply(closure.close("Steppe_2024y")) is ClosureStep.ACCOUNT_CLOSURE
    assert isinstance(closure.last_error, InvalidCredentials)
    outcome = closure.close(PASSWORD)  # a new Idempotency-Key: not the wrong try's answer
    assert outcome.ended and closure.apply(outcome) is ClosureStep.ACCOUNT_CLOSED
    again = LoginFlow(client, locale="en")
    assert again.apply(again.log_in(EMAIL, PASSWORD)) is LoginStep.LOGIN


def test_a_session_ended_elsewhere_goes_back_to_the_login(client: CentralClient) -> None:
    login = logged_in(client)
    session = login.session
    assert session is not None and login.end_session(session)
    closure = ClosureFlow(client, lambda: session, locale="en")

    outcome = closure.close(PASSWORD)

    assert outcome.ended and closure.apply(outcome) is ClosureStep.LOGIN


def test_no_connection_leaves_the_account_open_and_says_so() -> None:
    session = ClientSession(token="t", password_change_required=False, expires_at=datetime.now(UTC))
    with CentralClient(UNREACHABLE_URL, terminal_token="t", connect_timeout_s=0.5) as offline:
        assert not ClosureFlow(offline, lambda: None).close(PASSWORD).sent  # no session
        closure = ClosureFlow(offline, lambda: session)

        assert closure.apply(closure.close(PASSWORD)) is ClosureStep.ACCOUNT_CLOSURE

    assert isinstance(closure.last_error, Unreachable)


def test_the_clerks_correction_needs_the_id_and_a_right_code(client: CentralClient) -> None:
    create_account(client, PHONE, "aigerim@gmial.com", activate=False)
    witness_sms(client)
    sms_before = len(wait_for_messages(client, PHONE, 1, "sms"))
    flow = EmailCorrectionFlow(client, id_required=True, operator=lambda: "op-7", locale="en")

    unsent = flow.start("8 701 123 45 67", EMAIL, id_checked=False)
    assert not unsent.sent and flow.apply(unsent) is CorrectionStep.EMAIL_CORRECTION
    assert flow.problems.id_checked == (ID_REQUIRED,)
    assert (
        flow.apply(flow.start("8 701 123 45 67", EMAIL, id_checked=True))
        is CorrectionStep.EMAIL_CORRECTION_CODE
    )
    code = sms_code(client, PHONE, nth=sms_before + 1)
    wrong = "000000" if code != "000000" else "111111"
    assert flow.apply(flow.confirm(wrong)) is CorrectionStep.EMAIL_CORRECTION_CODE
    assert isinstance(flow.last_error, InvalidCode)
    assert flow.code is not None and flow.code.attempts_left == flow.last_error.attempts_left
    assert flow.apply(flow.confirm(code)) is CorrectionStep.EMAIL_CORRECTION_DONE
    assert flow.email_masked and flow.email_masked != EMAIL and "@" in flow.email_masked
    wait_for_messages(client, EMAIL, 1, "email")  # the activation email, at the new address


def test_an_email_another_account_holds_is_refused(client: CentralClient) -> None:
    create_account(client, PHONE, "aigerim@gmial.com", activate=False)
    create_account(client, "+77017654321", EMAIL)
    flow = EmailCorrectionFlow(client, locale="en")  # a kiosk: no ID step

    assert flow.apply(flow.start("8 701 123 45 67", EMAIL, id_checked=False)) is (
        CorrectionStep.EMAIL_CORRECTION
    )
    assert isinstance(flow.last_error, AccountExists)
