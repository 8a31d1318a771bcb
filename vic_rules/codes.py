"""The contract's machine codes, one constant per code (``shared/api-contract.md``).

Both sides name codes through these enums: the central raises errors carrying
them and the terminal maps answers back to its error types by them, so one code
has one meaning. Members are ``str`` (``StrEnum``): they compare equal to the
plain text, serialise to it in JSON and format as it in f-strings, so a caller may
use them wherever the text was used.
"""

from __future__ import annotations

from enum import StrEnum, unique

__all__ = ["ErrorCode", "FieldCode", "PasswordRule"]


@unique
class ErrorCode(StrEnum):
    """``error.code`` of a refusal (``{"error": {"code", "message", ...}}``)."""

    BAD_REQUEST = "bad_request"
    MALFORMED_REQUEST = "malformed_request"
    VALIDATION_FAILED = "validation_failed"
    UNAUTHORIZED = "unauthorized"
    PASSWORD_CHANGE_REQUIRED = "password_change_required"
    NOT_FOUND = "not_found"
    METHOD_NOT_ALLOWED = "method_not_allowed"
    ACCOUNT_EXISTS = "account_exists"
    ALREADY_CONFIRMED = "already_confirmed"
    IDEMPOTENCY_CONFLICT = "idempotency_conflict"
    IDEMPOTENCY_KEY_REQUIRED = "idempotency_key_required"
    INVALID_CODE = "invalid_code"
    CODE_EXPIRED = "code_expired"
    PAYLOAD_TOO_LARGE = "payload_too_large"
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"
    RATE_LIMITED = "rate_limited"
    TOO_MANY_ATTEMPTS = "too_many_attempts"
    INVALID_CREDENTIALS = "invalid_credentials"
    ACCOUNT_NOT_ACTIVATED = "account_not_activated"
    WEAK_PASSWORD = "weak_password"
    NOT_READY = "not_ready"
    INTERNAL_ERROR = "internal_error"
    # v1.1 claims
    TOO_LARGE = "too_large"
    UNSUPPORTED_TYPE = "unsupported_type"
    TOO_MANY_DOCUMENTS = "too_many_documents"
    CLAIM_DECIDED = "claim_decided"
    # ours (429): the claim's upload link went by SMS as often as an hour allows
    LINK_SMS_LIMITED = "link_sms_limited"


@unique
class FieldCode(StrEnum):
    """A problem of one field in ``validation_failed``'s ``fields``."""

    INVALID_EMAIL = "invalid_email"
    INVALID_PHONE = "invalid_phone"
    NOT_MOBILE = "not_mobile"
    REGION_NOT_ALLOWED = "region_not_allowed"
    CONSENT_REQUIRED = "consent_required"
    OUT_OF_RANGE = "out_of_range"
    REQUIRED = "required"
    UNKNOWN_FIELD = "unknown_field"
    TOO_LONG = "too_long"
    TOO_SHORT = "too_short"
    INVALID_CHOICE = "invalid_choice"
    INVALID_FORMAT = "invalid_format"
    # v1.1: NUL or another control character in a text field, path or query value
    FORBIDDEN_CHARACTER = "forbidden_character"
    # v1.1 claims
    UNKNOWN_CONTRACT = "unknown_contract"
    NOT_ACTIVE_ON_EVENT_DATE = "not_active_on_event_date"
    IN_FUTURE = "in_future"
    UNKNOWN_KIND = "unknown_kind"


@unique
class PasswordRule(StrEnum):
    """A ``weak_password`` violation; the declaration order is the order listed."""

    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    MISSING_UPPER = "missing_upper"
    MISSING_LOWER = "missing_lower"
    MISSING_DIGIT = "missing_digit"
    MISSING_SPECIAL = "missing_special"
    FORBIDDEN_CHARACTER = "forbidden_character"
    FORBIDDEN_PASSWORD = "forbidden_password"
    SAME_AS_CURRENT = "same_as_current"
