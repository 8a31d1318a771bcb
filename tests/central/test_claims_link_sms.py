"""A claim's upload link by SMS on request, over real HTTP on SQLite and
PostgreSQL: a new link that ends the old one, the SMS with it in the claim's
language, the hourly cap per claim (also against a burst), a replay that sends
one SMS, and no usable link kept anywhere once the SMS is gone."""

from __future__ import annotations

import json
import re
import threading
import uuid
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import select
from sqlalchemy.orm import Session

from central.core.clock import Clock
from central.core.config import Settings
from central.messaging.texts import holds_secret
from central.models import AuditEvent, IdempotencyRecord
from central.server import EmbeddedCentral
from tests.central.claims_support import (
    PASSWORD,
    Client,
    audit_actions,
    claims_settings,
    make_client,
    png,
)
from tests.central.conftest import Api

TIMEOUT_S = 10
SMS_CAP = 3
PHONE = "+77011234512"
LINK_RE = re.compile(r"(https?://\S+/claims/upload\?t=[\w-]+)")


@pytest.fixture
def central_settings(database_url: str, tmp_path: Path) -> Settings:
    return claims_settings(database_url, tmp_path, claim_link_sms_per_claim_per_hour=SMS_CAP)


@pytest.fixture
def client(central: EmbeddedCentral, api: Api) -> Client:
    return make_client(central, api, PHONE, "aigerim@mail.ru")


def by_sms(client: Client, claim_id: str, key: str | None = None, lang: str = "en") -> Any:
    return client.post(f"/api/v1/account/claims/{claim_id}/upload-link/sms", key=key, lang=lang)


def link_smses(api: Api) -> list[str]:
    return [m["body"] for m in api.messages(PHONE) if m["kind"] == "claim_upload_link_sms"]


def sms_link(body: str) -> str:
    found = LINK_RE.search(body)
    assert found, body
    return found.group(1)


def test_the_sms_carries_a_new_link_and_the_old_one_stops_working(
    client: Client, api: Api, central: EmbeddedCentral
) -> None:
    claim = client.new_claim(lang="ru")  # the claim's language: its SMS are in Russian
    old = client.post(f"/api/v1/account/claims/{claim['id']}/upload-link").json()["url"]
    sent = by_sms(client, claim["id"])
    assert sent.status_code == 201, sent.text
    answer = sent.json()
    assert answer["phone_masked"] == "+7 701 *** ** 12"
    new = answer["url"]
    assert new != old
    [sms] = link_smses(api)
    assert sms_link(sms) == new
    assert sms.startswith(f"Виктория: добавьте фото к заявлению {claim['number']}: ")
    assert "действует 15 мин" in sms

    refused = requests.get(old, params={"lang": "en"}, timeout=TIMEOUT_S)
    assert refused.status_code == 410
    assert "This link has expired or was already used" in refused.text
    added = requests.post(new, files=[("file", ("a.png", png(), "image/png"))], timeout=TIMEOUT_S)
    assert added.status_code == 200, added.text
    shown = client.get(f"/api/v1/account/claims/{claim['id']}").json()
    assert [d["name"] for d in shown["documents"]] == ["a.png"]

    assert "claim_upload_link_sent_by_sms" in audit_actions(central, client.account_id)
    token = new.split("t=")[1]
    with Session(central.engine) as db:
        details = db.scalars(select(AuditEvent.detail)).all()
    assert not any(token in (d or "") for d in details)
    assert holds_secret("claim_upload_link_sms")  # scrubbed once delivered or given up


def test_a_replay_sends_one_sms_and_answers_the_same_link_without_storing_it(
    client: Client, api: Api, central: EmbeddedCentral
) -> None:
    claim = client.new_claim()
    key = str(uuid.uuid4())
    first = by_sms(client, claim["id"], key=key)
    again = by_sms(client, claim["id"], key=key)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert len(link_smses(api)) == 1
    token = first.json()["url"].split("t=")[1]
    with Session(central.engine) as db:
        records = db.scalars(select(IdempotencyRecord.response_body)).all()
    assert records and not any(token in json.dumps(r) for r in records)
    page = requests.get(first.json()["url"], timeout=TIMEOUT_S)
    assert page.status_code == 200


def test_the_cap_per_claim_answers_429_with_the_wait(
    client: Client, api: Api, clock: Clock
) -> None:
    claim = client.new_claim()
    for _ in range(SMS_CAP):
        assert by_sms(client, claim["id"]).status_code == 201
        clock.advance(60)
    refused = by_sms(client, claim["id"], lang="ru")
    assert refused.status_code == 429
    error = refused.json()["error"]
    assert error["code"] == "link_sms_limited"
    assert "СМС" in error["message"]
    # the first of the three went 3 minutes ago: a slot frees in 57 minutes
    assert int(refused.headers["Retry-After"]) == error["retry_after"] == 57 * 60
    assert len(link_smses(api)) == SMS_CAP
    other = client.new_claim()
    assert by_sms(client, other["id"]).status_code == 201  # the cap is the claim's
    clock.advance(57 * 60)
    relogged = api.post("/api/v1/sessions", {"login": client.email, "password": PASSWORD})
    client.token = relogged.json()["token"]  # the first session ended meanwhile
    assert by_sms(client, claim["id"]).status_code == 201


def test_a_burst_sends_at_most_the_cap(client: Client, api: Api) -> None:
    claim = client.new_claim()
    n = SMS_CAP + 3
    gate = threading.Barrier(n)
    codes: list[int] = []
    lock = threading.Lock()

    def one() -> None:
        headers = {
            "Authorization": f"Bearer {client.token}",
            "Idempotency-Key": str(uuid.uuid4()),
        }
        gate.wait(TIMEOUT_S)
        url = f"{api.url}/api/v1/account/claims/{claim['id']}/upload-link/sms"
        answer = requests.post(url, headers=headers, timeout=30)
        with lock:
            codes.append(answer.status_code)

    threads = [threading.Thread(target=one) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(codes) == [201] * SMS_CAP + [429] * (n - SMS_CAP)
    smses = link_smses(api)
    assert len(smses) == SMS_CAP
    live = [u for u in map(sms_link, smses) if requests.get(u, timeout=TIMEOUT_S).ok]
    assert len(live) == 1  # one live link per claim


def test_another_clients_claim_is_not_found_and_sends_nothing(
    client: Client, api: Api, central: EmbeddedCentral
) -> None:
    claim = client.new_claim()
    stranger = make_client(central, api, "+77019876543", "dana@mail.ru")
    refused = by_sms(stranger, claim["id"])
    assert refused.status_code == 404
    assert link_smses(api) == []
    no_key = requests.post(
        f"{api.url}/api/v1/account/claims/{claim['id']}/upload-link/sms",
        headers={"Authorization": f"Bearer {client.token}"},
        timeout=TIMEOUT_S,
    )
    assert no_key.status_code == 400
    assert no_key.json()["error"]["code"] == "idempotency_key_required"
    assert link_smses(api) == []


def test_the_endpoint_is_in_openapi(central: EmbeddedCentral) -> None:
    spec = requests.get(f"{central.url}/openapi.json", timeout=TIMEOUT_S).json()
    operation = spec["paths"]["/api/v1/account/claims/{claim_id}/upload-link/sms"]["post"]
    assert "link_sms_limited" in operation["responses"]["429"]["description"]
    assert "Retry-After" in operation["responses"]["429"]["headers"]
