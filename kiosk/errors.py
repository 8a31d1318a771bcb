"""Typed outcomes of the central's refusals, as the kiosk sees them.

``temporary`` says whether trying the same request later may succeed: the
outbox retries only those, and sets the others aside for a person to look at.
``code`` is the contract's machine code from ``vic_rules.codes.ErrorCode`` (the
central's errors use the same constants), except for the terminal's own outcomes
``unreachable`` and ``unexpected_response``, which no central answers with.
"""

from __future__ import annotations

from typing import ClassVar

from vic_rules.codes import ErrorCode


class CentralError(Exception):
    """Any refusal or failure of a call to the central."""

    temporary: ClassVar[bool] = False
    code: ClassVar[str] = "error"
    # what the terminal's window says when opening fails so (``ui.startup``
    # translates the key; the message, for the operator, goes to the log only)
    problem_key: ClassVar[str] = "central"

    def __init__(self, message: str = "") -> None:
        super().__init__(message or self.code)
        self.message = message


class Unreachable(CentralError):
    """No answer: connection refused or reset, timeout, DNS, or a 5xx."""

    temporary = True
    code = "unreachable"
    problem_key = "unreachable"


class ServerError(Unreachable):
    """The central answered 5xx: it is there but failed on this request. A kind of
    ``Unreachable`` (trying later may succeed); the outbox tells it apart, since a
    5xx repeated for one entry while others go through is that entry's problem."""

    code = "server_error"

    def __init__(self, message: str = "", status: int = 500) -> None:
        super().__init__(message)
        self.status = status


class RateLimited(CentralError):
    temporary = True
    code = ErrorCode.RATE_LIMITED

    def __init__(self, message: str = "", retry_after_s: float = 60.0) -> None:
        super().__init__(message)
        self.retry_after_s = retry_after_s


class LinkSmsLimited(RateLimited):
    """The claim's upload link went by SMS as often as an hour allows."""

    code = ErrorCode.LINK_SMS_LIMITED


class AccountExists(CentralError):
    code = ErrorCode.ACCOUNT_EXISTS


class ValidationFailed(CentralError):
    code = ErrorCode.VALIDATION_FAILED

    def __init__(self, message: str = "", fields: dict[str, list[str]] | None = None) -> None:
        super().__init__(message)
        self.fields = fields or {}


class InvalidCode(CentralError):
    code = ErrorCode.INVALID_CODE

    def __init__(self, message: str = "", attempts_left: int = 0) -> None:
        super().__init__(message)
        self.attempts_left = attempts_left


class CodeExpired(CentralError):
    code = ErrorCode.CODE_EXPIRED


class TooManyAttempts(CentralError):
    """The code is burnt; a new one must be sent."""

    code = ErrorCode.TOO_MANY_ATTEMPTS


class NotFound(CentralError):
    code = ErrorCode.NOT_FOUND


class AlreadyConfirmed(CentralError):
    code = ErrorCode.ALREADY_CONFIRMED


class InvalidCredentials(CentralError):
    code = ErrorCode.INVALID_CREDENTIALS


class AccountNotActivated(CentralError):
    code = ErrorCode.ACCOUNT_NOT_ACTIVATED


class WeakPassword(CentralError):
    code = ErrorCode.WEAK_PASSWORD

    def __init__(self, message: str = "", violations: list[str] | None = None) -> None:
        super().__init__(message)
        self.violations = violations or []


class Unauthorized(CentralError):
    """The terminal or client token was refused (revoked, expired, unknown)."""

    code = ErrorCode.UNAUTHORIZED


class IdempotencyConflict(CentralError):
    code = ErrorCode.IDEMPOTENCY_CONFLICT


class UnexpectedResponse(CentralError):
    """An answer the contract does not describe; not retried automatically.

    ``status`` is the HTTP status (None when there was no usable answer); the
    body is never kept, as it may hold personal data.
    """

    code = "unexpected_response"

    def __init__(self, message: str = "", status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class TooLarge(CentralError):
    """A claim's document above the central's size limit (10 MiB): 413."""

    code = ErrorCode.TOO_LARGE


class UnsupportedType(CentralError):
    """A claim's document that is not a JPEG, PNG or PDF by its content: 415."""

    code = ErrorCode.UNSUPPORTED_TYPE


class TooManyDocuments(CentralError):
    """The claim already holds the most documents it may (20): 409."""

    code = ErrorCode.TOO_MANY_DOCUMENTS


class ClaimDecided(CentralError):
    """The claim is approved, paid or rejected: it takes no more documents (409)."""

    code = ErrorCode.CLAIM_DECIDED
