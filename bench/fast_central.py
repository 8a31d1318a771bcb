"""The kiosk side's ceiling in benchmark 4: a trivially fast stand-in for the
central that answers ``POST /api/v1/registrations`` at once with a valid
registration answer (its id is the request's Idempotency-Key), and 200 to
everything else (``/healthz``, ``/readyz``). No routing, validation or database:
what a drain achieves against it is what the kiosk (outbox, client, HTTP) can do.

``python -m bench.fast_central --port P``; uvicorn with the central's defaults,
one process, access log off.
"""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime, timedelta

import uvicorn

from bench.bare_server import Receive, Scope, Send, read_body, send_json

CODE_TTL_S = 300
RESEND_AFTER_S = 60
_OK = b'{"status":"ok"}'


def _registration(key: str) -> bytes:
    now = datetime.now(UTC)
    return json.dumps(
        {
            "id": key,
            "status": "code_sent",
            "phone_masked": "+7 701 *** ** 00",
            "code_expires_at": (now + timedelta(seconds=CODE_TTL_S)).isoformat(),
            "resend_available_at": (now + timedelta(seconds=RESEND_AFTER_S)).isoformat(),
            "attempts_left": 5,
        }
    ).encode()


async def app(scope: Scope, receive: Receive, send: Send) -> None:
    if scope["type"] != "http":
        return
    await read_body(receive)
    headers = dict(scope.get("headers") or [])
    key = headers.get(b"idempotency-key", b"").decode()
    registering = scope["method"] == "POST" and scope["path"] == "/api/v1/registrations"
    if registering:
        await send_json(send, 201, _registration(key))
    else:
        await send_json(send, 200, _OK)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.fast_central")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    uvicorn.run(app, host=args.host, port=args.port, access_log=False)


if __name__ == "__main__":
    main()
