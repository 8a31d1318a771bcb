"""``/metrics`` of ``serve --workers 2``: on its own loopback port, never on the
API's, counting every worker's answers by route template."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy.orm import Session

from central.core.db import make_engine
from central.core.security import hash_token, new_token
from central.models import Terminal
from central.server import free_port

ROOT = Path(__file__).resolve().parents[2]
HEALTH_CHECKS = 30
START_TIMEOUT_S = 60


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    found = {}
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            found[(s.name, tuple(sorted(s.labels.items())))] = s.value
    return found


def value(text: str, name: str, **labels: str) -> float:
    return samples(text).get((name, tuple(sorted(labels.items()))), 0.0)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, str, str]]:
    """(api url, metrics url, database url) of a real ``serve --workers 2``."""
    api_port, metrics_port = free_port(), free_port()
    db = f"sqlite:///{tmp_path / 'm.db'}"
    environ = {k: v for k, v in os.environ.items() if not k.startswith("VIC_CENTRAL_")}
    environ |= {
        "VIC_CENTRAL_DELIVERY_BACKEND": "dev",
        "VIC_CENTRAL_METRICS_PORT": str(metrics_port),
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "central", "serve", "--db", db, "--port", str(api_port),
         "--workers", "2"],
        cwd=ROOT, env=environ, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    api = f"http://127.0.0.1:{api_port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            try:
                if requests.get(f"{api}/readyz", timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"serve did not start: {proc.stderr.read() if proc.stderr else ''}")
            time.sleep(0.2)
        yield api, f"http://127.0.0.1:{metrics_port}/metrics", db
    finally:
        proc.terminate()
        stderr = proc.communicate(timeout=30)[1]
    assert "Traceback" not in stderr


def test_metrics_count_every_worker_by_route_and_stay_off_the_api_port(
    served: tuple[str, str, str],
) -> None:
    api, metrics, db = served
    before = requests.get(metrics, timeout=5).text
    for _ in range(HEALTH_CHECKS):  # a new connection each: both workers answer some
        requests.get(f"{api}/healthz", timeout=5, headers={"Connection": "close"})

    token = new_token()
    engine = make_engine(db)
    with Session(engine) as session, session.begin():
        session.add(Terminal(name="m", branch="Almaty", token_hash=hash_token(token)))
    engine.dispose()
    headers = {"Authorization": f"Bearer {token}", "Idempotency-Key": str(uuid.uuid4())}
    body = {"email": "metrics@mail.ru", "phone": "+77011234567", "consent": True}
    started = requests.post(f"{api}/api/v1/registrations", json=body, headers=headers, timeout=5)
    assert started.status_code == 201, started.text
    rid = started.json()["id"]
    confirm = f"{api}/api/v1/registrations/{rid}/confirm"
    headers["Idempotency-Key"] = str(uuid.uuid4())
    requests.post(confirm, json={"code": "000000"}, headers=headers, timeout=5)
    beat = {"app_version": "1.0.0", "outbox_pending": 0, "outbox_needs_attention": 0}
    seen = requests.post(f"{api}/api/v1/terminals/heartbeat", json=beat, headers=headers, timeout=5)
    assert seen.status_code == 200, seen.text  # terminals seen = heartbeats, not requests

    deadline = time.monotonic() + 10
    while True:
        text = requests.get(metrics, timeout=5).text
        sent = value(text, "vic_messages_sent_total", channel="sms", kind="registration_code")
        if sent == 1 or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    assert sent == 1
    health = ("vic_http_requests_total", {"route": "/healthz", "method": "GET", "status": "200"})
    grown = value(text, health[0], **health[1]) - value(before, health[0], **health[1])
    assert grown == HEALTH_CHECKS
    assert value(text, "vic_registrations_total", outcome="code_sent") == 1
    # the route's template, never the registration's id
    assert rid not in text
    template = "/api/v1/registrations/{registration_id}/confirm"
    assert any(template in line for line in text.splitlines()), text
    assert value(text, "vic_terminals_seen_last_hour") == 1
    assert value(text, "vic_messages_pending", channel="email") == 0

    assert requests.get(f"{api}/metrics", timeout=5).status_code == 404


FIRST_COUNT = """
import sys, threading
from central.core.metrics import count_delivery

gate = threading.Barrier(8)
failures = []

def deliver():
    gate.wait()
    try:
        count_delivery("sms", "registration_code", delivered=True)
    except Exception as exc:
        failures.append(type(exc).__name__)

threads = [threading.Thread(target=deliver) for _ in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(",".join(failures))
sys.exit(1 if failures else 0)
"""


def test_the_first_deliveries_of_several_senders_at_once_count_without_failing() -> None:
    """Two senders' first deliveries made the counters twice: the second sender's
    thread died (``DuplicateTimeseries``) and the messages it had claimed waited
    for their lease. In a fresh process each time, as a central starts."""
    for _ in range(5):
        done = subprocess.run(
            [sys.executable, "-c", FIRST_COUNT],
            cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stdout + done.stderr
