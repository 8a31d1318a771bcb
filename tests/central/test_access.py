"""The whole procedure over real HTTP, then log-in, password rules, resets, contracts."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal

import requests
from sqlalchemy import select
from sqlalchemy.orm import Session

from central.core.clock import Clock
from central.models import Account, Contract
from central.server import EmbeddedCentral
from tests.central.conftest import KZ_PHONE, Api, create_account, email_secrets, press_activate

EMAIL = "aigerim@mail.ru"
NEW_PASSWORD = "Kz7!mountain"


def log_in(api: Api, login: str, password: str) -> requests.Response:
    return api.post("/api/v1/sessions", {"login": login, "password": password})


def change(api: Api, token: str, current: str, new: str) -> requests.Response:
    return api.post(
        "/api/v1/account/password", {"current_password": current, "new_password": new}, token=token
    )


def add_contracts(central: EmbeddedCentral, today: date) -> None:
    with Session(central.engine) as db, db.begin():
        account = db.scalars(select(Account)).one()
        for number, starts, ends, terminated in [
            ("OLD-1", today - timedelta(days=800), today - timedelta(days=435), False),
            ("CUR-2", today - timedelta(days=10), today + timedelta(days=355), False),
            ("TER-3", today - timedelta(days=100), today + timedelta(days=265), True),
        ]:
            db.add(
                Contract(
                    account_id=account.id,
                    number=number,
                    product="ОГПО ВТС",
                    starts_on=starts,
                    ends_on=ends,
                    terminated=terminated,
                    premium_amount=Decimal("12345.60"),
                    currency="KZT",
                )
            )


def test_the_whole_procedure(api: Api, central: EmbeddedCentral) -> None:
    started = api.post(
        "/api/v1/registrations",
        {"email": EMAIL, "phone": "87011234567", "consent": True, "locale": "en"},
    )
    assert started.status_code == 201
    rid = started.json()["id"]
    code = api.last_code(KZ_PHONE)
    assert api.post(f"/api/v1/registrations/{rid}/confirm", {"code": code}).status_code == 200
    link, temporary = email_secrets(api, EMAIL)
    assert link is not None

    assert log_in(api, EMAIL, temporary).json()["error"]["code"] == "account_not_activated"
    page = press_activate(link, params={"lang": "en"})
    assert page.status_code == 200 and "activated" in page.text
    assert press_activate(link).status_code == 410

    opened = log_in(api, "+7 701 123 45 67", temporary)
    assert opened.status_code == 200 and opened.json()["password_change_required"] is True
    token = opened.json()["token"]
    blocked = api.get("/api/v1/account/contracts", token=token)
    assert blocked.status_code == 403
    assert blocked.json()["error"]["code"] == "password_change_required"

    for new, rule in [
        ("Ab1!", "too_short"),
        ("qmtz-kw7x", "missing_upper"),
        ("QMTZ-KW7X", "missing_lower"),
        ("Qmtz-kwxv", "missing_digit"),
        ("Qmtz7kwxv", "missing_special"),
        ("Qmtz-kw7#", "forbidden_character"),
        ("Ag-15!d44", "forbidden_password"),
        (temporary, "same_as_current"),
    ]:
        weak = change(api, token, temporary, new)
        assert weak.status_code == 422, new
        assert weak.json()["error"]["code"] == "weak_password"
        assert weak.json()["error"]["violations"] == [rule]
    everything = change(api, token, temporary, "дом")
    assert everything.json()["error"]["violations"] == [
        "too_short",
        "missing_upper",
        "missing_lower",
        "missing_digit",
        "missing_special",
        "forbidden_character",
    ]
    assert change(api, token, "wrong", NEW_PASSWORD).status_code == 401

    assert change(api, token, temporary, NEW_PASSWORD).status_code == 204
    kinds = [m["kind"] for m in api.messages(EMAIL)]
    assert kinds == ["account_created_email", "password_changed_email"]
    assert log_in(api, EMAIL, temporary).status_code == 401
    normal = log_in(api, "AIGERIM@mail.ru", NEW_PASSWORD)
    assert normal.status_code == 200 and normal.json()["password_change_required"] is False

    add_contracts(central, date.today())
    listed = api.get("/api/v1/account/contracts", token=normal.json()["token"])
    assert listed.status_code == 200
    contracts = listed.json()["contracts"]
    assert contracts[0]["number"] == "CUR-2"
    assert {c["number"]: c["status"] for c in contracts} == {
        "CUR-2": "active",
        "TER-3": "terminated",
        "OLD-1": "expired",
    }
    assert contracts[0]["premium"] == {"amount": "12345.60", "currency": "KZT"}


def test_wrong_password_and_unknown_login_look_the_same(api: Api) -> None:
    create_account(api)
    wrong = log_in(api, EMAIL, "Nope-123")
    unknown = log_in(api, "nobody@mail.ru", "Nope-123")
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json()
    assert wrong.json()["error"]["code"] == "invalid_credentials"


def test_logins_are_rate_limited_per_login(api: Api, clock: Clock) -> None:
    for _ in range(20):
        assert log_in(api, "nobody@mail.ru", "x").status_code == 401
    limited = log_in(api, "Nobody@mail.ru", "x")
    assert limited.status_code == 429 and int(limited.headers["Retry-After"]) > 0
    clock.advance(3601)
    assert log_in(api, "nobody@mail.ru", "x").status_code == 401


def test_guessing_the_current_password_with_a_session_is_rate_limited(
    api: Api, clock: Clock
) -> None:
    temporary = create_account(api)
    token = log_in(api, EMAIL, temporary).json()["token"]
    for n in range(20):
        assert change(api, token, f"Guess-{n}!", NEW_PASSWORD).status_code == 401
    limited = change(api, token, temporary, NEW_PASSWORD)
    assert limited.status_code == 429 and int(limited.headers["Retry-After"]) > 0
    assert limited.json()["error"]["code"] == "rate_limited", "even the right one waits"
    clock.advance(3601)  # the session is over too: a new one
    token = log_in(api, EMAIL, temporary).json()["token"]
    assert change(api, token, temporary, NEW_PASSWORD).status_code == 204


def test_reset_of_a_pending_account_resends_activation(api: Api) -> None:
    create_account(api, activate=False)
    assert api.post("/api/v1/password-resets", {"login": EMAIL}).status_code == 202
    latest = api.wait_messages(EMAIL, 2)[-1]
    assert latest["kind"] == "activation_email"
    link = re.search(r"(https?://\S+/activate/\S+)", latest["body"])
    assert link is not None
    assert press_activate(link.group(1)).status_code == 200


def test_reset_of_an_unknown_login_looks_the_same(api: Api) -> None:
    response = api.post("/api/v1/password-resets", {"login": "ghost@mail.ru"})
    assert response.status_code == 202
    assert api.messages("ghost@mail.ru") == []


def test_activation_link_expires(api: Api, clock: Clock) -> None:
    create_account(api, activate=False)
    link, _ = email_secrets(api, EMAIL)
    assert link is not None
    clock.advance(72 * 3600 + 1)
    expired = requests.get(link, headers={"Accept-Language": "kk"}, timeout=5)
    assert expired.status_code == 410 and 'lang="kk"' in expired.text
    bogus = requests.get(f"{api.url}/activate/%3Cscript%3Ealert(1)%3C%2Fscript%3E", timeout=5)
    assert bogus.status_code == 404 and "<script>" not in bogus.text


def test_client_sessions_expire(api: Api, clock: Clock) -> None:
    temporary = create_account(api)
    token = log_in(api, EMAIL, temporary).json()["token"]
    change(api, token, temporary, NEW_PASSWORD)
    assert api.get("/api/v1/account/contracts", token=token).status_code == 200
    clock.advance(31 * 60)
    assert api.get("/api/v1/account/contracts", token=token).status_code == 401
