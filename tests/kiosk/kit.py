"""Helpers for kiosk tests against a real central: a terminal known to it,
clients for it, and reading its dev mailbox the way a client reads their phone
and email. A terminal is created in the central's database, as the operator CLI
does, and enrolled over HTTP, as the terminal does.
"""

from __future__ import annotations

import re
import time
import uuid
from typing import Any

import requests
from sqlalchemy.orm import Session

from central.models import utcnow
from central.repositories import terminals
from central.server import EmbeddedCentral
from kiosk.api_types import RegistrationRequest
from kiosk.client import CentralClient

BRANCH = "Almaty, Abay Ave 10"
ENROLLMENT_TTL_S = 3600
TEST_CONNECT_TIMEOUT_S = 1.0
TEST_READ_TIMEOUT_S = 10.0
MAILBOX_WAIT_S = 15.0
CODE_RE = re.compile(r"\b(\d{6})\b")
LINK_RE = re.compile(r"https?://\S+/activate/\S+")
TEMP_PASSWORD_RE = re.compile(r"Temporary password: (\S+)")


def add_terminal(central: EmbeddedCentral, name: str = "Almaty-1 kiosk") -> str:
    """Enroll a terminal as a branch would: the operator creates it (the CLI's
    step), the terminal trades the one-time code for its token over HTTP."""
    with Session(central.engine) as db, db.begin():
        _, code = terminals.create(
            db, name="new", branch=BRANCH, now=utcnow(), ttl_s=ENROLLMENT_TTL_S
        )
    with CentralClient(central.url) as client:
        return client.enroll(code, name).token


def make_client(central: EmbeddedCentral, token: str | None, locale: str = "en") -> CentralClient:
    return CentralClient(
        central.url,
        terminal_token=token,
        locale=locale,
        connect_timeout_s=TEST_CONNECT_TIMEOUT_S,
        read_timeout_s=TEST_READ_TIMEOUT_S,
    )


def wait_for_messages(
    client: CentralClient, to: str, count: int = 1, channel: str | None = None
) -> list[dict[str, Any]]:
    """The messages to ``to`` once at least ``count`` (of ``channel``) arrived."""
    deadline = time.monotonic() + MAILBOX_WAIT_S
    while True:
        found = [
            m for m in client.dev_messages(to=to) if channel is None or m["channel"] == channel
        ]
        if len(found) >= count or time.monotonic() > deadline:
            assert len(found) >= count, f"expected {count} {channel or ''} messages, got {found}"
            return found
        time.sleep(0.1)


def sms_code(client: CentralClient, phone: str, nth: int = 1) -> str:
    """The code of the ``nth`` SMS to ``phone`` (1 = first)."""
    body = wait_for_messages(client, phone, nth, "sms")[nth - 1]["body"]
    match = CODE_RE.search(body)
    assert match, body
    return match.group(1)


def activation_link(client: CentralClient, email: str) -> str:
    body = wait_for_messages(client, email, 1, "email")[-1]["body"]
    match = LINK_RE.search(body)
    assert match, "no activation link in the email"
    return match.group(0)


def temporary_password(client: CentralClient, email: str, nth: int = 1) -> str:
    body = wait_for_messages(client, email, nth, "email")[nth - 1]["body"]
    match = TEMP_PASSWORD_RE.search(body)
    assert match, "no temporary password in the email"
    return match.group(1)


def create_account(client: CentralClient, phone: str, email: str, *, activate: bool = True) -> str:
    """Register, confirm and (optionally) activate through the central's API;
    returns the temporary password from the email."""
    started = client.register(
        RegistrationRequest(email=email, phone=phone, consent=True, locale="en"),
        idempotency_key=str(uuid.uuid4()),
    )
    client.confirm(started.id, sms_code(client, phone))
    password = temporary_password(client, email)
    if activate:
        assert requests.post(activation_link(client, email), timeout=10).status_code == 200
    return password
