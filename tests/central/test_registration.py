"""Registration over real HTTP, on SQLite and PostgreSQL."""

from __future__ import annotations

import re
import uuid

import requests
from sqlalchemy import select
from sqlalchemy.orm import Session

from central.core.clock import Clock
from central.core.security import password_matches
from central.models import Account, Registration
from central.server import EmbeddedCentral
from tests.central.conftest import KZ_PHONE, Api, add_terminal, captured_ago, create_account


def test_start_sends_one_sms_code_and_masks_the_phone(api: Api, central: EmbeddedCentral) -> None:
    response = api.register(phone="8 701 123 45 67", email="Aigerim@Mail.RU", operator="clerk-7")
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "code_sent"
    assert body["phone_masked"] == "+7 701 *** ** 67"
    assert body["attempts_left"] == 5
    sms = api.messages(KZ_PHONE)
    assert len(sms) == 1 and re.search(r"\b\d{6}\b", sms[0]["body"])
    with Session(central.engine) as db:
        reg = db.get(Registration, body["id"])
        assert reg is not None
        assert reg.consent_at is not None and reg.consent_text_version
        assert reg.operator == "clerk-7" and reg.terminal_id and reg.client_ip == "127.0.0.1"
        assert reg.email == "Aigerim@mail.ru" and reg.email_key == "aigerim@mail.ru"
        assert reg.code_hash and api.last_code(KZ_PHONE) not in reg.code_hash


def test_bad_details_list_every_field_problem(api: Api) -> None:
    response = api.post(
        "/api/v1/registrations", {"email": "aigerim@", "phone": "+79261234567", "consent": False}
    )
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_failed"
    assert error["fields"] == {
        "email": ["invalid_email"],
        "phone": ["region_not_allowed"],
        "consent": ["consent_required"],
    }
    landline = api.register(phone="+7 727 212 34 56")
    assert landline.json()["error"]["fields"] == {"phone": ["not_mobile"]}
    assert api.register(phone="12").json()["error"]["fields"] == {"phone": ["invalid_phone"]}
    assert api.messages("+77272123456") == []


def test_existing_account_by_phone_or_email_is_409_without_sms(api: Api) -> None:
    create_account(api, "aigerim@mail.ru", KZ_PHONE, activate=False)
    sent_before = len(api.messages(KZ_PHONE))
    same_phone = api.register(email="other@gmail.com", phone="87011234567")
    same_email = api.register(email="AIGERIM@mail.ru", phone="+77051234567")
    assert same_phone.status_code == same_email.status_code == 409
    assert same_phone.json()["error"]["code"] == "account_exists"
    assert len(api.messages(KZ_PHONE)) == sent_before
    assert api.messages("+77051234567") == []


def test_late_registration_for_an_existing_account_tells_the_client_once(api: Api) -> None:
    """Captured offline, delivered after the client left: the screen had promised an
    SMS, so the client gets one (and an email) saying how to log in and reset; the
    outbox's retry of the same delivery sends nothing more."""
    create_account(api, "aigerim@mail.ru", KZ_PHONE, activate=False)
    sms_before, email_before = len(api.messages(KZ_PHONE)), len(api.messages("aigerim@mail.ru"))
    body = {
        "email": "aigerim@mail.ru",
        "phone": KZ_PHONE,
        "consent": True,
        "locale": "ru",
        "captured_at": captured_ago(120),  # an outage two hours ago
    }
    key = str(uuid.uuid4())
    late = api.post("/api/v1/registrations", body, key=key)
    assert late.status_code == 409 and late.json()["error"]["code"] == "account_exists"
    sms = api.messages(KZ_PHONE)[sms_before:]
    assert len(sms) == 1
    assert "уже есть «Личный кабинет»" in sms[0]["body"] and "Забыли пароль" in sms[0]["body"]
    assert "SMS" not in sms[0]["body"]
    email = api.messages("aigerim@mail.ru")[email_before:]
    assert len(email) == 1 and "Как войти" in email[0]["body"]
    assert api.post("/api/v1/registrations", body, key=key).status_code == 409
    assert len(api.messages(KZ_PHONE)) == sms_before + 1


def test_wrong_codes_count_down_then_burn_the_code(api: Api) -> None:
    rid = api.register().json()["id"]
    code = api.last_code(KZ_PHONE)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    for left in (4, 3, 2, 1):
        response = api.post(f"/api/v1/registrations/{rid}/confirm", {"code": wrong})
        assert response.status_code == 400
        assert response.json()["error"] == {
            "code": "invalid_code",
            "message": "The confirmation code is wrong.",
            "attempts_left": left,
        }
    burnt = api.post(f"/api/v1/registrations/{rid}/confirm", {"code": wrong})
    assert burnt.status_code == 429 and burnt.json()["error"]["code"] == "too_many_attempts"
    assert int(burnt.headers["Retry-After"]) >= 1
    right_too_late = api.post(f"/api/v1/registrations/{rid}/confirm", {"code": code})
    assert right_too_late.status_code == 429
    assert api.get(f"/api/v1/registrations/{rid}").json()["status"] == "expired"


def test_code_expires_after_its_lifetime(api: Api, clock: Clock) -> None:
    rid = api.register().json()["id"]
    code = api.last_code(KZ_PHONE)
    clock.advance(301)
    response = api.post(f"/api/v1/registrations/{rid}/confirm", {"code": code})
    assert response.status_code == 410 and response.json()["error"]["code"] == "code_expired"
    assert api.get(f"/api/v1/registrations/{rid}").json()["status"] == "expired"


def test_resend_waits_for_the_cooldown_then_replaces_the_code(api: Api, clock: Clock) -> None:
    rid = api.register().json()["id"]
    first = api.last_code(KZ_PHONE)
    early = api.post(f"/api/v1/registrations/{rid}/resend")
    assert early.status_code == 429 and early.json()["error"]["code"] == "rate_limited"
    assert 1 <= int(early.headers["Retry-After"]) <= 60
    clock.advance(61)
    again = api.post(f"/api/v1/registrations/{rid}/resend")
    assert again.status_code == 200 and again.json()["attempts_left"] == 5
    second = api.last_code(KZ_PHONE)
    assert len(api.messages(KZ_PHONE)) == 2
    if first != second:
        stale = api.post(f"/api/v1/registrations/{rid}/confirm", {"code": first})
        assert stale.status_code == 400
    ok = api.post(f"/api/v1/registrations/{rid}/confirm", {"code": second})
    assert ok.status_code == 200 and ok.json() == {"id": rid, "status": "confirmed"}
    assert api.post(f"/api/v1/registrations/{rid}/confirm", {"code": second}).status_code == 409
    assert api.post(f"/api/v1/registrations/{rid}/resend").status_code == 409


def test_at_most_five_codes_per_phone_per_hour(api: Api, clock: Clock) -> None:
    rid = api.register().json()["id"]
    for _ in range(4):
        clock.advance(61)
        assert api.post(f"/api/v1/registrations/{rid}/resend").status_code == 200
    clock.advance(61)
    capped = api.post(f"/api/v1/registrations/{rid}/resend")
    assert capped.status_code == 429 and int(capped.headers["Retry-After"]) > 60
    assert api.register().status_code == 429
    assert len(api.messages(KZ_PHONE)) == 5
    clock.advance(3600)
    assert api.post(f"/api/v1/registrations/{rid}/resend").status_code == 200


def test_registrations_belong_to_their_terminal(api: Api, central: EmbeddedCentral) -> None:
    rid = api.register().json()["id"]
    other = add_terminal(central, "Astana-2")
    assert api.get(f"/api/v1/registrations/{rid}", token=other).status_code == 404
    assert api.get(f"/api/v1/registrations/{uuid.uuid4()}").status_code == 404
    assert api.get(f"/api/v1/registrations/{rid}", token="nope").status_code == 401
    no_auth = requests.post(f"{api.url}/api/v1/registrations", json={}, timeout=5)
    assert no_auth.status_code == 401 and no_auth.json()["error"]["code"] == "unauthorized"


def test_confirmation_creates_a_pending_account_and_sends_notices(
    api: Api, central: EmbeddedCentral
) -> None:
    rid = api.register(locale="en").json()["id"]
    api.post(f"/api/v1/registrations/{rid}/confirm", {"code": api.last_code(KZ_PHONE)})
    assert [m["kind"] for m in api.messages(KZ_PHONE)] == [
        "registration_code",
        "account_created_sms",
    ]
    email = api.wait_messages("aigerim@mail.ru", 1)
    assert [m["kind"] for m in email] == ["account_created_email"]
    assert "/activate/" in email[0]["body"] and "emporary password" in email[0]["body"]
    temporary = re.search(r"emporary password: (\S+)", email[0]["body"])
    assert temporary is not None
    with Session(central.engine) as db:  # the email is out: its password is the account's
        account = db.scalars(select(Account)).one()
        assert account.status == "pending_activation" and account.source == "registration"
        assert account.password_is_temporary and account.password_hash is not None
        assert password_matches(temporary.group(1), account.password_hash)


def test_late_registration_sms_links_to_a_code_page(api: Api) -> None:
    started = api.register(captured_at=captured_ago())
    assert started.status_code == 201
    body = api.messages(KZ_PHONE)[-1]["body"]
    link = re.search(r"(https?://\S+/r/\S+)", body)
    assert link is not None
    page = requests.get(link.group(1), headers={"Accept-Language": "kk"}, timeout=5)
    assert page.status_code == 200 and 'lang="kk"' in page.text and "<form" in page.text
    token = re.search(r"t=([^&\s]+)", link.group(1))
    assert token is not None
    url = f"{api.url}/r/{started.json()['id']}?lang=en"
    wrong = requests.post(url, data={"t": token.group(1), "code": "abc"}, timeout=5)
    assert wrong.status_code == 400 and "wrong" in wrong.text
    done = requests.post(
        url, data={"t": token.group(1), "code": api.last_code(KZ_PHONE)}, timeout=5
    )
    assert done.status_code == 200 and "Done" in done.text
    assert api.get(f"/api/v1/registrations/{started.json()['id']}").json()["status"] == "confirmed"
    # a double tap sends the form twice; the browser shows the second answer
    twice = requests.post(
        url, data={"t": token.group(1), "code": api.last_code(KZ_PHONE)}, timeout=5
    )
    assert twice.status_code == 200 and "Done" in twice.text, "not 'already confirmed'"
    reloaded = requests.get(link.group(1), headers={"Accept-Language": "en"}, timeout=5)
    assert reloaded.status_code == 200 and "Done" in reloaded.text
    assert "<form" not in reloaded.text
    forged = requests.get(f"{api.url}/r/{started.json()['id']}?t=forged", timeout=5)
    assert forged.status_code == 404
