"""How many guesses of an SMS code an attacker gets per phone per hour, measured
the way an attacker would spend them: register, guess wrong until refused,
resend (after the cool-down), again and again until the phone's hourly cap;
guesses go through both doors that take a code (the terminal API and the
late-registration page from the SMS link). Domain notes: at most 25."""

from __future__ import annotations

import re
import threading
from collections import Counter

import pytest
import requests

from central.core.config import Settings
from central.server import EmbeddedCentral
from tests.central.conftest import KZ_PHONE, TIMEOUT_S, Api, add_terminal, captured_ago
from tests.security.conftest import clock_of

MAX_GUESSES_PER_PHONE_PER_HOUR = 25
LINK_RE = re.compile(r"/r/([0-9a-f-]+)\?t=(\S+)")
ROUND_CAP = 50  # bounds the attacker's loop far beyond any sane cap


def wrong_code(real: str, n: int) -> str:
    guess = f"{n % 1_000_000:06d}"
    return guess if guess != real else f"{(n + 1) % 1_000_000:06d}"


def page_guess(api: Api, rid: str, token: str, code: str) -> int:
    return requests.post(
        f"{api.url}/r/{rid}", data={"t": token, "code": code}, timeout=TIMEOUT_S
    ).status_code


def test_guesses_per_phone_per_hour_are_at_most_25_then_locked_out(
    sqlite_central: EmbeddedCentral, sqlite_api: Api
) -> None:
    api, clock = sqlite_api, clock_of(sqlite_central)
    settings = Settings()
    body = {"email": "victim@mail.ru", "phone": KZ_PHONE, "consent": True, "locale": "en"}
    started = api.post("/api/v1/registrations", {**body, "captured_at": captured_ago()})
    assert started.status_code == 201, started.text
    rid = started.json()["id"]
    guesses = codes = 0
    n = 0
    for _ in range(ROUND_CAP):
        codes += 1
        sms = [m for m in api.messages(KZ_PHONE) if m["kind"] == "registration_code"][-1]
        real = re.search(r"\b(\d{6})\b", sms["body"]).group(1)  # type: ignore[union-attr]
        link = LINK_RE.search(sms["body"])
        assert link is not None and link.group(1) == rid
        while True:  # wrong guesses, alternating the two doors, until refused
            n += 1
            if n % 2:
                status = api.post(
                    f"/api/v1/registrations/{rid}/confirm", {"code": wrong_code(real, n)}
                ).status_code
            else:
                status = page_guess(api, rid, link.group(2), wrong_code(real, n))
            assert status in (400, 429), status
            guesses += 1
            if status == 429:
                break
            assert guesses <= 10 * MAX_GUESSES_PER_PHONE_PER_HOUR, "no per-code cap"
        after = api.post(f"/api/v1/registrations/{rid}/confirm", {"code": real})
        assert after.status_code == 429, "a burnt code stays burnt, even when right"
        clock.advance(settings.code_resend_cooldown_s)
        resent = api.post(f"/api/v1/registrations/{rid}/resend")
        if resent.status_code == 429:
            break
        assert resent.status_code == 200, resent.text
    print(f"\nguesses per phone per hour: {guesses} ({codes} codes)")
    assert guesses <= MAX_GUESSES_PER_PHONE_PER_HOUR
    assert codes == settings.codes_per_phone_per_hour

    # locked out: no new code by resend, by a new registration, or from another terminal
    assert resent.json()["error"]["code"] == "rate_limited"
    wait_s = int(resent.headers["Retry-After"])
    assert 0 < wait_s <= 3600
    again = api.post("/api/v1/registrations", {**body, "email": "other@mail.ru"})
    assert again.status_code == 429
    other = Api(api.url, add_terminal(sqlite_central, "Astana-1"))
    assert other.register(email="third@mail.ru").status_code == 429
    clock.advance(wait_s + 1)
    assert api.post(f"/api/v1/registrations/{rid}/resend").status_code == 200, "cap lifts"


def storm(api: Api, door: str, rid: str, token: str, real: str, n: int) -> Counter[int]:
    """``n`` wrong guesses at once through ``door``; the statuses answered."""
    seen: Counter[int] = Counter()
    lock = threading.Lock()

    def guess(i: int) -> None:
        code = wrong_code(real, 1000 + i)
        if door == "api":
            path = f"/api/v1/registrations/{rid}/confirm"
            status = Api(api.url, api.token).post(path, {"code": code}).status_code
        else:
            status = page_guess(api, rid, token, code)
        with lock:
            seen[status] += 1

    threads = [threading.Thread(target=guess, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return seen


@pytest.mark.parametrize("door", ["api", "page"])
def test_concurrent_guesses_cannot_spend_one_attempt_twice(api: Api, door: str) -> None:
    """Twenty wrong guesses at once: still at most five are judged per code (four
    "invalid", the fifth burns it); a lost update would give an attacker more."""
    started = api.post(
        "/api/v1/registrations",
        {"email": "v@mail.ru", "phone": KZ_PHONE, "consent": True,
         "captured_at": captured_ago()},
    )  # fmt: skip
    rid = started.json()["id"]
    body = api.messages(KZ_PHONE)[-1]["body"]
    real = re.search(r"\b(\d{6})\b", body).group(1)  # type: ignore[union-attr]
    token = LINK_RE.search(body).group(2)  # type: ignore[union-attr]
    seen = storm(api, door, rid, token, real, 20)
    assert seen[500] == 0, seen
    assert seen[400] <= 4, f"{seen[400]} wrong guesses judged for one code ({seen})"
    assert seen[429] >= 16, seen
