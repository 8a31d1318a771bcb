"""The clerk corrects the email of an account pending activation (issue 11 §1):
ID checked, the phone proves itself by SMS code, then the activation email goes
to the corrected address only. SQLite and PostgreSQL, over real HTTP."""

from __future__ import annotations

import requests

from tests.central.conftest import (
    KZ_PHONE,
    TIMEOUT_S,
    Api,
    create_account,
    email_secrets,
    password_emails,
)

TYPO = "aigerim@mial.ru"
RIGHT = "aigerim@mail.ru"
PATH = "/api/v1/pending-accounts/email-corrections"


def start(api: Api, **extra: object) -> requests.Response:
    body = {"phone": KZ_PHONE, "email": RIGHT, "operator": "clerk-7", "id_checked": True}
    return api.post(PATH, {**body, **extra})


def test_the_clerk_moves_a_pending_account_to_the_right_email(api: Api) -> None:
    create_account(api, email=TYPO, phone=KZ_PHONE, activate=False)
    started = start(api)
    assert started.status_code == 201, started.text
    assert started.json()["phone_masked"].endswith("67")
    cid = started.json()["id"]

    wrong = api.post(f"{PATH}/{cid}/confirm", {"code": "000000"})
    assert wrong.status_code == 400 and wrong.json()["error"]["code"] == "invalid_code"
    done = api.post(f"{PATH}/{cid}/confirm", {"code": api.last_code(KZ_PHONE)})
    assert done.status_code == 200, done.text
    assert done.json()["status"] == "corrected"

    link, password = email_secrets(api, RIGHT)
    assert password_emails(api, TYPO) == 1  # the old address got nothing more
    assert link is not None
    activated = requests.post(link, timeout=TIMEOUT_S)
    assert activated.status_code == 200
    opened = api.post("/api/v1/sessions", {"login": RIGHT, "password": password})
    assert opened.status_code == 200, opened.text
    assert api.post("/api/v1/sessions", {"login": TYPO, "password": password}).status_code == 401


def test_clerk_mode_needs_the_id_checked_and_only_a_pending_account_moves(api: Api) -> None:
    create_account(api, email=TYPO, phone=KZ_PHONE, activate=False)
    unchecked = start(api, id_checked=False)
    assert unchecked.status_code == 422
    assert unchecked.json()["error"]["fields"] == {"id_checked": ["required"]}
    unknown = start(api, phone="+77019999999")
    assert unknown.status_code == 404


def test_an_active_account_is_not_corrected_here(api: Api) -> None:
    create_account(api, email=TYPO, phone=KZ_PHONE, activate=True)
    assert start(api).status_code == 404
