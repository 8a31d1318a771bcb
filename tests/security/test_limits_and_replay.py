"""Hourly caps per terminal and per IP, what a revoked token still gets (nothing,
not even a replay), and that one terminal's Idempotency-Key never hands it
another terminal's answer or registration."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from central.core.security import hash_token
from central.models import Registration, Terminal, utcnow
from central.repositories import terminals as terminal_repo
from central.server import EmbeddedCentral
from tests.central.conftest import Api, add_terminal
from tests.security.conftest import capped_settings, clock_of

PER_TERMINAL = 3
PER_IP = 5


@pytest.fixture
def tight_central(sqlite_url: str) -> Iterator[EmbeddedCentral]:
    with EmbeddedCentral(capped_settings(sqlite_url, PER_TERMINAL, PER_IP)) as running:
        yield running


def body(n: int) -> dict[str, object]:
    return {"email": f"c{n}@mail.ru", "phone": f"+7701{n:07d}", "consent": True}


def test_caps_per_terminal_and_per_ip_and_replays_do_not_spend_them(
    tight_central: EmbeddedCentral,
) -> None:
    a = Api(tight_central.url, add_terminal(tight_central, "A"))
    b = Api(tight_central.url, add_terminal(tight_central, "B"))
    keys = [str(uuid.uuid4()) for _ in range(PER_TERMINAL)]
    for n, key in enumerate(keys):
        assert a.post("/api/v1/registrations", body(n), key=key).status_code == 201
    for n, key in enumerate(keys):  # a kiosk retrying after lost answers: replays, free
        assert a.post("/api/v1/registrations", body(n), key=key).status_code == 201
    refused = a.post("/api/v1/registrations", body(10))
    assert refused.status_code == 429 and refused.json()["error"]["code"] == "rate_limited"
    assert 0 < int(refused.headers["Retry-After"]) <= 3600

    # terminal B is not limited by A's cap, but both share one IP (127.0.0.1)
    for n in range(PER_IP - PER_TERMINAL):
        assert b.post("/api/v1/registrations", body(20 + n)).status_code == 201
    by_ip = b.post("/api/v1/registrations", body(30))
    assert by_ip.status_code == 429, "the per-IP cap holds across terminals"

    clock_of(tight_central).advance(3601)
    assert a.post("/api/v1/registrations", body(40)).status_code == 201
    with Session(tight_central.engine) as db:
        made = db.scalar(select(Registration.id).where(Registration.phone == "+77010000040"))
    assert made is not None


def revoke(central: EmbeddedCentral, token: str) -> None:
    with Session(central.engine) as db, db.begin():
        found = db.scalar(select(Terminal).where(Terminal.token_hash == hash_token(token)))
        assert found is not None
        terminal_repo.revoke(db, found.id, now=utcnow())


def test_a_revoked_token_gets_nothing_not_even_a_replay(sqlite_central: EmbeddedCentral) -> None:
    api = Api(sqlite_central.url, add_terminal(sqlite_central))
    key = str(uuid.uuid4())
    first = api.post("/api/v1/registrations", body(1), key=key)
    assert first.status_code == 201
    rid = first.json()["id"]
    revoke(sqlite_central, api.token)
    for answer in (
        api.post("/api/v1/registrations", body(1), key=key),  # the replay
        api.post("/api/v1/registrations", body(2)),
        api.get(f"/api/v1/registrations/{rid}"),
        api.post(f"/api/v1/registrations/{rid}/confirm", {"code": "123456"}),
        api.post(f"/api/v1/registrations/{rid}/resend"),
    ):
        assert answer.status_code == 401, answer.text
        assert rid not in answer.text


def test_another_terminals_key_replays_nothing_of_its_answer(
    sqlite_central: EmbeddedCentral,
) -> None:
    a = Api(sqlite_central.url, add_terminal(sqlite_central, "A"))
    b = Api(sqlite_central.url, add_terminal(sqlite_central, "B"))
    key = str(uuid.uuid4())
    mine = a.post("/api/v1/registrations", body(1), key=key)
    assert mine.status_code == 201
    rid = mine.json()["id"]

    # B sends A's key with A's exact body: no replay of A's answer. The phone
    # already has a live code from A's request, so B starts its own registration
    # (never A's id) or is refused; either way it learns nothing of A's.
    theirs = b.post("/api/v1/registrations", body(1), key=key)
    assert rid not in theirs.text
    assert theirs.status_code in (201, 409, 429)
    # B also cannot reach A's registration with the key or the id
    confirm_key = str(uuid.uuid4())
    spent = a.post(f"/api/v1/registrations/{rid}/confirm", {"code": "000000"}, key=confirm_key)
    assert spent.status_code in (200, 400)  # "000000" may, rarely, be the code
    stolen = b.post(f"/api/v1/registrations/{rid}/confirm", {"code": "000000"}, key=confirm_key)
    assert stolen.status_code == 404
    assert b.get(f"/api/v1/registrations/{rid}").status_code == 404
    assert b.post(f"/api/v1/registrations/{rid}/resend").status_code == 404
