"""Activation links and temporary passwords are one-time secrets: they work once,
an older one dies when a newer one is issued, and they expire (the central's
clock is moved, not slept)."""

from __future__ import annotations

import requests

from central.server import EmbeddedCentral
from tests.central.conftest import (
    KZ_PHONE,
    TIMEOUT_S,
    Api,
    create_account,
    email_secrets,
    password_emails,
    press_activate,
)
from tests.security.conftest import clock_of

EMAIL = "aigerim@mail.ru"
NEW_PASSWORD = "Tulpar_2024!"


def log_in(api: Api, password: str) -> requests.Response:
    return api.post("/api/v1/sessions", {"login": EMAIL, "password": password})


def reset(api: Api) -> str:
    before = password_emails(api, EMAIL)
    assert api.post("/api/v1/password-resets", {"login": EMAIL}).status_code == 202
    return email_secrets(api, EMAIL, nth=before + 1)[1]


def test_activation_link_works_once(sqlite_api: Api) -> None:
    create_account(sqlite_api, activate=False)
    first, _ = email_secrets(sqlite_api, EMAIL)
    reset(sqlite_api)  # a pending account gets a new activation email
    second, _ = email_secrets(sqlite_api, EMAIL, nth=2)
    assert first and second and first != second
    assert press_activate(second).status_code == 200
    assert press_activate(second).status_code == 410, "used once"


def test_older_activation_link_is_dead_once_the_account_is_active(sqlite_api: Api) -> None:
    create_account(sqlite_api, activate=False)
    first, _ = email_secrets(sqlite_api, EMAIL)
    reset(sqlite_api)
    second, _ = email_secrets(sqlite_api, EMAIL, nth=2)
    assert first and second
    assert press_activate(second).status_code == 200
    old = press_activate(first, headers={"Accept-Language": "en"})
    assert old.status_code == 410, "spent with the account's activation"
    assert "already active" in old.text


def test_temporary_password_dies_when_changed_or_replaced(sqlite_api: Api) -> None:
    create_account(sqlite_api, activate=False)  # a pending account's reset re-sends it
    first = reset(sqlite_api)
    second = reset(sqlite_api)
    link, _ = email_secrets(sqlite_api, EMAIL, nth=3)
    assert link is not None and requests.post(link, timeout=TIMEOUT_S).status_code == 200
    assert log_in(sqlite_api, first).status_code == 401, "an older temporary password dies"
    opened = log_in(sqlite_api, second)
    assert opened.status_code == 200 and opened.json()["password_change_required"]
    token = opened.json()["token"]
    changed = sqlite_api.post(
        "/api/v1/account/password",
        {"current_password": second, "new_password": NEW_PASSWORD},
        token=token,
    )
    assert changed.status_code == 204
    assert log_in(sqlite_api, second).status_code == 401, "used once"
    assert log_in(sqlite_api, NEW_PASSWORD).status_code == 200


def test_temporary_password_expires(sqlite_central: EmbeddedCentral, sqlite_api: Api) -> None:
    life_s = sqlite_central.settings.temporary_password_ttl_s
    assert life_s == 7 * 24 * 3600, "the default: a week"
    temporary = create_account(sqlite_api)
    clock_of(sqlite_central).advance(life_s - 60)
    assert log_in(sqlite_api, temporary).status_code == 200, "still valid a minute before"
    clock_of(sqlite_central).advance(61)
    refused = log_in(sqlite_api, temporary)
    assert refused.status_code == 401
    error = refused.json()["error"]
    assert error["code"] == "invalid_credentials"
    assert "password reset" in error["message"], "tells how to get a new one"
    # an active account's reset (contract v1.1) sets a password of the client's own
    started = sqlite_api.post("/api/v1/password-resets", {"login": EMAIL})
    assert started.status_code == 202
    code = sqlite_api.last_code(KZ_PHONE)
    body = {"code": code, "new_password": NEW_PASSWORD}
    rid = started.json()["id"]
    assert sqlite_api.post(f"/api/v1/password-resets/{rid}/confirm", body).status_code == 204
    opened = log_in(sqlite_api, NEW_PASSWORD)
    assert opened.status_code == 200 and not opened.json()["password_change_required"]


def test_expired_password_hint_needs_the_password(
    sqlite_central: EmbeddedCentral, sqlite_api: Api
) -> None:
    create_account(sqlite_api)
    clock_of(sqlite_central).advance(sqlite_central.settings.temporary_password_ttl_s + 1)
    wrong = log_in(sqlite_api, "Not-the-password-1!")
    assert wrong.status_code == 401
    assert "password reset" not in wrong.json()["error"]["message"], "no hint to a guesser"


def test_registration_temporary_password_expires(
    sqlite_central: EmbeddedCentral, sqlite_api: Api
) -> None:
    temporary = create_account(sqlite_api)
    clock_of(sqlite_central).advance(sqlite_central.settings.temporary_password_ttl_s + 1)
    refused = log_in(sqlite_api, temporary)
    assert refused.status_code == 401 and "password reset" in refused.json()["error"]["message"]
