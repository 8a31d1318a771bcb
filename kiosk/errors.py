"""Typed outcomes of the central's refusals, as the kiosk sees them.

``temporary`` says whether trying the same request later may succeed: the
outbox retries only those, and sets the others aside for a person to look at.
"""

from __future__ import annotations

from typing import ClassVar


class CentralError(Exception):
    """Any refusal or failure of a call to the central."""

    temporary: ClassVar[bool] = False
    code: ClassVar[str] = "error"

    def __init__(self, message: str = "") -> None:
        super().__init__(message or self.code)
        self.message = message


class Unreachable(CentralError):
    """No answer: connection refused or reset, timeout, DNS, or a 5xx."""

    temporary = True
    code = "unreachable"


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
    code = "rate_limited"

    def __init__(self, message: str = "", retry_after_s: float = 60.0) -> None:
        super().__init__(message)
        self.retry_after_s = retry_after_s


class AccountExists(CentralError):
    code = "account_exists"


class ValidationFailed(CentralError):
    code = "validation_failed"

    def __init__(self, message: str = "", fields: dict[str, list[str]] | None = None) -> None:
        super().__init__(message)
        self.fields = fields or {}


class InvalidCode(CentralError):
    code = "invalid_code"

    def __init__(self, message: str = "", attempts_left: int = 0) -> None:
        super().__init__(message)
        self.attempts_left = attempts_left


class CodeExpired(CentralError):
    code = "code_expired"


class TooManyAttempts(CentralError):
    """The code is burnt; a new one must be sent."""

    code = "too_many_attempts"


class NotFound(CentralError):
    code = "not_found"


class AlreadyConfirmed(CentralError):
    code = "already_confirmed"


class InvalidCredentials(CentralError):
    code = "invalid_credentials"


class AccountNotActivated(CentralError):
    code = "account_not_activated"


class WeakPassword(CentralError):
    code = "weak_password"

    def __init__(self, message: str = "", violations: list[str] | None = None) -> None:
        super().__init__(message)
        self.violations = violations or []


class Unauthorized(CentralError):
    """The terminal or client token was refused (revoked, expired, unknown)."""

    code = "unauthorized"


class IdempotencyConflict(CentralError):
    code = "idempotency_conflict"


class UnexpectedResponse(CentralError):
    """An answer the contract does not describe; not retried automatically.

    ``status`` is the HTTP status (None when there was no usable answer); the
    body is never kept, as it may hold personal data.
    """

    code = "unexpected_response"

    def __init__(self, message: str = "", status: int | None = None) -> None:
        super().__init__(message)
        self.status = status
