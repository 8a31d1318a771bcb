"""Limits that must hold however many requests arrive at once (contract v1.1,
"limits hold under concurrency"), on SQLite and on PostgreSQL: a burst of code
guesses judges at most the code's attempts, a burst of resends sends one SMS, a
burst of registrations of one phone from two terminals sends at most the
phone's hourly cap of codes, a burst from one terminal (one IP) makes at most the
terminal's (the IP's) hourly cap of registrations. Requests are real, parallel HTTP requests; a
terminal POST without an Idempotency-Key is refused before it does anything."""

from __future__ import annotations

import re
import threading
import uuid
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
import requests
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from central.core.config import Settings
from central.models import Registration
from central.server import EmbeddedCentral
from tests.central.conftest import KZ_PHONE, TIMEOUT_S, Api, add_terminal, captured_ago
from tests.security.conftest import capped_settings, clock_of

LINK_RE = re.compile(r"/r/([0-9a-f-]+)\?t=(\S+)")
CODE_RE = re.compile(r"\b(\d{6})\b")


def burst(n: int, send: Callable[[int], requests.Response]) -> list[requests.Response]:
    """``send(i)`` for i in 0..n-1, all released at once from their own threads."""
    gate = threading.Barrier(n)
    answers: list[requests.Response | None] = [None] * n

    def one(i: int) -> None:
        gate.wait(TIMEOUT_S)
        answers[i] = send(i)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert all(a is not None for a in answers), "a request of the burst did not finish"
    return [a for a in answers if a is not None]


def post(
    api: Api, path: str, body: Any, *, key: str | None, token: str | None = None
) -> requests.Response:
    """A POST with its own connection; ``key=None`` sends no Idempotency-Key."""
    headers = {"Authorization": f"Bearer {token or api.token}", "Accept-Language": "en"}
    if key is not None:
        headers["Idempotency-Key"] = key
    return requests.post(api.url + path, json=body, headers=headers, timeout=TIMEOUT_S)


def codes_to(api: Api, phone: str) -> list[str]:
    return [m["body"] for m in api.messages(phone) if m["kind"] == "registration_code"]


def wrong(real: str, n: int) -> str:
    guess = f"{(n * 7919) % 1_000_000:06d}"
    return guess if guess != real else f"{(n * 7919 + 1) % 1_000_000:06d}"


def started_late(api: Api) -> tuple[str, str, str]:
    """A late (outbox) registration: its id, its code and its page token."""
    body = {"email": "v@mail.ru", "phone": KZ_PHONE, "consent": True,
            "captured_at": captured_ago()}  # fmt: skip
    started = api.post("/api/v1/registrations", body)
    assert started.status_code == 201, started.text
    sms = codes_to(api, KZ_PHONE)[-1]
    real, link = CODE_RE.search(sms), LINK_RE.search(sms)
    assert real is not None and link is not None
    return started.json()["id"], real.group(1), link.group(2)


def test_keyless_guesses_are_refused_and_a_burst_judges_at_most_the_attempts(api: Api) -> None:
    rid, real, token = started_late(api)
    path = f"/api/v1/registrations/{rid}/confirm"

    keyless = burst(20, lambda i: post(api, path, {"code": wrong(real, i)}, key=None))
    assert {a.status_code for a in keyless} == {400}, [a.text for a in keyless]
    assert {a.json()["error"]["code"] for a in keyless} == {"idempotency_key_required"}
    assert api.get(f"/api/v1/registrations/{rid}").json()["attempts_left"] == 5, "none judged"

    # 20 keyed guesses at once, half through the terminal API, half through the
    # SMS link's page: four are judged wrong, the fifth burns the code
    def guess(i: int) -> requests.Response:
        code = wrong(real, 100 + i)
        if i % 2:
            return post(api, path, {"code": code}, key=str(uuid.uuid4()))
        return requests.post(
            f"{api.url}/r/{rid}", data={"t": token, "code": code}, timeout=TIMEOUT_S
        )

    seen = Counter(a.status_code for a in burst(20, guess))
    assert seen[400] <= 4, f"{seen[400]} wrong guesses judged for one code ({seen})"
    assert seen[400] + seen[429] == 20, seen
    right = post(api, path, {"code": real}, key=str(uuid.uuid4()))
    assert right.status_code == 429, "the right code after the burst finds it burnt"


def test_a_burst_of_resends_sends_one_sms(central: EmbeddedCentral, api: Api) -> None:
    started = api.register()
    assert started.status_code == 201
    rid = started.json()["id"]
    clock_of(central).advance(Settings().code_resend_cooldown_s + 1)
    path = f"/api/v1/registrations/{rid}/resend"

    answers = burst(10, lambda i: post(api, path, None, key=str(uuid.uuid4()) if i % 2 else None))
    keyless = [a for a in answers[::2]]
    assert {a.json()["error"]["code"] for a in keyless} == {"idempotency_key_required"}
    assert sum(a.status_code == 200 for a in answers) == 1, [a.status_code for a in answers]
    assert len(codes_to(api, KZ_PHONE)) == 2, "one code at registration, one resent"


def test_a_burst_of_registrations_of_one_phone_sends_at_most_the_hourly_cap(
    central: EmbeddedCentral, api: Api
) -> None:
    other = Api(central.url, add_terminal(central, "Astana-1"))
    cap = Settings().codes_per_phone_per_hour

    def register(i: int) -> requests.Response:
        body = {"email": f"c{i}@mail.ru", "phone": KZ_PHONE, "consent": True}
        return post(other if i % 2 else api, "/api/v1/registrations", body, key=str(uuid.uuid4()))

    seen = Counter(a.status_code for a in burst(40, register))
    assert seen[500] == 0, seen
    assert seen[201] <= cap, f"{seen[201]} registrations of one phone in one burst ({seen})"
    assert len(codes_to(api, KZ_PHONE)) <= cap


CAP = 4  # registrations per hour, per terminal or per IP, in the next test


@pytest.mark.parametrize(
    ("per_terminal", "per_ip", "terminals"),
    [(CAP, 100 * CAP, 1), (100 * CAP, CAP, 3)],
    ids=["per terminal", "per IP across terminals"],
)
def test_a_burst_of_registrations_makes_at_most_the_terminals_and_the_ips_cap(
    database_url: str, per_terminal: int, per_ip: int, terminals: int
) -> None:
    with EmbeddedCentral(capped_settings(database_url, per_terminal, per_ip)) as central:
        tokens = [add_terminal(central, f"Almaty-{n}") for n in range(terminals)]
        api = Api(central.url, tokens[0])

        def register(i: int) -> requests.Response:
            body = {"email": f"cap{i}@mail.ru", "phone": f"+7702{i:07d}", "consent": True}
            path = "/api/v1/registrations"
            return post(api, path, body, key=str(uuid.uuid4()), token=tokens[i % terminals])

        seen = Counter(a.status_code for a in burst(24, register))
        with Session(central.engine) as db:
            made = db.scalar(select(func.count()).select_from(Registration))
    assert seen == {201: CAP, 429: 24 - CAP}, seen
    assert made == CAP, f"{made} registrations made against a cap of {CAP}"
