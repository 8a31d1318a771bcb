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
from collections.abc import Awaitable, Callable, MutableMapping
from datetime import UTC, datetime, timedelta
from typing import Any

import uvicorn

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

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
    more = True
    while more:
        message = await receive()
        more = bool(message.get("more_body"))
    headers = dict(scope.get("headers") or [])
    key = headers.get(b"idempotency-key", b"").decode()
    registering = scope["method"] == "POST" and scope["path"] == "/api/v1/registrations"
    body = _registration(key) if registering else _OK
    await send(
        {
            "type": "http.response.start",
            "status": 201 if registering else 200,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.fast_central")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    uvicorn.run(app, host=args.host, port=args.port, access_log=False)


if __name__ == "__main__":
    main()
