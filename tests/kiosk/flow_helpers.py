"""Helpers for the flow tests: deadline-bound waits, the central's clock, the
"nothing more will come" witness, and the probe for contract v1.1 endpoints."""

from __future__ import annotations

import fnmatch
import time
import uuid
from collections.abc import Callable

import requests

from central.core.clock import Clock
from central.server import EmbeddedCentral
from kiosk.api_types import RegistrationRequest
from kiosk.client import CentralClient
from tests.kiosk.kit import wait_for_messages

WAIT_S = 10.0
WITNESS_PHONE = "+77019990001"


def wait_until(condition: Callable[[], bool], timeout_s: float = WAIT_S) -> None:
    """Poll ``condition`` until it holds; fail the test after ``timeout_s``."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, "the condition did not hold in time"
        time.sleep(0.005)


def central_clock(central: EmbeddedCentral) -> Clock:
    """The running central's clock: move it instead of sleeping."""
    assert central.app is not None
    clock: Clock = central.app.state.clock
    return clock


def witness_sms(client: CentralClient) -> None:
    """Register a phone of its own and wait for its SMS: once it is there, the
    central's sender has passed every message queued before it."""
    request = RegistrationRequest(email="witness@example.kz", phone=WITNESS_PHONE, consent=True)
    client.register(request, idempotency_key=str(uuid.uuid4()))
    wait_for_messages(client, WITNESS_PHONE, 1, "sms")


PASSWORD_RESET_CONFIRM = "/api/v1/password-resets/*/confirm"
SESSION_LOGOUT = "/api/v1/sessions/current"


def central_has(url: str, pattern: str) -> bool:
    """Whether the central at ``url`` declares a path matching ``pattern`` (``*`` for
    a path parameter) in its OpenAPI document: the contract v1.1 probe."""
    try:
        paths = requests.get(f"{url}/openapi.json", timeout=10).json().get("paths", {})
    except (requests.RequestException, ValueError):
        return False
    return any(fnmatch.fnmatchcase(path, pattern) for path in paths)
