"""Password guessing in bursts: the hourly caps on log-ins (per account, and a
terminal's failures) and on tries of the current password (a password change,
a closure) hold however many requests arrive at once, on SQLite and on
PostgreSQL. Before, a burst of 40 wrong passwords on PostgreSQL all read "below
the cap" before any of them was counted. Real, parallel HTTP requests."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable
from typing import Any

from central.core.config import Settings
from central.server import EmbeddedCentral
from tests.central.conftest import KZ_PHONE, Api, add_terminal, create_account
from tests.security.test_login_guessing import FAILED_PER_TERMINAL, strict_central  # noqa: F401
from tests.security.test_parallel_limits import burst, post

EMAIL = "aigerim@mail.ru"
PASSWORD = "Aigerim-Str0ng"
PER_ACCOUNT = Settings().logins_per_login_per_hour
CHANGES_PER_HOUR = Settings().password_changes_per_account_per_hour
BURST = 40


def statuses(
    n: int, api: Api, path: str, body: Callable[[int], Any], token: str | None = None
) -> Counter[int]:
    """The statuses of ``n`` POSTs of ``body(i)`` to ``path`` sent at once, each
    with a key of its own."""
    answers = burst(n, lambda i: post(api, path, body(i), key=str(uuid.uuid4()), token=token))
    return Counter(a.status_code for a in answers)


def log_in(api: Api, login: str, password: str) -> str:
    opened = api.post("/api/v1/sessions", {"login": login, "password": password})
    assert opened.status_code == 200, opened.text
    return str(opened.json()["token"])


def active_session(api: Api) -> str:
    """A session of an active account whose password the client chose (one try
    of the current password spent by that change)."""
    temporary = create_account(api, EMAIL)
    first = log_in(api, EMAIL, temporary)
    changed = api.post(
        "/api/v1/account/password",
        {"current_password": temporary, "new_password": PASSWORD},
        token=first,
    )
    assert changed.status_code == 204, changed.text
    return log_in(api, EMAIL, PASSWORD)


def test_a_burst_of_wrong_passwords_is_judged_at_most_the_accounts_cap(api: Api) -> None:
    create_account(api, EMAIL)
    seen = statuses(
        BURST,
        api,
        "/api/v1/sessions",
        lambda i: {"login": EMAIL if i % 2 else KZ_PHONE, "password": f"Wrong-{i}!"},
    )
    assert seen == {401: PER_ACCOUNT, 429: BURST - PER_ACCOUNT}, seen


def test_a_burst_of_current_password_tries_stays_within_the_cap(api: Api) -> None:
    token = active_session(api)
    body = {"current_password": "Wrong-Guess-1", "new_password": "Another-Str0ng"}
    seen = statuses(BURST, api, "/api/v1/account/password", lambda i: body, token)
    judged = CHANGES_PER_HOUR - 1  # the change to PASSWORD was one
    assert seen == {401: judged, 429: BURST - judged}, seen


def test_a_burst_of_closures_with_wrong_passwords_stays_within_the_cap(api: Api) -> None:
    token = active_session(api)
    seen = statuses(
        BURST, api, "/api/v1/account/closure", lambda i: {"password": f"Wrong-{i}-Guess"}, token
    )
    judged = CHANGES_PER_HOUR - 1
    assert seen == {401: judged, 429: BURST - judged}, seen
    assert log_in(api, EMAIL, PASSWORD), "the account is still open"


def test_a_burst_of_unknown_logins_from_one_terminal_stops_at_its_cap(
    strict_central: EmbeddedCentral,  # noqa: F811  (the fixture of test_login_guessing)
) -> None:
    kiosk = Api(strict_central.url, add_terminal(strict_central, "Kiosk"))
    seen = statuses(
        20,
        kiosk,
        "/api/v1/sessions",
        lambda i: {"login": f"+7701000{i:04d}", "password": "Guess-1!"},
    )
    assert seen == {401: FAILED_PER_TERMINAL, 429: 20 - FAILED_PER_TERMINAL}, seen
