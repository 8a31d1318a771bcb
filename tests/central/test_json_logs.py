"""``serve`` with ``VIC_CENTRAL_LOG_FORMAT=json``, as a real subprocess: every
line is a JSON object, each request has an id (the caller's valid
``X-Request-ID``, else a new one) returned in the answer and written in its log
line, and credentials and phones in request targets stay masked."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import requests

from central.cli import DEV_DELIVERY_WARNING
from central.server import free_port

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 60
SECRET = "Zx9SeCrEtToKeN"
PHONE = "+77011234567"


def serve_and_ask(tmp_path: Path, workers: int) -> tuple[list[requests.Response], str]:
    port = free_port()
    environ = {k: v for k, v in os.environ.items() if not k.startswith("VIC_CENTRAL_")}
    environ |= {"VIC_CENTRAL_DELIVERY_BACKEND": "dev", "VIC_CENTRAL_LOG_FORMAT": "json"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "central", "serve", "--db", f"sqlite:///{tmp_path / 'l.db'}",
         "--port", str(port), "--workers", str(workers)],
        cwd=ROOT, env=environ, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    answers: list[requests.Response] = []
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            try:
                if requests.get(f"{url}/readyz", timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail("serve did not start")
            time.sleep(0.2)
        ask = [
            (f"/activate/{SECRET}?lang=en", "trace-42"),
            ("/healthz", "x" * 100),  # too long: replaced
            (f"/dev/messages?to={PHONE}", None),
        ]
        for path, given in ask:
            headers = {"X-Request-ID": given} if given else {}
            answers.append(requests.get(url + path, headers=headers, timeout=5))
        time.sleep(0.5)  # the log line is written once the answer has gone
    finally:
        proc.terminate()
        stderr = proc.communicate(timeout=30)[1]
    return answers, stderr


@pytest.mark.parametrize("workers", [1, 2])
def test_json_lines_carry_the_request_id_and_keep_secrets_masked(
    tmp_path: Path, workers: int
) -> None:
    (activate, health, mailbox), stderr = serve_and_ask(tmp_path, workers)
    assert activate.headers["X-Request-ID"] == "trace-42"
    made = health.headers["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", made)
    assert (
        re.fullmatch(r"[0-9a-f]{32}", mailbox.headers["X-Request-ID"])
        and made != (mailbox.headers["X-Request-ID"])
    )

    # every log line is JSON; the one plain line is the CLI's warning before serving
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert lines[0] == DEV_DELIVERY_WARNING
    records: list[dict[str, Any]] = [json.loads(line) for line in lines[1:]]
    assert "Traceback" not in stderr
    assert SECRET not in stderr and PHONE[1:] not in stderr
    by_id = {r.get("request_id"): r for r in records if r.get("logger") == "central.requests"}
    first = by_id["trace-42"]
    assert (first["method"], first["target"]) == ("GET", "/activate/***?lang=***")
    assert first["status"] == activate.status_code and first["level"] == "INFO"
    assert by_id[made]["target"] == "/healthz"
    assert by_id[mailbox.headers["X-Request-ID"]]["target"] == "/dev/messages?to=***"
    started = [r for r in records if "Application startup complete" in r.get("message", "")]
    assert started and started[0]["request_id"] == "-"
