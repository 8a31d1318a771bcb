"""Business errors: types that carry their HTTP status and machine code.

Routes raise them; one exception handler turns each into the contract's
``{"error": {"code", "message", ...extra}}`` with the message in the request's
language. Add a subclass per outcome; never return error dicts by hand. Codes
are ``vic_rules.codes.ErrorCode`` members, the constants the terminal maps
answers back by, so one code has one meaning on both sides.

``commits`` says whether the work done before the error must still be
committed: a wrong code burns an attempt, a failed login counts towards the
rate limit. Everything else rolls back.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from vic_rules.codes import ErrorCode


class CentralError(Exception):
    status: ClassVar[int] = 400
    code: ClassVar[str] = "bad_request"
    # the key of the message text in central.core.i18n.ERRORS; the code when empty
    text_key: ClassVar[str] = ""
    commits: ClassVar[bool] = False

    def __init__(self, **extra: Any) -> None:
        super().__init__(self.code)
        self.extra = extra
        self.headers: dict[str, str] = {}


class MalformedRequest(CentralError):
    """The body is not JSON, not UTF-8, or not the JSON object the route takes."""

    code = ErrorCode.MALFORMED_REQUEST


class ValidationFailed(CentralError):
    status = 422
    code = ErrorCode.VALIDATION_FAILED

    def __init__(self, fields: dict[str, list[str]]) -> None:
        super().__init__(fields=fields)
        self.fields = fields


class Unauthorized(CentralError):
    status = 401
    code = ErrorCode.UNAUTHORIZED


class PasswordChangeRequired(CentralError):
    status = 403
    code = ErrorCode.PASSWORD_CHANGE_REQUIRED


class NotFound(CentralError):
    status = 404
    code = ErrorCode.NOT_FOUND


class MethodNotAllowed(CentralError):
    status = 405
    code = ErrorCode.METHOD_NOT_ALLOWED


class AccountExists(CentralError):
    status = 409
    code = ErrorCode.ACCOUNT_EXISTS


class AccountExistsNotified(AccountExists):
    """A registration captured offline reached the central after the client left
    and the client already has an account: the notices to the client (SMS and
    email: how to log in and reset) are committed with the refusal, because
    nobody is at the terminal to tell them any more."""

    commits = True


class AlreadyConfirmed(CentralError):
    status = 409
    code = ErrorCode.ALREADY_CONFIRMED


class IdempotencyKeyRequired(CentralError):
    """A terminal POST without ``Idempotency-Key`` (contract v1.1): refused before
    any work, so no request escapes the per-key serialisation and replay."""

    code = "idempotency_key_required"


class IdempotencyConflict(CentralError):
    status = 409
    code = ErrorCode.IDEMPOTENCY_CONFLICT


class InvalidCode(CentralError):
    code = ErrorCode.INVALID_CODE
    commits = True

    def __init__(self, attempts_left: int) -> None:
        super().__init__(attempts_left=attempts_left)


class CodeExpired(CentralError):
    status = 410
    code = ErrorCode.CODE_EXPIRED


class PayloadTooLarge(CentralError):
    status = 413
    code = ErrorCode.PAYLOAD_TOO_LARGE


class UnsupportedMediaType(CentralError):
    status = 415
    code = ErrorCode.UNSUPPORTED_MEDIA_TYPE


class _Retryable(CentralError):
    status = 429

    def __init__(self, retry_after_s: float, **extra: Any) -> None:
        seconds = max(1, int(retry_after_s + 0.999))
        super().__init__(retry_after=seconds, **extra)
        self.headers["Retry-After"] = str(seconds)


class RateLimited(_Retryable):
    code = ErrorCode.RATE_LIMITED


class TooManyAttempts(_Retryable):
    """The code is burnt; a resend (after ``retry_after``) gives a new one."""

    code = ErrorCode.TOO_MANY_ATTEMPTS
    commits = True


class InvalidCredentials(CentralError):
    status = 401
    code = ErrorCode.INVALID_CREDENTIALS
    commits = True


class TemporaryPasswordExpired(InvalidCredentials):
    """The right temporary password, past ``temporary_password_ttl_s``. The contract
    has no code for it, so it stays ``invalid_credentials``; only the message tells
    (a caller who knew the password) that a password reset sends a new one."""

    text_key = "temporary_password_expired"


class AccountNotActivated(CentralError):
    status = 403
    code = ErrorCode.ACCOUNT_NOT_ACTIVATED
    commits = True


class WeakPassword(CentralError):
    status = 422
    code = ErrorCode.WEAK_PASSWORD

    def __init__(self, violations: list[str]) -> None:
        super().__init__(violations=violations)
        self.violations = violations


class NotReady(CentralError):
    status = 503
    code = ErrorCode.NOT_READY


class InternalError(CentralError):
    status = 500
    code = ErrorCode.INTERNAL_ERROR


# --- online claims -------------------------------------------------------------
# the four of the contract are ErrorCode members; the others are the insurer's
# CLI's and the upload page's only


class MalformedUpload(MalformedRequest):
    """An upload that is not ``multipart/form-data`` with a file in ``file``: the
    contract's ``malformed_request``, with a sentence about files, not JSON."""

    text_key = "malformed_upload"


class DocumentTooLarge(CentralError):
    """A claim's document over 10 MiB, refused at the first byte beyond."""

    status = 413
    code = ErrorCode.TOO_LARGE


class UnsupportedDocumentType(CentralError):
    """A document whose content is not JPEG, PNG or PDF, whatever its name says."""

    status = 415
    code = ErrorCode.UNSUPPORTED_TYPE


class TooManyDocuments(CentralError):
    status = 409
    code = ErrorCode.TOO_MANY_DOCUMENTS


class ClaimDecided(CentralError):
    """The claim is approved, paid or rejected: it takes no more documents."""

    status = 409
    code = ErrorCode.CLAIM_DECIDED


class LinkSmsLimited(_Retryable):
    """The claim's upload link went by SMS ``claim_link_sms_per_claim_per_hour``
    times in the last hour; ``retry_after`` says when the next may go."""

    code = ErrorCode.LINK_SMS_LIMITED


class ClaimTransitionRefused(CentralError):
    """A status change outside the claim's state machine (the insurer's CLI)."""

    status = 409
    code = "claim_transition_refused"

    def __init__(self, number: str, current: str, requested: str) -> None:
        super().__init__(number=number, current=current, requested=requested)
        self.number, self.current, self.requested = number, current, requested


class ClaimNoteRequired(CentralError):
    """``documents_requested`` must say what is missing, ``rejected`` why."""

    status = 422
    code = "claim_note_required"


class ClaimAmountRequired(CentralError):
    """``approved`` needs the amount (a positive number of tenge)."""

    status = 422
    code = "claim_amount_required"


class UploadLinkInvalid(CentralError):
    """An upload link nobody issued (or whose claim is gone)."""

    status = 404
    code = "link_invalid"


class UploadLinkExpired(CentralError):
    """An upload link past its 15 minutes, or already used once."""

    status = 410
    code = "link_expired"


class UploadLinkUsed(UploadLinkExpired):
    """An upload link that already took its files (at ``used_at``): to the API
    the same refusal; the phone page tells a second tap it was received."""

    def __init__(self, used_at: datetime) -> None:
        super().__init__()
        self.used_at = used_at
