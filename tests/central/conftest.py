"""Helpers for the central's API tests: an enrolled terminal, a client for it
over real HTTP, the dev mailbox, and the app's clock (to move time, not sleep)."""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import requests
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from central.core.clock import Clock
from central.core.db import make_engine, make_session_factory
from central.core.migrate import upgrade
from central.core.security import hash_token, new_token
from central.models import Terminal
from central.server import EmbeddedCentral

TIMEOUT_S = 10
KZ_PHONE = "+77011234567"


def captured_ago(minutes: int = 30) -> str:
    """A ``captured_at`` inside the contract's range (now - 30 days ... now + 5 min)."""
    return (datetime.now(UTC) - timedelta(minutes=minutes)).isoformat()


def press_activate(link: str, **kwargs: Any) -> requests.Response:
    """Press the activation page's button: ``POST`` the link (a ``GET`` only shows it)."""
    return requests.post(link, timeout=TIMEOUT_S, **kwargs)


def add_terminal(central: EmbeddedCentral, name: str = "Almaty-1") -> str:
    """A terminal enrolled directly in the database; returns its bearer token."""
    token = new_token()
    with Session(central.engine) as db, db.begin():
        db.add(Terminal(name=name, branch="Almaty", token_hash=hash_token(token)))
    return token


@dataclass
class Api:
    """Requests to one central as one terminal; every POST gets a fresh
    Idempotency-Key unless one is given."""

    url: str
    token: str
    http: requests.Session = field(default_factory=requests.Session)

    def post(
        self,
        path: str,
        json: Any = None,
        *,
        key: str | None = None,
        token: str | None = None,
        lang: str = "en",
        **kwargs: Any,
    ) -> requests.Response:
        headers = {
            "Authorization": f"Bearer {token or self.token}",
            "Idempotency-Key": key or str(uuid.uuid4()),
            "Accept-Language": lang,
        }
        headers.update(kwargs.pop("headers", {}))
        return self.http.post(
            self.url + path, json=json, headers=headers, timeout=TIMEOUT_S, **kwargs
        )

    def get(
        self, path: str, *, token: str | None = None, lang: str = "en", **kwargs: Any
    ) -> requests.Response:
        headers = {"Authorization": f"Bearer {token or self.token}", "Accept-Language": lang}
        return self.http.get(self.url + path, headers=headers, timeout=TIMEOUT_S, **kwargs)

    def messages(self, to: str) -> list[dict[str, Any]]:
        response = self.http.get(f"{self.url}/dev/messages", params={"to": to}, timeout=TIMEOUT_S)
        assert response.status_code == 200, response.text
        return list(response.json()["messages"])

    def wait_messages(self, to: str, count: int) -> list[dict[str, Any]]:
        """The messages to ``to`` once there are at least ``count`` (an email with a
        temporary password shows a moment after the request: the sender hashes it)."""
        deadline = time.monotonic() + TIMEOUT_S
        while len(found := self.messages(to)) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(found) >= count, f"expected {count} messages to {to}, got {found}"
        return found

    def last_code(self, phone: str) -> str:
        codes = [m for m in self.messages(phone) if re.search(r"\b\d{6}\b", m["body"])]
        assert codes, f"no code sent to {phone}"
        found = re.search(r"\b(\d{6})\b", codes[-1]["body"])
        assert found is not None
        return found.group(1)

    def register(
        self, email: str = "aigerim@mail.ru", phone: str = KZ_PHONE, **extra: Any
    ) -> requests.Response:
        body = {"email": email, "phone": phone, "consent": True, "locale": "ru", **extra}
        return self.post("/api/v1/registrations", body)


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """A migrated database of the test's own (SQLite file, or a PostgreSQL schema)."""
    made = make_engine(database_url)
    upgrade(made)
    yield made
    made.dispose()


@pytest.fixture
def factory(engine: Engine) -> sessionmaker[Session]:
    return make_session_factory(engine)


@pytest.fixture
def api(central: EmbeddedCentral) -> Api:
    return Api(central.url, add_terminal(central))


@pytest.fixture
def sqlite_api(sqlite_central: EmbeddedCentral) -> Api:
    return Api(sqlite_central.url, add_terminal(sqlite_central))


@pytest.fixture
def clock(central: EmbeddedCentral) -> Clock:
    assert central.app is not None
    found: Clock = central.app.state.clock
    return found


@pytest.fixture
def make_terminal(central: EmbeddedCentral) -> Callable[[str], str]:
    return lambda name: add_terminal(central, name)


def password_emails(api: Api, email: str) -> int:
    """How many emails with a temporary password ``email`` has received."""
    return len([m for m in api.messages(email) if "emporary password" in m["body"]])


def email_secrets(api: Api, email: str, nth: int = 1) -> tuple[str | None, str]:
    """The activation link (if any) and temporary password of the ``nth`` email
    with one (1 = first), once it is in the mailbox: that is when the sender has
    made it the account's password, a moment after the request."""
    deadline = time.monotonic() + TIMEOUT_S
    while True:
        bodies = [m["body"] for m in api.messages(email) if "emporary password" in m["body"]]
        if len(bodies) >= nth or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert len(bodies) >= nth, f"no email {nth} with a temporary password to {email}"
    password = re.search(r"[Tt]emporary password: (\S+)", bodies[nth - 1])
    link = re.search(r"(https?://\S+/activate/\S+)", bodies[nth - 1])
    assert password is not None
    return (link.group(1) if link else None), password.group(1)


def create_account(
    api: Api, email: str = "aigerim@mail.ru", phone: str = KZ_PHONE, *, activate: bool = True
) -> str:
    """An account made through the real procedure (English texts); returns the
    temporary password."""
    started = api.post(
        "/api/v1/registrations", {"email": email, "phone": phone, "consent": True, "locale": "en"}
    )
    assert started.status_code == 201, started.text
    rid = started.json()["id"]
    confirmed = api.post(f"/api/v1/registrations/{rid}/confirm", {"code": api.last_code(phone)})
    assert confirmed.status_code == 200, confirmed.text
    link, password = email_secrets(api, email)
    if activate:
        assert link is not None
        assert press_activate(link).status_code == 200
    return password
