"""The request log of ``python -m central serve``: request targets as an operator
reads them, with credentials and personal data masked and control characters
escaped; the client address stored only when it parses as an IP."""

from __future__ import annotations

import asyncio
import logging

import pytest
from sqlalchemy.orm import Session
from starlette.types import Message, Receive, Scope, Send

from central.core.request_log import RequestLogMiddleware, masked_target
from central.models import Registration
from central.server import EmbeddedCentral
from tests.central.conftest import KZ_PHONE, Api


@pytest.mark.parametrize(
    ("path", "query", "logged"),
    [
        ("/activate/Zx9-Qw_secret", b"", "/activate/***"),
        ("/activate/Zx9-Qw_secret", b"lang=en", "/activate/***?lang=***"),
        ("/activate/Zx9/extra", b"", "/activate/***/extra"),
        ("/r/5f0c6a2e", b"t=Zx9-Qw_secret&lang=kk", "/r/5f0c6a2e?t=***&lang=***"),
        ("/dev/messages", b"to=%2B77011234567", "/dev/messages?to=***"),
        ("/r/5f0c6a2e", b"Zx9-Qw_secret", "/r/5f0c6a2e?***=***"),
        ("/api/v1/registrations/5f0c6a2e", b"", "/api/v1/registrations/5f0c6a2e"),
    ],
)
def test_secrets_in_request_targets_are_masked(path: str, query: bytes, logged: str) -> None:
    assert masked_target(path, query) == logged


FORGED = '/x HTTP/1.1" 200 1 ms\n127.0.0.1:1 - "GET /admin HTTP/1.1" 200 1 ms\x1b[2J'


def test_control_characters_in_a_path_cannot_forge_a_log_line() -> None:
    logged = masked_target(FORGED)
    assert "\n" not in logged and "\x1b" not in logged
    assert "\\x0a127.0.0.1:1" in logged and logged.endswith("\\x1b[2J")
    assert masked_target("/a\\x0ab") == "/a\\\\x0ab"  # a literal backslash stays distinct


def test_the_request_log_writes_one_line_per_request(caplog: pytest.LogCaptureFixture) -> None:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 404, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    async def receive() -> Message:
        return {"type": "http.request", "body": b""}

    async def send(_: Message) -> None:
        return None

    scope: Scope = {
        "type": "http",
        "method": "GET",
        "path": FORGED,
        "query_string": b"",
        "http_version": "1.1",
        "client": ("evil\r\nhost", 1),  # what a forged X-Forwarded-For makes of it
    }
    with caplog.at_level(logging.INFO, logger="central.requests"):
        asyncio.run(RequestLogMiddleware(app)(scope, receive, send))
    [record] = caplog.records
    line = record.getMessage()
    assert "\n" not in line and "\r" not in line and "\x1b" not in line
    assert line.startswith("evil\\x0d\\x0ahost:1 - ") and line.split('" ')[-1].startswith("404")


@pytest.mark.parametrize(
    ("forwarded", "stored"),
    [("203.0.113.7", "203.0.113.7"), ("2001:DB8::1", "2001:db8::1"), ("x<script>", None)],
)
def test_only_a_parsed_ip_address_is_stored_from_x_forwarded_for(
    central: EmbeddedCentral, api: Api, forwarded: str, stored: str | None
) -> None:
    body = {"email": "a@mail.ru", "phone": KZ_PHONE, "consent": True}
    started = api.post("/api/v1/registrations", body, headers={"X-Forwarded-For": forwarded})
    assert started.status_code == 201, started.text
    with Session(central.engine) as db:
        found = db.get(Registration, started.json()["id"])
        assert found is not None and found.client_ip == stored
