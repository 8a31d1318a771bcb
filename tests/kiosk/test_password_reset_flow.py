"""PasswordResetFlow and the log-out against the real central (contract v1.1).

These need the central's v1.1 endpoints (``POST /password-resets/{id}/confirm``,
``DELETE /sessions/current``): where the central does not declare them in its
``/openapi.json`` the tests are skipped, saying so.
"""

from __future__ import annotations

import pytest

from central.server import EmbeddedCentral
from kiosk.client import CentralClient
from kiosk.errors import InvalidCode, InvalidCredentials, Unauthorized, WeakPassword
from kiosk.flows import LoginFlow, LoginStep, PasswordResetFlow, ResetStep
from tests.kiosk.flow_helpers import (
    PASSWORD_RESET_CONFIRM,
    SESSION_LOGOUT,
    central_has,
    witness_sms,
)
from tests.kiosk.kit import create_account, sms_code, wait_for_messages

PHONE = "+77011234567"
EMAIL = "aigerim@example.kz"
NEW_PASSWORD = "Steppe_2024x"


def need(central: EmbeddedCentral, pattern: str) -> None:
    if not central_has(central.url, pattern):
        pytest.skip(f"the central does not declare {pattern} yet (contract v1.1)")


def test_a_reset_by_sms_code_never_locks_the_owner_out(
    central: EmbeddedCentral, client: CentralClient
) -> None:
    need(central, PASSWORD_RESET_CONFIRM)
    temporary = create_account(client, PHONE, EMAIL)
    before = LoginFlow(client, locale="en")
    assert before.apply(before.log_in(EMAIL, temporary)) is LoginStep.PASSWORD_CHANGE
    witness_sms(client)  # the account's own SMS (code, notice) have all gone out
    sms_before = len(wait_for_messages(client, PHONE, 1, "sms"))
    reset = PasswordResetFlow(client, locale="en")

    assert reset.apply(reset.start("8 701 123 45 67")) is ResetStep.RESET_CODE
    code = sms_code(client, PHONE, nth=sms_before + 1)
    still = LoginFlow(client, locale="en")
    assert still.apply(still.log_in(PHONE, temporary)) is LoginStep.PASSWORD_CHANGE

    wrong = "000000" if code != "000000" else "111111"
    assert reset.apply(reset.confirm(wrong, NEW_PASSWORD, NEW_PASSWORD)) is ResetStep.RESET_CODE
    assert isinstance(reset.last_error, InvalidCode) and reset.last_error.attempts_left == 4
    assert reset.apply(reset.confirm(code, "weakpass", "weakpass")) is ResetStep.RESET_CODE
    assert isinstance(reset.last_error, WeakPassword) and reset.last_error.violations
    assert reset.apply(reset.confirm(code, NEW_PASSWORD, NEW_PASSWORD)) is ResetStep.RESET_DONE

    after = LoginFlow(client, locale="en")
    assert after.apply(after.log_in(EMAIL, NEW_PASSWORD)) in (
        LoginStep.CONTRACTS,
        LoginStep.PASSWORD_CHANGE,
    )
    old = LoginFlow(client, locale="en")
    assert old.apply(old.log_in(EMAIL, temporary)) is LoginStep.LOGIN
    assert isinstance(old.last_error, InvalidCredentials)
    assert before.apply(before.change_password(NEW_PASSWORD + "1", NEW_PASSWORD + "1")) is (
        LoginStep.LOGIN
    )  # the session opened before the reset has ended


def test_a_reset_for_no_account_looks_the_same_and_sends_nothing(
    central: EmbeddedCentral, client: CentralClient
) -> None:
    need(central, PASSWORD_RESET_CONFIRM)
    reset = PasswordResetFlow(client, locale="en")

    assert reset.apply(reset.start("+77019998877")) is ResetStep.RESET_CODE
    assert reset.code is not None and reset.last_error is None
    witness_sms(client)
    assert client.dev_messages(to="+77019998877") == []
    assert reset.apply(reset.confirm("123456", NEW_PASSWORD, NEW_PASSWORD)) is ResetStep.RESET_CODE
    assert reset.last_error is not None


def test_log_out_ends_the_session_at_the_central(
    central: EmbeddedCentral, client: CentralClient
) -> None:
    need(central, SESSION_LOGOUT)
    temporary = create_account(client, PHONE, EMAIL)
    login = LoginFlow(client, locale="en")
    assert login.apply(login.log_in(PHONE, temporary)) is LoginStep.PASSWORD_CHANGE
    session = login.wipe()
    assert session is not None

    assert login.end_session(session) is True
    try:
        client.change_password(session.token, temporary, NEW_PASSWORD)
    except Unauthorized:
        pass
    else:
        pytest.fail("the token still worked after the log-out")
