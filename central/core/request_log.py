"""The request log of ``python -m central serve``, with credentials masked.

uvicorn's own access log writes the whole request target, and some targets are
live credentials: ``GET /activate/<token>`` and ``/r/<id>?t=<token>``. The CLI
turns that log off and wraps the app in ``RequestLogMiddleware`` instead, which
logs one line per request with the secret path parts and every query value
masked (query strings also carry phones and emails: ``/dev/messages?to=...``).

Each request has an id: the caller's ``X-Request-ID`` when it is a plain token
(a proxy's or a terminal's, so one request can be followed across logs), else
a new one; it is returned in the answer's ``X-Request-ID`` and attached to every
log line written while the request runs (``RequestIdFilter``). With
``VIC_CENTRAL_LOG_FORMAT=json`` (``json_logging``) each line is one JSON object;
what is masked in the text lines is masked there too, since the fields are the
same values.

Control characters of the (percent-decoded) path and of the client address are
written escaped (``\x0a``): a request cannot forge a second log line.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from contextvars import ContextVar
from typing import Any, Final
from urllib.parse import parse_qsl

from starlette.types import Message, Receive, Scope, Send

from central.core.asgi import HttpMiddleware, WatchedSend
from central.core.text import escape_controls

log = logging.getLogger("central.requests")

MASK = "***"
# path prefixes whose next segment is a credential (the activation token)
SECRET_SEGMENT_AFTER = ("/activate/",)
# query parameter names of our routes, shown as they are; any other name is masked too
KNOWN_QUERY_NAMES = frozenset({"t", "lang", "to"})

REQUEST_ID_HEADER: Final = "X-Request-ID"
# a caller's id is kept only if it is a plain token: nothing a log reader could
# mistake for another line or field, and short
_VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")
NO_REQUEST = "-"
request_id_var: ContextVar[str] = ContextVar("request_id", default=NO_REQUEST)


def request_id_from(header: str | None) -> str:
    """The caller's request id when valid, else a new one (32 hex digits)."""
    if header is not None and _VALID_REQUEST_ID.fullmatch(header):
        return header
    return uuid.uuid4().hex


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers") or ():
        if key.lower() == name:
            return bytes(value).decode("latin-1")
    return None


class RequestIdFilter(logging.Filter):
    """Gives every record the id of the request it was written in (``-`` outside one)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id_var.get()
        return True


JSON_FIELDS: Final = "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s"


def json_logging(config: dict[str, Any]) -> dict[str, Any]:
    """``config`` (a ``logging.config.dictConfig`` dict, uvicorn's) with every
    handler writing JSON lines that carry the request id."""
    config["filters"] = {"request_id": {"()": f"{__name__}.RequestIdFilter"}}
    config["formatters"]["json"] = {
        "()": "pythonjsonlogger.json.JsonFormatter",
        "fmt": JSON_FIELDS,
        "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
    }
    for handler in config["handlers"].values():
        handler["formatter"] = "json"
        handler["filters"] = ["request_id"]
    return config


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


class RequestLogMiddleware(HttpMiddleware):
    """Logs ``client - "METHOD target HTTP/v" status duration`` at INFO on
    ``central.requests`` once the answer has started (or failed to), with the
    same values as fields (for JSON lines); gives each request its id."""

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = time.monotonic()
        request_id = request_id_from(_header(scope, b"x-request-id"))
        reset = request_id_var.set(request_id)

        def with_id(message: Message) -> Message:
            headers = [
                (k, v) for k, v in message.get("headers", []) if k.lower() != b"x-request-id"
            ]
            headers.append((b"x-request-id", request_id.encode("latin-1")))
            return {**message, "headers": headers}

        watch = WatchedSend(send, on_start=with_id)
        try:
            await self.app(scope, receive, watch)
        finally:
            status = watch.status
            client = scope.get("client")
            where = escape_controls(f"{client[0]}:{client[1]}") if client else "-"
            method = escape_controls(str(scope.get("method", "-")))
            target = masked_target(scope.get("path", ""), scope.get("query_string", b""))
            duration_ms = (time.monotonic() - started) * 1000
            log.info(
                '%s - "%s %s HTTP/%s" %d %.0f ms',
                where,
                method,
                target,
                scope.get("http_version", "1.1"),
                status,
                duration_ms,
                extra={
                    "client": where,
                    "method": method,
                    "target": target,
                    "status": status,
                    "duration_ms": round(duration_ms, 1),
                },
            )
            request_id_var.reset(reset)
