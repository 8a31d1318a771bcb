"""The refusals each route declares in ``/openapi.json``.

Every refusal has the contract's shape, ``ErrorOut``. ``refusals(*errors)``
turns the error types a route can raise (each carries its status and code) into
FastAPI's ``responses=``, one entry per status naming its codes. The groups
below are what every route of a kind can answer: bad JSON bodies, a missing or
revoked terminal token, an Idempotency-Key reused for another body.

HTML pages answer their refusals as HTML (``html_refusals``), except bad query
parameters, which are the JSON 422 of every route.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from central.core.errors import (
    CentralError,
    CodeExpired,
    IdempotencyConflict,
    IdempotencyKeyRequired,
    InvalidCode,
    MalformedRequest,
    NotFound,
    PasswordChangeRequired,
    PayloadTooLarge,
    TooManyAttempts,
    Unauthorized,
    UnsupportedMediaType,
    ValidationFailed,
)

Responses = dict[int | str, dict[str, Any]]


class ErrorDetail(BaseModel):
    """``code`` is the machine code; ``message`` is in the request's language.
    Some codes add fields (listed here); unknown ones may follow."""

    model_config = ConfigDict(extra="allow")

    code: str
    message: str
    fields: dict[str, list[str]] | None = Field(
        default=None, description="validation_failed: field name → its problems"
    )
    attempts_left: int | None = Field(default=None, description="invalid_code")
    retry_after: int | None = Field(
        default=None, description="429 answers: seconds, as the Retry-After header"
    )
    violations: list[str] | None = Field(default=None, description="weak_password")


class ErrorOut(BaseModel):
    """Every refusal: ``{"error": {"code", "message", ...}}``."""

    error: ErrorDetail


JSON_BODY: tuple[type[CentralError], ...] = (
    MalformedRequest,
    PayloadTooLarge,
    UnsupportedMediaType,
    ValidationFailed,
)
# a terminal's token is missing, unknown or revoked
TERMINAL: tuple[type[CentralError], ...] = (Unauthorized,)
# an Idempotency-Key missing, no UUID, or reused with another body
IDEMPOTENT: tuple[type[CentralError], ...] = (
    IdempotencyKeyRequired,
    IdempotencyConflict,
    ValidationFailed,
)
# a terminal's POST with a JSON body and an Idempotency-Key
TERMINAL_POST: tuple[type[CentralError], ...] = (*TERMINAL, *IDEMPOTENT, *JSON_BODY)
# an SMS code typed in: wrong, expired, tried too often, or for nothing the terminal owns
CODE: tuple[type[CentralError], ...] = (InvalidCode, CodeExpired, TooManyAttempts, NotFound)
# a client session: missing, expired or revoked; opened with a temporary password
CLIENT: tuple[type[CentralError], ...] = (Unauthorized, PasswordChangeRequired)
RETRY_AFTER_HEADER = {
    "Retry-After": {"description": "seconds to wait", "schema": {"type": "integer"}}
}


def _codes_by_status(errors: tuple[type[CentralError], ...]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = defaultdict(list)
    for error in errors:
        if error.code not in found[error.status]:
            found[error.status].append(error.code)
    return dict(sorted(found.items()))


def _description(codes: list[str]) -> str:
    return ", ".join(f"`{code}`" for code in codes)


def refusals(*errors: type[CentralError]) -> Responses:
    """JSON refusals: ``{status: {"model": ErrorOut, "description": codes}}``."""
    responses: Responses = {}
    for status, codes in _codes_by_status(errors).items():
        entry: dict[str, Any] = {"model": ErrorOut, "description": _description(codes)}
        if status == 429:
            entry["headers"] = RETRY_AFTER_HEADER
        responses[status] = entry
    return responses


def html_refusals(pages: dict[int, str], *errors: type[CentralError]) -> Responses:
    """Refusals of an HTML page: ``pages`` (status → what the page says) answered
    as HTML, ``errors`` (query validation) as the JSON ``ErrorOut``. FastAPI would
    give a ``model`` the page's media type, so the JSON ones name the schema."""
    responses: Responses = {
        status: {"description": text, "content": {"text/html": {"schema": {"type": "string"}}}}
        for status, text in sorted(pages.items())
    }
    for status, codes in _codes_by_status(errors).items():
        responses[status] = {
            "description": _description(codes),
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}},
        }
    return responses
