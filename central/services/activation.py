"""Activation of an account by the link of its email: once per link, and
activating spends every link of the account ("already used" after)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy.orm import Session

from central.core.security import hash_token
from central.repositories import accounts, audit, tokens

MAX_TOKEN_CHARS = 200


class Activation(StrEnum):
    """What a link did: the page says it (no error type: each is a page)."""

    ACTIVATED = "activated"
    INVALID = "link_invalid"
    USED = "link_used"
    EXPIRED = "link_expired"


def activate(db: Session, token: str, now: datetime) -> Activation:
    """Activate the account of a valid, unused, unexpired link."""
    found = tokens.activation_for_update(db, hash_token(token[:MAX_TOKEN_CHARS]))
    if found is None:
        return Activation.INVALID
    if found.used_at is not None:
        return Activation.USED
    if found.expires_at <= now:
        return Activation.EXPIRED
    account = accounts.get(db, found.account_id)
    if account is None:
        return Activation.INVALID
    tokens.spend_activations(db, account.id, now)  # this link and every older one
    found.used_at = now
    if account.status != "active":
        account.status = "active"
        account.activated_at = now
    audit.record(db, "account_activated", now, account_id=account.id)
    db.flush()
    return Activation.ACTIVATED
