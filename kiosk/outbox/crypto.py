"""Sealing of an outbox entry's personal data with AES-256-GCM.

The key (32 bytes) lives in the keyring, never in the data folder. Each blob is
``nonce (12 bytes) || ciphertext+tag``; the entry id is the associated data, so
a blob copied onto another entry's row fails to open instead of delivering the
wrong person's data.
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from kiosk.api_types import RegistrationRequest

KEY_BYTES = 32
NONCE_BYTES = 12


class UndecryptableEntry(Exception):
    """The blob does not open with this key and entry id (key lost or changed,
    or the blob was moved or altered)."""


def new_key() -> bytes:
    """A fresh random outbox key, to be stored in the keyring."""
    return AESGCM.generate_key(bit_length=KEY_BYTES * 8)


def check_key(key: bytes) -> None:
    if not isinstance(key, bytes | bytearray) or len(key) != KEY_BYTES:
        raise ValueError(f"the outbox key must be {KEY_BYTES} bytes")


def seal(key: bytes, entry_id: str, plaintext: bytes) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, entry_id.encode())


def unseal(key: bytes, entry_id: str, blob: bytes) -> bytes:
    """The plaintext, or ``UndecryptableEntry``."""
    if len(blob) <= NONCE_BYTES:
        raise UndecryptableEntry("the sealed data is truncated")
    try:
        return AESGCM(key).decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], entry_id.encode())
    except InvalidTag:
        raise UndecryptableEntry(
            "the sealed data does not open with this terminal's outbox key"
        ) from None


def request_to_bytes(req: RegistrationRequest) -> bytes:
    doc: dict[str, Any] = {
        "email": req.email,
        "phone": req.phone,
        "consent": req.consent,
        "locale": req.locale,
        "operator": req.operator,
        "captured_at": req.captured_at.isoformat() if req.captured_at else None,
    }
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()


def request_from_bytes(data: bytes) -> RegistrationRequest:
    doc = json.loads(data)
    captured = doc.get("captured_at")
    return RegistrationRequest(
        email=doc["email"],
        phone=doc["phone"],
        consent=bool(doc["consent"]),
        locale=doc.get("locale", "ru"),
        operator=doc.get("operator"),
        captured_at=datetime.fromisoformat(captured) if captured else None,
    )
