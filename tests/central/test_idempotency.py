"""Idempotency-Key: a repeat does nothing twice; keys belong to their terminal."""

from __future__ import annotations

import threading
import uuid

import requests
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from central.models import Account, Message, Registration
from central.server import EmbeddedCentral
from tests.central.conftest import KZ_PHONE, Api, add_terminal, captured_ago

BODY = {"email": "aigerim@mail.ru", "phone": KZ_PHONE, "consent": True, "locale": "en"}
CONCURRENT_REQUESTS = 6


def count(central: EmbeddedCentral, model: type[Registration | Account | Message]) -> int:
    with Session(central.engine) as db:
        return int(db.scalar(select(func.count()).select_from(model)) or 0)


def test_replay_returns_the_first_answer_and_sends_nothing_twice(
    api: Api, central: EmbeddedCentral
) -> None:
    key = str(uuid.uuid4())
    first = api.post("/api/v1/registrations", BODY, key=key)
    again = api.post("/api/v1/registrations", BODY, key=key)
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    assert len(api.messages(KZ_PHONE)) == 1 and count(central, Registration) == 1

    rid = first.json()["id"]
    confirm_key = str(uuid.uuid4())
    code = {"code": api.last_code(KZ_PHONE)}
    ok = api.post(f"/api/v1/registrations/{rid}/confirm", code, key=confirm_key)
    replay = api.post(f"/api/v1/registrations/{rid}/confirm", code, key=confirm_key)
    assert ok.status_code == replay.status_code == 200 and ok.json() == replay.json()
    assert count(central, Account) == 1
    assert len(api.wait_messages("aigerim@mail.ru", 1)) == 1
    assert count(central, Message) == 3  # the code, the SMS notice, one email


def test_a_replayed_wrong_code_spends_one_attempt(api: Api) -> None:
    rid = api.register().json()["id"]
    wrong = {"code": f"{(int(api.last_code(KZ_PHONE)) + 1) % 1_000_000:06d}"}
    key = str(uuid.uuid4())
    first = api.post(f"/api/v1/registrations/{rid}/confirm", wrong, key=key)
    again = api.post(f"/api/v1/registrations/{rid}/confirm", wrong, key=key)
    assert first.status_code == again.status_code == 400
    assert again.json()["error"]["attempts_left"] == 4
    assert api.get(f"/api/v1/registrations/{rid}").json()["attempts_left"] == 4


def test_a_late_copy_of_a_request_whose_answer_was_lost_replays_it(
    api: Api, central: EmbeddedCentral
) -> None:
    """The kiosk lost the answer to a live attempt and delivers it from its outbox
    with ``captured_at`` set: the client must not get a second code."""
    key = str(uuid.uuid4())
    first = api.post("/api/v1/registrations", BODY, key=key)
    late = api.post("/api/v1/registrations", {**BODY, "captured_at": captured_ago()}, key=key)
    assert first.status_code == late.status_code == 201
    assert late.json()["id"] == first.json()["id"]
    assert len(api.messages(KZ_PHONE)) == 1 and count(central, Registration) == 1


def test_same_key_different_body_is_a_conflict(api: Api) -> None:
    key = str(uuid.uuid4())
    assert api.post("/api/v1/registrations", BODY, key=key).status_code == 201
    other = api.post("/api/v1/registrations", {**BODY, "email": "other@gmail.com"}, key=key)
    assert other.status_code == 409
    assert other.json()["error"]["code"] == "idempotency_conflict"
    assert len(api.messages(KZ_PHONE)) == 1


def test_keys_are_scoped_per_terminal(api: Api, central: EmbeddedCentral) -> None:
    key = str(uuid.uuid4())
    mine = api.post("/api/v1/registrations", BODY, key=key)
    theirs = api.post(
        "/api/v1/registrations",
        {**BODY, "phone": "+77051234567"},
        key=key,
        token=add_terminal(central, "Shymkent-3"),
    )
    assert mine.status_code == theirs.status_code == 201
    assert mine.json()["id"] != theirs.json()["id"]


def test_key_must_be_a_uuid(api: Api) -> None:
    response = api.post("/api/v1/registrations", BODY, key="not-a-uuid")
    assert response.status_code == 422
    assert response.json()["error"]["fields"] == {"Idempotency-Key": ["invalid_uuid"]}


def test_concurrent_duplicates_do_the_work_once(api: Api, central: EmbeddedCentral) -> None:
    key = str(uuid.uuid4())
    answers: list[requests.Response] = []
    barrier = threading.Barrier(CONCURRENT_REQUESTS)

    def send() -> None:
        client = Api(api.url, api.token)
        barrier.wait()
        answers.append(client.post("/api/v1/registrations", BODY, key=key))

    threads = [threading.Thread(target=send) for _ in range(CONCURRENT_REQUESTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [a.status_code for a in answers] == [201] * CONCURRENT_REQUESTS
    assert len({a.json()["id"] for a in answers}) == 1
    assert count(central, Registration) == 1
    assert len(api.messages(KZ_PHONE)) == 1
