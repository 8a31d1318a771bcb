"""The whole online procedure through kiosk/ alone, and LoginFlow's refusals,
against the real central over HTTP."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import requests
from sqlalchemy import select
from sqlalchemy.orm import Session

from central.models import Account
from central.models import Contract as ContractRow
from central.server import EmbeddedCentral
from kiosk.client import CentralClient
from kiosk.errors import AccountNotActivated, InvalidCredentials, WeakPassword
from kiosk.flows import LoginFlow, LoginStep, RegistrationFlow, Step
from tests.kiosk.kit import (
    activation_link,
    create_account,
    sms_code,
    temporary_password,
    wait_for_messages,
)
from vic_rules.password import violations

PHONE = "+77011234567"
EMAIL = "aigerim@example.kz"
NEW_PASSWORD = "Steppe_2024x"


def add_contracts(central: EmbeddedCentral, phone: str) -> None:
    """Policies bought earlier, as the insurer's back office holds them."""
    today = date.today()
    with Session(central.engine) as session, session.begin():
        account = session.scalars(select(Account).where(Account.phone == phone)).one()
        session.add_all(
            [
                ContractRow(
                    account_id=account.id,
                    number="OGPO-2023-0001",
                    product="ОГПО ВТС",
                    starts_on=today - timedelta(days=700),
                    ends_on=today - timedelta(days=335),
                    premium_amount=Decimal("18500.00"),
                ),
                ContractRow(
                    account_id=account.id,
                    number="OGPO-2024-0002",
                    product="ОГПО ВТС",
                    starts_on=today - timedelta(days=30),
                    ends_on=today + timedelta(days=335),
                    premium_amount=Decimal("19250.50"),
                ),
            ]
        )


def test_the_whole_procedure_through_the_kiosk(
    central: EmbeddedCentral, client: CentralClient
) -> None:
    registration = RegistrationFlow(client, None, locale="en")
    assert registration.submit_details("Aigerim@Example.kz", "+7 701 123 45 67", True).ok
    assert registration.apply(registration.send()) is Step.CODE_ENTRY
    assert registration.apply(registration.confirm_code(sms_code(client, PHONE))) is Step.DONE
    assert any(m["channel"] == "sms" for m in wait_for_messages(client, PHONE, 2))
    temporary = temporary_password(client, EMAIL)

    login = LoginFlow(client, locale="en")
    assert login.apply(login.log_in(PHONE, temporary)) is LoginStep.LOGIN
    assert isinstance(login.last_error, AccountNotActivated)

    page = requests.post(activation_link(client, EMAIL), timeout=10)
    assert page.status_code == 200

    assert login.apply(login.log_in("8 701 123 45 67", temporary)) is LoginStep.PASSWORD_CHANGE
    for weak in ("short1!", "alllowercase", temporary, "Ag-15!d44", "Ünïcode_123"):
        refused = login.change_password(weak, weak)
        assert login.apply(refused) is LoginStep.PASSWORD_CHANGE
        assert isinstance(login.last_error, WeakPassword) and refused.error is login.last_error
        assert login.last_error.violations == login.check_new_password(weak, weak)
        assert login.last_error.violations == violations(weak, current=temporary)
    assert login.check_new_password(NEW_PASSWORD, NEW_PASSWORD + "x") == ["mismatch"]
    mismatch = login.change_password(NEW_PASSWORD, NEW_PASSWORD + "x")
    assert not mismatch.sent and login.apply(mismatch) is LoginStep.PASSWORD_CHANGE

    changed = login.change_password(NEW_PASSWORD, NEW_PASSWORD)
    assert login.apply(changed) is LoginStep.PASSWORD_CHANGED
    assert login.last_error is None and changed.session is not None
    assert login.to_contracts() is LoginStep.CONTRACTS
    none_yet = login.contracts()
    assert login.apply(none_yet) is LoginStep.CONTRACTS and none_yet.contracts == ()

    add_contracts(central, PHONE)
    again = LoginFlow(client, locale="en")
    assert again.apply(again.log_in(" aigerim@example.KZ ", NEW_PASSWORD)) is LoginStep.CONTRACTS
    contracts = again.contracts().contracts
    assert [(c.number, c.status) for c in contracts] == [
        ("OGPO-2024-0002", "active"),
        ("OGPO-2023-0001", "expired"),
    ]
    assert contracts[0].premium_amount == Decimal("19250.50") and contracts[0].currency == "KZT"
    old = LoginFlow(client)
    assert old.apply(old.log_in(PHONE, temporary)) is LoginStep.LOGIN


def test_wrong_credentials_stay_on_the_form(sqlite_client: CentralClient) -> None:
    create_account(sqlite_client, PHONE, EMAIL)
    login = LoginFlow(sqlite_client)

    assert login.apply(login.log_in(PHONE, "Wrong_pass1")) is LoginStep.LOGIN
    assert isinstance(login.last_error, InvalidCredentials) and login.last_error.message
    assert login.apply(login.log_in("nobody@example.kz", "Wrong_pass1")) is LoginStep.LOGIN
    assert isinstance(login.last_error, InvalidCredentials)
    assert not login.contracts().sent


def test_wipe_logs_out_locally(sqlite_client: CentralClient) -> None:
    temporary = create_account(sqlite_client, PHONE, EMAIL)
    login = LoginFlow(sqlite_client)
    assert login.apply(login.log_in(PHONE, temporary)) is LoginStep.PASSWORD_CHANGE

    forgotten = login.wipe()

    assert forgotten is not None and forgotten.token
    assert login.step is LoginStep.LOGIN and login.last_error is None
    assert not login.change_password(NEW_PASSWORD, NEW_PASSWORD).sent
    assert login.check_new_password(temporary, temporary) == []
