"""Closing a «Личный кабинет»: by the client (password again) and by the
operator on a written request; what the central then still holds, and what a
subject-access answer shows. SQLite and PostgreSQL, over real HTTP."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from central.models import Account, Contract
from central.server import EmbeddedCentral
from tests.central.conftest import KZ_PHONE, Api, create_account
from tests.central.test_access import NEW_PASSWORD, add_contracts, change, log_in
from tests.central.test_cli import cli

EMAIL = "aigerim@mail.ru"


def ready_client(api: Api, central: EmbeddedCentral) -> str:
    """An active account with its own password and three contracts; a session token."""
    temporary = create_account(api, email=EMAIL, phone=KZ_PHONE)
    token = log_in(api, KZ_PHONE, temporary).json()["token"]
    assert change(api, token, temporary, NEW_PASSWORD).status_code == 204
    add_contracts(central, date.today())
    return str(log_in(api, EMAIL, NEW_PASSWORD).json()["token"])


def contacts_anywhere(central: EmbeddedCentral) -> bool:
    """Whether the phone or email is still in an account or a registration."""
    with Session(central.engine) as db:
        query = text(
            "SELECT (SELECT count(*) FROM accounts WHERE phone = :p OR lower(email) = :e)"
            " + (SELECT count(*) FROM registrations WHERE phone = :p OR email_key = :e)"
        )
        return bool(db.scalar(query, {"p": KZ_PHONE, "e": EMAIL}))


def test_the_client_closes_with_the_password_and_everything_but_the_contracts_goes(
    central: EmbeddedCentral, api: Api
) -> None:
    token = ready_client(api, central)
    wrong = api.post("/api/v1/account/closure", {"password": "Not-the-1!"}, token=token)
    assert wrong.status_code == 401
    assert api.get("/api/v1/account/contracts", token=token).status_code == 200

    key = "0f8fad5b-d9cb-469f-a165-70867728950e"
    closed = api.post("/api/v1/account/closure", {"password": NEW_PASSWORD}, token=token, key=key)
    assert closed.status_code == 200, closed.text
    assert closed.json() == {"status": "closed"}
    again = api.post("/api/v1/account/closure", {"password": NEW_PASSWORD}, token=token, key=key)
    assert again.status_code == 401  # the session ended with the account: nothing twice

    assert api.get("/api/v1/account/contracts", token=token).status_code == 401
    assert log_in(api, KZ_PHONE, NEW_PASSWORD).status_code == 401
    assert log_in(api, EMAIL, NEW_PASSWORD).status_code == 401
    assert not contacts_anywhere(central)
    with Session(central.engine) as db:
        numbers = set(db.scalars(select(Contract.number)))
        [account] = db.scalars(select(Account)).all()
    assert numbers == {"OLD-1", "CUR-2", "TER-3"}  # the insurer's records stay
    assert (account.status, account.full_name, account.password_hash) == ("closed", None, None)

    sms = [m["kind"] for m in api.messages(KZ_PHONE)]
    assert sms.count("account_closed_sms") == 1 and sms[-1] == "account_closed_sms"
    assert [m["kind"] for m in api.messages(EMAIL)][-1] == "account_closed_email"
    # the phone is free again: a new registration with it starts
    assert api.register(email="new@mail.ru", phone=KZ_PHONE).status_code == 201


def test_the_operator_shows_then_closes_on_a_written_request(
    central: EmbeddedCentral, api: Api
) -> None:
    ready_client(api, central)
    url = central.settings.database_url
    shown = cli("accounts", "show", KZ_PHONE, "--db", url, "--json")
    assert shown.returncode == 0, shown.stderr
    held = json.loads(shown.stdout)
    assert (held["phone"], held["email"], held["status"]) == (KZ_PHONE, EMAIL, "active")
    assert {c["number"] for c in held["contracts"]} == {"OLD-1", "CUR-2", "TER-3"}
    assert held["other_rows"]["live sessions"] == 2

    done = cli("accounts", "close", EMAIL, "--reason", "заявление №12 от 01.12", "--db", url)
    assert done.returncode == 0, done.stderr
    assert held["account_id"] in done.stdout
    after = json.loads(cli("accounts", "show", held["account_id"], "--db", url, "--json").stdout)
    assert (after["phone"], after["email"], after["status"]) == (None, None, "closed")
    assert after["other_rows"]["live sessions"] == 0
    assert len(after["contracts"]) == 3

    trail = cli("audit", "--account", held["account_id"], "--db", url).stdout
    [line] = [x for x in trail.splitlines() if "\taccount_closed\t" in x]
    assert "заявление №12 от 01.12" in line

    twice = cli("accounts", "close", held["account_id"], "--reason", "again", "--db", url)
    assert twice.returncode == 1
    assert twice.stderr.strip() == f"Error: No open account has the login {held['account_id']}."
    text_view = cli("accounts", "show", held["account_id"], "--db", url).stdout
    assert "phone: (erased)" in text_view and "contracts: 3" in text_view
