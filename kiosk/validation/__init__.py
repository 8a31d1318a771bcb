"""Checks of what a client types: phone, email, password. Pure, offline, no Qt."""

from kiosk.validation.email import EmailProblem, mask_email, normalize_email, suggest_email
from kiosk.validation.password import RULES, violations
from kiosk.validation.phone import (
    PhoneProblem,
    display_phone,
    format_as_typed,
    mask_phone,
    normalize_phone,
)

__all__ = [
    "RULES",
    "EmailProblem",
    "PhoneProblem",
    "display_phone",
    "format_as_typed",
    "mask_email",
    "mask_phone",
    "normalize_email",
    "normalize_phone",
    "suggest_email",
    "violations",
]
