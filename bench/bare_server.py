"""The baseline of benchmark 5: a bare ASGI JSON endpoint served by uvicorn
with the same ``uvicorn.run`` defaults and worker count as ``python -m central serve``.

``python -m bench.bare_server --port P [--workers N]``: every request gets a small JSON body
(``/healthz`` too), after reading the request body: the floor of the server
stack, without routing, validation or a database.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import uvicorn

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

_BODY = json.dumps({"id": "00000000-0000-0000-0000-000000000000", "status": "ok"}).encode()


async def read_body(receive: Receive) -> None:
    """Read the request body to its end, as a real endpoint would."""
    more = True
    while more:
        message = await receive()
        more = bool(message.get("more_body"))


async def send_json(send: Send, status: int, body: bytes) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


async def app(scope: Scope, receive: Receive, send: Send) -> None:
    if scope["type"] != "http":
        return
    await read_body(receive)
    await send_json(send, 200, _BODY)


def factory() -> Callable[[Scope, Receive, Send], Awaitable[None]]:
    return app


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.bare_server")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--workers", type=int, default=1, help="as the central's --workers")
    args = parser.parse_args()
    if args.workers > 1:
        from central.cli import run_workers  # as `python -m central serve --workers N`

        run_workers(
            "bench.bare_server:factory", workers=args.workers, host=args.host, port=args.port
        )
    else:
        uvicorn.run(app, host=args.host, port=args.port)


if __name__ == "__main__":
    main()
