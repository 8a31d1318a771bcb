"""Log-in guessing: the hourly cap counts the account, whichever of its logins
(phone, email, in any spelling) is tried; and a terminal that fails many logins
(many accounts, or logins nobody has) is stopped on its own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from central.core.config import Settings
from central.server import EmbeddedCentral
from tests.central.conftest import KZ_PHONE, Api, add_terminal, create_account

EMAIL = "aigerim@mail.ru"
PER_ACCOUNT = Settings().logins_per_login_per_hour
FAILED_PER_TERMINAL = 6


def log_in(api: Api, login: str, password: str) -> int:
    return api.post("/api/v1/sessions", {"login": login, "password": password}).status_code


def test_the_cap_counts_the_account_not_the_login_text(api: Api) -> None:
    password = create_account(api, EMAIL)
    for n in range(PER_ACCOUNT):  # half by email, half by phone
        login = EMAIL if n % 2 else "8 701 123 45 67"
        assert log_in(api, login, f"Wrong-{n}!") == 401
    assert log_in(api, KZ_PHONE, password) == 429, "the cap counts the account"
    assert log_in(api, EMAIL.upper(), password) == 429


@pytest.fixture
def strict_central(database_url: str) -> Iterator[EmbeddedCentral]:
    settings = Settings(
        database_url=database_url,
        delivery_backend="dev",
        failed_logins_per_terminal_per_hour=FAILED_PER_TERMINAL,
    )
    with EmbeddedCentral(settings) as running:
        yield running


def test_a_terminal_failing_many_logins_is_stopped(strict_central: EmbeddedCentral) -> None:
    kiosk = Api(strict_central.url, add_terminal(strict_central, "Kiosk"))
    other = Api(strict_central.url, add_terminal(strict_central, "Clerk"))
    password = create_account(other, EMAIL)
    for n in range(FAILED_PER_TERMINAL):  # a different login each time
        assert log_in(kiosk, f"+7701000{n:04d}", "Guess-1!") == 401
    refused = kiosk.post("/api/v1/sessions", {"login": EMAIL, "password": password})
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0
    assert log_in(other, EMAIL, password) == 200, "another terminal is not stopped"
