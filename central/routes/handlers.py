"""Every answer that is not a success: the contract's error shape, in the
request's language, for business errors, bad input, unknown routes, oversized
bodies and, as a last resort, bugs. No stack trace ever reaches a client.
"""

from __future__ import annotations

import logging
import re
import traceback
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from central.core.asgi import HttpMiddleware, WatchedSend
from central.core.errors import (
    CentralError,
    InternalError,
    MalformedRequest,
    MethodNotAllowed,
    NotFound,
    PayloadTooLarge,
    UnsupportedMediaType,
    ValidationFailed,
)
from central.core.i18n import Locale, message, negotiate

log = logging.getLogger("central.errors")

_PYDANTIC_CODES = {
    "missing": "required",
    "extra_forbidden": "unknown_field",
    "string_too_long": "too_long",
    "string_too_short": "too_short",
    "literal_error": "invalid_choice",
    "uuid_parsing": "invalid_uuid",
    "uuid_type": "invalid_uuid",
    "timezone_aware": "timezone_required",
    "datetime_parsing": "invalid_datetime",
    "datetime_from_date_parsing": "invalid_datetime",
    "string_pattern_mismatch": "invalid_format",
    "forbidden_character": "forbidden_character",  # central.core.text
    "out_of_range": "out_of_range",  # central.core.clock
}
_SECRETS = re.compile(r"\+?\d[\d \-()]{8,}\d|[^\s@'\"]+@[^\s@'\"]+")


def error_body(err: CentralError, locale: str) -> dict[str, Any]:
    text = message(err.text_key or err.code, locale)
    return {"error": {"code": err.code, "message": text, **err.extra}}


def _locale(request: Request) -> Locale:
    default = getattr(request.app.state, "settings", None)
    return negotiate(
        request.headers.get("accept-language"),
        default.default_locale if default is not None else "ru",
    )


def render(request: Request, err: CentralError) -> JSONResponse:
    return JSONResponse(
        error_body(err, _locale(request)), status_code=err.status, headers=err.headers
    )


def field_errors(errors: Sequence[Any]) -> dict[str, list[str]]:
    """Pydantic's error list as the contract's ``{"field": ["code", ...]}``."""
    fields: dict[str, list[str]] = {}
    for error in errors:
        loc = [str(part) for part in error.get("loc", ())]
        name = ".".join(loc[1:]) if len(loc) > 1 else (loc[0] if loc else "body")
        kind = str(error.get("type", ""))
        code = _PYDANTIC_CODES.get(kind) or (
            "invalid_type" if kind.endswith(("_type", "_parsing")) else "invalid"
        )
        if code not in fields.setdefault(name, []):
            fields[name].append(code)
    return fields


def _validation_error(request: Request, exc: RequestValidationError) -> CentralError:
    errors = list(exc.errors())
    if any(e.get("type") == "json_invalid" for e in errors):
        return MalformedRequest()
    whole_body = [e for e in errors if tuple(e.get("loc", ())) == ("body",)]
    if whole_body and whole_body[0].get("type") != "missing":
        content_type = request.headers.get("content-type", "")
        if content_type and "json" not in content_type.lower():
            return UnsupportedMediaType()
        return MalformedRequest()
    return ValidationFailed(field_errors(errors))


def _http_error(exc: StarletteHTTPException) -> CentralError:
    if exc.status_code == 404:
        return NotFound()
    if exc.status_code == 405:
        return MethodNotAllowed()
    if exc.status_code == 413:
        return PayloadTooLarge()
    if exc.status_code in (400, 422):
        return MalformedRequest()
    err = CentralError()
    err.headers.update(exc.headers or {})
    return err


def mask_secrets(text: str) -> str:
    """Phones and emails out of a log line (an exception may quote SQL parameters)."""
    return _SECRETS.sub("***", text)


# A refusal to answer before a request's input is judged, or None: the caller's
# credentials, for routes that look them up only once the input is valid.
RefuseFirst = Callable[[Request], Awaitable[CentralError | None]]


def install_error_handlers(app: FastAPI, refuse_first: RefuseFirst | None = None) -> None:
    async def on_central(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, CentralError)
        return render(request, exc)

    async def on_validation(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        refusal = await refuse_first(request) if refuse_first is not None else None
        return render(request, refusal or _validation_error(request, exc))

    async def on_http(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        return render(request, _http_error(exc))

    app.add_exception_handler(CentralError, on_central)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StarletteHTTPException, on_http)


class CatchAllMiddleware(HttpMiddleware):
    """The last resort: a bug becomes the contract's 500 ``internal_error``.

    Unlike an exception handler for ``Exception`` (after which Starlette
    re-raises so the server logs the raw trace, SQL parameters and all), this
    logs one masked trace and stops there.
    """

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        watch = WatchedSend(send)
        try:
            await self.app(scope, receive, watch)
        except Exception as exc:
            trace = "".join(traceback.format_exception(exc))
            log.error(
                "unhandled error on %s %s\n%s",
                scope.get("method"),
                scope.get("path"),
                mask_secrets(trace),
            )
            if watch.started:
                return
            request = Request(scope)
            await render(request, InternalError())(scope, receive, send)


class BodyLimitMiddleware:
    """Refuses request bodies over ``max_bytes`` with 413, whether announced by
    Content-Length or streamed in chunks, before the route reads them. Paths
    matching ``streamed`` (uploads) are left to their routes, which hold them
    to their own limits while reading."""

    def __init__(
        self, app: ASGIApp, max_bytes: int, streamed: re.Pattern[str] | None = None
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.streamed = streamed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or (
            self.streamed is not None and self.streamed.match(scope.get("path", ""))
        ):
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > self.max_bytes
            except ValueError:
                too_big = False
            if too_big:
                await self._refuse(scope, receive, send)
                return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            received = await receive()
            if received["type"] == "http.request":
                seen += len(received.get("body", b""))
                if seen > self.max_bytes:
                    raise HTTPException(status_code=413)
            return received

        await self.app(scope, limited, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        lang = negotiate(headers.get("accept-language"))
        err = PayloadTooLarge()
        response = JSONResponse(
            error_body(err, lang), status_code=err.status, headers={"Connection": "close"}
        )
        await response(scope, receive, send)
