"""The request log of ``python -m central serve``, with credentials masked.

uvicorn's own access log writes the whole request target, and some targets are
live credentials: ``GET /activate/<token>`` and ``/r/<id>?t=<token>``. The CLI
turns that log off and wraps the app in ``RequestLogMiddleware`` instead, which
logs one line per request with the secret path parts and every query value
masked (query strings also carry phones and emails: ``/dev/messages?to=...``).
Control characters of the (percent-decoded) path and of the client address are
written escaped (``\x0a``): a request cannot forge a second log line.
"""

from __future__ import annotations

import logging
import time
from urllib.parse import parse_qsl

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from central.core.text import escape_controls

log = logging.getLogger("central.requests")

MASK = "***"
# path prefixes whose next segment is a credential (the activation token)
SECRET_SEGMENT_AFTER = ("/activate/",)
# query parameter names of our routes, shown as they are; any other name is masked too
KNOWN_QUERY_NAMES = frozenset({"t", "lang", "to"})


def masked_target(path: str, query_string: bytes | str = b"") -> str:
    """``path?query`` for a log: the token of an activation link and every query
    value replaced by ``***``; only our own parameter names are kept; control
    characters of the path escaped."""
    path = escape_controls(path)
    for prefix in SECRET_SEGMENT_AFTER:
        if path.startswith(prefix):
            rest = path[len(prefix) :]
            _, slash, tail = rest.partition("/")
            path = f"{prefix}{MASK}{slash}{tail}"
    raw = query_string.decode("latin-1") if isinstance(query_string, bytes) else query_string
    if not raw:
        return path
    names = [
        name if name in KNOWN_QUERY_NAMES else MASK
        for name, _ in parse_qsl(raw, keep_blank_values=True)
    ]
    if not names:
        return f"{path}?{MASK}"
    return f"{path}?" + "&".join(f"{name}={MASK}" for name in names[:20])


class RequestLogMiddleware:
    """Logs ``client - "METHOD target HTTP/v" status duration`` at INFO on
    ``central.requests`` once the answer has started (or failed to)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.monotonic()
        status = 500

        async def watch(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, watch)
        finally:
            client = scope.get("client")
            where = escape_controls(f"{client[0]}:{client[1]}") if client else "-"
            log.info(
                '%s - "%s %s HTTP/%s" %d %.0f ms',
                where,
                escape_controls(str(scope.get("method", "-"))),
                masked_target(scope.get("path", ""), scope.get("query_string", b"")),
                scope.get("http_version", "1.1"),
                status,
                (time.monotonic() - started) * 1000,
            )
