"""The phone page of a claim's one-time upload link, over real HTTP on SQLite
and PostgreSQL: what the terminal's QR code opens."""

from __future__ import annotations

import html
import json
import re
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import requests
from sqlalchemy import select
from sqlalchemy.orm import Session

from central.core.clock import Clock
from central.core.config import Settings
from central.models import IdempotencyRecord
from central.server import EmbeddedCentral
from tests.central.claims_support import (
    Client,
    audit_actions,
    claims_settings,
    jpeg_with_location,
    make_client,
    png,
)
from tests.central.conftest import Api

TIMEOUT_S = 10
PAGE_LIMIT = 8


@pytest.fixture
def central_settings(database_url: str, tmp_path: Path) -> Settings:
    return claims_settings(database_url, tmp_path, claim_upload_pages_per_ip_per_hour=PAGE_LIMIT)


@pytest.fixture
def client(central: EmbeddedCentral, api: Api) -> Client:
    return make_client(central, api, "+77011234567", "aigerim@mail.ru")


def new_link(client: Client, claim_id: str) -> str:
    made = client.post(f"/api/v1/account/claims/{claim_id}/upload-link")
    assert made.status_code == 201, made.text
    expires = datetime.fromisoformat(made.json()["expires_at"])
    assert timedelta(minutes=14) < expires - datetime.now(UTC) <= timedelta(minutes=15)
    url: str = made.json()["url"]
    return url


def form_action(page: str, base: str) -> str:
    found = re.search(r'<form method="post" action="([^"]+)" enctype="multipart/form-data">', page)
    assert found, page
    return base + html.unescape(found.group(1))


def send(url: str, *files: tuple[str, bytes, str]) -> requests.Response:
    parts = [("file", f) for f in files]
    return requests.post(url, files=parts, timeout=TIMEOUT_S)


def test_photos_sent_through_the_link_show_in_the_claim(
    client: Client, central: EmbeddedCentral
) -> None:
    claim = client.new_claim()
    url = new_link(client, claim["id"])
    page = requests.get(url, headers={"Accept-Language": "kk"}, timeout=TIMEOUT_S)
    assert page.status_code == 200
    assert "frame-ancestors 'none'" in page.headers["Content-Security-Policy"]
    assert page.headers["X-Content-Type-Options"] == "nosniff"
    assert page.headers["Referrer-Policy"] == "no-referrer"
    assert page.headers["Cache-Control"] == "no-store"
    assert '<input type="file" name="file" accept="image/*" capture="environment" multiple' in (
        page.text
    )
    assert "<script" not in page.text
    assert f"{claim['number']} өтінішіне фотосуреттер қосыңыз" in page.text

    done = send(
        form_action(page.text, central.url),
        ("IMG_1.jpg", jpeg_with_location(), "image/jpeg"),
        ("IMG_2.png", png(), "image/png"),
    )
    assert done.status_code == 200, done.text
    assert "қосылған файлдар саны — 2" in done.text
    shown = client.get(f"/api/v1/account/claims/{claim['id']}").json()
    assert [d["name"] for d in shown["documents"]] == ["IMG_1.jpg", "IMG_2.png"]

    # the form sent again (a double tap: the browser shows the second answer), or the
    # answer reloaded: the files arrived, which is what the client must read
    again = send(form_action(page.text, central.url), ("IMG_3.png", png(), "image/png"))
    assert again.status_code == 200 and "қабылданып қойған" in again.text
    assert "already arrived" in requests.get(url + "&lang=en", timeout=TIMEOUT_S).text
    assert len(client.get(f"/api/v1/account/claims/{claim['id']}").json()["documents"]) == 2
    assert central.app is not None
    central.app.state.clock.advance(11 * 60)  # later, the link is just spent
    assert requests.get(url, timeout=TIMEOUT_S).status_code == 410
    late = send(form_action(page.text, central.url), ("IMG_4.png", png(), "image/png"))
    assert late.status_code == 410
    trail = audit_actions(central, client.account_id)
    assert trail.count("claim_upload_page_opened") == 2  # the GET and the POST's check
    assert {"claim_upload_link_issued", "claim_document_added"} <= set(trail)


def test_an_expired_link_adds_nothing(
    client: Client, central: EmbeddedCentral, clock: Clock
) -> None:
    claim = client.new_claim()
    url = new_link(client, claim["id"])
    clock.advance(15 * 60 + 1)
    page = requests.get(url, params={"lang": "en"}, timeout=TIMEOUT_S)
    assert page.status_code == 410
    assert "This link has expired or was already used" in page.text
    assert send(url + "&lang=en", ("a.png", png(), "image/png")).status_code == 410
    assert client.get(f"/api/v1/account/claims/{claim['id']}").json()["documents"] == []


def test_a_bad_file_refuses_the_whole_batch_and_keeps_the_link(
    client: Client, central: EmbeddedCentral
) -> None:
    claim = client.new_claim()
    url = new_link(client, claim["id"])
    refused = send(
        url + "&lang=ru",
        ("ok.png", png(), "image/png"),
        ("photo.jpg", b"<html><body>not a photo</body></html>", "image/jpeg"),
    )
    assert refused.status_code == 415
    assert "Принимаются только фотографии JPEG, PNG и документы PDF." in refused.text
    assert refused.headers["X-Content-Type-Options"] == "nosniff"
    assert client.get(f"/api/v1/account/claims/{claim['id']}").json()["documents"] == []
    assert send(url, ("ok.png", png(), "image/png")).status_code == 200


def test_a_new_link_replaces_the_old_and_a_made_up_one_is_unknown(
    client: Client, central: EmbeddedCentral
) -> None:
    claim = client.new_claim()
    key = str(uuid.uuid4())
    old = client.post(f"/api/v1/account/claims/{claim['id']}/upload-link", key=key).json()["url"]
    # a repeat of the same request is a new link: no record keeps a usable one
    new = client.post(f"/api/v1/account/claims/{claim['id']}/upload-link", key=key).json()["url"]
    assert new != old
    with Session(central.engine) as db:
        records = db.scalars(select(IdempotencyRecord.response_body)).all()
        assert not any(new.split("t=")[1] in json.dumps(r) for r in records)
    assert requests.get(old, timeout=TIMEOUT_S).status_code == 410
    assert requests.get(new, timeout=TIMEOUT_S).status_code == 200
    made_up = requests.get(f"{central.url}/claims/upload?t=guess", timeout=TIMEOUT_S)
    assert made_up.status_code == 404 and "<script" not in made_up.text


def test_the_page_is_rate_limited_per_address(client: Client, central: EmbeddedCentral) -> None:
    claim = client.new_claim()
    url = new_link(client, claim["id"])
    answers = [requests.get(url, timeout=TIMEOUT_S) for _ in range(PAGE_LIMIT + 1)]
    assert [a.status_code for a in answers] == [200] * PAGE_LIMIT + [429]
    assert int(answers[-1].headers["Retry-After"]) > 0
    assert send(url, ("a.png", png(), "image/png")).status_code == 429
    guesses = [
        requests.get(f"{central.url}/claims/upload?t=g{n}", timeout=TIMEOUT_S) for n in range(2)
    ]
    assert {g.status_code for g in guesses} == {429}
