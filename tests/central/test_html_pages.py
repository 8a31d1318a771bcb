"""The central's HTML pages: the activation link only shows a button (a mail
scanner opening it spends nothing), the button's POST activates once, and
every page carries the contract's security headers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests
from sqlalchemy import select

from central.core.config import Settings
from central.core.security import hash_token
from central.models import ActivationToken
from central.server import EmbeddedCentral
from tests.central.conftest import (
    TIMEOUT_S,
    Api,
    add_terminal,
    create_account,
    email_secrets,
    press_activate,
)

EMAIL = "aigerim@mail.ru"
LOCK_WAIT_S = 5  # a page view waiting this long on a row lock has waited on it
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


def log_in(api: Api, password: str) -> requests.Response:
    return api.post("/api/v1/sessions", {"login": EMAIL, "password": password})


def test_opening_the_link_activates_nothing_and_the_button_activates_once(api: Api) -> None:
    temporary = create_account(api, activate=False)
    link, _ = email_secrets(api, EMAIL)
    assert link is not None
    for _ in range(3):  # a mail scanner, a preview, the client
        shown = requests.get(link, headers={"Accept-Language": "ru"}, timeout=TIMEOUT_S)
        assert shown.status_code == 200
        assert '<form method="post"' in shown.text
        assert "Активировать «Личный кабинет»" in shown.text
    assert log_in(api, temporary).json()["error"]["code"] == "account_not_activated"

    pressed = press_activate(link, headers={"Accept-Language": "en"})
    assert pressed.status_code == 200 and "activated" in pressed.text
    assert log_in(api, temporary).status_code == 200

    again = {
        lang: press_activate(link, headers={"Accept-Language": lang}) for lang in ("ru", "kk", "en")
    }
    assert {r.status_code for r in again.values()} == {410}
    assert "already active" in again["en"].text and "vic.kz" in again["en"].text
    assert "уже активирован" in again["ru"].text and "vic.kz" in again["ru"].text
    assert "бұрын белсендірілген" in again["kk"].text
    reopened = requests.get(link, headers={"Accept-Language": "en"}, timeout=TIMEOUT_S)
    assert reopened.status_code == 410 and "already active" in reopened.text


def test_every_html_page_carries_the_security_headers(
    sqlite_central: EmbeddedCentral, sqlite_api: Api
) -> None:
    api = sqlite_api
    create_account(api, activate=False)
    link, _ = email_secrets(api, EMAIL)
    assert link is not None
    late = api.register(email="late@mail.ru", phone="+77017654321", captured_at=None)
    assert late.status_code == 201
    pages = [
        requests.get(link, timeout=TIMEOUT_S),
        requests.get(f"{api.url}/activate/unknown-token", timeout=TIMEOUT_S),
        requests.get(f"{api.url}/r/{late.json()['id']}?t=wrong", timeout=TIMEOUT_S),
        requests.post(f"{api.url}/r/nothing", data={"t": "x", "code": "1"}, timeout=TIMEOUT_S),
        press_activate(link),
        press_activate(link),
    ]
    for page in pages:
        assert page.headers["content-type"].startswith("text/html"), page.url
        assert "frame-ancestors 'none'" in page.headers["Content-Security-Policy"], page.url
        for name, value in HEADERS.items():
            assert page.headers.get(name) == value, (page.url, name)


@pytest.fixture
def postgres_central(postgres_url: str) -> Iterator[EmbeddedCentral]:
    """Row locks exist on PostgreSQL only (SQLite locks the whole file for writes)."""
    with EmbeddedCentral(Settings(database_url=postgres_url, delivery_backend="dev")) as running:
        yield running


def test_opening_the_link_waits_on_no_lock(postgres_central: EmbeddedCentral) -> None:
    """The page only looks: while another transaction holds the link's row (an
    activation in progress), opening the link still answers at once."""
    api = Api(postgres_central.url, add_terminal(postgres_central))
    create_account(api, activate=False)
    link, _ = email_secrets(api, EMAIL)
    assert link is not None
    token = link.rsplit("/", 1)[1].split("?")[0]
    with postgres_central.engine.connect() as other, other.begin():
        held = other.execute(
            select(ActivationToken.token_hash)
            .where(ActivationToken.token_hash == hash_token(token))
            .with_for_update()
        ).all()
        assert len(held) == 1
        shown = requests.get(link, headers={"Accept-Language": "en"}, timeout=LOCK_WAIT_S)
        assert shown.status_code == 200 and '<form method="post"' in shown.text
