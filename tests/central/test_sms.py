"""The HTTP SMS backend against a real local HTTP server (http.server in a thread)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from central.core.config import Settings
from central.core.db import make_engine, make_session_factory, transaction
from central.core.migrate import upgrade
from central.messaging.http_sms import HttpSmsBackend
from central.messaging.outbox import enqueue
from central.messaging.sender import Sender, backends_for
from central.models import Message
from central.server import free_port

PHONE = "+77011234567"


class Gateway:
    """Answers from a script (last answer repeats) and records every request."""

    def __init__(self) -> None:
        self.script: list[tuple[int, object]] = [(200, {"code": 0, "data": {"messageId": 1}})]
        self.requests: list[dict[str, Any]] = []
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode("utf-8")
                url = urlsplit(self.path)
                gateway.requests.append({
                    "method": self.command, "path": url.path, "query": parse_qs(url.query),
                    "headers": dict(self.headers), "raw": raw,
                    "form": parse_qs(raw) if "form" in self.headers.get("Content-Type", "") else {},
                })  # fmt: skip
                status, body = (
                    gateway.script.pop(0) if len(gateway.script) > 1 else gateway.script[0]
                )
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = _answer

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def gateway() -> Iterator[Gateway]:
    g = Gateway()
    yield g
    g.close()


@pytest.fixture
def factory(sqlite_url: str) -> Iterator[sessionmaker[Session]]:
    engine = make_engine(sqlite_url)
    upgrade(engine)
    yield make_session_factory(engine)
    engine.dispose()


def mobizon(gateway: Gateway, sqlite_url: str, **extra: Any) -> Settings:
    values: dict[str, Any] = {
        "database_url": sqlite_url,
        "delivery_backend": "live",
        "smtp_host": "127.0.0.1",
        "code_key": "cd" * 32,
        "sms_http_url": gateway.url
        + "/service/message/sendsmsmessage?output=json&api=v1&apiKey=KEY",
        "sms_http_form": {"recipient": "{recipient}", "text": "{text}", "from": "{sender}"},
        "sender_backoff_base_s": 0.001,
        "sender_backoff_cap_s": 0.001,
    }
    return Settings(**(values | extra))


def queue_code(factory: sessionmaker[Session]) -> str:
    with transaction(factory) as session:
        message = enqueue(session, channel="sms", to=PHONE, kind="registration_code", locale="ru",
                          params={"code": "482913", "ttl_min": 5, "link": None})  # fmt: skip
        session.flush()
        return message.id


def drain(factory: sessionmaker[Session], settings: Settings, passes: int = 20) -> Message:
    sender = Sender(factory, settings, {"sms": HttpSmsBackend(settings)})
    for _ in range(passes):
        sender.run_once()
        with factory() as session:
            [row] = session.query(Message).all()
            if row.status != "pending":
                return row
        threading.Event().wait(0.01)
    return row


def test_mobizon_style_form_post_delivers_the_code(
    gateway: Gateway, factory: sessionmaker[Session], sqlite_url: str
) -> None:
    queue_code(factory)
    row = drain(factory, mobizon(gateway, sqlite_url))
    assert (row.status, row.attempts) == ("sent", 1)
    [req] = gateway.requests
    assert req["method"] == "POST" and req["query"]["apiKey"] == ["KEY"]
    assert req["form"]["recipient"] == ["77011234567"]
    assert req["form"]["from"] == ["VICTORIA"]
    assert req["form"]["text"][0].startswith("Виктория: код 482913")
    assert "482913" not in row.body, "a delivered code must not stay in the database"


def test_a_delivered_code_is_gone_from_the_sqlite_files(
    gateway: Gateway, factory: sessionmaker[Session], sqlite_url: str, tmp_path: Path
) -> None:
    """Not only the row: the database file, its write-ahead log and shared memory
    hold no byte of the delivered code (secure_delete and the sender's checkpoint)."""
    link = "https://lk.vic.kz/r/5f0c6a2e-8b1d-4c1e-9a57-2f7d3b9e6c11?t=" + "k" * 43
    for _ in range(5):
        with transaction(factory) as session:
            enqueue(session, channel="sms", to=PHONE, kind="registration_code", locale="ru",
                    params={"code": "482913", "ttl_min": 5, "link": link})  # fmt: skip
    sender = Sender(
        factory, mobizon(gateway, sqlite_url), {"sms": HttpSmsBackend(mobizon(gateway, sqlite_url))}
    )
    assert sender.run_once() == 5
    assert len(gateway.requests) == 5
    files = [p for p in tmp_path.iterdir() if p.name.startswith("central.db")]
    assert files and all(b"482913" not in p.read_bytes() for p in files)
    with factory() as session:  # this SQLite zeroes freed space by default; not every build does
        assert session.execute(text("PRAGMA secure_delete")).scalar() == 1


def test_rate_limit_and_server_errors_are_retried_until_sent(
    gateway: Gateway, factory: sessionmaker[Session], sqlite_url: str
) -> None:
    gateway.script = [
        (429, {}),
        (200, {"code": 30, "message": "Too many requests"}),
        (502, {}),
        (200, {"code": 0, "data": {"messageId": 7}}),
    ]
    queue_code(factory)
    row = drain(factory, mobizon(gateway, sqlite_url))
    assert (row.status, row.attempts, len(gateway.requests)) == ("sent", 4, 4)


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        ((200, {"code": 8, "message": "Invalid API key"}), "Invalid API key"),
        ((401, {}), "credentials"),
        ((200, {"code": 1, "message": "Bad recipient"}), "Bad recipient"),
    ],
)
def test_auth_and_validation_errors_fail_at_once_with_the_reason_kept(
    gateway: Gateway, factory: sessionmaker[Session], sqlite_url: str,
    answer: tuple[int, object], reason: str,
) -> None:  # fmt: skip
    gateway.script = [answer]
    queue_code(factory)
    row = drain(factory, mobizon(gateway, sqlite_url))
    assert (row.status, row.attempts, len(gateway.requests)) == ("failed", 1, 1)
    assert reason in (row.last_error or "")
    assert "KEY" not in (row.last_error or "") and "482913" not in (row.last_error or "")
    assert "482913" not in row.body


def test_smsc_style_get_with_retry_then_permanent_error(
    gateway: Gateway, factory: sessionmaker[Session], sqlite_url: str
) -> None:
    gateway.script = [(200, {"error": "too many", "error_code": 9}),
                      (200, {"error": "authorise error", "error_code": 2})]  # fmt: skip
    settings = mobizon(gateway, sqlite_url, sms_http_url=gateway.url + "/sys/send.php",
                       sms_http_method="GET",
                       sms_http_form={"login": "vic", "psw": "pw", "phones": "{recipient}",
                                      "mes": "{text}", "fmt": "3"})  # fmt: skip
    queue_code(factory)
    row = drain(factory, settings)
    assert (row.status, row.attempts) == ("failed", 2)
    assert "authorise error" in (row.last_error or "")
    assert gateway.requests[0]["method"] == "GET"
    assert gateway.requests[0]["query"]["phones"] == ["77011234567"]
    assert "482913" in gateway.requests[0]["query"]["mes"][0]


def test_json_body_template_with_header(
    gateway: Gateway, factory: sessionmaker[Session], sqlite_url: str
) -> None:
    settings = mobizon(gateway, sqlite_url, sms_http_url=gateway.url + "/send", sms_http_form={},
                       sms_http_headers={"Authorization": "Bearer T"},
                       sms_http_json='{"to": "{recipient_e164}", "message": "{text}"}')  # fmt: skip
    queue_code(factory)
    assert drain(factory, settings).status == "sent"
    [req] = gateway.requests
    assert req["headers"]["Authorization"] == "Bearer T"
    body = json.loads(req["raw"])
    assert body["to"] == PHONE and "482913" in body["message"]


def test_gateway_down_gives_up_after_max_attempts(
    gateway: Gateway, factory: sessionmaker[Session], sqlite_url: str
) -> None:
    gateway.script = [(503, {})]
    queue_code(factory)
    row = drain(factory, mobizon(gateway, sqlite_url, sender_max_attempts=3))
    assert (row.status, row.attempts, len(gateway.requests)) == ("failed", 3, 3)
    assert row.last_error == "SMS gateway answered HTTP 503"


def test_live_delivery_sends_sms_only_by_gateway_and_email_only_by_smtp(
    gateway: Gateway, factory: sessionmaker[Session], sqlite_url: str
) -> None:
    received: list[list[str]] = []

    class Inbox:
        async def handle_DATA(self, server: object, session: object, envelope: Any) -> str:
            received.append(list(envelope.rcpt_tos))
            return "250 queued"

    smtp = Controller(Inbox(), hostname="127.0.0.1", port=free_port())
    smtp.start()
    try:
        settings = mobizon(gateway, sqlite_url, smtp_port=smtp.port)
        queue_code(factory)
        with transaction(factory) as session:
            enqueue(session, channel="email", to="dana@mail.ru", kind="password_changed_email",
                    locale="kk", params={})  # fmt: skip
        Sender(factory, settings, backends_for(settings)).run_once()
    finally:
        smtp.stop()
    assert received == [["dana@mail.ru"]]
    assert [r["form"]["recipient"] for r in gateway.requests] == [["77011234567"]]
    with factory() as session:
        assert {m.status for m in session.query(Message)} == {"sent"}
