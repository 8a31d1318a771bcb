"""ASGI middleware that holds for every route: security headers on HTML pages,
and refusal of control characters in request paths and query strings.

Pure ASGI (no ``BaseHTTPMiddleware``): they add no task or thread hop per request.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

from fastapi.responses import JSONResponse
from starlette.datastructures import MutableHeaders
from starlette.types import Message, Receive, Scope, Send

from central.core.asgi import HttpMiddleware, WatchedSend
from central.core.errors import ValidationFailed
from central.core.i18n import message, negotiate
from central.core.text import FORBIDDEN_CHARACTER, has_control_character

# Every HTML page of the central (contract v1.1): never framed (clickjacking of
# the activation button), never sniffed as another type, never cached (pages
# answer with one person's state), and its URL (with a token) never sent on.
HTML_SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": (
        "default-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


class SecurityHeadersMiddleware(HttpMiddleware):
    """Adds ``HTML_SECURITY_HEADERS`` to every ``text/html`` response (whatever
    route or error made it). A route's own value for one of those names is kept
    (a page may need its own policy), except that a policy without
    ``frame-ancestors`` gets ``frame-ancestors 'none'`` appended."""

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.app(scope, receive, WatchedSend(send, on_start=_with_security_headers))


def _with_security_headers(msg: Message) -> Message:
    headers = MutableHeaders(scope=msg)
    if headers.get("content-type", "").lower().startswith("text/html"):
        for name, value in HTML_SECURITY_HEADERS.items():
            headers.setdefault(name, value)
        policy = headers["Content-Security-Policy"]
        if "frame-ancestors" not in policy:
            headers["Content-Security-Policy"] = f"{policy}; frame-ancestors 'none'"
    return msg


def _bad_parts(scope: Scope) -> dict[str, list[str]]:
    """The request's path or query parameters holding a control character
    (``%00`` and the like arrive decoded), as the contract's ``fields``."""
    fields: dict[str, list[str]] = {}
    if has_control_character(scope.get("path", "")):
        fields["path"] = [FORBIDDEN_CHARACTER]
    raw = scope.get("query_string", b"").decode("latin-1")
    for name, value in parse_qsl(raw, keep_blank_values=True, max_num_fields=None):
        if has_control_character(name) or has_control_character(value):
            key = name if not has_control_character(name) else "query"
            fields[key[:64]] = [FORBIDDEN_CHARACTER]
    return fields


class ControlCharacterMiddleware(HttpMiddleware):
    """``422 validation_failed`` (``fields: {"path"|<query name>:
    ["forbidden_character"]}``) for a path or query value holding a control
    character, before any route sees it: such a value never reaches a query
    (NUL is a 500 on PostgreSQL) nor a log."""

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            fields = _bad_parts(scope)
        except ValueError:  # a query string parse_qsl refuses
            fields = {"query": [FORBIDDEN_CHARACTER]}
        if not fields:
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        state = getattr(scope.get("app"), "state", None)
        default = getattr(getattr(state, "settings", None), "default_locale", "ru")
        lang = negotiate(headers.get("accept-language"), default)
        err = ValidationFailed(fields)
        body = {"error": {"code": err.code, "message": message(err.code, lang), **err.extra}}
        await JSONResponse(body, status_code=err.status)(scope, receive, send)
