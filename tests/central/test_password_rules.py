"""The central refuses what the shared policy refuses, with the policy's own codes."""

from __future__ import annotations

import pytest
import requests

from tests.central.conftest import KZ_PHONE, Api, create_account

EMAIL = "rules@mail.ru"


def change(api: Api, token: str, current: str, new: str) -> requests.Response:
    return api.post(
        "/api/v1/account/password", {"current_password": current, "new_password": new}, token=token
    )


@pytest.mark.parametrize(
    ("new", "violations"),
    [
        ("Ag-15!d45", ["forbidden_password"]),
        ("Victoria2026!", ["forbidden_password"]),
        ("V1ct0r1a_2026", ["forbidden_password"]),
        ("Monkey123!", ["forbidden_password"]),
        ("Kx7_mq2z" + "a" * 249, ["too_long"]),
    ],
)
def test_near_variants_breached_and_too_long_passwords_are_weak_password(
    sqlite_api: Api, new: str, violations: list[str]
) -> None:
    temporary = create_account(sqlite_api, EMAIL, KZ_PHONE)
    opened = sqlite_api.post("/api/v1/sessions", {"login": EMAIL, "password": temporary})
    assert opened.status_code == 200, opened.text
    refused = change(sqlite_api, opened.json()["token"], temporary, new)
    assert refused.status_code == 422, refused.text
    error = refused.json()["error"]
    assert (error["code"], error["violations"]) == ("weak_password", violations)


def test_the_policy_publishes_its_maximum_length(sqlite_api: Api) -> None:
    policy = requests.get(f"{sqlite_api.url}/api/v1/password-policy", timeout=5).json()
    assert policy["max_length"] == 128 and policy["min_length"] == 8
