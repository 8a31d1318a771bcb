"""Password reset by SMS code (contract v1.1): asking changes nothing about the
account, the code and a new password set it, every session then ends, and the
answer looks the same whether or not the login exists."""

from __future__ import annotations

import requests

from central.server import EmbeddedCentral
from tests.central.conftest import KZ_PHONE, Api, create_account

EMAIL = "aigerim@mail.ru"
OWN = "Kz7!mountain"
NEW = "Tulpar_2024!"


def log_in(api: Api, password: str, login: str = EMAIL) -> requests.Response:
    return api.post("/api/v1/sessions", {"login": login, "password": password})


def active_with_own_password(api: Api) -> str:
    """An active account with a password of its own; a session token of it."""
    temporary = create_account(api, EMAIL)
    token = log_in(api, temporary).json()["token"]
    change = {"current_password": temporary, "new_password": OWN}
    assert api.post("/api/v1/account/password", change, token=token).status_code == 204
    opened = log_in(api, OWN)
    assert opened.status_code == 200
    return str(opened.json()["token"])


def reset_codes(api: Api) -> list[str]:
    return [m["body"] for m in api.messages(KZ_PHONE) if m["kind"] == "password_reset_code"]


def test_a_reset_locks_nobody_out_and_the_code_sets_the_new_password(api: Api) -> None:
    token = active_with_own_password(api)
    started = api.post("/api/v1/password-resets", {"login": "8 701 123 45 67"})
    assert started.status_code == 202, started.text
    assert set(started.json()) == {"id", "code_expires_at", "resend_available_at"}
    rid = started.json()["id"]
    assert len(reset_codes(api)) == 1
    # nothing changed yet: a stranger's reset does not lock the owner out
    assert log_in(api, OWN).status_code == 200
    assert api.get("/api/v1/account/contracts", token=token).status_code == 200

    confirm = f"/api/v1/password-resets/{rid}/confirm"
    weak = api.post(confirm, {"code": api.last_code(KZ_PHONE), "new_password": "short"})
    assert weak.status_code == 422 and weak.json()["error"]["code"] == "weak_password"
    wrong = api.post(confirm, {"code": "000000", "new_password": NEW})
    if wrong.status_code != 204:  # "000000" may, rarely, be the code
        assert wrong.status_code == 400 and wrong.json()["error"]["attempts_left"] == 4
        done = api.post(confirm, {"code": api.last_code(KZ_PHONE), "new_password": NEW})
        assert done.status_code == 204, done.text
    assert log_in(api, OWN).status_code == 401
    assert log_in(api, NEW).status_code == 200
    assert api.get("/api/v1/account/contracts", token=token).status_code == 401, "sessions end"
    kinds = [m["kind"] for m in api.messages(KZ_PHONE) + api.messages(EMAIL)]
    assert "password_changed_sms" in kinds and "password_changed_email" in kinds
    again = api.post(confirm, {"code": api.last_code(KZ_PHONE), "new_password": OWN})
    assert again.status_code == 404, "a used reset is gone"


def test_an_unknown_login_gets_the_same_answer_and_every_code_is_wrong(api: Api) -> None:
    create_account(api, EMAIL)
    known = api.post("/api/v1/password-resets", {"login": EMAIL})
    nobody = api.post("/api/v1/password-resets", {"login": "ghost@mail.ru"})
    assert known.status_code == nobody.status_code == 202
    assert set(known.json()) == set(nobody.json())
    assert api.messages("ghost@mail.ru") == []
    rid = nobody.json()["id"]
    statuses = [
        api.post(
            f"/api/v1/password-resets/{rid}/confirm", {"code": f"{n:06d}", "new_password": NEW}
        ).status_code
        for n in range(6)
    ]
    assert statuses == [400, 400, 400, 400, 429, 429]


def test_resend_waits_the_cool_down_and_another_terminal_sees_nothing(
    central: EmbeddedCentral, api: Api
) -> None:
    create_account(api, EMAIL)
    rid = api.post("/api/v1/password-resets", {"login": EMAIL}).json()["id"]
    early = api.post(f"/api/v1/password-resets/{rid}/resend")
    assert early.status_code == 429 and int(early.headers["Retry-After"]) > 0
    assert central.app is not None
    central.app.state.clock.advance(61)
    resent = api.post(f"/api/v1/password-resets/{rid}/resend")
    assert resent.status_code == 200 and resent.json()["attempts_left"] == 5
    assert len(reset_codes(api)) == 2
    other = Api(api.url, api.token.replace(api.token, "x" * 43))
    assert other.post(f"/api/v1/password-resets/{rid}/resend").status_code == 401
