"""What an idempotency record gives someone who reads the central's database
(contract v1.1): no client token that opens an account, no password or code
checkable at the cost of one SHA-256 per guess; and records go after 8 days,
not before (a terminal's outbox may replay a key for a week)."""

from __future__ import annotations

import hashlib
import json
import time
import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.models import IdempotencyRecord
from central.server import EmbeddedCentral
from tests.central.conftest import KZ_PHONE, TIMEOUT_S, Api, create_account
from tests.security.conftest import clock_of

EMAIL = "aigerim@mail.ru"
NEW_PASSWORD = "Kz7!mountain"
RECORD_KEPT_S = 8 * 24 * 3600


def records(central: EmbeddedCentral) -> list[IdempotencyRecord]:
    with Session(central.engine) as db:
        return list(db.scalars(select(IdempotencyRecord)))


def unkeyed_digests(path: str, body: dict[str, Any]) -> set[str]:
    """The fingerprints an attacker computes per guess: SHA-256 of the request as
    JSON, with and without the path, in the usual serialisations."""
    found = set()
    for data in ([path, body], body):
        for text in (
            json.dumps(data, sort_keys=True, ensure_ascii=False),
            json.dumps(data, sort_keys=True),
            json.dumps(data, sort_keys=True, separators=(",", ":")),
        ):
            found.add(hashlib.sha256(text.encode()).hexdigest())
    return found


def test_records_hold_no_usable_token_and_no_cheaply_checkable_password(
    central: EmbeddedCentral, api: Api
) -> None:
    temporary = create_account(api, EMAIL)
    first = api.post("/api/v1/sessions", {"login": EMAIL, "password": temporary})
    assert first.status_code == 200, first.text
    change = {"current_password": temporary, "new_password": NEW_PASSWORD}
    changed = api.post("/api/v1/account/password", change, token=first.json()["token"])
    assert changed.status_code == 204, changed.text
    login = {"login": KZ_PHONE, "password": NEW_PASSWORD}
    opened = api.post("/api/v1/sessions", login)
    assert opened.status_code == 200, opened.text

    stored = records(central)
    assert len(stored) >= 4
    dump = " ".join(json.dumps(r.response_body, ensure_ascii=False) for r in stored)
    assert opened.json()["token"] not in dump, "a client token sits in an idempotency record"
    for record in stored:  # whatever looks like a token, tried as one
        body = (record.response_body or {}).get("body") or {}
        if isinstance(body, dict) and isinstance(body.get("token"), str):
            stolen = api.get("/api/v1/account/contracts", token=body["token"])
            assert stolen.status_code == 401, "a token from the table opened an account"
    guessable = (
        unkeyed_digests("POST /api/v1/sessions", login)
        | unkeyed_digests("POST /api/v1/sessions", {"login": EMAIL, "password": temporary})
        | unkeyed_digests("POST /api/v1/account/password", change)
    )
    hashes = {r.request_hash for r in stored}
    assert not hashes & guessable, "a password is checkable by one SHA-256 per guess"
    for secret in (temporary, NEW_PASSWORD):
        assert secret not in dump and all(secret not in r.request_hash for r in stored)


def test_a_key_is_replayed_for_a_week_and_its_record_deleted_after_8_days(
    central: EmbeddedCentral, api: Api
) -> None:
    clock = clock_of(central)
    key = str(uuid.uuid4())
    body = {"email": EMAIL, "phone": KZ_PHONE, "consent": True}
    first = api.post("/api/v1/registrations", body, key=key)
    assert first.status_code == 201, first.text

    clock.advance(timedelta(days=7).total_seconds())  # an outbox retrying a week later
    again = api.post("/api/v1/registrations", body, key=key)
    assert again.status_code == 201 and again.json()["id"] == first.json()["id"], again.text

    clock.advance(RECORD_KEPT_S - timedelta(days=7).total_seconds() + 3600)
    fresh = api.post("/api/v1/registrations", {**body, "email": "new@mail.ru"})
    assert fresh.status_code == 201, fresh.text
    assert central.app is not None
    central.app.state.sender.wake()
    deadline = time.monotonic() + TIMEOUT_S
    while any(r.key == key for r in records(central)) and time.monotonic() < deadline:
        time.sleep(0.1)
        central.app.state.sender.wake()
    left = {r.key for r in records(central)}
    assert key not in left, "a record older than 8 days is still kept"
    assert len(left) == 1, "the record of the fresh request is kept"
