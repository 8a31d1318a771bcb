"""The central dies (SIGKILL) after a registration committed and before its SMS
left: the SMS still goes after the restart, once, through a real HTTP gateway."""

from __future__ import annotations

import json
import sys
import threading
import uuid
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest
import requests
from sqlalchemy import select
from sqlalchemy.orm import Session

from central.core.db import make_engine
from central.models import Message
from tests.faults.conftest import enroll_in_db
from tests.faults.netfaults import CentralProcess
from tests.kiosk.outbox_helpers import wait_until

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

PHONE = "+77011234567"
NEVER_S = 3600  # the first central's sender polls once at start, then sleeps


class Gateway:
    """A Mobizon-like SMS gateway on loopback that counts what it was asked to send."""

    def __init__(self) -> None:
        self.sent: Counter[str] = Counter()
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                form = parse_qs(self.rfile.read(length).decode())
                gateway.sent[form["recipient"][0]] += 1
                body = json.dumps({"code": 0, "data": {"messageId": "1"}, "message": ""})
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(body.encode())

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/send"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def gateway() -> Iterator[Gateway]:
    g = Gateway()
    yield g
    g.server.shutdown()


def statuses(database_url: str) -> list[tuple[str, int]]:
    engine = make_engine(database_url)
    with Session(engine) as s:
        rows = [(r.status, r.attempts) for r in s.scalars(select(Message))]
    engine.dispose()
    return rows


def test_message_committed_but_unsent_at_a_crash_goes_once_after_restart(
    central_process: CentralProcess, gateway: Gateway
) -> None:
    central = central_process
    token = enroll_in_db(central.database_url)
    central.settings.update(
        delivery_backend="live",
        code_key="ef" * 32,
        smtp_host="127.0.0.1",  # no email is sent in this test
        sms_http_url=gateway.url,
        sms_http_form={"recipient": "{recipient}", "text": "{text}"},
    )
    central.start(sender_poll_s=NEVER_S)
    answer = requests.post(
        f"{central.url}/api/v1/registrations",
        json={"email": "aigerim@mail.ru", "phone": PHONE, "consent": True, "locale": "ru"},
        headers={"Authorization": f"Bearer {token}", "Idempotency-Key": str(uuid.uuid4())},
        timeout=10,
    )
    assert answer.status_code == 201, answer.text
    assert statuses(central.database_url) == [("pending", 0)], "committed, not yet sent"
    assert gateway.sent == Counter()

    central.kill()
    central.start(sender_poll_s=0.1)
    wait_until(lambda: gateway.sent[PHONE[1:]] >= 1, 20, "the SMS after the restart")
    wait_until(lambda: statuses(central.database_url)[0][0] == "sent", 10, "status sent")

    central.stop()  # a second, orderly restart must not send it again either
    central.start(sender_poll_s=0.1)
    threading.Event().wait(1.0)  # ten sender polls
    assert gateway.sent == Counter({PHONE[1:]: 1})
    assert statuses(central.database_url) == [("sent", 1)]
