"""What a delivery backend is and how it reports failure.

A backend sends one message synchronously. It returns on success and raises
``TemporaryDeliveryError`` (worth retrying: network, rate limit, 4xx SMTP, 5xx
gateway) or ``PermanentDeliveryError`` (an operator must look: bad address,
authentication, validation). Reasons never contain the body.
"""

from __future__ import annotations

from typing import Protocol

from central.crud.messages import ClaimedMessage
from vic_rules.email import mask_email
from vic_rules.phone import mask_phone


class DeliveryError(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class TemporaryDeliveryError(DeliveryError):
    pass


class PermanentDeliveryError(DeliveryError):
    pass


class Backend(Protocol):
    name: str

    def deliver(self, message: ClaimedMessage) -> None: ...


def mask_recipient(to: str) -> str:
    """A recipient safe for logs: ``+7 701 *** ** 67`` or ``a***@mail.ru``."""
    return mask_email(to) if "@" in to else mask_phone(to)
